/* SPDX-License-Identifier: Apache-2.0 */
/* The structured washer's properties, shared by one fuzz target per parser:
 * washing in random chunks gives the one-piece output (or the same syntax
 * error at the same place); a pseudonym wash is undone byte for byte by
 * reveal, which must parse the output, unless a number or a value with a
 * rule was replaced irreversibly; a mask or token wash still parses. The
 * input is washed with a rules file (companions, lookalikes, redact, empty)
 * when the option byte says so; fixed-width records always have their
 * layout, and keep their length. */
#ifndef DKCPR_FUZZ_STRUCT_H
#define DKCPR_FUZZ_STRUCT_H

#include <string.h>

#include "dkcpr.h"
#include "fuzz_common.h"

static const uint8_t fuzz_struct_key[DKCPR_KEY_BYTES] = {
    0x60, 0x3d, 0xeb, 0x10, 0x15, 0xca, 0x71, 0xbe, 0x2b, 0x73, 0xae,
    0xf0, 0x85, 0x7d, 0x77, 0x81, 0x1f, 0x35, 0x2c, 0x07, 0x3b, 0x61,
    0x08, 0xd7, 0x2d, 0x98, 0x10, 0xa3, 0x09, 0x14, 0xdf, 0xf4};

typedef struct fuzz_struct_run {
  char *out;
  size_t len;
  dkcpr_status st;
  dkcpr_struct_error err;
  dkcpr_wash_stats stats;
  dkcpr_struct_counts counts;
} fuzz_struct_run;

/* Fields b, s, y, g, r, e of the fuzzed rows (and PID fields of HL7) get
 * rules, some also qualified (b under p, s under q under p, a of table t);
 * id and a hold numbers. */
static const dkcpr_rules *fuzz_struct_rules(void) {
  static dkcpr_rules *rules;
  static const char text[] =
      "fields:\n  b: {birth_date: DD.MM.YYYY}\n  s: {sex: {male: M, female: K}}\n"
      "  y: {birth_year: YY}\n  g: {age: 2026-12-01}\n  r: redact\n  e: empty\n  id: cpr\n"
      "  m: email\n  t: phone\n  PID-7: {birth_date: YYYYMMDD}\n  PID-8: {sex: {male: M, female: F}}\n"
      "  PID-5.1: last_name\n  PID-5.2: first_name\n  PID-11: redact\n  PID-1.1: empty\n"
      "  PID-13: phone\n  NK1-2: full_name\n"
      "  p.b: {birth_date: YYYY-MM-DD}\n  p.q.s: {sex: {male: '1', female: '2'}}\n  t.a: redact\n"
      "  public.t.e: cpr\n";
  if (rules == NULL)
    FUZZ_CHECK(dkcpr_rules_parse(&rules, NULL, text, sizeof text - 1) == DKCPR_OK);
  return rules;
}

/* Fixed-width records: a layout for types 001, 002 and any other. */
static const dkcpr_rules *fuzz_fixed_rules(void) {
  static dkcpr_rules *rules;
  static const char text[] =
      "layout:\n  type: {start: 1, length: 3}\n  records:\n"
      "    \"001\": {PNR: {start: 4, length: 10}, b: {start: 14, length: 8},"
      " s: {start: 22, length: 1}, n: {start: 25, length: 20}, r: {start: 45, length: 3}}\n"
      "    \"002\": {PNR: {start: 4, length: 10}, a: {start: 14, length: 11},"
      " t: {start: 25, length: 8}, e: {start: 33, length: 2}}\n"
      "    \"*\": {id: {start: 4, length: 10}}\n"
      "fields:\n  b: {birth_date: YYYYMMDD}\n  s: {sex: {male: M, female: K}}\n"
      "  n: full_name\n  r: redact\n  t: phone\n  e: empty\n";
  if (rules == NULL)
    FUZZ_CHECK(dkcpr_rules_parse(&rules, NULL, text, sizeof text - 1) == DKCPR_OK);
  return rules;
}

