/* SPDX-License-Identifier: Apache-2.0 */
/* cpr_check: parse, validate and format CPR numbers given as arguments.
 *
 *   cpr_check 070761-4285 "０２０３２９１WQ３"
 *
 * Prints one line per number; exits 1 if any is not valid. */
#include <stdio.h>
#include <string.h>

#include <dkcpr.h>

int main(int argc, char **argv) {
  dkcpr_options opts;
  /* Defaults: mod 11 not required, today as the reference date. */
  if (dkcpr_options_init(&opts, DKCPR_OPTIONS_VERSION) != DKCPR_OK)
    return 2;
  /* Accept white space, Unicode dashes and digits, and replacement numbers. */
  opts.flags |= DKCPR_PARSE_LENIENT | DKCPR_PARSE_ALLOW_REPLACEMENT;

  int failures = 0;
  for (int i = 1; i < argc; i++) {
    dkcpr_cpr cpr;
    dkcpr_status st = dkcpr_parse(&cpr, argv[i], strlen(argv[i]), &opts);
    if (st != DKCPR_OK) {
      printf("%s: invalid: %s (%s)\n", argv[i], dkcpr_strerror(st),
             dkcpr_status_name(st));
      failures++;
      continue;
    }
    char dashed[DKCPR_FORMAT_BUFSIZE], masked[DKCPR_FORMAT_BUFSIZE];
    if (dkcpr_format(dashed, sizeof dashed, NULL, &cpr, DKCPR_FORMAT_DASHED) != DKCPR_OK ||
        dkcpr_format(masked, sizeof masked, NULL, &cpr, DKCPR_FORMAT_MASKED) != DKCPR_OK)
      return 2;
    int age = -1;
    if (dkcpr_age(&age, &cpr, opts.ref_year, opts.ref_month, opts.ref_day) != DKCPR_OK)
      age = -1;
    printf("%s: %s (%s) born %04d-%02d-%02d, age %d, %s, %s", argv[i], dashed,
           masked, cpr.year, cpr.month, cpr.day, age,
           cpr.sex == DKCPR_SEX_MALE ? "male" : "female", dkcpr_kind_name(cpr.kind));
    /* Mod 11 is a signal, not a validity rule; e-CPR numbers have none. */
    if (cpr.kind == DKCPR_KIND_CPR || cpr.kind == DKCPR_KIND_REPLACEMENT)
      printf(", mod 11 %s%s", cpr.mod11 ? "holds" : "fails",
             cpr.known_date ? " (date known to have numbers without it)" : "");
    printf("\n");
  }
  return failures ? 1 : 0;
}
