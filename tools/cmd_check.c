/* dkcpr check: validate numbers, one result line per number. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: dkcpr check [OPTION]... [NUMBER]...\n"
    "Validate CPR numbers given as arguments, or one per line on standard input.\n"
    "Prints a line per number: valid, or invalid and the reason.\n"
    "\n"
    "  -p, --policy=P            default, known-dates or strict (mod 11)\n"
    "      --known-dates=FILE    more dates for the known-dates policy\n"
    "      --lenient             allow surrounding white space, Unicode dashes,\n"
    "                            spaces and digits\n"
    "      --allow-replacement   accept replacement numbers (day+60, e-CPR)\n"
    "      --reference-date=D    judge \"not yet born\" on D (YYYY-MM-DD), not today\n"
    "  -q, --quiet               print nothing; only the exit code\n"
    "  -h, --help                this help\n"
    "\n"
    "Exit: 0 all valid, 1 some invalid, 2 usage, 3 input.\n";

enum { OPT_KNOWN_DATES = 256, OPT_LENIENT, OPT_ALLOW_REPLACEMENT, OPT_REFERENCE_DATE };

/* Print the result for one number; returns 0 valid, 1 invalid, or an exit
 * code above 1 when the options themselves are wrong. */
static int check_one(const char *s, size_t len, const dkcpr_options *opts,
                     int quiet) {
  dkcpr_cpr cpr;
  dkcpr_status st = dkcpr_parse(&cpr, s, len, opts);
  if (st == DKCPR_E_ARG) {
    cli_error("check", "%s (check --reference-date)", dkcpr_strerror(st));
    return CLI_EXIT_USAGE;
  }
  if (quiet)
    return st != DKCPR_OK;
  fwrite(s, 1, len, stdout);
  if (st == DKCPR_OK) {
    if (cpr.kind == DKCPR_KIND_CPR)
      fputs(": valid\n", stdout);
    else
      printf(": valid (%s)\n", dkcpr_kind_name(cpr.kind));
    return 0;
  }
  printf(": invalid: %s (%s)\n", dkcpr_strerror(st), dkcpr_status_name(st));
  return 1;
}

int cmd_check(int argc, char *argv[]) {
  static const struct option opts[] = {
      {"policy", required_argument, NULL, 'p'},
      {"known-dates", required_argument, NULL, OPT_KNOWN_DATES},
      {"lenient", no_argument, NULL, OPT_LENIENT},
      {"allow-replacement", no_argument, NULL, OPT_ALLOW_REPLACEMENT},
      {"reference-date", required_argument, NULL, OPT_REFERENCE_DATE},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
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
  while ((opt = getopt_long(argc, argv, ":p:qh", opts, NULL)) != -1) {
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
    case 'h': fputs(usage, stdout); return CLI_EXIT_OK;
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
      invalid |= check_one(argv[i], strlen(argv[i]), &po, quiet);
  } else {
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (invalid <= 1 && (n = getline(&line, &cap, stdin)) >= 0) {
      size_t len = (size_t)n;
      if (len && line[len - 1] == '\n')
        len--;
      if (len && line[len - 1] == '\r')
        len--;
      if (len) /* blank lines separate, they are not numbers */
        invalid |= check_one(line, len, &po, quiet);
    }
    if (ferror(stdin)) {
      cli_error("check", "cannot read standard input: %s", strerror(errno));
      rc = CLI_EXIT_INPUT;
    }
    free(line);
  }
  dkcpr_datelist_free(dates);
  if (fflush(stdout) != 0) {
    cli_error("check", "cannot write standard output: %s", strerror(errno));
    return CLI_EXIT_OUTPUT;
  }
  if (invalid > 1)
    return CLI_EXIT_USAGE;
  if (rc)
    return rc;
  return invalid ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
}