static void fuzz_struct_wash(fuzz_struct_run *r, dkcpr_data_format f,
                             dkcpr_wash_mode mode, const char *in, size_t len,
                             fuzz_chunker *chunker, int with_rules) {
  const dkcpr_pseudonymizer *p = fuzz_pseudonymizer(fuzz_struct_key, DKCPR_KEEP_DEFAULT, 0);
  dkcpr_wash_options wo;
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  size_t off = 0, cap = 0, n, got;
  FUZZ_CHECK(dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION) == DKCPR_OK);
  wo.mode = mode;
  FUZZ_CHECK(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION) == DKCPR_OK);
  so.format = f;
  so.cpr_fields = "id,a";
  so.cpr_fields_len = 4;
  if (f == DKCPR_DATA_FIXED) so.rules = fuzz_fixed_rules(); /* its layout */
  else if (with_rules) so.rules = fuzz_struct_rules();
  FUZZ_CHECK(dkcpr_struct_washer_new(&w, p, NULL, &wo, &so) == DKCPR_OK);
  memset(r, 0, sizeof *r);
  r->err.version = DKCPR_STRUCT_ERROR_VERSION;
  for (;;) {
    size_t need;
    n = chunker ? fuzz_next_chunk(chunker, len - off) : len - off;
    need = dkcpr_struct_washer_bound(w, n);
    if (r->len + need + 1 > cap) {
      cap = 2 * (r->len + need + 1);
      r->out = realloc(r->out, cap);
      FUZZ_CHECK(r->out != NULL);
    }
    got = 0;
    r->st = n || off < len
                ? dkcpr_struct_washer_feed(r->out + r->len, need, &got, w, in + off, n)
                : dkcpr_struct_washer_finish(r->out + r->len, need, &got, w);
    FUZZ_CHECK(got <= need);
    if (r->st != DKCPR_OK) break;
    r->len += got;
    if (n == 0 && off == len) break;
    off += n;
  }
  FUZZ_CHECK(r->st == DKCPR_OK || r->st == DKCPR_E_SYNTAX);
  if (r->st == DKCPR_E_SYNTAX) {
    FUZZ_CHECK(dkcpr_struct_washer_error(&r->err, w) == DKCPR_OK);
    FUZZ_CHECK(r->err.offset <= len && r->err.line >= 1 && r->err.column >= 1);
  } else {
    r->stats.version = DKCPR_WASH_STATS_VERSION;
    r->counts.version = DKCPR_STRUCT_COUNTS_VERSION;
    FUZZ_CHECK(dkcpr_struct_washer_stats(&r->stats, &r->counts, w) == DKCPR_OK);
  }
  dkcpr_struct_washer_free(w);
}

static int fuzz_ascii(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) return 0;
  return 1;
}

static void fuzz_struct_one(dkcpr_data_format f, const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  fuzz_chunker ch;
  fuzz_struct_run whole, parts, back;
  unsigned b = fuzz_take_byte(&in);
  dkcpr_wash_mode mode = (b & 3u) == 1 ? DKCPR_WASH_MASK
                         : (b & 3u) == 2 ? DKCPR_WASH_TOKEN : DKCPR_WASH_PSEUDONYM;
  int rules = (b & 4u) != 0;
  /* Fixed-width values keep their width: no tokens there. */
  if (f == DKCPR_DATA_FIXED && mode == DKCPR_WASH_TOKEN) mode = DKCPR_WASH_MASK;
  const char *text = (const char *)in.data;
  ch.state = (uint32_t)fuzz_take_byte(&in) * 2654435761u + 1u;
  text = (const char *)in.data;
  fuzz_struct_wash(&whole, f, mode, text, in.size, NULL, rules);
  fuzz_struct_wash(&parts, f, mode, text, in.size, &ch, rules);
  FUZZ_CHECK(whole.st == parts.st);
  if (whole.st == DKCPR_OK) {
    FUZZ_CHECK(whole.len == parts.len && memcmp(whole.out, parts.out, whole.len) == 0);
    /* The same fields named, however the input came. */
    FUZZ_CHECK(whole.counts.rule_unmatched == parts.counts.rule_unmatched);
    /* Every width kept (outside the fields, text washing writes a number
     * in other digits or separators than ASCII's in ASCII). */
    if (f == DKCPR_DATA_FIXED && fuzz_ascii(text, in.size)) FUZZ_CHECK(whole.len == in.size);
    if (mode == DKCPR_WASH_PSEUDONYM) {
      fuzz_struct_wash(&back, f, DKCPR_WASH_REVEAL, whole.out, whole.len, NULL, rules);
      FUZZ_CHECK(back.st == DKCPR_OK);
      /* every number and rule reversible: the input again */
      if (whole.stats.failed == 0 && whole.stats.irreversible == 0 &&
          whole.counts.rule_irreversible == 0)
        FUZZ_CHECK(back.len == in.size && memcmp(back.out, text, in.size) == 0);
      free(back.out);
    } else {
      fuzz_struct_wash(&back, f, DKCPR_WASH_MASK, whole.out, whole.len, NULL, rules);
      FUZZ_CHECK(back.st == DKCPR_OK); /* still the format */
      free(back.out);
    }
  } else {
    FUZZ_CHECK(whole.err.offset == parts.err.offset && whole.err.line == parts.err.line &&
               whole.err.column == parts.err.column);
  }
  free(whole.out);
  free(parts.out);
}

#endif /* DKCPR_FUZZ_STRUCT_H */
