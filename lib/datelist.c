/* SPDX-License-Identifier: Apache-2.0 */
/* Birth dates known to have CPR numbers without mod 11: the shipped list
 * and caller-owned lists that extend it. */
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "rules.h"

struct dkcpr_datelist {
  uint32_t *keys; /* sorted, no duplicates */
  size_t count, cap;
};

/* The CPR office's list of 10 May 2023: 1 January of these years (26). */
static const short shipped_years[] = {
    1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980, 1981,
    1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989, 1990, 1991, 1992, 1994, 1995};
#define N_SHIPPED (sizeof shipped_years / sizeof shipped_years[0])

/* Bit (year - 1960) set for each shipped year: one test per lookup. */
#define Y(y) ((uint64_t)1 << ((y) - 1960))
static const uint64_t shipped_mask =
    Y(1960) | Y(1962) | Y(1964) | Y(1965) | Y(1966) | Y(1967) | Y(1969) |
    Y(1970) | Y(1974) | Y(1975) | Y(1978) | Y(1980) | Y(1981) | Y(1982) |
    Y(1983) | Y(1984) | Y(1985) | Y(1986) | Y(1987) | Y(1988) | Y(1989) |
    Y(1990) | Y(1991) | Y(1992) | Y(1994) | Y(1995);
#undef Y

static int shipped_contains(uint32_t key) {
  if ((key & 0x1FFu) != DKCPR__DATE_KEY(0, 1, 1))
    return 0;
  uint32_t year = key >> 9;
  return year >= 1960 && year < 2024 && ((shipped_mask >> (year - 1960)) & 1);
}

static size_t lower_bound(const dkcpr_datelist *list, uint32_t key) {
  size_t lo = 0, hi = list->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (list->keys[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

int dkcpr__known_date(const dkcpr_datelist *list, uint32_t key) {
  if (list == NULL)
    return shipped_contains(key);
  size_t i = lower_bound(list, key);
  return i < list->count && list->keys[i] == key;
}

static dkcpr_status reserve(dkcpr_datelist *list, size_t extra) {
  if (list->count + extra <= list->cap)
    return DKCPR_OK;
  size_t cap = list->cap ? list->cap : 32;
  while (cap < list->count + extra)
    cap *= 2;
  uint32_t *keys = realloc(list->keys, cap * sizeof *keys);
  if (keys == NULL)
    return DKCPR_E_NOMEM;
  list->keys = keys;
  list->cap = cap;
  return DKCPR_OK;
}

/* Insert into a list with room for it. */
static void insert_key(dkcpr_datelist *list, uint32_t key) {
  size_t i = lower_bound(list, key);
  if (i < list->count && list->keys[i] == key)
    return;
  memmove(list->keys + i + 1, list->keys + i,
          (list->count - i) * sizeof *list->keys);
  list->keys[i] = key;
  list->count++;
}

dkcpr_status dkcpr_datelist_new(dkcpr_datelist **out) {
  if (out == NULL)
    return DKCPR_E_NULL;
  dkcpr_datelist *list = calloc(1, sizeof *list);
  if (list == NULL || reserve(list, N_SHIPPED) != DKCPR_OK) {
    free(list);
    return DKCPR_E_NOMEM;
  }
  for (size_t i = 0; i < N_SHIPPED; i++)
    list->keys[i] = DKCPR__DATE_KEY(shipped_years[i], 1, 1);
  list->count = N_SHIPPED;
  *out = list;
  return DKCPR_OK;
}

void dkcpr_datelist_free(dkcpr_datelist *list) {
  if (list == NULL)
    return;
  free(list->keys);
  free(list);
}

/* The dates a CPR number can carry. */
static int in_cpr_range(int year, int month, int day) {
  return year >= 1858 && year <= 2057 && dkcpr__date_valid(year, month, day);
}

dkcpr_status dkcpr_datelist_add(dkcpr_datelist *list, int year, int month,
                                int day) {
  if (list == NULL)
    return DKCPR_E_NULL;
  if (!in_cpr_range(year, month, day))
    return DKCPR_E_DATE;
  if (reserve(list, 1) != DKCPR_OK)
    return DKCPR_E_NOMEM;
  insert_key(list, DKCPR__DATE_KEY(year, month, day));
  return DKCPR_OK;
}

int dkcpr_datelist_contains(const dkcpr_datelist *list, int year, int month,
                            int day) {
  if (list == NULL || !in_cpr_range(year, month, day))
    return 0;
  return dkcpr__known_date(list, DKCPR__DATE_KEY(year, month, day));
}

static int is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* One trimmed line: YYYY-MM-DD exactly. */
static dkcpr_status parse_iso(const char *p, size_t n, uint32_t *key) {
  if (n != 10 || p[4] != '-' || p[7] != '-')
    return DKCPR_E_SYNTAX;
  int v[3] = {0, 0, 0};
  static const unsigned char field[10] = {0, 0, 0, 0, 9, 1, 1, 9, 2, 2};
  for (size_t i = 0; i < 10; i++) {
    if (field[i] == 9)
      continue;
    if (p[i] < '0' || p[i] > '9')
      return DKCPR_E_SYNTAX;
    v[field[i]] = v[field[i]] * 10 + (p[i] - '0');
  }
  if (!in_cpr_range(v[0], v[1], v[2]))
    return DKCPR_E_DATE;
  *key = DKCPR__DATE_KEY(v[0], v[1], v[2]);
  return DKCPR_OK;
}

dkcpr_status dkcpr_datelist_load(size_t *bad_line, dkcpr_datelist *list,
                                 const char *text, size_t text_len) {
  if (bad_line != NULL)
    *bad_line = 0;
  if (list == NULL || (text == NULL && text_len > 0))
    return DKCPR_E_NULL;

  /* First pass: check every line and count dates, so that an error adds nothing. */
  size_t pending = 0;
  for (int pass = 0; pass < 2; pass++) {
    size_t line = 0, pos = 0;
    while (pos < text_len) {
      const char *nl = memchr(text + pos, '\n', text_len - pos);
      size_t end = nl ? (size_t)(nl - text) : text_len;
      size_t a = pos, b = end;
      line++;
      pos = end + 1;
      while (a < b && is_blank(text[a]))
        a++;
      while (b > a && is_blank(text[b - 1]))
        b--;
      if (a == b || text[a] == '#')
        continue;
      uint32_t key;
      dkcpr_status st = parse_iso(text + a, b - a, &key);
      if (st != DKCPR_OK) {
        if (bad_line != NULL)
          *bad_line = line;
        return st;
      }
      if (pass == 0)
        pending++;
      else
        insert_key(list, key);
    }
    if (pass == 0 && reserve(list, pending) != DKCPR_OK)
      return DKCPR_E_NOMEM;
  }
  return DKCPR_OK;
}
