/* SPDX-License-Identifier: Apache-2.0 */
/* The structured washer's API: options, the handle, feed and finish, counts
 * and the position of a syntax error. The parsers write into the text path,
 * which is flushed into the caller's buffer at the end of every call. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "struct_washer.h"
#include "versioned.h"

/* Size of each version of the structs (see versioned.h). */
static const size_t options_sizes[] = {
    offsetof(dkcpr_struct_options, rules), sizeof(dkcpr_struct_options)};
static const size_t counts_sizes[] = {offsetof(dkcpr_struct_counts, rule_values),
                                      offsetof(dkcpr_struct_counts, rule_unmatched),
                                      sizeof(dkcpr_struct_counts)};
#define OPTIONS_VERSIONS 2u
#define COUNTS_VERSIONS 3u

const char *dkcpr_data_format_name(dkcpr_data_format f) {
  switch (f) {
  case DKCPR_DATA_TEXT: return "text";
  case DKCPR_DATA_CSV: return "csv";
  case DKCPR_DATA_TSV: return "tsv";
  case DKCPR_DATA_JSON: return "json";
  case DKCPR_DATA_JSONL: return "jsonl";
  case DKCPR_DATA_SQL: return "sql";
  case DKCPR_DATA_HL7: return "hl7";
  case DKCPR_DATA_FIXED: return "fixed";
  case DKCPR_DATA_XML: return "xml";
  }
  return "unknown";
}

dkcpr_status dkcpr_struct_options_init(dkcpr_struct_options *opts,
                                       unsigned int version) {
  dkcpr_struct_options d;
  if (opts == NULL) return DKCPR_E_NULL;
  memset(&d, 0, sizeof d);
  d.format = DKCPR_DATA_TEXT;
  return dkcpr__versioned_write(opts, &d, options_sizes, OPTIONS_VERSIONS, version);
}

const dkcpr__rule *dkcpr__struct_rule_in(const dkcpr_struct_washer *w, const dkcpr__path *path,
                                         const char *name, size_t len) {
  char norm[DKCPR__FIELD_NAME_MAX];
  const dkcpr__rule *r;
  size_t n;
  if (w->rules.n == 0) return NULL;
  n = dkcpr__field_normalise(norm, name, len);
  r = n ? dkcpr__rules_find(&w->rules, path, norm, n, dkcpr__field_dotted(name, len)) : NULL;
  if (r != NULL) w->rules.matched[r - w->rules.rule] = 1;
  return r;
}

int dkcpr__struct_rules_qualified(const dkcpr_struct_washer *w) {
  size_t i;
  for (i = 0; i < w->rules.n; i++)
    if (w->rules.rule[i].parents > 0) return 1;
  return 0;
}

const dkcpr__rule *dkcpr__struct_rewrite_rule_in(const dkcpr_struct_washer *w,
                                                 const dkcpr__path *path, const char *name,
                                                 size_t len) {
  const dkcpr__rule *r = dkcpr__struct_rule_in(w, path, name, len);
  if (r == NULL || r->action == DKCPR__RULE_CPR) return NULL;
  if (w->set.mode == DKCPR_WASH_REVEAL && DKCPR__RULE_ONE_WAY(r->action))
    return NULL; /* one-way: left as the wash wrote it */
  return r;
}

int dkcpr__struct_field_cpr_in(const dkcpr_struct_washer *w, const dkcpr__path *path,
                               const char *name, size_t len) {
  const dkcpr__rule *r = dkcpr__struct_rule_in(w, path, name, len);
  if (r != NULL) return r->action == DKCPR__RULE_CPR;
  return dkcpr__field_is_cpr(&w->names, name, len);
}

static size_t max_of(size_t a, size_t b) { return a > b ? a : b; }

