/* SPDX-License-Identifier: Apache-2.0 */
/* Rules files: errors with their line, and CSV washed with rules: redacted
 * and emptied fields, companions that agree with the row's written CPR
 * number wherever they sit, rows without one, reveal, chunking. */
#define _POSIX_C_SOURCE 200809L /* strdup, strtok_r */
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
    9, 8, 7, 6, 5, 4, 3, 2, 1, 10, 11, 12, 13, 14, 15, 16,
    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

static dkcpr_pseudonymizer *pseudonymizer(unsigned int keep) {
  dkcpr_pseudonymizer *p = NULL;
  assert_int_equal(dkcpr_pseudonymizer_new(&p, key, sizeof key, NULL, 0, keep, 0),
                   DKCPR_OK);
  return p;
}

/* Wash in by CSV with rules in chunks of step bytes (0: whole). */
static char *wash(const dkcpr_pseudonymizer *p, dkcpr_wash_mode mode, dkcpr_data_format f,
                  const dkcpr_rules *rules, const char *in, size_t step,
                  dkcpr_struct_counts *counts) {
  return struct_wash_ok(p, mode, f, rules, "[X]", in, step, counts);
}

static void test_rules_errors(void **state) {
  static const struct {
    const char *yaml;
    unsigned long long line, column;
  } bad[] = {
      {"", 1, 1},
      {"- a\n- b\n", 1, 1},
      {"fields:\n  cpr: cpr\nother: 1\n", 3, 1},
      {"version: 2\nfields: {}\n", 1, 10},
      {"fields:\n  a: cpr\n  b: shred\n", 3, 6},
      {"fields:\n  a: cpr\n  A: cpr\n", 3, 3},
      {"fields:\n  d:\n    birth_date: DD.MM\n", 3, 17},
      {"fields:\n  d:\n    birth_date: DDD.MM.YYYY\n", 3, 17},
      {"fields:\n  y:\n    birth_year: YYYY-MM\n", 3, 17},
      {"fields:\n  k:\n    sex: {male: M}\n", 3, 10},
      {"fields:\n  k:\n    sex: {male: M, female: K, other: X}\n", 3, 31},
      {"fields:\n  a:\n    age: 2026-02-30\n", 3, 10},
      {"fields:\n  a:\n    colour: red\n", 3, 5},
      {"fields:\n  a: [cpr\n", 3, 1},
      {"fields:\n  a..b: cpr\n", 2, 3},
      {"fields:\n  .b: cpr\n", 2, 3},
      {"fields:\n  a.b: cpr\n  A.B: redact\n", 3, 3},
      {"fields:\n  a.b.c.d.e.f.g.h.i.j: cpr\n", 2, 3},
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    dkcpr_rules *r = (dkcpr_rules *)1;
    dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
    dkcpr_status st = dkcpr_rules_parse(&r, &e, bad[i].yaml, strlen(bad[i].yaml));
    if (st != DKCPR_E_SYNTAX || r != NULL || e.message == NULL || e.line != bad[i].line ||
        e.column != bad[i].column)
      fail_msg("case %zu: %s, line %llu column %llu (%s)", i, dkcpr_status_name(st),
               (unsigned long long)e.line, (unsigned long long)e.column,
               e.message ? e.message : "no message");
  }
  {
    dkcpr_rules *r = NULL;
    dkcpr_struct_error e = {99, 0, 0, 0, NULL};
    assert_int_equal(dkcpr_rules_parse(&r, &e, "fields: {}", 10), DKCPR_E_ARG);
    assert_int_equal(dkcpr_rules_parse(NULL, NULL, "fields: {}", 10), DKCPR_E_NULL);
    assert_int_equal(dkcpr_rules_parse(&r, NULL, "fields: {a: mask}", 17), DKCPR_E_SYNTAX);
    assert_null(r);
  }
  dkcpr_rules_free(NULL);
}

static const char kunder_rules[] =
    "# a comment\n"
    "version: 1\n"
    "fields:\n"
    "  Fødselsdato:\n"
    "    birth_date: DD.MM.YYYY\n"
    "  kunde_id: cpr\n"
    "  køn: {sex: {male: mand, female: kvinde}}\n"
    "  aar: {birth_year: YY}\n"
    "  alder: {age: 2026-12-01}\n"
    "  telefon: redact\n"
    "  note: empty\n";

/* Each row: birth date, sex and age before the CPR number, year after. */
static const char kunder_csv[] =
    "fødselsdato;køn;alder;kunde_id;aar;telefon;note\n"
    "04.05.2020;mand;6;0405205297;20;12345678;hej\n"
    "29.11.1970;mand;56;\"291170-0657\";70;\"1, 2\";\n"
    "10.08.1994;mand;32;1008949901;94;;\"lang\n"
    "note\"\n"
    "01.01.2000;kvinde;26;;00;87654321;x\n";

/* The row's fields, split on delim (the test data has none inside quotes). */
static size_t split(char *row, char *field[], size_t max, char delim) {
  size_t n = 0;
  char *s = row, *semi;
  while (n < max) {
    field[n++] = s;
    if ((semi = strchr(s, delim)) == NULL) break;
    *semi = '\0';
    s = semi + 1;
  }
  return n;
}

