/* SPDX-License-Identifier: Apache-2.0 */
/* Invariant 6: another context or another key gives an unrelated mapping;
 * tokens are keyed too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pseudonym_util.h"

#define N 2000

static void other_context_other_key(void **state) {
  uint8_t key2[32];
  memcpy(key2, test_key, 32);
  key2[31] ^= 1;
  (void)state;
  for (size_t k = 0; k < TU_NKEEPS; k++) {
    dkcpr_pseudonymizer *a = tu_handle("hospital-a", tu_keeps[k], 0);
    dkcpr_pseudonymizer *b = tu_handle("hospital-b", tu_keeps[k], 0);
    dkcpr_pseudonymizer *c = NULL, *a2 = tu_handle("hospital-a", tu_keeps[k], 0);
    dkcpr_options o = tu_opts(DKCPR_POLICY_DEFAULT, 0);
    uint64_t rs = 2024;
    int same_ctx = 0, same_key = 0;
    assert_int_equal(dkcpr_pseudonymizer_new(&c, key2, 32, (const uint8_t *)"hospital-a", 10,
                                             tu_keeps[k], 0),
                     DKCPR_OK);
    for (int i = 0; i < N; i++) {
      char in[11], oa[11], ob[11], oc[11], oa2[11];
      tu_random(in, DKCPR_KIND_CPR, -1, &rs);
      assert_int_equal(dkcpr_pseudonymize(oa, 11, NULL, a, in, 10, &o), DKCPR_OK);
      assert_int_equal(dkcpr_pseudonymize(ob, 11, NULL, b, in, 10, &o), DKCPR_OK);
      assert_int_equal(dkcpr_pseudonymize(oc, 11, NULL, c, in, 10, &o), DKCPR_OK);
      assert_int_equal(dkcpr_pseudonymize(oa2, 11, NULL, a2, in, 10, &o), DKCPR_OK);
      assert_string_equal(oa, oa2); /* same key and context: same mapping */
      same_ctx += strcmp(oa, ob) == 0;
      same_key += strcmp(oa, oc) == 0;
    }
    /* The smallest classes here (a birth date, mod-11 pass, one sex) hold
     * about 200 numbers: a chance agreement rate of ~1/200. */
    assert_true(same_ctx < N / 50);
    assert_true(same_key < N / 50);
    dkcpr_pseudonymizer_free(a);
    dkcpr_pseudonymizer_free(a2);
    dkcpr_pseudonymizer_free(b);
    dkcpr_pseudonymizer_free(c);
  }
}

static void tokens(void **state) {
  dkcpr_pseudonymizer *a = tu_handle("a", DKCPR_KEEP_DEFAULT, 0);
  dkcpr_pseudonymizer *b = tu_handle("b", DKCPR_KEEP_DEFAULT, 0);
  dkcpr_pseudonymizer *a_none = tu_handle("a", DKCPR_KEEP_NONE, 0);
  char ta[64], tb[64], tc[64], td[64];
  size_t len = 0;
  (void)state;
  assert_int_equal(dkcpr_token(ta, sizeof ta, &len, a, "211062-5629", 11, 26, NULL), DKCPR_OK);
  assert_int_equal(len, 26);
  assert_int_equal(strspn(ta, "abcdefghijklmnopqrstuvwxyz234567"), 26);
  /* the token is of the number, not of its layout, and not of keep */
  assert_int_equal(dkcpr_token(tc, sizeof tc, NULL, a, "2110625629", 10, 26, NULL), DKCPR_OK);
  assert_string_equal(ta, tc);
  assert_int_equal(dkcpr_token(td, sizeof td, NULL, a_none, "2110625629", 10, 26, NULL), DKCPR_OK);
  assert_string_equal(ta, td);
  assert_int_equal(dkcpr_token(tb, sizeof tb, NULL, b, "211062-5629", 11, 26, NULL), DKCPR_OK);
  assert_string_not_equal(ta, tb);
  /* longer tokens extend shorter ones; 52 characters hold the whole MAC */
  assert_int_equal(dkcpr_token(tc, sizeof tc, &len, a, "2110625629", 10, 52, NULL), DKCPR_OK);
  assert_int_equal(len, 52);
  assert_memory_equal(tc, ta, 26);
  assert_true(strchr("aq", tc[51]) != NULL); /* the last char carries 1 bit + zero padding */
  assert_int_equal(dkcpr_token(tc, sizeof tc, NULL, a, "2110625629", 10, 16, NULL), DKCPR_OK);
  assert_memory_equal(tc, ta, 16);
  assert_int_equal(dkcpr_token(tc, sizeof tc, NULL, a, "2110625629", 10, 15, NULL), DKCPR_E_ARG);
  assert_int_equal(dkcpr_token(tc, sizeof tc, NULL, a, "2110625629", 10, 53, NULL), DKCPR_E_ARG);
  assert_int_equal(dkcpr_token(tc, 26, NULL, a, "2110625629", 10, 26, NULL), DKCPR_E_BUFSIZE);
  assert_int_equal(dkcpr_token(tc, sizeof tc, NULL, a, "3213625629", 10, 26, NULL), DKCPR_E_DATE);
  assert_int_equal(dkcpr_token(NULL, sizeof tc, NULL, a, "2110625629", 10, 26, NULL), DKCPR_E_NULL);
  dkcpr_pseudonymizer_free(a);
  dkcpr_pseudonymizer_free(b);
  dkcpr_pseudonymizer_free(a_none);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(other_context_other_key),
      cmocka_unit_test(tokens),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
