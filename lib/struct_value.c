/* SPDX-License-Identifier: Apache-2.0 */
/* One field value: recognised as a CPR number in any written form, then
 * rewritten so that it stays what its field holds (an integer stays an
 * integer, nine digits stay nine), or handed to the text path. */
#include <string.h>

#include <openssl/crypto.h>

#include "struct_washer.h"

/* Most engine calls spent walking to a number of the right shape (each
 * lands on it with probability 0.3 or more, so 64 misses are never seen). */

typedef enum shape { SHAPE_NINE, SHAPE_TEN, SHAPE_SEP, SHAPE_INTEGER } shape;

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* The length of s without the spaces and tabs around it, which are counted
 * in lead and trail. */
static size_t trim(const char *s, size_t n, size_t *lead, size_t *trail) {
  size_t a = 0, b = n;
  while (a < b && is_space(s[a])) a++;
  while (b > a && is_space(s[b - 1])) b--;
  *lead = a;
  *trail = n - b;
  return b - a;
}

static int all_digits(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* A CPR field's integer written as a decimal ("405205297.0": a float
 * column with missing values, as pandas writes it): the length of its ".0",
 * which is kept as it is around the number; else 0. */
static size_t zero_fraction(const char *core, size_t clen) {
  size_t k = clen;
  while (k > 0 && core[k - 1] == '0') k--;
  if (k == clen || k == 0 || core[k - 1] != '.') return 0;
  k--; /* the digits before the point */
  return (k == 9 || k == 10) && all_digits(core, k) ? clen - k : 0;
}

/* The ten characters core[0..clen) stands for, in canon (NUL-terminated),
 * with its shape and separator; 0 when it has no CPR shape. In a CPR field
 * every written form counts; elsewhere only an integer of nine or ten digits. */
static int canonical(char canon[11], shape *sh, char *sep, const char *core, size_t clen,
                     int cpr_field, int integer) {
  if (clen == 9 && all_digits(core, 9) && (cpr_field || integer)) {
    *sh = SHAPE_NINE;
    canon[0] = '0';
    memcpy(canon + 1, core, 9);
  } else if (clen == 10 && (cpr_field || (integer && all_digits(core, 10)))) {
    *sh = SHAPE_TEN;
    memcpy(canon, core, 10);
  } else if (clen == 11 && cpr_field && (core[6] == '-' || core[6] == ' ')) {
    *sh = SHAPE_SEP;
    *sep = core[6];
    memcpy(canon, core, 6);
    memcpy(canon + 6, core + 7, 4);
  } else {
    return 0;
  }
  canon[10] = '\0';
  return 1;
}

/* dkcpr_parse of canon with the washer's options, remembered: the options
 * do not change, so neither does the result. */
static dkcpr_status parse(dkcpr_struct_washer *w, dkcpr_cpr *out, const char canon[10]) {
  unsigned i;
  for (i = 0; i < 2; i++)
    if (w->parsed[i].valid && memcmp(w->parsed[i].canon, canon, 10) == 0) {
      *out = w->parsed[i].cpr;
      return w->parsed[i].st;
    }
  i = w->parsed_next;
  w->parsed_next = i ^ 1u;
  memset(&w->parsed[i].cpr, 0, sizeof w->parsed[i].cpr);
  w->parsed[i].st = dkcpr_parse(&w->parsed[i].cpr, canon, 10, &w->set.parse);
  memcpy(w->parsed[i].canon, canon, 10);
  w->parsed[i].valid = 1;
  *out = w->parsed[i].cpr;
  return w->parsed[i].st;
}

/* The pseudonym (or the number it stands for) of canon: the same whatever
 * form the number is written in, so every column naming a person names the
 * same pseudonym. */
static dkcpr_status convert(dkcpr_struct_washer *w, char out[11], const char canon[10]) {
  size_t len;
  dkcpr_status st;
  /* A row's number is converted for its companions, then again where it
   * is written: the last one is kept. */
  if (w->conv_valid && memcmp(w->conv_in, canon, 10) == 0) {
    memcpy(out, w->conv_out, 11);
    return DKCPR_OK;
  }
  st = w->set.mode == DKCPR_WASH_REVEAL
           ? dkcpr_reveal(out, 11, &len, w->p, canon, 10, &w->set.parse)
           : dkcpr_pseudonymize(out, 11, &len, w->p, canon, 10, &w->set.parse);
  if (st == DKCPR_OK && len != 10) st = DKCPR_E_KIND;
  w->conv_valid = st == DKCPR_OK;
  if (w->conv_valid) {
    memcpy(w->conv_in, canon, 10);
    memcpy(w->conv_out, out, 11);
  }
  return st;
}

