/* SPDX-License-Identifier: Apache-2.0 */
/* Rank and unrank within a class, without loops over serials.
 *
 * Members are ordered by birth date, then 7th character (ascending), then
 * the tail. Date-major order (rather than 7th digit first) makes every date
 * range an interval, so a year, a date, the whole span and a generation
 * request are all the same kind of class.
 *
 * Digit kinds: the members of a cell (date, c7) depend only on the cell's
 * base residue b = weighted sum of the printed digits 1-7 mod 11, so
 * cnt[b][sex][m] and w[b][sex][m][p] (members with serial prefix s8s9 < p)
 * describe every cell; prof adds cells up over the days of a year for each
 * year profile (7th-digit era, year residue, leap), and yp adds years up, so
 * "members born before a date" is two table reads. */
#include "class_rank.h"

#include <string.h>

#include "calendar.h"
#include "class_tables.h"
#include "dkcpr.h"

#define LETTERS 676


int dkcpr__ecpr_c7(int kind, int year) {
  if (kind == DKCPR_KIND_XECPR)
    return year < DKCPR__XECPR_Y0 || year > DKCPR__ECPR_Y1 ? -1
           : year < 2000                                  ? 1
                                                          : 7;
  if (kind == DKCPR_KIND_DECPR)
    return year < DKCPR__DECPR_Y0 || year > DKCPR__ECPR_Y1 ? -1
           : year < 1900                                  ? 5
           : year < 2000                                  ? 0
                                                          : 6;
  return -1;
}

static int is_digit_kind(int kind) {
  return kind == DKCPR_KIND_CPR || kind == DKCPR_KIND_REPLACEMENT;
}

static int span_y0(int kind) {
  return is_digit_kind(kind)         ? DKCPR__CPR_Y0
         : kind == DKCPR_KIND_XECPR ? DKCPR__XECPR_Y0
                                    : DKCPR__DECPR_Y0;
}

static int span_y1(int kind) {
  return is_digit_kind(kind) ? DKCPR__CPR_Y1 : DKCPR__ECPR_Y1;
}

static int64_t days_before(int y) {
  int64_t p = y - 1;
  return 365 * (int64_t)y + p / 4 - p / 100 + p / 400;
}

static uint64_t ecpr_per_date(int sex) { return LETTERS * (sex == DKCPR__SEX_ANY ? 10u : 5u); }

/* Members of the kind born before (y, doy); doy may be ndays(y). */
static uint64_t before_date(const dkcpr__tables *t, int kind, int s, int m,
                            int y, int doy) {
  if (is_digit_kind(kind))
  {
    int r = kind == DKCPR_KIND_REPLACEMENT;
    return t->yp[r][s][m][y - DKCPR__CPR_Y0] +
           dkcpr__year_part(&t->years[r][y - DKCPR__CPR_Y0], s, m, doy);
  }
  return (uint64_t)(days_before(y) - days_before(span_y0(kind)) + doy) *
         ecpr_per_date(s);
}

dkcpr_status dkcpr__class_init(dkcpr__class *c, const dkcpr__tables *t,
                               int kind, int sex, int m, int from_y,
                               int from_m, int from_d, int to_y, int to_m,
                               int to_d) {
  int fd, td;
  uint64_t end;
  if (kind < DKCPR_KIND_CPR || kind > DKCPR_KIND_DECPR || sex < 0 ||
      sex > 2 || m < 0 || m > 2 || (!is_digit_kind(kind) && m != DKCPR__M_ANY))
    return DKCPR_E_ARG;
  if (from_y < span_y0(kind) || to_y > span_y1(kind)) return DKCPR_E_ARG;
  fd = dkcpr__doy(from_y, from_m, from_d);
  td = dkcpr__doy(to_y, to_m, to_d);
  if (fd < 0 || td < 0) return DKCPR_E_ARG;
  if (from_y > to_y || (from_y == to_y && fd > td)) return DKCPR_E_ARG;
  c->kind = kind;
  c->sex = sex;
  c->m = m;
  c->from_year = from_y;
  c->from_doy = fd;
  c->to_year = to_y;
  c->to_doy = td;
  c->first = before_date(t, kind, sex, m, from_y, fd);
  end = before_date(t, kind, sex, m, to_y, td + 1);
  c->size = end - c->first;
  return DKCPR_OK;
}

dkcpr_status dkcpr__rank(uint64_t *r, const dkcpr__tables *t,
                         const dkcpr__class *c, const dkcpr__num *num) {
  int doy, s = c->sex;
  uint64_t g;
  if (num->kind != c->kind || num->tail < 0 || num->year < c->from_year ||
      num->year > c->to_year)
    return DKCPR_E_ARG;
  doy = dkcpr__doy(num->year, num->month, num->day);
  if (doy < 0 || (num->year == c->from_year && doy < c->from_doy) ||
      (num->year == c->to_year && doy > c->to_doy))
    return DKCPR_E_ARG;
  if (is_digit_kind(c->kind)) {
    /* The class lies in the kind's span, so the year has a table entry. */
    int rp = c->kind == DKCPR_KIND_REPLACEMENT, yi = num->year - DKCPR__CPR_Y0;
    const dkcpr__year *yr = &t->years[rp][yi];
    int q = (t->resid[yr->leap][doy] + yr->base) % 11, p = num->tail / 10, d10 = num->tail % 10;
    int j, b;
    unsigned mask;
    if (num->tail > 999 || num->c7 < 0 || num->c7 > 9) return DKCPR_E_ARG;
    j = dkcpr__era_pos[yr->era][num->c7];
    if (j < 0) return DKCPR_E_ARG;
    b = (q + 4 * num->c7) % 11;
    mask = t->mask[t->check[b][p]][s][c->m];
    if (!(mask >> d10 & 1u)) return DKCPR_E_ARG;
    g = t->yp[rp][s][c->m][yi] + dkcpr__year_part(yr, s, c->m, doy) +
        t->cum[s][c->m][yr->era][q][j] + t->w[b][s][c->m][p] +
        (uint64_t)dkcpr__popcount10(mask & ((1u << d10) - 1));
  } else {
    int letters = num->tail / 10, sd = num->tail % 10;
    if (letters >= LETTERS || num->c7 != dkcpr__ecpr_c7(c->kind, num->year))
      return DKCPR_E_ARG;
    if (s != DKCPR__SEX_ANY && sd % 2 != s) return DKCPR_E_ARG;
    g = before_date(t, c->kind, s, c->m, num->year, doy) +
        (uint64_t)letters * (s == DKCPR__SEX_ANY ? 10 : 5) +
        (uint64_t)(s == DKCPR__SEX_ANY ? sd : sd / 2);
  }
  *r = g - c->first;
  return DKCPR_OK;
}

