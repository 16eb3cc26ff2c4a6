/* SPDX-License-Identifier: Apache-2.0 */
/* The structured washer's state, shared by its parsers (struct_csv.c,
 * struct_json.c, struct_sql.c, struct_hl7.c, struct_xml.c), its value rewriting (struct_value.c) and its API
 * (struct_washer.c). */
#ifndef DKCPR_STRUCT_WASHER_H
#define DKCPR_STRUCT_WASHER_H

#include "dkcpr.h"
#include "struct_fields.h"
#include "struct_rules.h"
#include "struct_text.h"

/* The longest field value that may be a CPR number with the spaces around
 * it; a longer one is washed as text without being held. */
#define DKCPR__VALUE_HOLD 64
/* The longest rewritten value: a token or the placeholder, quoted, with the
 * spaces of a held value. */
#define DKCPR__VALUE_MAX (DKCPR_PLACEHOLDER_MAX_BYTES * 6 + DKCPR__VALUE_HOLD + 16)

/* How a value is typed where it sits. */
typedef enum dkcpr__value_type {
  DKCPR__VALUE_TEXT = 0,   /* a string: written as it came */
  DKCPR__VALUE_INTEGER = 1 /* a number: stays a number without leading zero */
} dkcpr__value_type;

/* The CPR number of the row being washed, for its companions: the one the
 * input holds and the one the output writes. */
typedef struct dkcpr__row {
  int known;
  dkcpr_cpr in, out;
} dkcpr__row;

typedef struct dkcpr__csv_state dkcpr__csv_state;
typedef struct dkcpr__json_state dkcpr__json_state;
typedef struct dkcpr__sql_state dkcpr__sql_state;
typedef struct dkcpr__hl7_state dkcpr__hl7_state;
typedef struct dkcpr__fixed_state dkcpr__fixed_state;
typedef struct dkcpr__xml_state dkcpr__xml_state;

struct dkcpr_struct_washer {
  dkcpr_data_format format;
  const dkcpr_pseudonymizer *p;
  dkcpr__wash_settings set;
  dkcpr_wash_mode fallback;
  size_t value_max;             /* the longest rewritten value with these options */
  dkcpr__text_path text;
  dkcpr__field_names names;     /* the caller's extra CPR field names */
  dkcpr_rules rules;            /* the caller's rules, copied */
  dkcpr_struct_counts counts;
  uint64_t found[4][3], replaced[4][3]; /* values rewritten here, [kind][confidence - 1] */
  uint64_t failed, irreversible;
  /* the last number converted and what it became (wiped on free) */
  int conv_valid;
  char conv_in[10], conv_out[11];
  /* the last numbers parsed (a row's number and its pseudonym are parsed
   * for companions, then again where written; wiped on free) */
  struct {
    int valid;
    dkcpr_status st;
    char canon[10];
    dkcpr_cpr cpr;
  } parsed[2];
  unsigned parsed_next;
  uint64_t bytes_in, bytes_out;
  uint64_t origin;              /* stream offset of the first byte fed (after a prime) */
  uint64_t primed;              /* bytes given to dkcpr_struct_washer_prime */
  int fed;
  int finished;
  /* position of the stream's next byte, for error messages */
  uint64_t line, column;
  dkcpr_struct_error err;
  int has_err;
  dkcpr__csv_state *csv;
  dkcpr__json_state *json;
  dkcpr__sql_state *sql;
  dkcpr__hl7_state *hl7;
  dkcpr__fixed_state *fixed;
  dkcpr__xml_state *xml;
};

/* The rule for a field name (raw, as the input writes it) where path says
 * it sits (NULL: nowhere, as in CSV), or NULL. A rule found is marked as
 * having matched (dkcpr_struct_washer_rule_matched). */
const dkcpr__rule *dkcpr__struct_rule_in(const dkcpr_struct_washer *w, const dkcpr__path *path,
                                         const char *name, size_t len);
/* The rule that rewrites a field's values, or NULL (no rule, a cpr rule,
 * or in reveal a value the wash redacted or emptied, left as it is). */
const dkcpr__rule *dkcpr__struct_rewrite_rule_in(const dkcpr_struct_washer *w,
                                                 const dkcpr__path *path, const char *name,
                                                 size_t len);
/* 1 when a field name means CPR: by a rule, else built in or named by the caller. */
int dkcpr__struct_field_cpr_in(const dkcpr_struct_washer *w, const dkcpr__path *path,
                               const char *name, size_t len);
/* The same for a field that sits nowhere (CSV, HL7, fixed-width). */
#define dkcpr__struct_rule(w, name, len) dkcpr__struct_rule_in((w), NULL, (name), (len))
#define dkcpr__struct_rewrite_rule(w, name, len) \
  dkcpr__struct_rewrite_rule_in((w), NULL, (name), (len))
#define dkcpr__struct_field_cpr(w, name, len) \
  dkcpr__struct_field_cpr_in((w), NULL, (name), (len))
/* 1 when some rule is qualified (table.column): paths are worth keeping. */
int dkcpr__struct_rules_qualified(const dkcpr_struct_washer *w);

/* What dkcpr__value_replace did with a value. */
typedef enum dkcpr__value_outcome {
  DKCPR__VALUE_REPLACED, /* a CPR number: its replacement is in repl */
  DKCPR__VALUE_LEFT,     /* a CPR number no pseudonym stands for (reveal): as it is */
  DKCPR__VALUE_NOT_CPR   /* no CPR number: text */
} dkcpr__value_outcome;

/* As dkcpr__value_wash, the replacement (spaces around it kept) into repl
 * (DKCPR__VALUE_MAX bytes) instead of the text path, counted alike. */
