/* SPDX-License-Identifier: Apache-2.0 */
/* A washer's output, kept in a buffer that grows by what is written. */
#ifndef DKCPR_CLI_WASH_BUF_H
#define DKCPR_CLI_WASH_BUF_H

#include "cli.h"

typedef struct wash_buf {
  char *data;
  size_t len, cap;
} wash_buf;

/* Append the washed in_len bytes to b. The input goes to the washer in
 * slices whose worst case (every slice a row of numbers, each replaced by
 * the longest text the options allow) fits WASH_ROOM bytes, so the buffer
 * grows with the output actually written, never with in_len times the
 * placeholder. Returns the washer's status (DKCPR_E_NOMEM when b cannot grow). */
dkcpr_status wash_buf_feed(dkcpr_washer *w, wash_buf *b, const char *in,
                           size_t in_len);
/* Append what the washer held back at the end of the input. */
dkcpr_status wash_buf_finish(dkcpr_washer *w, wash_buf *b);

#endif /* DKCPR_CLI_WASH_BUF_H */
