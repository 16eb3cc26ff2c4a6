/* --format=auto: which structure an input has, by its name, then by its
 * first bytes; plain text when neither says. */
#include <string.h>

#include "wash_struct.h"

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

static int by_name(const char *path, dkcpr_data_format *out) {
  static const char *const packed[] = {".gz", ".zst", ".xz", ".bz2"};
  size_t n = path ? strlen(path) : 0;
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
  else return 0;
  return 1;
}

/* Occurrences of c in a line, outside double quotes. */
static size_t count_outside_quotes(const char *s, size_t n, char c) {
  size_t k = 0;
  int q = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '"') q = !q;
    else if (!q && s[i] == c) k++;
  }
  return k;
}

/* Two complete lines with the same number of delimiters, at least one. */
static int looks_delimited(const char *head, size_t len, char d) {
  const char *nl1 = memchr(head, '\n', len);
  if (!nl1) return 0;
  const char *l2 = nl1 + 1;
  const char *nl2 = memchr(l2, '\n', len - (size_t)(l2 - head));
  if (!nl2) return 0;
  size_t a = count_outside_quotes(head, (size_t)(nl1 - head), d);
  size_t b = count_outside_quotes(l2, (size_t)(nl2 - l2), d);
  return a > 0 && a == b;
}

dkcpr_data_format format_guess(const char *path, const char *head, size_t len) {
  dkcpr_data_format f;
  if (by_name(path, &f)) return f;
  size_t i = 0;
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
  if (looks_delimited(head, len, '\t')) return DKCPR_DATA_TSV;
  if (looks_delimited(head, len, ',')) return DKCPR_DATA_CSV;
  return DKCPR_DATA_TEXT;
}

int format_parse(const char *name, int *is_auto, dkcpr_data_format *out) {
  static const dkcpr_data_format all[] = {DKCPR_DATA_TEXT, DKCPR_DATA_CSV, DKCPR_DATA_TSV,
                                          DKCPR_DATA_JSON, DKCPR_DATA_JSONL};
  *is_auto = strcmp(name, "auto") == 0;
  *out = DKCPR_DATA_TEXT;
  if (*is_auto) return 0;
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
    if (strcmp(name, dkcpr_data_format_name(all[i])) == 0) {
      *out = all[i];
      return 0;
    }
  return -1;
}
