/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr_format styles and buffer contract; dkcpr_age in whole years. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"

static dkcpr_cpr parsed(const char *s) {
  dkcpr_options o;
  dkcpr_cpr c;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.flags = DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE;
  assert_int_equal(dkcpr_parse(&c, s, strlen(s), &o), DKCPR_OK);
  return c;
}

static void styles(void **state) {
  (void)state;
  dkcpr_cpr c = parsed("0707614285");
  char out[DKCPR_FORMAT_BUFSIZE];
  size_t n = 0;
  assert_int_equal(dkcpr_format(out, sizeof out, &n, &c, DKCPR_FORMAT_DASHED), DKCPR_OK);
  assert_string_equal(out, "070761-4285");
  assert_int_equal(n, 11);
  assert_int_equal(dkcpr_format(out, sizeof out, &n, &c, DKCPR_FORMAT_COMPACT), DKCPR_OK);
  assert_string_equal(out, "0707614285");
  assert_int_equal(n, 10);
  assert_int_equal(dkcpr_format(out, sizeof out, &n, &c, DKCPR_FORMAT_MASKED), DKCPR_OK);
  assert_string_equal(out, "070761-XXXX");
  assert_int_equal(dkcpr_format(out, sizeof out, NULL, &c, DKCPR_FORMAT_MASKED_FULL), DKCPR_OK);
  assert_string_equal(out, "XXXXXX-XXXX");
  c = parsed("020329-1WQ3");
  assert_int_equal(dkcpr_format(out, sizeof out, &n, &c, DKCPR_FORMAT_DASHED), DKCPR_OK);
  assert_string_equal(out, "020329-1WQ3");
}

static void buffer_contract(void **state) {
  (void)state;
  dkcpr_cpr c = parsed("0707614285");
  char out[16];
  size_t n = 77;
  memset(out, '#', sizeof out);
  assert_int_equal(dkcpr_format(out, 11, &n, &c, DKCPR_FORMAT_DASHED), DKCPR_E_BUFSIZE);
  assert_int_equal(out[0], '#');
  assert_int_equal(n, 77);
  assert_int_equal(dkcpr_format(out, 10, &n, &c, DKCPR_FORMAT_COMPACT), DKCPR_E_BUFSIZE);
  assert_int_equal(dkcpr_format(out, 0, &n, &c, DKCPR_FORMAT_COMPACT), DKCPR_E_BUFSIZE);
  assert_int_equal(dkcpr_format(out, 11, &n, &c, DKCPR_FORMAT_COMPACT), DKCPR_OK);
  assert_int_equal(dkcpr_format(out, 12, &n, &c, DKCPR_FORMAT_DASHED), DKCPR_OK);
  assert_int_equal(dkcpr_format(NULL, 12, &n, &c, DKCPR_FORMAT_DASHED), DKCPR_E_NULL);
  assert_int_equal(dkcpr_format(out, 12, &n, NULL, DKCPR_FORMAT_DASHED), DKCPR_E_NULL);
  assert_int_equal(dkcpr_format(out, 12, &n, &c, (dkcpr_format_style)4), DKCPR_E_ARG);
  assert_int_equal(dkcpr_format(out, 12, &n, &c, (dkcpr_format_style)-1), DKCPR_E_ARG);
  dkcpr_cpr bad = c;
  bad.digits[3] = 'x';
  assert_int_equal(dkcpr_format(out, 12, &n, &bad, DKCPR_FORMAT_DASHED), DKCPR_E_ARG);
  bad = c;
  bad.digits[10] = '1';
  assert_int_equal(dkcpr_format(out, 12, &n, &bad, DKCPR_FORMAT_DASHED), DKCPR_E_ARG);
  bad = c;
  bad.month = 13;
  assert_int_equal(dkcpr_format(out, 12, &n, &bad, DKCPR_FORMAT_DASHED), DKCPR_E_ARG);
  bad = c;
  bad.kind = (dkcpr_kind)9;
  assert_int_equal(dkcpr_format(out, 12, &n, &bad, DKCPR_FORMAT_DASHED), DKCPR_E_ARG);
}

