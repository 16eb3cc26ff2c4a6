/* dkcpr wash and dkcpr reveal: stream files or standard input through the
 * library's washer to standard output or to an atomically written file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "wash_stream.h"

static const char wash_usage[] =
    "Usage: dkcpr wash [OPTION]... [FILE]...\n"
    "Replace every CPR number in the FILEs (or standard input, also '-') and\n"
    "write the text otherwise unchanged to standard output or to -o OUT.\n"
    "\n"
    "  -k, --key-file=FILE       key: 64 hexadecimal characters (dkcpr keygen)\n"
    "      --key-env=VARIABLE    key from an environment variable instead\n"
    "  -c, --context=TEXT        separates datasets: other context, other pseudonyms\n"
    "      --keep=LIST           what pseudonyms keep: none, sex, year, date,\n"
    "                            comma-separated (default year,sex)\n"
    "      --never-real          pseudonyms in the day+60 replacement space, so\n"
    "                            they can never be a person's number\n"
    "  -m, --mode=MODE           pseudonym (default), mask, token or redact\n"
    "      --min-confidence=L    low (default), medium or high\n"
    "      --nine-digits         also numbers that lost their leading zero (9\n"
    "                            digits: integer columns, Excel, JSON numbers)\n"
    "  -p, --policy=P            default, known-dates or strict (mod 11)\n"
    "      --known-dates=FILE    more dates for the known-dates policy (YYYY-MM-DD lines)\n"
    "      --placeholder=TEXT    redact mode text (default [CPR])\n"
    "      --token-chars=N       token mode length, 16-52 (default 26)\n"
    "  -o, --output=OUT          write OUT atomically (temporary file, then rename)\n"
    "  -q, --quiet               no summary on standard error\n"
    "  -j, --jobs=N              threads (default: the processors, at most 4)\n"
    "  -h, --help                this help\n"
    "\n"
    "pseudonym and token modes need a key; reveal with the same key, context,\n"
    "--keep, --never-real and --nine-digits undoes a pseudonym wash. A summary\n"
    "by kind goes to standard error.\n"
    "Exit: 0 done, 2 usage, 3 input, 4 output, 5 key, 6 internal.\n";

static const char reveal_usage[] =
    "Usage: dkcpr reveal [OPTION]... [FILE]...\n"
    "Undo a pseudonym-mode wash: give the same key, context, --keep,\n"
    "--never-real and --nine-digits as the wash.\n"
    "\n"
    "  -k, --key-file=FILE       key: 64 hexadecimal characters\n"
    "      --key-env=VARIABLE    key from an environment variable instead\n"
    "  -c, --context=TEXT        the wash's context\n"
    "      --keep=LIST           the wash's --keep (default year,sex)\n"
    "      --never-real          the wash used --never-real\n"
    "      --min-confidence=L    low (default), medium or high\n"
    "      --nine-digits         the wash used --nine-digits\n"
    "  -p, --policy=P            default, known-dates or strict\n"
    "      --known-dates=FILE    more dates for the known-dates policy\n"
    "  -o, --output=OUT          write OUT atomically (temporary file, then rename)\n"
    "  -q, --quiet               no summary on standard error\n"
    "  -j, --jobs=N              threads (default: the processors, at most 4)\n"
    "  -h, --help                this help\n"
    "\n"
    "Exit: 0 done, 2 usage, 3 input, 4 output, 5 key, 6 internal.\n";

enum {
  OPT_KEY_ENV = 256,
  OPT_KEEP,
  OPT_NEVER_REAL,
  OPT_MIN_CONFIDENCE,
  OPT_KNOWN_DATES,
  OPT_PLACEHOLDER,
  OPT_TOKEN_CHARS,
  OPT_NINE_DIGITS
};

struct wash_config {
  const char *cmd;
  dkcpr_wash_mode mode;
  unsigned int keep, pflags;
  const char *context, *key_file, *key_env, *known_dates, *output;
  const char *placeholder;
  uint64_t token_chars, jobs;
  dkcpr_policy policy;
  dkcpr_confidence min_confidence;
  int quiet, nine_digits;
};

struct wash_totals {
  dkcpr_wash_stats sum;
  size_t inputs;
};

static int parse_options(struct wash_config *c, int reveal, int argc,
                         char *argv[]) {
  static const struct option wash_opts[] = {
      {"key-file", required_argument, NULL, 'k'},
      {"key-env", required_argument, NULL, OPT_KEY_ENV},
      {"context", required_argument, NULL, 'c'},
      {"keep", required_argument, NULL, OPT_KEEP},
      {"never-real", no_argument, NULL, OPT_NEVER_REAL},
      {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
      {"nine-digits", no_argument, NULL, OPT_NINE_DIGITS},
      {"policy", required_argument, NULL, 'p'},
      {"known-dates", required_argument, NULL, OPT_KNOWN_DATES},
      {"output", required_argument, NULL, 'o'},
      {"quiet", no_argument, NULL, 'q'},
      {"jobs", required_argument, NULL, 'j'},
      {"help", no_argument, NULL, 'h'},
      /* wash only, from here on */
      {"mode", required_argument, NULL, 'm'},
      {"placeholder", required_argument, NULL, OPT_PLACEHOLDER},
      {"token-chars", required_argument, NULL, OPT_TOKEN_CHARS},
      {NULL, 0, NULL, 0}};
  optind = 0;
  opterr = 0;
  int opt;
  const char *shorts = reveal ? ":k:c:p:o:qj:h" : ":k:c:p:o:qj:hm:";
  while ((opt = getopt_long(argc, argv, shorts, wash_opts, NULL)) != -1) {
    if (reveal && (opt == 'm' || opt == OPT_PLACEHOLDER || opt == OPT_TOKEN_CHARS))
      opt = '?'; /* the wash-only options mean nothing to reveal */
    switch (opt) {
    case 'k': c->key_file = optarg; break;
    case OPT_KEY_ENV: c->key_env = optarg; break;
    case 'c': c->context = optarg; break;
    case OPT_KEEP:
      if (cli_parse_keep(c->cmd, optarg, &c->keep))
        return CLI_EXIT_USAGE;
      break;
    case OPT_NEVER_REAL: c->pflags |= DKCPR_NEVER_REAL; break;
    case OPT_MIN_CONFIDENCE:
      if (cli_parse_confidence(c->cmd, optarg, &c->min_confidence))
        return CLI_EXIT_USAGE;
      break;
    case 'p':
      if (cli_parse_policy(c->cmd, optarg, &c->policy))
        return CLI_EXIT_USAGE;
      break;
    case OPT_NINE_DIGITS: c->nine_digits = 1; break;
    case OPT_KNOWN_DATES: c->known_dates = optarg; break;
    case 'o': c->output = optarg; break;
    case 'q': c->quiet = 1; break;
    case 'j':
      if (cli_parse_u64(c->cmd, "--jobs", optarg, 1, 64, &c->jobs))
        return CLI_EXIT_USAGE;
      break;
    case 'h':
      fputs(reveal ? reveal_usage : wash_usage, stdout);
      return -1;
    case 'm':
      if (cli_parse_mode(c->cmd, optarg, &c->mode))
        return CLI_EXIT_USAGE;
      break;
    case OPT_PLACEHOLDER: c->placeholder = optarg; break;
    case OPT_TOKEN_CHARS:
      if (cli_parse_u64(c->cmd, "--token-chars", optarg, DKCPR_TOKEN_MIN_CHARS,
                        DKCPR_TOKEN_MAX_CHARS, &c->token_chars))
        return CLI_EXIT_USAGE;
      break;
    default:
      return cli_bad_option(c->cmd, opt, argv[optind - 1]);
    }
  }
  return 0;
}

