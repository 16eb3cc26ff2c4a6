/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr_struct_washer_prime: a stream cut between records and washed in
 * parts, each part's washer primed with what came before it, gives the
 * bytes, counts and syntax errors of one washer over the whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"

static const uint8_t key[DKCPR_KEY_BYTES] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

static dkcpr_pseudonymizer *p;

static dkcpr_struct_washer *washer(dkcpr_data_format f) {
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  assert_int_equal(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION), DKCPR_OK);
  so.format = f;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, NULL, &so), DKCPR_OK);
  return w;
}

/* Wash in[0..n) with w onto out at *len (finish: then the end). */
static dkcpr_status feed(dkcpr_struct_washer *w, char *out, size_t *len, const char *in,
                         size_t n, int finish) {
  size_t got = 0;
  dkcpr_status st = dkcpr_struct_washer_feed(out + *len, dkcpr_struct_washer_bound(w, n), &got,
                                             w, in, n);
  *len += got;
  if (st != DKCPR_OK || !finish)
    return st;
  st = dkcpr_struct_washer_finish(out + *len, dkcpr_struct_washer_bound(w, 0), &got, w);
  *len += got;
  return st;
}

static uint64_t line_of(const char *s, size_t at) {
  uint64_t line = 1;
  for (size_t i = 0; i < at; i++)
    line += s[i] == '\n';
  return line;
}

/* The stream s washed whole, and in two parts cut at `cut` (the second
 * primed with head[0..head_len) and s[from..cut)): the same bytes. */
static void same_in_parts(dkcpr_data_format f, const char *s, size_t head_len, size_t from,
                          size_t cut) {
  size_t n = strlen(s), one_len = 0, two_len = 0;
  char *one = malloc(64 * n + 4096), *two = malloc(64 * n + 4096);
  int at = 0;
  assert_non_null(one);
  assert_non_null(two);
  dkcpr_struct_washer *w = washer(f);
  assert_int_equal(feed(w, one, &one_len, s, n, 1), DKCPR_OK);
  dkcpr_struct_washer_free(w);
  w = washer(f);
  if (f == DKCPR_DATA_SQL || f == DKCPR_DATA_JSON) {
    /* COPY data or an array cannot end at the end: a \. line or a ] does, and goes */
    const char *end = f == DKCPR_DATA_SQL ? "\\.\n" : "]";
    size_t end_len = strlen(end);
    assert_int_equal(feed(w, two, &two_len, s, cut, 0), DKCPR_OK);
    assert_int_equal(feed(w, two, &two_len, end, end_len, 1), DKCPR_OK);
    assert_memory_equal(two + two_len - end_len, end, end_len);
    two_len -= end_len;
  } else {
    assert_int_equal(feed(w, two, &two_len, s, cut, 1), DKCPR_OK);
  }
  dkcpr_struct_washer_free(w);
  w = washer(f);
  assert_int_equal(dkcpr_struct_washer_prime(&at, w, s, head_len, cut, line_of(s, cut)),
                   DKCPR_OK);
  assert_int_equal(dkcpr_struct_washer_prime(&at, w, s + from, cut - from, cut,
                                             line_of(s, cut)),
                   DKCPR_OK);
  assert_int_equal(at, 1);
  assert_int_equal(feed(w, two, &two_len, s + cut, n - cut, 1), DKCPR_OK);
  dkcpr_struct_washer_free(w);
  assert_int_equal(two_len, one_len);
  assert_memory_equal(two, one, one_len);
  free(one);
  free(two);
}

static const char csv[] =
    "id;cpr;note\r\n"
    "1;0405205297;\"cpr\r\nnr\"\r\n"
    "2;040520-5297;x\r\n"
    "3;0405205297;ring cpr\r\n"
    "4405205297;0405205297;y\r\n";

static void test_csv_in_parts(void **state) {
  (void)state;
  size_t head = strchr(csv, '\n') + 1 - csv;
  size_t r3 = strstr(csv, "3;") - csv, r4 = strstr(csv, "4405") - csv;
  same_in_parts(DKCPR_DATA_CSV, csv, head, head, r4); /* all before, whole */
  same_in_parts(DKCPR_DATA_CSV, csv, head, r3, r4);   /* records left out */
  same_in_parts(DKCPR_DATA_CSV, csv, head, head, head);
}

static void test_jsonl_and_sql_in_parts(void **state) {
  (void)state;
  static const char jsonl[] = "{\"cpr\": \"0405205297\"}\n{\"a\": [1,\n 2]}\n"
                              "{\"cprNr\": 405205297, \"note\": \"cpr 0405205297\"}\n";
  static const char sql[] = "CREATE TABLE t (id int, cpr bigint, note text);\n"
                            "COPY t (id, cpr, note) FROM stdin;\n"
                            "1\t405205297\tx\n2\t405205297\tcpr 0405205297\n\\.\n";
  size_t head = strchr(jsonl, '\n') + 1 - jsonl;
  same_in_parts(DKCPR_DATA_JSONL, jsonl, head, head, strstr(jsonl, "{\"cprNr") - jsonl);
  size_t data = strstr(sql, "1\t") - sql, row2 = strstr(sql, "2\t") - sql;
  same_in_parts(DKCPR_DATA_SQL, sql, data, data, row2);
  same_in_parts(DKCPR_DATA_SQL, sql, data, row2, row2);
}

