/* SPDX-License-Identifier: Apache-2.0 */
/* The public scanner: options, one-shot scan, streaming scanner. */
#include <stdlib.h>
#include <string.h>

#include "dkcpr.h"
#include "parse.h"
#include "scan_core.h"
#include "versioned.h"

/* Matches kept before the caller takes them; grows with one feed's matches. */
#define QUEUE_MIN 16

struct dkcpr_scanner {
  dkcpr_scan_options opts;
  dkcpr_options parse; /* what each candidate is checked with */
  dkcpr__scan_core core;
  int finished;
  dkcpr_status error; /* sticky out-of-memory from a callback */
  dkcpr_match *queue;
  size_t head, count, cap;
};

const char *dkcpr_confidence_name(dkcpr_confidence c) {
  switch (c) {
  case DKCPR_CONFIDENCE_LOW: return "low";
  case DKCPR_CONFIDENCE_MEDIUM: return "medium";
  case DKCPR_CONFIDENCE_HIGH: return "high";
  default: return "unknown";
  }
}

/* Size of each version of dkcpr_scan_options (see versioned.h). */
static const size_t scan_sizes[] = {sizeof(dkcpr_scan_options)};
#define SCAN_VERSIONS (sizeof scan_sizes / sizeof scan_sizes[0])

static void scan_defaults(dkcpr_scan_options *d) {
  memset(d, 0, sizeof *d);
  d->version = DKCPR_SCAN_OPTIONS_VERSION;
  d->policy = DKCPR_POLICY_DEFAULT;
  d->parse_flags = DKCPR_PARSE_ALLOW_REPLACEMENT;
  d->known_dates = NULL;
  d->flags = 0;
  d->min_confidence = DKCPR_CONFIDENCE_LOW;
}

dkcpr_status dkcpr_scan_options_init(dkcpr_scan_options *opts,
                                     unsigned int version) {
  dkcpr_scan_options d;
  if (opts == NULL) return DKCPR_E_NULL;
  scan_defaults(&d);
  return dkcpr__versioned_write(opts, &d, scan_sizes, SCAN_VERSIONS, version);
}

dkcpr_status dkcpr__scan_options_resolve(dkcpr_scan_options *cur,
                                         dkcpr_options *parse,
                                         const dkcpr_scan_options *in) {
  dkcpr_status st;
  scan_defaults(cur);
  if (in != NULL) {
    st = dkcpr__versioned_read(cur, in, scan_sizes, SCAN_VERSIONS);
    if (st != DKCPR_OK) return st;
  }
  if (cur->flags & ~DKCPR_SCAN_NINE_DIGITS) return DKCPR_E_ARG;
  if (cur->min_confidence < DKCPR_CONFIDENCE_LOW ||
      cur->min_confidence > DKCPR_CONFIDENCE_HIGH)
    return DKCPR_E_ARG;
  memset(parse, 0, sizeof *parse);
  parse->version = DKCPR_OPTIONS_VERSION;
  parse->policy = cur->policy;
  parse->flags = cur->parse_flags;
  parse->known_dates = cur->known_dates;
  /* A fixed reference date: the not-yet-born check is never applied in
   * text (dkcpr__scan_eval), and no clock is read per number. */
  parse->ref_year = 2000, parse->ref_month = 1, parse->ref_day = 1;
  /* Bad parse options (flags, policy) would otherwise reject every number
   * silently: ask the parser once, up front. */
  if (dkcpr_validate("0707614285", 10, parse) == DKCPR_E_ARG)
    return DKCPR_E_ARG;
  return DKCPR_OK;
}

int dkcpr__scan_eval(dkcpr_match *m, const dkcpr__scan_core *c,
                     const dkcpr__cand *cand, const dkcpr_options *opts,
                     dkcpr_confidence min) {
  dkcpr_cpr cpr;
  dkcpr_confidence conf;
  dkcpr_options o = *opts;
  /* The not-yet-born check is never applied in text: the washer must find
   * every pseudonym it wrote (a birth date kept to the year may move past
   * today), and scan reports exactly what wash replaces. */
  o.flags |= DKCPR_PARSE_ALLOW_FUTURE;
  if (dkcpr__check_canonical(&cpr, cand->canon, &o) != DKCPR_OK) return 0;
  /* Letters are only ever e-CPR letters; digits in letter places are not. */
  if ((cand->shape == DKCPR__SHAPE_ECPR) !=
      (cpr.kind == DKCPR_KIND_XECPR || cpr.kind == DKCPR_KIND_DECPR))
    return 0;
  conf = dkcpr__confidence(cand, &cpr,
                           dkcpr__context_near(c, cand->start, cand->end));
  if (conf < min) return 0;
  memset(m, 0, sizeof *m);
  m->start = cand->start;
  m->end = cand->end;
  memcpy(m->digits, cand->canon, 10);
  m->digits[10] = '\0';
  m->kind = cpr.kind;
  m->mod11 = cpr.mod11;
  m->confidence = conf;
  return 1;
}

