/* SPDX-License-Identifier: Apache-2.0 */
/* The text before a washer's input (see wash_before.h). */
#include <string.h>

#include "wash_before.h"

#define PRIME DKCPR_WASHER_PRIME_BYTES

void dkcpr__before_take(dkcpr__wash_before *b, const char *data, size_t n) {
  size_t i, keep, take;
  if (n == 0) return;
  for (i = 0; i < n && !b->first_done; i++) {
    if (b->first_len == sizeof b->first) {
      b->first_len = 0; /* too long to be a header */
      b->first_done = 1;
    } else {
      b->first[b->first_len++] = data[i];
      b->first_done = data[i] == '\n';
    }
  }
  keep = n >= PRIME ? 0 : b->tail_len + n > PRIME ? PRIME - n : b->tail_len;
  memmove(b->tail, b->tail + b->tail_len - keep, keep);
  take = n < PRIME ? n : PRIME;
  memcpy(b->tail + keep, data + n - take, take);
  b->tail_len = keep + take;
  b->total += n;
}

size_t dkcpr__before_text(const dkcpr__wash_before *b, char *out) {
  size_t n;
  if (!b->gap && b->total <= PRIME) { /* the tail is all of it */
    memcpy(out, b->tail, b->tail_len);
    return b->tail_len;
  }
  n = b->first_done ? b->first_len : 0;
  memcpy(out, b->first, n);
  memcpy(out + n, b->tail, b->tail_len);
  return n + b->tail_len;
}
