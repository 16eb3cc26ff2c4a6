/* SPDX-License-Identifier: Apache-2.0 */
/* Fixed-width layouts from a rules file (see struct_layout.h):
 *
 *   layout:
 *     type: {start: 1, length: 3}
 *     records:
 *       "001": {PNR: {start: 4, length: 10}, MORPNR: {start: 52, length: 10}}
 *       "*": {PNR: {start: 4, length: 10}}
 *
 * Positions count from 1, as record descriptions do. */
#include <stdlib.h>
#include <string.h>

#include "struct_layout.h"

/* Bounds that keep a hostile layout small. */
#define RECORDS_MAX 1024
#define FIELDS_MAX 256
#define POSITION_MAX 65536

static int key_is(const yaml_node_t *n, const char *s) {
  return n->type == YAML_SCALAR_NODE && n->data.scalar.length == strlen(s) &&
         memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

#define FAIL(node, msg)        \
  do {                         \
    *where = &(node)->start_mark; \
    *why = (msg);              \
    return DKCPR_E_SYNTAX;     \
  } while (0)

/* A whole number 1..max. */
static int whole(const yaml_node_t *n, size_t max, size_t *out) {
  size_t v = 0, i;
  if (n->type != YAML_SCALAR_NODE || n->data.scalar.length == 0 || n->data.scalar.length > 6)
    return 0;
  for (i = 0; i < n->data.scalar.length; i++) {
    unsigned char c = n->data.scalar.value[i];
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (size_t)(c - '0');
  }
  if (v < 1 || v > max) return 0;
  *out = v;
  return 1;
}

/* {start: S, length: L} */
static dkcpr_status read_span(yaml_document_t *doc, yaml_node_t *n, size_t max_length,
                              size_t *start, size_t *length, const yaml_mark_t **where,
                              const char **why) {
  yaml_node_pair_t *p;
  int have_start = 0, have_length = 0;
  static const char *const shape = "a position is {start: N, length: N}, counted from 1";
  if (n->type != YAML_MAPPING_NODE) FAIL(n, shape);
  for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(doc, p->key), *v = yaml_document_get_node(doc, p->value);
    if (key_is(k, "start") && !have_start) {
      if (!whole(v, POSITION_MAX, start)) FAIL(v, "start is a whole number from 1");
      have_start = 1;
    } else if (key_is(k, "length") && !have_length) {
      if (!whole(v, max_length, length)) FAIL(v, "length is a whole number from 1 to 64");
      have_length = 1;
    } else {
      FAIL(k, shape);
    }
  }
  if (!have_start || !have_length) FAIL(n, shape);
  (*start)--;
  return DKCPR_OK;
}

static int by_start(const void *a, const void *b) {
  const dkcpr__layout_field *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

static dkcpr_status read_record(dkcpr__layout_record *rec, size_t type_start,
                                size_t type_length, yaml_document_t *doc, yaml_node_t *n,
                                const yaml_mark_t **where, const char **why) {
  yaml_node_pair_t *p;
  size_t count, i;
  dkcpr_status st;
  if (n->type != YAML_MAPPING_NODE)
    FAIL(n, "a record's layout is a mapping of field names to positions");
  count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
  if (count == 0 || count > FIELDS_MAX) FAIL(n, "a record has 1 to 256 fields");
  rec->field = calloc(count, sizeof *rec->field);
  if (rec->field == NULL) return DKCPR_E_NOMEM;
  for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(doc, p->key), *v = yaml_document_get_node(doc, p->value);
    dkcpr__layout_field *f = &rec->field[rec->n];
    if (k->type != YAML_SCALAR_NODE || k->data.scalar.length == 0 ||
        k->data.scalar.length > DKCPR__FIELD_NAME_MAX ||
        memchr(k->data.scalar.value, 0, k->data.scalar.length) != NULL)
      FAIL(k, "a field name is a text of 1 to 128 bytes");
    memcpy(f->name, k->data.scalar.value, k->data.scalar.length);
    f->name_len = k->data.scalar.length;
    st = read_span(doc, v, DKCPR__LAYOUT_FIELD_MAX, &f->start, &f->length, where, why);
    if (st != DKCPR_OK) return st;
    rec->n++;
  }
  qsort(rec->field, rec->n, sizeof *rec->field, by_start);
  for (i = 1; i < rec->n; i++)
    if (rec->field[i].start < rec->field[i - 1].start + rec->field[i - 1].length)
      FAIL(n, "two fields of a record overlap");
  /* The type says which layout a record has: no field may change it. */
  for (i = 0; i < rec->n && type_length > 0; i++)
    if (rec->field[i].start < type_start + type_length &&
        type_start < rec->field[i].start + rec->field[i].length)
      FAIL(n, "a field overlaps the record type");
  return DKCPR_OK;
}

