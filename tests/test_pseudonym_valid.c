/* SPDX-License-Identifier: Apache-2.0 */
/* Invariant 1: a valid number in gives a valid number out, of the same kind
 * and mod-11 status, under the same policy (checked by the parser and by the
 * rules written out in pseudonym_util.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pseudonym_util.h"

static void check_one(dkcpr_pseudonymizer *p, const char *in, dkcpr_policy policy,
                      unsigned flags) {
  dkcpr_options o = tu_opts(policy, DKCPR_PARSE_ALLOW_REPLACEMENT);
  char out[32];
  size_t len = 0;
  dkcpr_cpr a, b;
  facts fi = tu_facts(in), fo;
  dkcpr_status st = dkcpr_pseudonymize(out, sizeof out, &len, p, in, 10, &o);
  if (dkcpr_parse(&a, in, 10, &o) != DKCPR_OK) {
    assert_int_not_equal(st, DKCPR_OK); /* invalid under the policy stays an error */
    return;
  }
  if ((flags & DKCPR_NEVER_REAL) && fi.kind == DKCPR_KIND_REPLACEMENT) {
    assert_int_equal(st, DKCPR_E_KIND);
    return;
  }
  assert_int_equal(st, DKCPR_OK);
  assert_int_equal(len, 10);
  fo = tu_facts(out);
  assert_true(fo.ok);
  assert_int_equal(dkcpr_parse(&b, out, len, &o), DKCPR_OK);
  if ((flags & DKCPR_NEVER_REAL) && fi.kind == DKCPR_KIND_CPR) {
    assert_int_equal(fo.kind, DKCPR_KIND_REPLACEMENT);
    assert_int_equal(b.kind, DKCPR_KIND_REPLACEMENT);
  } else {
    assert_int_equal(fo.kind, fi.kind);
    assert_int_equal(b.kind, a.kind);
    assert_int_equal(fo.mod11, fi.mod11);
    assert_int_equal(b.mod11, a.mod11);
  }
}

static void every_kind_keep_policy(void **state) {
  uint64_t rs = 12345;
  (void)state;
  for (unsigned fl = 0; fl <= DKCPR_NEVER_REAL; fl++)
    for (size_t k = 0; k < TU_NKEEPS; k++) {
      dkcpr_pseudonymizer *p = tu_handle("valid", tu_keeps[k], fl);
      assert_non_null(p);
      for (int policy = 0; policy <= 2; policy++)
        for (int kind = 0; kind <= 3; kind++)
          for (int m = 0; m <= 1; m++)
            for (int i = 0; i < 60; i++) {
              char in[11];
              tu_random(in, kind, kind <= 1 ? m : -1, &rs);
              check_one(p, in, (dkcpr_policy)policy, fl);
            }
      dkcpr_pseudonymizer_free(p);
    }
}

/* Known-dates: a mod-11 failure on a listed date maps to a mod-11 failure on
 * the same date, so it stays valid under that policy. */
static void known_dates_failures_keep_date(void **state) {
  uint64_t rs = 99;
  (void)state;
  for (size_t k = 0; k < TU_NKEEPS; k++) {
    dkcpr_pseudonymizer *p = tu_handle("known", tu_keeps[k], 0);
    dkcpr_options o = tu_opts(DKCPR_POLICY_KNOWN_DATES, 0);
    for (int i = 0; i < 200; i++) {
      char in[11], out[11];
      int tail;
      do {
        tail = (int)(tu_rand(&rs) % 1000);
        snprintf(in, sizeof in, "010165%d%03d", 4 + (int)(tu_rand(&rs) % 2) * 5, tail);
      } while (tu_facts(in).mod11);
      assert_int_equal(dkcpr_pseudonymize(out, sizeof out, NULL, p, in, 10, &o), DKCPR_OK);
      assert_memory_equal(out, "010165", 6);
      assert_false(tu_facts(out).mod11);
      assert_int_equal(dkcpr_validate(out, 10, &o), DKCPR_OK);
    }
    dkcpr_pseudonymizer_free(p);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_kind_keep_policy),
      cmocka_unit_test(known_dates_failures_keep_date),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
