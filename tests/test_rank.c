/* SPDX-License-Identifier: Apache-2.0 */
/* Rank / unrank against brute-force enumeration with rules written out
 * independently here (century table, dates, mod 11, sex, e-CPR letters). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "class_rank.h"

static dkcpr__tables *T;

static int setup(void **state) {
  (void)state;
  T = dkcpr__tables_new();
  return T == NULL;
}

static int teardown(void **state) {
  (void)state;
  dkcpr__tables_free(T);
  return 0;
}

/* The decided century rule. */
static int century(int c7, int yy) {
  if (c7 <= 3) return 1900 + yy;
  if (c7 == 4 || c7 == 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

static int mdays(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d[m - 1] + (m == 2 && leap);
}

static int mod11_ok(int dd, int mm, int yy, int c7, int tail) {
  int d[10] = {dd / 10, dd % 10, mm / 10, mm % 10, yy / 10, yy % 10, c7,
               tail / 100, tail / 10 % 10, tail % 10};
  static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int s = 0;
  for (int i = 0; i < 10; i++) s += w[i] * d[i];
  return s % 11 == 0;
}

/* Does the digit-kind number (real date y-m-d, c7, tail) belong to (sex, m)? */
static int member(int kind, int y, int mo, int d, int c7, int tail, int sex,
                  int m) {
  int dd = d + (kind == DKCPR_KIND_REPLACEMENT ? 60 : 0);
  int ok11 = mod11_ok(dd, mo, y % 100, c7, tail);
  if (century(c7, y % 100) != y) return 0;
  if (sex != DKCPR__SEX_ANY && tail % 2 != sex) return 0;
  if (m == DKCPR__M_PASS && !ok11) return 0;
  if (m == DKCPR__M_FAIL && ok11) return 0;
  return 1;
}

/* Walk every candidate of a date range in (date, c7, tail) order; members
 * must rank 0, 1, 2, ... and unrank back. Returns how many there were. */
static uint64_t walk_digits(int kind, int sex, int m, int y0, int m0, int d0,
                            int y1, int m1, int d1, int unrank_every) {
  dkcpr__class c;
  uint64_t expect = 0;
  assert_int_equal(dkcpr__class_init(&c, T, kind, sex, m, y0, m0, d0, y1, m1, d1),
                   DKCPR_OK);
  for (int y = y0; y <= y1; y++)
    for (int mo = (y == y0 ? m0 : 1); mo <= (y == y1 ? m1 : 12); mo++)
      for (int d = (y == y0 && mo == m0 ? d0 : 1);
           d <= (y == y1 && mo == m1 ? d1 : mdays(y, mo)); d++)
        for (int c7 = 0; c7 < 10; c7++)
          for (int tail = 0; tail < 1000; tail++) {
            dkcpr__num n = {kind, y, mo, d, c7, tail}, back;
            uint64_t r;
            dkcpr_status st = dkcpr__rank(&r, T, &c, &n);
            if (!member(kind, y, mo, d, c7, tail, sex, m)) {
              assert_int_equal(st, DKCPR_E_ARG);
              continue;
            }
            assert_int_equal(st, DKCPR_OK);
            assert_int_equal(r, expect);
            if (unrank_every && expect % (uint64_t)unrank_every == 0) {
              dkcpr__unrank(&back, T, &c, r);
              assert_memory_equal(&back, &n, sizeof n);
            }
            expect++;
          }
  assert_int_equal(c.size, expect);
  return expect;
}

static void date_classes_exhaustive(void **state) {
  static const int dates[][3] = {{1858, 1, 1},  {1899, 12, 31}, {1900, 2, 28},
                                 {1936, 7, 4},  {1962, 10, 21}, {2000, 2, 29},
                                 {2036, 12, 31}, {2057, 12, 31}};
  (void)state;
  for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
    for (int kind = DKCPR_KIND_CPR; kind <= DKCPR_KIND_REPLACEMENT; kind++)
      for (int s = 0; s < 3; s++)
        for (int m = 0; m < 3; m++)
          assert_true(walk_digits(kind, s, m, dates[i][0], dates[i][1], dates[i][2],
                                  dates[i][0], dates[i][1], dates[i][2], 1) > 0);
}

/* Whole years for each 7th-digit era, both kinds, every option. */
static void year_classes_exhaustive(void **state) {
  static const int years[] = {1896, 1960, 2024};
  (void)state;
  for (size_t i = 0; i < sizeof years / sizeof years[0]; i++)
    for (int s = 0; s < 3; s += 1)
      for (int m = 0; m < 3; m++)
        walk_digits(i == 1 ? DKCPR_KIND_REPLACEMENT : DKCPR_KIND_CPR, s, m,
                    years[i], 1, 1, years[i], 12, 31, 97);
}

/* A date range across a year boundary (generation classes). */
static void range_across_years(void **state) {
  (void)state;
  walk_digits(DKCPR_KIND_CPR, DKCPR__SEX_F, DKCPR__M_ANY, 1936, 12, 30, 1937,
              1, 2, 1);
}

/* Sizes add up: sexes, mod-11 parts, years into the span; span totals equal
 * days x 7th digits x 1000 counted here. */
static void sizes_add_up(void **state) {
  dkcpr__class all, part;
  uint64_t days_c7 = 0, sum = 0;
  (void)state;
  for (int y = 1858; y <= 2057; y++) {
    int nc7 = 0;
    for (int c7 = 0; c7 < 10; c7++) nc7 += century(c7, y % 100) == y;
    days_c7 += (uint64_t)nc7 * (uint64_t)(337 + mdays(y, 2));
  }
  for (int kind = DKCPR_KIND_CPR; kind <= DKCPR_KIND_REPLACEMENT; kind++) {
    assert_int_equal(dkcpr__class_init(&all, T, kind, DKCPR__SEX_ANY, DKCPR__M_ANY,
                                       1858, 1, 1, 2057, 12, 31),
                     DKCPR_OK);
    assert_int_equal(all.size, days_c7 * 1000);
    for (int s = 0; s < 2; s++)
      for (int m = 1; m < 3; m++) {
        assert_int_equal(dkcpr__class_init(&part, T, kind, s, m, 1858, 1, 1,
                                           2057, 12, 31),
                         DKCPR_OK);
        sum += part.size;
      }
    assert_int_equal(sum, all.size);
    sum = 0;
    for (int y = 1858; y <= 2057; y++) {
      assert_int_equal(dkcpr__class_init(&part, T, kind, DKCPR__SEX_M,
                                         DKCPR__M_PASS, y, 1, 1, y, 12, 31),
                       DKCPR_OK);
      sum += part.size;
    }
    assert_int_equal(dkcpr__class_init(&all, T, kind, DKCPR__SEX_M, DKCPR__M_PASS,
                                       1858, 1, 1, 2057, 12, 31),
                     DKCPR_OK);
    assert_int_equal(sum, all.size);
    sum = 0;
  }
}

/* Span classes: boundaries and a spread of indices round-trip, and ranks
 * increase with the order (date, c7, tail). */
static void span_round_trip(void **state) {
  (void)state;
  for (int kind = DKCPR_KIND_CPR; kind <= DKCPR_KIND_DECPR; kind++)
    for (int s = 0; s < 3; s++)
      for (int m = 0; m < 3; m++) {
        dkcpr__class c;
        int y0 = kind <= 1 ? 1858 : kind == DKCPR_KIND_XECPR ? 1900 : 1800;
        int y1 = kind <= 1 ? 2057 : 2099;
        if (kind >= DKCPR_KIND_XECPR && m != DKCPR__M_ANY) {
          assert_int_equal(dkcpr__class_init(&c, T, kind, s, m, y0, 1, 1, y1, 12, 31),
                           DKCPR_E_ARG);
          continue;
        }
        assert_int_equal(dkcpr__class_init(&c, T, kind, s, m, y0, 1, 1, y1, 12, 31),
                         DKCPR_OK);
        for (uint64_t k = 0; k <= 20000; k++) {
          uint64_t r = k == 20000 ? c.size - 1 : (c.size / 20000) * k + k % 7;
          dkcpr__num n, prev;
          uint64_t back;
          dkcpr__unrank(&n, T, &c, r);
          assert_int_equal(dkcpr__rank(&back, T, &c, &n), DKCPR_OK);
          assert_int_equal(back, r);
          if (n.kind <= 1)
            assert_true(member(kind, n.year, n.month, n.day, n.c7, n.tail, s, m));
          else
            assert_int_equal(n.c7, dkcpr__ecpr_c7(kind, n.year));
          if (k > 0 && k < 20000) {
            long a = ((long)prev.year * 400 + prev.month * 32 + prev.day) * 100000L +
                     prev.c7 * 10000L + prev.tail;
            long b = ((long)n.year * 400 + n.month * 32 + n.day) * 100000L +
                     n.c7 * 10000L + n.tail;
            assert_true(a < b);
          }
          prev = n;
        }
      }
}

/* e-CPR: a date and a whole year, enumerated (letters, sex digit). */
static void ecpr_exhaustive(void **state) {
  (void)state;
  for (int kind = DKCPR_KIND_XECPR; kind <= DKCPR_KIND_DECPR; kind++)
    for (int s = 0; s < 3; s++) {
      int y = kind == DKCPR_KIND_XECPR ? 2000 : 1899;
      dkcpr__class c;
      uint64_t expect = 0;
      assert_int_equal(dkcpr__class_init(&c, T, kind, s, DKCPR__M_ANY, y, 1, 1, y,
                                         12, 31),
                       DKCPR_OK);
      for (int mo = 1; mo <= 12; mo++)
        for (int d = 1; d <= mdays(y, mo); d++)
          for (int c7 = 0; c7 < 10; c7++)
            for (int tail = 0; tail < 6760; tail++) {
              dkcpr__num n = {kind, y, mo, d, c7, tail}, back;
              uint64_t r;
              int want_c7 = kind == DKCPR_KIND_XECPR ? (y < 2000 ? 1 : 7)
                                                     : (y < 1900 ? 5 : y < 2000 ? 0 : 6);
              int ok = c7 == want_c7 && (s == DKCPR__SEX_ANY || tail % 2 == s);
              dkcpr_status st = dkcpr__rank(&r, T, &c, &n);
              if (!ok) {
                assert_int_equal(st, DKCPR_E_ARG);
                continue;
              }
              assert_int_equal(st, DKCPR_OK);
              assert_int_equal(r, expect);
              if (expect % 13 == 0) {
                dkcpr__unrank(&back, T, &c, r);
                assert_memory_equal(&back, &n, sizeof n);
              }
              expect++;
            }
      assert_int_equal(c.size, expect);
    }
}

static void digits_and_mod11(void **state) {
  dkcpr__num a = {DKCPR_KIND_CPR, 1961, 7, 7, 4, 285};
  dkcpr__num b = {DKCPR_KIND_REPLACEMENT, 1962, 10, 21, 5, 629};
  dkcpr__num x = {DKCPR_KIND_XECPR, 1929, 3, 2, 1, (22 * 26 + 16) * 10 + 3};
  char d[11] = {0};
  (void)state;
  dkcpr__num_digits(d, &a);
  assert_string_equal(d, "0707614285");
  assert_true(dkcpr__num_mod11(&a));
  dkcpr__num_digits(d, &b);
  assert_string_equal(d, "8110625629");
  dkcpr__num_digits(d, &x);
  assert_string_equal(d, "0203291WQ3");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(digits_and_mod11),
      cmocka_unit_test(date_classes_exhaustive),
      cmocka_unit_test(range_across_years),
      cmocka_unit_test(sizes_add_up),
      cmocka_unit_test(span_round_trip),
      cmocka_unit_test(ecpr_exhaustive),
      cmocka_unit_test(year_classes_exhaustive),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
