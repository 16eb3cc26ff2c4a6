/* SPDX-License-Identifier: Apache-2.0 */
/* Invariant 3: bijective within the class, and reveal(pseudonymize(x)) == x.
 * Exhaustive: every member of birth-date classes of each kind (keep=date),
 * and one whole birth year under keep=year+sex; sampled: over a million
 * numbers under keep=none and keep=sex. Uses the batch API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "pseudonym_util.h"

typedef struct set {
  size_t n;
  char *s;            /* n x 11 */
  const char **ptr;
  size_t *lens;
} set;

static set set_new(size_t cap) {
  set v;
  v.n = 0;
  v.s = malloc(cap * 11);
  v.ptr = malloc(cap * sizeof *v.ptr);
  v.lens = malloc(cap * sizeof *v.lens);
  assert_non_null(v.s);
  assert_non_null(v.ptr);
  assert_non_null(v.lens);
  return v;
}

static void set_add(set *v, const char *s) {
  memcpy(v->s + v->n * 11, s, 11);
  v->ptr[v->n] = v->s + v->n * 11;
  v->lens[v->n] = 10;
  v->n++;
}

static void set_free(set *v) {
  free(v->s);
  free(v->ptr);
  free(v->lens);
}

static uint64_t *sorted_keys(const char *s, size_t n) {
  uint64_t *k = malloc(n * sizeof *k);
  assert_non_null(k);
  for (size_t i = 0; i < n; i++) k[i] = tu_key(s + i * 11);
  qsort(k, n, sizeof *k, tu_cmp_u64);
  return k;
}

/* Map the set, check distinct outputs, round trip, and (if same_set) that
 * the image is the set itself. Returns nothing; asserts. */
static void map_and_check(dkcpr_pseudonymizer *p, set *in, int same_set,
                          int shifted) {
  set out = set_new(in->n), back = set_new(in->n);
  dkcpr_status *st = malloc(in->n * sizeof *st);
  dkcpr_options o = tu_opts(DKCPR_POLICY_DEFAULT, DKCPR_PARSE_ALLOW_REPLACEMENT);
  uint64_t *ki, *ko;
  assert_non_null(st);
  assert_int_equal(dkcpr_pseudonymize_many(out.s, 11, out.lens, st, p, in->ptr,
                                           in->lens, in->n, &o),
                   DKCPR_OK);
  for (size_t i = 0; i < in->n; i++) out.ptr[i] = out.s + i * 11;
  out.n = in->n;
  assert_int_equal(dkcpr_reveal_many(back.s, 11, back.lens, st, p, out.ptr,
                                     out.lens, out.n, &o),
                   DKCPR_OK);
  assert_memory_equal(back.s, in->s, in->n * 11);
  ki = sorted_keys(in->s, in->n);
  ko = sorted_keys(out.s, out.n);
  for (size_t i = 1; i < in->n; i++) assert_true(ko[i - 1] < ko[i]); /* no collision */
  if (same_set) {
    if (shifted) /* never-real: the image is the set with day + 60 */
      for (size_t i = 0; i < in->n; i++) {
        char s[11];
        memcpy(s, in->s + i * 11, 11);
        s[0] = (char)(s[0] + 6);
        ki[i] = tu_key(s);
      }
    qsort(ki, in->n, sizeof *ki, tu_cmp_u64);
    assert_memory_equal(ki, ko, in->n * sizeof *ki);
  }
  free(ki);
  free(ko);
  free(st);
  set_free(&out);
  set_free(&back);
}

/* Every valid number of a birth date for a kind. */
static set date_members(int kind, int y, int m, int d) {
  set v = set_new(10 * 6760);
  char s[11];
  for (int c7 = 0; c7 < 10; c7++)
    for (int tail = 0; tail < (kind >= DKCPR_KIND_XECPR ? 6760 : 1000); tail++) {
      snprintf(s, sizeof s, "%02d%02d%02d%d", d + (kind == DKCPR_KIND_REPLACEMENT ? 60 : 0),
               m, y % 100, c7);
      if (kind >= DKCPR_KIND_XECPR) {
        s[7] = (char)('A' + tail / 10 / 26);
        s[8] = (char)('A' + tail / 10 % 26);
        s[9] = (char)('0' + tail % 10);
      } else {
        snprintf(s + 7, 4, "%03d", tail);
      }
      {
        facts f = tu_facts(s);
        if (f.ok && f.kind == kind && f.year == y) set_add(&v, s);
      }
    }
  return v;
}

