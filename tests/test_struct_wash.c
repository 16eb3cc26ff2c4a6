/* SPDX-License-Identifier: Apache-2.0 */
/* Structured washer: field names, CSV and JSON by structure, chunking,
 * round trip, integers, syntax errors with position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"
#include "struct_wash_util.h"

static const uint8_t key[DKCPR_KEY_BYTES] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

static dkcpr_pseudonymizer *pseudonymizer(void) {
  dkcpr_pseudonymizer *p = NULL;
  assert_int_equal(dkcpr_pseudonymizer_new(&p, key, sizeof key,
                                           (const uint8_t *)"test", 4,
                                           DKCPR_KEEP_DEFAULT, 0),
                   DKCPR_OK);
  return p;
}

/* Wash in with chunks of `step` bytes (0: all at once); returns malloc'd
 * output (NUL-terminated) or NULL with *st the failing status. */
static char *wash(const dkcpr_pseudonymizer *p, dkcpr_wash_mode mode,
                  dkcpr_data_format f, const char *in, size_t len, size_t step,
                  dkcpr_status *st, dkcpr_struct_washer **keep) {
  dkcpr_struct_washer *w = struct_washer_of(p, mode, f, NULL, NULL);
  struct_run r = struct_feed_all(w, in, len, step);
  *st = r.st;
  if (keep) *keep = w;
  else dkcpr_struct_washer_free(w);
  if (r.st != DKCPR_OK) {
    free(r.out);
    return NULL;
  }
  return r.out;
}

static const char csv_in[] =
    "id,cpr,navn,note\r\n"
    "1,0405205297,Anna,\"ring 0405205297, tak\"\r\n"
    "2,405205297,\"Bo \"\"B\"\"\",x\r\n"
    "3, 040520-5297 ,Cy,\"to\nlinjer\"\r\n"
    "4,,D,\r\n"
    "5,\"0405205297\",E,\xff\r\n"
    "6,ikke et nummer,F,\r\n";

/* As a Danish spreadsheet writes it: semicolons, a comma in a decimal. */
static const char csv_semicolon_in[] =
    "cpr_nr;\"navn; fuld\";beløb\r\n"
    "405205297;Anna;12,50\r\n"
    "040520-5297;\"Bo; B\";1,5\r\n";

static const char json_in[] =
    "[{\"cpr\": 405205297, \"cprNr\": \"0405205297\", \"n\": 1505201234,\n"
    "  \"note\": \"cpr 0405205297 \\u0030\", \"x\": [1, 2.5e3, -3, true, null],\n"
    "  \"deep\": {\"personnummer\": [\"040520-5297\", 405205297, 1505201234]}},\n"
    " {\"cpr\": 1505201234, \"cpr_nr\": \"\\u0030405205297\"}]\n";

static const char sql_in[] =
    "-- PostgreSQL database dump\n"
    "CREATE TABLE public.person (\n    id integer NOT NULL,\n    cpr character(10),\n"
    "    patient_cpr bigint,\n    navn text,\n    CONSTRAINT p PRIMARY KEY (id)\n);\n"
    "CREATE FUNCTION f() RETURNS text AS $b$ SELECT '1505201234; it''s'; $b$ LANGUAGE sql;\n"
    "COPY public.person (id, cpr, patient_cpr, navn) FROM stdin;\n"
    "1\t0405205297\t405205297\tring 0405205297\n"
    "2\t\\N\t1505201234\t\\N\n"
    "3\t040520-5297\t\\N\tC\\tD\n"
    "\\.\n"
    "INSERT INTO public.person VALUES (4, '0405205297', 405205297, 'O''Brien 0405205297');\n"
    "INSERT INTO `person` (`navn`, `patient_cpr`, `cpr`) VALUES ('x', 1505201234, '1505201234'),"
    "('y\\'s', -42, 'ukendt');\n"
    "/* 0405205297 */ SELECT setval('s', 1505201234, true); -- 1505201234\n";

static void test_field_names(void **state) {
  static const char *const yes[] = {"cpr", "CPR", "cpr_nr", "cprNr", "CPR-NR", "cpr.nr",
                                    "personnummer", "PersonCivilRegistrationIdentifier",
                                    "patient_cpr", "morCpr", "barn_personnummer", "pnr"};
  static const char *const no[] = {"", "id", "navn", "cprstatus", "fødselsdato", "pn", "cpr2"};
  size_t i;
  (void)state;
  for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
    assert_true(dkcpr_field_is_cpr(yes[i], strlen(yes[i])));
  for (i = 0; i < sizeof no / sizeof no[0]; i++)
    assert_false(dkcpr_field_is_cpr(no[i], strlen(no[i])));
  assert_false(dkcpr_field_is_cpr(NULL, 3));
}

