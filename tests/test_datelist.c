/* SPDX-License-Identifier: Apache-2.0 */
/* The known-dates list: the 26 shipped dates, adding, loading from text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"

/* The CPR office's list of 10 May 2023 (cpr-rules.md section 2.3). */
static const int shipped[26] = {1960, 1962, 1964, 1965, 1966, 1967, 1969,
                                1970, 1974, 1975, 1978, 1980, 1981, 1982,
                                1983, 1984, 1985, 1986, 1987, 1988, 1989,
                                1990, 1991, 1992, 1994, 1995};

static int is_shipped(int y) {
  for (int i = 0; i < 26; i++)
    if (shipped[i] == y)
      return 1;
  return 0;
}

static void shipped_dates_exactly(void **state) {
  (void)state;
  dkcpr_datelist *l = NULL;
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_OK);
  assert_non_null(l);
  int count = 0;
  for (int y = 1858; y <= 2057; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= 31; d++) {
        int want = m == 1 && d == 1 && is_shipped(y);
        assert_int_equal(dkcpr_datelist_contains(l, y, m, d), want);
        count += want;
      }
  assert_int_equal(count, 26);
  dkcpr_datelist_free(l);
}

static void shipped_dates_through_the_parser(void **state) {
  (void)state;
  /* known_date with the default (shipped) list for 1 Jan of every year. */
  for (int y = 1858; y <= 2026; y++) {
    char s[11];
    int c7 = y < 1900 ? 5 : y < 2000 ? 0 : 4;
    snprintf(s, sizeof s, "0101%02d%d000", y % 100, c7);
    dkcpr_cpr c;
    dkcpr_options o;
    dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
    o.ref_year = 2026;
    o.ref_month = 11;
    o.ref_day = 26;
    assert_int_equal(dkcpr_parse(&c, s, 10, &o), DKCPR_OK);
    assert_int_equal(c.year, y);
    assert_int_equal(c.known_date, is_shipped(y));
  }
}

static void add_dates(void **state) {
  (void)state;
  dkcpr_datelist *l = NULL;
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_contains(l, 1996, 1, 1), 0);
  assert_int_equal(dkcpr_datelist_add(l, 1996, 1, 1), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_add(l, 1996, 1, 1), DKCPR_OK); /* again: fine */
  assert_int_equal(dkcpr_datelist_contains(l, 1996, 1, 1), 1);
  assert_int_equal(dkcpr_datelist_add(l, 2000, 2, 29), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_contains(l, 2000, 2, 29), 1);
  /* Many dates, in descending order: the list stays sorted and complete. */
  for (int y = 2057; y >= 1858; y -= 3)
    assert_int_equal(dkcpr_datelist_add(l, y, 6, 15), DKCPR_OK);
  for (int y = 1858; y <= 2057; y++)
    assert_int_equal(dkcpr_datelist_contains(l, y, 6, 15), (2057 - y) % 3 == 0);
  assert_int_equal(dkcpr_datelist_contains(l, 1960, 1, 1), 1);
  /* Dates a CPR number cannot carry. */
  assert_int_equal(dkcpr_datelist_add(l, 1900, 2, 29), DKCPR_E_DATE);
  assert_int_equal(dkcpr_datelist_add(l, 1857, 12, 31), DKCPR_E_DATE);
  assert_int_equal(dkcpr_datelist_add(l, 2058, 1, 1), DKCPR_E_DATE);
  assert_int_equal(dkcpr_datelist_add(l, 1990, 13, 1), DKCPR_E_DATE);
  assert_int_equal(dkcpr_datelist_add(l, 1990, 4, 31), DKCPR_E_DATE);
  assert_int_equal(dkcpr_datelist_add(l, 1990, 1, 0), DKCPR_E_DATE);
  assert_int_equal(dkcpr_datelist_add(NULL, 1990, 1, 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_datelist_contains(NULL, 1960, 1, 1), 0);
  assert_int_equal(dkcpr_datelist_contains(l, 1960, 13, 1), 0);
  assert_int_equal(dkcpr_datelist_new(NULL), DKCPR_E_NULL);
  dkcpr_datelist_free(l);
  dkcpr_datelist_free(NULL);
}

