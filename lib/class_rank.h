/* SPDX-License-Identifier: Apache-2.0 */
/* Classes of numbers and their rank / unrank, for pseudonyms and generation.
 * Internal; never exported. */
#ifndef DKCPR_CLASS_RANK_H
#define DKCPR_CLASS_RANK_H

#include <stdint.h>

#include "calendar.h"
#include "dkcpr.h"

/* Sex option and mod-11 option of a class. */
#define DKCPR__SEX_F 0
#define DKCPR__SEX_M 1
#define DKCPR__SEX_ANY 2
#define DKCPR__M_ANY 0
#define DKCPR__M_PASS 1
#define DKCPR__M_FAIL 2

/* Year spans of the kinds (inclusive). */
#define DKCPR__CPR_Y0 1858
#define DKCPR__CPR_Y1 2057
#define DKCPR__XECPR_Y0 1900
#define DKCPR__DECPR_Y0 1800
#define DKCPR__ECPR_Y1 2099

/* A number as fields. tail = the last three characters as a number:
 * digit kinds: s8 s9 s10 (0..999); e-CPR: letters (0..675) * 10 + sex digit.
 * day is the real day (1..31) also for day + 60 numbers. */
typedef struct dkcpr__num {
  int kind, year, month, day, c7, tail;
} dkcpr__num;

/* Members of a kind with a sex option and (digit kinds) a mod-11 option,
 * born in [from, to]. Order: date, then 7th digit, then tail. */
typedef struct dkcpr__class {
  int kind, sex, m;
  int from_year, from_doy, to_year, to_doy;
  uint64_t first; /* index of the first member among all of the kind */
  uint64_t size;
} dkcpr__class;

/* Count tables, a few hundred KB, built once per handle (key-independent). */
typedef struct dkcpr__tables dkcpr__tables;

dkcpr__tables *dkcpr__tables_new(void);
void dkcpr__tables_free(dkcpr__tables *t);
size_t dkcpr__tables_bytes(void);


/* The 7th character an e-CPR of that kind and year carries, -1 if none. */
int dkcpr__ecpr_c7(int kind, int year);

/* Build a class over a date range. DKCPR_E_ARG for bad options or dates
 * outside the kind's span; a class may be empty (size 0). */
dkcpr_status dkcpr__class_init(dkcpr__class *c, const dkcpr__tables *t,
                               int kind, int sex, int m, int from_y,
                               int from_m, int from_d, int to_y, int to_m,
                               int to_d);

/* Index of num within c; DKCPR_E_ARG if num is not a member. */
dkcpr_status dkcpr__rank(uint64_t *r, const dkcpr__tables *t,
                         const dkcpr__class *c, const dkcpr__num *num);

/* The member with index r (< c->size). */
void dkcpr__unrank(dkcpr__num *num, const dkcpr__tables *t,
                   const dkcpr__class *c, uint64_t r);

/* The 10 canonical characters of a number (day + 60 for replacement). */
void dkcpr__num_digits(char out[10], const dkcpr__num *num);

/* Mod-11 status of a digit-kind number (1 pass, 0 fail). */
int dkcpr__num_mod11(const dkcpr__num *num);

#endif /* DKCPR_CLASS_RANK_H */
