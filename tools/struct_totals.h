/* SPDX-License-Identifier: Apache-2.0 */
/* A structured washer's totals: the text washer's stats and the counts of
 * the values of CPR fields and rules, read and added up over the washers
 * of one input's parts. */
#ifndef DKCPR_CLI_STRUCT_TOTALS_H
#define DKCPR_CLI_STRUCT_TOTALS_H

#include "cli.h"

/* Zero totals of the current versions, to add to or read into. */
void struct_totals_init(dkcpr_wash_stats *s, dkcpr_struct_counts *c);

/* w's totals, less the extra bytes it washed that are not the input's. */
dkcpr_status struct_totals_read(dkcpr_wash_stats *s, dkcpr_struct_counts *c,
                                const dkcpr_struct_washer *w, uint64_t extra);

/* Add c to sum, all but rule_unmatched: rules one part's washer found no
 * field for may name one in another part, so parts' counts of them do not
 * add up (see wash_struct_parallel). */
void struct_counts_add(dkcpr_struct_counts *sum, const dkcpr_struct_counts *c);

#endif /* DKCPR_CLI_STRUCT_TOTALS_H */