dkcpr__value_outcome dkcpr__value_replace(dkcpr_struct_washer *w, const char *raw,
                                          size_t raw_len, dkcpr__value_type type,
                                          int cpr_field, char quote, char *repl,
                                          size_t *repl_len);

/* Rewrite one held field value (raw bytes, spaces around it included) into
 * the text path: as its pseudonym (or mask, token, placeholder) when it is a
 * CPR number, else as text. cpr_field: the field means CPR (any written
 * form, nine digits included); otherwise only ten-digit numbers of an
 * integer value are taken (text would rewrite them with a leading zero).
 * quote: the character that makes a string where a number cannot stay a
 * number (mask, token, placeholder), or 0. */
dkcpr_status dkcpr__value_wash(dkcpr_struct_washer *w, const char *raw,
                               size_t raw_len, dkcpr__value_type type,
                               int cpr_field, char quote);

/* s quoted as a string of the format into out (at most 6n + 2 bytes):
 * JSON's backslash escapes when quote is '"', SQL's doubled quotes when it
 * is '\'', as it is when quote is 0. */
size_t dkcpr__value_quoted(char *out, const char *s, size_t n, char quote);

/* The value between the quotes of held[0..n) (held[0] is the opening
 * quote; two quotes stand for one) into out; its length. */
size_t dkcpr__value_unquote(char *out, const char *held, size_t n, char quote);

/* The row's CPR number from a value of its CPR field (raw, spaces around
 * it included): row->known stays 0 when the value is none, or when the
 * mode writes no CPR number for it. */
void dkcpr__value_row(dkcpr_struct_washer *w, dkcpr__row *row,
                      const char *raw, size_t raw_len);

/* What replaces a value of a field with a rewriting rule. */
typedef enum dkcpr__rule_out {
  DKCPR__RULE_OUT_TEXT,  /* the text written into out */
  DKCPR__RULE_OUT_EMPTY, /* nothing (SQL: NULL) */
  DKCPR__RULE_OUT_NONE   /* a companion with no number to follow (CSV: the
                            placeholder, SQL: NULL) */
} dkcpr__rule_out;

/* The value of a field with a rewriting rule (value: as the field holds
 * it, without quotes; over: it was too long to hold whole), counted; text
 * into out (DKCPR__VALUE_MAX bytes), its length in *out_len. row: NULL or
 * the row's CPR number. */
dkcpr__rule_out dkcpr__value_rule(dkcpr_struct_washer *w, const dkcpr__rule *rule,
                                  const dkcpr__row *row, const char *value,
                                  size_t len, int over, char *out, size_t *out_len);

/* Record a syntax error at stream offset `at`, the position counted from
 * the chunk `buf` (which starts at stream offset `base`). */
dkcpr_status dkcpr__struct_syntax(dkcpr_struct_washer *w, const char *buf,
                                  uint64_t base, uint64_t at, const char *msg);

/* Line and column after the bytes s[0..n) from line, column. */
void dkcpr__struct_advance(uint64_t *line, uint64_t *column, const char *s, size_t n);

/* Record a syntax error at a known position before the current chunk. */
dkcpr_status dkcpr__struct_syntax_at(dkcpr_struct_washer *w, uint64_t at,
                                     uint64_t line, uint64_t column,
                                     const char *msg);

/* 1 when the parser stands where a part of the stream may start: between
 * records after CSV's header, between JSON Lines values, after an item of a
 * top-level JSON array, at the start of a line of COPY data (see
 * dkcpr_struct_washer_prime). */
int dkcpr__csv_boundary(const dkcpr_struct_washer *w);
int dkcpr__json_boundary(const dkcpr_struct_washer *w);
int dkcpr__sql_boundary(const dkcpr_struct_washer *w);

/* Parsers: consume a chunk (n == 0 with finish at the end) into the text path. */
dkcpr_status dkcpr__csv_new(dkcpr_struct_washer *w);
void dkcpr__csv_free(dkcpr_struct_washer *w);
dkcpr_status dkcpr__csv_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                             int finish);
/* Bytes of the first record held back to choose the delimiter. */
size_t dkcpr__csv_held(const dkcpr_struct_washer *w);
dkcpr_status dkcpr__json_new(dkcpr_struct_washer *w);
void dkcpr__json_free(dkcpr_struct_washer *w);
dkcpr_status dkcpr__json_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                              int finish);
/* Bytes held back: a value, a row. */
size_t dkcpr__json_held(const dkcpr_struct_washer *w);
dkcpr_status dkcpr__sql_new(dkcpr_struct_washer *w);
void dkcpr__sql_free(dkcpr_struct_washer *w);
dkcpr_status dkcpr__sql_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                             int finish);
dkcpr_status dkcpr__hl7_new(dkcpr_struct_washer *w);
void dkcpr__hl7_free(dkcpr_struct_washer *w);
dkcpr_status dkcpr__hl7_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                             int finish);
/* Bytes of the segment held back until its end. */
size_t dkcpr__hl7_held(const dkcpr_struct_washer *w);
dkcpr_status dkcpr__fixed_new(dkcpr_struct_washer *w);
void dkcpr__fixed_free(dkcpr_struct_washer *w);
dkcpr_status dkcpr__fixed_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                               int finish);
/* Bytes of the record held back until its end. */
size_t dkcpr__fixed_held(const dkcpr_struct_washer *w);
dkcpr_status dkcpr__xml_new(dkcpr_struct_washer *w);
void dkcpr__xml_free(dkcpr_struct_washer *w);
dkcpr_status dkcpr__xml_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                             int finish);
/* Bytes held back: a tag, a value, a row. */
size_t dkcpr__xml_held(const dkcpr_struct_washer *w);

#endif /* DKCPR_STRUCT_WASHER_H */
