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
#include "fpe_class.h"

#include <stdlib.h>

#include "internal.h"

#define NYEARS (DKCPR__CPR_Y1 - DKCPR__CPR_Y0 + 1)
#define LETTERS 676

/* 7th-digit eras: the allowed 7th digits of a year (see c7_set). */
#define ERAS 5

struct dkcpr__tables {
  uint16_t cnt[11][3][3];
  uint16_t w[11][3][3][101];
  uint16_t mask[11][3][3]; /* [check digit, 10 = none][sex][m]: allowed d10 */
  uint8_t resid[2][366];   /* weighted day-month digits mod 11 */
  /* Mod-11-passing members of one sex on the days before doy, summed over
   * the era's 7th digits, for a year residue (6*Y1 + 5*Y2 [+ 2 for day + 60])
   * mod 11: a year's whole profile. The other options follow: any = days x
   * 7th digits x 500 (or 1000), fail = any - pass, both sexes = F + M. */
  uint32_t prof[ERAS][11][2][367][2]; /* [era][year residue][leap][doy][sex] */
  uint64_t yp[2][3][3][NYEARS + 1]; /* [replacement][sex][m][year index] */
};

static const uint8_t mdays[13] = {0, 31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};

static int is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int ndays(int y) { return 365 + is_leap(y); }