dkcpr_status dkcpr__layout_read(dkcpr__layout *out, yaml_document_t *doc, yaml_node_t *node,
                                const yaml_mark_t **where, const char **why) {
  yaml_node_pair_t *p;
  yaml_node_t *records = NULL;
  size_t count, j;
  dkcpr_status st;
  memset(out, 0, sizeof *out);
  if (node->type != YAML_MAPPING_NODE) FAIL(node, "layout is a mapping with records:");
  for (p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(doc, p->key), *v = yaml_document_get_node(doc, p->value);
    if (key_is(k, "type") && out->type_length == 0) {
      st = read_span(doc, v, DKCPR__LAYOUT_TYPE_MAX - 1, &out->type_start, &out->type_length,
                     where, why);
      if (st != DKCPR_OK) return st;
    } else if (key_is(k, "records") && records == NULL) {
      records = v;
    } else {
      FAIL(k, "unknown key in layout (type, records)");
    }
  }
  if (records == NULL) FAIL(node, "no records: in the layout");
  if (records->type != YAML_MAPPING_NODE)
    FAIL(records, "records is a mapping of record types to their fields");
  count = (size_t)(records->data.mapping.pairs.top - records->data.mapping.pairs.start);
  if (count == 0 || count > RECORDS_MAX) FAIL(records, "1 to 1024 record types");
  out->record = calloc(count, sizeof *out->record);
  if (out->record == NULL) return DKCPR_E_NOMEM;
  for (p = records->data.mapping.pairs.start; p < records->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(doc, p->key), *v = yaml_document_get_node(doc, p->value);
    dkcpr__layout_record *rec = &out->record[out->n];
    size_t len = k->type == YAML_SCALAR_NODE ? k->data.scalar.length : 0;
    int any = key_is(k, "*");
    if (k->type != YAML_SCALAR_NODE || (!any && len != out->type_length) ||
        (out->type_length == 0 && !any))
      FAIL(k, out->type_length ? "a record type is as long as type: says, or \"*\""
                               : "without type:, the one record layout is \"*\"");
    memcpy(rec->type, k->data.scalar.value, len);
    rec->type_len = len;
    for (j = 0; j < out->n; j++)
      if (out->record[j].type_len == len && memcmp(out->record[j].type, rec->type, len) == 0)
        FAIL(k, "a record type given twice");
    out->n++; /* counted before reading, so its fields are freed on an error */
    st = read_record(rec, out->type_start, out->type_length, doc, v, where, why);
    if (st != DKCPR_OK) return st;
  }
  return DKCPR_OK;
}

#undef FAIL

const dkcpr__layout_record *dkcpr__layout_find(const dkcpr__layout *l, const char *rec,
                                               size_t len) {
  const dkcpr__layout_record *any = NULL;
  size_t i;
  for (i = 0; i < l->n; i++) {
    const dkcpr__layout_record *r = &l->record[i];
    if (r->type_len == 1 && r->type[0] == '*') any = r;
    else if (l->type_start + l->type_length <= len &&
             memcmp(rec + l->type_start, r->type, r->type_len) == 0)
      return r;
  }
  return any;
}

void dkcpr__layout_clear(dkcpr__layout *l) {
  size_t i;
  for (i = 0; i < l->n; i++) free(l->record[i].field);
  free(l->record);
  memset(l, 0, sizeof *l);
}

dkcpr_status dkcpr__layout_copy(dkcpr__layout *dst, const dkcpr__layout *src) {
  size_t i;
  memset(dst, 0, sizeof *dst);
  if (src == NULL || src->n == 0) return DKCPR_OK;
  dst->type_start = src->type_start;
  dst->type_length = src->type_length;
  dst->record = calloc(src->n, sizeof *dst->record);
  if (dst->record == NULL) return DKCPR_E_NOMEM;
  for (i = 0; i < src->n; i++) {
    dst->record[i] = src->record[i];
    dst->record[i].field = malloc(src->record[i].n * sizeof *dst->record[i].field);
    if (dst->record[i].field == NULL) {
      dst->n = i;
      dkcpr__layout_clear(dst);
      return DKCPR_E_NOMEM;
    }
    memcpy(dst->record[i].field, src->record[i].field,
           src->record[i].n * sizeof *dst->record[i].field);
    dst->n = i + 1;
  }
  return DKCPR_OK;
}
