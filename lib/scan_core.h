/* SPDX-License-Identifier: Apache-2.0 */
/* Internal streaming candidate finder shared by the scanner and the washer.
 *
 * The core turns a byte stream into candidates: the digit shapes of a CPR
 * number, not yet validated. It works on maximal runs of decimal digits (any
 * script) and the few characters of "glue" between runs:
 *   compact    a run of 10 digits
 *   separated  a run of 6, a separator of one to three characters, a run of 4
 *   e-CPR      a run of 7, two letters A-Z, a run of 1, then no ASCII letter
 *   nine       a run of 9 ASCII digits (opt-in: CPR numbers stored as integers)
 * Which separators count, and how a candidate that touches a longer grouped
 * number is judged, is written beside the rules in scan_core.c.
 * Memory is constant: the state holds at most two runs, one candidate waiting
 * for the characters after it, a few candidates waiting for their context
 * window after them, and the last DKCPR__SCAN_HIST bytes of the stream (for
 * context words and for the washer, whose held-back bytes always lie in that
 * history). */
#ifndef DKCPR_SCAN_CORE_H
#define DKCPR_SCAN_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "dkcpr.h"
#include "scan_skip.h"

/* Bytes of the stream kept after each feed. Must exceed the reach back from
 * a candidate (the start of its line for a header column: 256; the context
 * window: 64), plus the longest span a candidate can cover (13 characters
 * of up to DKCPR__ESC_MAX = 12 bytes: 156), plus what is read after it
 * before it is decided (a grouping mark and up to 11 digits: 144; the
 * context window after it: 48). */
#define DKCPR__SCAN_HIST 1024
/* A header line (CSV, TSV) is read when the stream's first line ends
 * within these bytes; a number's column is found when its line starts
 * within DKCPR__SCAN_LINE bytes before it. */
#define DKCPR__SCAN_HEADER 512
#define DKCPR__SCAN_LINE 256
/* Bytes before a candidate searched for context words. */
#define DKCPR__SCAN_WINDOW 64
/* Bytes after a candidate searched for context words (HL7 "^^^CPR^PN", a
 * FHIR identifier's system written after its value). */
#define DKCPR__SCAN_AFTER 48
/* Longest byte span of a candidate (bounds the washer's per-number buffers):
 * 13 characters, each escaped in at most 12 bytes. */
#define DKCPR__SCAN_MAX_SPAN 160
/* Candidates waiting for their context window after them (they end at least
 * 9 bytes apart, so DKCPR__SCAN_AFTER / 9 + 1 suffices). */
#define DKCPR__SCAN_QUEUE 8

typedef enum dkcpr__shape {
  DKCPR__SHAPE_COMPACT = 0,
  DKCPR__SHAPE_SEPARATED = 1,
  DKCPR__SHAPE_ECPR = 2,
  DKCPR__SHAPE_NINE = 3
} dkcpr__shape;

typedef struct dkcpr__cand {
  uint64_t start, end;  /* byte offsets from the stream start */
  char canon[10];       /* canonical ASCII characters ('0' prepended for nine) */
  dkcpr__shape shape;
  uint8_t sep_point;    /* the separator earns a confidence point */
} dkcpr__cand;

typedef void (*dkcpr__cand_fn)(void *ctx, const dkcpr__cand *cand);

typedef struct dkcpr__run {
  uint64_t start, end;
  uint8_t len;            /* digits, saturating at 11 */
  uint8_t ascii;          /* every digit ASCII */
  uint8_t zeros;          /* every digit 0 */
  uint8_t lead_glue_len;  /* characters since the previous run (4: more, or none) */
  uint8_t lead_cls[3];    /* classes of the first three of them */
  char lead_chr[3];       /* and the characters themselves, when ASCII */
  uint8_t lead_prev_len;  /* length of the run before that glue */
  uint8_t lead_prev_zero; /* that run is the single digit 0 */
  uint8_t lead_plus;      /* just before: '+' that is no form-encoded space */
  uint8_t lead_last[2];   /* classes of the two characters just before */
  char dig[10];
} dkcpr__run;

