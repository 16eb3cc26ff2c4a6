/* SPDX-License-Identifier: Apache-2.0 */
/* Physical reference for the other figures: how fast this machine runs
 * memchr (a scan that finds nothing) and memcpy, from cache and from main
 * memory. Prints "name<TAB>value<TAB>unit" lines, best of several runs. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Keep the compiler from merging or dropping the measured calls: the
 * buffers count as read and written between iterations. */
static volatile uintptr_t sink;
#define CLOBBER(p) __asm__ __volatile__("" : : "r"(p) : "memory")

/* Bytes per second of memchr over size bytes, repeated to about total. */
static double memchr_rate(const char *buf, size_t size, size_t total) {
  double best = 0.0;
  int run;
  for (run = 0; run < 5; run++) {
    size_t done = 0;
    double t0 = now(), dt;
    while (done < total) {
      CLOBBER(buf);
      sink += (uintptr_t)memchr(buf, '\n', size);
      done += size;
    }
    dt = now() - t0;
    if ((double)done / dt > best) best = (double)done / dt;
  }
  return best;
}

static double memcpy_rate(char *dst, const char *src, size_t size,
                          size_t total) {
  double best = 0.0;
  int run;
  for (run = 0; run < 5; run++) {
    size_t done = 0;
    double t0 = now(), dt;
    while (done < total) {
      CLOBBER(dst);
      memcpy(dst, src, size);
      CLOBBER(dst);
      done += size;
    }
    dt = now() - t0;
    if ((double)done / dt > best) best = (double)done / dt;
  }
  return best;
}

int main(void) {
  const size_t big = (size_t)256 << 20, small = (size_t)64 << 10;
  const size_t total = (size_t)1 << 30;
  char *src = malloc(big), *dst = malloc(big);
  if (!src || !dst) {
    fprintf(stderr, "bench_memref: out of memory\n");
    return 1;
  }
  memset(src, 'a', big); /* no '\n': memchr reads everything */
  memset(dst, 0, big);
  printf("memchr, 64 KiB in cache\t%.2f\tGB/s\n",
         memchr_rate(src, small, total * 4) / 1e9);
  printf("memchr, 256 MiB from memory\t%.2f\tGB/s\n",
         memchr_rate(src, big, total * 2) / 1e9);
  printf("memcpy, 64 KiB in cache\t%.2f\tGB/s\n",
         memcpy_rate(dst, src, small, total * 2) / 1e9);
  printf("memcpy, 256 MiB from memory\t%.2f\tGB/s\n",
         memcpy_rate(dst, src, big, total) / 1e9);
  free(src);
  free(dst);
  return 0;
}
