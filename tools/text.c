/* SPDX-License-Identifier: Apache-2.0 */
/* Text from outside the program (file names, option values, input lines)
 * made safe to show on a terminal or in a line-oriented result:
 * - escaped: a name with a newline or an escape sequence in it must not
 *   forge a result line or drive the terminal;
 * - hidden: a run of hexadecimal characters as long as half a key is
 *   never shown, so a key pasted into the wrong option or argument does not
 *   end up on a screen, in a CI log or in a terminal's scroll-back. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

size_t cli_utf8_len(const unsigned char *s, size_t len) {
  unsigned char c = s[0];
  size_t n;
  unsigned int min, cp;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (len < n)
    return 0;
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

static unsigned int code_point(const unsigned char *s, size_t n) {
  static const unsigned char lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  unsigned int cp = s[0] & lead_mask[n];
  for (size_t i = 1; i < n; i++)
    cp = (cp << 6) | (s[i] & 0x3F);
  return cp;
}

/* Characters that are invisible or move text around: C1 controls, the
 * bidirectional controls ("Trojan Source"), zero-width characters and the
 * Unicode line and paragraph separators. */
static int invisible(unsigned int cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}

static int is_hex(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

static size_t hex_run(const unsigned char *s, size_t len) {
  size_t n = 0;
  while (n < len && is_hex(s[n]))
    n++;
  return n;
}

static void put_bytes_escaped(FILE *f, const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    fprintf(f, "\\x%02X", s[i]);
}

/* Bytes written as they are, in one go: printable ASCII other than the
 * backslash (anything, unescaped), and no hexadecimal digit when hiding. */
static size_t plain_run(const unsigned char *s, size_t len, unsigned int flags) {
  size_t n = 0;
  for (; n < len; n++) {
    unsigned char c = s[n];
    if ((flags & CLI_TEXT_HIDE_KEYS) && is_hex(c))
      break;
    if ((flags & CLI_TEXT_ESCAPE) && (c < 0x20 || c >= 0x7F || c == '\\'))
      break;
  }
  return n;
}

void cli_put_text(FILE *f, const char *str, size_t len, unsigned int flags) {
  const unsigned char *s = (const unsigned char *)str;
  for (size_t i = 0; i < len;) {
    size_t run = plain_run(s + i, len - i, flags);
    if (run) {
      fwrite(s + i, 1, run, f);
      i += run;
      continue;
    }
    unsigned char c = s[i];
    if ((flags & CLI_TEXT_HIDE_KEYS) && is_hex(c)) {
      size_t hex = hex_run(s + i, len - i);
      if (hex >= CLI_KEYLIKE_HEX)
        fputs(CLI_HIDDEN, f);
      else
        fwrite(s + i, 1, hex, f);
      i += hex;
      continue;
    }
    if (!(flags & CLI_TEXT_ESCAPE)) {
      putc(c, f);
      i++;
      continue;
    }
    if (c == '\\') {
      fputs("\\\\", f);
      i++;
    } else if (c == '\n') {
      fputs("\\n", f);
      i++;
    } else if (c == '\t') {
      fputs("\\t", f);
      i++;
    } else if (c == '\r') {
      fputs("\\r", f);
      i++;
    } else if (c < 0x20 || c == 0x7F) {
      put_bytes_escaped(f, s + i, 1);
      i++;
    } else {
      size_t n = cli_utf8_len(s + i, len - i);
      if (n == 0) {
        put_bytes_escaped(f, s + i, 1);
        i++;
      } else {
        if (n > 1 && invisible(code_point(s + i, n)))
          put_bytes_escaped(f, s + i, n);
        else
          fwrite(s + i, 1, n, f);
        i += n;
      }
    }
  }
}

void cli_put_str(FILE *f, const char *s, unsigned int flags) {
  cli_put_text(f, s, strlen(s), flags);
}
