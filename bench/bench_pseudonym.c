/* Pseudonym throughput on one core: one at a time and in batches, per keep
 * mode; the cost of a per-call AES context; and the small-class crossover
 * between the prefix cipher and cycle-walking FF1 that sets
 * DKCPR__FF1_MIN_CLASS. Prints figures; asserts nothing.
 * Usage: bench_pseudonym [seconds-per-figure, default 1] */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dkcpr.h"
#include "ff1.h"
#include "fpe_class.h"
#include "prefix_cipher.h"
#include "pseudonymizer.h"

#define NIN 65536
#define BATCH 4096

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); /* CPU time: the machine may be shared */
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t rnd(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 2685821657736338717ull;
}

static int mdays(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static int century(int c7, int yy) {
  if (c7 <= 3) return 1900 + yy;
  if (c7 == 4 || c7 == 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/* Mod-11-passing CPR numbers born 1930-2025, as in real registers. */
static void make_inputs(char (*in)[11], size_t n) {
  uint64_t s = 1;
  static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  for (size_t i = 0; i < n;) {
    int y = 1930 + (int)(rnd(&s) % 96), m = 1 + (int)(rnd(&s) % 12), c7, sum = 0;
    int d = 1 + (int)(rnd(&s) % (uint64_t)mdays(y, m));
    do c7 = (int)(rnd(&s) % 10);
    while (century(c7, y % 100) != y);
    snprintf(in[i], 11, "%02d%02d%02d%d%03d", d, m, y % 100, c7, (int)(rnd(&s) % 1000));
    for (int k = 0; k < 10; k++) sum += w[k] * (in[i][k] - '0');
    if (sum % 11 == 0) i++;
  }
}

static char inputs[NIN][11];
static const char *in_ptr[NIN];
static size_t in_len[NIN];
static char outbuf[BATCH * 11];
static dkcpr_status sts[BATCH];
static double secs = 1.0;

static double run_single(const dkcpr_pseudonymizer *p) {
  size_t done = 0;
  double t0 = now(), t;
  char out[16];
  do {
    for (size_t i = 0; i < 1024; i++, done++)
      if (dkcpr_pseudonymize(out, sizeof out, NULL, p, inputs[done % NIN], 10, NULL) != DKCPR_OK)
        abort();
  } while ((t = now() - t0) < secs);
  return done / t;
}

static double run_batch(const dkcpr_pseudonymizer *p) {
  size_t done = 0;
  double t0 = now(), t;
  do {
    size_t off = done % NIN;
    if (dkcpr_pseudonymize_many(outbuf, 11, NULL, sts, p, in_ptr + off, in_len + off, BATCH,
                                NULL) != DKCPR_OK)
      abort();
    done += BATCH;
  } while ((t = now() - t0) < secs);
  return done / t;
}

static void contexts(const dkcpr_pseudonymizer *p) {
  static const uint8_t key[32] = {1};
  double t0 = now(), t;
  size_t n = 0;
  do {
    for (int i = 0; i < 1000; i++, n++) EVP_CIPHER_CTX_free(dkcpr__ps_cipher(p));
  } while ((t = now() - t0) < secs / 2);
  printf("  per-call context, EVP_CIPHER_CTX_copy of the template: %6.0f ns\n", t / n * 1e9);
  t0 = now(), n = 0;
  do {
    for (int i = 0; i < 1000; i++, n++) {
      int slot;
      dkcpr__ps_cipher_put(p, dkcpr__ps_cipher_get(p, &slot), slot);
    }
  } while ((t = now() - t0) < secs / 2);
  printf("  per-call context, borrowed from the handle's pool:    %6.0f ns\n", t / n * 1e9);
  t0 = now(), n = 0;
  do {
    for (int i = 0; i < 1000; i++, n++) EVP_CIPHER_CTX_free(dkcpr__aes_ctx_new(key, 32));
  } while ((t = now() - t0) < secs / 2);
  printf("  per-call context, new + AES-256 key schedule:          %6.0f ns\n", t / n * 1e9);
  {
    EVP_CIPHER_CTX *c = dkcpr__ps_cipher(p);
    uint8_t blk[16 * 64] = {0};
    t0 = now(), n = 0;
    do {
      for (int i = 0; i < 1000; i++, n++) dkcpr__aes_ecb(c, blk, blk, 1);
    } while ((t = now() - t0) < secs / 2);
    printf("  one AES block per EVP call:                            %6.1f ns\n", t / n * 1e9);
    t0 = now(), n = 0;
    do {
      for (int i = 0; i < 1000; i++, n += 64) dkcpr__aes_ecb(c, blk, blk, 64);
    } while ((t = now() - t0) < secs / 2);
    printf("  64 AES blocks per EVP call, per block:                 %6.1f ns\n", t / n * 1e9);
    EVP_CIPHER_CTX_free(c);
  }
}

/* Cost per call of each permutation for a class of n members. */
static void crossover(const dkcpr_pseudonymizer *p) {
  static const uint32_t sizes[] = {500, 1000, 2000, 3000, 5000, 7000, 10000, 14000, 20000, 50000};
  static const uint8_t tweak[7] = {1, 0, 0x0f, 0x07, 0xa2, 10, 21};
  EVP_CIPHER_CTX *c = dkcpr__ps_cipher(p);
  dkcpr__ff1n2 f;
  uint64_t s = 7;
  dkcpr__ff1n2_init(&f, c, 1000, tweak, 7);
  printf("\nSmall classes: cost per number (encrypt; reveal of the prefix cipher also selects)\n");
  printf("  %8s %14s %14s %14s\n", "members", "prefix (us)", "prefix rev(us)", "FF1 walk (us)");
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    uint32_t n = sizes[k], y;
    double t0, tp, tr, tf;
    size_t np = 0, nr = 0, nf = 0;
    t0 = now();
    do {
      dkcpr__prefix_encrypt(c, tweak, n, (uint32_t)(rnd(&s) % n), &y);
      np++;
    } while ((tp = now() - t0) < secs / 4);
    t0 = now();
    do {
      dkcpr__prefix_decrypt(c, tweak, n, (uint32_t)(rnd(&s) % n), &y);
      nr++;
    } while ((tr = now() - t0) < secs / 4);
    t0 = now();
    do {
      uint64_t v = rnd(&s) % n;
      do dkcpr__ff1n2_encrypt(&f, c, &v);
      while (v >= n);
      nf++;
    } while ((tf = now() - t0) < secs / 4);
    printf("  %8u %14.1f %14.1f %14.1f\n", n, tp / np * 1e6, tr / nr * 1e6, tf / nf * 1e6);
  }
  EVP_CIPHER_CTX_free(c);
}

int main(int argc, char **argv) {
  static const struct {
    unsigned keep;
    const char *name;
  } modes[] = {{DKCPR_KEEP_NONE, "none"},
               {DKCPR_KEEP_SEX, "sex"},
               {DKCPR_KEEP_YEAR, "year"},
               {DKCPR_KEEP_DEFAULT, "year+sex (default)"},
               {DKCPR_KEEP_DATE, "date"},
               {DKCPR_KEEP_DATE | DKCPR_KEEP_SEX, "date+sex"}};
  static const uint8_t key[32] = {0x60, 0x3d, 0xeb, 0x10};
  dkcpr_pseudonymizer *p;
  if (argc > 1) secs = atof(argv[1]);
  make_inputs(inputs, NIN);
  for (size_t i = 0; i < NIN; i++) in_ptr[i] = inputs[i], in_len[i] = 10;
  printf("dkcpr %s pseudonyms, one core, mod-11-passing CPR numbers born 1930-2025\n",
         dkcpr_algorithm());
  printf("  handle: %zu bytes (tables %zu)\n",
         sizeof(struct dkcpr_pseudonymizer) + dkcpr__tables_bytes(), dkcpr__tables_bytes());
  printf("  %-20s %16s %16s\n", "keep", "single (M/s)", "batch (M/s)");
  for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
    double s1, s2;
    dkcpr_pseudonymizer_new(&p, key, 32, (const uint8_t *)"bench", 5, modes[m].keep, 0);
    s1 = run_single(p);
    s2 = run_batch(p);
    printf("  %-20s %16.3f %16.3f\n", modes[m].name, s1 / 1e6, s2 / 1e6);
    dkcpr_pseudonymizer_free(p);
  }
  dkcpr_pseudonymizer_new(&p, key, 32, NULL, 0, DKCPR_KEEP_NONE, DKCPR_NEVER_REAL);
  printf("  %-20s %16.3f %16.3f\n", "none, never-real", run_single(p) / 1e6, run_batch(p) / 1e6);
  printf("\nAES contexts\n");
  contexts(p);
  crossover(p);
  dkcpr_pseudonymizer_free(p);
  return 0;
}
