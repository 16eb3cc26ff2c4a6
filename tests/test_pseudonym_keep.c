/* SPDX-License-Identifier: Apache-2.0 */
/* Invariant 2: a pseudonym keeps exactly what was asked: each kept
 * attribute always equal, each other one changing for many inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pseudonym_util.h"

#define N 400

static void keeps_exactly(void **state) {
  uint64_t rs = 777;
  (void)state;
  for (unsigned fl = 0; fl <= DKCPR_NEVER_REAL; fl++)
    for (size_t k = 0; k < TU_NKEEPS; k++) {
      unsigned keep = tu_keeps[k];
      dkcpr_pseudonymizer *p = tu_handle("keep", keep, fl);
      dkcpr_options o = tu_opts(DKCPR_POLICY_DEFAULT, DKCPR_PARSE_ALLOW_REPLACEMENT);
      assert_non_null(p);
      for (int kind = 0; kind <= 3; kind++) {
        int sex_changed = 0, year_changed = 0, date_changed = 0, tail_changed = 0;
        if (kind == DKCPR_KIND_REPLACEMENT && fl) continue;
        for (int i = 0; i < N; i++) {
          char in[11], out[11];
          facts a, b;
          tu_random(in, kind, -1, &rs);
          assert_int_equal(dkcpr_pseudonymize(out, sizeof out, NULL, p, in, 10, &o),
                           DKCPR_OK);
          a = tu_facts(in);
          b = tu_facts(out);
          assert_true(b.ok);
          if (keep & DKCPR_KEEP_SEX) assert_int_equal(a.sex, b.sex);
          if (keep & (DKCPR_KEEP_YEAR | DKCPR_KEEP_DATE)) assert_int_equal(a.year, b.year);
          if (keep & DKCPR_KEEP_DATE) {
            assert_int_equal(a.month, b.month);
            assert_int_equal(a.day, b.day);
          }
          sex_changed += a.sex != b.sex;
          year_changed += a.year != b.year;
          date_changed += a.month != b.month || a.day != b.day;
          tail_changed += memcmp(in + 7, out + 7, 3) != 0;
        }
        /* What is not kept is not kept: it changes about half the time or more. */
        if (!(keep & DKCPR_KEEP_SEX)) assert_true(sex_changed > N / 4);
        if (!(keep & (DKCPR_KEEP_YEAR | DKCPR_KEEP_DATE))) assert_true(year_changed > N * 9 / 10);
        if (!(keep & DKCPR_KEEP_DATE)) assert_true(date_changed > N * 9 / 10);
        assert_true(tail_changed > N * 9 / 10);
      }
      dkcpr_pseudonymizer_free(p);
    }
}

/* Without the year kept, pseudonyms spread over the whole span of the kind. */
static void spread_over_span(void **state) {
  dkcpr_pseudonymizer *p = tu_handle("", DKCPR_KEEP_NONE, 0);
  dkcpr_options o = tu_opts(DKCPR_POLICY_DEFAULT, 0);
  int lo = 9999, hi = 0;
  uint64_t rs = 5;
  (void)state;
  for (int i = 0; i < 4000; i++) {
    char in[11], out[11];
    facts b;
    tu_random(in, DKCPR_KIND_CPR, -1, &rs);
    assert_int_equal(dkcpr_pseudonymize(out, sizeof out, NULL, p, in, 10, &o), DKCPR_OK);
    b = tu_facts(out);
    if (b.year < lo) lo = b.year;
    if (b.year > hi) hi = b.year;
  }
  assert_true(lo >= 1858 && lo < 1870);
  assert_true(hi <= 2057 && hi > 2045);
  dkcpr_pseudonymizer_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(keeps_exactly),
      cmocka_unit_test(spread_over_span),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
