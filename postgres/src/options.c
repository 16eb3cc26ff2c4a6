/* SPDX-License-Identifier: Apache-2.0 */
/* Parse options from SQL arguments: policy names, keep lists, and the
 * option sets each family of functions uses. */
#include "pg_dkcpr.h"

#include <string.h>

#include "utils/builtins.h"
#include "utils/date.h"
#include "access/xact.h"
#include "pgtime.h"
#include "utils/datetime.h"

static bool word_is(const char *s, size_t n, const char *word) {
  return strlen(word) == n && pg_strncasecmp(s, word, n) == 0;
}

dkcpr_policy pgdk_policy(const text *name) {
  const char *s = VARDATA_ANY(name);
  size_t n = VARSIZE_ANY_EXHDR(name);

  if (word_is(s, n, "default"))
    return DKCPR_POLICY_DEFAULT;
  if (word_is(s, n, "known-dates"))
    return DKCPR_POLICY_KNOWN_DATES;
  if (word_is(s, n, "strict"))
    return DKCPR_POLICY_STRICT;
  ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                  errmsg("unknown policy \"%.*s\"", (int)Min(n, 32), s),
                  errhint("Policies are default, known-dates and strict.")));
  pg_unreachable();
}

/* "year,sex" (the default), "none", "sex", "date,sex", ... */
unsigned int pgdk_keep(const text *spec) {
  const char *s = VARDATA_ANY(spec);
  size_t n = VARSIZE_ANY_EXHDR(spec);
  unsigned int keep = 0;
  size_t i = 0;

  while (i <= n) {
    size_t j = i, k;

    while (j < n && s[j] != ',')
      j++;
    while (i < j && s[i] == ' ')
      i++;
    k = j;
    while (k > i && s[k - 1] == ' ')
      k--;
    if (word_is(s + i, k - i, "sex"))
      keep |= DKCPR_KEEP_SEX;
    else if (word_is(s + i, k - i, "year"))
      keep |= DKCPR_KEEP_YEAR;
    else if (word_is(s + i, k - i, "date"))
      keep |= DKCPR_KEEP_DATE;
    else if (word_is(s + i, k - i, "default"))
      keep |= DKCPR_KEEP_DEFAULT;
    else if (!word_is(s + i, k - i, "none"))
      ereport(ERROR,
              (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
               errmsg("unknown keep item \"%.*s\"", (int)Min(k - i, 32), s + i),
               errhint("keep is a comma-separated list of none, sex, year, "
                       "date (default: year,sex).")));
    i = j + 1;
  }
  return keep;
}

/* dkcpr_options_init reads the clock; do it once per backend, not per row. */
static const dkcpr_options *base_options(void) {
  static dkcpr_options base;
  static bool ready = false;

  if (!ready) {
    PGDK_CHECK(dkcpr_options_init(&base, DKCPR_OPTIONS_VERSION));
    ready = true;
  }
  return &base;
}

const dkcpr_options *pgdk_type_options(void) {
  static dkcpr_options o;
  static bool ready = false;

  if (!ready) {
    o = *base_options();
    o.flags = DKCPR_PARSE_LENIENT | DKCPR_PARSE_ALLOW_REPLACEMENT |
              DKCPR_PARSE_ALLOW_FUTURE;
    ready = true;
  }
  return &o;
}

/* "Today" is the transaction's date, as CURRENT_DATE, so results are
 * stable within a statement and equal in parallel workers. Working it out
 * takes a time zone conversion: once per transaction and time zone, not
 * once per row. */
void pgdk_today_options(dkcpr_options *out, dkcpr_policy policy) {
  static TimestampTz cached_start;
  static const pg_tz *cached_tz;
  static int year, month, day;
  TimestampTz start = GetCurrentTransactionStartTimestamp();

  if (start != cached_start || session_timezone != cached_tz || year == 0) {
    j2date(GetSQLCurrentDate() + POSTGRES_EPOCH_JDATE, &year, &month, &day);
    cached_start = start;
    cached_tz = session_timezone;
  }
  *out = *base_options();
  out->policy = policy;
  out->ref_year = year;
  out->ref_month = month;
  out->ref_day = day;
}

void pgdk_keyed_options(dkcpr_options *out, dkcpr_policy policy) {
  *out = *pgdk_type_options();
  out->policy = policy;
}