static void test_companions_follow_the_row(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_NONE);
  dkcpr_rules *r = struct_rules_of(kunder_rules);
  dkcpr_struct_counts c;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_CSV, r, kunder_csv, 0, &c);
  char *line, *save = NULL, *copy = strdup(out);
  size_t rows = 0;
  (void)state;
  for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    char *f[8], want[64], digits[16];
    dkcpr_cpr cpr;
    int age, k = 0;
    size_t n = split(line, f, 8, ';'), i;
    if (rows++ == 0 || n < 7) continue; /* the header; the note's second line */
    if (f[3][0] == '\0') { /* no CPR number: companions get the placeholder */
      assert_string_equal(f[0], "[X]");
      assert_string_equal(f[1], "[X]");
      assert_string_equal(f[2], "[X]");
      assert_string_equal(f[4], "[X]");
      continue;
    }
    for (i = 0; f[3][i]; i++)
      if (f[3][i] >= '0' && f[3][i] <= '9') digits[k++] = f[3][i];
    digits[k] = '\0';
    assert_int_equal(dkcpr_parse(&cpr, digits, strlen(digits), NULL), DKCPR_OK);
    snprintf(want, sizeof want, "%02d.%02d.%04d", cpr.day, cpr.month, cpr.year);
    assert_string_equal(f[0], want);
    assert_string_equal(f[1], cpr.sex == DKCPR_SEX_MALE ? "mand" : "kvinde");
    age = 2026 - cpr.year - (cpr.month > 12 || (cpr.month == 12 && cpr.day > 1));
    snprintf(want, sizeof want, "%d", age);
    assert_string_equal(f[2], want);
    snprintf(want, sizeof want, "%02d", cpr.year % 100);
    assert_string_equal(f[4], want);
    assert_true(strcmp(f[5], "[X]") == 0 || strcmp(f[5], "\"[X]\"") == 0 || f[5][0] == '\0');
  }
  /* Four data rows: companions 4 x 4, phones 3, notes 3 (one empty). */
  assert_int_equal(c.rule_values, 16 + 3 + 3);
  assert_int_equal(c.rule_unusable, 4);
  assert_int_equal(c.values, 3);
  assert_int_equal(c.replaced, 3);
  assert_non_null(strstr(out, ";\"[X]\";\n")); /* "1, 2" stays a quoted field */
  assert_non_null(strstr(out, ";\"\"\n"));      /* the quoted note is emptied */
  /* The same bytes however the input is cut. */
  {
    size_t steps[] = {1, 2, 7, 50};
    size_t i;
    for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
      char *again = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_CSV, r, kunder_csv, steps[i], NULL);
      assert_string_equal(again, out);
      free(again);
    }
  }
  free(copy);
  free(out);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

static void test_reveal_gives_back_agreeing_rows(void **state) {
  static const char rules[] =
      "fields:\n  dato: {birth_date: YYYYMMDD}\n  cpr: cpr\n  sex: {sex: {male: '1', female: '2'}}\n";
  static const char in[] =
      "dato,sex,cpr\r\n"
      "20200504,1,0405205297\r\n"
      "19701129,1,2911700657\r\n"
      "19940810,2,1008949901\r\n"; /* sex disagrees: not given back */
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_NONE);
  dkcpr_rules *r = struct_rules_of(rules);
  dkcpr_struct_counts c, rc;
  char *washed = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_CSV, r, in, 0, &c);
  char *back = wash(p, DKCPR_WASH_REVEAL, DKCPR_DATA_CSV, r, washed, 3, &rc);
  (void)state;
  assert_int_equal(c.rule_values, 6);
  assert_int_equal(c.rule_irreversible, 1);
  assert_int_equal(c.rule_unusable, 0);
  assert_string_not_equal(washed, in);
  assert_null(strstr(washed, "20200504"));
  assert_null(strstr(washed, "19701129"));
  /* Everything but the disagreeing sex comes back. */
  assert_memory_equal(back, in, strlen(in) - 14);
  assert_string_equal(back + strlen(in) - 14, "19940810,1,1008949901\r\n" + 9);
  free(washed);
  free(back);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

static void test_long_and_odd_values(void **state) {
  static const char rules[] = "fields:\n  cpr: cpr\n  note: redact\n  f: {birth_date: D/M-YY}\n";
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_DEFAULT);
  dkcpr_rules *r = struct_rules_of(rules);
  char in[1024], *out;
  dkcpr_struct_counts c;
  (void)state;
  /* A note longer than any held value, quoted with a comma and quotes. */
  snprintf(in, sizeof in, "note,f,cpr\n\"%0300d,\"\"x\"\"\",4/5-20,0405205297\n", 7);
  out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_CSV, r, in, 0, &c);
  assert_int_equal(strncmp(out, "note,f,cpr\n\"[X]\",", 17), 0);
  assert_null(strstr(out, "0000000"));
  assert_int_equal(c.rule_values, 2);
  free(out);
  /* The mask mode writes no CPR number: companions get the placeholder. */
  out = wash(p, DKCPR_WASH_MASK, DKCPR_DATA_CSV, r, in, 0, &c);
  assert_non_null(strstr(out, ",[X],040520-XXXX") ? out : strstr(out, ",[X],"));
  assert_int_equal(c.rule_unusable, 1);
  free(out);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

