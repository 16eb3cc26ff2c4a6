/* SPDX-License-Identifier: Apache-2.0 */
/* JSON string output for scan --json and info --json. */
#include <stdio.h>

#include "cli.h"

void cli_json_string(FILE *f, const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  putc('"', f);
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    if (c == '"' || c == '\\') {
      putc('\\', f);
      putc(c, f);
      i++;
    } else if (c < 0x20 || c == 0x7F) {
      fprintf(f, "\\u%04x", c);
      i++;
    } else {
      size_t n = cli_utf8_len(s + i, len - i);
      if (n == 0) {
        fputs("\\ufffd", f);
        i++;
      } else {
        fwrite(s + i, 1, n, f);
        i += n;
      }
    }
  }
  putc('"', f);
}

int cli_utf8_valid(const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  for (size_t i = 0; i < len;) {
    size_t n = cli_utf8_len(s + i, len - i);
    if (n == 0)
      return 0;
    i += n;
  }
  return 1;
}

void cli_json_base64(FILE *f, const char *str, size_t len) {
  static const char b64[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const unsigned char *s = (const unsigned char *)str;
  putc('"', f);
  for (size_t i = 0; i < len; i += 3) {
    unsigned int v = (unsigned int)s[i] << 16;
    if (i + 1 < len)
      v |= (unsigned int)s[i + 1] << 8;
    if (i + 2 < len)
      v |= s[i + 2];
    putc(b64[v >> 18], f);
    putc(b64[(v >> 12) & 63], f);
    putc(i + 1 < len ? b64[(v >> 6) & 63] : '=', f);
    putc(i + 2 < len ? b64[v & 63] : '=', f);
  }
  putc('"', f);
}
