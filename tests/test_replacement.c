/* SPDX-License-Identifier: Apache-2.0 */
/* Replacement numbers: the CPR office's day + 60 scheme and healthcare e-CPR. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"

static dkcpr_status parse_n(dkcpr_cpr *c, const char *s, size_t n, unsigned flags) {
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.flags = flags;
  o.ref_year = 2026;
  o.ref_month = 11;
  o.ref_day = 26;
  return dkcpr_parse(c, s, n, &o);
}

static dkcpr_status parse_r(dkcpr_cpr *c, const char *s, unsigned flags) {
  return parse_n(c, s, strlen(s), flags);
}

#define ALLOW DKCPR_PARSE_ALLOW_REPLACEMENT

static void day_plus_60_every_day(void **state) {
  (void)state;
  dkcpr_cpr c;
  /* March 1990 (digit 1): days 61-91 map to 1-31; 60 and 92+ are not dates. */
  for (int dd = 0; dd <= 99; dd++) {
    char s[11];
    snprintf(s, sizeof s, "%02d03901235", dd);
    dkcpr_status st = parse_r(&c, s, ALLOW);
    int plain = dd >= 1 && dd <= 31, repl = dd >= 61 && dd <= 91;
    if (!plain && !repl) {
      assert_int_equal(st, DKCPR_E_DATE);
      continue;
    }
    assert_int_equal(st, DKCPR_OK);
    assert_int_equal(c.kind, repl ? DKCPR_KIND_REPLACEMENT : DKCPR_KIND_CPR);
    assert_int_equal(c.day, repl ? dd - 60 : dd);
    assert_int_equal(c.year, 1990);
    assert_string_equal(c.digits, s);
    assert_int_equal(parse_r(&c, s, 0), repl ? DKCPR_E_REPLACEMENT : DKCPR_OK);
  }
}

static void day_plus_60_follows_the_century_table(void **state) {
  (void)state;
  dkcpr_cpr c;
  /* 89 Feb = 29 Feb: leap in 2000 (digit 4), not in 1900 (digit 0). */
  assert_int_equal(parse_r(&c, "8902004001", ALLOW), DKCPR_OK);
  assert_int_equal(c.year, 2000);
  assert_int_equal(c.day, 29);
  assert_int_equal(parse_r(&c, "8902000001", ALLOW), DKCPR_E_DATE);
  /* 1858 from digit 5 and yy 58. */
  assert_int_equal(parse_r(&c, "6101585001", ALLOW), DKCPR_OK);
  assert_int_equal(c.year, 1858);
  /* mod11 reported on the printed digits. */
  assert_int_equal(parse_r(&c, "6701651004", ALLOW), DKCPR_OK);
  assert_int_equal(c.mod11, 1);
  assert_int_equal(c.sex, DKCPR_SEX_FEMALE);
  assert_int_equal(parse_r(&c, "6701651005", ALLOW), DKCPR_OK);
  assert_int_equal(c.mod11, 0);
  assert_int_equal(c.sex, DKCPR_SEX_MALE);
}

static void ecpr_centuries_and_kinds(void **state) {
  (void)state;
  static const struct {
    char c7;
    int year;
    dkcpr_kind kind;
  } want[] = {{'0', 1929, DKCPR_KIND_DECPR}, {'1', 1929, DKCPR_KIND_XECPR},
              {'5', 1829, DKCPR_KIND_DECPR}, {'6', 2029, DKCPR_KIND_DECPR},
              {'7', 2029, DKCPR_KIND_XECPR}};
  dkcpr_cpr c;
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    char s[11] = "020329xKQ4";
    s[6] = want[i].c7;
    assert_int_equal(parse_r(&c, s, ALLOW | DKCPR_PARSE_ALLOW_FUTURE), DKCPR_OK);
    assert_int_equal(c.year, want[i].year);
    assert_int_equal(c.kind, want[i].kind);
    assert_int_equal(c.mod11, 0);
    assert_int_equal(c.century_digit, want[i].c7 - '0');
    assert_string_equal(c.digits, s);
    assert_int_equal(parse_r(&c, s, DKCPR_PARSE_ALLOW_FUTURE), DKCPR_E_REPLACEMENT);
  }
  for (char c7 = '2'; c7 <= '9'; c7++) {
    if (c7 == '5' || c7 == '6' || c7 == '7')
      continue;
    char s[11] = "020329xKQ4";
    s[6] = c7;
    assert_int_equal(parse_r(&c, s, ALLOW), DKCPR_E_CHAR);
  }
}

static void ecpr_letters_are_ascii_capitals(void **state) {
  (void)state;
  dkcpr_cpr c;
  for (int a = 0; a < 256; a++) {
    char s[11] = "0203291WQ3";
    s[7] = (char)a;
    dkcpr_status st = parse_n(&c, s, 10, ALLOW);
    if (a >= 'A' && a <= 'Z')
      assert_int_equal(st, DKCPR_OK);
    else
      assert_int_equal(st, DKCPR_E_CHAR); /* digits too: one letter, one digit */
  }
  assert_int_equal(parse_r(&c, "0203291wQ3", ALLOW), DKCPR_E_CHAR);
  assert_int_equal(parse_r(&c, "0203291Wq3", ALLOW), DKCPR_E_CHAR);
  /* With a separator. */
  assert_int_equal(parse_r(&c, "020329-1WQ3", ALLOW), DKCPR_OK);
  assert_string_equal(c.digits, "0203291WQ3");
  assert_int_equal(c.sex, DKCPR_SEX_MALE);
}

static int selected_vectors_of_replacement_numbers(const cv_row *r) {
  return strstr(r->flags, "replacement") ||
         strcmp(r->status, "DKCPR_E_REPLACEMENT") == 0;
}

static void vectors_of_replacement_numbers(void **state) {
  (void)state;
  size_t used;
  assert_int_equal(cv_check_selected(selected_vectors_of_replacement_numbers, &used), 0);
  assert_true(used > 40);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(day_plus_60_every_day),
      cmocka_unit_test(day_plus_60_follows_the_century_table),
      cmocka_unit_test(ecpr_centuries_and_kinds),
      cmocka_unit_test(ecpr_letters_are_ascii_capitals),
      cmocka_unit_test(vectors_of_replacement_numbers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
