/* SPDX-License-Identifier: Apache-2.0 */
/* The text path of the structured washer (see struct_text.h). This file is
 * the only one that calls the text washer's API.
 *
 * The stream given to the text washer is the input with each rewritten
 * value cut out and a two-byte marker in its place: 0xFF 0x02. A 0xFF of
 * the input itself is written 0xFF 0x01. 0xFF is never part of UTF-8, so
 * the text washer passes both through untouched, and they keep numbers
 * apart as any other non-digit does. Its output is decoded back, each
 * marker replaced by the next waiting value. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "scan_core.h"
#include "struct_text.h"
#include "wash.h"

#define MARK 0xFF
#define MARK_BYTE 0x01
#define MARK_VALUE 0x02

static dkcpr_status grow(char **buf, size_t *cap, size_t need) {
  size_t c = *cap ? *cap : 4096;
  char *b;
  if (need <= *cap) return DKCPR_OK;
  while (c < need) c *= 2;
  b = realloc(*buf, c);
  if (b == NULL) return DKCPR_E_NOMEM;
  *buf = b;
  *cap = c;
  return DKCPR_OK;
}

dkcpr_status dkcpr__text_new(dkcpr__text_path *t, dkcpr__wash_settings *set,
                             const dkcpr_pseudonymizer *p,
                             const dkcpr_scan_options *scan,
                             const dkcpr_wash_options *wash) {
  dkcpr_scan_options so;
  dkcpr_options parse;
  dkcpr_wash_options wo;
  dkcpr_status st;
  memset(t, 0, sizeof *t);
  memset(&wo, 0, sizeof wo);
  st = dkcpr_washer_new(&t->w, p, scan, wash);
  /* The same options as the text washer, read as current-version structs. */
  if (st == DKCPR_OK) st = dkcpr__scan_options_resolve(&so, &parse, scan);
  if (st == DKCPR_OK) st = dkcpr__wash_options_resolve(&wo, wash);
  if (st == DKCPR_OK && wo.placeholder_len > 0) {
    t->placeholder = malloc(wo.placeholder_len);
    if (t->placeholder == NULL) st = DKCPR_E_NOMEM;
    else memcpy(t->placeholder, wo.placeholder, wo.placeholder_len);
  }
  if (st == DKCPR_OK) st = dkcpr_options_init(&set->parse, DKCPR_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    dkcpr__text_free(t);
    return st;
  }
  set->mode = wo.mode;
  set->fallback = wo.fallback;
  set->token_chars = wo.token_chars;
  set->placeholder = t->placeholder;
  set->placeholder_len = wo.placeholder_len;
  set->parse.policy = so.policy;
  set->parse.known_dates = so.known_dates;
  set->parse.flags = so.parse_flags | DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE;
  set->parse.flags &= ~DKCPR_PARSE_LENIENT;
  set->min_confidence = so.min_confidence;
  set->nine_digits = (so.flags & DKCPR_SCAN_NINE_DIGITS) != 0;
  return DKCPR_OK;
}

void dkcpr__text_free(dkcpr__text_path *t) {
  dkcpr_washer_free(t->w);
  /* Both hold input and replacement values. */
  if (t->esc) OPENSSL_cleanse(t->esc, t->esc_cap);
  if (t->wout) OPENSSL_cleanse(t->wout, t->wout_cap);
  if (t->q) OPENSSL_cleanse(t->q, t->q_cap);
  free(t->placeholder);
  free(t->esc);
  free(t->wout);
  free(t->q);
  memset(t, 0, sizeof *t);
}

dkcpr_status dkcpr__text_put(dkcpr__text_path *t, const char *s, size_t n) {
  dkcpr_status st = grow(&t->esc, &t->esc_cap, t->esc_len + 2 * n);
  const char *end = s + n;
  if (st != DKCPR_OK) return st;
  while (s < end) {
    const char *ff = memchr(s, MARK, (size_t)(end - s));
    size_t run = ff ? (size_t)(ff - s) : (size_t)(end - s);
    memcpy(t->esc + t->esc_len, s, run);
    t->esc_len += run;
    s += run;
    if (ff) {
      t->esc[t->esc_len++] = (char)MARK;
      t->esc[t->esc_len++] = MARK_BYTE;
      s++;
    }
  }
  return DKCPR_OK;
}

