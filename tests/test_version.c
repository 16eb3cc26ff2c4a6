/* SPDX-License-Identifier: Apache-2.0 */
/* The runtime version equals the header the program was built against. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "dkcpr.h"

static void runtime_equals_macros(void **state) {
  char expect[32];
  (void)state;
  assert_int_equal(dkcpr_version_number(), DKCPR_VERSION_NUMBER);
  assert_string_equal(dkcpr_version_string(), DKCPR_VERSION_STRING);
  snprintf(expect, sizeof expect, "%d.%d.%d", DKCPR_VERSION_MAJOR,
           DKCPR_VERSION_MINOR, DKCPR_VERSION_PATCH);
  assert_string_equal(dkcpr_version_string(), expect);
  assert_int_equal(DKCPR_VERSION_NUMBER, DKCPR_VERSION_MAJOR * 10000 +
                                             DKCPR_VERSION_MINOR * 100 +
                                             DKCPR_VERSION_PATCH);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(runtime_equals_macros)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
