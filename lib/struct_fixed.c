/* SPDX-License-Identifier: Apache-2.0 */
/* Fixed-width records (such as CPR-register extracts): one record a line,
 * its fields where the rules file's layout says (struct_layout.h). A field
 * whose name means CPR is a CPR number whatever surrounds it, inside a long
 * run of digits too, where the text scanner sees none; a field with a
 * rewriting rule is rewritten; each keeps its width (cut, or padded with
 * spaces). Every other byte goes to the text path. A record is a row: its
 * companions follow its first CPR number. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "struct_washer.h"

/* A longer record is washed by its layout as far as it is held, the rest
 * as text. */
#define REC_MAX (64u * 1024u)

struct dkcpr__fixed_state {
  char *rec;
  size_t rec_len;
  int streaming; /* the rest of a record longer than REC_MAX */
  int companions;
};

dkcpr_status dkcpr__fixed_new(dkcpr_struct_washer *w) {
  dkcpr__fixed_state *f;
  size_t i;
  /* Values keep their width: modes that write something of another
   * length (a token, a placeholder) would move every later field. */
  if (w->rules.layout.n == 0 || w->set.mode == DKCPR_WASH_TOKEN ||
      w->set.mode == DKCPR_WASH_REDACT)
    return DKCPR_E_ARG;
  f = calloc(1, sizeof *f);
  if (f == NULL) return DKCPR_E_NOMEM;
  f->rec = malloc(REC_MAX);
  if (f->rec == NULL) {
    free(f);
    return DKCPR_E_NOMEM;
  }
  for (i = 0; i < w->rules.n; i++)
    if (DKCPR__RULE_NEEDS_ROW(w->rules.rule[i].action)) f->companions = 1;
  w->fixed = f;
  return DKCPR_OK;
}

void dkcpr__fixed_free(dkcpr_struct_washer *w) {
  dkcpr__fixed_state *f = w->fixed;
  if (f == NULL) return;
  OPENSSL_cleanse(f->rec, REC_MAX);
  free(f->rec);
  free(f);
  w->fixed = NULL;
}

size_t dkcpr__fixed_held(const dkcpr_struct_washer *w) {
  return w->fixed != NULL ? w->fixed->rec_len : 0;
}

/* s[0..n) in exactly width bytes: cut, or padded with spaces. */
static dkcpr_status put_fitted(dkcpr_struct_washer *w, const char *s, size_t n, size_t width) {
  char out[DKCPR__LAYOUT_FIELD_MAX];
  if (n > width) { /* cut, not inside a UTF-8 character */
    n = width;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  }
  memcpy(out, s, n);
  memset(out + n, ' ', width - n);
  return dkcpr__text_value(&w->text, out, width);
}

static size_t trailing_spaces(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && s[n - 1 - k] == ' ') k++;
  return k;
}

/* A field with a rewriting rule. */
static dkcpr_status rule_field(dkcpr_struct_washer *w, const dkcpr__rule *rule,
                               const dkcpr__row *row, const char *v, size_t width) {
  char repl[DKCPR__VALUE_MAX];
  size_t len = width - trailing_spaces(v, width), n = 0;
  if (len == 0) return dkcpr__text_value(&w->text, v, width); /* nothing to hide */
  switch (dkcpr__value_rule(w, rule, row, v, len, 0, repl, &n)) {
  case DKCPR__RULE_OUT_TEXT:
    if (n <= width) return put_fitted(w, repl, n, width);
    /* A companion that does not fit cannot be written: as none. */
    w->counts.rule_unusable++;
    return put_fitted(w, "", 0, width);
  default: return put_fitted(w, "", 0, width); /* empty, or nothing to follow */
  }
}

/* A CPR field: its replacement in its width. */
static dkcpr_status cpr_field(dkcpr_struct_washer *w, const char *v, size_t width) {
  char repl[DKCPR__VALUE_MAX];
  size_t n = 0;
  switch (dkcpr__value_replace(w, v, width, DKCPR__VALUE_TEXT, 1, 0, repl, &n)) {
  case DKCPR__VALUE_REPLACED: /* a token (the fallback) is cut: it is one-way anyway */
    return put_fitted(w, repl, n, width);
  case DKCPR__VALUE_LEFT: return dkcpr__text_value(&w->text, v, width);
  default: return dkcpr__text_put(&w->text, v, width);
  }
}