dkcpr_status dkcpr__text_value(dkcpr__text_path *t, const char *s, size_t n) {
  dkcpr_status st;
  if (n > 0xFFFF) return DKCPR_E_ARG;
  if (t->q_head > 0 && t->q_head == t->q_len) t->q_head = t->q_len = 0;
  if (t->q_head > t->q_cap / 2) { /* keep the queue at the front */
    memmove(t->q, t->q + t->q_head, t->q_len - t->q_head);
    t->q_len -= t->q_head;
    t->q_head = 0;
  }
  st = grow(&t->q, &t->q_cap, t->q_len + 2 + n);
  if (st == DKCPR_OK) st = grow(&t->esc, &t->esc_cap, t->esc_len + 2);
  if (st != DKCPR_OK) return st;
  t->q[t->q_len++] = (char)(n >> 8);
  t->q[t->q_len++] = (char)(n & 0xFF);
  if (n) memcpy(t->q + t->q_len, s, n);
  t->q_len += n;
  t->esc[t->esc_len++] = (char)MARK;
  t->esc[t->esc_len++] = MARK_VALUE;
  return DKCPR_OK;
}

size_t dkcpr__text_bound(const dkcpr__text_path *t, size_t n, size_t value_min,
                         size_t value_max) {
  size_t wb;
  if (n > (SIZE_MAX >> 10)) return SIZE_MAX;
  wb = dkcpr_washer_bound(t->w, 2 * n);
  /* Every value is at least value_min input bytes; those held back by the
   * text washer (at most its history) may come out too. */
  return wb + n + (n / value_min + 1024) * value_max;
}

/* Decode the text washer's output into out. */
static dkcpr_status decode(dkcpr__text_path *t, char *out, size_t *out_len,
                           const char *s, size_t n) {
  size_t o = *out_len, i = 0;
  while (i < n) {
    if (t->pending_ff) {
      unsigned char c = (unsigned char)s[i++];
      t->pending_ff = 0;
      if (c == MARK_BYTE) {
        out[o++] = (char)MARK;
      } else if (c == MARK_VALUE && t->q_len - t->q_head >= 2) {
        size_t len = ((size_t)(unsigned char)t->q[t->q_head] << 8) |
                     (unsigned char)t->q[t->q_head + 1];
        memcpy(out + o, t->q + t->q_head + 2, len);
        o += len;
        t->q_head += 2 + len;
      } else {
        return DKCPR_E_STATE; /* the text washer changed a marker */
      }
      continue;
    }
    {
      const char *ff = memchr(s + i, MARK, n - i);
      size_t run = ff ? (size_t)(ff - (s + i)) : n - i;
      memcpy(out + o, s + i, run);
      o += run;
      i += run;
      if (ff) {
        t->pending_ff = 1;
        i++;
      }
    }
  }
  *out_len = o;
  return DKCPR_OK;
}

dkcpr_status dkcpr__text_take_before(dkcpr__text_path *t) {
  dkcpr_status st = dkcpr__washer_before(t->w, t->esc, t->esc_len);
  t->esc_len = 0;
  t->q_head = t->q_len = 0; /* the values of bytes never written */
  return st;
}

void dkcpr__text_before_whole(dkcpr__text_path *t, int whole) {
  dkcpr__washer_before_gap(t->w, !whole);
}

dkcpr_status dkcpr__text_flush(dkcpr__text_path *t, char *out, size_t *out_len,
                               int finish) {
  size_t need = dkcpr_washer_bound(t->w, t->esc_len), n = 0;
  dkcpr_status st = grow(&t->wout, &t->wout_cap, need);
  *out_len = 0;
  if (st != DKCPR_OK) return st;
  if (t->esc_len) {
    st = dkcpr_washer_feed(t->wout, t->wout_cap, &n, t->w, t->esc, t->esc_len);
    if (st == DKCPR_OK) st = decode(t, out, out_len, t->wout, n);
    if (st != DKCPR_OK) return st;
    t->esc_len = 0;
  }
  if (finish) {
    st = dkcpr_washer_finish(t->wout, t->wout_cap, &n, t->w);
    if (st == DKCPR_OK) st = decode(t, out, out_len, t->wout, n);
  }
  return st;
}

dkcpr_status dkcpr__text_stats(const dkcpr__text_path *t, dkcpr_wash_stats *s,
                               uint64_t *irreversible) {
  dkcpr_status st = dkcpr_washer_stats(s, t->w);
  if (st == DKCPR_OK) *irreversible = s->irreversible;
  return st;
}