/* chars (canonical, ten) written in the value's layout. An integer, and a
 * value whose leading zero was lost, is written without one when it has
 * one and with all ten digits when it has none. */
static size_t layout(char *out, const char *chars, shape sh, char sep) {
  switch (sh) {
  case SHAPE_NINE:
  case SHAPE_INTEGER:
    if (chars[0] != '0') {
      memcpy(out, chars, 10);
      return 10;
    }
    memcpy(out, chars + 1, 9);
    return 9;
  case SHAPE_SEP:
    memcpy(out, chars, 6);
    out[6] = sep;
    memcpy(out + 7, chars + 6, 4);
    return 11;
  default: memcpy(out, chars, 10); return 10;
  }
}

size_t dkcpr__value_unquote(char *out, const char *held, size_t n, char quote) {
  size_t i, len = 0;
  for (i = 1; i < n; i++) {
    if (held[i] == quote && i + 1 < n && held[i + 1] == quote) i++;
    else if (held[i] == quote) break;
    out[len++] = held[i];
  }
  return len;
}

size_t dkcpr__value_quoted(char *out, const char *s, size_t n, char quote) {
  static const char hex[] = "0123456789abcdef";
  size_t o = 0, i;
  if (!quote) {
    memcpy(out, s, n);
    return n;
  }
  out[o++] = quote;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (quote == '\'' && c == '\'') {
      out[o++] = '\'';
      out[o++] = '\'';
    } else if (quote == '"' && (c == '"' || c == '\\')) {
      out[o++] = '\\';
      out[o++] = (char)c;
    } else if (quote == '"' && c < 0x20) {
      memcpy(out + o, "\\u00", 4);
      out[o + 4] = hex[c >> 4];
      out[o + 5] = hex[c & 15];
      o += 6;
    } else {
      out[o++] = (char)c;
    }
  }
  out[o++] = quote;
  return o;
}

/* The replacement of a recognised number into repl; 0 or a status. */
static dkcpr_status replace(dkcpr_struct_washer *w, char *repl, size_t *len,
                            const char canon[10], shape sh, char sep,
                            int integer, int cpr_field, char quote,
                            int *irreversible) {
  char chars[11], tmp[DKCPR__VALUE_MAX];
  size_t n;
  dkcpr_wash_mode how = w->set.mode;
  dkcpr_status st = DKCPR_OK;
  /* A number stays a number only in the pseudonym and reveal modes. */
  char q = '\0';
  *irreversible = 0;
  if (integer) q = quote;
  if (how == DKCPR_WASH_PSEUDONYM || how == DKCPR_WASH_REVEAL) {
    st = convert(w, chars, canon);
    if (st == DKCPR_OK) {
      if (integer) sh = SHAPE_INTEGER;
      *len = layout(repl, chars, sh, sep);
      /* Bytes reveal cannot give back: a lost leading zero written back
       * (ten digits where nine were), and nine digits where reveal will
       * not look for them (outside a CPR field, without nine_digits). */
      if (how == DKCPR_WASH_PSEUDONYM &&
          ((sh == SHAPE_NINE && *len == 10) ||
           (*len == 9 && !cpr_field && !w->set.nine_digits)))
        *irreversible = 1;
      return DKCPR_OK;
    }
    if (how == DKCPR_WASH_REVEAL) return st;
    how = w->fallback; /* no pseudonym can stand for it */
    *irreversible = 1;
  }
  switch (how) {
  case DKCPR_WASH_MASK:
    memcpy(chars, canon, 10);
    memset(chars + 6, 'X', 4);
    n = layout(tmp, chars, sh, sep);
    *len = dkcpr__value_quoted(repl, tmp, n, q);
    return DKCPR_OK;
  case DKCPR_WASH_TOKEN:
    st = dkcpr_token(tmp, sizeof tmp, &n, w->p, canon, 10, w->set.token_chars,
                     &w->set.parse);
    if (st != DKCPR_OK) return st;
    *len = dkcpr__value_quoted(repl, tmp, n, q);
    return DKCPR_OK;
  default: /* redact */
    *len = dkcpr__value_quoted(repl, w->set.placeholder ? w->set.placeholder : "",
                  w->set.placeholder_len, q);
    return DKCPR_OK;
  }
}