static void test_rules_need_rows(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_DEFAULT);
  dkcpr_rules *rewrite = struct_rules_of("fields:\n  note: redact\n");
  dkcpr_rules *names = struct_rules_of("fields:\n  kunde_id: cpr\n  cpr: redact\n");
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  dkcpr_struct_counts c;
  char *out;
  int f;
  (void)state;
  for (f = DKCPR_DATA_TEXT; f <= DKCPR_DATA_SQL; f++) {
    dkcpr_status want = f == DKCPR_DATA_TEXT ? DKCPR_E_ARG : DKCPR_OK;
    assert_int_equal(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION), DKCPR_OK);
    so.format = (dkcpr_data_format)f;
    so.rules = rewrite;
    assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, NULL, &so), want);
    dkcpr_struct_washer_free(w);
    w = NULL;
  }
  /* A cpr rule names a field for JSON too. */
  {
    dkcpr_rules *only_cpr = struct_rules_of("fields: {kunde_id: cpr}");
    out = wash(p, DKCPR_WASH_MASK, DKCPR_DATA_JSON, only_cpr, "{\"kunde_id\": 405205297}", 0, &c);
    assert_string_equal(out, "{\"kunde_id\": \"40520XXXX\"}");
    free(out);
    dkcpr_rules_free(only_cpr);
  }
  /* A rule on a built-in CPR name overrides it. */
  out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_CSV, names, "cpr,kunde_id\nx,0405205297\n",
             0, &c);
  assert_int_equal(strncmp(out, "cpr,kunde_id\n[X],", 17), 0);
  assert_null(strstr(out, "0405205297"));
  free(out);
  dkcpr_rules_free(rewrite);
  dkcpr_rules_free(names);
  dkcpr_pseudonymizer_free(p);
}

static const char sql_rules[] =
    "fields:\n  born: {birth_date: YYYY-MM-DD}\n  gender: {sex: {male: M, female: F}}\n"
    "  phone: redact\n  email: empty\n";

static const char sql_dump[] =
    "CREATE TABLE person (born date, gender char(1), cpr char(10), phone text, email text);\n"
    "COPY public.person (born, gender, cpr, phone, email) FROM stdin;\n"
    "2020-05-04\tM\t0405205297\t12 34\\t56\ta@b.dk\n"
    "1970-11-29\tM\t2911700657\t\\N\t\\N\n"
    "1999-01-01\tF\t\\N\t1\tc@d.dk\n"
    "\\.\n"
    "INSERT INTO person VALUES ('1994-08-10', 'M', '1008949901', 'it''s', 'e@f.dk');\n";

static void test_sql_companions(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_NONE);
  dkcpr_rules *r = struct_rules_of(sql_rules);
  dkcpr_struct_counts c, rc;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_SQL, r, sql_dump, 0, &c);
  char *back, *line, want[64];
  size_t steps[] = {1, 3, 64}, i;
  (void)state;
  /* Each COPY row's born and gender follow its pseudonym. */
  for (line = strstr(out, "FROM stdin;\n") + 12, i = 0; i < 2; i++) {
    dkcpr_cpr cpr;
    char born[11], gender, digits[11];
    assert_int_equal(sscanf(line, "%10[0-9-]\t%c\t%10[0-9]", born, &gender, digits), 3);
    assert_int_equal(dkcpr_parse(&cpr, digits, 10, NULL), DKCPR_OK);
    snprintf(want, sizeof want, "%04d-%02d-%02d", cpr.year, cpr.month, cpr.day);
    assert_string_equal(born, want);
    assert_int_equal(gender, cpr.sex == DKCPR_SEX_MALE ? 'M' : 'F');
    line = strchr(line, '\n') + 1;
  }
  /* Without a CPR number: NULL; the phone is redacted, the e-mail NULL. */
  assert_non_null(strstr(out, "\\N\t\\N\t\\N\t[X]\t\\N\n\\.\n"));
  assert_null(strstr(out, "a@b.dk"));
  assert_null(strstr(out, "12 34"));
  /* An INSERT tuple's companions follow its number too. */
  {
    dkcpr_cpr cpr;
    char born[11], gender, digits[11];
    line = strstr(out, "VALUES (");
    assert_non_null(line);
    assert_int_equal(sscanf(line, "VALUES ('%10[0-9-]', '%c', '%10[0-9]', '[X]', NULL);", born,
                            &gender, digits), 3);
    assert_int_equal(dkcpr_parse(&cpr, digits, 10, NULL), DKCPR_OK);
    snprintf(want, sizeof want, "%04d-%02d-%02d", cpr.year, cpr.month, cpr.day);
    assert_string_equal(born, want);
    assert_int_equal(gender, cpr.sex == DKCPR_SEX_MALE ? 'M' : 'F');
  }
  assert_int_equal(c.rule_values, 4 + 2 + 4 + 4); /* \N is no value */
  assert_int_equal(c.rule_unusable, 2);
  for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    char *again = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_SQL, r, sql_dump, steps[i], NULL);
    assert_string_equal(again, out);
    free(again);
  }
  /* Reveal writes the companions of the real numbers back. */
  back = wash(p, DKCPR_WASH_REVEAL, DKCPR_DATA_SQL, r, out, 5, &rc);
  assert_non_null(strstr(back, "2020-05-04\tM\t0405205297\t[X]\t\\N\n"));
  assert_non_null(strstr(back, "1970-11-29\tM\t2911700657\t"));
  assert_non_null(strstr(back, "VALUES ('1994-08-10', 'M', '1008949901', '[X]', NULL);"));
  free(back);
  free(out);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