static void test_options(void **state) {
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  (void)state;
  assert_int_equal(dkcpr_struct_options_init(NULL, 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_struct_options_init(&so, 0), DKCPR_E_ARG);
  assert_int_equal(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION + 1), DKCPR_E_ARG);
  assert_int_equal(dkcpr_struct_options_init(&so, 1), DKCPR_OK);
  so.format = (dkcpr_data_format)99;
  assert_int_equal(dkcpr_struct_washer_new(&w, NULL, NULL, NULL, &so), DKCPR_E_ARG);
  assert_null(w);
  so.format = DKCPR_DATA_CSV;
  /* Pseudonym mode (the default) needs a pseudonymizer. */
  assert_int_equal(dkcpr_struct_washer_new(&w, NULL, NULL, NULL, &so), DKCPR_E_NULL);
  assert_string_equal(dkcpr_data_format_name(DKCPR_DATA_JSONL), "jsonl");
  assert_string_equal(dkcpr_data_format_name((dkcpr_data_format)42), "unknown");
  dkcpr_struct_washer_free(NULL);
}

/* Every chunking gives the same bytes, reveal gives the input back (all of
 * it when nothing was replaced irreversibly; washing what it gives gives the
 * same output in any case), and the CPR values are gone. */
static void round_trip(dkcpr_data_format f, const char *in) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_status st;
  dkcpr_struct_washer *w = NULL;
  dkcpr_wash_stats s;
  size_t len = strlen(in), step;
  char *whole = wash(p, DKCPR_WASH_PSEUDONYM, f, in, len, 0, &st, &w);
  assert_int_equal(st, DKCPR_OK);
  s.version = DKCPR_WASH_STATS_VERSION;
  assert_int_equal(dkcpr_struct_washer_stats(&s, NULL, w), DKCPR_OK);
  dkcpr_struct_washer_free(w);
  assert_null(strstr(whole, "0405205297"));
  assert_null(strstr(whole, "405205297"));
  assert_null(strstr(whole, "040520-5297"));
  assert_null(strstr(whole, "1505201234"));
  for (step = 1; step < 40; step += 3) {
    char *part = wash(p, DKCPR_WASH_PSEUDONYM, f, in, len, step, &st, NULL);
    assert_int_equal(st, DKCPR_OK);
    assert_string_equal(part, whole);
    free(part);
  }
  {
    char *back = wash(p, DKCPR_WASH_REVEAL, f, whole, strlen(whole), 7, &st, NULL);
    char *again;
    assert_int_equal(st, DKCPR_OK);
    if (s.irreversible == 0) assert_string_equal(back, in);
    again = wash(p, DKCPR_WASH_PSEUDONYM, f, back, strlen(back), 5, &st, NULL);
    assert_int_equal(st, DKCPR_OK);
    assert_string_equal(again, whole);
    free(again);
    free(back);
  }
  free(whole);
  dkcpr_pseudonymizer_free(p);
}

static void test_csv_round_trip(void **state) {
  (void)state;
  round_trip(DKCPR_DATA_CSV, csv_in);
}

static void test_sql_round_trip(void **state) {
  (void)state;
  round_trip(DKCPR_DATA_SQL, sql_in);
}

/* json and jsonb columns: a number under a CPR key is a CPR number in any
 * form and stays a number, in COPY data and in INSERT strings alike. */
static const char sql_json_in[] =
    "CREATE TABLE p (id int, doc jsonb, note text);\n"
    "COPY p (id, doc, note) FROM stdin;\n"
    "1\t{\"cpr\": 405205297, \"ids\": [1, 2], \"x\": \"a\\\\\"b\", \"mor_cpr\": [405205297]}\tn\n"
    "2\t{\"patient\": {\"cpr\": 405205297}, \"k\": 1505201234}\t\\N\n"
    "\\.\n"
    "INSERT INTO p VALUES (3, '{\"cpr\": 405205297, \"s\": \"it''s\"}', 'x');\n";

