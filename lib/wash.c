/* SPDX-License-Identifier: Apache-2.0 */
/* The streaming washer: every byte passes through unchanged except the
 * numbers found, which are collected in batches of up to DKCPR__WASH_BATCH,
 * replaced with one engine call, then written out. Bytes are held back only
 * while a number may still continue (dkcpr__core_hold), so memory is constant. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "dkcpr.h"
#include "versioned.h"
#include "wash.h"

static const char default_placeholder[] = "[CPR]";

/* Size of each version of the structs (see versioned.h): version 2 of the
 * wash options added fallback. */
static const size_t wash_sizes[] = {offsetof(dkcpr_wash_options, fallback),
                                    sizeof(dkcpr_wash_options)};
#define WASH_VERSIONS (sizeof wash_sizes / sizeof wash_sizes[0])
static const size_t stats_sizes[] = {sizeof(dkcpr_wash_stats)};
#define STATS_VERSIONS (sizeof stats_sizes / sizeof stats_sizes[0])

static void wash_defaults(dkcpr_wash_options *d) {
  memset(d, 0, sizeof *d);
  d->version = DKCPR_WASH_OPTIONS_VERSION;
  d->mode = DKCPR_WASH_PSEUDONYM;
  d->token_chars = DKCPR_TOKEN_DEFAULT_CHARS;
  d->placeholder = default_placeholder;
  d->placeholder_len = sizeof default_placeholder - 1;
  d->fallback = DKCPR_WASH_TOKEN;
}

dkcpr_status dkcpr__wash_options_resolve(dkcpr_wash_options *cur,
                                         const dkcpr_wash_options *in) {
  wash_defaults(cur);
  return in ? dkcpr__versioned_read(cur, in, wash_sizes, WASH_VERSIONS) : DKCPR_OK;
}

dkcpr_status dkcpr_wash_options_init(dkcpr_wash_options *opts,
                                     unsigned int version) {
  dkcpr_wash_options d;
  if (opts == NULL) return DKCPR_E_NULL;
  wash_defaults(&d);
  return dkcpr__versioned_write(opts, &d, wash_sizes, WASH_VERSIONS, version);
}

static dkcpr_status check_options(const dkcpr_wash_options *o,
                                  const dkcpr_pseudonymizer *p) {
  if ((unsigned)o->mode > DKCPR_WASH_REVEAL) return DKCPR_E_ARG;
  if (o->fallback != DKCPR_WASH_TOKEN && o->fallback != DKCPR_WASH_REDACT)
    return DKCPR_E_ARG;
  /* Pseudonym mode writes tokens too, for numbers it cannot map. */
  if ((o->mode == DKCPR_WASH_TOKEN || o->mode == DKCPR_WASH_PSEUDONYM) &&
      (o->token_chars < DKCPR_TOKEN_MIN_CHARS ||
       o->token_chars > DKCPR_TOKEN_MAX_CHARS))
    return DKCPR_E_ARG;
  if (o->placeholder == NULL && o->placeholder_len > 0)
    return DKCPR_E_NULL;
  /* Whatever the mode: the pseudonym mode's fallback may use it too. */
  if (o->placeholder_len > DKCPR_PLACEHOLDER_MAX_BYTES)
    return DKCPR_E_ARG;
  if (p == NULL && o->mode != DKCPR_WASH_MASK && o->mode != DKCPR_WASH_REDACT)
    return DKCPR_E_NULL;
  return DKCPR_OK;
}

