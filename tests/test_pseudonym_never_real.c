/* SPDX-License-Identifier: Apache-2.0 */
/* Invariant 7: never-real mode maps CPR numbers only to day + 60 numbers
 * (never a living person's number) and reveals them; day + 60 inputs are
 * refused (they would be ambiguous); e-CPR numbers map as usual. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pseudonym_util.h"

static void only_day_plus_60(void **state) {
  uint64_t rs = 60;
  (void)state;
  for (size_t k = 0; k < TU_NKEEPS; k++) {
    dkcpr_pseudonymizer *p = tu_handle("never", tu_keeps[k], DKCPR_NEVER_REAL);
    dkcpr_options o = tu_opts(DKCPR_POLICY_DEFAULT, DKCPR_PARSE_ALLOW_REPLACEMENT);
    dkcpr_options plain = tu_opts(DKCPR_POLICY_DEFAULT, 0); /* caller without the flag */
    int mod11_changed = 0;
    for (int i = 0; i < 1000; i++) {
      char in[11], out[11], back[11];
      facts a, b;
      tu_random(in, DKCPR_KIND_CPR, -1, &rs);
      assert_int_equal(dkcpr_pseudonymize(out, 11, NULL, p, in, 10, &plain), DKCPR_OK);
      a = tu_facts(in);
      b = tu_facts(out);
      assert_true(b.ok);
      assert_int_equal(b.kind, DKCPR_KIND_REPLACEMENT);
      assert_true(out[0] >= '6' && out[0] <= '9');
      mod11_changed += a.mod11 != b.mod11;
      assert_int_equal(dkcpr_reveal(back, 11, NULL, p, out, 10, &plain), DKCPR_OK);
      assert_string_equal(back, in);
      /* a day + 60 input to pseudonymize, or a CPR number to reveal: E_KIND */
      assert_int_equal(dkcpr_pseudonymize(back, 11, NULL, p, out, 10, &o), DKCPR_E_KIND);
      assert_int_equal(dkcpr_reveal(back, 11, NULL, p, in, 10, &o), DKCPR_E_KIND);
    }
    assert_true(mod11_changed > 0); /* mod 11 is not kept in this mode (documented) */
    dkcpr_pseudonymizer_free(p);
  }
}

static void ecpr_as_usual(void **state) {
  dkcpr_pseudonymizer *p = tu_handle("never", DKCPR_KEEP_DEFAULT, DKCPR_NEVER_REAL);
  dkcpr_pseudonymizer *q = tu_handle("never", DKCPR_KEEP_DEFAULT, 0);
  dkcpr_options o = tu_opts(DKCPR_POLICY_DEFAULT, DKCPR_PARSE_ALLOW_REPLACEMENT);
  uint64_t rs = 61;
  (void)state;
  for (int kind = DKCPR_KIND_XECPR; kind <= DKCPR_KIND_DECPR; kind++)
    for (int i = 0; i < 200; i++) {
      char in[11], out[11], back[11], plain[11];
      tu_random(in, kind, -1, &rs);
      assert_int_equal(dkcpr_pseudonymize(out, 11, NULL, p, in, 10, &o), DKCPR_OK);
      assert_int_equal(tu_facts(out).kind, kind);
      assert_int_equal(dkcpr_pseudonymize(plain, 11, NULL, q, in, 10, &o), DKCPR_OK);
      assert_string_equal(out, plain); /* the flag does not touch e-CPR */
      assert_int_equal(dkcpr_reveal(back, 11, NULL, p, out, 10, &o), DKCPR_OK);
      assert_string_equal(back, in);
    }
  dkcpr_pseudonymizer_free(p);
  dkcpr_pseudonymizer_free(q);
}

/* Strict policy: revealing a day + 60 number that was not made here and
 * whose original would fail mod 11 reports that instead of returning it. */
static void reveal_respects_policy(void **state) {
  dkcpr_pseudonymizer *p = tu_handle("never", DKCPR_KEEP_NONE, DKCPR_NEVER_REAL);
  dkcpr_options strict = tu_opts(DKCPR_POLICY_STRICT, DKCPR_PARSE_ALLOW_REPLACEMENT);
  dkcpr_options plain = tu_opts(DKCPR_POLICY_DEFAULT, DKCPR_PARSE_ALLOW_REPLACEMENT);
  int rejected = 0;
  (void)state;
  for (int tail = 0; tail < 200; tail++) {
    char in[11], out[11], back[11];
    dkcpr_status st;
    snprintf(in, sizeof in, "8110624%03d", tail);
    st = dkcpr_reveal(back, 11, NULL, p, in, 10, &strict);
    if (st == DKCPR_E_MOD11) {
      rejected++;
      continue;
    }
    assert_int_equal(st, DKCPR_OK);
    assert_true(tu_facts(back).mod11);
    assert_int_equal(dkcpr_pseudonymize(out, 11, NULL, p, back, 10, &plain), DKCPR_OK);
    assert_string_equal(out, in);
  }
  assert_true(rejected > 100); /* about 10 in 11 */
  dkcpr_pseudonymizer_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(only_day_plus_60),
      cmocka_unit_test(ecpr_as_usual),
      cmocka_unit_test(reveal_respects_policy),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
