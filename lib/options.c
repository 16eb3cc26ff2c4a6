/* SPDX-License-Identifier: Apache-2.0 */
/* Parse options: defaults, checking, and the reference date. */
#include "parse.h"
#include "rules.h"
#include "versioned.h"

/* Size of each version of dkcpr_options (see versioned.h). */
static const size_t options_sizes[] = {sizeof(dkcpr_options)};
#define OPTIONS_VERSIONS (sizeof options_sizes / sizeof options_sizes[0])

dkcpr_status dkcpr_options_init(dkcpr_options *opts, unsigned int version) {
  dkcpr_options d;
  if (opts == NULL)
    return DKCPR_E_NULL;
  d.version = DKCPR_OPTIONS_VERSION;
  d.policy = DKCPR_POLICY_DEFAULT;
  d.flags = 0;
  d.known_dates = NULL;
  /* If the clock cannot be read, leave 0/0/0: "today, read at every call". */
  if (dkcpr__today(&d.ref_year, &d.ref_month, &d.ref_day) != 0)
    d.ref_year = d.ref_month = d.ref_day = 0;
  return dkcpr__versioned_write(opts, &d, options_sizes, OPTIONS_VERSIONS,
                                version);
}

#define DKCPR__KNOWN_FLAGS \
  (DKCPR_PARSE_LENIENT | DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE)

dkcpr_status dkcpr__resolve_options(dkcpr__ref *ref,
                                    const dkcpr_options *opts) {
  int y, m, d;
  if (opts == NULL) {
    ref->flags = 0;
    ref->policy = DKCPR_POLICY_DEFAULT;
    ref->known_dates = NULL;
    y = m = d = 0;
  } else {
    /* Every field is in version 1: a later version reads its own fields
     * through dkcpr__versioned_read. */
    if (dkcpr__versioned_size(options_sizes, OPTIONS_VERSIONS, opts->version) == 0 ||
        (opts->flags & ~DKCPR__KNOWN_FLAGS) != 0 ||
        (unsigned)opts->policy > DKCPR_POLICY_STRICT)
      return DKCPR_E_ARG;
    ref->flags = opts->flags;
    ref->policy = opts->policy;
    ref->known_dates = opts->known_dates;
    y = opts->ref_year;
    m = opts->ref_month;
    d = opts->ref_day;
  }
  if (y == 0 && m == 0 && d == 0) {
    /* Without a clock no date can be called "not yet born". */
    if (dkcpr__today(&y, &m, &d) != 0) {
      ref->date_key = UINT32_MAX;
      return DKCPR_OK;
    }
  } else if (y < 1 || y > 9999 || !dkcpr__date_valid(y, m, d)) {
    return DKCPR_E_ARG;
  }
  ref->date_key = DKCPR__DATE_KEY(y, m, d);
  return DKCPR_OK;
}
