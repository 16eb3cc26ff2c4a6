/* SPDX-License-Identifier: Apache-2.0 */
/* Washing an input by its structure (CSV, TSV, JSON, JSON Lines) with the
 * library's structured washer, and choosing the structure. */
#ifndef DKCPR_CLI_WASH_STRUCT_H
#define DKCPR_CLI_WASH_STRUCT_H

#include "wash_stream.h"

/* What --format says of every input. */
typedef struct struct_choice {
  int is_auto;                /* guess per input, plain text when unsure */
  dkcpr_data_format format;   /* when not auto */
  const char *cpr_fields;     /* --cpr-field names, comma-separated; NULL for none */
  const dkcpr_rules *rules;   /* --rules; NULL for none */
  unsigned char *matched;     /* per rule of --rules: 1 when it named a field of some input */
} struct_choice;

/* "auto" or a format's name: 0, or -1 when unknown. */
int format_parse(const char *name, int *is_auto, dkcpr_data_format *out);

/* Wash src by its structure (text when the choice comes to that). With
 * --format=auto, an input whose first part does not parse is washed as
 * text, and said; otherwise a parse error is exit 3 naming the input, line
 * and column. *used (may be NULL) gets the format used. Returns 0 or an
 * exit code after a message. */
int wash_structured(wash_stream *x, cli_input *src, const char *path,
                    const struct_choice *choice, dkcpr_data_format *used);

/* Say that an input does not parse as f: an error, or with fallback a note
 * that it is washed as text. */
void struct_syntax_message(const wash_stream *x, const dkcpr_struct_error *e,
                           dkcpr_data_format f, int fallback);

#endif /* DKCPR_CLI_WASH_STRUCT_H */