dkcpr_status dkcpr_washer_new(dkcpr_washer **out, const dkcpr_pseudonymizer *p,
                              const dkcpr_scan_options *scan,
                              const dkcpr_wash_options *wash) {
  dkcpr_washer *w;
  dkcpr_status st = DKCPR_OK;
  if (out == NULL) return DKCPR_E_NULL;
  *out = NULL;
  w = calloc(1, sizeof *w);
  if (w == NULL) return DKCPR_E_NOMEM;
  wash_defaults(&w->opts);
  if (wash != NULL)
    st = dkcpr__versioned_read(&w->opts, wash, wash_sizes, WASH_VERSIONS);
  if (st == DKCPR_OK) st = check_options(&w->opts, p);
  if (st == DKCPR_OK)
    st = dkcpr__scan_options_resolve(&w->scan, &w->find_opts, scan);
  if (st != DKCPR_OK) {
    free(w);
    return st;
  }
  /* The washer owns its placeholder: the caller's may go away. */
  if (w->opts.placeholder_len > 0)
    memcpy(w->placeholder, w->opts.placeholder, w->opts.placeholder_len);
  w->opts.placeholder = w->placeholder;
  w->stats.version = DKCPR_WASH_STATS_VERSION;
  w->p = p;
  /* Found and replaced whatever the birth date (dkcpr__scan_eval never
   * applies the not-yet-born check): wash and reveal stay inverses. */
  w->find_opts.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
  w->engine_opts = w->find_opts;
  w->engine_opts.flags |= DKCPR_PARSE_ALLOW_FUTURE;
  dkcpr__core_init(&w->core, (w->scan.flags & DKCPR_SCAN_NINE_DIGITS) != 0);
  *out = w;
  return DKCPR_OK;
}

void dkcpr_washer_free(dkcpr_washer *w) {
  if (w == NULL) return;
  /* The batch may hold numbers from the input. */
  OPENSSL_cleanse(w, sizeof *w);
  free(w);
}

size_t dkcpr_washer_bound(const dkcpr_washer *w, size_t in_len) {
  size_t n, numbers;
  if (w == NULL) return 0;
  if (in_len > (SIZE_MAX >> 8)) return SIZE_MAX;
  n = in_len + DKCPR__SCAN_HIST; /* plus the bytes held back */
  numbers = n / 10 + 1;         /* numbers are 9+ bytes, apart */
  return n + numbers * dkcpr__wash_growth(w) + 1;
}

/* Write stream bytes [emitted, to) unchanged. */
static void emit_until(dkcpr_washer *w, uint64_t to) {
  if (to <= w->emitted) return;
  w->out_len += dkcpr__core_copy(&w->core, w->emitted, to,
                                 (unsigned char *)w->out + w->out_len);
  w->emitted = to;
}

static void flush(dkcpr_washer *w) {
  size_t i;
  if (w->n == 0) return;
  dkcpr__wash_replace(w);
  for (i = 0; i < w->n; i++) {
    const dkcpr__wash_item *it = &w->items[i];
    dkcpr_wash_mode how = w->opts.mode;
    emit_until(w, it->start);
    /* A number the pseudonym mode cannot map reversibly is never left as
     * it is: it gets the fallback instead. */
    if (w->statuses[i] != DKCPR_OK && how == DKCPR_WASH_PSEUDONYM &&
        dkcpr__wash_fallback(w, i) == DKCPR_OK) {
      how = w->opts.fallback;
      w->stats.irreversible++;
    } else if (w->statuses[i] != DKCPR_OK) {
      w->stats.failed++;
      emit_until(w, it->end);
      continue;
    } else {
      w->stats.replaced[it->kind][it->confidence - 1]++;
    }
    if (how == DKCPR_WASH_REDACT) {
      if (w->opts.placeholder_len)
        memcpy(w->out + w->out_len, w->opts.placeholder,
               w->opts.placeholder_len);
      w->out_len += w->opts.placeholder_len;
    } else {
      memcpy(w->out + w->out_len, w->repl + i * DKCPR__WASH_STRIDE,
             w->out_lens[i]);
      w->out_len += w->out_lens[i];
    }
    w->emitted = it->end;
  }
  OPENSSL_cleanse(w->items, w->n * sizeof w->items[0]);
  w->n = 0;
}

static void on_candidate(void *ctx, const dkcpr__cand *cand) {
  dkcpr_washer *w = ctx;
  dkcpr__wash_item *it;
  dkcpr_match m;
  if (cand->start < w->primed) return; /* in the context before the input */
  if (!dkcpr__scan_eval(&m, &w->core, cand, &w->find_opts,
                        w->scan.min_confidence))
    return;
  w->stats.found[m.kind][m.confidence - 1]++;
  it = &w->items[w->n++];
  it->start = m.start;
  it->end = m.end;
  it->kind = m.kind;
  it->confidence = m.confidence;
  it->shape = cand->shape;
  memcpy(it->in, cand->canon, 10);
  it->in[10] = '\0';
  it->raw_len = dkcpr__core_copy(&w->core, m.start, m.end,
                                 (unsigned char *)it->raw);
  if (w->n == DKCPR__WASH_BATCH) flush(w);
}