static void test_sql_json_columns(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_struct_washer *w = NULL;
  dkcpr_status st;
  dkcpr_struct_counts c;
  char pseudo[11], integer[16];
  size_t n;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_SQL, sql_json_in, strlen(sql_json_in),
                   0, &st, &w);
  (void)state;
  assert_int_equal(st, DKCPR_OK);
  assert_int_equal(dkcpr_pseudonymize(pseudo, sizeof pseudo, &n, p, "0405205297", 10, NULL),
                   DKCPR_OK);
  snprintf(integer, sizeof integer, "%s", pseudo[0] == '0' ? pseudo + 1 : pseudo);
  {
    char want[64];
    snprintf(want, sizeof want, "{\"cpr\": %s, \"ids\": [1, 2]", integer);
    assert_non_null(strstr(out, want));
    snprintf(want, sizeof want, "\"mor_cpr\": [%s]}\tn\n", integer);
    assert_non_null(strstr(out, want));
    snprintf(want, sizeof want, "{\"patient\": {\"cpr\": %s}, \"k\": ", integer);
    assert_non_null(strstr(out, want));
    snprintf(want, sizeof want, "'{\"cpr\": %s, \"s\": \"it''s\"}'", integer);
    assert_non_null(strstr(out, want));
  }
  assert_null(strstr(out, "405205297"));
  assert_null(strstr(out, "1505201234"));
  assert_non_null(strstr(out, "\"x\": \"a\\\\\"b\""));
  c.version = DKCPR_STRUCT_COUNTS_VERSION;
  assert_int_equal(dkcpr_struct_washer_stats(NULL, &c, w), DKCPR_OK);
  assert_int_equal(c.values, 4);
  dkcpr_struct_washer_free(w);
  free(out);
  dkcpr_pseudonymizer_free(p);
  round_trip(DKCPR_DATA_SQL, sql_json_in);
}

/* FHIR: an identifier whose system is the CPR register's OID holds a CPR
 * number in "value", nine digits included; another system's does not. */
static void test_json_fhir_identifier(void **state) {
  static const char in[] =
      "{\"resourceType\": \"Patient\", \"identifier\": [\n"
      "  {\"use\": \"official\", \"system\": \"urn:oid:1.2.208.176.1.2\", \"value\": \"405205297\"},\n"
      "  {\"system\": \"urn:oid:1.2.208.176.1.99\", \"value\": \"405205297\"},\n"
      "  {\"system\": \"urn:oid:1.2.208.176.1.2x\", \"value\": \"405205297\"},\n"
      "  {\"value\": \"405205297\", \"system\": \"other\"}],\n"
      " \"value\": \"405205297\"}\n";
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_struct_washer *w = NULL;
  dkcpr_status st;
  dkcpr_struct_counts c;
  char pseudo[11], want[128];
  size_t n, step;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSON, in, strlen(in), 0, &st, &w);
  (void)state;
  assert_int_equal(st, DKCPR_OK);
  c.version = DKCPR_STRUCT_COUNTS_VERSION;
  assert_int_equal(dkcpr_struct_washer_stats(NULL, &c, w), DKCPR_OK);
  dkcpr_struct_washer_free(w);
  assert_int_equal(c.values, 1);
  assert_int_equal(c.replaced + c.irreversible, 1); /* ten digits for nine: irreversible */
  assert_int_equal(dkcpr_pseudonymize(pseudo, sizeof pseudo, &n, p, "0405205297", 10, NULL),
                   DKCPR_OK);
  snprintf(want, sizeof want, "\"system\": \"urn:oid:1.2.208.176.1.2\", \"value\": \"%s\"}",
           pseudo[0] == '0' ? pseudo + 1 : pseudo);
  assert_non_null(strstr(out, want));
  /* The others keep their nine digits (text washing leaves nine digits). */
  assert_non_null(strstr(out, "1.99\", \"value\": \"405205297\""));
  assert_non_null(strstr(out, "1.2x\", \"value\": \"405205297\""));
  assert_non_null(strstr(out, "{\"value\": \"405205297\", \"system\": \"other\"}"));
  assert_non_null(strstr(out, " \"value\": \"405205297\"}"));
  for (step = 1; step < 30; step += 2) {
    char *part = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSON, in, strlen(in), step, &st, NULL);
    assert_string_equal(part, out);
    free(part);
  }
  free(out);
  dkcpr_pseudonymizer_free(p);
}

/* A JSON number that is no CPR number stays a valid number, also where
 * text washing would see one in it (150520.1234). */
