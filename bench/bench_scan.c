/* SPDX-License-Identifier: Apache-2.0 */
/* Scanner and washer throughput.
 *   scan: MB/s over text without CPR numbers (prose; and log lines full of
 *         dates, amounts and phone numbers), one core, dkcpr_scan().
 *   wash: MB/s washing text with one number per 200 bytes in the default
 *         pseudonym mode, streamed in 64 KiB chunks; peak memory reported
 *         for two input sizes to show it does not grow with the input.
 * Rates are bytes per second of the thread's CPU time (one core). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "dkcpr.h"
#include "wash.h"

/* CPU time of this thread: figures stay meaningful on a shared machine
 * where the wall clock also counts time spent waiting for a core. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long max_rss_kib(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static void fill(char *buf, size_t len, const char *const *parts, size_t nparts) {
  size_t at = 0, k = 0;
  while (at < len) {
    const char *p = parts[k++ % nparts];
    size_t n = strlen(p);
    if (n > len - at) n = len - at;
    memcpy(buf + at, p, n);
    at += n;
  }
}

static const char *const prose[] = {
    "Borgeren henvender sig telefonisk vedr\xc3\xb8rende sin ans\xc3\xb8gning om "
    "boligst\xc3\xb8tte. Sagsbehandleren forklarer, at ans\xc3\xb8gningen afventer "
    "dokumentation fra arbejdsgiveren. ",
    "The citizen called about the application for housing benefit; the case "
    "officer explained that it awaits documentation from the employer. ",
    "Der aftales opf\xc3\xb8lgning i n\xc3\xa6ste uge, og borgeren f\xc3\xa5r "
    "besked pr. brev. \xc3\x85" "rsagen er endnu ikke afklaret.\n",
};

static const char *const logs[] = {
    "2026-11-26T10:15:42.123Z INFO order=48213377 amount=1299.95 DKK ",
    "tlf +45 12 34 56 78 status=200 latency_ms=37 worker pid=284613 ",
    "invoice 2026-004711 due 01.02.2027 account 1234-5678901 ",
    "uuid=550e8400-e29b-41d4-a716-446655440000 retries=3\n",
};

static void bench_scan(const char *name, const char *const *parts, size_t nparts) {
  const size_t len = 64u << 20;
  char *buf = malloc(len);
  dkcpr_scan_options o;
  size_t n = 0, reps = 0;
  double t0, t;
  if (buf == NULL) exit(1);
  fill(buf, len, parts, nparts);
  dkcpr_scan_options_init(&o, DKCPR_SCAN_OPTIONS_VERSION);
  dkcpr_scan(NULL, 0, &n, buf, len, &o); /* warm up */
  t0 = now();
  do {
    dkcpr_scan(NULL, 0, &n, buf, len, &o);
    reps++;
    t = now() - t0;
  } while (t < 2.0);
  printf("scan, %s (%zu numbers found)\t%.0f\tMB/s\n", name, n,
         (double)len * (double)reps / t / 1e6);
  free(buf);
}

/* One number per 200 bytes, in the common written forms. */
static void make_wash_input(char *buf, size_t len) {
  static const char *const nums[] = {"070761-4285", "0201609995", "1502799995",
                                     "0707614285", "211062 5629"};
  size_t at = 0, k = 0;
  fill(buf, len, prose, 3);
  for (at = 100; at + 20 < len; at += 200) {
    const char *nb = nums[k++ % 5];
    buf[at - 1] = ' ';
    memcpy(buf + at, nb, strlen(nb));
    buf[at + strlen(nb)] = ' ';
  }
}

static void bench_wash(const dkcpr_pseudonymizer *p, size_t total) {
  const size_t block = 1u << 20, chunk = 64u << 10;
  char *in = malloc(block);
  char *out;
  dkcpr_wash_options o;
  dkcpr_washer *w;
  dkcpr_wash_stats st;
  size_t at, got, cap, replaced = 0, i, k;
  double t0, t;
  if (in == NULL) exit(1);
  make_wash_input(in, block);
  dkcpr_wash_options_init(&o, DKCPR_WASH_OPTIONS_VERSION);
  if (dkcpr_washer_new(&w, p, NULL, &o) != DKCPR_OK) exit(1);
  cap = dkcpr_washer_bound(w, chunk);
  out = malloc(cap);
  t0 = now();
  for (at = 0; at < total; at += chunk)
    dkcpr_washer_feed(out, cap, &got, w, in + at % block, chunk);
  dkcpr_washer_finish(out, cap, &got, w);
  t = now() - t0;
  st.version = DKCPR_WASH_STATS_VERSION;
  dkcpr_washer_stats(&st, w);
  for (i = 0; i < DKCPR_KIND_COUNT; i++)
    for (k = 0; k < DKCPR_CONFIDENCE_COUNT; k++) replaced += st.replaced[i][k];
  printf("wash, pseudonym, 1 number / 200 B, %zu MiB (%zu replaced, %llu failed)"
         "\t%.1f\tMB/s\n",
         total >> 20, replaced, (unsigned long long)st.failed, (double)total / t / 1e6);
  printf("wash, washer size\t%zu\tKiB\n", sizeof(struct dkcpr_washer) >> 10);
  printf("wash, peak RSS of the process after %zu MiB\t%ld\tKiB\n", total >> 20,
         max_rss_kib());
  dkcpr_washer_free(w);
  free(out);
  free(in);
}

int main(void) {
  dkcpr_pseudonymizer *p = NULL;
  uint8_t key[DKCPR_KEY_BYTES] = {7};
  if (dkcpr_pseudonymizer_new(&p, key, sizeof key, NULL, 0, DKCPR_KEEP_DEFAULT, 0) !=
      DKCPR_OK)
    return 1;
  bench_wash(p, 64u << 20);
  bench_wash(p, 256u << 20);
  dkcpr_pseudonymizer_free(p);
  bench_scan("prose without numbers", prose, 3);
  bench_scan("log lines without CPR numbers (dates, amounts, phones, UUIDs)", logs, 4);
  return 0;
}
