/* SPDX-License-Identifier: Apache-2.0 */
/* The C calls that the Java bench wraps, on the same inputs and timed the
 * same way (thread CPU time, best of 3), so bench_java.sh can report what
 * the binding adds per number. Prints "bulk_ns single_ns". */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "dkcpr.h"

#define N 1000000
#define SINGLE 200000
#define STRIDE 16

static double cpu_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(void) {
  static char in[N][12], out[(size_t)N * STRIDE];
  static const char *ptrs[N];
  static size_t lens[N], out_lens[N];
  static dkcpr_status st[N];
  uint8_t key[DKCPR_KEY_BYTES];
  dkcpr_pseudonymizer *p = NULL;
  unsigned x = 42;
  double bulk = 1e30, single = 1e30;
  for (int i = 0; i < DKCPR_KEY_BYTES; i++) key[i] = (uint8_t)(i * 7);
  if (dkcpr_pseudonymizer_new(&p, key, sizeof key, NULL, 0, DKCPR_KEEP_DEFAULT, 0) != DKCPR_OK)
    return 1;
  /* Valid numbers of 1900-1999 (7th digit 0-3), half of them dashed. */
  for (int i = 0; i < N; i++) {
    unsigned r[5];
    for (int k = 0; k < 5; k++) r[k] = (x = x * 1103515245u + 12345u) >> 8;
    snprintf(in[i], sizeof in[i], i % 2 ? "%02u%02u%02u%u%03u" : "%02u%02u%02u-%u%03u",
             1 + r[0] % 28, 1 + r[1] % 12, r[2] % 100, r[3] % 4, r[4] % 1000);
    ptrs[i] = in[i];
    lens[i] = i % 2 ? 10 : 11;
  }
  for (int round = 0; round < 3; round++) {
    double t0 = cpu_ns();
    dkcpr_pseudonymize_many(out, STRIDE, out_lens, st, p, ptrs, lens, N, NULL);
    double t1 = cpu_ns();
    for (int i = 0; i < SINGLE; i++)
      dkcpr_pseudonymize(out, STRIDE, NULL, p, in[i], lens[i], NULL);
    double t2 = cpu_ns();
    if ((t1 - t0) / N < bulk) bulk = (t1 - t0) / N;
    if ((t2 - t1) / SINGLE < single) single = (t2 - t1) / SINGLE;
  }
  dkcpr_pseudonymizer_free(p);
  printf("%.1f %.1f\n", bulk, single);
  return 0;
}
