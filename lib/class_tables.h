/* SPDX-License-Identifier: Apache-2.0 */
/* The count tables behind rank / unrank (see class_rank.c for the order of
 * members). Shared by class_tables.c, which builds them, and class_rank.c,
 * which reads them. Internal; never exported. */
#ifndef DKCPR_CLASS_TABLES_H
#define DKCPR_CLASS_TABLES_H

#include <stdint.h>

#include "class_rank.h"

#define DKCPR__NYEARS (DKCPR__CPR_Y1 - DKCPR__CPR_Y0 + 1)
#define DKCPR__ERAS 5       /* 7th-digit eras: the allowed 7th digits of a year */
#define DKCPR__YBUCKETS 512 /* narrower than the smallest year: 1-2 steps per search */

/* What rank / unrank need of a year of a digit kind, computed once. */
typedef struct dkcpr__year {
  const uint32_t (*prof)[2]; /* the year's profile: prof[doy][sex] */
  uint8_t era, leap, base;   /* base: year digits (+ day + 60) residue */
  uint8_t nc7;               /* number of allowed 7th digits */
} dkcpr__year;

struct dkcpr__tables {
  uint16_t cnt[11][3][3];
  uint16_t w[11][3][3][101];
  uint16_t mask[11][3][3]; /* [check digit, 10 = none][sex][m]: allowed d10 */
  uint8_t check[11][100];  /* check digit of prefix p in a cell of residue b */
  uint8_t resid[2][366];   /* weighted day-month digits mod 11 */
  /* Members of a day's cells before its j-th 7th digit, by (day residue +
   * year residue) mod 11: replaces a loop of mod-11 sums per call. */
  uint16_t cum[3][3][DKCPR__ERAS][11][8]; /* [sex][m][era][q][j] */
  /* Members of each cell (b, sex, m) in order, as tails p * 10 + d10:
   * unranking inside a cell is one read instead of two searches. */
  uint32_t tail_off[3][3][11];
  uint16_t tails[44000];
  /* Mod-11-passing members of one sex on the days before doy, summed over
   * the era's 7th digits, for a year residue (6*Y1 + 5*Y2 [+ 2 for day + 60])
   * mod 11: a year's whole profile. The other options follow: any = days x
   * 7th digits x 500 (or 1000), fail = any - pass, both sexes = F + M. */
  uint32_t prof[DKCPR__ERAS][11][2][367][2]; /* [era][year residue][leap][doy][sex] */
  uint64_t yp[2][3][3][DKCPR__NYEARS + 1];   /* [replacement][sex][m][year index] */
  dkcpr__year years[2][DKCPR__NYEARS];       /* [replacement][year index] */
  /* Year index of the first member of each bucket of 2^yshift members. */
  uint8_t ystart[2][3][3][DKCPR__YBUCKETS];
  uint8_t yshift[2][3][3];
};

/* The 7th digits allowed in an era, ascending, and their number. */
extern const uint8_t dkcpr__era_c7[DKCPR__ERAS][6];
extern const uint8_t dkcpr__era_n[DKCPR__ERAS];
/* Position of a 7th digit in its era's list, -1 if not allowed. */
extern const int dkcpr__era_pos[DKCPR__ERAS][10];

int dkcpr__era_of(int year);

/* Set bits of a 10-bit mask; portable builds have no popcnt instruction. */
static inline int dkcpr__popcount10(unsigned v) {
  static const uint8_t nib[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
  return nib[v & 15u] + nib[(v >> 4) & 15u] + nib[(v >> 8) & 3u];
}

/* Digit kinds: members of (sex, m) born in the year before day doy. */
static inline uint64_t dkcpr__year_part(const dkcpr__year *yr, int s, int m, int doy) {
  const uint32_t *pr = yr->prof[doy];
  uint64_t pass = s == DKCPR__SEX_ANY ? (uint64_t)pr[0] + pr[1] : pr[s];
  uint64_t any = (uint64_t)doy * yr->nc7 * (s == DKCPR__SEX_ANY ? 1000u : 500u);
  return m == DKCPR__M_PASS ? pass : m == DKCPR__M_ANY ? any : any - pass;
}

#endif /* DKCPR_CLASS_TABLES_H */