static void test_json_decimals(void **state) {
  static const char in[] = "{\"a\": 150520.1234, \"cpr\": 150520.1234, \"b\": [2e10, -405205297]}";
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_status st;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSON, in, strlen(in), 0, &st, NULL);
  (void)state;
  assert_int_equal(st, DKCPR_OK);
  assert_string_equal(out, in);
  free(out);
  dkcpr_pseudonymizer_free(p);
}

/* The first record says semicolons: the CPR column is found, chunked or not. */
static void test_csv_semicolons(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_status st;
  char pseudonym[11], expect[64];
  size_t n;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_CSV, csv_semicolon_in,
                   strlen(csv_semicolon_in), 0, &st, NULL);
  (void)state;
  assert_int_equal(st, DKCPR_OK);
  assert_int_equal(dkcpr_pseudonymize(pseudonym, sizeof pseudonym, &n, p, "0405205297", 10, NULL),
                   DKCPR_OK);
  snprintf(expect, sizeof expect, "\r\n%s;Anna;12,50\r\n",
           pseudonym[0] == '0' ? pseudonym + 1 : pseudonym);
  assert_non_null(strstr(out, expect));
  snprintf(expect, sizeof expect, "\r\n%.6s-%s;\"Bo; B\";1,5\r\n", pseudonym, pseudonym + 6);
  assert_non_null(strstr(out, expect));
  free(out);
  dkcpr_pseudonymizer_free(p);
  round_trip(DKCPR_DATA_CSV, csv_semicolon_in);
}

static void test_json_round_trip(void **state) {
  char bom_json[sizeof json_in + 3] = "\xEF\xBB\xBF";
  (void)state;
  round_trip(DKCPR_DATA_JSON, json_in);
  /* A byte order mark (UTF-16 transcoded keeps one) is kept, not parsed. */
  memcpy(bom_json + 3, json_in, sizeof json_in);
  round_trip(DKCPR_DATA_JSON, bom_json);
  round_trip(DKCPR_DATA_JSONL, "\xEF\xBB\xBF{\"cpr\": 405205297}\n{\"cprNr\": \"0405205297\"}\n");
}

/* The integer the pseudonym of canon is written as: without a leading zero. */
static void expect_integer(const dkcpr_pseudonymizer *p, const char *canon,
                           const char *at) {
  char pseudonym[11];
  size_t n, digits;
  const char *want;
  assert_int_equal(dkcpr_pseudonymize(pseudonym, sizeof pseudonym, &n, p, canon, 10, NULL),
                   DKCPR_OK);
  want = pseudonym[0] == '0' ? pseudonym + 1 : pseudonym;
  digits = strspn(at, "0123456789");
  assert_int_equal(digits, strlen(want));
  assert_memory_equal(at, want, digits);
}

/* Integers stay integers and name the same pseudonym as the number's other
 * forms; the counts say so. */
static void test_integers(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_struct_washer *w = NULL;
  dkcpr_status st;
  dkcpr_struct_counts c;
  dkcpr_wash_stats s;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSON, json_in, strlen(json_in), 5, &st, &w);
  char pseudonym[11];
  size_t n;
  const char *v;
  int n_nine;
  (void)state;
  assert_int_equal(st, DKCPR_OK);
  v = strstr(out, "\"cpr\": ");
  assert_non_null(v);
  expect_integer(p, "0405205297", v + 7);
  v = strstr(out, "\"cprNr\": \"");
  assert_int_equal(dkcpr_pseudonymize(pseudonym, sizeof pseudonym, &n, p, "0405205297", 10, NULL),
                   DKCPR_OK);
  assert_memory_equal(v + 10, pseudonym, 10);
  v = strstr(out, "\"n\": ");
  expect_integer(p, "1505201234", v + 5);
  assert_int_equal(dkcpr_pseudonymize(pseudonym, sizeof pseudonym, &n, p, "1505201234", 10, NULL),
                   DKCPR_OK);
  n_nine = pseudonym[0] == '0'; /* outside a CPR field: reveal will not read it */
  c.version = DKCPR_STRUCT_COUNTS_VERSION;
  s.version = DKCPR_WASH_STATS_VERSION;
  assert_int_equal(dkcpr_struct_washer_stats(&s, &c, w), DKCPR_OK);
  assert_int_equal(c.values, 7);       /* the CPR fields' values */
  assert_int_equal(c.replaced, 6);
  assert_int_equal(c.unrecognised, 1); /* the escaped one: washed as text */
  assert_int_equal(c.integers, 5 - n_nine); /* in and out of CPR fields */
  assert_int_equal(s.irreversible, (uint64_t)n_nine);
  assert_true(s.replaced[DKCPR_KIND_CPR][DKCPR_CONFIDENCE_HIGH - 1] >= 6);
  c.version = 99;
  assert_int_equal(dkcpr_struct_washer_stats(NULL, &c, w), DKCPR_E_ARG);
  dkcpr_struct_washer_free(w);
  free(out);
  dkcpr_pseudonymizer_free(p);
}

