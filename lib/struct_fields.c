/* SPDX-License-Identifier: Apache-2.0 */
/* Which field names mean a CPR number: the vocabulary of Danish and
 * international exports, compared without case and without the characters
 * that differ between naming styles (cpr_nr, cprNr, CPR-NR, cpr.nr). */
#include <stdlib.h>
#include <string.h>

#include "struct_fields.h"

typedef struct word {
  const char *s;
  size_t n;
} word;
#define W(lit) {(lit), sizeof(lit) - 1}

/* Whole names. */
static const word names[] = {
    W("cpr"), W("cprnr"), W("cprno"), W("cprnummer"), W("cprnumber"), W("cprnum"),
    W("personnr"), W("personnummer"), W("pnr"), W("cprpnr"),
    W("personcivilregistrationidentifier"), W("civilregistrationnumber"),
    W("civilregistrationidentifier"), W("danishcpr"), W("cprid")};

/* Endings: patient_cpr, mor_cpr_nr, barnPersonnummer. */
static const word endings[] = {W("cpr"), W("cprnr"), W("cprnummer"), W("cprno"),
                               W("personnummer"), W("personnr")};

size_t dkcpr__field_normalise(char *out, const char *name, size_t len) {
  size_t n = 0, i;
  for (i = 0; i < len; i++) {
    char c = name[i];
    /* A dot between digits stays: PID-5.1 is not PID-51. */
    if (c == '.' && i > 0 && i + 1 < len && name[i - 1] >= '0' && name[i - 1] <= '9' &&
        name[i + 1] >= '0' && name[i + 1] <= '9') {
      if (n == DKCPR__FIELD_NAME_MAX) return 0;
      out[n++] = c;
      continue;
    }
    if (c == '_' || c == '-' || c == '.' || c == ' ' || c == ':') continue;
    if (n == DKCPR__FIELD_NAME_MAX) return 0;
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    out[n++] = c;
  }
  return n;
}

int dkcpr__field_dotted(const char *name, size_t len) {
  size_t i;
  for (i = 0; i < len; i++)
    if (name[i] == '.' && !(i > 0 && i + 1 < len && name[i - 1] >= '0' && name[i - 1] <= '9' &&
                            name[i + 1] >= '0' && name[i + 1] <= '9'))
      return 1;
  return 0;
}

static int builtin(const char *s, size_t n) {
  size_t i;
  /* Every name and ending holds "cpr" or "person"; most field names neither. */
  if (n < 3 || (memchr(s, 'c', n) == NULL && memchr(s, 'p', n) == NULL)) return 0;
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if (names[i].n == n && memcmp(names[i].s, s, n) == 0) return 1;
  for (i = 0; i < sizeof endings / sizeof endings[0]; i++) {
    size_t e = endings[i].n;
    if (n > e && memcmp(endings[i].s, s + n - e, e) == 0) return 1;
  }
  return 0;
}

int dkcpr__field_is_cpr(const dkcpr__field_names *extra, const char *name,
                        size_t len) {
  char s[DKCPR__FIELD_NAME_MAX];
  size_t n;
  if (name == NULL) return 0;
  n = dkcpr__field_normalise(s, name, len);
  if (n == 0) return 0;
  if (builtin(s, n)) return 1;
  if (extra != NULL && extra->list != NULL) {
    const char *e = extra->list, *end = extra->list + extra->len;
    while (e < end) {
      size_t el = strlen(e);
      if (el == n && memcmp(e, s, n) == 0) return 1;
      e += el + 1;
    }
  }
  return 0;
}

int dkcpr_field_is_cpr(const char *name, size_t name_len) {
  return dkcpr__field_is_cpr(NULL, name, name_len);
}

dkcpr_status dkcpr__field_names_set(dkcpr__field_names *fn, const char *csv,
                                    size_t len) {
  size_t i = 0;
  fn->list = NULL;
  fn->len = 0;
  if (csv == NULL || len == 0) return DKCPR_OK;
  fn->list = malloc(len + 1);
  if (fn->list == NULL) return DKCPR_E_NOMEM;
  while (i < len) {
    const char *comma = memchr(csv + i, ',', len - i);
    size_t part = comma ? (size_t)(comma - (csv + i)) : len - i;
    size_t n = dkcpr__field_normalise(fn->list + fn->len, csv + i, part);
    if (n > 0) {
      fn->len += n;
      fn->list[fn->len++] = '\0';
    }
    i += part + 1;
  }
  return DKCPR_OK;
}

void dkcpr__field_names_free(dkcpr__field_names *fn) {
  free(fn->list);
  fn->list = NULL;
  fn->len = 0;
}