dkcpr__value_outcome dkcpr__value_replace(dkcpr_struct_washer *w, const char *raw,
                                          size_t raw_len, dkcpr__value_type type,
                                          int cpr_field, char quote, char *repl,
                                          size_t *repl_len) {
  size_t lead = 0, trail = 0, clen, n, frac = 0;
  const char *core;
  char canon[11], sep = 0;
  shape sh;
  dkcpr_cpr cpr;
  dkcpr_confidence conf = DKCPR_CONFIDENCE_HIGH;
  dkcpr_status st;
  int integer = type == DKCPR__VALUE_INTEGER, irreversible, zero_integer = 0;
  clen = trim(raw, raw_len, &lead, &trail);
  core = raw + lead;
  if (clen == 0) return DKCPR__VALUE_NOT_CPR;
  if (cpr_field) {
    frac = zero_fraction(core, clen);
    clen -= frac;
    trail += frac;
    w->counts.values++;
  }
  if (!canonical(canon, &sh, &sep, core, clen, cpr_field, integer)) goto not_cpr;
  if (sh == SHAPE_NINE && !cpr_field && !w->set.nine_digits) goto not_cpr;
  if (parse(w, &cpr, canon) != DKCPR_OK) goto not_cpr;
  if (!cpr_field) { /* a bare integer: as sure as the text washer would be */
    conf = cpr.mod11 ? DKCPR_CONFIDENCE_MEDIUM : DKCPR_CONFIDENCE_LOW;
    if (conf < w->set.min_confidence) goto not_cpr;
  }
  w->found[cpr.kind][conf - 1]++;
  /* An integer written with a leading zero (SQL allows it) may keep one. */
  if (integer && sh == SHAPE_TEN && canon[0] == '0') {
    integer = 0;
    zero_integer = 1;
  }
  /* A number column's DDMMYY-SSSS is no number: it keeps its separator. */
  if (integer && sh == SHAPE_SEP) integer = 0;
  st = replace(w, repl + lead, &n, cpr.digits, sh, sep, integer, cpr_field, quote,
               &irreversible);
  /* Reveal writes an integer without the zero it had. */
  if (st == DKCPR_OK && zero_integer && w->set.mode == DKCPR_WASH_PSEUDONYM &&
      repl[lead] != '0')
    irreversible = 1;
  if (st != DKCPR_OK) {
    /* Left as it is, not rewritten by the text path either: reveal of a
     * number that no pseudonym stands for. */
    w->failed++;
    if (cpr_field) w->counts.failed++;
    return DKCPR__VALUE_LEFT;
  }
  memcpy(repl, raw, lead);
  /* A number written as a quoted string (a mask, a token) loses its ".0". */
  if (frac > 0 && integer && quote != '\0' && n > 0 && repl[lead] == quote) {
    clen += frac;
    trail -= frac;
  }
  memcpy(repl + lead + n, core + clen, trail);
  if (irreversible) {
    w->irreversible++;
    if (cpr_field) w->counts.irreversible++;
  } else {
    w->replaced[cpr.kind][conf - 1]++;
    if (cpr_field) w->counts.replaced++;
    if (sh == SHAPE_NINE || integer) w->counts.integers++;
  }
  *repl_len = lead + n + trail;
  return DKCPR__VALUE_REPLACED;
not_cpr:
  if (cpr_field) w->counts.unrecognised++;
  return DKCPR__VALUE_NOT_CPR;
}

dkcpr_status dkcpr__value_wash(dkcpr_struct_washer *w, const char *raw,
                               size_t raw_len, dkcpr__value_type type,
                               int cpr_field, char quote) {
  char repl[DKCPR__VALUE_MAX];
  size_t n = 0;
  switch (dkcpr__value_replace(w, raw, raw_len, type, cpr_field, quote, repl, &n)) {
  case DKCPR__VALUE_REPLACED: return dkcpr__text_value(&w->text, repl, n);
  case DKCPR__VALUE_LEFT: return dkcpr__text_value(&w->text, raw, raw_len);
  default: break;
  }
  /* A JSON number that is no CPR number (150520.1234) stays as it is: text
   * washing could give it a leading zero, which JSON does not allow. */
  if (type == DKCPR__VALUE_INTEGER && quote == '"' && raw_len > 0)
    return dkcpr__text_value(&w->text, raw, raw_len);
  return dkcpr__text_put(&w->text, raw, raw_len);
}

void dkcpr__value_row(dkcpr_struct_washer *w, dkcpr__row *row,
                      const char *raw, size_t raw_len) {
  size_t lead, trail, clen = trim(raw, raw_len, &lead, &trail);
  const char *core = raw + lead;
  char canon[11], written[11], sep;
  shape sh;
  row->known = 0;
  if (w->set.mode != DKCPR_WASH_PSEUDONYM && w->set.mode != DKCPR_WASH_REVEAL) return;
  clen -= zero_fraction(core, clen);
  if (!canonical(canon, &sh, &sep, core, clen, 1, 0)) return;
  if (parse(w, &row->in, canon) != DKCPR_OK) return;
  if (convert(w, written, row->in.digits) != DKCPR_OK) return;
  row->known = parse(w, &row->out, written) == DKCPR_OK;
}

