/* What replaces each number: pseudonym, reveal, mask, token, placeholder. */
#include <string.h>

#include <unicode/utf8.h>

#include "internal.h"
#include "scan_chars.h"
#include "wash.h"

size_t dkcpr__wash_growth(const dkcpr_wash_options *o) {
  /* Numbers are at least 9 bytes long. */
  switch (o->mode) {
  case DKCPR_WASH_TOKEN: return o->token_chars > 9 ? o->token_chars - 9 : 0;
  case DKCPR_WASH_REDACT:
    return o->placeholder_len > 9 ? o->placeholder_len - 9 : 0;
  default: return 0; /* same layout, nine digits stay nine */
  }
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

/* The number as it was written (raw), with its digits and e-CPR letters
 * replaced in order by chars: every other character is kept, and each new
 * digit is written in the script of the digit it replaces (same length). */
static size_t render(char *out, const char *raw, size_t raw_len,
                     const char *chars, size_t n_chars) {
  size_t i = 0, n = 0, k = 0;
  while (i < raw_len) {
    const unsigned char *p = (const unsigned char *)raw + i;
    int32_t cp;
    size_t len = decode(p, raw_len - i, &cp);
    if (len == 0) len = raw_len - i; /* cannot happen: a found span is whole */
    if (cp >= 0 && k < n_chars &&
        ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z'))) {
      out[n++] = chars[k++];
    } else if (cp >= 0x80 && k < n_chars &&
               u_charType(cp) == U_DECIMAL_DIGIT_NUMBER) {
      UChar32 z = cp - u_charDigitValue(cp) + (chars[k++] - '0');
      U8_APPEND_UNSAFE((uint8_t *)out, n, z);
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
  case DKCPR_WASH_MASK:
    for (i = 0; i < w->n; i++) {
      const dkcpr__wash_item *it = &w->items[i];
      w->out_lens[i] = mask(w->repl + i * DKCPR__WASH_STRIDE, it->raw,
                            it->raw_len);
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
