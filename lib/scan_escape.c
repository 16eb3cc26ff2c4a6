/* SPDX-License-Identifier: Apache-2.0 */
/* Escaped characters: decoding for the scanner, encoding for the washer
 * (see scan_escape.h). */
#include <string.h>

#include <unicode/utf8.h>

#include "dkcpr.h"
#include "scan_chars.h"
#include "scan_escape.h"

static int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int is_lower_hex(unsigned char c) { return c >= 'a' && c <= 'f'; }

/* Whether the avail bytes at p follow the pattern of n percent units
 * ("%HH" each) as far as they go. */
static int percent_prefix(const unsigned char *p, size_t avail) {
  size_t k;
  for (k = 0; k < avail; k++)
    if (k % 3 == 0 ? p[k] != '%' : hexval(p[k]) < 0) return 0;
  return 1;
}

static int decode_percent(dkcpr__esc *e, const unsigned char *p, size_t avail,
                          int final) {
  unsigned char bytes[4];
  size_t need, k;
  int32_t cp;
  if (avail < 3) return !final && percent_prefix(p, avail) ? -1 : 0;
  if (hexval(p[1]) < 0 || hexval(p[2]) < 0) return 0;
  bytes[0] = (unsigned char)(hexval(p[1]) << 4 | hexval(p[2]));
  e->kind = DKCPR__ESC_PERCENT;
  e->lower = is_lower_hex(p[1]) || is_lower_hex(p[2]);
  e->len = 3;
  e->cp = bytes[0] < 0x80 ? bytes[0] : -1;
  if (bytes[0] < 0xC2 || bytes[0] > 0xF4) return 1;
  need = bytes[0] < 0xE0 ? 2 : bytes[0] < 0xF0 ? 3 : 4;
  if (avail < 3 * need && !final && percent_prefix(p, avail)) return -1;
  for (k = 1; k < need; k++) {
    const unsigned char *u = p + 3 * k;
    if (3 * k + 3 > avail || u[0] != '%' || hexval(u[1]) < 0 ||
        hexval(u[2]) < 0)
      return 1; /* an encoded invalid byte */
    bytes[k] = (unsigned char)(hexval(u[1]) << 4 | hexval(u[2]));
  }
  if (decode(bytes, need, &cp) != need || cp < 0) return 1;
  for (k = 1; k < need; k++)
    e->lower |= is_lower_hex(p[3 * k + 1]) || is_lower_hex(p[3 * k + 2]);
  e->cp = cp;
  e->len = (uint8_t)(3 * need);
  return 1;
}

typedef struct named {
  const char *name;
  int32_t cp;
} named;

/* Spaces, dashes and invisible characters only: the ones that can stand
 * in a number. */
static const named names[] = {
    {"nbsp", 0xA0},    {"shy", 0xAD},     {"ndash", 0x2013}, {"mdash", 0x2014},
    {"minus", 0x2212}, {"hyphen", 0x2010}, {"dash", 0x2010}, {"ensp", 0x2002},
    {"emsp", 0x2003},  {"thinsp", 0x2009}, {"zwj", 0x200D},  {"zwnj", 0x200C},
    {"NoBreak", 0x2060},
};

