/* SPDX-License-Identifier: Apache-2.0 */
/* Skip loops of the scanner (internal). */
#ifndef DKCPR_SCAN_SKIP_H
#define DKCPR_SCAN_SKIP_H

#include <stddef.h>
#include <stdint.h>

/* First index in [i, n) of p holding an ASCII digit, a byte >= 0xD9 or an
 * escape's first byte ('%', '&', '\\'), or n. */
typedef size_t (*dkcpr__skip_fn)(const unsigned char *p, size_t i, size_t n);

/* The fastest loop this CPU runs. */
dkcpr__skip_fn dkcpr__skip_select(void);

/* The plain loop (tests compare the others with it). */
size_t dkcpr__skip_portable(const unsigned char *p, size_t i, size_t n);

/* Dense text (many short digit runs): first index in [i, n) where a digit
 * run of exactly 6, 7, 9 or 10 ASCII digits starts or a byte >= 0xD9 or an
 * escape's first byte stands, testing whole 64-byte blocks only; the rest (under 64 bytes) is
 * left: the result may be the start of that tail, even inside a run. */
dkcpr__skip_fn dkcpr__dense_select(void);
size_t dkcpr__dense_portable(const unsigned char *p, size_t i, size_t n);

#endif /* DKCPR_SCAN_SKIP_H */
