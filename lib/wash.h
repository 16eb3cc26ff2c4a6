/* SPDX-License-Identifier: Apache-2.0 */
/* Internal washer state, shared by wash.c (streaming) and wash_replace.c (replacements). */
#ifndef DKCPR_WASH_H
#define DKCPR_WASH_H

#include "dkcpr.h"
#include "scan_core.h"
#include "wash_before.h"

/* Numbers replaced per engine call; bounds the washer's memory. */
#define DKCPR__WASH_BATCH 256
/* Room per replacement: the longest candidate or token and a NUL. */
#define DKCPR__WASH_STRIDE (DKCPR__SCAN_MAX_SPAN + 16)

typedef struct dkcpr__wash_item {
  uint64_t start, end;
  dkcpr_kind kind;
  dkcpr_confidence confidence;
  dkcpr__shape shape;
  char in[11];                      /* canonical characters ('0' first for nine), NUL */
  size_t raw_len;                   /* bytes in raw[] */
  char raw[DKCPR__SCAN_MAX_SPAN];   /* the number as written */
} dkcpr__wash_item;

struct dkcpr_washer {
  dkcpr_wash_options opts;   /* current version; placeholder points below */
  dkcpr_scan_options scan;   /* current version */
  char placeholder[DKCPR_PLACEHOLDER_MAX_BYTES];
  const dkcpr_pseudonymizer *p;
  dkcpr_options find_opts;   /* what is found (replacement numbers allowed) */
  dkcpr_options engine_opts; /* the same, never the not-yet-born check */
  dkcpr__scan_core core;
  uint64_t emitted;          /* stream offset up to which output is written */
  int finished;
  dkcpr_wash_stats stats;    /* current version */
  int fed;                   /* a feed or finish happened */
  uint64_t primed;           /* stream bytes before the input, context only */
  int priming;               /* before holds text to read before the first feed */
  dkcpr__wash_before before;
  char *out;                 /* the caller's buffer during a call */
  size_t out_len;
  size_t n;                  /* items in the batch */
  dkcpr__wash_item items[DKCPR__WASH_BATCH];
  const char *in_ptrs[DKCPR__WASH_BATCH];
  size_t in_lens[DKCPR__WASH_BATCH];
  size_t out_lens[DKCPR__WASH_BATCH];
  dkcpr_status statuses[DKCPR__WASH_BATCH];
  char repl[DKCPR__WASH_BATCH * DKCPR__WASH_STRIDE];
  /* second pass for nine-digit numbers (see wash_replace.c) */
  char walk[DKCPR__WASH_BATCH * DKCPR__WASH_STRIDE];
  size_t out_lens_walk[DKCPR__WASH_BATCH];
  dkcpr_status statuses_walk[DKCPR__WASH_BATCH];
};

/* Compute the replacement text of every item of the batch into repl/
 * out_lens/statuses (one engine call for pseudonym and reveal): the engine
 * maps canonical characters, which are then written back into the number as
 * it was written (same separators, same digit scripts). */
void dkcpr__wash_replace(dkcpr_washer *w);

/* Most bytes a replacement can add to the number it replaces. */
size_t dkcpr__wash_growth(const dkcpr_washer *w);

/* Write item i's irreversible replacement (token or placeholder) into
 * repl/out_lens; returns its status. */
dkcpr_status dkcpr__wash_fallback(dkcpr_washer *w, size_t i);

/* More of the text before the input, read for context at the first feed
 * (dkcpr_washer_prime in pieces): DKCPR_OK, or DKCPR_E_STATE after a feed. */
dkcpr_status dkcpr__washer_before(dkcpr_washer *w, const char *text, size_t n);

/* gap: the text given so far is not all the stream before the input, so
 * its first line is read apart from its last bytes even when it is short. */
void dkcpr__washer_before_gap(dkcpr_washer *w, int gap);

/* Read the caller's wash options (any version; NULL: the defaults) into
 * cur, current version; DKCPR_OK or DKCPR_E_ARG. The placeholder stays the
 * caller's. */
dkcpr_status dkcpr__wash_options_resolve(dkcpr_wash_options *cur,
                                         const dkcpr_wash_options *in);

#endif /* DKCPR_WASH_H */
