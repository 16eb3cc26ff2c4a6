/* SPDX-License-Identifier: Apache-2.0 */
/* The tables an SQL dump declared (see struct_sql_catalog.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "struct_sql_catalog.h"

dkcpr_status dkcpr__sql_cols_add(dkcpr__sql_cols *c, const char *name, size_t len,
                                 int cpr, int integer) {
  dkcpr__sql_col *col;
  if (c->n == DKCPR__SQL_COLS_MAX) return DKCPR_OK;
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 16;
    dkcpr__sql_col *p = realloc(c->col, cap * sizeof *p);
    if (p == NULL) return DKCPR_E_NOMEM;
    c->col = p;
    c->cap = cap;
  }
  col = &c->col[c->n++];
  if (len > DKCPR__SQL_NAME_MAX) len = DKCPR__SQL_NAME_MAX;
  memcpy(col->name, name, len);
  col->name[len] = '\0';
  col->cpr = (unsigned char)(cpr != 0);
  col->integer = (unsigned char)(integer != 0);
  col->rule = NULL;
  col->json = 0;
  return DKCPR_OK;
}

void dkcpr__sql_cols_free(dkcpr__sql_cols *c) {
  free(c->col);
  c->col = NULL;
  c->n = c->cap = 0;
}

const dkcpr__sql_col *dkcpr__sql_cols_find(const dkcpr__sql_cols *c, const char *name) {
  size_t i;
  for (i = 0; i < c->n; i++)
    if (strcasecmp(c->col[i].name, name) == 0) return &c->col[i];
  return NULL;
}

dkcpr__sql_table *dkcpr__sql_table_find(const dkcpr__sql_catalog *cat, const char *name) {
  size_t i;
  for (i = 0; i < cat->n; i++)
    if (strcasecmp(cat->t[i].name, name) == 0) return &cat->t[i];
  return NULL;
}

dkcpr__sql_table *dkcpr__sql_table_new(dkcpr__sql_catalog *cat, const char *name) {
  dkcpr__sql_table *t = dkcpr__sql_table_find(cat, name);
  if (t != NULL) {
    t->cols.n = 0;
    return t;
  }
  if (cat->n == DKCPR__SQL_TABLES_MAX) return NULL;
  if (cat->n == cat->cap) {
    size_t cap = cat->cap ? cat->cap * 2 : 16;
    dkcpr__sql_table *p = realloc(cat->t, cap * sizeof *p);
    if (p == NULL) return NULL;
    cat->t = p;
    cat->cap = cap;
  }
  t = &cat->t[cat->n++];
  memset(t, 0, sizeof *t);
  strncpy(t->name, name, DKCPR__SQL_NAME_MAX);
  return t;
}

void dkcpr__sql_catalog_free(dkcpr__sql_catalog *cat) {
  size_t i;
  for (i = 0; i < cat->n; i++) dkcpr__sql_cols_free(&cat->t[i].cols);
  free(cat->t);
  cat->t = NULL;
  cat->n = cat->cap = 0;
}
