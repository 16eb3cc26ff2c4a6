/* SPDX-License-Identifier: Apache-2.0 */
/* A structured washer that takes up a stream in the middle (a part washed
 * on another thread): the bytes before its part are parsed, so the parser
 * stands where one washer over the whole stream would, and what the text
 * path would have read of them primes the text washer's context. Nothing of
 * them is written or counted. */
#include <string.h>

#include "struct_washer.h"

/* Bytes parsed per step, so the text path's buffers stay small. */
#define STEP (64u * 1024u)

static dkcpr_status parse(dkcpr_struct_washer *w, const char *in, size_t n) {
  switch (w->format) {
  case DKCPR_DATA_CSV:
  case DKCPR_DATA_TSV: return dkcpr__csv_feed(w, in, n, 0);
  case DKCPR_DATA_JSON:
  case DKCPR_DATA_JSONL: return dkcpr__json_feed(w, in, n, 0);
  default: return dkcpr__sql_feed(w, in, n, 0);
  }
}

static int boundary(const dkcpr_struct_washer *w) {
  switch (w->format) {
  case DKCPR_DATA_CSV:
  case DKCPR_DATA_TSV: return dkcpr__csv_boundary(w);
  case DKCPR_DATA_JSON:
  case DKCPR_DATA_JSONL: return dkcpr__json_boundary(w);
  default: return dkcpr__sql_boundary(w);
  }
}

dkcpr_status dkcpr_struct_washer_prime(int *at_boundary, dkcpr_struct_washer *w,
                                       const char *before, size_t len, uint64_t offset,
                                       uint64_t line) {
  dkcpr_struct_counts counts;
  uint64_t found[4][3], replaced[4][3], failed, irreversible;
  dkcpr_status st = DKCPR_OK;
  size_t done = 0;
  if (at_boundary != NULL) *at_boundary = 0;
  if (w == NULL || (before == NULL && len > 0)) return DKCPR_E_NULL;
  if (w->format != DKCPR_DATA_CSV && w->format != DKCPR_DATA_TSV &&
      w->format != DKCPR_DATA_JSON && w->format != DKCPR_DATA_JSONL &&
      w->format != DKCPR_DATA_SQL)
    return DKCPR_E_ARG;
  if (w->fed || w->finished) return DKCPR_E_STATE;
  /* What the parsers count of these bytes is not this washer's. */
  counts = w->counts;
  memcpy(found, w->found, sizeof found);
  memcpy(replaced, w->replaced, sizeof replaced);
  failed = w->failed;
  irreversible = w->irreversible;
  while (st == DKCPR_OK && done < len) {
    size_t take = len - done < STEP ? len - done : STEP;
    w->bytes_in = w->primed;
    st = parse(w, before + done, take);
    if (st == DKCPR_OK) st = dkcpr__text_take_before(&w->text);
    dkcpr__struct_advance(&w->line, &w->column, before + done, take);
    w->primed += take;
    done += take;
  }
  w->counts = counts;
  memcpy(w->found, found, sizeof found);
  memcpy(w->replaced, replaced, sizeof replaced);
  w->failed = failed;
  w->irreversible = irreversible;
  if (st != DKCPR_OK) {
    w->finished = 1;
    return st;
  }
  dkcpr__text_before_whole(&w->text, offset == w->primed);
  w->bytes_in = w->origin = offset;
  w->line = line;
  w->column = 1;
  if (at_boundary != NULL) *at_boundary = boundary(w);
  return DKCPR_OK;
}
