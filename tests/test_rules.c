/* SPDX-License-Identifier: Apache-2.0 */
/* Century table, calendar and mod 11 helpers, checked against the table of
 * cpr-rules.md section 1.2 written out here by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"
#include "calendar.h"
#include "parse.h"
#include "rules.h"

/* Rows of the table: 7th digit -> year for yy 00-36, 37-57, 58-99 as centuries. */
static const int table[10][3] = {
    {1900, 1900, 1900}, {1900, 1900, 1900}, {1900, 1900, 1900},
    {1900, 1900, 1900}, {2000, 1900, 1900}, {2000, 2000, 1800},
    {2000, 2000, 1800}, {2000, 2000, 1800}, {2000, 2000, 1800},
    {2000, 1900, 1900}};

static void century_table_every_cell(void **state) {
  (void)state;
  for (int c7 = 0; c7 <= 9; c7++)
    for (int yy = 0; yy <= 99; yy++) {
      int band = yy <= 36 ? 0 : yy <= 57 ? 1 : 2;
      assert_int_equal(dkcpr__century_year(c7, yy), table[c7][band] + yy);
    }
  assert_int_equal(dkcpr__century_year(-1, 0), -1);
  assert_int_equal(dkcpr__century_year(10, 0), -1);
  assert_int_equal(dkcpr__century_year(0, 100), -1);
  assert_int_equal(dkcpr__century_year(0, -1), -1);
}

static void century_boundaries_through_the_parser(void **state) {
  (void)state;
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.flags = DKCPR_PARSE_ALLOW_FUTURE;
  static const int yys[] = {36, 37, 57, 58};
  for (int c7 = 0; c7 <= 9; c7++)
    for (int k = 0; k < 4; k++) {
      char s[11];
      dkcpr_cpr c;
      snprintf(s, sizeof s, "0101%02d%d000", yys[k], c7);
      assert_int_equal(dkcpr_parse(&c, s, 10, &o), DKCPR_OK);
      int band = yys[k] <= 36 ? 0 : yys[k] <= 57 ? 1 : 2;
      assert_int_equal(c.year, table[c7][band] + yys[k]);
      assert_int_equal(c.century_digit, c7);
    }
}

static void range_is_1858_to_2057(void **state) {
  (void)state;
  int lo = 9999, hi = 0;
  for (int c7 = 0; c7 <= 9; c7++)
    for (int yy = 0; yy <= 99; yy++) {
      int y = dkcpr__century_year(c7, yy);
      lo = y < lo ? y : lo;
      hi = y > hi ? y : hi;
    }
  assert_int_equal(lo, 1858);
  assert_int_equal(hi, 2057);
}

static void leap_years(void **state) {
  (void)state;
  assert_true(dkcpr__is_leap(2000));
  assert_true(dkcpr__is_leap(1896));
  assert_true(dkcpr__is_leap(2056));
  assert_true(dkcpr__is_leap(1904));
  assert_false(dkcpr__is_leap(1900));
  assert_false(dkcpr__is_leap(1858));
  assert_false(dkcpr__is_leap(2100));
  assert_false(dkcpr__is_leap(2003));
  assert_int_equal(dkcpr__days_in_month(2000, 2), 29);
  assert_int_equal(dkcpr__days_in_month(1900, 2), 28);
  assert_int_equal(dkcpr__days_in_month(1999, 4), 30);
  assert_int_equal(dkcpr__days_in_month(1999, 12), 31);
  assert_int_equal(dkcpr__days_in_month(1999, 0), 0);
  assert_int_equal(dkcpr__days_in_month(1999, 13), 0);
}

static void mod11_worked_examples(void **state) {
  (void)state;
  /* CPR office's example 070761-4285: sum 154 = 11 * 14. */
  assert_int_equal(dkcpr__mod11_remainder("0707614285"), 0);
  /* 211062-5629: sum 110. */
  assert_int_equal(dkcpr__mod11_remainder("2110625629"), 0);
  /* MedCom 0201609995: sum 135, remainder 3. */
  assert_int_equal(dkcpr__mod11_remainder("0201609995"), 3);
  /* 6701651004: sum 121; 0201919990: sum 153, remainder 10. */
  assert_int_equal(dkcpr__mod11_remainder("6701651004"), 0);
  assert_int_equal(dkcpr__mod11_remainder("0201919990"), 10);
  /* Check digit 0 passes (the 11 - r pitfall). */
  assert_int_equal(dkcpr__mod11_remainder("0402968540"), 0);
}

static void mod11_flag_matches_the_sum(void **state) {
  (void)state;
  /* Every serial of one date: exactly those with weighted sum 0 mod 11 pass. */
  static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  int passing = 0;
  for (int serial = 0; serial < 10000; serial++) {
    char s[11];
    dkcpr_cpr c;
    snprintf(s, sizeof s, "150372%04d", serial);
    int sum = 0;
    for (int i = 0; i < 10; i++)
      sum += w[i] * (s[i] - '0');
    assert_int_equal(dkcpr_parse(&c, s, 10, &o), DKCPR_OK);
    assert_int_equal(c.mod11, sum % 11 == 0);
    assert_int_equal(c.sex, (s[9] - '0') % 2 ? DKCPR_SEX_MALE : DKCPR_SEX_FEMALE);
    passing += c.mod11;
  }
  /* At most one check digit per 9-digit prefix, none when S9 = 1 mod 11. */
  assert_true(passing > 800 && passing <= 1000);
}

static int selected_vectors_of_the_rules(const cv_row *r) {
  return strncmp(r->note, "8.1", 3) == 0 || strncmp(r->note, "8.2", 3) == 0 ||
         strncmp(r->note, "century", 7) == 0;
}

static void vectors_of_the_rules(void **state) {
  (void)state;
  size_t used;
  assert_int_equal(cv_check_selected(selected_vectors_of_the_rules, &used), 0);
  assert_true(used > 150);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(century_table_every_cell),
      cmocka_unit_test(century_boundaries_through_the_parser),
      cmocka_unit_test(range_is_1858_to_2057),
      cmocka_unit_test(leap_years),
      cmocka_unit_test(mod11_worked_examples),
      cmocka_unit_test(mod11_flag_matches_the_sum),
      cmocka_unit_test(vectors_of_the_rules),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