static void age_in_whole_years(void **state) {
  (void)state;
  dkcpr_cpr c = parsed("0707614285"); /* 7 Jul 1961 */
  int age = -1;
  assert_int_equal(dkcpr_age(&age, &c, 1961, 7, 7), DKCPR_OK);
  assert_int_equal(age, 0);
  assert_int_equal(dkcpr_age(&age, &c, 2021, 7, 6), DKCPR_OK);
  assert_int_equal(age, 59);
  assert_int_equal(dkcpr_age(&age, &c, 2021, 7, 7), DKCPR_OK);
  assert_int_equal(age, 60);
  assert_int_equal(dkcpr_age(&age, &c, 2026, 11, 26), DKCPR_OK);
  assert_int_equal(age, 65);
  age = -1;
  assert_int_equal(dkcpr_age(&age, &c, 1961, 7, 6), DKCPR_E_FUTURE);
  assert_int_equal(age, -1);
  assert_int_equal(dkcpr_age(&age, &c, 2021, 2, 29), DKCPR_E_DATE);
  assert_int_equal(dkcpr_age(&age, &c, 2021, 0, 1), DKCPR_E_DATE);
  assert_int_equal(dkcpr_age(&age, &c, 0, 1, 1), DKCPR_E_DATE);
  assert_int_equal(dkcpr_age(NULL, &c, 2021, 1, 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_age(&age, NULL, 2021, 1, 1), DKCPR_E_NULL);
}

static void age_of_a_leap_day_birth(void **state) {
  (void)state;
  dkcpr_cpr c = parsed("2902004001"); /* 29 Feb 2000 */
  int age;
  assert_int_equal(dkcpr_age(&age, &c, 2001, 2, 28), DKCPR_OK);
  assert_int_equal(age, 0);
  assert_int_equal(dkcpr_age(&age, &c, 2001, 3, 1), DKCPR_OK);
  assert_int_equal(age, 1);
  assert_int_equal(dkcpr_age(&age, &c, 2004, 2, 28), DKCPR_OK);
  assert_int_equal(age, 3);
  assert_int_equal(dkcpr_age(&age, &c, 2004, 2, 29), DKCPR_OK);
  assert_int_equal(age, 4);
}

static void age_of_replacement_numbers(void **state) {
  (void)state;
  dkcpr_cpr c = parsed("6701651004"); /* day + 60: 7 Jan 1965 */
  int age;
  assert_int_equal(dkcpr_age(&age, &c, 2026, 1, 6), DKCPR_OK);
  assert_int_equal(age, 60);
  assert_int_equal(dkcpr_age(&age, &c, 2026, 1, 7), DKCPR_OK);
  assert_int_equal(age, 61);
  c = parsed("0101585018"); /* 1 Jan 1858 */
  assert_int_equal(dkcpr_age(&age, &c, 2026, 11, 26), DKCPR_OK);
  assert_int_equal(age, 168);
}

static void format_row(char **f, void *ctx) {
  int *failed = ctx;
  dkcpr_cpr c = parsed(f[0]);
  dkcpr_format_style style = strcmp(f[1], "dashed") == 0        ? DKCPR_FORMAT_DASHED
                             : strcmp(f[1], "compact") == 0     ? DKCPR_FORMAT_COMPACT
                             : strcmp(f[1], "masked") == 0      ? DKCPR_FORMAT_MASKED
                             : strcmp(f[1], "masked-full") == 0 ? DKCPR_FORMAT_MASKED_FULL
                                                                : (dkcpr_format_style)99;
  char out[DKCPR_FORMAT_BUFSIZE];
  size_t n = 0;
  if (dkcpr_format(out, sizeof out, &n, &c, style) != DKCPR_OK || strcmp(out, f[2]) != 0 ||
      n != strlen(f[2])) {
    fprintf(stderr, "format %s %s: want %s\n", f[0], f[1], f[2]);
    (*failed)++;
  }
}

static void age_row(char **f, void *ctx) {
  int *failed = ctx;
  dkcpr_cpr c = parsed(f[0]);
  int y = 0, m = 0, d = 0, years = -1;
  sscanf(f[2], "%d-%d-%d", &y, &m, &d);
  dkcpr_status st = dkcpr_age(&years, &c, y, m, d);
  if (strcmp(dkcpr_status_name(st), f[3]) != 0 ||
      (st == DKCPR_OK && years != atoi(f[4]))) {
    fprintf(stderr, "age %s at %s: want %s %s, got %s %d\n", f[0], f[2], f[3], f[4],
            dkcpr_status_name(st), years);
    (*failed)++;
  }
}

static void vectors_of_format_and_age(void **state) {
  (void)state;
  int failed = 0;
  assert_true(cv_each_line("format.tsv", 3, format_row, &failed) >= 10);
  assert_true(cv_each_line("age.tsv", 5, age_row, &failed) >= 15);
  assert_int_equal(failed, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(styles),
      cmocka_unit_test(buffer_contract),
      cmocka_unit_test(age_in_whole_years),
      cmocka_unit_test(age_of_a_leap_day_birth),
      cmocka_unit_test(age_of_replacement_numbers),
      cmocka_unit_test(vectors_of_format_and_age),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