/* Sum of the regular files' sizes, or 0 when a stream's length is unknown. */
static uint64_t total_size(char *const paths[], int n) {
  uint64_t total = 0;
  for (int i = 0; i < n; i++) {
    struct stat sb;
    if (strcmp(paths[i], "-") == 0 ? fstat(STDIN_FILENO, &sb) != 0
                                   : stat(paths[i], &sb) != 0)
      return 0;
    if (!S_ISREG(sb.st_mode))
      return 0;
    total += (uint64_t)sb.st_size;
  }
  return total ? total : 1;
}

/* Wash one input into out. Returns 0 or an exit code after a message. */
static int wash_one(const struct wash_config *c, const char *path,
                    const dkcpr_pseudonymizer *p, const dkcpr_wash_options *wo,
                    cli_out *out, cli_progress *prog, struct wash_totals *t) {
  int fd, err = cli_open_input(path, &fd);
  if (err) {
    cli_error(c->cmd, "cannot open '%s': %s", path, strerror(err));
    return CLI_EXIT_INPUT;
  }
  wash_stream x = {c->cmd, cli_input_name(path), p, wo, out, prog, &t->sum};
  /* Several threads only when the result cannot differ: see wash_stream.h. */
  int rc = c->jobs > 1 && c->min_confidence == DKCPR_CONFIDENCE_LOW
               ? wash_parallel(&x, fd, (int)c->jobs)
               : wash_sequential(&x, fd, NULL, 0);
  if (rc == 0)
    t->inputs++;
  if (fd != STDIN_FILENO)
    close(fd);
  return rc;
}