int dkcpr__rows_candidate(dkcpr_struct_washer *w, char canon[10], const char *raw,
                          size_t raw_len) {
  size_t lead, trail, clen = trim(raw, raw_len, &lead, &trail);
  char chars[11], sep;
  shape sh;
  if (w->set.mode != DKCPR_WASH_PSEUDONYM && w->set.mode != DKCPR_WASH_REVEAL) return 0;
  clen -= zero_fraction(raw + lead, clen);
  if (!canonical(chars, &sh, &sep, raw + lead, clen, 1, 0)) return 0;
  /* Not parsed here: the batch call parses it with the same options, and
   * fails where dkcpr__value_row would stop. */
  memcpy(canon, chars, 10);
  return 1;
}

void dkcpr__rows_convert(dkcpr_struct_washer *w, dkcpr__rows_batch *b) {
  const char *in[DKCPR__ROWS_BATCH];
  size_t in_len[DKCPR__ROWS_BATCH], out_len[DKCPR__ROWS_BATCH], idx[DKCPR__ROWS_BATCH];
  char out[DKCPR__ROWS_BATCH][11];
  dkcpr_status st[DKCPR__ROWS_BATCH];
  size_t i, m = 0;
  for (i = 0; i < b->n; i++) {
    b->ok[i] = 0;
    if (!b->has[i]) continue;
    in[m] = b->in[i];
    in_len[m] = 10;
    idx[m++] = i;
  }
  if (m == 0) return;
  /* The statuses say which failed; the return value adds nothing. */
  if (w->set.mode == DKCPR_WASH_REVEAL)
    (void)dkcpr_reveal_many(&out[0][0], sizeof out[0], out_len, st, w->p, in, in_len, m,
                            &w->set.parse);
  else
    (void)dkcpr_pseudonymize_many(&out[0][0], sizeof out[0], out_len, st, w->p, in, in_len, m,
                                  &w->set.parse);
  /* As convert: a number whose result is not ten characters is none. */
  for (i = 0; i < m; i++) {
    if (st[i] != DKCPR_OK || out_len[i] != 10) continue;
    memcpy(b->out[idx[i]], out[i], 11);
    b->ok[idx[i]] = 1;
  }
  OPENSSL_cleanse(out, sizeof out);
}

void dkcpr__rows_ready(dkcpr_struct_washer *w, const dkcpr__rows_batch *b, size_t i) {
  if (i >= b->n || !b->ok[i]) return;
  memcpy(w->conv_in, b->in[i], 10);
  memcpy(w->conv_out, b->out[i], 11);
  w->conv_valid = 1;
}

dkcpr__rule_out dkcpr__value_rule(dkcpr_struct_washer *w, const dkcpr__rule *rule,
                                  const dkcpr__row *row, const char *value,
                                  size_t len, int over, char *out, size_t *out_len) {
  char expect[DKCPR__COMPANION_MAX];
  size_t n = 0, e;
  *out_len = 0;
  w->counts.rule_values++;
  if (rule->action == DKCPR__RULE_EMPTY) {
    w->counts.rule_irreversible++;
    return DKCPR__RULE_OUT_EMPTY;
  }
  if (rule->action == DKCPR__RULE_REDACT) {
    w->counts.rule_irreversible++;
    *out_len = w->set.placeholder_len;
    if (*out_len > 0) memcpy(out, w->set.placeholder, *out_len);
    return DKCPR__RULE_OUT_TEXT;
  }
  if (DKCPR__RULE_ONE_WAY(rule->action)) {
    /* Lookalikes: no key (mask, redact) gives none; first names need the
     * sex of the row's number. */
    int needs_row = DKCPR__RULE_NEEDS_ROW(rule->action);
    w->counts.rule_irreversible++;
    if (!needs_row || (row != NULL && row->known))
      *out_len = dkcpr__lookalike(out, rule, &w->rules.look, w->p, value, len,
                                  needs_row ? (int)row->out.sex : 0);
    if (*out_len > 0) return DKCPR__RULE_OUT_TEXT;
    w->counts.rule_unusable++;
    return DKCPR__RULE_OUT_NONE;
  }
  if (row != NULL && row->known) n = dkcpr__companion(out, rule, &row->out);
  if (n == 0) {
    w->counts.rule_unusable++;
    w->counts.rule_irreversible++;
    return DKCPR__RULE_OUT_NONE;
  }
  /* Reveal writes the companion of the number it gives back: the same
   * bytes only when the value agreed with its row. */
  if (w->set.mode == DKCPR_WASH_PSEUDONYM) {
    e = dkcpr__companion(expect, rule, &row->in);
    if (over || e != len || memcmp(expect, value, len) != 0) w->counts.rule_irreversible++;
  }
  *out_len = n;
  return DKCPR__RULE_OUT_TEXT;
}
