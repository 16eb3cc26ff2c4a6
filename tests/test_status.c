/* SPDX-License-Identifier: Apache-2.0 */
/* Every status has a distinct, non-empty name and message from the one table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"

static const dkcpr_status all[] = {
#define DKCPR_STATUS_LIST_(name, value, msg) DKCPR_##name,
    DKCPR_STATUS_MAP(DKCPR_STATUS_LIST_)
#undef DKCPR_STATUS_LIST_
};
#define N_STATUS (sizeof all / sizeof all[0])

static void names_and_messages_are_distinct(void **state) {
  size_t i, j;
  (void)state;
  for (i = 0; i < N_STATUS; i++) {
    assert_non_null(dkcpr_strerror(all[i]));
    assert_true(strlen(dkcpr_strerror(all[i])) > 0);
    assert_true(strncmp(dkcpr_status_name(all[i]), "DKCPR_", 6) == 0);
    for (j = 0; j < i; j++) {
      assert_int_not_equal(all[i], all[j]);
      assert_string_not_equal(dkcpr_strerror(all[i]), dkcpr_strerror(all[j]));
      assert_string_not_equal(dkcpr_status_name(all[i]),
                              dkcpr_status_name(all[j]));
    }
  }
}

static void values_are_pinned(void **state) {
  (void)state;
  assert_int_equal(DKCPR_OK, 0);
  assert_int_equal(DKCPR_E_NULL, -1);
  assert_int_equal(DKCPR_E_LENGTH, -2);
  assert_int_equal(DKCPR_E_CHAR, -3);
  assert_int_equal(DKCPR_E_SEPARATOR, -4);
  assert_int_equal(DKCPR_E_UTF8, -5);
  assert_int_equal(DKCPR_E_DATE, -6);
  assert_int_equal(DKCPR_E_MOD11, -7);
  assert_int_equal(DKCPR_E_FUTURE, -8);
  assert_int_equal(DKCPR_E_REPLACEMENT, -9);
  assert_int_equal(DKCPR_E_BUFSIZE, -10);
  assert_int_equal(DKCPR_E_NOMEM, -11);
  assert_int_equal(DKCPR_E_ARG, -12);
  assert_int_equal(DKCPR_E_KEY, -13);
  assert_int_equal(DKCPR_E_KIND, -14);
  assert_int_equal(DKCPR_E_CRYPTO, -15);
  assert_int_equal(DKCPR_E_RANDOM, -16);
  assert_int_equal(DKCPR_E_RANGE, -17);
  assert_int_equal(DKCPR_E_SYNTAX, -18);
  assert_int_equal(DKCPR_E_STATE, -19);
  assert_int_equal(N_STATUS, 20);
}

/* The sentinel follows the map: every code down to it is known, the next is not. */
static void last_is_derived_from_the_map(void **state) {
  int v;
  (void)state;
  assert_int_equal(DKCPR_STATUS_LAST_, DKCPR_E_STATE);
  for (v = 0; v >= DKCPR_STATUS_LAST_; v--)
    assert_string_not_equal(dkcpr_status_name((dkcpr_status)v), "DKCPR_E_UNKNOWN");
  assert_string_equal(dkcpr_status_name((dkcpr_status)(DKCPR_STATUS_LAST_ - 1)),
                      "DKCPR_E_UNKNOWN");
}

static void unknown_values_are_named(void **state) {
  (void)state;
  assert_string_equal(dkcpr_status_name((dkcpr_status)-999), "DKCPR_E_UNKNOWN");
  assert_string_equal(dkcpr_strerror((dkcpr_status)42), "unknown status");
  assert_string_equal(dkcpr_status_name(DKCPR_E_DATE), "DKCPR_E_DATE");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(names_and_messages_are_distinct),
      cmocka_unit_test(values_are_pinned),
      cmocka_unit_test(unknown_values_are_named),
      cmocka_unit_test(last_is_derived_from_the_map),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
