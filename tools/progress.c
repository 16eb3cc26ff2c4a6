/* SPDX-License-Identifier: Apache-2.0 */
/* Progress on standard error, only when it is a terminal and the run is
 * long enough to need it; never mixed into the data on standard output. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Below this size a run finishes before progress would help. */
#define LARGE_INPUT (64u << 20)
/* Progress starts only after this many seconds, then refreshes at this rate. */
#define FIRST_AFTER 1.0
#define REFRESH 0.25

double cli_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *cli_human_bytes(char buf[32], uint64_t n) {
  static const char *const units[] = {"B", "kB", "MB", "GB", "TB"};
  double v = (double)n;
  size_t u = 0;
  while (v >= 1000.0 && u + 1 < sizeof units / sizeof units[0]) {
    v /= 1000.0;
    u++;
  }
  if (u == 0)
    snprintf(buf, 32, "%llu B", (unsigned long long)n);
  else
    snprintf(buf, 32, "%.1f %s", v, units[u]);
  return buf;
}

/* total_hint: the input size when known (regular files), else 0 for a
 * stream of unknown length, which counts as large. */
void cli_progress_init(cli_progress *p, uint64_t total_hint) {
  p->enabled = isatty(STDERR_FILENO) &&
               (total_hint == 0 || total_hint >= LARGE_INPUT);
  p->start = cli_now();
  p->last = p->start;
  p->total_hint = total_hint;
}

void cli_progress_update(cli_progress *p, uint64_t bytes, uint64_t found) {
  if (!p->enabled)
    return;
  double now = cli_now();
  if (now - p->start < FIRST_AFTER || now - p->last < REFRESH)
    return;
  p->last = now;
  char done[32], rate[32];
  cli_human_bytes(done, bytes);
  cli_human_bytes(rate, (uint64_t)((double)bytes / (now - p->start)));
  if (p->total_hint) {
    char total[32];
    fprintf(stderr, "\r\033[K%s of %s (%.0f%%), %s/s, %llu numbers found", done,
            cli_human_bytes(total, p->total_hint),
            100.0 * (double)bytes / (double)p->total_hint, rate,
            (unsigned long long)found);
  } else {
    fprintf(stderr, "\r\033[K%s, %s/s, %llu numbers found", done, rate,
            (unsigned long long)found);
  }
  fflush(stderr);
}

void cli_progress_end(cli_progress *p) {
  if (p->enabled && p->last > p->start) {
    fputs("\r\033[K", stderr);
    fflush(stderr);
  }
}
