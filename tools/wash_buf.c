/* SPDX-License-Identifier: Apache-2.0 */
/* A washer's output, sized by need (see wash_buf.h). */
#include <stdlib.h>

#include "wash_buf.h"

/* Worst-case room for one slice: a read when numbers cannot grow (pseudonym,
 * mask, reveal), a smaller slice for long tokens and placeholders. */
#define WASH_ROOM (2 * (size_t)CLI_CHUNK)

static int reserve(wash_buf *b, size_t room) {
  if (room > SIZE_MAX - b->len)
    return -1;
  size_t need = b->len + room;
  if (need <= b->cap)
    return 0;
  size_t cap = b->cap + b->cap / 2;
  if (cap < need)
    cap = need;
  char *d = realloc(b->data, cap);
  if (!d)
    return -1;
  b->data = d;
  b->cap = cap;
  return 0;
}

/* The longest slice of at most len bytes whose worst case fits WASH_ROOM
 * (never below 4 KiB, where the bound is a few MB even for a 256-byte
 * placeholder). */
static size_t slice(const dkcpr_washer *w, size_t len) {
  size_t n = len;
  while (n > 4096 && dkcpr_washer_bound(w, n) > WASH_ROOM)
    n /= 2;
  return n;
}

dkcpr_status wash_buf_feed(dkcpr_washer *w, wash_buf *b, const char *in,
                           size_t in_len) {
  size_t done = 0;
  do {
    size_t n = slice(w, in_len - done), out_len = 0;
    size_t room = dkcpr_washer_bound(w, n);
    if (reserve(b, room))
      return DKCPR_E_NOMEM;
    dkcpr_status st =
        dkcpr_washer_feed(b->data + b->len, room, &out_len, w, in + done, n);
    if (st != DKCPR_OK)
      return st;
    b->len += out_len;
    done += n;
  } while (done < in_len);
  return DKCPR_OK;
}

dkcpr_status wash_buf_finish(dkcpr_washer *w, wash_buf *b) {
  size_t room = dkcpr_washer_bound(w, 0), out_len = 0;
  if (reserve(b, room))
    return DKCPR_E_NOMEM;
  dkcpr_status st = dkcpr_washer_finish(b->data + b->len, room, &out_len, w);
  if (st == DKCPR_OK)
    b->len += out_len;
  return st;
}
