/* SPDX-License-Identifier: Apache-2.0 */
/* Parsing entry points and the ASCII fast path (no ICU, no allocation). */
#include <string.h>

#include <unicode/utf8.h>

#include "parse.h"
#include "rules.h"

static int is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

dkcpr_status dkcpr__parse_ascii(dkcpr_cpr *out, dkcpr__layout *layout,
                                const char *s, size_t len, size_t base,
                                const dkcpr__ref *ref) {
  char canon[10];
  const char *p = s;
  size_t sep = 0; /* 1 if a separator sits at position 6 */

  if (len == 11) {
    unsigned char c = (unsigned char)s[6];
    memcpy(canon, s, 6);
    memcpy(canon + 6, s + 7, 4);
    p = canon;
    sep = 1;
    if (c != '-' && c != ' ') {
      if (is_ascii_digit(c))
        return DKCPR_E_LENGTH; /* 11 digits: one too many, not a separator */
      dkcpr_status st = dkcpr__check_shape(canon);
      return st != DKCPR_OK ? st : DKCPR_E_SEPARATOR;
    }
  } else if (len != 10) {
    return DKCPR_E_LENGTH;
  }

  dkcpr_status st = dkcpr__check_resolved(out, p, ref);
  if (st == DKCPR_OK && layout != NULL) {
    for (size_t i = 0; i < 10; i++) {
      layout->offset[i] = base + i + (i >= 6 ? sep : 0);
      layout->length[i] = 1;
      layout->zero[i] = is_ascii_digit((unsigned char)p[i]) ? '0' : 0;
    }
  }
  return st;
}

dkcpr_status dkcpr__parse_layout(dkcpr_cpr *out, dkcpr__layout *layout,
                                 const char *s, size_t s_len,
                                 const dkcpr_options *opts) {
  if (s == NULL)
    return DKCPR_E_NULL;
  dkcpr__ref ref;
  dkcpr_status st = dkcpr__resolve_options(&ref, opts);
  if (st != DKCPR_OK)
    return st;
  if (ref.flags & DKCPR_PARSE_LENIENT)
    return dkcpr__parse_lenient(out, layout, s, s_len, &ref);
  return dkcpr__parse_ascii(out, layout, s, s_len, 0, &ref);
}

dkcpr_status dkcpr_parse(dkcpr_cpr *out, const char *s, size_t s_len,
                         const dkcpr_options *opts) {
  return dkcpr__parse_layout(out, NULL, s, s_len, opts);
}

dkcpr_status dkcpr_validate(const char *s, size_t s_len,
                            const dkcpr_options *opts) {
  return dkcpr__parse_layout(NULL, NULL, s, s_len, opts);
}

/* UTF-8 encoding of a code point with ICU (callers pass digits of a script,
 * which are scalar values). Returns the byte count. */
static size_t utf8_encode(unsigned char *o, uint32_t cp) {
  size_t n = 0;
  U8_APPEND_UNSAFE(o, n, (UChar32)cp);
  return n;
}

/* The character written for canon[i] in place of input character i. */
static size_t render_char(unsigned char *o, char c, uint32_t zero) {
  if (is_ascii_digit((unsigned char)c) && zero != 0)
    return utf8_encode(o, zero + (uint32_t)(c - '0'));
  o[0] = (unsigned char)c;
  return 1;
}

dkcpr_status dkcpr__render(char *out, size_t out_cap, size_t *out_len,
                           const char *in, size_t in_len,
                           const dkcpr__layout *layout, const char canon[10]) {
  if (out == NULL || in == NULL || layout == NULL || canon == NULL)
    return DKCPR_E_NULL;
  unsigned char tmp[4];
  size_t need = in_len, prev_end = 0;
  for (int i = 0; i < 10; i++) {
    size_t off = layout->offset[i], len = layout->length[i];
    if (off < prev_end || len < 1 || len > 4 || len > in_len ||
        off > in_len - len || layout->zero[i] > 0x10FFF6u ||
        (layout->zero[i] > 0xD7F6u && layout->zero[i] < 0xE000u))
      return DKCPR_E_ARG;
    char c = canon[i];
    if (!is_ascii_digit((unsigned char)c) && !(c >= 'A' && c <= 'Z'))
      return DKCPR_E_ARG;
    prev_end = off + len;
    need = need - len + render_char(tmp, c, layout->zero[i]);
  }
  if (out_cap < need + 1)
    return DKCPR_E_BUFSIZE;

  unsigned char *o = (unsigned char *)out;
  size_t pos = 0;
  for (int i = 0; i < 10; i++) {
    size_t off = layout->offset[i];
    memcpy(o, in + pos, off - pos);
    o += off - pos;
    o += render_char(o, canon[i], layout->zero[i]);
    pos = off + layout->length[i];
  }
  memcpy(o, in + pos, in_len - pos);
  o += in_len - pos;
  *o = '\0';
  if (out_len != NULL)
    *out_len = (size_t)(o - (unsigned char *)out);
  return DKCPR_OK;
}

dkcpr_status dkcpr__render_plain(char *out, size_t out_cap, size_t *out_len,
                                 const char *in, size_t in_len, const char canon[10]) {
  /* An ASCII input keeps its bytes and separator; digits stay ASCII. */
  size_t sep = in_len == 11;
  if (in_len != 10 && in_len != 11) return DKCPR_E_ARG;
  if (out_cap < in_len + 1) return DKCPR_E_BUFSIZE;
  memcpy(out, canon, 6);
  if (sep) out[6] = in[6];
  memcpy(out + 6 + sep, canon + 6, 4);
  out[in_len] = '\0';
  if (out_len != NULL) *out_len = in_len;
  return DKCPR_OK;
}
