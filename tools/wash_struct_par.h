/* SPDX-License-Identifier: Apache-2.0 */
/* Washing a structured input on several threads: in parts cut between
 * records (struct_cuts.h), each washed by a washer of its own primed with
 * what came before it (dkcpr_struct_washer_prime), so the output, the
 * counts and the place of a syntax error equal one washer's. */
#ifndef DKCPR_CLI_WASH_STRUCT_PAR_H
#define DKCPR_CLI_WASH_STRUCT_PAR_H

#include "struct_buf.h"
#include "wash_stream.h"

/* 1 when inputs of format f can be washed in parts: CSV, TSV, JSON Lines, SQL. */
int struct_parallel_format(dkcpr_data_format f);

/* Wash the rest of src on x->jobs threads. w0 has washed the input's first
 * fed bytes, first[0..fed), into *out (not yet written); it washes on
 * alone to the first place a part can start. The totals of the whole input
 * are added to *stats and *counts (rule_unmatched: the rules no washer of
 * the input found a field for), and the rules the parts' washers found a
 * field for to matched (NULL without rules; w0's are the caller's to add).
 * Returns 0, or an exit code after a message (a syntax error is said as one
 * washer would say it). */
int wash_struct_parallel(wash_stream *x, cli_input *src, dkcpr_struct_washer *w0,
                         const dkcpr_struct_options *so, const char *first, size_t fed,
                         struct_buf *out, dkcpr_wash_stats *stats, dkcpr_struct_counts *counts,
                         unsigned char *matched);

#endif /* DKCPR_CLI_WASH_STRUCT_PAR_H */
