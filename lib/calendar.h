/* SPDX-License-Identifier: Apache-2.0 */
/* The Gregorian calendar as the CPR rules and the class numbering use it:
 * leap years, month lengths, day of year, the century of a 7th digit,
 * ordered date keys and today's date. Internal; never exported. */
#ifndef DKCPR_CALENDAR_H
#define DKCPR_CALENDAR_H

#include <stdint.h>

/* A date as one ordered integer: later dates give larger keys. */
#define DKCPR__DATE_KEY(y, m, d) \
  (((uint32_t)(y) << 9) | ((uint32_t)(m) << 5) | (uint32_t)(d))

/* 1 if the day exists in that month of that (proleptic Gregorian) year.
 * Inline: it is on the validation fast path. February counts 29 days and
 * the leap year test runs only for 29 February itself. */
static inline int dkcpr__date_valid(int year, int month, int day) {
  static const unsigned char max_days[13] = {0,  31, 29, 31, 30, 31, 30,
                                             31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > max_days[month])
    return 0;
  return month != 2 || day != 29 ||
         ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
}

int dkcpr__is_leap(int year);
int dkcpr__days_in_month(int year, int month); /* 0 for a bad month */

/* Day of year, 0-based; -1 if the date does not exist. */
int dkcpr__doy(int year, int month, int day);
/* The month and day of a 0-based day of year (valid for the leap flag). */
void dkcpr__from_doy(int leap, int doy, int *month, int *day);

/* Full year for 7th digit c7 and two-digit year yy; -1 if c7 is invalid.
 * Inline: it is on the validation fast path. Digits 0-3 never reach the
 * 2000s; up to the limit yy maps into the 2000s, above it into the base
 * century. */
static inline int dkcpr__century_year(int c7, int yy) {
  static const signed char limit[10] = {-1, -1, -1, -1, 36, 57, 57, 57, 57, 36};
  static const short base[10] = {1900, 1900, 1900, 1900, 1900,
                                 1800, 1800, 1800, 1800, 1900};
  if (c7 < 0 || c7 > 9 || yy < 0 || yy > 99)
    return -1;
  return yy <= limit[c7] ? 2000 + yy : base[c7] + yy;
}

/* Today's local date. Returns 0, or -1 if the clock cannot be read. */
int dkcpr__today(int *year, int *month, int *day);

#endif /* DKCPR_CALENDAR_H */
