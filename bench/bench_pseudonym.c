/* SPDX-License-Identifier: Apache-2.0 */
/* Pseudonym throughput on one core: one at a time and in batches, per keep
 * mode; the cost of a per-call AES context; and the small-class crossover
 * between the prefix cipher and cycle-walking FF1 that sets
 * DKCPR__FF1_MIN_CLASS. With "kinds": batch throughput instead, pseudonymize
 * and reveal, for every kind of number under every keep mode, with and
 * without never-real (a few minutes). Prints figures; asserts nothing.
 * Usage: bench_pseudonym [seconds-per-figure, default 1] [kinds] */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dkcpr.h"
#include "ff1.h"
#include "class_rank.h"
#include "prefix_cipher.h"
#include "pseudonym_engine.h"

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

/* --- every kind x keep mode, pseudonymize and reveal, in batches --- */

#define KIND_ROWS 2048 /* the repeated working set: persons seen again and again */

static char krow[NIN][16];
static const char *kptr[NIN];
static size_t klen[NIN];
static char kout[NIN][16];  /* pseudonyms, the reveal runs' inputs */
static char kback[NIN][16]; /* what reveal gives back */
static size_t kout_len[NIN];
static size_t kback_len[NIN];
static dkcpr_status ksts[NIN];
static const char *koptr[NIN];

/* n numbers of a kind (mod-11 option m for CPR numbers) born 1930-2025,
 * drawn at random: with n of 65536 nearly every birth date and sex is a
 * different class, the worst case for anything cached per class. */
static int kind_inputs(size_t n, int kind, int m, uint64_t seed) {
  dkcpr__tables *t = dkcpr__tables_new();
  dkcpr__class c;
  uint64_t s = seed;
  if (t == NULL || dkcpr__class_init(&c, t, kind, DKCPR__SEX_ANY, m, 1930, 1, 1, 2025, 12, 31) !=
                       DKCPR_OK) {
    dkcpr__tables_free(t);
    return 0;
  }
  for (size_t i = 0; i < n; i++) {
    dkcpr__num num;
    dkcpr__unrank(&num, t, &c, rnd(&s) % c.size);
    dkcpr__num_digits(krow[i], &num);
    krow[i][10] = '\0';
    kptr[i] = krow[i], klen[i] = 10;
  }
  dkcpr__tables_free(t);
  return 1;
}

static void kind_pass(const dkcpr_pseudonymizer *p, const char *const *in, size_t rows,
                      int reveal, const dkcpr_options *o) {
  for (size_t off = 0; off < rows; off += BATCH) {
    size_t n = rows - off < BATCH ? rows - off : BATCH;
    dkcpr_status st =
        reveal ? dkcpr_reveal_many(kback[off], 16, kback_len + off, ksts + off, p, in + off,
                                   kout_len + off, n, o)
               : dkcpr_pseudonymize_many(kout[off], 16, kout_len + off, ksts + off, p, in + off,
                                         klen + off, n, o);
    if (st != DKCPR_OK) {
      fprintf(stderr, "bench: %s\n", dkcpr_strerror(st));
      abort();
    }
  }
}

/* Numbers a second over the first `rows` inputs, after `warm` untimed
 * passes, run over until secs pass. */
static double kind_rate(const dkcpr_pseudonymizer *p, const char *const *in, size_t rows,
                        int reveal, int warm) {
  size_t done = 0;
  double t0, t;
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
  while (warm-- > 0) kind_pass(p, in, rows, reveal, &o);
  t0 = now();
  do {
    kind_pass(p, in, rows, reveal, &o);
    done += rows;
  } while ((t = now() - t0) < secs);
  return done / t;
}

