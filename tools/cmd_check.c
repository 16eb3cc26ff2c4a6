/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr check: validate numbers, one result line per number. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_text.h"

/* No written form of a number, however lenient, is longer than this: a
 * longer line is reported without being read into memory. */
#define CHECK_MAX_LINE 256
/* How much of an over-long line is shown. */
#define CHECK_ECHO 40

/* The number as given, escaped (it may hold anything) and with key-like
 * text hidden; at most CHECK_ECHO bytes of an over-long one. */
static void echo(const char *s, size_t len) {
  if (len <= CHECK_MAX_LINE) {
    cli_put_text(stdout, s, len, CLI_TEXT_ESCAPE | CLI_TEXT_HIDE_KEYS);
    return;
  }
  size_t n = CHECK_ECHO;
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--; /* end at a character boundary */
  cli_put_text(stdout, s, n, CLI_TEXT_ESCAPE | CLI_TEXT_HIDE_KEYS);
  fputs("...", stdout);
}

/* Print the result for one number; returns 0 valid, 1 invalid, or an exit
 * code above 1 when the options themselves are wrong. too_long: the line
 * went on past what s holds. */
static int check_one(const char *s, size_t len, int too_long,
                     const dkcpr_options *opts, int quiet) {
  dkcpr_cpr cpr;
  dkcpr_status st = DKCPR_E_LENGTH;
  if (!too_long && len <= CHECK_MAX_LINE)
    st = dkcpr_parse(&cpr, s, len, opts);
  if (st == DKCPR_E_ARG) {
    cli_error("check", "%s (check --reference-date)", dkcpr_strerror(st));
    return CLI_EXIT_USAGE;
  }
  if (quiet)
    return st != DKCPR_OK;
  echo(s, too_long ? CHECK_MAX_LINE + 1 : len);
  if (st == DKCPR_OK) {
    if (cpr.kind == DKCPR_KIND_CPR)
      fputs(": valid\n", stdout);
    else
      printf(": valid (%s)\n", dkcpr_kind_name(cpr.kind));
    return 0;
  }
  if (too_long || len > CHECK_MAX_LINE)
    printf(": invalid: longer than %d bytes, not a CPR number (%s)\n",
           CHECK_MAX_LINE, dkcpr_status_name(st));
  else
    printf(": invalid: %s (%s)\n", dkcpr_strerror(st), dkcpr_status_name(st));
  return 1;
}

/* The next line of f without its line end, at most CHECK_MAX_LINE + 1
 * bytes of it kept in buf (the rest is read and dropped, so memory stays
 * constant); *too_long says some were dropped. Returns 0 at the end. */
static int read_line(FILE *f, char buf[CHECK_MAX_LINE + 2], size_t *len,
                     int *too_long) {
  size_t n = 0;
  int c, any = 0;
  *too_long = 0;
  while ((c = getc_unlocked(f)) != EOF) {
    any = 1;
    if (c == '\n')
      break;
    if (n < CHECK_MAX_LINE + 2)
      buf[n++] = (char)c;
    else
      *too_long = 1;
  }
  if (!any)
    return 0;
  if (!*too_long && n && buf[n - 1] == '\r')
    n--;
  if (n > CHECK_MAX_LINE)
    *too_long = 1;
  *len = n;
  return 1;
}

int cmd_check(int argc, char *argv[]) {
  dkcpr_options po;
  dkcpr_status st = dkcpr_options_init(&po, DKCPR_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    cli_error("check", "%s", dkcpr_strerror(st));
    return cli_exit_for_status(st);
  }
  const char *known_dates = NULL;
  int quiet = 0, opt;
  optind = 0;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, cli_shorts_check, cli_options_check, NULL)) !=
         -1) {
    switch (opt) {
    case 'p':
      if (cli_parse_policy("check", optarg, &po.policy))
        return CLI_EXIT_USAGE;
      break;
    case OPT_KNOWN_DATES: known_dates = optarg; break;
    case OPT_LENIENT: po.flags |= DKCPR_PARSE_LENIENT; break;
    case OPT_ALLOW_REPLACEMENT: po.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT; break;
    case OPT_REFERENCE_DATE:
      if (cli_parse_date("check", "--reference-date", optarg, -1, &po.ref_year,
                         &po.ref_month, &po.ref_day))
        return CLI_EXIT_USAGE;
      break;
    case 'q': quiet = 1; break;
    case 'h': fputs(cli_help_check, stdout); return CLI_EXIT_OK;
    default: return cli_bad_option("check", opt, argv[optind - 1]);
    }
  }
  dkcpr_datelist *dates = NULL;
  int rc;
  if (known_dates && (rc = cli_load_known_dates("check", known_dates, &dates)))
    return rc;
  po.known_dates = dates;

  int invalid = 0;
  rc = CLI_EXIT_OK;
  if (optind < argc) {
    for (int i = optind; i < argc && invalid <= 1; i++)
      invalid |= check_one(argv[i], strlen(argv[i]), 0, &po, quiet);
  } else {
    char line[CHECK_MAX_LINE + 2];
    size_t len;
    int too_long;
    while (invalid <= 1 && read_line(stdin, line, &len, &too_long))
      if (len || too_long) /* blank lines separate, they are not numbers */
        invalid |= check_one(line, len, too_long, &po, quiet);
    if (ferror(stdin)) {
      cli_error("check", "cannot read standard input: %s", strerror(errno));
      rc = CLI_EXIT_INPUT;
    }
  }
  dkcpr_datelist_free(dates);
  /* main() checks that standard output was written. */
  if (invalid > 1)
    return CLI_EXIT_USAGE;
  if (rc)
    return rc;
  return invalid ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
}