static void print_summary(const struct wash_config *c, const struct wash_totals *t) {
  const dkcpr_wash_stats *s = &t->sum;
  char in[32], out[32];
  fprintf(stderr, "dkcpr %s: %zu input%s, %s read, %s written to %s\n", c->cmd,
          t->inputs, t->inputs == 1 ? "" : "s", cli_human_bytes(in, s->bytes_in),
          cli_human_bytes(out, s->bytes_out),
          c->output && strcmp(c->output, "-") != 0 ? c->output : "standard output");
  uint64_t found = 0, replaced = 0, by_conf[3] = {0, 0, 0};
  char kinds[256] = "";
  for (int k = 0; k < 4; k++) {
    uint64_t fk = 0;
    for (int i = 0; i < 3; i++) {
      fk += s->found[k][i];
      by_conf[i] += s->found[k][i];
      replaced += s->replaced[k][i];
    }
    found += fk;
    if (fk) {
      size_t used = strlen(kinds);
      snprintf(kinds + used, sizeof kinds - used, "%s%s %llu", used ? ", " : "",
               dkcpr_kind_name((dkcpr_kind)k), (unsigned long long)fk);
    }
  }
  fprintf(stderr, "dkcpr %s: found %llu", c->cmd, (unsigned long long)found);
  if (found)
    fprintf(stderr, " (%s; confidence high %llu, medium %llu, low %llu)", kinds,
            (unsigned long long)by_conf[2], (unsigned long long)by_conf[1],
            (unsigned long long)by_conf[0]);
  fprintf(stderr, ", %s %llu, left unchanged %llu\n",
          c->mode == DKCPR_WASH_REVEAL ? "revealed" : "replaced",
          (unsigned long long)replaced, (unsigned long long)s->failed);
}

/* Numbers found but not replaced are still in the output: always say so. */
static void warn_unchanged(const struct wash_config *c, const dkcpr_wash_stats *s) {
  if (s->failed == 0 || c->mode == DKCPR_WASH_REVEAL)
    return;
  cli_warn(c->cmd, "%llu number%s found but left unchanged%s",
           (unsigned long long)s->failed, s->failed == 1 ? "" : "s",
           c->pflags & DKCPR_NEVER_REAL
               ? " (replacement numbers cannot be pseudonymized with --never-real)"
               : "");
}

