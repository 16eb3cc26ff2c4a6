/* SPDX-License-Identifier: Apache-2.0 */
/* A structured washer's totals (see struct_totals.h). */
#include <stddef.h>
#include <string.h>

#include "struct_totals.h"

/* The counts that add up over parts: every field but the version and
 * rule_unmatched. */
#define ADDED_COUNTS(X)                                                                  \
  X(values) X(replaced) X(irreversible) X(unrecognised) X(failed) X(integers)            \
  X(rule_values) X(rule_unusable) X(rule_irreversible)

/* A field added to dkcpr_struct_counts breaks this, so it cannot be left
 * out of the list above by mistake. */
/* A term of the sum below, so it begins with its plus. */
#define FIELD_SIZE(f) +sizeof(((dkcpr_struct_counts *)0)->f) // NOLINT(bugprone-macro-parentheses)
typedef char struct_counts_all_listed
    [offsetof(dkcpr_struct_counts, values) ADDED_COUNTS(FIELD_SIZE) FIELD_SIZE(rule_unmatched) ==
             sizeof(dkcpr_struct_counts)
         ? 1
         : -1];

void struct_totals_init(dkcpr_wash_stats *s, dkcpr_struct_counts *c) {
  memset(s, 0, sizeof *s);
  memset(c, 0, sizeof *c);
  s->version = DKCPR_WASH_STATS_VERSION;
  c->version = DKCPR_STRUCT_COUNTS_VERSION;
}

dkcpr_status struct_totals_read(dkcpr_wash_stats *s, dkcpr_struct_counts *c,
                                const dkcpr_struct_washer *w, uint64_t extra) {
  struct_totals_init(s, c);
  dkcpr_status st = dkcpr_struct_washer_stats(s, c, w);
  s->bytes_in -= extra;
  s->bytes_out -= extra;
  return st;
}

void struct_counts_add(dkcpr_struct_counts *sum, const dkcpr_struct_counts *c) {
#define ADD(f) sum->f += c->f;
  ADDED_COUNTS(ADD)
#undef ADD
}