/* A CPR field's integer written as a decimal, as a float column with
 * missing values writes it (pandas: 405205297.0), is the number: its
 * pseudonym keeps the ".0". Outside CPR fields such a number is left. */
static void test_decimal_integers(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_status st;
  const char *v;
  char *out;
  static const char in[] = "[{\"cpr\": 405205297.0, \"amount\": 405205297.0},\n"
                           " {\"cprNr\": 1505201234.00}, {\"cpr\": 405205297.5}]";
  (void)state;
  out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSON, in, strlen(in), 3, &st, NULL);
  assert_int_equal(st, DKCPR_OK);
  v = strstr(out, "\"cpr\": ");
  expect_integer(p, "0405205297", v + 7);
  assert_memory_equal(v + 7 + strspn(v + 7, "0123456789"), ".0,", 3);
  assert_non_null(strstr(out, "\"amount\": 405205297.0}"));
  v = strstr(out, "\"cprNr\": ");
  expect_integer(p, "1505201234", v + 9);
  assert_memory_equal(v + 9 + strspn(v + 9, "0123456789"), ".00}", 4);
  assert_non_null(strstr(out, "405205297.5")); /* not an integer: not a number */
  free(out);
  /* A mask is a string: the fraction cannot follow its quote. */
  out = wash(p, DKCPR_WASH_MASK, DKCPR_DATA_JSON, in, strlen(in), 0, &st, NULL);
  assert_int_equal(st, DKCPR_OK);
  assert_non_null(strstr(out, "\"cpr\": \"40520XXXX\", "));
  free(out);
  round_trip(DKCPR_DATA_JSON, "[{\"cpr\": 405205297.0}, {\"cprNr\": 1505201234.00}]");
  round_trip(DKCPR_DATA_CSV, "id,cpr\n1,1505201234.0\n2, 1505201234.000 \n");
  dkcpr_pseudonymizer_free(p);
}

/* MongoDB's Extended JSON (mongoexport): {"$numberLong": "405205297"} in a
 * CPR field is the field's integer; elsewhere it is text. */
static void test_json_number_wrappers(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_status st;
  const char *v;
  char *out;
  static const char in[] = "{\"cpr\": {\"$numberLong\": \"405205297\"},"
                           " \"kundenr\": {\"$numberLong\": \"405205297\"}}\n";
  (void)state;
  out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSONL, in, strlen(in), 4, &st, NULL);
  assert_int_equal(st, DKCPR_OK);
  v = strstr(out, "\"$numberLong\": \"");
  expect_integer(p, "0405205297", v + 16);
  assert_non_null(strstr(out, "\"kundenr\": {\"$numberLong\": \"405205297\"}"));
  free(out);
  round_trip(DKCPR_DATA_JSONL, "{\"_id\": {\"$oid\": \"5f1d7a3e2b1c4a0012345678\"},"
                               " \"cpr\": {\"$numberLong\": \"405205297\"}}\n"
                               "{\"p\": {\"cprNr\": {\"$numberInt\": \"1505201234\"}}}\n");
  dkcpr_pseudonymizer_free(p);
}

static void expect_error(dkcpr_data_format f, const char *in, size_t step,
                         uint64_t line, uint64_t column) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_struct_washer *w = NULL;
  dkcpr_struct_error e;
  dkcpr_status st;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, f, in, strlen(in), step, &st, &w);
  assert_null(out);
  assert_int_equal(st, DKCPR_E_SYNTAX);
  e.version = DKCPR_STRUCT_ERROR_VERSION;
  assert_int_equal(dkcpr_struct_washer_error(&e, w), DKCPR_OK);
  assert_int_equal(e.line, line);
  assert_int_equal(e.column, column);
  assert_non_null(e.message);
  {
    char buf[4096];
    size_t n;
    assert_int_equal(dkcpr_struct_washer_feed(buf, sizeof buf, &n, w, "a", 1), DKCPR_E_STATE);
  }
  dkcpr_struct_washer_free(w);
  dkcpr_pseudonymizer_free(p);
}

