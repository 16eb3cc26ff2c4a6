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

static key128 load(const uint8_t *b) {
  key128 k = {0, 0};
  for (int j = 0; j < 8; j++) {
    k.hi = (k.hi << 8) | b[j];
    k.lo = (k.lo << 8) | b[8 + j];
  }
  return k;
}

static int less(key128 a, key128 b) {
  return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}

static void fill(uint8_t *blocks, const uint8_t tweak[7], uint32_t first,
                 uint32_t count) {
  for (uint32_t j = 0; j < count; j++) {
    uint8_t *b = blocks + 16 * j;
    uint32_t i = first + j;
    memcpy(b, tweak, 7);
    b[7] = 0x50;
    b[8] = b[9] = b[10] = b[11] = 0;
    b[12] = (uint8_t)(i >> 24);
    b[13] = (uint8_t)(i >> 16);
    b[14] = (uint8_t)(i >> 8);
    b[15] = (uint8_t)i;
  }
}

int dkcpr__prefix_encrypt(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t x, uint32_t *y) {
  uint8_t buf[16 * CHUNK];
  key128 ex;
  uint32_t rank = 0;
  fill(buf, tweak, x, 1);
  if (!dkcpr__aes_ecb(ctx, buf, buf, 1)) return 0;
  ex = load(buf);
  for (uint32_t first = 0; first < n; first += CHUNK) {
    uint32_t count = n - first < CHUNK ? n - first : CHUNK;
    fill(buf, tweak, first, count);
    if (!dkcpr__aes_ecb(ctx, buf, buf, count)) return 0;
    for (uint32_t j = 0; j < count; j++) rank += less(load(buf + 16 * j), ex);
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
  item *v = malloc((size_t)n * sizeof *v);
  if (v == NULL) return 0;
  for (uint32_t first = 0; first < n; first += CHUNK) {
    uint32_t count = n - first < CHUNK ? n - first : CHUNK;
    fill(buf, tweak, first, count);
    if (!dkcpr__aes_ecb(ctx, buf, buf, count)) {
      free(v);
      return 0;
    }
    for (uint32_t j = 0; j < count; j++) {
      v[first + j].k = load(buf + 16 * j);
      v[first + j].i = first + j;
    }
  }
  select_nth(v, n, y);
  *x = v[y].i;
  free(v);
  return 1;
}
