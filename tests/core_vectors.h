/* SPDX-License-Identifier: Apache-2.0 */
/* Reader for tests/vectors/cpr.tsv (columns documented in vectors/README.md),
 * shared by the core tests. Header-only: each test is one executable. */
#ifndef DKCPR_CORE_VECTORS_H
#define DKCPR_CORE_VECTORS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dkcpr.h"

#define CV_FIELDS 13

typedef struct cv_row {
  size_t line;
  char input[256];
  size_t input_len;
  char policy[16], flags[64], ref[16], status[32];
  char year[8], month[8], day[8], sex[4], kind[16], mod11[4], known[4];
  char note[256];
} cv_row;

/* Decode \t \n \r \\ and \xHH. Returns the byte count. */
static size_t cv_unescape(char *out, const char *in) {
  size_t n = 0;
  while (*in) {
    if (in[0] == '\\' && in[1]) {
      char c = in[1];
      in += 2;
      if (c == 't') out[n++] = '\t';
      else if (c == 'n') out[n++] = '\n';
      else if (c == 'r') out[n++] = '\r';
      else if (c == 'x') {
        char hex[3] = {in[0], in[1], 0};
        out[n++] = (char)strtoul(hex, NULL, 16);
        in += 2;
      } else out[n++] = c;
    } else {
      out[n++] = *in++;
    }
  }
  return n;
}

static void cv_copy(char *dst, size_t cap, const char *src) {
  snprintf(dst, cap, "%s", src);
}

/* Read every row; returns a malloc'd array (count in *n), NULL on failure. */
static cv_row *cv_load(const char *name, size_t *n) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", DKCPR_VECTORS_DIR, name);
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return NULL;
  size_t cap = 1024, count = 0, line_no = 0;
  cv_row *rows = calloc(cap, sizeof *rows);
  char line[2048];
  while (rows && fgets(line, sizeof line, f)) {
    line_no++;
    line[strcspn(line, "\n")] = '\0';
    if (line_no == 1)
      continue; /* header */
    char *field[CV_FIELDS];
    int k = 0;
    char *p = line;
    field[k++] = p;
    while ((p = strchr(p, '\t')) != NULL && k < CV_FIELDS) {
      *p++ = '\0';
      field[k++] = p;
    }
    if (k != CV_FIELDS) {
      fprintf(stderr, "%s:%zu: %d fields\n", name, line_no, k);
      free(rows);
      fclose(f);
      return NULL;
    }
    if (count == cap) {
      cap *= 2;
      cv_row *r = realloc(rows, cap * sizeof *rows);
      if (r == NULL) {
        free(rows);
        rows = NULL;
        break;
      }
      rows = r;
    }
    cv_row *r = &rows[count++];
    memset(r, 0, sizeof *r);
    r->line = line_no;
    r->input_len = cv_unescape(r->input, field[0]);
    cv_copy(r->policy, sizeof r->policy, field[1]);
    cv_copy(r->flags, sizeof r->flags, field[2]);
    cv_copy(r->ref, sizeof r->ref, field[3]);
    cv_copy(r->status, sizeof r->status, field[4]);
    cv_copy(r->year, sizeof r->year, field[5]);
    cv_copy(r->month, sizeof r->month, field[6]);
    cv_copy(r->day, sizeof r->day, field[7]);
    cv_copy(r->sex, sizeof r->sex, field[8]);
    cv_copy(r->kind, sizeof r->kind, field[9]);
    cv_copy(r->mod11, sizeof r->mod11, field[10]);
    cv_copy(r->known, sizeof r->known, field[11]);
    cv_copy(r->note, sizeof r->note, field[12]);
  }
  fclose(f);
  *n = count;
  return rows;
}

