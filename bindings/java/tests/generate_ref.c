/* SPDX-License-Identifier: Apache-2.0 */
/* Reference numbers for GeneratorTest, straight from the C API:
 *   generate_ref SEED FROM TO SEX MOD11 FLAGS FIRST COUNT
 * FROM and TO are YYYYMMDD or 0 for the default; SEX and MOD11 are -1 for
 * any. Prints one number per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dkcpr.h"

static void set_date(const char *s, int *y, int *m, int *d) {
  long v = strtol(s, NULL, 10);
  if (v != 0) {
    *y = (int)(v / 10000);
    *m = (int)(v / 100 % 100);
    *d = (int)(v % 100);
  }
}

/* Any failure ends the run with a message; GeneratorTest then fails. */
static int fail(const char *what, dkcpr_status st) {
  fprintf(stderr, "generate_ref: %s: %s\n", what, dkcpr_status_name(st));
  return 1;
}

int main(int argc, char **argv) {
  dkcpr_generate_options g;
  unsigned long long first;
  size_t count, i;
  char *out;
  dkcpr_status st;
  if (argc != 9) {
    fputs("usage: generate_ref SEED FROM TO SEX MOD11 FLAGS FIRST COUNT\n", stderr);
    return 2;
  }
  st = dkcpr_generate_options_init(&g, DKCPR_GENERATE_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    return fail("options", st);
  }
  set_date(argv[2], &g.from_year, &g.from_month, &g.from_day);
  set_date(argv[3], &g.to_year, &g.to_month, &g.to_day);
  g.sex = atoi(argv[4]);
  g.mod11 = atoi(argv[5]);
  g.flags = (unsigned int)atoi(argv[6]);
  first = strtoull(argv[7], NULL, 10);
  count = (size_t)strtoul(argv[8], NULL, 10);
  out = malloc(count * 11 + 1);
  if (out == NULL) {
    return fail("buffer", DKCPR_E_NOMEM);
  }
  st = dkcpr_generate(out, 11, NULL, &g, (const uint8_t *)argv[1],
                      strlen(argv[1]), first, count);
  if (st != DKCPR_OK) {
    free(out);
    return fail("generate", st);
  }
  for (i = 0; i < count; i++) {
    puts(out + i * 11);
  }
  free(out);
  return 0;
}
