/* What replaces each number: pseudonym, reveal, mask, token, placeholder. */
#include <string.h>

#include "internal.h"
#include "wash.h"

static size_t growth_of(const dkcpr_wash_options *o, dkcpr_wash_mode mode) {
  /* Numbers are at least 9 bytes long. */
  switch (mode) {
  case DKCPR_WASH_TOKEN: return o->token_chars > 9 ? o->token_chars - 9 : 0;
  case DKCPR_WASH_REDACT:
    return o->placeholder_len > 9 ? o->placeholder_len - 9 : 0;
  default: return 0; /* same layout, nine digits stay nine */
  }
}

size_t dkcpr__wash_growth(const dkcpr_washer *w) {
  size_t g = growth_of(&w->opts, w->opts.mode);
  if (w->opts.mode == DKCPR_WASH_PSEUDONYM) {
    size_t f = growth_of(&w->opts, w->fallback);
    if (f > g) g = f;
  }
  return g;
}

dkcpr_status dkcpr__wash_fallback(dkcpr_washer *w, size_t i) {
  char *out = w->repl + i * DKCPR__WASH_STRIDE;
  if (w->fallback == DKCPR_WASH_REDACT) {
    w->out_lens[i] = 0; /* the placeholder is written by the caller */
    return DKCPR_OK;
  }
  return dkcpr_token(out, DKCPR__WASH_STRIDE, &w->out_lens[i], w->p,
                     w->items[i].in, w->items[i].in_len, w->opts.token_chars,
                     &w->engine_opts);
}

/* The last four characters become X; a full-width digit becomes a
 * full-width X so the text keeps its width and length. */
static size_t mask(char *out, const char *in, size_t len) {
  size_t cut = len, chars = 0, n;
  while (cut > 0 && chars < 4) {
    cut--;
    if (((unsigned char)in[cut] & 0xC0) != 0x80) chars++;
  }
  memcpy(out, in, cut);
  n = cut;
  while (cut < len) {
    const unsigned char *c = (const unsigned char *)in + cut;
    if (c[0] == 0xEF && cut + 2 < len && c[1] == 0xBC && c[2] >= 0x90 &&
        c[2] <= 0x99) {
      out[n++] = '\xef'; /* U+FF38 FULLWIDTH LATIN CAPITAL LETTER X */
      out[n++] = '\xbc';
      out[n++] = '\xb8';
    } else {
      out[n++] = 'X';
    }
    cut++;
    while (cut < len && ((unsigned char)in[cut] & 0xC0) == 0x80) cut++;
  }
  return n;
}

/* Most engine calls spent on one nine-digit number (each lands on a day
 * 1-9 with probability about 0.3, so 64 misses are practically never seen). */
#define NINE_WALK_MAX 64

static dkcpr_status engine(dkcpr_washer *w, char *out, const char *const *in,
                           const size_t *in_lens, size_t *out_lens,
                           dkcpr_status *statuses, size_t n) {
  if (w->opts.mode == DKCPR_WASH_PSEUDONYM)
    return dkcpr_pseudonymize_many(out, DKCPR__WASH_STRIDE, out_lens,
                                   statuses, w->p, in, in_lens, n,
                                   &w->engine_opts);
  return dkcpr_reveal_many(out, DKCPR__WASH_STRIDE, out_lens, statuses, w->p,
                           in, in_lens, n, &w->engine_opts);
}

/* A number stored as an integer (nine digits, day 1-9) must come out as
 * nine digits so the text keeps its length and reveal can undo it: walk
 * the permutation's cycle (pseudonymize the pseudonym again) until it lands
 * on a day 1-9. Revealing walks back the same cycle, so the two stay exact
 * inverses. Under DKCPR_NEVER_REAL no pseudonym has a day below 61, so the
 * number cannot be written in nine digits: it fails (left unchanged and
 * counted, as the engine does with day + 60 numbers there). */
static void nine_digit_walk(dkcpr_washer *w) {
  size_t idx[DKCPR__WASH_BATCH], n = 0, i, round;
  for (i = 0; i < w->n; i++)
    if (w->items[i].shape == DKCPR__SHAPE_NINE && w->statuses[i] == DKCPR_OK)
      idx[n++] = i;
  for (round = 0; n > 0; round++) {
    size_t keep = 0;
    for (i = 0; i < n; i++) {
      size_t k = idx[i];
      char *r = w->repl + k * DKCPR__WASH_STRIDE;
      if (w->statuses[k] != DKCPR_OK) continue;
      if (w->out_lens[k] == 10 && r[0] == '0') {
        memmove(r, r + 1, 10); /* with its NUL */
        w->out_lens[k] = 9;
      } else if (w->out_lens[k] != 10 || r[0] >= '4' ||
                 round + 1 >= NINE_WALK_MAX) {
        w->statuses[k] = DKCPR_E_KIND;
      } else {
        idx[keep++] = k;
      }
    }
    n = keep;
    for (i = 0; i < n; i++) {
      size_t k = idx[i];
      memcpy(w->items[k].in, w->repl + k * DKCPR__WASH_STRIDE, 10);
      w->in_ptrs[i] = w->items[k].in;
      w->in_lens[i] = 10;
    }
    if (n == 0) break;
    engine(w, w->walk, w->in_ptrs, w->in_lens, w->out_lens_walk,
           w->statuses_walk, n);
    for (i = 0; i < n; i++) {
      size_t k = idx[i];
      w->statuses[k] = w->statuses_walk[i];
      w->out_lens[k] = w->out_lens_walk[i];
      memcpy(w->repl + k * DKCPR__WASH_STRIDE, w->walk + i * DKCPR__WASH_STRIDE,
             DKCPR__WASH_STRIDE);
    }
  }
}

void dkcpr__wash_replace(dkcpr_washer *w) {
  size_t i;
  for (i = 0; i < w->n; i++) {
    w->in_ptrs[i] = w->items[i].in;
    w->in_lens[i] = w->items[i].in_len;
  }
  switch (w->opts.mode) {
  case DKCPR_WASH_PSEUDONYM:
  case DKCPR_WASH_REVEAL:
    engine(w, w->repl, w->in_ptrs, w->in_lens, w->out_lens, w->statuses,
           w->n);
    nine_digit_walk(w);
    break;
  case DKCPR_WASH_TOKEN:
    for (i = 0; i < w->n; i++)
      w->statuses[i] = dkcpr_token(w->repl + i * DKCPR__WASH_STRIDE,
                                   DKCPR__WASH_STRIDE, &w->out_lens[i], w->p,
                                   w->in_ptrs[i], w->in_lens[i],
                                   w->opts.token_chars, &w->engine_opts);
    break;
  case DKCPR_WASH_MASK:
    for (i = 0; i < w->n; i++) {
      const dkcpr__wash_item *it = &w->items[i];
      size_t skip = it->shape == DKCPR__SHAPE_NINE; /* the added '0' */
      w->out_lens[i] = mask(w->repl + i * DKCPR__WASH_STRIDE, it->in + skip,
                            it->in_len - skip);
      w->statuses[i] = DKCPR_OK;
    }
    break;
  case DKCPR_WASH_REDACT:
    for (i = 0; i < w->n; i++) {
      w->out_lens[i] = 0; /* the placeholder is written by the caller */
      w->statuses[i] = DKCPR_OK;
    }
    break;
  }
}
