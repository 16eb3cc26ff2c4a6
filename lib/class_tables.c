/* SPDX-License-Identifier: Apache-2.0 */
/* Building the count tables of rank / unrank (key-independent, built once
 * per handle). */
#include "class_tables.h"

#include <stdlib.h>

#include "dkcpr.h"

const uint8_t dkcpr__era_c7[DKCPR__ERAS][6] = {
    {5, 6, 7, 8}, {0, 1, 2, 3}, {0, 1, 2, 3, 4, 9}, {4, 5, 6, 7, 8, 9}, {5, 6, 7, 8}};
const uint8_t dkcpr__era_n[DKCPR__ERAS] = {4, 4, 6, 6, 4};
const int dkcpr__era_pos[DKCPR__ERAS][10] = {
    {-1, -1, -1, -1, -1, 0, 1, 2, 3, -1},
    {0, 1, 2, 3, -1, -1, -1, -1, -1, -1},
    {0, 1, 2, 3, 4, -1, -1, -1, -1, 5},
    {-1, -1, -1, -1, 0, 1, 2, 3, 4, 5},
    {-1, -1, -1, -1, -1, 0, 1, 2, 3, -1}};

static const uint8_t mdays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

int dkcpr__era_of(int y) {
  return y < 1900 ? 0 : y <= 1936 ? 1 : y <= 1999 ? 2 : y <= 2036 ? 3 : 4;
}


static int check_digit(int b, int p) {
  return (11 - (b + 3 * (p / 10) + 2 * (p % 10)) % 11) % 11;
}

static void cell_tables(dkcpr__tables *t) {
  static const uint16_t sexmask[3] = {0x155, 0x2aa, 0x3ff};
  uint32_t off = 0;
  for (int c = 0; c <= 10; c++)
    for (int s = 0; s < 3; s++) {
      unsigned one = c < 10 ? 1u << c : 0;
      t->mask[c][s][DKCPR__M_ANY] = sexmask[s];
      t->mask[c][s][DKCPR__M_PASS] = (uint16_t)(sexmask[s] & one);
      t->mask[c][s][DKCPR__M_FAIL] = (uint16_t)(sexmask[s] & ~one);
    }
  for (int b = 0; b < 11; b++)
    for (int p = 0; p < 100; p++) t->check[b][p] = (uint8_t)check_digit(b, p);
  for (int b = 0; b < 11; b++)
    for (int s = 0; s < 3; s++)
      for (int m = 0; m < 3; m++) {
        t->w[b][s][m][0] = 0;
        t->tail_off[s][m][b] = off;
        for (int p = 0; p < 100; p++) {
          unsigned mask = t->mask[t->check[b][p]][s][m];
          t->w[b][s][m][p + 1] = (uint16_t)(t->w[b][s][m][p] + dkcpr__popcount10(mask));
          for (int d = 0; d < 10; d++)
            if (mask >> d & 1u) t->tails[off++] = (uint16_t)(p * 10 + d);
        }
        t->cnt[b][s][m] = t->w[b][s][m][100];
      }
  for (int s = 0; s < 3; s++)
    for (int m = 0; m < 3; m++)
      for (int e = 0; e < DKCPR__ERAS; e++)
        for (int q = 0; q < 11; q++) {
          uint16_t *cum = t->cum[s][m][e][q];
          cum[0] = 0;
          for (int j = 0; j < dkcpr__era_n[e]; j++)
            cum[j + 1] = (uint16_t)(cum[j] + t->cnt[(q + 4 * dkcpr__era_c7[e][j]) % 11][s][m]);
        }
}

static void profiles(dkcpr__tables *t) {
  for (int leap = 0; leap < 2; leap++) {
    int doy = 0;
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= mdays[m] + (m == 2 && leap); d++, doy++)
        t->resid[leap][doy] =
            (uint8_t)((4 * (d / 10) + 3 * (d % 10) + 2 * (m / 10) + 7 * (m % 10)) % 11);
  }
  for (int e = 0; e < DKCPR__ERAS; e++)
    for (int base = 0; base < 11; base++)
      for (int leap = 0; leap < 2; leap++)
        for (int s = 0; s < 2; s++) {
          uint32_t(*pr)[2] = t->prof[e][base][leap];
          pr[0][s] = 0;
          for (int doy = 0; doy < 366; doy++) {
            uint32_t day = 0;
            for (int j = 0; j < dkcpr__era_n[e]; j++)
              day += t->cnt[(t->resid[leap][doy] + base + 4 * dkcpr__era_c7[e][j]) % 11][s]
                           [DKCPR__M_PASS];
            pr[doy + 1][s] = pr[doy][s] + day;
          }
        }
}

/* Per-year constants, year prefix sums and the year search buckets. */
static void years(dkcpr__tables *t) {
  for (int r = 0; r < 2; r++)
    for (int i = 0; i < DKCPR__NYEARS; i++) {
      int y = DKCPR__CPR_Y0 + i, yy = y % 100;
      dkcpr__year *yr = &t->years[r][i];
      yr->era = (uint8_t)dkcpr__era_of(y);
      yr->leap = (uint8_t)dkcpr__is_leap(y);
      yr->base = (uint8_t)((6 * (yy / 10) + 5 * (yy % 10) + (r ? 2 : 0)) % 11);
      yr->nc7 = dkcpr__era_n[yr->era];
      yr->prof = (const uint32_t(*)[2])t->prof[yr->era][yr->base][yr->leap];
    }
  for (int r = 0; r < 2; r++)
    for (int s = 0; s < 3; s++)
      for (int m = 0; m < 3; m++) {
        uint64_t *yp = t->yp[r][s][m], total;
        int shift = 0, yi = 0;
        yp[0] = 0;
        for (int i = 0; i < DKCPR__NYEARS; i++) {
          const dkcpr__year *yr = &t->years[r][i];
          yp[i + 1] = yp[i] + dkcpr__year_part(yr, s, m, 365 + yr->leap);
        }
        total = yp[DKCPR__NYEARS];
        while (total > 0 && (total - 1) >> shift >= DKCPR__YBUCKETS) shift++;
        t->yshift[r][s][m] = (uint8_t)shift;
        for (uint64_t k = 0; k < DKCPR__YBUCKETS; k++) {
          while (yi + 1 < DKCPR__NYEARS && yp[yi + 1] <= k << shift) yi++;
          t->ystart[r][s][m][k] = (uint8_t)yi;
        }
      }
}

size_t dkcpr__tables_bytes(void) { return sizeof(dkcpr__tables); }

dkcpr__tables *dkcpr__tables_new(void) {
  dkcpr__tables *t = calloc(1, sizeof *t);
  if (t == NULL) return NULL;
  cell_tables(t);
  profiles(t);
  years(t);
  return t;
}

void dkcpr__tables_free(dkcpr__tables *t) { free(t); }
