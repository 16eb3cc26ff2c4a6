/* SPDX-License-Identifier: Apache-2.0 */
/* Reads candidates (one per line, hex-encoded UTF-8 bytes) and prints one
 * verdict per line: "OK YYYY-MM-DD" or the status name. Used by the
 * differential test against python-stdnum.
 * Usage: cpr_verdict YYYY-MM-DD [lenient] < candidates */
#include <stdio.h>
#include <string.h>

#include "dkcpr.h"

static int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* A malformed candidate stops the run: the driver then reports the test failed. */
static int fail(const char *why, unsigned long line_no) {
  fprintf(stderr, "cpr_verdict: line %lu: %s\n", line_no, why);
  return 3;
}

int main(int argc, char **argv) {
  dkcpr_options o;
  unsigned long line_no = 0;
  if (argc < 2 || dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION) != DKCPR_OK ||
      sscanf(argv[1], "%d-%d-%d", &o.ref_year, &o.ref_month, &o.ref_day) != 3) {
    fprintf(stderr, "usage: cpr_verdict YYYY-MM-DD [lenient] < candidates\n");
    return 2;
  }
  if (argc > 2 && strcmp(argv[2], "lenient") == 0)
    o.flags |= DKCPR_PARSE_LENIENT;
  static char line[4096];
  static char bytes[2048];
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strcspn(line, "\r\n"), len = 0;
    line_no++;
    if (n % 2 != 0)
      return fail("odd number of hex digits", line_no);
    for (size_t i = 0; i < n; i += 2) {
      int hi = hex_value(line[i]), lo = hex_value(line[i + 1]);
      if (hi < 0 || lo < 0)
        return fail("not hexadecimal", line_no);
      bytes[len++] = (char)(hi * 16 + lo);
    }
    dkcpr_cpr c;
    dkcpr_status st = dkcpr_parse(&c, bytes, len, &o);
    if (st == DKCPR_OK)
      printf("OK %04d-%02d-%02d\n", c.year, c.month, c.day);
    else
      printf("%s\n", dkcpr_status_name(st));
  }
  return ferror(stdin) ? 1 : 0;
}
