/* SPDX-License-Identifier: Apache-2.0 */
/* The text before a washer's input, kept for context (dkcpr_washer_prime):
 * the stream's first line, when it is short (a CSV header), and the last
 * DKCPR_WASHER_PRIME_BYTES bytes, taken in any number of pieces. */
#ifndef DKCPR_WASH_BEFORE_H
#define DKCPR_WASH_BEFORE_H

#include <stddef.h>
#include <stdint.h>

#include "dkcpr.h"

typedef struct dkcpr__wash_before {
  uint64_t total;   /* bytes taken */
  int gap;          /* they are not all the stream before the input */
  char first[DKCPR_WASHER_PRIME_BYTES];
  size_t first_len; /* 0 while unknown, or when the first line is longer */
  int first_done;
  char tail[DKCPR_WASHER_PRIME_BYTES];
  size_t tail_len;
} dkcpr__wash_before;

/* The next n bytes of the stream before the input. */
void dkcpr__before_take(dkcpr__wash_before *b, const char *data, size_t n);

/* The text to read for context into out (2 * DKCPR_WASHER_PRIME_BYTES):
 * all of it when short and whole, else the first line and the last bytes. */
size_t dkcpr__before_text(const dkcpr__wash_before *b, char *out);

#endif /* DKCPR_WASH_BEFORE_H */
