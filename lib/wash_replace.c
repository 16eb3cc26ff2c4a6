/* SPDX-License-Identifier: Apache-2.0 */
/* What replaces each number: pseudonym, reveal, mask, token, placeholder. */
#include <string.h>

#include <unicode/utf8.h>

#include "dkcpr.h"
#include "scan_chars.h"
#include "scan_escape.h"
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
    size_t f = growth_of(&w->opts, w->opts.fallback);
    if (f > g) g = f;
  }
  return g;
}

dkcpr_status dkcpr__wash_fallback(dkcpr_washer *w, size_t i) {
  char *out = w->repl + i * DKCPR__WASH_STRIDE;
  if (w->opts.fallback == DKCPR_WASH_REDACT) {
    w->out_lens[i] = 0; /* the placeholder is written by the caller */
    return DKCPR_OK;
  }
  return dkcpr_token(out, DKCPR__WASH_STRIDE, &w->out_lens[i], w->p,
                     w->items[i].in, 10, w->opts.token_chars,
                     &w->engine_opts);
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

/* The number as it was written (raw), with its digits and e-CPR letters
 * replaced in order by chars (digits, letters, or 'X' to mask): every other
 * character is kept byte for byte, and each new character is written the
 * way the one it replaces was: in its digit script (a full-width digit
 * masks to a full-width X) and with its escape (%3x stays percent-encoded,
 * &#48; a decimal reference of the same width, \u0030 a JSON escape). */
static size_t render(char *out, const char *raw, size_t raw_len,
                     const char *chars, size_t n_chars) {
  size_t i = 0, n = 0, k = 0;
  while (i < raw_len) {
    const unsigned char *p = (const unsigned char *)raw + i;
    dkcpr__esc e;
    int32_t cp, z;
    size_t len;
    if (dkcpr__esc_start(p[0]) &&
        dkcpr__escape_decode(&e, p, raw_len - i, 1) > 0) {
      cp = e.cp;
      len = e.len;
    } else {
      e.kind = DKCPR__ESC_NONE;
      len = decode(p, raw_len - i, &cp);
      if (len == 0) len = 1; /* cannot happen: a found span is whole */
    }
    if (k < n_chars && cp >= 0 &&
        ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0x80 && u_charType(cp) == U_DECIMAL_DIGIT_NUMBER))) {
      char c = chars[k++];
      if (c >= '0' && c <= '9' && cp >= 0x80)
        z = cp - u_charDigitValue(cp) + (c - '0');
      else if (c == 'X' && cp >= 0xFF10 && cp <= 0xFF19)
        z = 0xFF38; /* FULLWIDTH LATIN CAPITAL LETTER X */
      else
        z = (unsigned char)c;
      if (e.kind == DKCPR__ESC_NONE && z < 0x80)
        out[n++] = (char)z;
      else
        n += dkcpr__escape_encode(out + n, &e, z);
    } else {
      memcpy(out + n, p, len);
      n += len;
    }
    i += len;
  }
  return n;
}

void dkcpr__wash_replace(dkcpr_washer *w) {
  size_t i;
  for (i = 0; i < w->n; i++) {
    w->in_ptrs[i] = w->items[i].in;
    w->in_lens[i] = 10;
  }
  switch (w->opts.mode) {
  case DKCPR_WASH_PSEUDONYM:
  case DKCPR_WASH_REVEAL:
    engine(w, w->repl, w->in_ptrs, w->in_lens, w->out_lens, w->statuses,
           w->n);
    nine_digit_walk(w);
    for (i = 0; i < w->n; i++) {
      const dkcpr__wash_item *it = &w->items[i];
      char *r = w->repl + i * DKCPR__WASH_STRIDE;
      if (w->statuses[i] != DKCPR_OK) continue;
      w->out_lens[i] = render(w->walk, it->raw, it->raw_len, r,
                              w->out_lens[i]);
      memcpy(r, w->walk, w->out_lens[i]);
    }
    break;
  case DKCPR_WASH_TOKEN:
    for (i = 0; i < w->n; i++)
      w->statuses[i] = dkcpr_token(w->repl + i * DKCPR__WASH_STRIDE,
                                   DKCPR__WASH_STRIDE, &w->out_lens[i], w->p,
                                   w->in_ptrs[i], w->in_lens[i],
                                   w->opts.token_chars, &w->engine_opts);
    break;
  case DKCPR_WASH_MASK: /* the last four characters become X */
    for (i = 0; i < w->n; i++) {
      const dkcpr__wash_item *it = &w->items[i];
      char chars[10];
      size_t skip = it->shape == DKCPR__SHAPE_NINE; /* the added '0' */
      memcpy(chars, it->in + skip, 10 - skip);
      memset(chars + 6 - skip, 'X', 4);
      w->out_lens[i] = render(w->repl + i * DKCPR__WASH_STRIDE, it->raw,
                              it->raw_len, chars, 10 - skip);
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
