/* SPDX-License-Identifier: Apache-2.0 */
/* The Gregorian calendar (see calendar.h). */
#define _POSIX_C_SOURCE 200809L /* localtime_r */

#include <time.h>

#include "calendar.h"

/* First day of year of each month (and the year's length), by leap. */
static const uint16_t mstart[2][13] = {
    {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
    {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

int dkcpr__is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int dkcpr__days_in_month(int year, int month) {
  if (month < 1 || month > 12)
    return 0;
  return mstart[dkcpr__is_leap(year)][month] - mstart[dkcpr__is_leap(year)][month - 1];
}

int dkcpr__doy(int year, int month, int day) {
  int leap = dkcpr__is_leap(year);
  if (month < 1 || month > 12 || day < 1) return -1;
  if (day > mstart[leap][month] - mstart[leap][month - 1]) return -1;
  return mstart[leap][month - 1] + day - 1;
}

void dkcpr__from_doy(int leap, int doy, int *month, int *day) {
  int m = doy / 31; /* the month is m + 1 or m + 2 */
  m += doy >= mstart[leap][m + 1];
  *month = m + 1;
  *day = doy - mstart[leap][m] + 1;
}

int dkcpr__today(int *year, int *month, int *day) {
  time_t now = time(NULL);
  struct tm tm;
  if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL)
    return -1;
  *year = tm.tm_year + 1900;
  *month = tm.tm_mon + 1;
  *day = tm.tm_mday;
  return 0;
}