static int decode_reference(dkcpr__esc *e, const unsigned char *p,
                            size_t avail, int final) {
  size_t k, start, digits;
  int32_t cp = 0;
  int hex;
  if (avail < 2) return final ? 0 : -1;
  if (p[1] != '#') { /* a named reference */
    for (k = 1; k < avail && k < 9 &&
                ((p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'z');
         k++)
      ;
    if (k == avail) return k < 9 && !final ? -1 : 0;
    if (k == 1 || p[k] != ';') return 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
      if (strlen(names[i].name) == k - 1 &&
          memcmp(names[i].name, p + 1, k - 1) == 0) {
        e->kind = DKCPR__ESC_NAMED;
        e->cp = names[i].cp;
        e->len = (uint8_t)(k + 1);
        return 1;
      }
    return 0;
  }
  if (avail < 3) return final ? 0 : -1;
  hex = p[2] == 'x' || p[2] == 'X';
  start = hex ? 3 : 2;
  e->lower = 0;
  for (k = start; k < avail && k - start < 8; k++) {
    int v = hex ? hexval(p[k]) : (p[k] >= '0' && p[k] <= '9' ? p[k] - '0' : -1);
    if (v < 0) break;
    if (cp <= 0x10FFFF) cp = cp * (hex ? 16 : 10) + v; /* past it stays past it */
    e->lower |= is_lower_hex(p[k]);
  }
  digits = k - start;
  if (k == avail) return digits < 8 && !final ? -1 : 0;
  if (digits == 0 || digits >= 8 || p[k] != ';') return 0;
  if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  e->kind = hex ? DKCPR__ESC_HEX : DKCPR__ESC_DEC;
  e->x = (char)(hex ? p[2] : 0);
  e->width = (uint8_t)digits;
  e->cp = cp;
  e->len = (uint8_t)(k + 1);
  return 1;
}

/* Four hexadecimal digits after "\u" at p; -1 if not. */
static int32_t hex4(const unsigned char *p, uint8_t *lower) {
  int32_t v = 0;
  int k;
  for (k = 2; k < 6; k++) {
    int h = hexval(p[k]);
    if (h < 0) return -1;
    v = v << 4 | h;
    *lower |= is_lower_hex(p[k]);
  }
  return v;
}

static int json_prefix(const unsigned char *p, size_t avail) {
  size_t k;
  for (k = 0; k < avail; k++)
    if (k % 6 == 0 ? p[k] != '\\' : k % 6 == 1 ? p[k] != 'u' : hexval(p[k]) < 0)
      return 0;
  return 1;
}

static int decode_json(dkcpr__esc *e, const unsigned char *p, size_t avail,
                       int final) {
  int32_t hi, lo;
  if (avail < 6) return !final && json_prefix(p, avail) ? -1 : 0;
  e->lower = 0;
  hi = p[1] == 'u' ? hex4(p, &e->lower) : -1;
  if (hi < 0) return 0;
  e->kind = DKCPR__ESC_JSON;
  e->len = 6;
  e->cp = hi;
  if (hi >= 0xDC00 && hi <= 0xDFFF) e->cp = -1;
  if (hi < 0xD800 || hi > 0xDBFF) return 1;
  e->cp = -1; /* a lone high surrogate, unless its pair follows */
  if (avail < 12 && !final && json_prefix(p, avail)) return -1;
  if (avail < 12 || p[6] != '\\' || p[7] != 'u') return 1;
  lo = hex4(p + 6, &e->lower);
  if (lo < 0xDC00 || lo > 0xDFFF) return 1;
  e->cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
  e->len = 12;
  return 1;
}

int dkcpr__escape_decode(dkcpr__esc *e, const unsigned char *p, size_t avail,
                         int final) {
  memset(e, 0, sizeof *e);
  switch (p[0]) {
  case '%': return decode_percent(e, p, avail, final);
  case '&': return decode_reference(e, p, avail, final);
  case '\\': return decode_json(e, p, avail, final);
  default: return 0;
  }
}

static size_t put_hex(char *out, uint32_t v, size_t width, int lower) {
  const char *digits = lower ? "0123456789abcdef" : "0123456789ABCDEF";
  size_t n = 0, k;
  char tmp[8];
  do {
    tmp[n++] = digits[v & 15];
    v >>= 4;
  } while (v && n < sizeof tmp);
  while (n < width && n < sizeof tmp) tmp[n++] = '0';
  for (k = 0; k < n; k++) out[k] = tmp[n - 1 - k];
  return n;
}

size_t dkcpr__escape_encode(char *out, const dkcpr__esc *e, int32_t cp) {
  uint8_t u[4];
  size_t n = 0, k, m = 0;
  char tmp[8];
  switch (e->kind) {
  case DKCPR__ESC_PERCENT:
    U8_APPEND_UNSAFE(u, m, cp);
    for (k = 0; k < m; k++) {
      out[n++] = '%';
      n += put_hex(out + n, u[k], 2, e->lower);
    }
    return n;
  case DKCPR__ESC_DEC:
    out[n++] = '&';
    out[n++] = '#';
    do {
      tmp[m++] = (char)('0' + cp % 10);
      cp /= 10;
    } while (cp && m < sizeof tmp);
    while (m < e->width && m < sizeof tmp) tmp[m++] = '0';
    for (k = 0; k < m; k++) out[n++] = tmp[m - 1 - k];
    out[n++] = ';';
    return n;
  case DKCPR__ESC_HEX:
    out[n++] = '&';
    out[n++] = '#';
    out[n++] = e->x;
    n += put_hex(out + n, (uint32_t)cp, e->width, e->lower);
    out[n++] = ';';
    return n;
  case DKCPR__ESC_JSON:
    if (cp >= 0x10000) {
      out[n++] = '\\';
      out[n++] = 'u';
      n += put_hex(out + n, (uint32_t)(0xD800 + ((cp - 0x10000) >> 10)), 4,
                   e->lower);
      cp = 0xDC00 + ((cp - 0x10000) & 0x3FF);
    }
    out[n++] = '\\';
    out[n++] = 'u';
    n += put_hex(out + n, (uint32_t)cp, 4, e->lower);
    return n;
  default:
    U8_APPEND_UNSAFE((uint8_t *)out, n, cp);
    return n;
  }
}