static void load_text(void **state) {
  (void)state;
  dkcpr_datelist *l = NULL;
  size_t bad = 99;
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_OK);
  const char *text = "# non-mod-11 dates seen here\n"
                     "1993-01-01\n"
                     "\n"
                     "  1996-01-01 \r\n"
                     "\t2001-03-04\n"
                     "1997-01-01";
  assert_int_equal(dkcpr_datelist_load(&bad, l, text, strlen(text)), DKCPR_OK);
  assert_int_equal(bad, 0);
  assert_int_equal(dkcpr_datelist_contains(l, 1993, 1, 1), 1);
  assert_int_equal(dkcpr_datelist_contains(l, 1996, 1, 1), 1);
  assert_int_equal(dkcpr_datelist_contains(l, 2001, 3, 4), 1);
  assert_int_equal(dkcpr_datelist_contains(l, 1997, 1, 1), 1);
  assert_int_equal(dkcpr_datelist_contains(l, 1960, 1, 1), 1);
  /* Only the given length is read. */
  assert_int_equal(dkcpr_datelist_load(&bad, l, "1998-01-01xyz", 10), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_contains(l, 1998, 1, 1), 1);
  assert_int_equal(dkcpr_datelist_load(&bad, l, "", 0), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_load(NULL, l, NULL, 0), DKCPR_OK);
  dkcpr_datelist_free(l);
}

static void load_errors_add_nothing(void **state) {
  (void)state;
  static const struct {
    const char *text;
    dkcpr_status st;
    size_t line;
  } cases[] = {
      {"1999-01-01\n1999-1-01\n", DKCPR_E_SYNTAX, 2},
      {"1999-01-01\n\n# x\n1999/01/01\n", DKCPR_E_SYNTAX, 4},
      {"1999-01-01 x\n", DKCPR_E_SYNTAX, 1},
      {"1999-01-01\n19990101\n", DKCPR_E_SYNTAX, 2},
      {"1999-01-01\n1999-02-29\n", DKCPR_E_DATE, 2},
      {"1999-01-01\n1857-01-01\n", DKCPR_E_DATE, 2},
      {"1999-01-01\n2058-01-01\n", DKCPR_E_DATE, 2},
      {"1999-01-01\n1999-00-10\n", DKCPR_E_DATE, 2},
      {"1999-01-01\n+999-01-01\n", DKCPR_E_SYNTAX, 2},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    dkcpr_datelist *l = NULL;
    size_t bad = 0;
    assert_int_equal(dkcpr_datelist_new(&l), DKCPR_OK);
    assert_int_equal(dkcpr_datelist_load(&bad, l, cases[i].text, strlen(cases[i].text)),
                     cases[i].st);
    assert_int_equal(bad, cases[i].line);
    assert_int_equal(dkcpr_datelist_contains(l, 1999, 1, 1), 0);
    dkcpr_datelist_free(l);
  }
  size_t bad = 5;
  assert_int_equal(dkcpr_datelist_load(&bad, NULL, "1999-01-01", 10), DKCPR_E_NULL);
  assert_int_equal(bad, 0);
  dkcpr_datelist *l = NULL;
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_load(&bad, l, NULL, 3), DKCPR_E_NULL);
  dkcpr_datelist_free(l);
}

/* The shipped list equals tests/vectors/known_dates.txt, which also loads. */
static void shipped_list_equals_the_vector_file(void **state) {
  (void)state;
  char path[1024], text[4096];
  snprintf(path, sizeof path, "%s/known_dates.txt", DKCPR_VECTORS_DIR);
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  size_t n = fread(text, 1, sizeof text, f);
  fclose(f);
  assert_true(n > 0 && n < sizeof text);
  text[n] = '\0'; /* strtok needs the end marked */
  /* Every date of the file is shipped, and the file has 26 of them. */
  int dates = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    int y, m, d;
    if (line[0] == '#')
      continue;
    assert_int_equal(sscanf(line, "%d-%d-%d", &y, &m, &d), 3);
    assert_true(m == 1 && d == 1 && is_shipped(y));
    dates++;
  }
  assert_int_equal(dates, 26);
  /* Loaded into a list, nothing changes: the shipped list already holds them. */
  f = fopen(path, "r");
  assert_non_null(f);
  n = fread(text, 1, sizeof text, f);
  fclose(f);
  dkcpr_datelist *l = NULL;
  size_t bad = 7;
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_load(&bad, l, text, n), DKCPR_OK);
  assert_int_equal(bad, 0);
  int count = 0;
  for (int y = 1858; y <= 2057; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= 31; d++)
        count += dkcpr_datelist_contains(l, y, m, d);
  assert_int_equal(count, 26);
  dkcpr_datelist_free(l);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(shipped_dates_exactly),
      cmocka_unit_test(shipped_dates_through_the_parser),
      cmocka_unit_test(add_dates),
      cmocka_unit_test(load_text),
      cmocka_unit_test(load_errors_add_nothing),
      cmocka_unit_test(shipped_list_equals_the_vector_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
