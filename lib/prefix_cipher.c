/* Black-Rogaway prefix cipher (Ciphers with Arbitrary Finite Domains, 2002):
 * the permutation that sorts [0, n) by AES_K(tweak || i). A random
 * permutation whenever AES is a PRP, for any n, at O(n) AES blocks per call;
 * the engine uses it below the FF1 threshold, where cycle-walking FF1 over a
 * 10^6 domain would need 10^6 / n calls. No sort: encryption counts the
 * smaller values, decryption selects the y-th smallest. */
#include "prefix_cipher.h"

#include <stdlib.h>
#include <string.h>

#include "ff1.h"

#define CHUNK 256 /* blocks per AES call: enough for AES-NI pipelining */

typedef struct key128 {
  uint64_t hi, lo;
} key128;

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

/* Blocks tweak || 0x50 || 0 0 0 0 || [i]4 for i in [first, first + count). */
static void fill(uint8_t *blocks, const uint8_t tweak[7], uint32_t first,
                 uint32_t count) {
  uint8_t head[12] = {0};
  memcpy(head, tweak, 7);
  head[7] = 0x50;
  for (uint32_t j = 0; j < count; j++) {
    uint32_t be = __builtin_bswap32(first + j);
    memcpy(blocks + 16 * j, head, 12);
    memcpy(blocks + 16 * j + 12, &be, 4);
  }
}

int dkcpr__prefix_encrypt(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t x, uint32_t *y) {
  uint8_t buf[16 * CHUNK];
  key128 ex;
  uint32_t rank = 0;
  if (x >= n) return 0;
  fill(buf, tweak, x, 1);
  if (!dkcpr__aes_ecb(ctx, buf, buf, 1)) return 0;
  ex = load(buf);
  for (uint32_t i = 0; i < n; i++) {
    uint32_t j = i % CHUNK;
    uint64_t hi;
    if (j == 0) {
      uint32_t count = n - i < CHUNK ? n - i : CHUNK;
      fill(buf, tweak, i, count);
      if (!dkcpr__aes_ecb(ctx, buf, buf, count)) return 0;
    }
    /* branch-free: the outcome is random */
    hi = be64(buf + 16 * j);
    rank += (hi < ex.hi) | ((hi == ex.hi) & (be64(buf + 16 * j + 8) < ex.lo));
  }
  *y = rank;
  return 1;
}

typedef struct item {
  key128 k;
  uint32_t i;
} item;

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

int dkcpr__prefix_decrypt(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t y, uint32_t *x) {
  uint8_t buf[16 * CHUNK];
  item *v;
  if (y >= n) return 0;
  v = malloc((size_t)n * sizeof *v);
  if (v == NULL) return 0;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t j = i % CHUNK;
    if (j == 0) {
      uint32_t count = n - i < CHUNK ? n - i : CHUNK;
      fill(buf, tweak, i, count);
      if (!dkcpr__aes_ecb(ctx, buf, buf, count)) {
        free(v);
        return 0;
      }
    }
    v[i].k = load(buf + 16 * j);
    v[i].i = i;
  }
  select_nth(v, n, y);
  /* The analyzer loses track of the symbolic index: every v[i], i < n, is
   * set above and y < n. */
  *x = v[y].i; /* NOLINT(clang-analyzer-core.uninitialized.Assign) */
  free(v);
  return 1;
}