/* One-shot scan: write into the caller's array while counting. */
typedef struct oneshot {
  const dkcpr_scan_options *opts;
  const dkcpr_options *parse;
  const dkcpr__scan_core *core;
  dkcpr_match *out;
  size_t cap, count;
} oneshot;

static void oneshot_fn(void *ctx, const dkcpr__cand *cand) {
  oneshot *o = ctx;
  dkcpr_match m;
  if (!dkcpr__scan_eval(&m, o->core, cand, o->parse,
                        o->opts->min_confidence))
    return;
  if (o->count < o->cap) o->out[o->count] = m;
  o->count++;
}

dkcpr_status dkcpr_scan(dkcpr_match *out, size_t out_cap, size_t *count,
                        const char *text, size_t text_len,
                        const dkcpr_scan_options *opts) {
  dkcpr_scan_options cur;
  dkcpr_options parse;
  dkcpr__scan_core core;
  oneshot o;
  dkcpr_status st;
  if (count == NULL || (text == NULL && text_len > 0) ||
      (out == NULL && out_cap > 0))
    return DKCPR_E_NULL;
  *count = 0;
  st = dkcpr__scan_options_resolve(&cur, &parse, opts);
  if (st != DKCPR_OK) return st;
  dkcpr__core_init(&core, (cur.flags & DKCPR_SCAN_NINE_DIGITS) != 0);
  o.opts = &cur;
  o.parse = &parse;
  o.core = &core;
  o.out = out;
  o.cap = out_cap;
  o.count = 0;
  dkcpr__core_feed(&core, text_len ? text : "", text_len, oneshot_fn, &o);
  dkcpr__core_finish(&core, oneshot_fn, &o);
  *count = o.count;
  return o.count > out_cap ? DKCPR_E_BUFSIZE : DKCPR_OK;
}

dkcpr_status dkcpr_scanner_new(dkcpr_scanner **out,
                               const dkcpr_scan_options *opts) {
  dkcpr_scanner *s;
  dkcpr_status st;
  if (out == NULL) return DKCPR_E_NULL;
  *out = NULL;
  s = calloc(1, sizeof *s);
  if (s == NULL) return DKCPR_E_NOMEM;
  st = dkcpr__scan_options_resolve(&s->opts, &s->parse, opts);
  if (st != DKCPR_OK) {
    free(s);
    return st;
  }
  dkcpr__core_init(&s->core, (s->opts.flags & DKCPR_SCAN_NINE_DIGITS) != 0);
  *out = s;
  return DKCPR_OK;
}

void dkcpr_scanner_free(dkcpr_scanner *s) {
  if (s == NULL) return;
  free(s->queue);
  free(s);
}

static void queue_fn(void *ctx, const dkcpr__cand *cand) {
  dkcpr_scanner *s = ctx;
  dkcpr_match m;
  if (!dkcpr__scan_eval(&m, &s->core, cand, &s->parse,
                        s->opts.min_confidence))
    return;
  if (s->head + s->count == s->cap) {
    if (s->head > 0) { /* reuse the room of matches already taken */
      memmove(s->queue, s->queue + s->head, s->count * sizeof *s->queue);
      s->head = 0;
    }
    if (s->count == s->cap) {
      size_t cap = s->cap ? 2 * s->cap : QUEUE_MIN;
      dkcpr_match *q = realloc(s->queue, cap * sizeof *q);
      if (q == NULL) {
        s->error = DKCPR_E_NOMEM;
        return;
      }
      s->queue = q;
      s->cap = cap;
    }
  }
  s->queue[s->head + s->count++] = m;
}

dkcpr_status dkcpr_scanner_feed(dkcpr_scanner *s, const char *chunk,
                                size_t chunk_len) {
  if (s == NULL || (chunk == NULL && chunk_len > 0)) return DKCPR_E_NULL;
  if (s->finished) return DKCPR_E_STATE;
  if (s->error != DKCPR_OK) return s->error;
  dkcpr__core_feed(&s->core, chunk_len ? chunk : "", chunk_len, queue_fn, s);
  dkcpr__core_commit(&s->core);
  return s->error;
}

dkcpr_status dkcpr_scanner_finish(dkcpr_scanner *s) {
  if (s == NULL) return DKCPR_E_NULL;
  if (s->finished) return DKCPR_E_STATE;
  s->finished = 1;
  dkcpr__core_finish(&s->core, queue_fn, s);
  return s->error;
}

dkcpr_status dkcpr_scanner_next(dkcpr_match *out, dkcpr_scanner *s) {
  if (s == NULL || out == NULL) return DKCPR_E_NULL;
  if (s->count == 0) return DKCPR_E_RANGE;
  *out = s->queue[s->head++];
  if (--s->count == 0) s->head = 0;
  return DKCPR_OK;
}