/* The record type is written as it is, never scanned: text washing could
 * see a number that starts in it, and a record with another type is read
 * by another layout when revealed. */
static dkcpr_status put_type(dkcpr_struct_washer *w, const char *s, size_t n, const char **run) {
  const dkcpr__layout *l = &w->rules.layout;
  const char *t = s + l->type_start;
  dkcpr_status st;
  if (l->type_length == 0 || l->type_start + l->type_length > n || *run > t) return DKCPR_OK;
  if (t > *run && (st = dkcpr__text_put(&w->text, *run, (size_t)(t - *run))) != DKCPR_OK)
    return st;
  *run = t + l->type_length;
  return dkcpr__text_value(&w->text, t, l->type_length);
}

/* The held record s[0..n) (no line end): its fields by the layout, as far
 * as whole ones are held. */
static dkcpr_status record(dkcpr_struct_washer *w, dkcpr__fixed_state *f, const char *s,
                           size_t n, int whole) {
  const dkcpr__layout_record *lay = dkcpr__layout_find(&w->rules.layout, s, n);
  const size_t type_end = w->rules.layout.type_start + w->rules.layout.type_length;
  const char *run = s;
  dkcpr__row row;
  size_t i;
  dkcpr_status st;
  memset(&row, 0, sizeof row);
  if (lay != NULL && f->companions)
    for (i = 0; i < lay->n && !row.known; i++) {
      const dkcpr__layout_field *fl = &lay->field[i];
      if (fl->start + fl->length <= n && dkcpr__struct_field_cpr(w, fl->name, fl->name_len))
        dkcpr__value_row(w, &row, s + fl->start, fl->length);
    }
  for (i = 0; lay != NULL && i < lay->n; i++) {
    const dkcpr__layout_field *fl = &lay->field[i];
    const char *v = s + fl->start;
    const dkcpr__rule *rule;
    if (fl->start + fl->length > n) break; /* the record ends before it */
    rule = dkcpr__struct_rewrite_rule(w, fl->name, fl->name_len);
    if (rule == NULL && !dkcpr__struct_field_cpr(w, fl->name, fl->name_len)) continue;
    if (fl->start >= type_end && (st = put_type(w, s, n, &run)) != DKCPR_OK) return st;
    if (v > run && (st = dkcpr__text_put(&w->text, run, (size_t)(v - run))) != DKCPR_OK)
      return st;
    st = rule != NULL ? rule_field(w, rule, whole ? &row : NULL, v, fl->length)
                      : cpr_field(w, v, fl->length);
    if (st != DKCPR_OK) return st;
    run = v + fl->length;
  }
  if ((st = put_type(w, s, n, &run)) != DKCPR_OK) return st;
  return dkcpr__text_put(&w->text, run, (size_t)(s + n - run));
}

dkcpr_status dkcpr__fixed_feed(dkcpr_struct_washer *w, const char *in, size_t n, int finish) {
  dkcpr__fixed_state *f = w->fixed;
  size_t k = 0;
  dkcpr_status st;
  while (k < n) {
    const char *nl;
    size_t take, room = REC_MAX - f->rec_len;
    if (f->streaming) { /* the rest of a long record, to its end */
      nl = memchr(in + k, '\n', n - k);
      take = nl ? (size_t)(nl - (in + k)) : n - k;
      if (nl != NULL) f->streaming = 0;
      if ((st = dkcpr__text_put(&w->text, in + k, take)) != DKCPR_OK) return st;
      k += take;
      continue;
    }
    nl = memchr(in + k, '\n', n - k < room ? n - k : room);
    take = nl ? (size_t)(nl - (in + k)) + 1 : (n - k < room ? n - k : room);
    memcpy(f->rec + f->rec_len, in + k, take);
    f->rec_len += take;
    k += take;
    if (nl != NULL) {
      st = record(w, f, f->rec, f->rec_len - 1, 1);
      if (st == DKCPR_OK) st = dkcpr__text_put(&w->text, "\n", 1);
      f->rec_len = 0;
      if (st != DKCPR_OK) return st;
    } else if (f->rec_len == REC_MAX) {
      st = record(w, f, f->rec, f->rec_len, 0);
      f->rec_len = 0;
      f->streaming = 1;
      if (st != DKCPR_OK) return st;
    }
  }
  if (finish && f->rec_len > 0) {
    st = record(w, f, f->rec, f->rec_len, 1);
    f->rec_len = 0;
    return st;
  }
  return DKCPR_OK;
}
