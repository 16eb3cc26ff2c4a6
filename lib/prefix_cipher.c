/* SPDX-License-Identifier: Apache-2.0 */
/* Black-Rogaway prefix cipher (Ciphers with Arbitrary Finite Domains, 2002):
 * the permutation that sorts [0, n) by AES_K(tweak || i). A random
 * permutation whenever AES is a PRP, for any n, at O(n) AES blocks per call;
 * the engine uses it below the FF1 threshold, where cycle-walking FF1 over a
 * 10^6 domain would need 10^6 / n calls.
 *
 * Every evaluation streams the n AES outputs once; nothing is sorted except
 * in the table builder. Encryption counts the smaller values. Decryption
 * selects the y-th smallest: the outputs are uniform, so the y-th smallest
 * high half lies near y / n * 2^64; one pass counts the values below a
 * window around that guess and keeps the few inside it, and the answer is
 * selected among those (a full pass keeping everything is the fallback when
 * the answer falls outside, which a wide window makes rare). Ties of the
 * high 64 bits are resolved on all 128, so the result is exactly the
 * sorted order's. */
#include "prefix_cipher.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "ff1.h"

#define CHUNK 256 /* blocks per AES call: enough for AES-NI pipelining */

typedef struct key128 {
  uint64_t hi, lo;
} key128;

typedef struct item {
  key128 k;
  uint32_t i;
} item;

static uint64_t be64(const uint8_t *b) {
  uint64_t v;
  memcpy(&v, b, 8);
  return __builtin_bswap64(v);
}

static key128 load(const uint8_t *b) {
  key128 k = {be64(b), be64(b + 8)};
  return k;
}

static int less(key128 a, key128 b) {
  return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}

/* Input blocks tweak || 0x50 || 0 0 0 0 || [i]4: the head is written once
 * per stream, then only the counters change. */
typedef struct stream {
  EVP_CIPHER_CTX *ctx;
  uint32_t n, next;
  uint8_t in[16 * CHUNK];
  uint8_t out[16 * CHUNK];
} stream;

static void stream_init(stream *s, EVP_CIPHER_CTX *ctx, const uint8_t tweak[7], uint32_t n) {
  uint8_t head[12] = {0};
  memcpy(head, tweak, 7);
  head[7] = 0x50;
  for (uint32_t j = 0; j < CHUNK; j++) memcpy(s->in + 16 * j, head, 12);
  s->ctx = ctx;
  s->n = n;
  s->next = 0;
}

/* The outputs of the next blocks into s->out: how many (0 at the end, -1
 * on an OpenSSL failure). */
static int stream_next(stream *s) {
  uint32_t first = s->next, left = s->n - s->next;
  uint32_t count = left < CHUNK ? left : CHUNK;
  if (left == 0) return 0;
  /* cppcheck follows a caller's n == 0 here, which every caller excludes. */
  // cppcheck-suppress knownConditionTrueFalse
  for (uint32_t j = 0; j < count; j++) {
    uint32_t be = __builtin_bswap32(first + j);
    memcpy(s->in + 16 * j + 12, &be, 4);
  }
  if (!dkcpr__aes_ecb(s->ctx, s->out, s->in, count)) return -1;
  s->next += count;
  return (int)count;
}

/* e_x alone. */
static int key_of(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7], uint32_t x, key128 *k) {
  uint8_t blk[16] = {0};
  uint32_t be = __builtin_bswap32(x);
  memcpy(blk, tweak, 7);
  blk[7] = 0x50;
  memcpy(blk + 12, &be, 4);
  if (!dkcpr__aes_ecb(ctx, blk, blk, 1)) return 0;
  *k = load(blk);
  return 1;
}

int dkcpr__prefix_encrypt(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t x, uint32_t *y) {
  stream s;
  key128 ex;
  uint32_t rank = 0;
  int got;
  if (x >= n || !key_of(ctx, tweak, x, &ex)) return 0;
  stream_init(&s, ctx, tweak, n);
  while ((got = stream_next(&s)) > 0)
    for (int j = 0; j < got; j++) {
      /* branch-free: the outcome is random */
      uint64_t hi = be64(s.out + 16 * j);
      rank += (hi < ex.hi) | ((hi == ex.hi) & (be64(s.out + 16 * j + 8) < ex.lo));
    }
  if (got < 0) return 0;
  *y = rank;
  return 1;
}