static void kinds(void) {
  static const struct {
    const char *name;
    int kind, m;
  } ks[] = {{"CPR mod-11 pass", DKCPR_KIND_CPR, DKCPR__M_PASS},
            {"CPR mod-11 fail", DKCPR_KIND_CPR, DKCPR__M_FAIL},
            {"day + 60", DKCPR_KIND_REPLACEMENT, DKCPR__M_ANY},
            {"X-eCPR", DKCPR_KIND_XECPR, DKCPR__M_ANY},
            {"D-eCPR", DKCPR_KIND_DECPR, DKCPR__M_ANY}};
  static const struct {
    unsigned keep;
    const char *name;
  } km[] = {{DKCPR_KEEP_NONE, "none"},
            {DKCPR_KEEP_SEX, "sex"},
            {DKCPR_KEEP_YEAR, "year"},
            {DKCPR_KEEP_DEFAULT, "year+sex"},
            {DKCPR_KEEP_DATE, "date"},
            {DKCPR_KEEP_DATE | DKCPR_KEEP_SEX, "date+sex"}};
  static const uint8_t key[32] = {0x60, 0x3d, 0xeb, 0x10};
  printf("\nEvery kind and keep mode, batches of %d, M numbers/s (CPU time).\n", BATCH);
  printf("  distinct: %d different numbers born 1930-2025 (a new class nearly every number\n"
         "  under keep date); repeated: the first %d of them over and over, after three\n"
         "  untimed passes.\n", NIN, KIND_ROWS);
  printf("  %-16s %-9s %-4s %9s %9s %9s %9s\n", "kind", "keep", "n-r", "ps dist", "rev dist",
         "ps rep", "rev rep");
  for (size_t k = 0; k < sizeof ks / sizeof ks[0]; k++) {
    int digit = ks[k].kind == DKCPR_KIND_CPR;
    if (!kind_inputs(NIN, ks[k].kind, ks[k].m, 11 + k)) abort();
    for (int nr = 0; nr <= digit; nr++)
      for (size_t m = 0; m < sizeof km / sizeof km[0]; m++) {
        dkcpr_pseudonymizer *p;
        double r[4];
        if (dkcpr_pseudonymizer_new(&p, key, 32, (const uint8_t *)"bench", 5, km[m].keep,
                                    nr ? DKCPR_NEVER_REAL : 0) != DKCPR_OK)
          abort();
        r[0] = kind_rate(p, kptr, NIN, 0, 0);
        for (size_t i = 0; i < NIN; i++) { /* the pseudonyms, to reveal */
          kout[i][kout_len[i]] = '\0';
          koptr[i] = kout[i];
        }
        r[1] = kind_rate(p, koptr, NIN, 1, 0);
        for (size_t i = 0; i < NIN; i++) /* the round trip, while here */
          if (kback_len[i] != 10 || memcmp(kback[i], krow[i], 10) != 0) abort();
        dkcpr_pseudonymizer_free(p);
        /* A fresh handle: the repeated figures start from nothing cached. */
        if (dkcpr_pseudonymizer_new(&p, key, 32, (const uint8_t *)"bench", 5, km[m].keep,
                                    nr ? DKCPR_NEVER_REAL : 0) != DKCPR_OK)
          abort();
        r[2] = kind_rate(p, kptr, KIND_ROWS, 0, 3);
        r[3] = kind_rate(p, koptr, KIND_ROWS, 1, 3);
        printf("  %-16s %-9s %-4s %9.3f %9.3f %9.3f %9.3f\n", ks[k].name, km[m].name,
               nr ? "yes" : "no", r[0] / 1e6, r[1] / 1e6, r[2] / 1e6, r[3] / 1e6);
        fflush(stdout);
        dkcpr_pseudonymizer_free(p);
      }
  }
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
  if (argc > 2 && strcmp(argv[2], "kinds") == 0) {
    kinds();
    return 0;
  }
  make_inputs(inputs, NIN);
  for (size_t i = 0; i < NIN; i++) in_ptr[i] = inputs[i], in_len[i] = 10;
  printf("dkcpr %s pseudonyms, one core, mod-11-passing CPR numbers born 1930-2025\n",
         dkcpr_algorithm());
  printf("  handle: %zu bytes (tables %zu, class cache slots %zu; cached classes add at most %zu)\n",
         sizeof(struct dkcpr_pseudonymizer) + dkcpr__tables_bytes() + dkcpr__pcache_base_bytes(),
         dkcpr__tables_bytes(), dkcpr__pcache_base_bytes(), DKCPR__PCACHE_BUDGET);
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