static void test_sql_syntax_error_in_held_row(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_NONE);
  dkcpr_rules *r = struct_rules_of(sql_rules);
  static const char dump[] = "COPY t (born, cpr) FROM stdin;\n2020-05-04\t0405205297\n";
  dkcpr_wash_options wo;
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
  char *out;
  size_t n, cap;
  (void)state;
  assert_int_equal(dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION), DKCPR_OK);
  assert_int_equal(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION), DKCPR_OK);
  so.format = DKCPR_DATA_SQL;
  so.rules = r;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, &wo, &so), DKCPR_OK);
  cap = dkcpr_struct_washer_bound(w, strlen(dump));
  out = malloc(cap);
  assert_non_null(out);
  assert_int_equal(dkcpr_struct_washer_feed(out, cap, &n, w, dump, strlen(dump)), DKCPR_OK);
  assert_int_equal(dkcpr_struct_washer_finish(out, cap, &n, w), DKCPR_E_SYNTAX);
  free(out);
  assert_int_equal(dkcpr_struct_washer_error(&e, w), DKCPR_OK);
  assert_int_equal(e.line, 3);
  assert_int_equal(e.offset, strlen(dump));
  dkcpr_struct_washer_free(w);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

static void test_lookalikes(void **state) {
  static const char rules[] =
      "fields:\n  mail: email\n  alt: {email: {domain: test.example}}\n  tlf: phone\n";
  static const char in[] =
      "mail,alt,tlf\n"
      "Hanne@Firma.dk,hanne@firma.dk,+45 12 34 56 78\n"
      "hanne@firma.dk,bo@x.dk,12345678\n"
      "bo@x.dk,,0045 87654321\n";
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_DEFAULT);
  dkcpr_rules *r = struct_rules_of(rules);
  dkcpr_struct_counts c;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_CSV, r, in, 0, &c), *row[4], *f[4][3];
  char a1[64], a2[64];
  size_t i, k;
  (void)state;
  row[0] = strtok(out, "\n");
  for (i = 1; i < 4; i++) row[i] = strtok(NULL, "\n");
  for (i = 1; i < 4; i++) assert_int_equal(split(row[i], f[i], 3, ','), 3);
  /* The same address (any case) gets the same lookalike, in its domain. */
  assert_string_equal(f[1][0], f[2][0]);
  assert_int_equal(strlen(f[1][0]), 10 + 1 + strlen("example.invalid"));
  assert_string_equal(f[1][0] + 10, "@example.invalid");
  snprintf(a1, sizeof a1, "%.10s", f[1][1]);
  snprintf(a2, sizeof a2, "%.10s", f[1][0]);
  assert_string_equal(a1, a2);
  assert_string_equal(f[1][1] + 10, "@test.example");
  assert_string_not_equal(f[2][1], f[1][1]);
  /* Phones: the layout kept, digits replaced, the same number alike. */
  assert_int_equal(strncmp(f[1][2], "+45 ", 4), 0);
  assert_int_equal(strlen(f[1][2]), strlen("+45 12 34 56 78"));
  for (i = 0, k = 0; f[1][2][i]; i++)
    if (f[1][2][i] >= '0' && f[1][2][i] <= '9' && i >= 3) a1[k++] = f[1][2][i];
  a1[k] = '\0';
  assert_string_equal(a1, f[2][2]);
  assert_true(f[2][2][0] >= '2' && f[2][2][0] <= '9');
  assert_string_not_equal(f[2][2], "12345678");
  assert_int_equal(strncmp(f[3][2], "0045 ", 5), 0);
  assert_null(strstr(in + 13, f[3][2] + 5));
  assert_string_equal(f[3][1], "");
  assert_int_equal(c.rule_values, 8);
  assert_int_equal(c.rule_irreversible, 8);
  free(out);
  /* Without a key there is no lookalike: the placeholder, counted. */
  out = wash(NULL, DKCPR_WASH_MASK, DKCPR_DATA_CSV, r, in, 0, &c);
  assert_null(strstr(out, "@"));
  assert_int_equal(c.rule_unusable, 8);
  free(out);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

