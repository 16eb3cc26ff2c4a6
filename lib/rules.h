/* SPDX-License-Identifier: Apache-2.0 */
/* Internal helpers of the rule checks, shared by parse, lenient, options,
 * datelist and format. */
#ifndef DKCPR_RULES_H
#define DKCPR_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "calendar.h"
#include "dkcpr.h"


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


/* 1 if the date key is on the list (NULL: the shipped list). */
int dkcpr__known_date(const dkcpr_datelist *list, uint32_t key);

/* Weighted digit sum mod 11. */
int dkcpr__mod11_remainder(const char digits[10]);

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
