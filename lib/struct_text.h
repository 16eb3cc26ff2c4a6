/* SPDX-License-Identifier: Apache-2.0 */
/* The text path of the structured washer: every byte that is not a
 * rewritten field value goes through the library's text washer, with a
 * marker where a rewritten value sits, so the text washer sees (and washes)
 * everything around the values and the values come back in their place. */
#ifndef DKCPR_STRUCT_TEXT_H
#define DKCPR_STRUCT_TEXT_H

#include "dkcpr.h"

/* What the field values are washed with, read once from the wash options. */
typedef struct dkcpr__wash_settings {
  dkcpr_wash_mode mode;
  dkcpr_wash_mode fallback;   /* pseudonym mode, for a value no pseudonym can stand for */
  size_t token_chars;
  const char *placeholder;    /* the text path's copy */
  size_t placeholder_len;
  dkcpr_options parse;        /* policy; replacement and future allowed */
  dkcpr_confidence min_confidence;
  int nine_digits;            /* numbers that lost their leading zero, in text */
} dkcpr__wash_settings;

typedef struct dkcpr__text_path {
  dkcpr_washer *w;
  char *esc;                  /* the escaped stream for the next washer call */
  size_t esc_len, esc_cap;
  char *wout;                 /* the text washer's output */
  size_t wout_cap;
  char *q;                    /* replacement values waiting for their marker */
  size_t q_head, q_len, q_cap;
  int pending_ff;             /* the last output byte was a marker's first */
  char *placeholder;          /* the caller's placeholder, copied */
} dkcpr__text_path;

dkcpr_status dkcpr__text_new(dkcpr__text_path *t, dkcpr__wash_settings *set,
                             const dkcpr_pseudonymizer *p,
                             const dkcpr_scan_options *scan,
                             const dkcpr_wash_options *wash);
void dkcpr__text_free(dkcpr__text_path *t);
/* Bytes that are washed as text. */
dkcpr_status dkcpr__text_put(dkcpr__text_path *t, const char *s, size_t n);
/* A rewritten value, written as it is. */
dkcpr_status dkcpr__text_value(dkcpr__text_path *t, const char *s, size_t n);
/* Wash what was put and write it to out (finish: also the held-back end). */
dkcpr_status dkcpr__text_flush(dkcpr__text_path *t, char *out, size_t *out_len,
                               int finish);
/* Output room a flush of n put bytes may need, when each rewritten value
 * stands for at least value_min of them and is at most value_max long. */
size_t dkcpr__text_bound(const dkcpr__text_path *t, size_t n, size_t value_min,
                         size_t value_max);
/* What was put so far is text before the input, read for context only
 * (the text washer is primed with it before its first feed): taken out of
 * the path, with the values waiting for their markers. */
dkcpr_status dkcpr__text_take_before(dkcpr__text_path *t);
/* The text before the input: the stream's first line and the last bytes.
 * whole: the bytes taken are all the stream before the input. */
void dkcpr__text_before_whole(dkcpr__text_path *t, int whole);
/* The text washer's counts. */
dkcpr_status dkcpr__text_stats(const dkcpr__text_path *t, dkcpr_wash_stats *s,
                               uint64_t *irreversible);

#endif /* DKCPR_STRUCT_TEXT_H */