/* Names: a first name of the pseudonym's sex, the same name alike. */
static void test_names(void **state) {
  static const char *const male[] = {"Peter", "Jens", "Michael", "Lars", "Henrik", "Thomas",
      "Søren", "Jan", "Niels", "Christian", "Martin", "Jørgen", "Anders", "Morten", "Jesper",
      "Mads", "Hans", "Per", "Rasmus", "Ole"};
  static const char rules[] =
      "fields:\n  fornavn: first_name\n  efternavn: last_name\n  navn: full_name\n";
  static const char in[] =
      "fornavn;efternavn;navn;cpr\n"
      "Mads;Møller;Mads Møller;2911700657\n"
      "Hanne;møller;Hanne Hansen;0405205298\n"
      "Bo;Berg;;0101010101\n"
      "Anna;Berg;Anna Berg;\n";
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_NONE);
  dkcpr_rules *r = struct_rules_of(rules);
  dkcpr_struct_counts c;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_CSV, r, in, 0, &c), *line, *save = NULL;
  char *f[4][4];
  size_t rows = 0, i, k;
  (void)state;
  for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (rows > 0) assert_int_equal(split(line, f[rows - 1], 4, ';'), 4);
    rows++;
  }
  assert_int_equal(rows, 5);
  for (i = 0; i < 3; i++) {
    dkcpr_cpr cpr;
    int is_male = 0;
    assert_int_equal(dkcpr_parse(&cpr, f[i][3], 10, NULL), DKCPR_OK);
    for (k = 0; k < sizeof male / sizeof male[0]; k++)
      if (strcmp(f[i][0], male[k]) == 0) is_male = 1;
    assert_int_equal(is_male, cpr.sex == DKCPR_SEX_MALE);
    assert_string_not_equal(f[i][1], "Møller");
    assert_string_not_equal(f[i][1], "Berg");
  }
  /* The same surname (ASCII case aside) gets the same lookalike. */
  assert_string_equal(f[0][1], f[1][1]);
  assert_string_equal(f[2][1], f[3][1]);
  assert_non_null(strchr(f[0][2], ' '));
  assert_string_equal(f[2][2], "");
  /* No number in the row: no first name to choose. */
  assert_string_equal(f[3][0], "[X]");
  assert_string_equal(f[3][2], "[X]");
  assert_int_equal(c.rule_unusable, 2);
  free(out);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

/* JSON: a row is an object at the top or an item of a top-level array,
 * held whole: its companions follow its first CPR number wherever they sit. */
static void test_json_rows(void **state) {
  static const char rules[] =
      "fields:\n  born: {birth_date: YYYY-MM-DD}\n  sex: {sex: {male: M, female: F}}\n"
      "  year: {birth_year: YYYY}\n  tel: phone\n  note: redact\n";
  static const char jsonl[] =
      "{\"cpr\": \"0405205297\", \"born\": \"2020-05-04\", \"sex\": \"M\", \"year\": 2020,"
      " \"tel\": [\"12345678\", 87654321], \"note\": {\"a\": \"x\", \"b\": 5}}\n"
      "{\"born\": \"1970-11-29\", \"p\": {\"cpr\": 2911700657}, \"sex\": \"M\"}\n";
  static const char array[] =
      "[{\"cpr\": \"0405205297\", \"born\": \"2020-05-04\"},"
      " {\"born\": \"1999-01-01\"}]";
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_NONE);
  dkcpr_rules *r = struct_rules_of(rules);
  dkcpr_struct_counts c;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSONL, r, jsonl, 0, &c), *back;
  char want[96], digits[11];
  const char *second;
  dkcpr_cpr cpr;
  size_t steps[] = {1, 4, 9}, i;
  (void)state;
  assert_int_equal(sscanf(out, "{\"cpr\": \"%10[0-9]\"", digits), 1);
  assert_int_equal(dkcpr_parse(&cpr, digits, 10, NULL), DKCPR_OK);
  snprintf(want, sizeof want, "\"born\": \"%04d-%02d-%02d\", \"sex\": \"%c\", \"year\": %d,",
           cpr.year, cpr.month, cpr.day, cpr.sex == DKCPR_SEX_MALE ? 'M' : 'F', cpr.year);
  assert_non_null(strstr(out, want));
  assert_non_null(strstr(out, "\"note\": {\"a\": \"[X]\", \"b\": \"[X]\"}}\n"));
  assert_null(strstr(out, "12345678"));
  assert_null(strstr(out, "87654321"));
  /* The second row's birth date comes before its number (deeper in the
   * row, an integer): it follows that number as its sex does. */
  second = strstr(out, "\n{\"born\": \"");
  assert_non_null(second);
  assert_int_equal(sscanf(strstr(second, "\"p\": {\"cpr\": ") + 13, "%10[0-9]", digits), 1);
  if (strlen(digits) == 9) { /* an integer has no leading zero */
    memmove(digits + 1, digits, 10);
    digits[0] = '0';
  }
  assert_int_equal(dkcpr_parse(&cpr, digits, 10, NULL), DKCPR_OK);
  snprintf(want, sizeof want, "{\"born\": \"%04d-%02d-%02d\", \"p\": {\"cpr\": ", cpr.year,
           cpr.month, cpr.day);
  assert_non_null(strstr(second, want));
  snprintf(want, sizeof want, "}, \"sex\": \"%c\"}\n", cpr.sex == DKCPR_SEX_MALE ? 'M' : 'F');
  assert_non_null(strstr(second, want));
  assert_int_equal(c.rule_unusable, 0);
  assert_int_equal(c.rule_unmatched, 0);
  assert_int_equal(c.rule_values, 3 + 2 + 2 + 2);
  for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    char *again = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSONL, r, jsonl, steps[i], NULL);
    assert_string_equal(again, out);
    free(again);
  }
  back = wash(p, DKCPR_WASH_REVEAL, DKCPR_DATA_JSONL, r, out, 3, NULL);
  assert_non_null(strstr(back, "{\"cpr\": \"0405205297\", \"born\": \"2020-05-04\", \"sex\": \"M\", \"year\": 2020,"));
  assert_non_null(strstr(back, "\"p\": {\"cpr\": 2911700657}, \"sex\": \"M\"}"));
  free(back);
  free(out);
  /* A top-level array: each item is a row of its own. */
  out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSON, r, array, 0, &c);
  assert_non_null(strstr(out, "}, {\"born\": null}]"));
  assert_int_equal(c.rule_unusable, 1);
  free(out);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