typedef struct dkcpr__scan_core {
  int nine;                /* DKCPR_SCAN_NINE_DIGITS */
  int header_done;         /* the first line has been read (or is too long) */
  char header_delim;       /* its field delimiter; 0: no header */
  uint64_t header_cols;    /* bit k: the name of column k is a context word */
  dkcpr__skip_fn skip;     /* fastest skip loops this CPU supports */
  dkcpr__skip_fn dense;
  uint64_t base;           /* stream offset of the current chunk */
  uint64_t total;          /* bytes fed so far */
  uint64_t pos;            /* next byte not yet classified */
  uint64_t dense_from;     /* no dense skip before this offset: none to gain */
  const unsigned char *chunk; /* the chunk being fed (valid until commit) */
  size_t chunk_len;
  dkcpr__run cur, prev;
  int in_run, prev_valid;
  uint8_t glue_len;        /* characters since the last run ended (4: more) */
  uint8_t glue_cls[3];
  char glue_chr[3];
  uint8_t last_cls, last2_cls; /* the last two characters seen */
  uint8_t plus_form;       /* the last '+' followed a letter */
  int pending;             /* a candidate waiting for the characters after it */
  int waiting;             /* ... for the digit run after its grouping mark */
  uint8_t pend_mark;       /* the class of that mark */
  dkcpr__cand pend;
  dkcpr__cand_fn fn;       /* the callback of the current feed or finish */
  void *fn_ctx;
  size_t q_head, q_len;    /* candidates waiting for their window after */
  dkcpr__cand queue[DKCPR__SCAN_QUEUE];
  size_t hist_len;
  unsigned char hist[DKCPR__SCAN_HIST]; /* the stream's bytes just before base */
} dkcpr__scan_core;

void dkcpr__core_init(dkcpr__scan_core *c, int nine_digits);

/* Classify a chunk, calling fn for each candidate completed. The chunk must
 * stay valid until dkcpr__core_commit(). */
void dkcpr__core_feed(dkcpr__scan_core *c, const char *chunk, size_t len,
                      dkcpr__cand_fn fn, void *ctx);

/* Keep the chunk's tail in the history; call after each feed. */
void dkcpr__core_commit(dkcpr__scan_core *c);

/* End of input: complete what is pending. */
void dkcpr__core_finish(dkcpr__scan_core *c, dkcpr__cand_fn fn, void *ctx);

/* First stream offset that may still belong to a future candidate. */
uint64_t dkcpr__core_hold(const dkcpr__scan_core *c);

/* Copy stream bytes [from, to) that lie in the history or the current chunk;
 * bytes no longer held are skipped. Returns how many were copied. */
size_t dkcpr__core_copy(const dkcpr__scan_core *c, uint64_t from, uint64_t to,
                        unsigned char *dst);

/* 1 if a context word starts within the window before a candidate, or
 * within the window after it (up to the end of its line). */
int dkcpr__context_near(const dkcpr__scan_core *c, uint64_t start,
                        uint64_t end);

/* Context-word search over raw bytes (exposed for tests). */
int dkcpr__context_in(const unsigned char *text, size_t len);

/* Read the stream's first line, text[0, len), as a header: which delimiter
 * it uses and which columns it names with a context word. */
void dkcpr__header_read(dkcpr__scan_core *c, const unsigned char *text,
                        size_t len);

/* Confidence from the rule documented in scan_context.c. */
dkcpr_confidence dkcpr__confidence(const dkcpr__cand *cand,
                                   const dkcpr_cpr *cpr, int context);

/* Validate a candidate under opts and fill m; 1 if valid and at or above
 * min, else 0. Call while the candidate's bytes are held (inside the
 * callback). */
int dkcpr__scan_eval(dkcpr_match *m, const dkcpr__scan_core *c,
                     const dkcpr__cand *cand, const dkcpr_options *opts,
                     dkcpr_confidence min);

/* Read the caller's scan options (any version; NULL: the defaults) into
 * cur, current version, and derive the parse options each candidate is
 * checked with; DKCPR_OK or DKCPR_E_ARG. */
dkcpr_status dkcpr__scan_options_resolve(dkcpr_scan_options *cur,
                                         dkcpr_options *parse,
                                         const dkcpr_scan_options *in);

#endif /* DKCPR_SCAN_CORE_H */
