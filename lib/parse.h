/* SPDX-License-Identifier: Apache-2.0 */
/* Internal parsing interface shared by the parser, the pseudonymizer and the washer. */
#ifndef DKCPR_PARSE_H
#define DKCPR_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "dkcpr.h"

/* Where each of the 10 characters of a number sits in the input, so that an
 * output can be written the way the input was (separator, digit script). */
typedef struct dkcpr__layout {
  size_t offset[10];  /* byte offset of character i in the input */
  uint8_t length[10]; /* its length in bytes, 1-4 */
  uint32_t zero[10];  /* code point of digit zero of its script; 0 for a letter */
} dkcpr__layout;

/* dkcpr_parse() that also reports the layout (layout may be NULL). */
dkcpr_status dkcpr__parse_layout(dkcpr_cpr *out, dkcpr__layout *layout,
                                 const char *s, size_t s_len,
                                 const dkcpr_options *opts);

/* Validate 10 canonical ASCII characters (digits, or e-CPR letters). */
dkcpr_status dkcpr__check_canonical(dkcpr_cpr *out, const char canon[10],
                                    const dkcpr_options *opts);

/* Copy in to out, replacing the 10 characters located by layout with canon,
 * each written in the digit script of the character it replaces. */
dkcpr_status dkcpr__render(char *out, size_t out_cap, size_t *out_len,
                           const char *in, size_t in_len,
                           const dkcpr__layout *layout, const char canon[10]);

/* dkcpr__render() for an input the ASCII fast path parsed (10 or 11 bytes,
 * no lenient options): the layout is known, so no layout is needed. */
dkcpr_status dkcpr__render_plain(char *out, size_t out_cap, size_t *out_len,
                                 const char *in, size_t in_len, const char canon[10]);


#endif /* DKCPR_PARSE_H */