dkcpr_status dkcpr_struct_washer_new(dkcpr_struct_washer **out,
                                     const dkcpr_pseudonymizer *p,
                                     const dkcpr_scan_options *scan,
                                     const dkcpr_wash_options *wash,
                                     const dkcpr_struct_options *opts) {
  dkcpr_struct_options o;
  dkcpr_struct_washer *w;
  dkcpr_status st;
  if (out == NULL) return DKCPR_E_NULL;
  *out = NULL;
  dkcpr_struct_options_init(&o, DKCPR_STRUCT_OPTIONS_VERSION);
  if (opts != NULL && dkcpr__versioned_read(&o, opts, options_sizes, OPTIONS_VERSIONS) != DKCPR_OK)
    return DKCPR_E_ARG;
  opts = &o;
  if ((unsigned)opts->format > DKCPR_DATA_FIXED) return DKCPR_E_ARG;
  if (opts->cpr_fields == NULL && opts->cpr_fields_len > 0) return DKCPR_E_NULL;
  /* Rules that rewrite values need fields: text has none. */
  if (dkcpr__rules_rewrite(opts->rules) && opts->format == DKCPR_DATA_TEXT) return DKCPR_E_ARG;
  w = calloc(1, sizeof *w);
  if (w == NULL) return DKCPR_E_NOMEM;
  w->format = opts->format;
  w->p = p;
  w->line = w->column = 1;
  st = dkcpr__text_new(&w->text, &w->set, p, scan, wash);
  w->fallback = w->set.fallback;
  if (st == DKCPR_OK &&
      (w->set.placeholder_len > 0 &&
       memchr(w->set.placeholder, 0xFF, w->set.placeholder_len) != NULL))
    st = DKCPR_E_ARG; /* 0xFF marks values on the text path */
  if (st == DKCPR_OK)
    st = dkcpr__field_names_set(&w->names, opts->cpr_fields,
                                opts->cpr_fields_len);
  if (st == DKCPR_OK) st = dkcpr__rules_copy(&w->rules, opts->rules);
  if (st == DKCPR_OK && (w->format == DKCPR_DATA_CSV || w->format == DKCPR_DATA_TSV))
    st = dkcpr__csv_new(w);
  if (st == DKCPR_OK && (w->format == DKCPR_DATA_JSON || w->format == DKCPR_DATA_JSONL))
    st = dkcpr__json_new(w);
  if (st == DKCPR_OK && w->format == DKCPR_DATA_SQL) st = dkcpr__sql_new(w);
  if (st == DKCPR_OK && w->format == DKCPR_DATA_HL7) st = dkcpr__hl7_new(w);
  if (st == DKCPR_OK && w->format == DKCPR_DATA_FIXED) st = dkcpr__fixed_new(w);
  if (st == DKCPR_OK && w->format == DKCPR_DATA_XML) st = dkcpr__xml_new(w);
  /* A layout is read only by fixed: elsewhere its CPR fields would be missed. */
  if (st == DKCPR_OK && w->rules.layout.n > 0 && w->format != DKCPR_DATA_FIXED) st = DKCPR_E_ARG;
  if (st != DKCPR_OK) {
    dkcpr_struct_washer_free(w);
    return st;
  }
  /* The spaces of a held value, a quoted token or placeholder (JSON
   * escapes take up to six bytes a character). */
  w->value_max = DKCPR__VALUE_HOLD + 2 +
                 max_of(16, max_of(w->set.token_chars, w->set.placeholder_len * 6));
  w->counts.version = DKCPR_STRUCT_COUNTS_VERSION;
  *out = w;
  return DKCPR_OK;
}

void dkcpr_struct_washer_free(dkcpr_struct_washer *w) {
  if (w == NULL) return;
  dkcpr__csv_free(w);
  dkcpr__json_free(w);
  dkcpr__sql_free(w);
  dkcpr__hl7_free(w);
  dkcpr__fixed_free(w);
  dkcpr__xml_free(w);
  dkcpr__text_free(&w->text);
  dkcpr__field_names_free(&w->names);
  dkcpr__rules_clear(&w->rules);
  OPENSSL_cleanse(w, sizeof *w);
  free(w);
}

size_t dkcpr_struct_washer_bound(const dkcpr_struct_washer *w, size_t in_len) {
  if (w == NULL) return 0;
  if (in_len > (SIZE_MAX >> 12)) return SIZE_MAX;
  /* What a parser may hold back from earlier calls comes out too. */
  return dkcpr__text_bound(&w->text, in_len + 2 * DKCPR__VALUE_HOLD + dkcpr__csv_held(w) + dkcpr__hl7_held(w) +
                               dkcpr__fixed_held(w) + dkcpr__xml_held(w) + dkcpr__json_held(w),
                           dkcpr__rules_rewrite(&w->rules) ? 1 : 9, w->value_max);
}

/* Line and column after the bytes s[0..n). */
void dkcpr__struct_advance(uint64_t *line, uint64_t *column, const char *s, size_t n) {
  const char *end = s + n, *nl;
  while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
    (*line)++;
    *column = 1;
    s = nl + 1;
  }
  for (; s < end; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) (*column)++;
}

dkcpr_status dkcpr__struct_syntax_at(dkcpr_struct_washer *w, uint64_t at,
                                     uint64_t line, uint64_t column,
                                     const char *msg) {
  if (!w->has_err) {
    w->err.version = DKCPR_STRUCT_ERROR_VERSION;
    w->err.offset = at;
    w->err.line = line;
    w->err.column = column;
    w->err.message = msg;
    w->has_err = 1;
  }
  return DKCPR_E_SYNTAX;
}

dkcpr_status dkcpr__struct_syntax(dkcpr_struct_washer *w, const char *buf,
                                  uint64_t base, uint64_t at, const char *msg) {
  uint64_t line = w->line, column = w->column;
  if (at > base) dkcpr__struct_advance(&line, &column, buf, (size_t)(at - base));
  return dkcpr__struct_syntax_at(w, at, line, column, msg);
}

