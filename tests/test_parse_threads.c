/* SPDX-License-Identifier: Apache-2.0 */
/* Parsing from many threads at once with shared options and a shared
 * known-dates list gives the same results as one thread (no hidden state). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>

#include "core_vectors.h"

#define N_THREADS 4

typedef struct {
  const cv_row *rows;
  size_t n;
  const dkcpr_datelist *list;
  size_t failed;
} work;

static void *run(void *arg) {
  work *w = arg;
  for (int rep = 0; rep < 20; rep++) {
    for (size_t i = 0; i < w->n; i++)
      w->failed += (size_t)cv_check(&w->rows[i]);
    /* A caller list read concurrently. */
    dkcpr_options o;
    dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
    o.policy = DKCPR_POLICY_KNOWN_DATES;
    o.known_dates = w->list;
    o.ref_year = 2026;
    o.ref_month = 11;
    o.ref_day = 26;
    w->failed += dkcpr_validate("0101930001", 10, &o) != DKCPR_OK;
    w->failed += dkcpr_validate("0101960001", 10, &o) != DKCPR_E_MOD11;
    /* Today read per call. */
    w->failed += dkcpr_validate("0707614285", 10, NULL) != DKCPR_OK;
  }
  return NULL;
}

static void same_results_from_many_threads(void **state) {
  (void)state;
  size_t n = 0;
  cv_row *rows = cv_load("cpr.tsv", &n);
  assert_non_null(rows);
  dkcpr_datelist *list = NULL;
  assert_int_equal(dkcpr_datelist_new(&list), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_add(list, 1993, 1, 1), DKCPR_OK);
  pthread_t t[N_THREADS];
  work w[N_THREADS];
  for (int i = 0; i < N_THREADS; i++) {
    w[i] = (work){rows, n, list, 0};
    assert_int_equal(pthread_create(&t[i], NULL, run, &w[i]), 0);
  }
  size_t failed = 0;
  for (int i = 0; i < N_THREADS; i++) {
    assert_int_equal(pthread_join(t[i], NULL), 0);
    failed += w[i].failed;
  }
  dkcpr_datelist_free(list);
  free(rows);
  assert_int_equal(failed, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(same_results_from_many_threads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
