/* SPDX-License-Identifier: Apache-2.0 */
/* Escaped characters in text (internal): the scanner reads them as the
 * characters they stand for, the washer writes a new digit the same way.
 *   percent   %HH, and %HH%HH... for one UTF-8 character (URLs, forms)
 *   decimal   &#DDD;      hexadecimal  &#xHHH; &#XHHH;   (HTML, XML)
 *   named     &nbsp; &shy; &ndash; &mdash; &minus; &hyphen; &dash; &ensp;
 *             &emsp; &thinsp; &zwj; &zwnj; &NoBreak;     (HTML)
 *   JSON      \uHHHH, and a surrogate pair for a character above U+FFFF
 * Anything else that begins with '%', '&' or '\' is literal text. Escapes
 * are read wherever they stand, without parsing the format around them: a
 * JSON string holding an escaped backslash and "u0030" is read as a digit,
 * and "50%0707614285" as "50", BEL, "07614285"; both are rare in data. */
#ifndef DKCPR_SCAN_ESCAPE_H
#define DKCPR_SCAN_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

/* Longest escape of one character: four percent-encoded UTF-8 bytes, or a
 * JSON surrogate pair. */
#define DKCPR__ESC_MAX 12

typedef enum dkcpr__esc_kind {
  DKCPR__ESC_NONE = 0, /* a literal character */
  DKCPR__ESC_PERCENT,
  DKCPR__ESC_DEC,
  DKCPR__ESC_HEX,
  DKCPR__ESC_NAMED,
  DKCPR__ESC_JSON
} dkcpr__esc_kind;

typedef struct dkcpr__esc {
  int32_t cp;     /* the character; -1: an escaped invalid byte, lone surrogate */
  uint8_t len;    /* bytes of the escape */
  uint8_t kind;   /* dkcpr__esc_kind */
  uint8_t lower;  /* hexadecimal letters written in lower case */
  uint8_t width;  /* digits written (decimal and hexadecimal references) */
  char x;         /* 'x' or 'X' of a hexadecimal reference */
} dkcpr__esc;

static inline int dkcpr__esc_start(unsigned char b) {
  return b == '%' || b == '&' || b == '\\';
}

/* Decode the escape at p (avail bytes). Returns 1 (an escape, *e filled),
 * 0 (p[0] is literal), or -1 (the bytes so far may still become an escape:
 * more are needed; never when final is set). */
int dkcpr__escape_decode(dkcpr__esc *e, const unsigned char *p, size_t avail,
                         int final);

/* Write code point cp the way e was written (same kind, case, width);
 * returns the bytes written (at most DKCPR__ESC_MAX + 4). */
size_t dkcpr__escape_encode(char *out, const dkcpr__esc *e, int32_t cp);

#endif /* DKCPR_SCAN_ESCAPE_H */
