/* SPDX-License-Identifier: Apache-2.0 */
/* Every row of tests/vectors/cpr.tsv, through dkcpr_parse and dkcpr_validate. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"

static void every_vector_holds(void **state) {
  (void)state;
  size_t n = 0, failed = 0;
  cv_row *rows = cv_load("cpr.tsv", &n);
  assert_non_null(rows);
  assert_true(n > 500);
  for (size_t i = 0; i < n; i++)
    failed += (size_t)cv_check(&rows[i]);
  free(rows);
  assert_int_equal(failed, 0);
}

static void canonical_digits_drop_the_separator(void **state) {
  (void)state;
  dkcpr_options o;
  dkcpr_cpr c;
  assert_int_equal(dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION), DKCPR_OK);
  assert_int_equal(dkcpr_parse(&c, "070761-4285", 11, &o), DKCPR_OK);
  assert_string_equal(c.digits, "0707614285");
  assert_int_equal(c.century_digit, 4);
  assert_int_equal(c.reserved[0] | c.reserved[1] | c.reserved[2] | c.reserved[3], 0);
  o.flags = DKCPR_PARSE_LENIENT | DKCPR_PARSE_ALLOW_REPLACEMENT;
  assert_int_equal(dkcpr_parse(&c, "\xef\xbc\x90\xef\xbc\x92" "03291WQ3", 14, &o), DKCPR_OK);
  assert_string_equal(c.digits, "0203291WQ3");
  assert_int_equal(c.century_digit, 1);
}

static void input_is_read_only_up_to_its_length(void **state) {
  (void)state;
  /* The valid number is a prefix of longer text: only s_len bytes count. */
  assert_int_equal(dkcpr_validate("0707614285999", 10, NULL), DKCPR_OK);
  assert_int_equal(dkcpr_validate("070761-4285x", 11, NULL), DKCPR_OK);
  assert_int_equal(dkcpr_validate("0707614285", 9, NULL), DKCPR_E_LENGTH);
}

static void result_untouched_on_error(void **state) {
  (void)state;
  dkcpr_cpr c, before;
  memset(&c, 0xA5, sizeof c);
  before = c;
  assert_int_equal(dkcpr_parse(&c, "3104571009", 10, NULL), DKCPR_E_DATE);
  assert_memory_equal(&c, &before, sizeof c);
}

static void kind_names(void **state) {
  (void)state;
  assert_string_equal(dkcpr_kind_name(DKCPR_KIND_CPR), "cpr");
  assert_string_equal(dkcpr_kind_name(DKCPR_KIND_REPLACEMENT), "replacement");
  assert_string_equal(dkcpr_kind_name(DKCPR_KIND_XECPR), "x-ecpr");
  assert_string_equal(dkcpr_kind_name(DKCPR_KIND_DECPR), "d-ecpr");
  assert_non_null(dkcpr_kind_name((dkcpr_kind)42));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_vector_holds),
      cmocka_unit_test(canonical_digits_drop_the_separator),
      cmocka_unit_test(input_is_read_only_up_to_its_length),
      cmocka_unit_test(result_untouched_on_error),
      cmocka_unit_test(kind_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
