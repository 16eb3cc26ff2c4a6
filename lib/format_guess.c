/* SPDX-License-Identifier: Apache-2.0 */
/* Which structure an input has, by its name, then by its first bytes; plain
 * text when neither says (dkcpr_data_format_guess). */
#include <string.h>

#include "dkcpr.h"

/* Whether s[0..n) ends with the lower-case suffix, in any case. */
static int ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  if (n < k) return 0;
  for (size_t i = 0; i < k; i++) {
    char c = s[n - k + i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != suffix[i]) return 0;
  }
  return 1;
}

static int by_name(const char *path, size_t n, dkcpr_data_format *out) {
  static const char *const packed[] = {".gz", ".zst", ".xz", ".bz2"};
  for (size_t i = 0; i < sizeof packed / sizeof packed[0]; i++)
    if (ends_with(path, n, packed[i])) {
      n -= strlen(packed[i]);
      break;
    }
  if (n == 0) return 0;
  if (ends_with(path, n, ".csv")) *out = DKCPR_DATA_CSV;
  else if (ends_with(path, n, ".tsv") || ends_with(path, n, ".tab")) *out = DKCPR_DATA_TSV;
  else if (ends_with(path, n, ".jsonl") || ends_with(path, n, ".ndjson")) *out = DKCPR_DATA_JSONL;
  else if (ends_with(path, n, ".json")) *out = DKCPR_DATA_JSON;
  else if (ends_with(path, n, ".sql")) *out = DKCPR_DATA_SQL;
  else if (ends_with(path, n, ".hl7")) *out = DKCPR_DATA_HL7;
  else if (ends_with(path, n, ".xml")) *out = DKCPR_DATA_XML;
  else return 0;
  return 1;
}

/* Up to five complete records (two at least; quoted fields may span
 * lines) with the same number of delimiters, at least one, and a first
 * record of short fields without sentence punctuation: a header, not prose
 * that happens to have commas. */
static int looks_delimited(const char *head, size_t len, char d) {
  size_t count = 0, k = 0, records = 0, field = 0;
  int quoted = 0;
  for (size_t i = 0; i < len && records < 5; i++) {
    char c = head[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == d) {
      k++;
      field = 0;
    } else if (c == '\n') {
      if (records == 0) count = k;
      else if (k != count) return 0;
      records++;
      k = 0;
    } else if (records == 0 && c != '\r' &&
               (++field > 64 || c == '.' || c == '!' || c == '?')) {
      return 0;
    }
  }
  return records >= 2 && count > 0;
}

/* A dump's header comment in the first lines, or a line that starts a
 * statement dumps are made of. */
static int looks_like_sql(const char *head, size_t len) {
  static const char *const marks[] = {"PostgreSQL database dump", "MySQL dump", "MariaDB dump"};
  static const char *const starts[] = {"CREATE TABLE ", "INSERT INTO ", "COPY "};
  size_t n = len < 4096 ? len : 4096;
  for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
    for (size_t i = 0, m = strlen(marks[k]); i + m <= n; i++)
      if (memcmp(head + i, marks[k], m) == 0) return 1;
  for (const char *line = head, *end = head + n; line < end;) {
    const char *nl = memchr(line, '\n', (size_t)(end - line));
    for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
      size_t m = strlen(starts[k]);
      if ((size_t)(end - line) >= m && memcmp(line, starts[k], m) == 0) return 1;
    }
    line = nl ? nl + 1 : end;
  }
  return 0;
}

dkcpr_data_format dkcpr_data_format_guess(const char *name, size_t name_len,
                                           const void *head_bytes, size_t len) {
  const char *head = head_bytes;
  dkcpr_data_format f;
  size_t i = 0;
  if (name != NULL && by_name(name, name_len, &f)) return f;
  if (head == NULL) return DKCPR_DATA_TEXT;
  if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < len && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
    i++;
  if (i < len && (head[i] == '{' || head[i] == '[')) {
    /* JSON Lines: more than one line, each starting a value. */
    const char *nl = memchr(head + i, '\n', len - i);
    if (head[i] == '{' && nl && (size_t)(nl - head) + 1 < len && nl[1] == '{')
      return DKCPR_DATA_JSONL;
    return DKCPR_DATA_JSON;
  }
  if (i + 4 <= len && head[i] == 0x0B) i++; /* HL7 in MLLP framing */
  if (i + 4 <= len && (memcmp(head + i, "MSH", 3) == 0 || memcmp(head + i, "FHS", 3) == 0 ||
                       memcmp(head + i, "BHS", 3) == 0) &&
      head[i + 3] == '|')
    return DKCPR_DATA_HL7;
  /* XML: a declaration, a comment, a DOCTYPE or an element. */
  if (i + 1 < len && head[i] == '<') {
    char c = head[i + 1];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
        (len - i >= 5 && memcmp(head + i, "<?xml", 5) == 0) ||
        (len - i >= 4 && memcmp(head + i, "<!--", 4) == 0) ||
        (len - i >= 9 && memcmp(head + i, "<!DOCTYPE", 9) == 0))
      return DKCPR_DATA_XML;
  }
  if (looks_like_sql(head, len)) return DKCPR_DATA_SQL;
  if (looks_delimited(head, len, '\t')) return DKCPR_DATA_TSV;
  if (looks_delimited(head, len, ',') || looks_delimited(head, len, ';')) return DKCPR_DATA_CSV;
  return DKCPR_DATA_TEXT;
}
