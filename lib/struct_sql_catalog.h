/* SPDX-License-Identifier: Apache-2.0 */
/* What an SQL dump said about its tables (CREATE TABLE): column names and
 * which are integer-typed, so COPY blocks and INSERT statements know the
 * field and the type of each value. */
#ifndef DKCPR_STRUCT_SQL_CATALOG_H
#define DKCPR_STRUCT_SQL_CATALOG_H

#include <stddef.h>

#include "dkcpr.h"

#define DKCPR__SQL_NAME_MAX 63
/* Bounds on what is remembered; a dump beyond them is still washed, its
 * further tables' types unknown (values then judged by their look). */
#define DKCPR__SQL_TABLES_MAX 4096
#define DKCPR__SQL_COLS_MAX 1024

struct dkcpr__rule;

typedef struct dkcpr__sql_col {
  char name[DKCPR__SQL_NAME_MAX + 1];
  unsigned char cpr, integer;
  unsigned char json;             /* json or jsonb: numbers in it are read as JSON's */
  const struct dkcpr__rule *rule; /* its rewriting rule, or NULL */
} dkcpr__sql_col;

typedef struct dkcpr__sql_cols {
  dkcpr__sql_col *col;
  size_t n, cap;
} dkcpr__sql_cols;

typedef struct dkcpr__sql_table {
  char name[DKCPR__SQL_NAME_MAX + 1];
  dkcpr__sql_cols cols;
} dkcpr__sql_table;

typedef struct dkcpr__sql_catalog {
  dkcpr__sql_table *t;
  size_t n, cap;
} dkcpr__sql_catalog;

/* Append a column (name truncated); DKCPR_E_NOMEM. Beyond the bound: ignored. */
dkcpr_status dkcpr__sql_cols_add(dkcpr__sql_cols *c, const char *name, size_t len,
                                 int cpr, int integer);
void dkcpr__sql_cols_free(dkcpr__sql_cols *c);
/* The column named so (any case), or NULL. */
const dkcpr__sql_col *dkcpr__sql_cols_find(const dkcpr__sql_cols *c, const char *name);

/* A new table (replacing one of the same name); NULL when out of memory or full. */
dkcpr__sql_table *dkcpr__sql_table_new(dkcpr__sql_catalog *cat, const char *name);
/* The table named so (any case), or NULL. */
dkcpr__sql_table *dkcpr__sql_table_find(const dkcpr__sql_catalog *cat, const char *name);
void dkcpr__sql_catalog_free(dkcpr__sql_catalog *cat);

#endif /* DKCPR_STRUCT_SQL_CATALOG_H */
