/* SPDX-License-Identifier: Apache-2.0 */
/* Which field names mean a CPR number. */
#ifndef DKCPR_STRUCT_FIELDS_H
#define DKCPR_STRUCT_FIELDS_H

#include <stddef.h>

#include "dkcpr.h"

/* The longest field name compared; longer names never match. */
#define DKCPR__FIELD_NAME_MAX 128

/* The caller's extra names, normalised, NUL-separated. */
typedef struct dkcpr__field_names {
  char *list;
  size_t len;
} dkcpr__field_names;

dkcpr_status dkcpr__field_names_set(dkcpr__field_names *n, const char *csv,
                                    size_t len);
void dkcpr__field_names_free(dkcpr__field_names *n);

/* The name in lower case without '_', '-', '.', ' ' and ':' (a '.' between
 * digits stays), into out
 * (DKCPR__FIELD_NAME_MAX bytes); 0 when too long. */
size_t dkcpr__field_normalise(char *out, const char *name, size_t len);

/* 1 when the name has a '.' that normalising drops (not between digits). */
int dkcpr__field_dotted(const char *name, size_t len);

/* 1 when name means CPR: built in, or one of extra's (NULL: none). */
int dkcpr__field_is_cpr(const dkcpr__field_names *extra, const char *name,
                        size_t len);

#endif /* DKCPR_STRUCT_FIELDS_H */
