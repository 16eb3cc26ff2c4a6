/* SPDX-License-Identifier: Apache-2.0 */
/* One handle shared by 8 threads gives exactly what one thread gives
 * (single and batch calls mixed); also under keep date, where the threads
 * build and read the handle's table of each small class at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <pthread.h>

#include <cmocka.h>

#include "pseudonym_util.h"

#define N 20000
#define THREADS 8

static char inputs[N][11];
static const char *in_ptr[N];
static size_t in_len[N];

typedef struct work {
  const dkcpr_pseudonymizer *p;
  int batch, reveal;
  char out[N][11];
  int ok;
} work;

static void *run(void *arg) {
  work *w = arg;
  dkcpr_options o;
  memset(&o, 0, sizeof o);
  o.version = DKCPR_OPTIONS_VERSION;
  o.flags = DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE;
  w->ok = 1;
  if (w->batch) {
    static dkcpr_status st[THREADS][N];
    size_t slot = (size_t)w->batch - 1;
    w->ok = (w->reveal ? dkcpr_reveal_many : dkcpr_pseudonymize_many)(
                &w->out[0][0], 11, NULL, st[slot], w->p, in_ptr, in_len, N, &o) == DKCPR_OK;
  } else {
    for (int i = 0; i < N; i++)
      if ((w->reveal ? dkcpr_reveal : dkcpr_pseudonymize)(w->out[i], 11, NULL, w->p, inputs[i],
                                                          10, &o) != DKCPR_OK)
        w->ok = 0;
  }
  return NULL;
}

static void eight_threads_one_handle(void **state) {
  uint64_t rs = 8;
  dkcpr_pseudonymizer *p = tu_handle("threads", DKCPR_KEEP_DEFAULT, 0);
  work *ref = calloc(1, sizeof *ref), *w = calloc(THREADS, sizeof *w);
  pthread_t th[THREADS];
  (void)state;
  assert_non_null(ref);
  assert_non_null(w);
  for (int i = 0; i < N; i++) {
    tu_random(inputs[i], i % 4, -1, &rs);
    if (i % 7 == 0) tu_random(inputs[i], DKCPR_KIND_CPR, -1, &rs);
    in_ptr[i] = inputs[i];
    in_len[i] = 10;
  }
  ref->p = p;
  run(ref);
  assert_true(ref->ok);
  for (int t = 0; t < THREADS; t++) {
    w[t].p = p;
    w[t].batch = t % 2 ? t + 1 : 0;
    assert_int_equal(pthread_create(&th[t], NULL, run, &w[t]), 0);
  }
  for (int t = 0; t < THREADS; t++) {
    assert_int_equal(pthread_join(th[t], NULL), 0);
    assert_true(w[t].ok);
    assert_memory_equal(w[t].out, ref->out, sizeof ref->out);
  }
  free(ref);
  free(w);
  dkcpr_pseudonymizer_free(p);
}

/* 200 persons over and over, each class met many times, by threads
 * pseudonymizing and revealing at once. */
static void eight_threads_keep_date(void **state) {
  uint64_t rs = 9;
  dkcpr_pseudonymizer *p = tu_handle("threads", DKCPR_KEEP_DATE | DKCPR_KEEP_SEX, 0);
  work *ref = calloc(2, sizeof *ref), *w = calloc(THREADS, sizeof *w);
  pthread_t th[THREADS];
  (void)state;
  assert_non_null(ref);
  assert_non_null(w);
  for (int i = 0; i < N; i++) {
    if (i < 200)
      tu_random(inputs[i], i % 4, -1, &rs);
    else
      memcpy(inputs[i], inputs[i % 200], sizeof inputs[i]);
    in_ptr[i] = inputs[i];
    in_len[i] = 10;
  }
  for (int r = 0; r < 2; r++) { /* what one thread gives, both ways */
    ref[r].p = p;
    ref[r].reveal = r;
    run(&ref[r]);
    assert_true(ref[r].ok);
  }
  for (int t = 0; t < THREADS; t++) {
    w[t].p = p;
    w[t].batch = t % 2 ? t + 1 : 0;
    w[t].reveal = t % 4 >= 2;
    assert_int_equal(pthread_create(&th[t], NULL, run, &w[t]), 0);
  }
  for (int t = 0; t < THREADS; t++) {
    assert_int_equal(pthread_join(th[t], NULL), 0);
    assert_true(w[t].ok);
    assert_memory_equal(w[t].out, ref[w[t].reveal].out, sizeof ref->out);
  }
  free(ref);
  free(w);
  dkcpr_pseudonymizer_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(eight_threads_one_handle),
                                     cmocka_unit_test(eight_threads_keep_date)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
