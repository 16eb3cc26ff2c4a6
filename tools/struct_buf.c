/* SPDX-License-Identifier: Apache-2.0 */
/* A structured washer's output buffer (see struct_buf.h). */
#include <stdlib.h>

#include "struct_buf.h"

/* Input handed to the washer per call. */
#define SLICE (64u * 1024u)

static dkcpr_status room(struct_buf *b, size_t need) {
  if (b->cap - b->len >= need)
    return DKCPR_OK;
  size_t cap = b->cap ? b->cap : SLICE;
  while (cap - b->len < need)
    cap *= 2;
  char *d = realloc(b->data, cap);
  if (!d)
    return DKCPR_E_NOMEM;
  b->data = d;
  b->cap = cap;
  return DKCPR_OK;
}

dkcpr_status struct_buf_feed(dkcpr_struct_washer *w, struct_buf *b, const char *in, size_t n,
                             int finish) {
  size_t done = 0, got = 0;
  dkcpr_status st = DKCPR_OK;
  while (st == DKCPR_OK && done < n) {
    size_t take = n - done < SLICE ? n - done : SLICE;
    st = room(b, dkcpr_struct_washer_bound(w, take));
    if (st == DKCPR_OK)
      st = dkcpr_struct_washer_feed(b->data + b->len, b->cap - b->len, &got, w, in + done, take);
    if (st == DKCPR_OK) {
      b->len += got;
      done += take;
    }
  }
  if (st != DKCPR_OK || !finish)
    return st;
  st = room(b, dkcpr_struct_washer_bound(w, 0));
  if (st == DKCPR_OK)
    st = dkcpr_struct_washer_finish(b->data + b->len, b->cap - b->len, &got, w);
  if (st == DKCPR_OK)
    b->len += got;
  return st;
}
