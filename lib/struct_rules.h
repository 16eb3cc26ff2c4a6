/* SPDX-License-Identifier: Apache-2.0 */
/* Rules for structured washing, read from YAML: what each named field
 * holds and how it is rewritten, companions derived from the row's CPR
 * number included (docs/rules.md). */
#ifndef DKCPR_STRUCT_RULES_H
#define DKCPR_STRUCT_RULES_H

#include <stddef.h>

#include "dkcpr.h"
#include "struct_fields.h"
#include "struct_layout.h"

typedef enum dkcpr__rule_action {
  DKCPR__RULE_NONE = 0,   /* no rule: the field is washed as the format says */
  DKCPR__RULE_CPR,        /* the field holds CPR numbers */
  DKCPR__RULE_REDACT,     /* the value becomes the placeholder */
  DKCPR__RULE_EMPTY,      /* the value becomes empty */
  DKCPR__RULE_EMAIL,      /* keyed lookalikes: an address in a reserved domain */
  DKCPR__RULE_PHONE,      /* the same digits' layout, other digits */
  DKCPR__RULE_LAST_NAME,  /* a common surname */
  DKCPR__RULE_BIRTH_DATE, /* companions (from here on): from the row's CPR number */
  DKCPR__RULE_BIRTH_YEAR,
  DKCPR__RULE_AGE,
  DKCPR__RULE_SEX,
  DKCPR__RULE_FIRST_NAME, /* a common first name of the row's sex */
  DKCPR__RULE_FULL_NAME   /* the same, then a surname */
} dkcpr__rule_action;

/* Actions whose values reveal cannot give back: it leaves them alone. */
#define DKCPR__RULE_ONE_WAY(a) ((a) < DKCPR__RULE_BIRTH_DATE || (a) > DKCPR__RULE_SEX)
/* Actions that need the row's CPR number. */
#define DKCPR__RULE_NEEDS_ROW(a) ((a) >= DKCPR__RULE_BIRTH_DATE)

/* Longest date pattern, and longest word of a sex vocabulary. */
#define DKCPR__RULE_PATTERN_MAX 64
#define DKCPR__RULE_WORD_MAX 32
/* A companion's longest written value. */
#define DKCPR__COMPANION_MAX 40

/* A qualified rule's most parents (patient.cpr: one; public.patient.cpr: two). */
#define DKCPR__RULE_PARENTS_MAX 8
/* The longest field name kept as written, for messages. */
#define DKCPR__RULE_TEXT_MAX 255

typedef struct dkcpr__rule {
  char name[DKCPR__FIELD_NAME_MAX]; /* its last part, normalised as CPR field names are */
  size_t name_len;
  /* A qualified name (table.column, parent.key, Parent.Element): the parts
   * before the last, normalised, outer first, each at parent + part_at[i]. */
  size_t parents;
  char parent[DKCPR__FIELD_NAME_MAX + DKCPR__RULE_PARENTS_MAX];
  unsigned char part_at[DKCPR__RULE_PARENTS_MAX], part_len[DKCPR__RULE_PARENTS_MAX];
  char whole[DKCPR__FIELD_NAME_MAX]; /* all of it normalised: a field named with dots */
  size_t whole_len;
  char text[DKCPR__RULE_TEXT_MAX + 1]; /* as the rules file writes it (cut at 255 bytes) */
  uint64_t line;                       /* its line in the rules file */
  dkcpr__rule_action action;
  char pattern[DKCPR__RULE_PATTERN_MAX + 1]; /* birth_date, birth_year; email: the domain */
  int ref_year, ref_month, ref_day;           /* age */
  char male[DKCPR__RULE_WORD_MAX + 1], female[DKCPR__RULE_WORD_MAX + 1]; /* sex */
} dkcpr__rule;

/* The keyed MAC of lookalikes (lookalike.c). */
typedef struct dkcpr__lookalike_key dkcpr__lookalike_key;
/* Free it, wiping the key; NULL is a no-op. */
void dkcpr__lookalike_key_free(dkcpr__lookalike_key *k);