static void date_classes_exhaustive(void **state) {
  (void)state;
  for (int kind = 0; kind <= 3; kind++)
    for (unsigned keep = DKCPR_KEEP_DATE; keep <= (DKCPR_KEEP_DATE | DKCPR_KEEP_SEX); keep++) {
      set v = date_members(kind, kind == DKCPR_KIND_DECPR ? 1899 : 1962, 10, 21);
      dkcpr_pseudonymizer *p = tu_handle("exhaustive", keep & 5u, 0);
      assert_int_equal(v.n, kind >= DKCPR_KIND_XECPR ? 6760 : 6000);
      map_and_check(p, &v, 1, 0);
      dkcpr_pseudonymizer_free(p);
      if (kind == DKCPR_KIND_CPR) { /* never-real: onto the day + 60 numbers of the date */
        p = tu_handle("exhaustive", keep & 5u, DKCPR_NEVER_REAL);
        map_and_check(p, &v, 1, 1);
        dkcpr_pseudonymizer_free(p);
      }
      set_free(&v);
    }
}

static void whole_year_default_keep(void **state) {
  set v = set_new(366 * 4 * 1000);
  dkcpr_pseudonymizer *p = tu_handle("year", DKCPR_KEEP_DEFAULT, 0);
  (void)state;
  for (int m = 1; m <= 12; m++)
    for (int d = 1; d <= tu_mdays(1920, m); d++)
      for (int c7 = 0; c7 <= 3; c7++)
        for (int tail = 0; tail < 1000; tail++) {
          char s[11];
          snprintf(s, sizeof s, "%02d%02d20%d%03d", d, m, c7, tail);
          set_add(&v, s);
        }
  assert_int_equal(v.n, 366 * 4 * 1000);
  map_and_check(p, &v, 1, 0);
  dkcpr_pseudonymizer_free(p);
  set_free(&v);
}

static void sampled_million(void **state) {
  (void)state;
  for (unsigned keep = DKCPR_KEEP_NONE; keep <= DKCPR_KEEP_SEX; keep++) {
    set v = set_new(1100000);
    uint64_t rs = 4242 + keep, *k;
    dkcpr_pseudonymizer *p = tu_handle("sampled", keep, 0);
    for (size_t i = 0; i < 1100000; i++) {
      char s[11];
      tu_random(s, DKCPR_KIND_CPR, (int)(tu_rand(&rs) % 10 == 0), &rs);
      set_add(&v, s);
    }
    /* keep distinct inputs only */
    k = sorted_keys(v.s, v.n);
    {
      set u = set_new(v.n);
      size_t distinct = 1;
      for (size_t i = 1; i < v.n; i++) distinct += k[i] != k[i - 1];
      assert_true(distinct >= 1000000);
      qsort(v.s, v.n, 11, (int (*)(const void *, const void *))strcmp);
      for (size_t i = 0; i < v.n; i++)
        if (i == 0 || strcmp(v.s + i * 11, v.s + (i - 1) * 11) != 0) set_add(&u, v.s + i * 11);
      assert_int_equal(u.n, distinct);
      map_and_check(p, &u, 0, 0);
      set_free(&u);
    }
    free(k);
    set_free(&v);
    dkcpr_pseudonymizer_free(p);
  }
}

/* One at a time, every kind, keep mode and never-real. */
static void single_round_trip(void **state) {
  uint64_t rs = 31337;
  (void)state;
  for (unsigned fl = 0; fl <= DKCPR_NEVER_REAL; fl++)
    for (size_t k = 0; k < TU_NKEEPS; k++) {
      dkcpr_pseudonymizer *p = tu_handle("single", tu_keeps[k], fl);
      dkcpr_options o = tu_opts(DKCPR_POLICY_DEFAULT, DKCPR_PARSE_ALLOW_REPLACEMENT);
      for (int kind = 0; kind <= 3; kind++)
        for (int i = 0; i < 100; i++) {
          char in[11], out[11], back[11];
          if (fl && kind == DKCPR_KIND_REPLACEMENT) continue;
          tu_random(in, kind, -1, &rs);
          assert_int_equal(dkcpr_pseudonymize(out, sizeof out, NULL, p, in, 10, &o), DKCPR_OK);
          assert_int_equal(dkcpr_reveal(back, sizeof back, NULL, p, out, 10, &o), DKCPR_OK);
          assert_string_equal(back, in);
        }
      dkcpr_pseudonymizer_free(p);
    }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(single_round_trip),
      cmocka_unit_test(date_classes_exhaustive),
      cmocka_unit_test(whole_year_default_keep),
      cmocka_unit_test(sampled_million),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
