/* Internal helpers of the rule checks, shared by parse, lenient, options,
 * datelist and format. */
#ifndef DKCPR_RULES_H
#define DKCPR_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "dkcpr.h"

/* A date as one ordered integer: later dates give larger keys. */
#define DKCPR__DATE_KEY(y, m, d) \
  (((uint32_t)(y) << 9) | ((uint32_t)(m) << 5) | (uint32_t)(d))

/* Options resolved once per call: checked, with the reference date filled. */
typedef struct dkcpr__ref {
  unsigned int flags;
  dkcpr_policy policy;
  uint32_t date_key; /* reference date */
  const dkcpr_datelist *known_dates; /* NULL: the shipped list */
} dkcpr__ref;

/* Check opts (NULL means the defaults) and read today's date if needed.
 * Returns DKCPR_OK or DKCPR_E_ARG. */
dkcpr_status dkcpr__resolve_options(dkcpr__ref *ref, const dkcpr_options *opts);

/* dkcpr__check_canonical() with options already resolved. */
dkcpr_status dkcpr__check_resolved(dkcpr_cpr *out, const char canon[10],
                                   const dkcpr__ref *ref);

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

/* Today's local date. Returns 0, or -1 if the clock cannot be read. */
int dkcpr__today(int *year, int *month, int *day);

/* 1 if the date key is on the list (NULL: the shipped list). */
int dkcpr__known_date(const dkcpr_datelist *list, uint32_t key);

/* E_CHAR unless 7 digits, two digits or two capitals, a digit. */
dkcpr_status dkcpr__check_shape(const char canon[10]);

/* The ASCII forms DDMMYYSSSS, DDMMYY-SSSS, DDMMYY SSSS at s (len bytes);
 * layout offsets are reported relative to s plus base. */
dkcpr_status dkcpr__parse_ascii(dkcpr_cpr *out, struct dkcpr__layout *layout,
                                const char *s, size_t len, size_t base,
                                const dkcpr__ref *ref);

/* The lenient parser (ICU); same contract as dkcpr__parse_layout(). */
dkcpr_status dkcpr__parse_lenient(dkcpr_cpr *out, struct dkcpr__layout *layout,
                                  const char *s, size_t s_len,
                                  const dkcpr__ref *ref);

#endif /* DKCPR_RULES_H */
