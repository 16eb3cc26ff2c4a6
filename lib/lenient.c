/* SPDX-License-Identifier: Apache-2.0 */
/* Lenient parsing: surrounding white space, any Unicode dash or space
 * separator, and decimal digits of any script, decoded with ICU. */
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "parse.h"
#include "rules.h"

/* ASCII white space, the same set as ICU's White_Space property below 0x80. */
static int ascii_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

typedef struct {
  UChar32 cp;
  size_t offset;
  uint8_t length;
  int digit; /* decimal digit value, -1 if none */
} decoded;

/* Decimal digit value of any script; ASCII without a table lookup. */
static int digit_value(UChar32 c) {
  if (c < 0x80)
    return c >= '0' && c <= '9' ? c - '0' : -1;
  return u_charDigitValue(c);
}

/* Unicode White_Space; a digit never is. */
static int is_space(UChar32 c, int digit) {
  if (digit >= 0)
    return 0;
  return c < 0x80 ? ascii_space((unsigned char)c) : u_isUWhiteSpace(c);
}

/* Decode all of s; E_UTF8 on any ill-formed sequence. Keeps at most 12
 * characters after trimming: more is a length error anyway. */
static dkcpr_status parse_unicode(dkcpr_cpr *out, dkcpr__layout *layout,
                                  const char *s, size_t s_len,
                                  const dkcpr__ref *ref) {
  const uint8_t *u = (const uint8_t *)s;
  decoded ch[12];
  size_t n, total = 0;
  int64_t len = (int64_t)s_len;
  int64_t pos = 0;
  size_t last = 0; /* characters up to the last non-space one */
  int seen = 0;

  while (pos < len) {
    int64_t start = pos;
    UChar32 c;
    U8_NEXT(u, pos, len, c);
    if (c < 0)
      return DKCPR_E_UTF8;
    int v = digit_value(c), space = is_space(c, v);
    if (!seen && space)
      continue; /* leading white space */
    seen = 1;
    if (!space)
      last = total + 1;
    if (total < 12) {
      ch[total].cp = c;
      ch[total].offset = (size_t)start;
      ch[total].length = (uint8_t)(pos - start);
      ch[total].digit = v;
    }
    total++;
  }
  /* Trailing white space is not part of the number. A white-space
   * separator in the middle stays, since last covers what follows it. */
  n = last;
  if (n != 10 && n != 11)
    return DKCPR_E_LENGTH;

  char canon[10];
  uint32_t zero[10];
  size_t idx[10];
  int sep_bad = 0, sep_digit = 0;
  for (size_t k = 0, j = 0; k < n; k++) {
    UChar32 c = ch[k].cp;
    int v = ch[k].digit;
    if (n == 11 && k == 6) {
      int8_t t = u_charType(c);
      if (v >= 0)
        sep_digit = 1;
      else if (t != U_DASH_PUNCTUATION && t != U_SPACE_SEPARATOR)
        sep_bad = 1;
      continue;
    }
    if (v >= 0) {
      canon[j] = (char)('0' + v);
      zero[j] = (uint32_t)(c - v);
    } else if (c >= 'A' && c <= 'Z') {
      canon[j] = (char)c;
      zero[j] = 0;
    } else {
      canon[j] = '?'; /* any other character: a character error */
      zero[j] = 0;
    }
    idx[j] = k;
    j++;
  }
  if (sep_digit)
    return DKCPR_E_LENGTH;
  /* A character error outranks a separator error; otherwise the full
   * check below tests the characters itself. */
  if (sep_bad) {
    dkcpr_status shape = dkcpr__check_shape(canon);
    return shape != DKCPR_OK ? shape : DKCPR_E_SEPARATOR;
  }
  dkcpr_status st = dkcpr__check_resolved(out, canon, ref);
  if (st == DKCPR_OK && layout != NULL) {
    for (size_t j = 0; j < 10; j++) {
      layout->offset[j] = ch[idx[j]].offset;
      layout->length[j] = ch[idx[j]].length;
      layout->zero[j] = zero[j];
    }
  }
  return st;
}

dkcpr_status dkcpr__parse_lenient(dkcpr_cpr *out, dkcpr__layout *layout,
                                  const char *s, size_t s_len,
                                  const dkcpr__ref *ref) {
  /* Fast path: trimmed ASCII input needs no ICU. */
  size_t a = 0, b = s_len;
  while (a < b && ascii_space((unsigned char)s[a]))
    a++;
  while (b > a && ascii_space((unsigned char)s[b - 1]))
    b--;
  size_t k = a;
  while (k < b && (unsigned char)s[k] < 0x80)
    k++;
  if (k == b)
    return dkcpr__parse_ascii(out, layout, s + a, b - a, a, ref);
  return parse_unicode(out, layout, s, s_len, ref);
}
