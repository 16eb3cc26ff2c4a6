/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr info: what a number says about its holder. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_text.h"

static void show(const dkcpr_cpr *c, const char *dashed, int age, int json) {
  const char *sex = c->sex == DKCPR_SEX_MALE ? "male" : "female";
  const char *kind = dkcpr_kind_name(c->kind);
  if (json) {
    printf("{\"number\":\"%s\",\"birth_date\":\"%04d-%02d-%02d\",\"age\":%d,"
           "\"sex\":\"%s\",\"century_digit\":%d,\"mod11\":%s,"
           "\"known_date\":%s,\"kind\":\"%s\"}\n",
           dashed, c->year, c->month, c->day, age, sex, c->century_digit,
           c->mod11 ? "true" : "false", c->known_date ? "true" : "false", kind);
    return;
  }
  printf("number:         %s\n", dashed);
  printf("birth date:     %04d-%02d-%02d\n", c->year, c->month, c->day);
  printf("age:            %d\n", age);
  printf("sex:            %s\n", sex);
  printf("century digit:  %d\n", c->century_digit);
  printf("mod 11:         %s\n", c->kind == DKCPR_KIND_XECPR ||
                                         c->kind == DKCPR_KIND_DECPR
                                     ? "not applicable (e-CPR)"
                                 : c->mod11 ? "passes" : "fails");
  printf("known date:     %s\n", c->known_date ? "yes" : "no");
  printf("kind:           %s\n", kind);
}

int cmd_info(int argc, char *argv[]) {
  dkcpr_options po;
  dkcpr_status st = dkcpr_options_init(&po, DKCPR_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    cli_error("info", "%s", dkcpr_strerror(st));
    return cli_exit_for_status(st);
  }
  /* info explains any number it recognises, replacement numbers included. */
  po.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
  const char *known_dates = NULL;
  int json = 0, opt;
  optind = 0;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, cli_shorts_info, cli_options_info, NULL)) !=
         -1) {
    switch (opt) {
    case OPT_JSON: json = 1; break;
    case 'p':
      if (cli_parse_policy("info", optarg, &po.policy))
        return CLI_EXIT_USAGE;
      break;
    case OPT_KNOWN_DATES: known_dates = optarg; break;
    case OPT_LENIENT: po.flags |= DKCPR_PARSE_LENIENT; break;
    case OPT_REFERENCE_DATE:
      if (cli_parse_date("info", "--reference-date", optarg, -1, &po.ref_year,
                         &po.ref_month, &po.ref_day))
        return CLI_EXIT_USAGE;
      break;
    case 'h': fputs(cli_help_info, stdout); return CLI_EXIT_OK;
    default: return cli_bad_option("info", opt, argv[optind - 1]);
    }
  }
  if (argc - optind != 1) {
    cli_error("info", "expected one NUMBER, got %d (see dkcpr info --help)",
              argc - optind);
    return CLI_EXIT_USAGE;
  }
  const char *number = argv[optind];
  dkcpr_datelist *dates = NULL;
  int rc;
  if (known_dates && (rc = cli_load_known_dates("info", known_dates, &dates)))
    return rc;
  po.known_dates = dates;

  dkcpr_cpr cpr;
  st = dkcpr_parse(&cpr, number, strlen(number), &po);
  int age = 0;
  char dashed[DKCPR_FORMAT_BUFSIZE];
  if (st == DKCPR_OK)
    st = dkcpr_format(dashed, sizeof dashed, NULL, &cpr, DKCPR_FORMAT_DASHED);
  if (st == DKCPR_OK)
    st = dkcpr_age(&age, &cpr, po.ref_year, po.ref_month, po.ref_day);
  dkcpr_datelist_free(dates);
  if (st == DKCPR_E_ARG) {
    cli_error("info", "%s (check --reference-date)", dkcpr_strerror(st));
    return CLI_EXIT_USAGE;
  }
  if (st != DKCPR_OK) {
    cli_error("info", "'%.64s%s' is invalid: %s (%s)", number,
              strlen(number) > 64 ? "..." : "", dkcpr_strerror(st),
              dkcpr_status_name(st));
    return CLI_EXIT_NEGATIVE;
  }
  show(&cpr, dashed, age, json);
  return CLI_EXIT_OK; /* main() checks that standard output was written */
}