/* First day of year of each month (and the year's length), by leap. */
static const uint16_t mstart[2][13] = {
    {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
    {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

int dkcpr__doy(int year, int month, int day) {
  int leap = is_leap(year);
  if (month < 1 || month > 12 || day < 1) return -1;
  if (day > mstart[leap][month] - mstart[leap][month - 1]) return -1;
  return mstart[leap][month - 1] + day - 1;
}

static void from_doy(int year, int doy, int *month, int *day) {
  int leap = is_leap(year), m = doy / 31; /* the month is m + 1 or m + 2 */
  m += doy >= mstart[leap][m + 1];
  *month = m + 1;
  *day = doy - mstart[leap][m] + 1;
}

static int era_of(int y) {
  return y < 1900 ? 0 : y <= 1936 ? 1 : y <= 1999 ? 2 : y <= 2036 ? 3 : 4;
}

/* The 7th digits allowed in an era, ascending. */
static const int era_c7[ERAS][6] = {
    {5, 6, 7, 8}, {0, 1, 2, 3}, {0, 1, 2, 3, 4, 9}, {4, 5, 6, 7, 8, 9}, {5, 6, 7, 8}};
static const int era_n[ERAS] = {4, 4, 6, 6, 4};

static int c7_set(int y, int out[6]) {
  int e = era_of(y);
  for (int i = 0; i < era_n[e]; i++) out[i] = era_c7[e][i];
  return era_n[e];
}

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

/* Residue of the year digits (+24 = 2 for day + 60). */
static int year_base(int kind, int y) {
  int yy = y % 100;
  return (6 * (yy / 10) + 5 * (yy % 10) + (kind == DKCPR_KIND_REPLACEMENT ? 2 : 0)) % 11;
}

/* Residue of the year digits and 7th digit (+24 = 2 for day + 60). */
static int year_k(int kind, int y, int c7) {
  int yy = y % 100;
  return (6 * (yy / 10) + 5 * (yy % 10) + 4 * c7 +
          (kind == DKCPR_KIND_REPLACEMENT ? 2 : 0)) %
         11;
}

static int check_digit(int b, int p) {
  return (11 - (b + 3 * (p / 10) + 2 * (p % 10)) % 11) % 11;
}

/* Set bits of a 10-bit mask; portable builds have no popcnt instruction. */
static int popcount10(unsigned v) {
  static const uint8_t nib[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
  return nib[v & 15u] + nib[(v >> 4) & 15u] + nib[(v >> 8) & 3u];
}

static uint64_t year_part(const dkcpr__tables *t, int kind, int s, int m, int y, int doy);

size_t dkcpr__tables_bytes(void) { return sizeof(dkcpr__tables); }

dkcpr__tables *dkcpr__tables_new(void) {
  static const uint16_t sexmask[3] = {0x155, 0x2aa, 0x3ff};
  dkcpr__tables *t = calloc(1, sizeof *t);
  if (t == NULL) return NULL;
  for (int leap = 0; leap < 2; leap++) {
    int doy = 0;
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= mdays[m] + (m == 2 && leap); d++, doy++)
        t->resid[leap][doy] =
            (uint8_t)((4 * (d / 10) + 3 * (d % 10) + 2 * (m / 10) + 7 * (m % 10)) % 11);
  }
  for (int c = 0; c <= 10; c++)
    for (int s = 0; s < 3; s++) {
      unsigned one = c < 10 ? 1u << c : 0;
      t->mask[c][s][DKCPR__M_ANY] = sexmask[s];
      t->mask[c][s][DKCPR__M_PASS] = (uint16_t)(sexmask[s] & one);
      t->mask[c][s][DKCPR__M_FAIL] = (uint16_t)(sexmask[s] & ~one);
    }
  for (int b = 0; b < 11; b++)
    for (int s = 0; s < 3; s++)
      for (int m = 0; m < 3; m++) {
        t->w[b][s][m][0] = 0;
        for (int p = 0; p < 100; p++)
          t->w[b][s][m][p + 1] = (uint16_t)(t->w[b][s][m][p] +
                                            popcount10(t->mask[check_digit(b, p)][s][m]));
        t->cnt[b][s][m] = t->w[b][s][m][100];
      }
  for (int e = 0; e < ERAS; e++)
    for (int base = 0; base < 11; base++)
      for (int leap = 0; leap < 2; leap++)
        for (int s = 0; s < 2; s++) {
          uint32_t(*pr)[2] = t->prof[e][base][leap];
          pr[0][s] = 0;
          for (int doy = 0; doy < 366; doy++) {
            uint32_t day = 0;
            for (int j = 0; j < era_n[e]; j++)
              day += t->cnt[(t->resid[leap][doy] + base + 4 * era_c7[e][j]) % 11][s][DKCPR__M_PASS];
            pr[doy + 1][s] = pr[doy][s] + day;
          }
        }
  for (int r = 0; r < 2; r++) {
    int kind = r ? DKCPR_KIND_REPLACEMENT : DKCPR_KIND_CPR;
    for (int s = 0; s < 3; s++)
      for (int m = 0; m < 3; m++) {
        uint64_t *yp = t->yp[r][s][m];
        yp[0] = 0;
        for (int i = 0; i < NYEARS; i++) {
          int y = DKCPR__CPR_Y0 + i;
          yp[i + 1] = yp[i] + year_part(t, kind, s, m, y, ndays(y));
        }
      }
  }
  return t;
}

void dkcpr__tables_free(dkcpr__tables *t) { free(t); }

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

/* Digit kinds: members born in year y before day doy (doy <= ndays(y)). */
static uint64_t year_part(const dkcpr__tables *t, int kind, int s, int m, int y, int doy) {
  int e = era_of(y), leap = is_leap(y);
  const uint32_t(*pr)[2] = t->prof[e][year_base(kind, y)][leap];
  uint64_t pass = s == DKCPR__SEX_ANY ? (uint64_t)pr[doy][0] + pr[doy][1] : pr[doy][s];
  uint64_t any = (uint64_t)doy * (uint64_t)era_n[e] * (s == DKCPR__SEX_ANY ? 1000u : 500u);
  return m == DKCPR__M_PASS ? pass : m == DKCPR__M_ANY ? any : any - pass;
}

/* Members of the kind born before (y, doy); doy may be ndays(y). */
static uint64_t before_date(const dkcpr__tables *t, int kind, int s, int m,
                            int y, int doy) {
  if (is_digit_kind(kind))
    return t->yp[kind == DKCPR_KIND_REPLACEMENT][s][m][y - DKCPR__CPR_Y0] +
           year_part(t, kind, s, m, y, doy);
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
  int doy = dkcpr__doy(num->year, num->month, num->day), s = c->sex;
  uint64_t g;
  if (num->kind != c->kind || doy < 0 || num->tail < 0) return DKCPR_E_ARG;
  if (num->year < c->from_year || (num->year == c->from_year && doy < c->from_doy) ||
      num->year > c->to_year || (num->year == c->to_year && doy > c->to_doy))
    return DKCPR_E_ARG;
  g = before_date(t, c->kind, s, c->m, num->year, doy);
  if (is_digit_kind(c->kind)) {
    int c7s[6], n = c7_set(num->year, c7s), leap = is_leap(num->year);
    int a = t->resid[leap][doy], p = num->tail / 10, d10 = num->tail % 10;
    int j = 0;
    if (num->tail > 999) return DKCPR_E_ARG;
    for (; j < n && c7s[j] < num->c7; j++)
      g += t->cnt[(a + year_k(c->kind, num->year, c7s[j])) % 11][s][c->m];
    if (j == n || c7s[j] != num->c7) return DKCPR_E_ARG;
    {
      int b = (a + year_k(c->kind, num->year, num->c7)) % 11;
      unsigned mask = t->mask[check_digit(b, p)][s][c->m];
      if (!(mask >> d10 & 1u)) return DKCPR_E_ARG;
      g += t->w[b][s][c->m][p] + (uint64_t)popcount10(mask & ((1u << d10) - 1));
    }
  } else {
    int letters = num->tail / 10, sd = num->tail % 10;
    if (letters >= LETTERS || num->c7 != dkcpr__ecpr_c7(c->kind, num->year))
      return DKCPR_E_ARG;
    if (s != DKCPR__SEX_ANY && sd % 2 != s) return DKCPR_E_ARG;
    g += (uint64_t)letters * (s == DKCPR__SEX_ANY ? 10 : 5) +
         (uint64_t)(s == DKCPR__SEX_ANY ? sd : sd / 2);
  }
  *r = g - c->first;
  return DKCPR_OK;
}

/* Branch-free searches: the comparisons are data-dependent and would
 * mispredict about half the time. */
static int last_le_u64(const uint64_t *v, int n, uint64_t g) {
  const uint64_t *b = v;
  while (n > 1) {
    int half = n / 2;
    b = b[half] <= g ? b + half : b;
    n -= half;
  }
  return (int)(b - v);
}

static int last_le_u16(const uint16_t *v, int n, uint64_t g) {
  const uint16_t *b = v;
  while (n > 1) {
    int half = n / 2;
    b = b[half] <= g ? b + half : b;
    n -= half;
  }
  return (int)(b - v);
}

static void unrank_digits(dkcpr__num *num, const dkcpr__tables *t,
                          const dkcpr__class *c, uint64_t g) {
  int r = c->kind == DKCPR_KIND_REPLACEMENT, s = c->sex, m = c->m;
  int yi = last_le_u64(t->yp[r][s][m], NYEARS, g);
  int y = DKCPR__CPR_Y0 + yi, e = era_of(y), leap = is_leap(y), c7s[6], n, a, j, b, p;
  const uint32_t(*pr)[2] = t->prof[e][year_base(c->kind, y)][leap];
  int64_t w0 = s != DKCPR__SEX_M, w1 = s != DKCPR__SEX_F; /* which sexes count */
  int64_t per_day = (int64_t)era_n[e] * (s == DKCPR__SEX_ANY ? 1000 : 500);
  int64_t any_coef = m != DKCPR__M_PASS, pass_coef = m == DKCPR__M_PASS ? 1 : m == DKCPR__M_ANY ? 0 : -1;
  int64_t in_year = (int64_t)(g - t->yp[r][s][m][yi]);
  int nd = ndays(y), lo;
  int64_t total = (int64_t)(t->yp[r][s][m][yi + 1] - t->yp[r][s][m][yi]);
  uint64_t rem;
  unsigned mask;
#define BEFORE(d) (any_coef * (d) * per_day + pass_coef * (w0 * pr[d][0] + w1 * pr[d][1]))
  /* Members are spread almost evenly over the days: start from the
   * proportional guess and step (a day or two at most); this touches one
   * cache line of the profile instead of a binary search's nine. */
  lo = (int)(in_year * nd / total);
  if (lo >= nd) lo = nd - 1;
  while (lo > 0 && BEFORE(lo) > in_year) lo--;
  while (lo + 1 < nd && BEFORE(lo + 1) <= in_year) lo++;
  rem = (uint64_t)(in_year - BEFORE(lo));
#undef BEFORE
  num->kind = c->kind;
  num->year = y;
  from_doy(y, lo, &num->month, &num->day);
  n = c7_set(y, c7s);
  a = t->resid[leap][lo];
  for (j = 0; j < n - 1; j++) {
    uint64_t k = t->cnt[(a + year_k(c->kind, y, c7s[j])) % 11][s][m];
    if (rem < k) break;
    rem -= k;
  }
  num->c7 = c7s[j];
  b = (a + year_k(c->kind, y, c7s[j])) % 11;
  p = last_le_u16(t->w[b][s][m], 100, rem);
  rem -= t->w[b][s][m][p];
  mask = t->mask[check_digit(b, p)][s][m];
  for (j = 0; j < 10; j++)
    if (mask >> j & 1u) {
      if (rem == 0) break;
      rem--;
    }
  num->tail = p * 10 + j;
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
    from_doy(y, (int)(di - (days_before(y) - days_before((int)y0))),
             &num->month, &num->day);
    num->c7 = dkcpr__ecpr_c7(c->kind, y);
    sd = (int)(rem % (uint64_t)ng);
    if (c->sex != DKCPR__SEX_ANY) sd = 2 * sd + c->sex;
    num->tail = (int)(rem / (uint64_t)ng) * 10 + sd;
  }
}

void dkcpr__num_digits(char out[10], const dkcpr__num *num) {
  int dd = num->day + (num->kind == DKCPR_KIND_REPLACEMENT ? 60 : 0);
  int yy = num->year % 100;
  out[0] = (char)('0' + dd / 10);
  out[1] = (char)('0' + dd % 10);
  out[2] = (char)('0' + num->month / 10);
  out[3] = (char)('0' + num->month % 10);
  out[4] = (char)('0' + yy / 10);
  out[5] = (char)('0' + yy % 10);
  out[6] = (char)('0' + num->c7);
  if (is_digit_kind(num->kind)) {
    out[7] = (char)('0' + num->tail / 100);
    out[8] = (char)('0' + num->tail / 10 % 10);
  } else {
    out[7] = (char)('A' + num->tail / 10 / 26);
    out[8] = (char)('A' + num->tail / 10 % 26);
  }
  out[9] = (char)('0' + num->tail % 10);
}

int dkcpr__num_mod11(const dkcpr__num *num) {
  static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  char d[10];
  int sum = 0;
  dkcpr__num_digits(d, num);
  for (int i = 0; i < 10; i++) sum += w[i] * (d[i] - '0');
  return sum % 11 == 0;
}
