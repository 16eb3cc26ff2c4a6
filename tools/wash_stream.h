/* SPDX-License-Identifier: Apache-2.0 */
/* Streaming one input through washers: in sequence, or in segments cut
 * after newlines and washed on several threads. */
#ifndef DKCPR_CLI_WASH_STREAM_H
#define DKCPR_CLI_WASH_STREAM_H

#include "input.h"

typedef struct wash_stream {
  const char *cmd;
  const char *name;                 /* the input, for messages */
  const dkcpr_pseudonymizer *p;     /* shared by every thread: immutable */
  const dkcpr_scan_options *so;     /* what is found */
  const dkcpr_wash_options *wo;     /* how it is replaced */
  out_layer *sink;                  /* where washed text goes */
  cli_progress *prog;
  dkcpr_wash_stats *sum;            /* totals so far, added to as segments finish */
  uint64_t irreversible;            /* numbers that got the fallback */
  /* When the user's --policy or --min-confidence leave numbers in place:
   * what finds every valid number, and how many it found, so the numbers
   * left unchanged by those options can be counted and said. */
  const dkcpr_scan_options *all;
  uint64_t all_found;
  int jobs;                         /* threads for text (wash_structured) */
  int quiet;                        /* --quiet: no notes, only warnings */
} wash_stream;

/* Wash in: prefix first (bytes already read), then the rest of in, with one
 * washer; before (may be NULL) is the text that came before, for context
 * only (dkcpr_washer_prime). Returns 0 or an exit code after a message. */
int wash_sequential(wash_stream *x, cli_input *in, const char *prefix,
                    size_t prefix_len, const char *before, size_t before_len);

/* Wash in on `jobs` threads, in segments cut after newlines. A number never
 * spans a newline, and each segment's washer is primed with the text before
 * it (the context a number draws on: the line before, a CSV header), so
 * the output and the counts equal wash_sequential()'s at every minimum
 * confidence. Falls back to one washer when a line is longer than a read. */
int wash_parallel(wash_stream *x, cli_input *in, int jobs);
/* The same, with prefix_len (at most CLI_CHUNK) bytes already read first. */
int wash_parallel_from(wash_stream *x, cli_input *in, int jobs,
                       const char *prefix, size_t prefix_len);

void wash_add_stats(dkcpr_wash_stats *sum, const dkcpr_wash_stats *s);
uint64_t wash_count_found(const dkcpr_wash_stats *s);
uint64_t wash_count_replaced(const dkcpr_wash_stats *s);

#endif /* DKCPR_CLI_WASH_STREAM_H */