static void test_json_array_in_parts(void **state) {
  (void)state;
  static const char json[] = "[{\"cpr\": \"0405205297\", \"a\": [1, {\"b\": 2}]},\n"
                             " {\"x\": \"0405205297\"}, \"0405205297\", [{\"cprNr\": 405205297}],\n"
                             " {\"cprNr\": 405205297, \"note\": \"cpr 0405205297\"} ,"
                             "{\"cpr\": \"040520-5297\"}]\n";
  /* The places after an object item: the first is the head's end. */
  size_t head = strstr(json, "]},") + 2 - json;
  size_t item2 = strstr(json, "\"}, \"") + 2 - json, item4 = strstr(json, " ,{") - json;
  same_in_parts(DKCPR_DATA_JSON, json, head, head, item4); /* all before, whole */
  same_in_parts(DKCPR_DATA_JSON, json, head, item2, item4); /* items left out */
  same_in_parts(DKCPR_DATA_JSON, json, head, head, item2);
  same_in_parts(DKCPR_DATA_JSON, json, head, head, head);
}

/* Whether a washer of format f primed with the whole of s stands where a
 * part may start. */
static int primed_at_boundary(dkcpr_data_format f, const char *s) {
  int at = -1;
  size_t n = strlen(s);
  dkcpr_struct_washer *w = washer(f);
  assert_int_equal(dkcpr_struct_washer_prime(&at, w, s, n, n, line_of(s, n)), DKCPR_OK);
  dkcpr_struct_washer_free(w);
  return at;
}

static void test_errors_and_boundaries(void **state) {
  (void)state;
  int at = 1;
  dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
  char out[4096];
  size_t len = 0;
  dkcpr_struct_washer *w = washer(DKCPR_DATA_XML);
  assert_int_equal(dkcpr_struct_washer_prime(&at, w, "<a>", 3, 3, 1), DKCPR_E_ARG);
  assert_int_equal(at, 0);
  dkcpr_struct_washer_free(w);
  /* JSON: only after an item of a top-level array. */
  assert_int_equal(primed_at_boundary(DKCPR_DATA_JSON, "["), 0);
  assert_int_equal(primed_at_boundary(DKCPR_DATA_JSON, "{\"a\": {}"), 0);
  assert_int_equal(primed_at_boundary(DKCPR_DATA_JSON, "[{}, {}"), 1);
  assert_int_equal(dkcpr_struct_washer_prime(NULL, NULL, "", 0, 0, 1), DKCPR_E_NULL);
  /* Not at a record's start: inside quotes. */
  assert_int_equal(primed_at_boundary(DKCPR_DATA_CSV, "a;b\n\"x\n"), 0);
  /* SQL outside COPY data. */
  assert_int_equal(primed_at_boundary(DKCPR_DATA_SQL, "SELECT 1;\n"), 0);
  /* An error in the part is placed in the stream; bytes counted from the part. */
  w = washer(DKCPR_DATA_CSV);
  assert_int_equal(dkcpr_struct_washer_prime(&at, w, "a;b\n", 4, 1000, 40), DKCPR_OK);
  assert_int_equal(at, 1);
  assert_int_equal(feed(w, out, &len, "1;2\nx\"y;z\n", 11, 1), DKCPR_E_SYNTAX);
  assert_int_equal(dkcpr_struct_washer_error(&e, w), DKCPR_OK);
  assert_int_equal(e.offset, 1005);
  assert_int_equal(e.line, 41);
  assert_int_equal(e.column, 2);
  dkcpr_struct_washer_free(w);
  /* After a feed: too late. */
  w = washer(DKCPR_DATA_CSV);
  len = 0;
  assert_int_equal(feed(w, out, &len, "a;b\n", 4, 0), DKCPR_OK);
  assert_int_equal(dkcpr_struct_washer_prime(&at, w, "1;2\n", 4, 8, 2), DKCPR_E_STATE);
  dkcpr_struct_washer_free(w);
  /* Counts are the part's. */
  w = washer(DKCPR_DATA_CSV);
  len = 0;
  assert_int_equal(dkcpr_struct_washer_prime(&at, w, csv, strlen(csv), strlen(csv), 6), DKCPR_OK);
  assert_int_equal(feed(w, out, &len, "5;0405205297;z\r\n", 16, 1), DKCPR_OK);
  dkcpr_wash_stats s;
  dkcpr_struct_counts c;
  memset(&s, 0, sizeof s);
  memset(&c, 0, sizeof c);
  s.version = DKCPR_WASH_STATS_VERSION;
  c.version = DKCPR_STRUCT_COUNTS_VERSION;
  assert_int_equal(dkcpr_struct_washer_stats(&s, &c, w), DKCPR_OK);
  assert_int_equal(c.values, 1);
  assert_int_equal(s.bytes_in, 16);
  dkcpr_struct_washer_free(w);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_csv_in_parts),
      cmocka_unit_test(test_jsonl_and_sql_in_parts),
      cmocka_unit_test(test_json_array_in_parts),
      cmocka_unit_test(test_errors_and_boundaries),
  };
  assert_int_equal(dkcpr_pseudonymizer_new(&p, key, sizeof key, (const uint8_t *)"test", 4,
                                           DKCPR_KEEP_DEFAULT, 0),
                   DKCPR_OK);
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  dkcpr_pseudonymizer_free(p);
  return rc;
}