static int run(int reveal, int argc, char *argv[]) {
  struct wash_config c;
  memset(&c, 0, sizeof c);
  c.cmd = reveal ? "reveal" : "wash";
  c.mode = DKCPR_WASH_PSEUDONYM;
  c.keep = DKCPR_KEEP_DEFAULT;
  c.policy = DKCPR_POLICY_DEFAULT;
  c.min_confidence = DKCPR_CONFIDENCE_LOW;
  c.token_chars = DKCPR_TOKEN_DEFAULT_CHARS;
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  c.jobs = cpus < 1 ? 1 : cpus > 4 ? 4 : (uint64_t)cpus;
  int rc = parse_options(&c, reveal, argc, argv);
  if (rc)
    return rc < 0 ? CLI_EXIT_OK : rc;
  if (reveal)
    c.mode = DKCPR_WASH_REVEAL;

  dkcpr_pseudonymizer *p = NULL;
  dkcpr_datelist *dates = NULL;
  cli_out out = {-1, NULL, NULL};
  int out_open = 0;
  dkcpr_status st;

  if (c.mode == DKCPR_WASH_PSEUDONYM || c.mode == DKCPR_WASH_TOKEN ||
      c.mode == DKCPR_WASH_REVEAL) {
    uint8_t key[DKCPR_KEY_BYTES];
    rc = cli_load_key(c.cmd, c.key_file, c.key_env, key);
    if (rc == 0) {
      const char *ctx = c.context ? c.context : "";
      st = dkcpr_pseudonymizer_new(&p, key, sizeof key, (const uint8_t *)ctx,
                                   strlen(ctx), c.keep, c.pflags);
      if (st != DKCPR_OK) {
        cli_error(c.cmd, "%s", dkcpr_strerror(st));
        rc = cli_exit_for_status(st);
      }
    }
    cli_wipe(key, sizeof key);
    if (rc)
      goto done;
  }
  if (c.known_dates && (rc = cli_load_known_dates(c.cmd, c.known_dates, &dates)))
    goto done;

  dkcpr_wash_options wo;
  if ((st = dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION)) != DKCPR_OK) {
    cli_error(c.cmd, "%s", dkcpr_strerror(st));
    rc = cli_exit_for_status(st);
    goto done;
  }
  wo.mode = c.mode;
  wo.scan.parse.policy = c.policy;
  wo.scan.parse.known_dates = dates;
  wo.scan.min_confidence = c.min_confidence;
  if (c.nine_digits) wo.scan.flags |= DKCPR_SCAN_NINE_DIGITS;
  wo.token_chars = (size_t)c.token_chars;
  if (c.placeholder) {
    wo.placeholder = c.placeholder;
    wo.placeholder_len = strlen(c.placeholder);
  }

  if ((rc = cli_out_open(&out, c.cmd, c.output)) != 0)
    goto done;
  out_open = 1;

  char *stdin_only[] = {"-"};
  char **inputs = optind < argc ? argv + optind : stdin_only;
  int n_inputs = optind < argc ? argc - optind : 1;
  struct wash_totals totals;
  memset(&totals, 0, sizeof totals);
  cli_progress prog;
  cli_progress_init(&prog, total_size(inputs, n_inputs));
  for (int i = 0; i < n_inputs && rc == 0; i++)
    rc = wash_one(&c, inputs[i], p, &wo, &out, &prog, &totals);
  cli_progress_end(&prog);
  if (rc == 0) {
    rc = cli_out_commit(&out, c.cmd);
    out_open = 0; /* committed or, on failure, already cleaned up */
  }
  if (rc == 0 && !c.quiet)
    print_summary(&c, &totals);
  if (rc == 0)
    warn_unchanged(&c, &totals.sum);

done:
  if (out_open)
    cli_out_abort(&out);
  dkcpr_datelist_free(dates);
  dkcpr_pseudonymizer_free(p);
  return rc;
}

int cmd_wash(int argc, char *argv[]) { return run(0, argc, argv); }

int cmd_reveal(int argc, char *argv[]) { return run(1, argc, argv); }