static void unrank_digits(dkcpr__num *num, const dkcpr__tables *t,
                          const dkcpr__class *c, uint64_t g) {
  int r = c->kind == DKCPR_KIND_REPLACEMENT, s = c->sex, m = c->m;
  const uint64_t *yp = t->yp[r][s][m];
  int yi = t->ystart[r][s][m][g >> t->yshift[r][s][m]];
  const dkcpr__year *yr;
  const uint16_t *cum;
  int nd, lo, q, j, e, c7;
  int64_t in_year, total;
  uint64_t rem;
  while (yp[yi + 1] <= g) yi++; /* a bucket is narrower than a year: 0-1 steps */
  yr = &t->years[r][yi];
  nd = 365 + yr->leap;
  in_year = (int64_t)(g - yp[yi]);
  total = (int64_t)(yp[yi + 1] - yp[yi]);
  /* Members are spread almost evenly over the days: start from the
   * proportional guess and step (a day or two at most); this touches one
   * cache line of the profile instead of a binary search's nine. */
  lo = (int)(in_year * nd / total);
  if (lo >= nd) lo = nd - 1;
  while (lo > 0 && (int64_t)dkcpr__year_part(yr, s, m, lo) > in_year) lo--;
  while (lo + 1 < nd && (int64_t)dkcpr__year_part(yr, s, m, lo + 1) <= in_year) lo++;
  rem = (uint64_t)in_year - dkcpr__year_part(yr, s, m, lo);
  num->kind = c->kind;
  num->year = DKCPR__CPR_Y0 + yi;
  dkcpr__from_doy(yr->leap, lo, &num->month, &num->day);
  /* The cell: the last 7th digit whose preceding members are <= rem. */
  e = yr->era;
  q = (t->resid[yr->leap][lo] + yr->base) % 11;
  cum = t->cum[s][m][e][q];
  j = 0;
  for (int i = 1; i < yr->nc7; i++) j += cum[i] <= rem; /* branch-free */
  rem -= cum[j];
  c7 = dkcpr__era_c7[e][j];
  num->c7 = c7;
  num->tail = t->tails[t->tail_off[s][m][(q + 4 * c7) % 11] + rem];
}

void dkcpr__unrank(dkcpr__num *num, const dkcpr__tables *t,
                   const dkcpr__class *c, uint64_t r) {
  uint64_t g = c->first + r;
  if (is_digit_kind(c->kind)) {
    unrank_digits(num, t, c, g);
  } else {
    uint64_t per = ecpr_per_date(c->sex), rem = g % per;
    int64_t di = (int64_t)(g / per), y0 = span_y0(c->kind);
    int y = (int)(y0 + di / 366), sd, ng = c->sex == DKCPR__SEX_ANY ? 10 : 5;
    while (days_before(y + 1) - days_before((int)y0) <= di) y++;
    num->kind = c->kind;
    num->year = y;
    dkcpr__from_doy(dkcpr__is_leap(y), (int)(di - (days_before(y) - days_before((int)y0))),
             &num->month, &num->day);
    num->c7 = dkcpr__ecpr_c7(c->kind, y);
    sd = (int)(rem % (uint64_t)ng);
    if (c->sex != DKCPR__SEX_ANY) sd = 2 * sd + c->sex;
    num->tail = (int)(rem / (uint64_t)ng) * 10 + sd;
  }
}

/* "00" .. "99": two characters per copy instead of a division each. */
static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

void dkcpr__num_digits(char out[10], const dkcpr__num *num) {
  int dd = num->day + (num->kind == DKCPR_KIND_REPLACEMENT ? 60 : 0);
  memcpy(out, pairs + 2 * dd, 2);
  memcpy(out + 2, pairs + 2 * num->month, 2);
  memcpy(out + 4, pairs + 2 * (num->year % 100), 2);
  out[6] = (char)('0' + num->c7);
  if (is_digit_kind(num->kind)) {
    out[7] = (char)('0' + num->tail / 100);
    memcpy(out + 8, pairs + 2 * (num->tail % 100), 2);
  } else {
    out[7] = (char)('A' + num->tail / 10 / 26);
    out[8] = (char)('A' + num->tail / 10 % 26);
    out[9] = (char)('0' + num->tail % 10);
  }
}

int dkcpr__num_mod11(const dkcpr__num *num) {
  static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  char d[10];
  int sum = 0;
  dkcpr__num_digits(d, num);
  for (int i = 0; i < 10; i++) sum += w[i] * (d[i] - '0');
  return sum % 11 == 0;
}