/* Hoare-style quickselect: afterwards v[want] holds the want-th smallest. */
static void select_nth(item *v, uint32_t n, uint32_t want) {
  uint32_t lo = 0, hi = n - 1;
  while (lo < hi) {
    key128 pivot = v[lo + (hi - lo) / 2].k;
    uint32_t i = lo, j = hi;
    while (i <= j) {
      while (less(v[i].k, pivot)) i++;
      while (less(pivot, v[j].k)) j--;
      if (i <= j) {
        item t = v[i];
        v[i] = v[j];
        v[j] = t;
        i++;
        if (j == 0) break;
        j--;
      }
    }
    if (want <= j)
      hi = j;
    else if (want >= i)
      lo = i;
    else
      return;
  }
}

/* Window around the y-th smallest of n uniform 64-bit values: the order
 * statistic's standard deviation is at most 1 / (2 sqrt(n)) of the range;
 * eight of them either side (plus two values' width) miss it about never,
 * and keep about 8 sqrt(n) values. */
static void window(uint32_t n, uint32_t y, uint64_t *lo, uint64_t *hi) {
  uint64_t unit = UINT64_MAX / n, c = unit * y + unit / 2, half;
  uint32_t r = 0;
  if (n < 64) { /* all of them: fewer than the window's room */
    *lo = 0, *hi = UINT64_MAX;
    return;
  }
  while ((uint64_t)(r + 1) * (r + 1) <= n) r++; /* floor(sqrt(n)), n small */
  half = UINT64_MAX / r * 4 + unit * 2;
  *lo = c > half ? c - half : 0;
  *hi = c < UINT64_MAX - half ? c + half : UINT64_MAX;
}

/* Keep the values whose high half is in [wlo, whi] (all of them when the
 * window is everything), count those below. Branch-free: which side a value
 * falls on is random, and mispredicted branches cost more than the AES.
 * v has room for cap + 1 items (the one past the end is scratch). 0 on a
 * failure or when more than cap fall in the window. */
static int gather(stream *s, item *v, uint32_t cap, uint64_t wlo, uint64_t whi,
                  uint32_t *kept, uint32_t *below) {
  uint32_t k = 0, b = 0, over = 0;
  int got;
  while ((got = stream_next(s)) > 0)
    for (int j = 0; j < got; j++) {
      uint64_t hi = be64(s->out + 16 * j);
      uint32_t in = (hi >= wlo) & (hi <= whi);
      v[k].k.hi = hi;
      v[k].k.lo = be64(s->out + 16 * j + 8);
      v[k].i = s->next - (uint32_t)got + (uint32_t)j;
      b += hi < wlo;
      over |= in & (k == cap);
      k += in & (k < cap);
    }
  if (got < 0 || over) return 0;
  *kept = k, *below = b;
  return 1;
}

#define WINDOW_CAP 1024

int dkcpr__prefix_decrypt(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t y, uint32_t *x) {
  stream s;
  item few[WINDOW_CAP + 1], *v;
  uint32_t kept, below;
  uint64_t wlo, whi;
  int ok;
  if (y >= n) return 0;
  window(n, y, &wlo, &whi);
  stream_init(&s, ctx, tweak, n);
  if (gather(&s, few, WINDOW_CAP, wlo, whi, &kept, &below) && below <= y && y - below < kept) {
    select_nth(few, kept, y - below);
    *x = few[y - below].i;
    return 1;
  }
  /* The answer lay outside the window (or an OpenSSL failure, which the
   * full pass meets again): keep everything. */
  v = malloc(((size_t)n + 1) * sizeof *v);
  if (v == NULL) return 0;
  stream_init(&s, ctx, tweak, n);
  ok = gather(&s, v, n, 0, UINT64_MAX, &kept, &below) && kept == n;
  if (ok) {
    select_nth(v, n, y);
    /* The analyzer loses track of the symbolic index: every v[i], i < n, is
     * set above and y < n. */
    *x = v[y].i; /* NOLINT(clang-analyzer-core.uninitialized.Assign) */
  }
  free(v);
  return ok;
}