/* The rules' names and lines, and which of them a washer's input named. */
static void check_matched(const char *yaml, dkcpr_data_format f, const char *in,
                          const char *const names[], const unsigned long long lines[],
                          const int matched[], size_t n) {
  dkcpr_rules *r = struct_rules_of(yaml);
  dkcpr_wash_options wo;
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  dkcpr_struct_counts c;
  size_t i, len = strlen(in), got, unmatched = 0;
  char *out = NULL;
  const char *name;
  uint64_t line;
  assert_int_equal(dkcpr_rules_count(r), n);
  assert_int_equal(dkcpr_rules_count(NULL), 0);
  assert_int_equal(dkcpr_rules_field(&name, &line, r, n), DKCPR_E_ARG);
  assert_int_equal(dkcpr_rules_field(NULL, &line, r, 0), DKCPR_E_NULL);
  assert_int_equal(dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION), DKCPR_OK);
  wo.mode = DKCPR_WASH_MASK;
  assert_int_equal(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION), DKCPR_OK);
  so.format = f;
  so.rules = r;
  assert_int_equal(dkcpr_struct_washer_new(&w, NULL, NULL, &wo, &so), DKCPR_OK);
  for (i = 0; i < n; i++) assert_int_equal(dkcpr_struct_washer_rule_matched(w, i), 0);
  out = malloc(dkcpr_struct_washer_bound(w, len));
  assert_non_null(out);
  assert_int_equal(dkcpr_struct_washer_feed(out, dkcpr_struct_washer_bound(w, len), &got, w, in, len),
                   DKCPR_OK);
  assert_int_equal(dkcpr_struct_washer_finish(out, dkcpr_struct_washer_bound(w, 0), &got, w),
                   DKCPR_OK);
  for (i = 0; i < n; i++) {
    assert_int_equal(dkcpr_rules_field(&name, &line, r, i), DKCPR_OK);
    assert_string_equal(name, names[i]);
    assert_int_equal(line, lines[i]);
    if (dkcpr_struct_washer_rule_matched(w, i) != matched[i])
      fail_msg("rule %s (line %llu): matched %d", names[i], lines[i], !matched[i]);
    unmatched += !matched[i];
  }
  assert_int_equal(dkcpr_struct_washer_rule_matched(w, n), 0);
  assert_int_equal(dkcpr_struct_washer_rule_matched(NULL, 0), 0);
  c.version = DKCPR_STRUCT_COUNTS_VERSION;
  assert_int_equal(dkcpr_struct_washer_stats(NULL, &c, w), DKCPR_OK);
  assert_int_equal(c.rule_unmatched, unmatched);
  dkcpr_struct_washer_free(w);
  dkcpr_rules_free(r);
  free(out);
}

/* A rule that names no field is known, with its line: in every format, a
 * qualified name where the format has no such parent included. */
static void test_rules_that_match_nothing(void **state) {
  static const char yaml[] =
      "version: 1\n"
      "fields:\n"
      "  navn: redact\n"
      "  b.navn: redact        # no tables in CSV\n"
      "  fodselsdatoo: {birth_date: DD.MM.YYYY}\n"
      "  pt.cpr: cpr\n";
  static const char *const names[] = {"navn", "b.navn", "fodselsdatoo", "pt.cpr"};
  static const unsigned long long lines[] = {3, 4, 5, 6};
  /* The plain navn names nothing where every navn is b's: b.navn is more specific. */
  static const int csv[] = {1, 0, 0, 1}, sql[] = {0, 1, 0, 0}, json[] = {0, 1, 0, 1};
  (void)state;
  /* A CSV header with a dot is matched by the rule written so. */
  check_matched(yaml, DKCPR_DATA_CSV, "navn;pt.cpr\nAnna;0405205297\n", names, lines, csv, 4);
  check_matched(yaml, DKCPR_DATA_SQL,
                "COPY public.b (navn, cpr) FROM stdin;\nBo\t0405205297\n\\.\n", names, lines,
                sql, 4);
  check_matched(yaml, DKCPR_DATA_JSON, "{\"b\": {\"navn\": 1}, \"pt\": [{\"cpr\": 2}]}", names,
                lines, json, 4);
  check_matched(yaml, DKCPR_DATA_XML, "<pt><b navn=\"x\"/><cpr>0405205297</cpr></pt>", names,
                lines, json, 4);
}