static void test_syntax_errors(void **state) {
  size_t step;
  (void)state;
  for (step = 0; step < 5; step++) {
    expect_error(DKCPR_DATA_CSV, "a,b\n1,2\n3,x\"y\n", step, 3, 4);
    expect_error(DKCPR_DATA_CSV, "a,b\n\"1\"x,2\n", step, 2, 4);
    expect_error(DKCPR_DATA_CSV, "a,b\n\"1,2\n", step, 3, 1);
    expect_error(DKCPR_DATA_CSV, "a,b\r1,2\n", step, 1, 5);
    expect_error(DKCPR_DATA_TSV, "å\tb\n1\tx\"\n", step, 2, 4);
    expect_error(DKCPR_DATA_JSON, "{\"a\": 1}\n{\"b\": 2}", step, 2, 2);
    expect_error(DKCPR_DATA_JSON, "\xEF\xBB[1]", step, 1, 1);
    expect_error(DKCPR_DATA_JSONL, "{}\n\xEF\xBB\xBF{}\n", step, 2, 2);
    expect_error(DKCPR_DATA_SQL, "COPY t (cpr) FROM stdin;\n0405205297\n", step, 3, 1);
    expect_error(DKCPR_DATA_SQL, "SELECT 'abc;\n", step, 2, 1);
    expect_error(DKCPR_DATA_SQL, "SELECT $x$ abc $y$;\n", step, 2, 1);
  }
  {
    dkcpr_pseudonymizer *p = pseudonymizer();
    dkcpr_struct_washer *w = NULL;
    dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
    assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, NULL, NULL), DKCPR_OK);
    assert_int_equal(dkcpr_struct_washer_error(&e, w), DKCPR_E_STATE);
    dkcpr_struct_washer_free(w);
    dkcpr_pseudonymizer_free(p);
  }
}

static void test_jsonl_and_bufsize(void **state) {
  static const char in[] = "{\"cpr\": 405205297}\n{\"cpr\": \"0405205297\"}\n";
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_struct_washer *w = NULL;
  dkcpr_struct_options so;
  dkcpr_status st;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSONL, in, strlen(in), 3, &st, NULL);
  char small[16];
  size_t n;
  (void)state;
  assert_int_equal(st, DKCPR_OK);
  assert_null(strstr(out, "405205297"));
  free(out);
  assert_int_equal(dkcpr_struct_options_init(&so, 1), DKCPR_OK);
  so.format = DKCPR_DATA_JSONL;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, NULL, &so), DKCPR_OK);
  assert_int_equal(dkcpr_struct_washer_feed(small, sizeof small, &n, w, in, strlen(in)),
                   DKCPR_E_BUFSIZE);
  dkcpr_struct_washer_free(w);
  dkcpr_pseudonymizer_free(p);
}

/* Mask and token in a number field write a JSON string, so the output
 * stays JSON. */
static void test_mask_token_keep_json_valid(void **state) {
  static const char in[] = "{\"cpr\": 405205297, \"cprnr\": \"0405205297\"}";
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_status st;
  char *out = wash(p, DKCPR_WASH_MASK, DKCPR_DATA_JSON, in, strlen(in), 0, &st, NULL);
  (void)state;
  assert_int_equal(st, DKCPR_OK);
  assert_string_equal(out, "{\"cpr\": \"40520XXXX\", \"cprnr\": \"040520XXXX\"}");
  free(out);
  out = wash(p, DKCPR_WASH_TOKEN, DKCPR_DATA_JSON, in, strlen(in), 0, &st, NULL);
  assert_int_equal(st, DKCPR_OK);
  assert_int_equal(out[8], '"');
  free(out);
  dkcpr_pseudonymizer_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_field_names),
      cmocka_unit_test(test_options),
      cmocka_unit_test(test_csv_round_trip),
      cmocka_unit_test(test_csv_semicolons),
      cmocka_unit_test(test_json_round_trip),
      cmocka_unit_test(test_sql_round_trip),
      cmocka_unit_test(test_sql_json_columns),
      cmocka_unit_test(test_json_decimals),
      cmocka_unit_test(test_json_fhir_identifier),
      cmocka_unit_test(test_decimal_integers),
      cmocka_unit_test(test_json_number_wrappers),
      cmocka_unit_test(test_integers),
      cmocka_unit_test(test_syntax_errors),
      cmocka_unit_test(test_jsonl_and_bufsize),
      cmocka_unit_test(test_mask_token_keep_json_valid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