struct dkcpr_rules {
  dkcpr__rule *rule;
  size_t n;
  /* A washer's copy only: its lookalikes' key, made on first use (one
   * thread at a time, as the washer), freed with the copy. */
  dkcpr__lookalike_key *look;
  /* A washer's copy only: 1 for each rule that named a field of its input. */
  unsigned char *matched;
  dkcpr__layout layout; /* fixed-width records; none when layout.n is 0 */
};

/* Where a field sits: the names of what holds it (an SQL table and its
 * schema, the keys of the JSON objects or the XML elements around it),
 * normalised, outer first. A name of length 0 is passed over (an array's
 * item); cut: the outermost names are not known (nesting too deep). */
typedef struct dkcpr__path_name {
  char s[DKCPR__FIELD_NAME_MAX];
  size_t n;
} dkcpr__path_name;

typedef struct dkcpr__path {
  const dkcpr__path_name *name;
  size_t n;
  int cut;
} dkcpr__path;

/* The rule for a field name (normalised), or NULL: the qualified rule
 * whose parents are the innermost names of path with the most parents,
 * else the plain one. dotted: the field's own name has a dot between
 * names (a CSV header "pt.navn"): a qualified rule written as it is
 * matches it too. */
const dkcpr__rule *dkcpr__rules_find(const dkcpr_rules *r, const dkcpr__path *path,
                                     const char *name, size_t len, int dotted);
/* The keyed lookalike of an e-mail address, a phone number or a name, into
 * out (DKCPR__VALUE_HOLD + DKCPR__RULE_PATTERN_MAX + 16 bytes); 0 on
 * failure. key: the key made from p's token key (*key made on first use).
 * sex: the row's (DKCPR_SEX_FEMALE or _MALE) for first names. */
size_t dkcpr__lookalike(char *out, const dkcpr__rule *rule, dkcpr__lookalike_key **key,
                        const dkcpr_pseudonymizer *p, const char *value, size_t len, int sex);

/* 1 when some rule derives or rewrites a value (anything but cpr), or
 * there is a layout (whose fields are rewritten in place). */
int dkcpr__rules_rewrite(const dkcpr_rules *r);
/* A deep copy into dst; DKCPR_E_NOMEM. */
dkcpr_status dkcpr__rules_copy(dkcpr_rules *dst, const dkcpr_rules *src);
void dkcpr__rules_clear(dkcpr_rules *r);

/* Rows held whole for their companions: the CPR numbers of many rows are
 * converted in one call (dkcpr_pseudonymize_many pipelines them), then each
 * row, washed in turn, finds its number converted (struct_value.c). */
#define DKCPR__ROWS_BATCH 256

typedef struct dkcpr__rows_batch {
  size_t n;                          /* rows in the batch */
  int has[DKCPR__ROWS_BATCH];        /* the row has a number to convert */
  char in[DKCPR__ROWS_BATCH][10];    /* its canonical characters */
  char out[DKCPR__ROWS_BATCH][11];   /* what they became, NUL-terminated */
  int ok[DKCPR__ROWS_BATCH];         /* converted */
} dkcpr__rows_batch;

/* 1 when a value of a CPR field (raw, spaces around it included) has the
 * shape of a number dkcpr__value_row converts, its ten characters in canon. */
int dkcpr__rows_candidate(dkcpr_struct_washer *w, char canon[10], const char *raw,
                          size_t raw_len);
/* Convert the batch's numbers (those with has set). */
void dkcpr__rows_convert(dkcpr_struct_washer *w, dkcpr__rows_batch *b);
/* Row i is washed next: its number, converted, is the one convert finds. */
void dkcpr__rows_ready(dkcpr_struct_washer *w, const dkcpr__rows_batch *b, size_t i);

/* A companion's value for the parsed CPR number cpr,
 * written into out (at least DKCPR__COMPANION_MAX bytes); 0 when cpr has
 * no such value (an age before birth). */
size_t dkcpr__companion(char *out, const dkcpr__rule *rule, const dkcpr_cpr *cpr);

#endif /* DKCPR_STRUCT_RULES_H */