/* Options for a row. */
static void cv_options(dkcpr_options *o, const cv_row *r) {
  dkcpr_options_init(o, DKCPR_OPTIONS_VERSION);
  o->policy = strcmp(r->policy, "strict") == 0        ? DKCPR_POLICY_STRICT
              : strcmp(r->policy, "known-dates") == 0 ? DKCPR_POLICY_KNOWN_DATES
                                                      : DKCPR_POLICY_DEFAULT;
  o->flags = 0;
  if (strstr(r->flags, "lenient")) o->flags |= DKCPR_PARSE_LENIENT;
  if (strstr(r->flags, "replacement")) o->flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
  if (strstr(r->flags, "future")) o->flags |= DKCPR_PARSE_ALLOW_FUTURE;
  sscanf(r->ref, "%d-%d-%d", &o->ref_year, &o->ref_month, &o->ref_day);
}

/* Check one row; returns 0 if it holds, else prints why and returns 1. */
static int cv_check(const cv_row *r) {
  dkcpr_options o;
  dkcpr_cpr c;
  cv_options(&o, r);
  memset(&c, 0x55, sizeof c);
  dkcpr_status st = dkcpr_parse(&c, r->input, r->input_len, &o);
  dkcpr_status st2 = dkcpr_validate(r->input, r->input_len, &o);
  int bad = 0;
  if (strcmp(dkcpr_status_name(st), r->status) != 0 || st2 != st)
    bad = 1;
  if (!bad && st == DKCPR_OK) {
    char sex[2] = {c.sex == DKCPR_SEX_MALE ? 'M' : 'F', 0};
    if (c.year != atoi(r->year) || c.month != atoi(r->month) ||
        c.day != atoi(r->day) || strcmp(sex, r->sex) != 0 ||
        strcmp(dkcpr_kind_name(c.kind), r->kind) != 0 ||
        c.mod11 != atoi(r->mod11) || c.known_date != atoi(r->known) ||
        strlen(c.digits) != 10)
      bad = 1;
  }
  if (bad)
    fprintf(stderr,
            "line %zu (%s): want %s %s-%s-%s %s %s mod11=%s known=%s; got %s/%s "
            "%d-%d-%d sex=%d kind=%s mod11=%d known=%d\n",
            r->line, r->note, r->status, r->year, r->month, r->day, r->sex,
            r->kind, r->mod11, r->known, dkcpr_status_name(st),
            dkcpr_status_name(st2), st == DKCPR_OK ? c.year : 0,
            st == DKCPR_OK ? c.month : 0, st == DKCPR_OK ? c.day : 0,
            st == DKCPR_OK ? (int)c.sex : -1,
            st == DKCPR_OK ? dkcpr_kind_name(c.kind) : "-",
            st == DKCPR_OK ? c.mod11 : -1, st == DKCPR_OK ? c.known_date : -1);
  return bad;
}

/* Check every row of cpr.tsv that selected() picks; *used counts them.
 * Returns the number of rows that do not hold, or -1 if the file is missing. */
static long cv_check_selected(int (*selected)(const cv_row *r), size_t *used) {
  size_t n = 0;
  long failed = 0;
  cv_row *rows = cv_load("cpr.tsv", &n);
  *used = 0;
  if (rows == NULL) return -1;
  for (size_t i = 0; i < n; i++)
    if (selected(&rows[i])) {
      failed += cv_check(&rows[i]);
      (*used)++;
    }
  free(rows);
  return failed;
}

/* Read a small TSV file (header skipped): calls fn with the fields of each
 * line. Returns the number of lines, or -1 if the file cannot be read. */
static long cv_each_line(const char *name, int nfields,
                         void (*fn)(char **field, void *ctx), void *ctx) {
  char path[1024], line[1024];
  snprintf(path, sizeof path, "%s/%s", DKCPR_VECTORS_DIR, name);
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return -1;
  long count = 0, line_no = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    if (line_no++ == 0 || line[0] == '\0' || line[0] == '#')
      continue;
    char *field[16];
    int k = 0;
    char *p = line;
    field[k++] = p;
    while ((p = strchr(p, '\t')) != NULL && k < 16) {
      *p++ = '\0';
      field[k++] = p;
    }
    if (k != nfields) {
      fclose(f);
      return -1;
    }
    fn(field, ctx);
    count++;
  }
  fclose(f);
  return count;
}

#endif /* DKCPR_CORE_VECTORS_H */
