/* SPDX-License-Identifier: Apache-2.0 */
/* A structured washer's output, kept in a buffer that grows by what is written. */
#ifndef DKCPR_CLI_STRUCT_BUF_H
#define DKCPR_CLI_STRUCT_BUF_H

#include "cli.h"

typedef struct struct_buf {
  char *data;
  size_t len, cap;
} struct_buf;

/* Wash in[0..n) (finish: then the end) onto the end of b, in slices so the
 * output room the washer asks for (its worst case) stays small. Returns the
 * washer's status (DKCPR_E_NOMEM when b cannot grow). */
dkcpr_status struct_buf_feed(dkcpr_struct_washer *w, struct_buf *b, const char *in, size_t n,
                             int finish);

#endif /* DKCPR_CLI_STRUCT_BUF_H */