/* Qualified names: table.column in SQL (with or without the schema), a
 * key under its parent's key in JSON, an element or attribute under its
 * parent element in XML; the most specific rule wins over a plain one. */
static void test_qualified_names(void **state) {
  static const char sql_rules[] =
      "fields:\n  navn: empty\n  b.navn: redact\n  public.a.cpr: cpr\n  x.cpr: redact\n";
  static const char dump[] =
      "CREATE TABLE public.a (id integer, navn text, cpr text);\n"
      "CREATE TABLE public.b (id integer, navn text, cpr text);\n"
      "COPY public.a (id, navn, cpr) FROM stdin;\n1\tAnna\t0405205297\n\\.\n"
      "COPY public.b (id, navn, cpr) FROM stdin;\n2\tBo\t0405205297\n\\.\n"
      "INSERT INTO b VALUES (3, 'Carl', '2911700657');\n"
      "INSERT INTO x.a (id, navn, cpr) VALUES (4, 'Dora', '2911700657');\n"
      "INSERT INTO x (id, navn, cpr) VALUES (5, 'Eva', '2911700657');\n";
  static const char sql_want[] =
      "CREATE TABLE public.a (id integer, navn text, cpr text);\n"
      "CREATE TABLE public.b (id integer, navn text, cpr text);\n"
      "COPY public.a (id, navn, cpr) FROM stdin;\n1\t\\N\t040520XXXX\n\\.\n"
      "COPY public.b (id, navn, cpr) FROM stdin;\n2\t[X]\t040520XXXX\n\\.\n"
      "INSERT INTO b VALUES (3, '[X]', '291170XXXX');\n"
      "INSERT INTO x.a (id, navn, cpr) VALUES (4, NULL, '291170XXXX');\n"
      "INSERT INTO x (id, navn, cpr) VALUES (5, NULL, '[X]');\n";
  static const char json_rules[] =
      "fields:\n  navn: empty\n  patient.navn: redact\n  mor.barn.navn: {sex: {male: M, female: K}}\n";
  static const char json_in[] =
      "{\"patient\": {\"navn\": \"A\", \"cpr\": \"0405205297\"}, \"mor\": {\"navn\": \"B\","
      " \"barn\": [{\"navn\": \"C\"}]}, \"navn\": \"D\", \"patient.navn\": \"E\","
      " \"x\": {\"patient\": {\"navn\": \"F\"}}}\n";
  static const char json_want[] =
      "{\"patient\": {\"navn\": \"[X]\", \"cpr\": \"040520XXXX\"}, \"mor\": {\"navn\": \"\","
      " \"barn\": [{\"navn\": null}]}, \"navn\": \"\", \"patient.navn\": \"[X]\","
      " \"x\": {\"patient\": {\"navn\": \"[X]\"}}}\n";
  static const char xml_rules[] = "fields:\n  Navn: empty\n  Borger.Navn: redact\n  Mor.CPR: cpr\n";
  static const char xml_in[] =
      "<borgere><Borger Navn=\"A\"><Navn>B</Navn><b:CPR xmlns:b=\"u\">0405205297</b:CPR></Borger>"
      "<Mor Navn=\"C\"><Navn>D</Navn><CPR>2911700657</CPR></Mor></borgere>";
  static const char xml_want[] =
      "<borgere><Borger Navn=\"[X]\"><Navn>[X]</Navn><b:CPR xmlns:b=\"u\">040520XXXX</b:CPR></Borger>"
      "<Mor Navn=\"\"><Navn></Navn><CPR>291170XXXX</CPR></Mor></borgere>";
  dkcpr_rules *r = struct_rules_of(sql_rules);
  dkcpr_struct_counts c;
  size_t steps[] = {0, 1, 7}, i;
  char *out;
  (void)state;
  for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    out = wash(NULL, DKCPR_WASH_MASK, DKCPR_DATA_SQL, r, dump, steps[i], &c);
    assert_string_equal(out, sql_want);
    assert_int_equal(c.rule_unmatched, 0);
    free(out);
  }
  dkcpr_rules_free(r);
  r = struct_rules_of(json_rules);
  for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    out = wash(NULL, DKCPR_WASH_MASK, DKCPR_DATA_JSONL, r, json_in, steps[i], &c);
    assert_string_equal(out, json_want);
    assert_int_equal(c.rule_unmatched, 0);
    assert_int_equal(c.rule_unusable, 1); /* the sex of a row without a number (mask) */
    free(out);
  }
  dkcpr_rules_free(r);
  r = struct_rules_of(xml_rules);
  for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    out = wash(NULL, DKCPR_WASH_MASK, DKCPR_DATA_XML, r, xml_in, steps[i], &c);
    assert_string_equal(out, xml_want);
    assert_int_equal(c.rule_unmatched, 0);
    free(out);
  }
  dkcpr_rules_free(r);
}

/* A JSON row longer than the 64 KiB held is written as it streams: a
 * companion before its number has none (null, counted), one after it
 * follows it; the next row is held again. */
