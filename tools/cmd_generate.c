/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr generate: distinct synthetic valid numbers, reproducible by seed. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_text.h"

#define BATCH 4096
#define STRIDE 11

static int parse_born(const char *s, dkcpr_generate_options *g) {
  const char *dots = strstr(s, "..");
  if (!dots) {
    cli_error("generate", "bad --born '%s' (expected FROM..TO)", s);
    return -1;
  }
  char from[16], to[16];
  size_t nf = (size_t)(dots - s), nt = strlen(dots + 2);
  if (nf >= sizeof from || nt >= sizeof to) {
    cli_error("generate", "bad --born '%s' (expected FROM..TO)", s);
    return -1;
  }
  memcpy(from, s, nf);
  from[nf] = '\0';
  memcpy(to, dots + 2, nt + 1);
  if (nf && cli_parse_date("generate", "--born start", from, 0, &g->from_year,
                           &g->from_month, &g->from_day))
    return -1;
  if (nt && cli_parse_date("generate", "--born end", to, 1, &g->to_year,
                           &g->to_month, &g->to_day))
    return -1;
  return 0;
}

int cmd_generate(int argc, char *argv[]) {
  dkcpr_generate_options g;
  dkcpr_status st = dkcpr_generate_options_init(&g, DKCPR_GENERATE_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    cli_error("generate", "%s", dkcpr_strerror(st));
    return cli_exit_for_status(st);
  }
  uint64_t count = 0;
  int have_count = 0, opt;
  const char *seed = NULL;
  optind = 0;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, cli_shorts_generate, cli_options_generate, NULL)) !=
         -1) {
    switch (opt) {
    case 'n':
      if (cli_parse_u64("generate", "--count", optarg, 0, UINT64_MAX / 2, &count))
        return CLI_EXIT_USAGE;
      have_count = 1;
      break;
    case OPT_BORN:
      if (parse_born(optarg, &g))
        return CLI_EXIT_USAGE;
      break;
    case OPT_SEX:
      if (strcmp(optarg, "f") == 0 || strcmp(optarg, "female") == 0)
        g.sex = DKCPR_SEX_FEMALE;
      else if (strcmp(optarg, "m") == 0 || strcmp(optarg, "male") == 0)
        g.sex = DKCPR_SEX_MALE;
      else {
        cli_error("generate", "bad --sex '%s' (f or m)", optarg);
        return CLI_EXIT_USAGE;
      }
      break;
    case OPT_MOD11:
      if (strcmp(optarg, "yes") == 0)
        g.mod11 = 1;
      else if (strcmp(optarg, "no") == 0)
        g.mod11 = 0;
      else if (strcmp(optarg, "any") == 0)
        g.mod11 = -1;
      else {
        cli_error("generate", "bad --mod11 '%s' (yes, no or any)", optarg);
        return CLI_EXIT_USAGE;
      }
      break;
    case OPT_NEVER_REAL: g.flags |= DKCPR_GENERATE_NEVER_REAL; break;
    case OPT_SEED: seed = optarg; break;
    case 'h': fputs(cli_help_generate, stdout); return CLI_EXIT_OK;
    default: return cli_bad_option("generate", opt, argv[optind - 1]);
    }
  }
  if (!have_count) {
    cli_error("generate", "--count N is required (see dkcpr generate --help)");
    return CLI_EXIT_USAGE;
  }
  if (optind < argc) {
    cli_error("generate", "unexpected argument '%s' (see dkcpr generate --help)",
              argv[optind]);
    return CLI_EXIT_USAGE;
  }
  /* Without a seed, a random one: a different sequence every run. */
  uint8_t random_seed[DKCPR_KEY_BYTES];
  const uint8_t *seed_bytes = (const uint8_t *)seed;
  size_t seed_len = seed ? strlen(seed) : 0;
  if (!seed) {
    if ((st = dkcpr_keygen(random_seed, sizeof random_seed)) != DKCPR_OK) {
      cli_error("generate", "%s", dkcpr_strerror(st));
      return cli_exit_for_status(st);
    }
    seed_bytes = random_seed;
    seed_len = sizeof random_seed;
  }
  /* Ask for the total first, so an impossible request fails before any output. */
  uint64_t total = 0;
  char *buf = malloc((size_t)BATCH * STRIDE);
  int rc = CLI_EXIT_OK;
  if (!buf) {
    cli_error("generate", "out of memory");
    rc = CLI_EXIT_INTERNAL;
    goto done;
  }
  st = dkcpr_generate(buf, STRIDE, &total, &g, seed_bytes, seed_len, 0, 0);
  if (st == DKCPR_OK && count > total)
    st = DKCPR_E_RANGE;
  if (st != DKCPR_OK) {
    if (st == DKCPR_E_RANGE)
      cli_error("generate", "only %llu numbers match, %llu asked for",
                (unsigned long long)total, (unsigned long long)count);
    else
      cli_error("generate", "%s", dkcpr_strerror(st));
    rc = cli_exit_for_status(st);
    goto done;
  }
  for (uint64_t first = 0; first < count;) {
    size_t n = count - first < BATCH ? (size_t)(count - first) : BATCH;
    st = dkcpr_generate(buf, STRIDE, NULL, &g, seed_bytes, seed_len, first, n);
    if (st != DKCPR_OK) {
      cli_error("generate", "%s", dkcpr_strerror(st));
      rc = cli_exit_for_status(st);
      goto done;
    }
    for (size_t i = 0; i < n; i++)
      buf[i * STRIDE + 10] = '\n';
    if (fwrite(buf, STRIDE, n, stdout) != n) {
      rc = CLI_EXIT_OUTPUT; /* main() says why */
      goto done;
    }
    first += n;
  }
done:
  free(buf);
  cli_wipe(random_seed, sizeof random_seed);
  return rc;
}