static dkcpr_status run(char *out, size_t out_cap, size_t *out_len,
                        dkcpr_struct_washer *w, const char *in, size_t in_len,
                        int finish) {
  dkcpr_status st;
  size_t n = 0;
  if (out_len != NULL) *out_len = 0;
  if (w->finished) return DKCPR_E_STATE;
  w->fed = 1;
  if (out_cap < dkcpr_struct_washer_bound(w, in_len)) return DKCPR_E_BUFSIZE;
  switch (w->format) {
  case DKCPR_DATA_CSV:
  case DKCPR_DATA_TSV: st = dkcpr__csv_feed(w, in, in_len, finish); break;
  case DKCPR_DATA_JSON:
  case DKCPR_DATA_JSONL: st = dkcpr__json_feed(w, in, in_len, finish); break;
  case DKCPR_DATA_SQL: st = dkcpr__sql_feed(w, in, in_len, finish); break;
  case DKCPR_DATA_HL7: st = dkcpr__hl7_feed(w, in, in_len, finish); break;
  case DKCPR_DATA_FIXED: st = dkcpr__fixed_feed(w, in, in_len, finish); break;
  case DKCPR_DATA_XML: st = dkcpr__xml_feed(w, in, in_len, finish); break;
  default: st = dkcpr__text_put(&w->text, in, in_len); break;
  }
  if (st == DKCPR_OK) st = dkcpr__text_flush(&w->text, out, &n, finish);
  if (st != DKCPR_OK) {
    w->finished = 1; /* a syntax error ends the stream */
    return st;
  }
  dkcpr__struct_advance(&w->line, &w->column, in, in_len);
  w->bytes_in += in_len;
  w->bytes_out += n;
  w->finished = finish;
  if (out_len != NULL) *out_len = n;
  return DKCPR_OK;
}

dkcpr_status dkcpr_struct_washer_feed(char *out, size_t out_cap, size_t *out_len,
                                      dkcpr_struct_washer *w, const char *in,
                                      size_t in_len) {
  if (w == NULL || out == NULL || (in == NULL && in_len > 0)) return DKCPR_E_NULL;
  return run(out, out_cap, out_len, w, in_len ? in : "", in_len, 0);
}

dkcpr_status dkcpr_struct_washer_finish(char *out, size_t out_cap,
                                        size_t *out_len, dkcpr_struct_washer *w) {
  if (w == NULL || out == NULL) return DKCPR_E_NULL;
  return run(out, out_cap, out_len, w, "", 0, 1);
}

dkcpr_status dkcpr_struct_washer_stats(dkcpr_wash_stats *stats,
                                       dkcpr_struct_counts *counts,
                                       const dkcpr_struct_washer *w) {
  dkcpr_status st;
  uint64_t irr = 0;
  int k, c;
  dkcpr_struct_counts mine;
  dkcpr_wash_stats unused;
  if (w == NULL) return DKCPR_E_NULL;
  if (counts != NULL && dkcpr__versioned_size(counts_sizes, COUNTS_VERSIONS,
                                              counts->version) == 0)
    return DKCPR_E_ARG;
  /* The text washer's irreversible count goes into counts too. */
  unused.version = DKCPR_WASH_STATS_VERSION;
  st = dkcpr__text_stats(&w->text, stats != NULL ? stats : &unused, &irr);
  if (st != DKCPR_OK) return st;
  mine = w->counts;
  mine.irreversible = w->irreversible + irr;
  mine.rule_unmatched = 0;
  for (k = 0; (size_t)k < w->rules.n; k++) mine.rule_unmatched += !w->rules.matched[k];
  if (counts != NULL)
    dkcpr__versioned_write(counts, &mine, counts_sizes, COUNTS_VERSIONS, counts->version);
  if (stats == NULL) return DKCPR_OK;
  for (k = 0; k < 4; k++)
    for (c = 0; c < 3; c++) {
      stats->found[k][c] += w->found[k][c];
      stats->replaced[k][c] += w->replaced[k][c];
    }
  stats->failed += w->failed;
  stats->irreversible += w->irreversible;
  stats->bytes_in = w->bytes_in - w->origin;
  stats->bytes_out = w->bytes_out;
  return DKCPR_OK;
}

int dkcpr_struct_washer_rule_matched(const dkcpr_struct_washer *w, size_t i) {
  return w != NULL && i < w->rules.n && w->rules.matched[i];
}

dkcpr_status dkcpr_struct_washer_error(dkcpr_struct_error *out,
                                       const dkcpr_struct_washer *w) {
  if (out == NULL || w == NULL) return DKCPR_E_NULL;
  if (out->version < 1 || out->version > DKCPR_STRUCT_ERROR_VERSION)
    return DKCPR_E_ARG;
  if (!w->has_err) return DKCPR_E_STATE;
  *out = w->err;
  return DKCPR_OK;
}
