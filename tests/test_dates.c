/* SPDX-License-Identifier: Apache-2.0 */
/* Date existence on the resolved year, and the not-yet-born check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"
#include "parse.h"
#include "rules.h"

static dkcpr_status parse_at(dkcpr_cpr *c, const char *s, unsigned flags,
                             int y, int m, int d) {
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.flags = flags;
  o.ref_year = y;
  o.ref_month = m;
  o.ref_day = d;
  return dkcpr_parse(c, s, strlen(s), &o);
}

static void feb_29_in_1858_1900_2000_2056(void **state) {
  (void)state;
  dkcpr_cpr c;
  unsigned fut = DKCPR_PARSE_ALLOW_FUTURE;
  /* 1858: digits 5-8 with yy 58; not a leap year. */
  for (int c7 = 5; c7 <= 8; c7++) {
    char s[11];
    snprintf(s, sizeof s, "290258%d000", c7);
    assert_int_equal(parse_at(&c, s, fut, 2026, 11, 26), DKCPR_E_DATE);
    snprintf(s, sizeof s, "280258%d000", c7);
    assert_int_equal(parse_at(&c, s, fut, 2026, 11, 26), DKCPR_OK);
    assert_int_equal(c.year, 1858);
  }
  /* 1900: digits 0-3 with yy 00; not a leap year. 2000: digits 4-9. */
  for (int c7 = 0; c7 <= 9; c7++) {
    char s[11];
    snprintf(s, sizeof s, "290200%d000", c7);
    dkcpr_status st = parse_at(&c, s, fut, 2026, 11, 26);
    if (c7 <= 3) {
      assert_int_equal(st, DKCPR_E_DATE);
    } else {
      assert_int_equal(st, DKCPR_OK);
      assert_int_equal(c.year, 2000);
      assert_int_equal(c.month, 2);
      assert_int_equal(c.day, 29);
    }
  }
  /* 2056: digits 5-8 with yy 56 (1956 for the others, also leap). */
  for (int c7 = 0; c7 <= 9; c7++) {
    char s[11];
    snprintf(s, sizeof s, "290256%d000", c7);
    assert_int_equal(parse_at(&c, s, fut, 2026, 11, 26), DKCPR_OK);
    assert_int_equal(c.year, c7 >= 5 && c7 <= 8 ? 2056 : 1956);
    if (c7 >= 5 && c7 <= 8)
      assert_int_equal(parse_at(&c, s, 0, 2026, 11, 26), DKCPR_E_FUTURE);
  }
}

static void every_day_of_every_month(void **state) {
  (void)state;
  static const int mdays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  dkcpr_cpr c;
  for (int m = 0; m <= 13; m++)
    for (int d = 0; d <= 33; d++) {
      char s[11];
      snprintf(s, sizeof s, "%02d%02d010000", d, m); /* 1901, not leap */
      int exists = m >= 1 && m <= 12 && d >= 1 && d <= mdays[m];
      assert_int_equal(parse_at(&c, s, 0, 2026, 11, 26),
                       exists ? DKCPR_OK : DKCPR_E_DATE);
    }
}

static void not_yet_born_is_relative_to_the_reference(void **state) {
  (void)state;
  dkcpr_cpr c;
  /* 15 Mar 2020 (digit 4, yy 20). */
  assert_int_equal(parse_at(&c, "1503204000", 0, 2020, 3, 15), DKCPR_OK);
  assert_int_equal(parse_at(&c, "1503204000", 0, 2020, 3, 14), DKCPR_E_FUTURE);
  assert_int_equal(parse_at(&c, "1503204000", 0, 2020, 2, 29), DKCPR_E_FUTURE);
  assert_int_equal(parse_at(&c, "1503204000", 0, 2019, 12, 31), DKCPR_E_FUTURE);
  assert_int_equal(parse_at(&c, "1503204000", 0, 2020, 4, 1), DKCPR_OK);
  assert_int_equal(parse_at(&c, "1503204000", DKCPR_PARSE_ALLOW_FUTURE, 1900, 1, 1), DKCPR_OK);
  /* The date check comes first. */
  assert_int_equal(parse_at(&c, "3002504000", 0, 2020, 1, 1), DKCPR_E_DATE);
}

static void reference_date_is_checked(void **state) {
  (void)state;
  dkcpr_cpr c;
  assert_int_equal(parse_at(&c, "1503204000", 0, 2021, 2, 29), DKCPR_E_ARG);
  assert_int_equal(parse_at(&c, "1503204000", 0, 2021, 13, 1), DKCPR_E_ARG);
  assert_int_equal(parse_at(&c, "1503204000", 0, 2021, 1, 0), DKCPR_E_ARG);
  assert_int_equal(parse_at(&c, "1503204000", 0, 0, 1, 1), DKCPR_E_ARG);
  assert_int_equal(parse_at(&c, "1503204000", 0, 10000, 1, 1), DKCPR_E_ARG);
  /* All three 0: today, read per call. Nobody born in 2057 yet. */
  assert_int_equal(parse_at(&c, "0101575000", 0, 0, 0, 0), DKCPR_E_FUTURE);
  assert_int_equal(parse_at(&c, "0101575000", 0, 1, 1, 1), DKCPR_E_FUTURE);
  assert_int_equal(parse_at(&c, "0101585000", 0, 0, 0, 0), DKCPR_OK);
}

static void null_options_mean_today(void **state) {
  (void)state;
  int y, m, d;
  assert_int_equal(dkcpr__today(&y, &m, &d), 0);
  assert_true(y >= 2024 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
  dkcpr_options o;
  assert_int_equal(dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION), DKCPR_OK);
  /* init fills today (a day change between the two reads is tolerated). */
  assert_true(o.ref_year == y || o.ref_year == y + 1);
  assert_true(o.ref_month >= 1 && o.ref_month <= 12);
  /* Born today is allowed, tomorrow is not. */
  char s[11];
  snprintf(s, sizeof s, "%02d%02d%02d%d000", d, m, y % 100, y >= 2000 ? 4 : 0);
  dkcpr_status st = dkcpr_validate(s, 10, NULL);
  if (y <= 2036)
    assert_int_equal(st, DKCPR_OK);
}

static int selected_vectors_of_dates(const cv_row *r) {
  return strstr(r->note, "29 Feb") || strstr(r->note, "reference date") ||
         strcmp(r->status, "DKCPR_E_DATE") == 0 ||
         strcmp(r->status, "DKCPR_E_FUTURE") == 0;
}

static void vectors_of_dates(void **state) {
  (void)state;
  size_t used;
  assert_int_equal(cv_check_selected(selected_vectors_of_dates, &used), 0);
  assert_true(used > 100);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(feb_29_in_1858_1900_2000_2056),
      cmocka_unit_test(every_day_of_every_month),
      cmocka_unit_test(not_yet_born_is_relative_to_the_reference),
      cmocka_unit_test(reference_date_is_checked),
      cmocka_unit_test(null_options_mean_today),
      cmocka_unit_test(vectors_of_dates),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
