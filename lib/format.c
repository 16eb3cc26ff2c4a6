/* SPDX-License-Identifier: Apache-2.0 */
/* Writing a parsed number, and age in whole years. */
#include <string.h>

#include "parse.h"
#include "rules.h"

/* A dkcpr_cpr's fields must be what dkcpr_parse() writes. */
static int cpr_plausible(const dkcpr_cpr *cpr) {
  if (dkcpr__check_shape(cpr->digits) != DKCPR_OK || cpr->digits[10] != '\0')
    return 0;
  return (unsigned)cpr->kind <= DKCPR_KIND_DECPR &&
         dkcpr__date_valid(cpr->year, cpr->month, cpr->day);
}

dkcpr_status dkcpr_format(char *out, size_t out_cap, size_t *out_len,
                          const dkcpr_cpr *cpr, dkcpr_format_style style) {
  if (out == NULL || cpr == NULL)
    return DKCPR_E_NULL;
  if ((unsigned)style > DKCPR_FORMAT_MASKED_FULL || !cpr_plausible(cpr))
    return DKCPR_E_ARG;
  char buf[DKCPR_FORMAT_BUFSIZE];
  size_t n;
  if (style == DKCPR_FORMAT_COMPACT) {
    memcpy(buf, cpr->digits, 10);
    n = 10;
  } else {
    memcpy(buf, cpr->digits, 6);
    buf[6] = '-';
    memcpy(buf + 7, cpr->digits + 6, 4);
    n = 11;
    if (style == DKCPR_FORMAT_MASKED || style == DKCPR_FORMAT_MASKED_FULL)
      memset(buf + 7, 'X', 4);
    if (style == DKCPR_FORMAT_MASKED_FULL)
      memset(buf, 'X', 6);
  }
  if (out_cap < n + 1)
    return DKCPR_E_BUFSIZE;
  memcpy(out, buf, n);
  out[n] = '\0';
  if (out_len != NULL)
    *out_len = n;
  return DKCPR_OK;
}

dkcpr_status dkcpr_age(int *out_years, const dkcpr_cpr *cpr, int at_year,
                       int at_month, int at_day) {
  if (out_years == NULL || cpr == NULL)
    return DKCPR_E_NULL;
  if (!cpr_plausible(cpr))
    return DKCPR_E_ARG;
  if (at_year < 1 || at_year > 9999 || !dkcpr__date_valid(at_year, at_month, at_day))
    return DKCPR_E_DATE;
  uint32_t birth = DKCPR__DATE_KEY(cpr->year, cpr->month, cpr->day);
  uint32_t at = DKCPR__DATE_KEY(at_year, at_month, at_day);
  if (at < birth)
    return DKCPR_E_FUTURE;
  /* A birthday on 29 February is reached on 1 March in other years. */
  int years = at_year - cpr->year;
  if (at_month < cpr->month || (at_month == cpr->month && at_day < cpr->day))
    years--;
  *out_years = years;
  return DKCPR_OK;
}