static dkcpr_status begin(dkcpr_washer *w, char *out, size_t out_cap,
                          size_t *out_len, size_t in_len) {
  if (out_len != NULL) *out_len = 0;
  if (w->finished) return DKCPR_E_STATE;
  if (out_cap < dkcpr_washer_bound(w, in_len)) return DKCPR_E_BUFSIZE;
  w->out = out;
  w->out_len = 0;
  return DKCPR_OK;
}

static void end(dkcpr_washer *w, size_t *out_len) {
  w->stats.bytes_out += w->out_len;
  if (out_len != NULL) *out_len = w->out_len;
  w->out = NULL;
}

dkcpr_status dkcpr__washer_before(dkcpr_washer *w, const char *text, size_t n) {
  if (w->fed) return DKCPR_E_STATE;
  w->priming = 1;
  dkcpr__before_take(&w->before, text, n);
  return DKCPR_OK;
}

void dkcpr__washer_before_gap(dkcpr_washer *w, int gap) {
  w->before.gap = gap;
}

dkcpr_status dkcpr_washer_prime(dkcpr_washer *w, const char *before, size_t len) {
  if (w == NULL || (before == NULL && len > 0)) return DKCPR_E_NULL;
  if (w->fed || w->priming) return DKCPR_E_STATE;
  if (len == 0) return DKCPR_OK;
  return dkcpr__washer_before(w, before, len);
}

/* Read the text before the input, none of which is written, at the first
 * feed: the pieces it came in are all taken by then. */
static void prime(dkcpr_washer *w) {
  char text[2 * DKCPR_WASHER_PRIME_BYTES];
  size_t n = dkcpr__before_text(&w->before, text);
  w->priming = 0;
  if (n > 0) {
    w->primed = w->core.total + n;
    dkcpr__core_feed(&w->core, text, n, on_candidate, w);
    dkcpr__core_commit(&w->core);
    w->emitted = w->core.total;
  }
  OPENSSL_cleanse(text, sizeof text);
  OPENSSL_cleanse(&w->before, sizeof w->before);
}

dkcpr_status dkcpr_washer_feed(char *out, size_t out_cap, size_t *out_len,
                               dkcpr_washer *w, const char *in,
                               size_t in_len) {
  dkcpr_status st;
  if (w == NULL || out == NULL || (in == NULL && in_len > 0))
    return DKCPR_E_NULL;
  st = begin(w, out, out_cap, out_len, in_len);
  if (st != DKCPR_OK) return st;
  if (w->priming) prime(w);
  w->fed = 1;
  dkcpr__core_feed(&w->core, in_len ? in : "", in_len, on_candidate, w);
  flush(w);
  emit_until(w, dkcpr__core_hold(&w->core));
  dkcpr__core_commit(&w->core);
  w->stats.bytes_in += in_len;
  end(w, out_len);
  return DKCPR_OK;
}

dkcpr_status dkcpr_washer_finish(char *out, size_t out_cap, size_t *out_len,
                                 dkcpr_washer *w) {
  dkcpr_status st;
  if (w == NULL || out == NULL) return DKCPR_E_NULL;
  st = begin(w, out, out_cap, out_len, 0);
  if (st != DKCPR_OK) return st;
  if (w->priming) prime(w);
  w->finished = 1;
  w->fed = 1;
  dkcpr__core_finish(&w->core, on_candidate, w);
  flush(w);
  emit_until(w, w->core.total);
  end(w, out_len);
  return DKCPR_OK;
}

dkcpr_status dkcpr_washer_stats(dkcpr_wash_stats *out, const dkcpr_washer *w) {
  if (w == NULL || out == NULL) return DKCPR_E_NULL;
  return dkcpr__versioned_write(out, &w->stats, stats_sizes, STATS_VERSIONS,
                                out->version);
}
