/* SPDX-License-Identifier: Apache-2.0 */
/* Validations per second on one core: default (ASCII) and lenient paths.
 * Prints ns per call and calls per second for each input set. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dkcpr.h"

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

#define N_INPUTS 1024

/* A mix like real data: valid numbers of many dates, dashed and compact,
 * plus some invalid dates; the same mix for every path. */
static char inputs[N_INPUTS][48];
static size_t lens[N_INPUTS];

static void make_inputs(int style) {
  static const char *fw[10] = {"\xef\xbc\x90", "\xef\xbc\x91", "\xef\xbc\x92",
                               "\xef\xbc\x93", "\xef\xbc\x94", "\xef\xbc\x95",
                               "\xef\xbc\x96", "\xef\xbc\x97", "\xef\xbc\x98",
                               "\xef\xbc\x99"};
  unsigned x = 12345;
  for (int i = 0; i < N_INPUTS; i++) {
    char d[11];
    x = x * 1103515245u + 12345u;
    int day = 1 + (int)((x >> 8) % 31), month = 1 + (int)((x >> 16) % 12);
    x = x * 1103515245u + 12345u;
    snprintf(d, sizeof d, "%02d%02d%02u%04u", day, month, (x >> 8) % 100,
             (x >> 16) % 10000);
    char *o = inputs[i];
    size_t n = 0;
    if (style == 2) {
      /* Full-width digits: the ICU path. */
      for (int k = 0; k < 10; k++) {
        if (k == 6)
          o[n++] = '-';
        memcpy(o + n, fw[d[k] - '0'], 3);
        n += 3;
      }
    } else {
      for (int k = 0; k < 10; k++) {
        if (k == 6 && (i & 1))
          o[n++] = '-';
        o[n++] = d[k];
      }
    }
    o[n] = '\0';
    lens[i] = n;
  }
}

static long calls_per_run = 50L * 1000 * 1000;

static void run(const char *label, const dkcpr_options *opts) {
  long iters = calls_per_run / N_INPUTS;
  volatile unsigned sink = 0;
  unsigned ok = 0;
  /* Warm up, then take the best of three runs. */
  double best = 1e300;
  for (int rep = 0; rep < 4; rep++) {
    double t0 = now_ns();
    for (long it = 0; it < iters; it++)
      for (int i = 0; i < N_INPUTS; i++)
        ok += dkcpr_validate(inputs[i], lens[i], opts) == DKCPR_OK;
    double t = now_ns() - t0;
    if (rep > 0 && t < best)
      best = t;
  }
  sink = ok;
  (void)sink;
  double per = best / ((double)iters * N_INPUTS);
  printf("%-34s %7.2f ns/call %8.1f M calls/s  (%.0f%% valid)\n", label, per,
         1e3 / per, 100.0 * ok / (4.0 * iters * N_INPUTS));
}

/* Optional argument: millions of calls per timed run (default 50). */
int main(int argc, char **argv) {
  dkcpr_options opts;
  if (argc > 1 && atol(argv[1]) > 0)
    calls_per_run = atol(argv[1]) * 1000 * 1000;
  if (dkcpr_options_init(&opts, DKCPR_OPTIONS_VERSION) != DKCPR_OK)
    return 1;
  printf("dkcpr_validate, one thread, %d distinct inputs\n", N_INPUTS);
  make_inputs(1);
  run("default, ASCII", &opts);
  opts.policy = DKCPR_POLICY_KNOWN_DATES;
  run("known-dates policy, ASCII", &opts);
  opts.policy = DKCPR_POLICY_DEFAULT;
  opts.flags = DKCPR_PARSE_LENIENT;
  run("lenient, ASCII", &opts);
  make_inputs(2);
  run("lenient, full-width digits (ICU)", &opts);
  return 0;
}