static void test_json_row_longer_than_held(void **state) {
  static const char rules[] = "fields:\n  born: {birth_date: YYYY-MM-DD}\n  sex: {sex: {male: M, female: F}}\n";
  size_t pad = 70 * 1024, i, steps[] = {0, 1000, 65536}, k;
  char *in = malloc(pad + 512), *out, digits[11], want[64];
  dkcpr_pseudonymizer *p = pseudonymizer(DKCPR_KEEP_NONE);
  dkcpr_rules *r = struct_rules_of(rules);
  dkcpr_struct_counts c;
  dkcpr_cpr cpr;
  const char *second;
  (void)state;
  assert_non_null(in);
  strcpy(in, "[{\"born\": \"1920-05-04\", \"pad\": \"");
  i = strlen(in);
  memset(in + i, 'x', pad);
  strcpy(in + i + pad, "\", \"cpr\": \"0405205297\", \"sex\": \"F\"},\n"
                       " {\"born\": \"1970-11-29\", \"cpr\": \"2911700657\", \"sex\": \"M\"}]");
  for (k = 0; k < sizeof steps / sizeof steps[0]; k++) {
    out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_JSON, r, in, steps[k], &c);
    assert_int_equal(strncmp(out, "[{\"born\": null, \"pad\": \"xxx", 27), 0);
    assert_int_equal(c.rule_unusable, 1);
    assert_int_equal(c.rule_values, 4);
    /* After the number in the long row: its pseudonym's sex. */
    assert_int_equal(sscanf(strstr(out, "\"cpr\": \"") + 8, "%10[0-9]", digits), 1);
    assert_int_equal(dkcpr_parse(&cpr, digits, 10, NULL), DKCPR_OK);
    snprintf(want, sizeof want, "\", \"sex\": \"%c\"},\n", cpr.sex == DKCPR_SEX_MALE ? 'M' : 'F');
    assert_non_null(strstr(out, want));
    /* The next row is held: its birth date before the number follows it. */
    second = strstr(out, "},\n {\"born\": \"");
    assert_non_null(second);
    assert_int_equal(sscanf(strstr(second, "\"cpr\": \"") + 8, "%10[0-9]", digits), 1);
    assert_int_equal(dkcpr_parse(&cpr, digits, 10, NULL), DKCPR_OK);
    snprintf(want, sizeof want, "{\"born\": \"%04d-%02d-%02d\", \"cpr\": \"%s\", \"sex\": \"%c\"}]",
             cpr.year, cpr.month, cpr.day, digits, cpr.sex == DKCPR_SEX_MALE ? 'M' : 'F');
    assert_non_null(strstr(second, want));
    free(out);
  }
  free(in);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

/* Callers built against version 1 of the options and counts still work,
 * and nothing past a version-1 counts struct is written. */
static void test_older_versions(void **state) {
  struct {
    dkcpr_struct_counts c;
    unsigned char guard[64];
  } box;
  dkcpr_wash_options wo;
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  size_t v1_counts = offsetof(dkcpr_struct_counts, rule_values);
  (void)state;
  assert_int_equal(dkcpr_struct_options_init(&so, 1), DKCPR_OK);
  assert_int_equal(so.version, 1);
  so.format = DKCPR_DATA_CSV;
  assert_int_equal(dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION), DKCPR_OK);
  wo.mode = DKCPR_WASH_MASK;
  assert_int_equal(dkcpr_struct_washer_new(&w, NULL, NULL, &wo, &so), DKCPR_OK);
  memset(&box, 0xAB, sizeof box);
  box.c.version = 1;
  assert_int_equal(dkcpr_struct_washer_stats(NULL, &box.c, w), DKCPR_OK);
  assert_int_equal(box.c.version, 1);
  assert_int_equal(((unsigned char *)&box)[v1_counts], 0xAB);
  /* Version 2 stops before rule_unmatched. */
  memset(&box, 0xAB, sizeof box);
  box.c.version = 2;
  assert_int_equal(dkcpr_struct_washer_stats(NULL, &box.c, w), DKCPR_OK);
  assert_int_equal(((unsigned char *)&box)[offsetof(dkcpr_struct_counts, rule_unmatched)], 0xAB);
  box.c.version = DKCPR_STRUCT_COUNTS_VERSION + 1;
  assert_int_equal(dkcpr_struct_washer_stats(NULL, &box.c, w), DKCPR_E_ARG);
  assert_int_equal(dkcpr_struct_options_init(&so, 3), DKCPR_E_ARG);
  dkcpr_struct_washer_free(w);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rules_errors),
      cmocka_unit_test(test_companions_follow_the_row),
      cmocka_unit_test(test_reveal_gives_back_agreeing_rows),
      cmocka_unit_test(test_long_and_odd_values),
      cmocka_unit_test(test_rules_need_rows),
      cmocka_unit_test(test_sql_companions),
      cmocka_unit_test(test_lookalikes),
      cmocka_unit_test(test_json_rows),
      cmocka_unit_test(test_names),
      cmocka_unit_test(test_sql_syntax_error_in_held_row),
      cmocka_unit_test(test_older_versions),
      cmocka_unit_test(test_rules_that_match_nothing),
      cmocka_unit_test(test_qualified_names),
      cmocka_unit_test(test_json_row_longer_than_held),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
