/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the fuzz targets: input splitting, chunk sizes, cached pseudonymizers. */
#ifndef DKCPR_FUZZ_COMMON_H
#define DKCPR_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "dkcpr.h"

/* A property was violated: say which, and crash so the fuzzer keeps the input. */
#define FUZZ_CHECK(cond)                                                      \
  do {                                                                        \
    if (!(cond)) {                                                            \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      abort();                                                                \
    }                                                                         \
  } while (0)

/* The first bytes of an input choose options; the rest is the text. */
typedef struct fuzz_input {
  const uint8_t *data;
  size_t size;
} fuzz_input;

static inline unsigned fuzz_take_byte(fuzz_input *in) {
  unsigned b;
  if (in->size == 0) return 0;
  b = in->data[0];
  in->data++;
  in->size--;
  return b;
}

/* Chunk sizes from a seed (xorshift32): reproducible for a given input, and
 * mostly small so that numbers straddle chunk edges. */
typedef struct fuzz_chunker {
  uint32_t state;
} fuzz_chunker;

static inline size_t fuzz_next_chunk(fuzz_chunker *c, size_t left) {
  uint32_t x = c->state ? c->state : 0x9e3779b9u;
  size_t n;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  c->state = x;
  switch (x & 3u) {
  case 0: n = 1; break;
  case 1: n = 1 + (x >> 8) % 8; break;
  case 2: n = 1 + (x >> 8) % 64; break;
  default: n = (x >> 8) % 4096; break; /* 0 included: empty feeds are legal */
  }
  return n < left ? n : left;
}

/* A fixed reference date keeps every run reproducible. */
/* One pseudonymizer per keep/flags combination (per fuzz target, for its key),
 * made on first use and kept for the whole run: creating one per input would
 * dominate the run time. NULL marks a combination the engine refuses. */
static inline const dkcpr_pseudonymizer *
fuzz_pseudonymizer(const uint8_t key[DKCPR_KEY_BYTES], unsigned keep,
                   unsigned flags) {
  static dkcpr_pseudonymizer *cache[8][2];
  static int made[8][2];
  unsigned k = keep & 7u, f = flags ? 1u : 0u;
  if (!made[k][f]) {
    if (dkcpr_pseudonymizer_new(&cache[k][f], key, DKCPR_KEY_BYTES,
                                (const uint8_t *)"fuzz", 4, k, flags) != DKCPR_OK)
      cache[k][f] = NULL;
    made[k][f] = 1;
  }
  return cache[k][f];
}

#define FUZZ_REF_YEAR 2026
#define FUZZ_REF_MONTH 6
#define FUZZ_REF_DAY 15

#endif /* DKCPR_FUZZ_COMMON_H */
