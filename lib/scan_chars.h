/* SPDX-License-Identifier: Apache-2.0 */
/* Character classes of the scanner (internal; included by scan_core.c and
 * wash_replace.c; inline because they run once per character near digits). */
#ifndef DKCPR_SCAN_CHARS_H
#define DKCPR_SCAN_CHARS_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/uchar.h>

/* Character classes. HYPHEN, DOT and SLASH are separators and grouping marks. */
enum {
  CL_OTHER = 0,
  CL_DIGIT,
  CL_UPPER,
  CL_LOWER,
  CL_SPACE,  /* ' ', or a Unicode space separator (Zs) */
  CL_DASH,   /* Unicode dash punctuation (Pd) and U+2212 MINUS SIGN */
  CL_HYPHEN, /* '-' */
  CL_DOT,    /* '.' */
  CL_SLASH,  /* '/' */
  CL_PLUS,   /* '+' */
  CL_TAB,    /* '\t' */
  CL_INVIS,  /* format characters (Cf): soft hyphen, zero-width space, joiners */
  CL_COMMA   /* ',' */
};

static inline uint8_t ascii_class(unsigned char b) {
  if (b >= '0' && b <= '9') return CL_DIGIT;
  if (b >= 'A' && b <= 'Z') return CL_UPPER;
  if (b >= 'a' && b <= 'z') return CL_LOWER;
  switch (b) {
  case ' ': return CL_SPACE;
  case '-': return CL_HYPHEN;
  case '.': return CL_DOT;
  case '/': return CL_SLASH;
  case '+': return CL_PLUS;
  case '\t': return CL_TAB;
  case ',': return CL_COMMA;
  default: return CL_OTHER;
  }
}

static inline uint8_t unicode_class(int32_t cp, int *val) {
  int8_t t = u_charType(cp);
  if (t == U_DECIMAL_DIGIT_NUMBER) {
    *val = u_charDigitValue(cp);
    return CL_DIGIT;
  }
  if (t == U_SPACE_SEPARATOR) return CL_SPACE;
  /* U+2212: word processors turn a typed '-' into a minus sign. */
  if (t == U_DASH_PUNCTUATION || cp == 0x2212) return CL_DASH;
  /* Invisible characters that formatting puts between digits (soft hyphen,
   * zero-width space, word joiner, zero-width joiner, direction marks). */
  if (t == U_FORMAT_CHAR) return CL_INVIS;
  return CL_OTHER;
}

/* Decode one UTF-8 character of at most avail bytes. Returns its length,
 * 0 if the bytes so far are a valid but incomplete prefix, or 1 with
 * *cp = -1 for an invalid byte (each invalid byte is a character of its own,
 * so the result never depends on where the chunks end). */
static inline size_t decode(const unsigned char *p, size_t avail, int32_t *cp) {
  unsigned char b = p[0];
  size_t need, k;
  unsigned char lo = 0x80, hi = 0xBF;
  int32_t v;
  if (b < 0x80) { *cp = b; return 1; }
  *cp = -1;
  if (b < 0xC2 || b > 0xF4) return 1;
  need = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (b == 0xE0) lo = 0xA0;
  if (b == 0xED) hi = 0x9F;
  if (b == 0xF0) lo = 0x90;
  if (b == 0xF4) hi = 0x8F;
  v = b & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
  for (k = 1; k < need; k++) {
    if (k >= avail) return 0;
    if (p[k] < (k == 1 ? lo : 0x80) || p[k] > (k == 1 ? hi : 0xBF)) return 1;
    v = (v << 6) | (p[k] & 0x3F);
  }
  *cp = v;
  return need;
}

#endif /* DKCPR_SCAN_CHARS_H */
