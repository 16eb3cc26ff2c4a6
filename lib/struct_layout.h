/* SPDX-License-Identifier: Apache-2.0 */
/* The layout of fixed-width records, read from a rules file's `layout:`
 * (docs/rules.md): where a record's type sits, and per type where each
 * named field sits. CPR-register extracts are such records: a record type,
 * then the PNR and other numbers inside one long run of digits, where no
 * scanner can see where a number starts. */
#ifndef DKCPR_STRUCT_LAYOUT_H
#define DKCPR_STRUCT_LAYOUT_H

#include <stddef.h>

#include <yaml.h>

#include "dkcpr.h"
#include "struct_fields.h"

#define DKCPR__LAYOUT_TYPE_MAX 16
/* The widest field: a value is held whole. */
#define DKCPR__LAYOUT_FIELD_MAX 64

typedef struct dkcpr__layout_field {
  char name[DKCPR__FIELD_NAME_MAX + 1]; /* as the layout writes it */
  size_t name_len;
  size_t start, length; /* 0-based byte offset in the record, bytes */
} dkcpr__layout_field;

typedef struct dkcpr__layout_record {
  char type[DKCPR__LAYOUT_TYPE_MAX]; /* the type's bytes; "*": any other */
  size_t type_len;
  dkcpr__layout_field *field; /* by start, none overlapping */
  size_t n;
} dkcpr__layout_record;

typedef struct dkcpr__layout {
  size_t type_start, type_length; /* type_length 0: one layout for all */
  dkcpr__layout_record *record;
  size_t n;
} dkcpr__layout;

/* Read `layout:`'s value; on an error, *where and *why say what is wrong. */
dkcpr_status dkcpr__layout_read(dkcpr__layout *out, yaml_document_t *doc, yaml_node_t *node,
                                const yaml_mark_t **where, const char **why);
/* The layout of a record (its bytes), or NULL. */
const dkcpr__layout_record *dkcpr__layout_find(const dkcpr__layout *l, const char *rec,
                                               size_t len);
dkcpr_status dkcpr__layout_copy(dkcpr__layout *dst, const dkcpr__layout *src);
void dkcpr__layout_clear(dkcpr__layout *l);

#endif /* DKCPR_STRUCT_LAYOUT_H */
