/* SPDX-License-Identifier: Apache-2.0 */
/* Mod-11 policies: default, known-dates (with shipped and extended lists),
 * strict; and the order of checks around them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"

static dkcpr_status check(const char *s, dkcpr_policy policy, unsigned flags,
                          const dkcpr_datelist *list, dkcpr_cpr *out) {
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.policy = policy;
  o.flags = flags;
  o.known_dates = list;
  o.ref_year = 2026;
  o.ref_month = 11;
  o.ref_day = 26;
  return dkcpr_parse(out, s, strlen(s), &o);
}

static void default_never_requires_mod11(void **state) {
  (void)state;
  dkcpr_cpr c;
  /* 2 Jan 1960, MedCom test person, sum 135: fails mod 11. */
  assert_int_equal(check("0201609995", DKCPR_POLICY_DEFAULT, 0, NULL, &c), DKCPR_OK);
  assert_int_equal(c.mod11, 0);
  assert_int_equal(c.known_date, 0);
  assert_int_equal(check("0201609995", DKCPR_POLICY_STRICT, 0, NULL, &c), DKCPR_E_MOD11);
  assert_int_equal(check("0201609995", DKCPR_POLICY_KNOWN_DATES, 0, NULL, &c), DKCPR_E_MOD11);
}

static void known_dates_uses_the_shipped_list(void **state) {
  (void)state;
  dkcpr_cpr c;
  /* 1 Jan 1980 is listed; 1 Jan 1993 and 1996 are not (2023 list). */
  assert_int_equal(check("0101801234", DKCPR_POLICY_KNOWN_DATES, 0, NULL, &c), DKCPR_OK);
  assert_int_equal(c.known_date, 1);
  assert_int_equal(c.mod11, 0);
  assert_int_equal(check("0101930001", DKCPR_POLICY_KNOWN_DATES, 0, NULL, &c), DKCPR_E_MOD11);
  assert_int_equal(check("0101961234", DKCPR_POLICY_KNOWN_DATES, 0, NULL, &c), DKCPR_E_MOD11);
  /* known_date is reported under every policy. */
  assert_int_equal(check("0101801234", DKCPR_POLICY_DEFAULT, 0, NULL, &c), DKCPR_OK);
  assert_int_equal(c.known_date, 1);
  /* A mod-11 number passes known-dates on any date. */
  assert_int_equal(check("0707614285", DKCPR_POLICY_KNOWN_DATES, 0, NULL, &c), DKCPR_OK);
  assert_int_equal(c.known_date, 0);
}

static void known_dates_uses_a_caller_list(void **state) {
  (void)state;
  dkcpr_datelist *list = NULL;
  dkcpr_cpr c;
  assert_int_equal(dkcpr_datelist_new(&list), DKCPR_OK);
  assert_int_equal(check("0101930001", DKCPR_POLICY_KNOWN_DATES, 0, list, &c), DKCPR_E_MOD11);
  assert_int_equal(dkcpr_datelist_add(list, 1993, 1, 1), DKCPR_OK);
  assert_int_equal(check("0101930001", DKCPR_POLICY_KNOWN_DATES, 0, list, &c), DKCPR_OK);
  assert_int_equal(c.known_date, 1);
  /* The caller's list starts from the shipped dates. */
  assert_int_equal(check("0101801234", DKCPR_POLICY_KNOWN_DATES, 0, list, &c), DKCPR_OK);
  /* The shipped list itself is unchanged. */
  assert_int_equal(check("0101930001", DKCPR_POLICY_KNOWN_DATES, 0, NULL, &c), DKCPR_E_MOD11);
  /* Strict ignores the list. */
  assert_int_equal(check("0101930001", DKCPR_POLICY_STRICT, 0, list, &c), DKCPR_E_MOD11);
  dkcpr_datelist_free(list);
}

static void order_of_checks(void **state) {
  (void)state;
  dkcpr_cpr c;
  /* Date before mod 11: 31 Apr fails as a date under strict. */
  assert_int_equal(check("3104571000", DKCPR_POLICY_STRICT, 0, NULL, &c), DKCPR_E_DATE);
  /* Mod 11 before not yet born: 2048, failing mod 11. */
  assert_int_equal(check("2110485008", DKCPR_POLICY_STRICT, 0, NULL, &c), DKCPR_E_MOD11);
  assert_int_equal(check("2110485008", DKCPR_POLICY_DEFAULT, 0, NULL, &c), DKCPR_E_FUTURE);
  /* Replacement allowed before mod 11; replacement numbers skip the policy. */
  assert_int_equal(check("6701651005", DKCPR_POLICY_STRICT, 0, NULL, &c), DKCPR_E_REPLACEMENT);
  assert_int_equal(check("6701651005", DKCPR_POLICY_STRICT,
                         DKCPR_PARSE_ALLOW_REPLACEMENT, NULL, &c), DKCPR_OK);
  assert_int_equal(c.mod11, 0);
}

static void bad_policy_or_flags(void **state) {
  (void)state;
  dkcpr_cpr c;
  assert_int_equal(check("0707614285", (dkcpr_policy)3, 0, NULL, &c), DKCPR_E_ARG);
  assert_int_equal(check("0707614285", (dkcpr_policy)-1, 0, NULL, &c), DKCPR_E_ARG);
  assert_int_equal(check("0707614285", DKCPR_POLICY_DEFAULT, 0x8u, NULL, &c), DKCPR_E_ARG);
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.version = 2;
  assert_int_equal(dkcpr_validate("0707614285", 10, &o), DKCPR_E_ARG);
  o.version = 0;
  assert_int_equal(dkcpr_validate("0707614285", 10, &o), DKCPR_E_ARG);
  assert_int_equal(dkcpr_options_init(&o, 0), DKCPR_E_ARG);
  assert_int_equal(dkcpr_options_init(&o, 2), DKCPR_E_ARG);
  assert_int_equal(dkcpr_options_init(NULL, DKCPR_OPTIONS_VERSION), DKCPR_E_NULL);
}

static void options_defaults(void **state) {
  (void)state;
  dkcpr_options o;
  memset(&o, 0x7f, sizeof o);
  assert_int_equal(dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION), DKCPR_OK);
  assert_int_equal(o.version, DKCPR_OPTIONS_VERSION);
  assert_int_equal(o.policy, DKCPR_POLICY_DEFAULT);
  assert_int_equal(o.flags, 0);
  assert_null(o.known_dates);
  assert_true(o.ref_year >= 2024);
}

static int selected_vectors_of_policies(const cv_row *r) {
  return strcmp(r->policy, "default") != 0;
}

static void vectors_of_policies(void **state) {
  (void)state;
  size_t used;
  assert_int_equal(cv_check_selected(selected_vectors_of_policies, &used), 0);
  assert_true(used > 100);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(default_never_requires_mod11),
      cmocka_unit_test(known_dates_uses_the_shipped_list),
      cmocka_unit_test(known_dates_uses_a_caller_list),
      cmocka_unit_test(order_of_checks),
      cmocka_unit_test(bad_policy_or_flags),
      cmocka_unit_test(options_defaults),
      cmocka_unit_test(vectors_of_policies),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