static int item_cmp(const void *pa, const void *pb) {
  const item *a = pa, *b = pb;
  return less(a->k, b->k) ? -1 : less(b->k, a->k) ? 1 : 0;
}

/* The table from all 128 bits of every value: the rare case of two values
 * sharing their top 48 bits. */
static int table_exact(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7], uint32_t n,
                       uint16_t *fwd, uint16_t *inv) {
  stream s;
  uint32_t kept, below;
  item *v = malloc(((size_t)n + 1) * sizeof *v);
  int ok = v != NULL;
  if (ok) {
    stream_init(&s, ctx, tweak, n);
    ok = gather(&s, v, n, 0, UINT64_MAX, &kept, &below) && kept == n;
  }
  if (ok) {
    qsort(v, n, sizeof *v, item_cmp);
    for (uint32_t r = 0; r < n; r++) {
      inv[r] = (uint16_t)v[r].i;
      fwd[v[r].i] = (uint16_t)r;
    }
  }
  if (v != NULL) OPENSSL_cleanse(v, ((size_t)n + 1) * sizeof *v);
  free(v);
  return ok;
}

int dkcpr__prefix_table(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7], uint32_t n,
                        uint16_t *fwd, uint16_t *inv) {
  /* Each value's top 48 bits with its index below them sort as one 64-bit
   * word. Bucketed by the top bits (about one per bucket: the values are
   * uniform), an insertion sort finishes in linear expected time. Equal top
   * 48 bits (about n^2 / 2^49, 1 in 20 million classes of 5,000) leave the
   * order to the low bits: then the exact table decides. */
  stream s;
  uint64_t *a, *b;
  uint32_t *start, bits = 1, i = 0;
  int got, ok, tie = 0;
  if (n == 0 || n > 65536u) return 0;
  while ((1u << bits) < n) bits++;
  a = malloc((size_t)n * 2 * sizeof *a + (((size_t)1 << bits) + 1) * sizeof *start);
  if (a == NULL) return 0;
  b = a + n;
  start = (uint32_t *)(b + n);
  memset(start, 0, (((size_t)1 << bits) + 1) * sizeof *start);
  stream_init(&s, ctx, tweak, n);
  while ((got = stream_next(&s)) > 0)
    for (int j = 0; j < got; j++, i++) {
      uint64_t w = (be64(s.out + 16 * j) & ~(uint64_t)0xffff) | (i & 0xffff);
      a[i] = w;
      start[(w >> (64 - bits)) + 1]++;
    }
  ok = got == 0 && i == n;
  if (ok) {
    for (uint32_t k = 1; k <= 1u << bits; k++) start[k] += start[k - 1];
    /* The analyzer does not see that the stream gave all n values (i == n). */
    for (uint32_t k = 0; k < n; k++)
      b[start[a[k] >> (64 - bits)]++] = a[k]; // NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult)
    for (uint32_t k = 1; k < n; k++) {
      uint64_t t = b[k];
      uint32_t j = k;
      while (j > 0 && b[j - 1] > t) {
        b[j] = b[j - 1];
        j--;
      }
      b[j] = t;
    }
    for (uint32_t r = 0; r < n; r++) {
      uint32_t x = (uint32_t)(b[r] & 0xffff);
      tie |= r > 0 && (b[r] >> 16) == (b[r - 1] >> 16);
      inv[r] = (uint16_t)x;
      fwd[x] = (uint16_t)r;
    }
  }
  /* The values order the permutation: key material. */
  OPENSSL_cleanse(a, (size_t)n * 2 * sizeof *a);
  free(a);
  if (ok && tie) return table_exact(ctx, tweak, n, fwd, inv);
  return ok;
}
