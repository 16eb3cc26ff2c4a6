/* SPDX-License-Identifier: Apache-2.0 */
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
#include "cli_text.h"
#include "input.h"
#include "manifest.h"
#include "wash_struct.h"

struct wash_config {
  const char *cmd;
  dkcpr_wash_mode mode, fallback;
  unsigned int keep, pflags;
  const char *context, *key_file, *key_env, *known_dates, *output;
  size_t context_len;
  const char *placeholder, *manifest;
  uint64_t token_chars, jobs;
  dkcpr_policy policy;
  dkcpr_confidence min_confidence;
  int quiet, nine_digits;
  struct_choice structure;  /* --format, --cpr-field, --rules */
  char cpr_fields[4096];
  const char *rules_file;
  char *rules_text;         /* the rules file's (or the manifest's) text */
  size_t rules_len;
  dkcpr_rules *rules;
  cli_input_opts input;
  const char *mapping_option; /* the first option given that decides the mapping */
  unsigned int given;         /* GIVEN_* bits: options named on the command line */
  char key_check[MANIFEST_KEY_CHECK_HEX + 1];
};

struct wash_totals {
  dkcpr_wash_stats sum;
  uint64_t irreversible; /* pseudonym mode: replaced by the fallback */
  uint64_t by_options;   /* valid numbers left in place by --policy, --min-confidence */
  dkcpr_scan_options all; /* what finds every valid number */
  size_t inputs;
  size_t not_washed; /* copied unchanged by --binary=pass */
  manifest_part *parts; /* per input, for the manifest */
  cli_digest out_digest;
  FILE *report;      /* a line per input, shown once every input is done */
  char *report_text;
  size_t report_len;
};

/* Options that only some modes use, to say when one does nothing. */
enum {
  GIVEN_KEY = 1u << 0,
  GIVEN_CONTEXT = 1u << 1,
  GIVEN_KEEP = 1u << 2,
  GIVEN_NEVER_REAL = 1u << 3,
  GIVEN_FALLBACK = 1u << 4,
  GIVEN_TOKEN_CHARS = 1u << 5,
  GIVEN_PLACEHOLDER = 1u << 6
};

static unsigned int given_bit(int opt) {
  switch (opt) {
  case 'k': case OPT_KEY_ENV: return GIVEN_KEY;
  case 'c': return GIVEN_CONTEXT;
  case OPT_KEEP: return GIVEN_KEEP;
  case OPT_NEVER_REAL: return GIVEN_NEVER_REAL;
  case OPT_FALLBACK: return GIVEN_FALLBACK;
  case OPT_TOKEN_CHARS: return GIVEN_TOKEN_CHARS;
  case OPT_PLACEHOLDER: return GIVEN_PLACEHOLDER;
  default: return 0;
  }
}

/* A warning for each option given that the chosen mode does not use. */
static void warn_unused_options(const struct wash_config *c) {
  static const struct {
    unsigned int bit;
    const char *name;
  } names[] = {{GIVEN_KEY, "the key"}, {GIVEN_CONTEXT, "--context"},
               {GIVEN_KEEP, "--keep"}, {GIVEN_NEVER_REAL, "--never-real"},
               {GIVEN_FALLBACK, "--fallback"}, {GIVEN_TOKEN_CHARS, "--token-chars"},
               {GIVEN_PLACEHOLDER, "--placeholder"}};
  unsigned int used;
  switch (c->mode) {
  case DKCPR_WASH_PSEUDONYM:
    used = GIVEN_KEY | GIVEN_CONTEXT | GIVEN_KEEP | GIVEN_NEVER_REAL | GIVEN_FALLBACK |
           (c->fallback == DKCPR_WASH_REDACT ? GIVEN_PLACEHOLDER : GIVEN_TOKEN_CHARS);
    break;
  case DKCPR_WASH_TOKEN: used = GIVEN_KEY | GIVEN_CONTEXT | GIVEN_TOKEN_CHARS; break;
  case DKCPR_WASH_REDACT: used = GIVEN_PLACEHOLDER; break;
  default: used = 0; break;
  }
  const char *mode = c->mode != DKCPR_WASH_PSEUDONYM ? manifest_mode_name(c->mode)
                     : c->fallback == DKCPR_WASH_REDACT ? "pseudonym --fallback=redact"
                     : "pseudonym --fallback=token";
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (c->given & names[i].bit & ~used)
      cli_warn(c->cmd, "%s does nothing with --mode %s", names[i].name, mode);
}

/* The options that decide which numbers a wash replaces and how (a
 * manifest holds them all), or NULL. */
static const char *mapping_option_name(int opt) {
  switch (opt) {
  case 'c': return "--context";
  case OPT_KEEP: return "--keep";
  case OPT_NEVER_REAL: return "--never-real";
  case OPT_MIN_CONFIDENCE: return "--min-confidence";
  case 'p': return "--policy";
  case OPT_KNOWN_DATES: return NULL; /* a file, checked against the manifest */
  case OPT_ENCODING: return "--encoding";
  case OPT_BINARY: return "--binary";
  case OPT_NINE_DIGITS: return "--nine-digits";
  case OPT_FORMAT: return "--format";
  case OPT_CPR_FIELD: return "--cpr-field";
  case OPT_RULES: return "--rules";
  default: return NULL;
  }
}

static int parse_options(struct wash_config *c, int reveal, int argc,
                         char *argv[]) {
  optind = 0;
  opterr = 0;
  int opt;
  /* reveal's table lacks the wash-only options: they are unknown there. */
  const char *shorts = reveal ? cli_shorts_reveal : cli_shorts_wash;
  const struct option *longs = reveal ? cli_options_reveal : cli_options_wash;
  while ((opt = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
    if (!c->mapping_option)
      c->mapping_option = mapping_option_name(opt);
    c->given |= given_bit(opt);
    switch (opt) {
    case 'k': c->key_file = optarg; break;
    case OPT_NINE_DIGITS: c->nine_digits = 1; break;
    case OPT_FORMAT:
      if (format_parse(optarg, &c->structure.is_auto, &c->structure.format) != 0) {
        cli_error(c->cmd, "--format must be auto, text, csv, tsv, json, jsonl, sql, hl7, xml or fixed");
        return CLI_EXIT_USAGE;
      }
      break;
    case OPT_CPR_FIELD: {
      size_t used = strlen(c->cpr_fields), add = strlen(optarg);
      if (add == 0 || strchr(optarg, ',') || used + add + 2 > sizeof c->cpr_fields) {
        cli_error(c->cmd, "--cpr-field needs one field name (without commas)");
        return CLI_EXIT_USAGE;
      }
      if (used) c->cpr_fields[used++] = ',';
      memcpy(c->cpr_fields + used, optarg, add + 1);
      c->structure.cpr_fields = c->cpr_fields;
      break;
    }
    case OPT_RULES: c->rules_file = optarg; break;
    case OPT_MANIFEST:
      if (strcmp(optarg, "-") == 0) {
        cli_error(c->cmd, "--manifest needs a file name");
        return CLI_EXIT_USAGE;
      }
      c->manifest = optarg;
      break;
    case OPT_KEY_ENV: c->key_env = optarg; break;
    case 'c':
      c->context = optarg;
      c->context_len = strlen(optarg);
      break;
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
    case OPT_KNOWN_DATES: c->known_dates = optarg; break;
    case 'o': c->output = optarg; break;
    case OPT_ENCODING:
      if (charset_check(optarg) != 0) {
        cli_error(c->cmd, "unknown encoding '%s' (an ICU converter name such as "
                  "UTF-16LE or windows-1252)", optarg);
        return CLI_EXIT_USAGE;
      }
      c->input.encoding = optarg;
      break;
    case OPT_BINARY:
      if (strcmp(optarg, "error") == 0)
        c->input.binary = CLI_BINARY_ERROR;
      else if (strcmp(optarg, "pass") == 0)
        c->input.binary = CLI_BINARY_PASS;
      else if (strcmp(optarg, "wash") == 0)
        c->input.binary = CLI_BINARY_WASH;
      else {
        cli_error(c->cmd, "--binary must be error, pass or wash");
        return CLI_EXIT_USAGE;
      }
      break;
    case 'q': c->quiet = 1; break;
    case 'j':
      if (cli_parse_u64(c->cmd, "--jobs", optarg, 1, 64, &c->jobs))
        return CLI_EXIT_USAGE;
      break;
    case 'h':
      fputs(reveal ? cli_help_reveal : cli_help_wash, stdout);
      return -1;
    case 'm':
      if (cli_parse_mode(c->cmd, optarg, &c->mode))
        return CLI_EXIT_USAGE;
      break;
    case OPT_PLACEHOLDER:
      if (strlen(optarg) > DKCPR_PLACEHOLDER_MAX_BYTES) {
        cli_error(c->cmd, "--placeholder is %zu bytes long; at most %d are allowed",
                  strlen(optarg), DKCPR_PLACEHOLDER_MAX_BYTES);
        return CLI_EXIT_USAGE;
      }
      c->placeholder = optarg;
      break;
    case OPT_FALLBACK:
      if (strcmp(optarg, "token") == 0)
        c->fallback = DKCPR_WASH_TOKEN;
      else if (strcmp(optarg, "redact") == 0)
        c->fallback = DKCPR_WASH_REDACT;
      else {
        cli_error(c->cmd, "--fallback must be token or redact");
        return CLI_EXIT_USAGE;
      }
      break;
    case OPT_TOKEN_CHARS:
      if (cli_parse_u64(c->cmd, "--token-chars", optarg, DKCPR_TOKEN_MIN_CHARS,
                        DKCPR_TOKEN_MAX_CHARS, &c->token_chars))
        return CLI_EXIT_USAGE;
      break;
    default:
      return cli_bad_option(c->cmd, opt, argv[optind - 1]);
    }
  }
  if (!reveal)
    warn_unused_options(c);
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

/* Copy an input that is not washed (--binary=pass) through its sink. */
static int copy_through(cli_input *in, out_layer *sink, dkcpr_wash_stats *st) {
  char *buf = malloc(CLI_CHUNK);
  if (!buf) {
    cli_error(in->names.cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  int rc = 0;
  long n;
  while (rc == 0 && (n = cli_input_read(in, buf, CLI_CHUNK)) != 0) {
    if (n < 0) {
      rc = CLI_EXIT_INPUT;
      break;
    }
    st->bytes_in += (uint64_t)n;
    st->bytes_out += (uint64_t)n;
    rc = sink->push(sink, buf, (size_t)n);
  }
  free(buf);
  return rc;
}

/* The options that left valid numbers in place, for messages. */
static const char *weakening_options(const struct wash_config *c) {
  int policy = c->policy != DKCPR_POLICY_DEFAULT;
  int confidence = c->min_confidence != DKCPR_CONFIDENCE_LOW;
  return policy && confidence ? "--policy and --min-confidence"
         : policy ? "--policy" : confidence ? "--min-confidence" : NULL;
}

static void report_input(const struct wash_config *c, FILE *f, const cli_input *in,
                         const dkcpr_wash_stats *s, uint64_t irreversible,
                         uint64_t by_options) {
  char what[160];
  if (!f)
    return;
  cli_input_describe(in, what, sizeof what);
  if (in->untouched) {
    fprintf(f, "dkcpr %s: ", c->cmd);
    cli_put_str(f, in->names.input, CLI_TEXT_ESCAPE | CLI_TEXT_HIDE_KEYS);
    fprintf(f, ": %s, copied unchanged, NOT washed\n", what);
    return;
  }
  uint64_t replaced = wash_count_replaced(s);
  fprintf(f, "dkcpr %s: ", c->cmd);
  cli_put_str(f, in->names.input, CLI_TEXT_ESCAPE | CLI_TEXT_HIDE_KEYS);
  fprintf(f, ": %s, found %llu, %s %llu, ", what,
          (unsigned long long)wash_count_found(s),
          c->mode == DKCPR_WASH_REVEAL ? "revealed" : "replaced",
          (unsigned long long)replaced);
  if (c->mode == DKCPR_WASH_PSEUDONYM)
    fprintf(f, "irreversibly %llu, ", (unsigned long long)irreversible);
  fprintf(f, "left unchanged %llu", (unsigned long long)s->failed);
  if (weakening_options(c) && c->mode != DKCPR_WASH_REVEAL)
    fprintf(f, "; left in place by %s: %llu", weakening_options(c),
            (unsigned long long)by_options);
  fputc('\n', f);
}

/* What the manifest says of an input: name, format, size, SHA-256, counts. */
static int record_part(struct wash_totals *t, cli_input *in, dkcpr_data_format used,
                       const dkcpr_wash_stats *st, uint64_t irreversible) {
  manifest_part *parts = realloc(t->parts, (t->inputs) * sizeof *parts);
  if (!parts) {
    cli_error(in->names.cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  t->parts = parts;
  manifest_part *m = &parts[t->inputs - 1];
  memset(m, 0, sizeof *m);
  char what[160];
  cli_input_describe(in, what, sizeof what);
  m->name = strdup(in->names.input);
  m->format = strdup(what);
  m->structure = strdup(dkcpr_data_format_name(used));
  m->bytes = in->digest.bytes;
  cli_digest_final(&in->digest, m->sha256);
  m->found = wash_count_found(st);
  m->replaced = wash_count_replaced(st);
  m->irreversible = irreversible;
  m->unchanged = st->failed;
  if (!m->name || !m->format || !m->structure) {
    cli_error(in->names.cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  return 0;
}

/* Wash one input into out. Returns 0 or an exit code after a message. */
static int wash_one(const struct wash_config *c, const char *path,
                    const dkcpr_pseudonymizer *p, const dkcpr_scan_options *so,
                    const dkcpr_wash_options *wo, cli_out *out, cli_progress *prog, struct wash_totals *t) {
  cli_input *in;
  int rc = cli_input_open(&in, c->cmd, path, &c->input);
  if (rc)
    return rc;
  /* Compressed input is written back compressed, except to a terminal. */
  out_layer *sink = cli_input_sink(in, out, !isatty(out->fd),
                                   c->manifest ? &t->out_digest : NULL);
  if (!sink) {
    cli_input_close(in);
    return CLI_EXIT_INTERNAL;
  }
  dkcpr_wash_stats st;
  memset(&st, 0, sizeof st);
  uint64_t irreversible = 0, by_options = 0;
  dkcpr_data_format used = DKCPR_DATA_TEXT;
  if (in->untouched) {
    rc = copy_through(in, sink, &st);
  } else {
    wash_stream x = {c->cmd, in->names.input, p, so, wo, sink, prog, &st, 0,
                     c->mode != DKCPR_WASH_REVEAL && weakening_options(c) ? &t->all : NULL, 0,
                     (int)c->jobs, c->quiet};
    /* Threads give the same bytes and counts: see wash_stream.h. */
    if (c->structure.is_auto || c->structure.format != DKCPR_DATA_TEXT || c->structure.rules)
      rc = wash_structured(&x, in, path, &c->structure, &used);
    else
      rc = c->jobs > 1 ? wash_parallel(&x, in, (int)c->jobs)
                       : wash_sequential(&x, in, NULL, 0, NULL, 0);
    irreversible = x.irreversible;
    uint64_t found = wash_count_found(&st);
    by_options = x.all_found > found ? x.all_found - found : 0;
  }
  if (rc == 0)
    rc = sink->finish(sink);
  if (rc == 0) {
    t->inputs++;
    t->not_washed += (size_t)in->untouched;
    wash_add_stats(&t->sum, &st);
    t->irreversible += irreversible;
    t->by_options += by_options;
    report_input(c, t->report, in, &st, irreversible, by_options);
    if (c->manifest)
      rc = record_part(t, in, used, &st, irreversible);
  }
  out_layer_free(sink);
  cli_input_close(in);
  return rc;
}

static void print_summary(const struct wash_config *c, const struct wash_totals *t) {
  const dkcpr_wash_stats *s = &t->sum;
  char in[32], out[32];
  if (t->report_text)
    fwrite(t->report_text, 1, t->report_len, stderr);
  cli_note(c->cmd, "%zu input%s, %s read, %s written to %s", t->inputs,
           t->inputs == 1 ? "" : "s", cli_human_bytes(in, s->bytes_in),
           cli_human_bytes(out, s->bytes_out),
           c->output && strcmp(c->output, "-") != 0 ? c->output : "standard output");
  uint64_t found = 0, replaced = 0, by_conf[DKCPR_CONFIDENCE_COUNT] = {0};
  char kinds[256] = "";
  for (int k = 0; k < DKCPR_KIND_COUNT; k++) {
    uint64_t fk = 0;
    for (int i = 0; i < DKCPR_CONFIDENCE_COUNT; i++) {
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
  fprintf(stderr, ", %s %llu, ", c->mode == DKCPR_WASH_REVEAL ? "revealed" : "replaced",
          (unsigned long long)replaced);
  if (c->mode == DKCPR_WASH_PSEUDONYM)
    fprintf(stderr, "irreversibly %llu (%s), ", (unsigned long long)t->irreversible,
            c->fallback == DKCPR_WASH_REDACT ? "placeholder" : "token");
  fprintf(stderr, "left unchanged %llu\n", (unsigned long long)s->failed);
  if (t->not_washed)
    fprintf(stderr, "dkcpr %s: %zu input%s copied unchanged, NOT washed (--binary=pass)\n",
            c->cmd, t->not_washed, t->not_washed == 1 ? "" : "s");
}

/* Numbers found but not replaced are still in the output: always say so,
 * also when the user's options left them (then the exit status is 0). */
static void warn_unchanged(const struct wash_config *c, const struct wash_totals *t) {
  if (c->mode == DKCPR_WASH_REVEAL)
    return;
  if (t->sum.failed)
    cli_warn(c->cmd, "%llu number%s found but left unchanged",
             (unsigned long long)t->sum.failed, t->sum.failed == 1 ? "" : "s");
  if (t->by_options)
    cli_warn(c->cmd, "%llu valid number%s left in the output because of %s",
             (unsigned long long)t->by_options, t->by_options == 1 ? "" : "s",
             weakening_options(c));
}

/* SHA-256 of a file, for the known-dates list a wash used. */
static int file_sha256(const char *cmd, const char *path, char out[65]) {
  FILE *f = fopen(path, "rb");
  cli_digest d;
  if (!f) {
    cli_error(cmd, "cannot open '%s': %s", path, strerror(errno));
    return CLI_EXIT_INPUT;
  }
  if (cli_digest_init(&d) != 0) {
    fclose(f);
    cli_error(cmd, "cannot start SHA-256");
    return CLI_EXIT_INTERNAL;
  }
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    cli_digest_update(&d, buf, n);
  int failed = ferror(f);
  fclose(f);
  cli_digest_final(&d, out);
  if (failed) {
    cli_error(cmd, "cannot read '%s'", path);
    return CLI_EXIT_INPUT;
  }
  return 0;
}

/* reveal --manifest: every option that decides the mapping comes from the
 * wash's manifest. */
static int apply_manifest(struct wash_config *c, manifest *m) {
  if (c->mapping_option) {
    cli_error(c->cmd, "%s comes from the manifest; leave it out", c->mapping_option);
    return CLI_EXIT_USAGE;
  }
  int rc = manifest_read(c->cmd, c->manifest, m);
  if (rc)
    return rc;
  const manifest_mapping *map = &m->map;
  if (map->mode != DKCPR_WASH_PSEUDONYM) {
    cli_error(c->cmd, "the manifest '%s' is of a %s wash, which cannot be revealed",
              c->manifest, manifest_mode_name(map->mode));
    return CLI_EXIT_USAGE;
  }
  if (!m->key_check[0]) {
    cli_error(c->cmd, "the manifest '%s' has no key check value", c->manifest);
    return CLI_EXIT_USAGE;
  }
  if (map->encoding && charset_check(map->encoding) != 0) {
    cli_error(c->cmd, "the manifest's encoding '%s' is unknown here", map->encoding);
    return CLI_EXIT_USAGE;
  }
  if (map->known_dates_sha256[0] && !c->known_dates) {
    cli_error(c->cmd, "the wash used a known-dates file: give the same with --known-dates");
    return CLI_EXIT_USAGE;
  }
  if (!map->known_dates_sha256[0] && c->known_dates) {
    cli_error(c->cmd, "the wash used no known-dates file: leave --known-dates out");
    return CLI_EXIT_USAGE;
  }
  if (c->known_dates) {
    char sha[65];
    if ((rc = file_sha256(c->cmd, c->known_dates, sha)) != 0)
      return rc;
    if (strcmp(sha, map->known_dates_sha256) != 0) {
      cli_error(c->cmd, "'%s' is not the known-dates file the wash used", c->known_dates);
      return CLI_EXIT_USAGE;
    }
  }
  c->context = map->context;
  c->context_len = map->context_len;
  c->keep = map->keep;
  c->pflags = map->never_real ? DKCPR_NEVER_REAL : 0;
  c->policy = map->policy;
  c->min_confidence = map->min_confidence;
  c->nine_digits = map->nine_digits;
  c->input.encoding = map->encoding;
  c->input.binary = map->binary;
  c->input.digest = 1;
  if (format_parse(map->structure, &c->structure.is_auto, &c->structure.format) != 0) {
    cli_error(c->cmd, "the manifest's structure '%s' is unknown here", map->structure);
    return CLI_EXIT_USAGE;
  }
  if (map->cpr_fields) {
    if (strlen(map->cpr_fields) >= sizeof c->cpr_fields) {
      cli_error(c->cmd, "the manifest's cpr_fields are too long");
      return CLI_EXIT_USAGE;
    }
    memcpy(c->cpr_fields, map->cpr_fields, strlen(map->cpr_fields) + 1);
    c->structure.cpr_fields = c->cpr_fields;
  }
  if (map->rules) {
    if (!(c->rules_text = malloc(map->rules_len + 1))) {
      cli_error(c->cmd, "out of memory");
      return CLI_EXIT_INTERNAL;
    }
    memcpy(c->rules_text, map->rules, map->rules_len);
    c->rules_len = map->rules_len;
  }
  return 0;
}

/* wash --manifest: write it once the output is in place. */
static int write_manifest(const struct wash_config *c, struct wash_totals *t) {
  manifest m;
  memset(&m, 0, sizeof m);
  m.map.mode = c->mode;
  m.map.fallback = c->fallback;
  m.map.context = (char *)(c->context ? c->context : "");
  m.map.context_len = c->context_len;
  m.map.keep = c->keep;
  m.map.never_real = (c->pflags & DKCPR_NEVER_REAL) != 0;
  m.map.nine_digits = c->nine_digits;
  m.map.token_chars = c->token_chars;
  m.map.placeholder = (char *)c->placeholder;
  m.map.policy = c->policy;
  m.map.min_confidence = c->min_confidence;
  m.map.encoding = (char *)c->input.encoding;
  m.map.binary = c->input.binary;
  m.map.structure = (char *)(c->structure.is_auto ? "auto"
                                                  : dkcpr_data_format_name(c->structure.format));
  m.map.cpr_fields = (char *)c->structure.cpr_fields;
  m.map.rules = c->rules_text;
  m.map.rules_len = c->rules_len;
  if (c->known_dates) {
    int rc = file_sha256(c->cmd, c->known_dates, m.map.known_dates_sha256);
    if (rc)
      return rc;
  }
  memcpy(m.key_check, c->key_check, sizeof m.key_check);
  m.inputs = t->parts;
  m.n_inputs = t->inputs;
  m.output.name = (char *)(c->output && strcmp(c->output, "-") != 0 ? c->output : NULL);
  m.output.bytes = t->out_digest.bytes;
  cli_digest_final(&t->out_digest, m.output.sha256);
  return manifest_write(c->cmd, c->manifest, &m);
}

static void free_parts(struct wash_totals *t) {
  for (size_t i = 0; t->parts && i < t->inputs; i++) {
    free(t->parts[i].name);
    free(t->parts[i].format);
    free(t->parts[i].structure);
  }
  free(t->parts);
  cli_digest_free(&t->out_digest);
}

/* An input that is the key file itself (by device and inode, so also a
 * link to it) would be copied out, key and all: refused. */
static int key_file_as_input(const struct wash_config *c, char *const inputs[], int n) {
  struct stat key_st, in_st;
  if (!c->key_file || stat(c->key_file, &key_st) != 0)
    return 0;
  for (int i = 0; i < n; i++) {
    int same = strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &in_st) == 0
                                           : stat(inputs[i], &in_st) == 0;
    if (same && in_st.st_dev == key_st.st_dev && in_st.st_ino == key_st.st_ino) {
      cli_error(c->cmd, "input '%s' is the key file: %s would write the key out",
                strcmp(inputs[i], "-") == 0 ? "(standard input)" : inputs[i], c->cmd);
      return CLI_EXIT_USAGE;
    }
  }
  return 0;
}

/* The most a rules file may hold, as the library reads it. */
#define RULES_FILE_MAX (1024 * 1024)

/* --rules: the file's text into c->rules_text. */
static int read_rules_file(struct wash_config *c) {
  FILE *f = fopen(c->rules_file, "rb");
  if (!f) {
    cli_error(c->cmd, "cannot open the rules file '%s': %s", c->rules_file, strerror(errno));
    return CLI_EXIT_USAGE;
  }
  c->rules_text = malloc(RULES_FILE_MAX + 1);
  size_t n = c->rules_text ? fread(c->rules_text, 1, RULES_FILE_MAX + 1, f) : 0;
  int bad = ferror(f);
  fclose(f);
  if (!c->rules_text || bad || n > RULES_FILE_MAX) {
    cli_error(c->cmd, "cannot read the rules file '%s'%s", c->rules_file,
              n > RULES_FILE_MAX ? ": larger than 1 MiB" : "");
    free(c->rules_text);
    c->rules_text = NULL;
    return CLI_EXIT_USAGE;
  }
  c->rules_len = n;
  return 0;
}

/* The rules text read into c->rules, or an error with its line and column. */
static int parse_rules(struct wash_config *c) {
  dkcpr_struct_error e;
  memset(&e, 0, sizeof e);
  e.version = DKCPR_STRUCT_ERROR_VERSION;
  dkcpr_status st = dkcpr_rules_parse(&c->rules, &e, c->rules_text, c->rules_len);
  if (st == DKCPR_E_SYNTAX) {
    cli_error(c->cmd, "rules %s%s%s: line %llu, column %llu: %s",
              c->rules_file ? "file '" : "in the manifest",
              c->rules_file ? c->rules_file : "", c->rules_file ? "'" : "",
              (unsigned long long)e.line, (unsigned long long)e.column, e.message);
    return CLI_EXIT_USAGE;
  }
  if (st != DKCPR_OK) {
    cli_error(c->cmd, "reading the rules: %s", dkcpr_strerror(st));
    return cli_exit_for_status(st);
  }
  c->structure.rules = c->rules;
  return 0;
}

/* Every rule that named no field of any input, said with its line: a typo,
 * or a table.column where the format has no tables. Returns how many. */
static uint64_t warn_unmatched(const struct wash_config *c) {
  uint64_t n = 0;
  if (!c->structure.matched)
    return 0;
  for (size_t i = 0; i < dkcpr_rules_count(c->rules); i++) {
    const char *name;
    uint64_t line;
    if (c->structure.matched[i] || dkcpr_rules_field(&name, &line, c->rules, i) != DKCPR_OK)
      continue;
    n++;
    cli_warn(c->cmd, "the rule for '%s' (line %llu of %s%s%s) named no field of any input: "
             "nothing was done with it", name, (unsigned long long)line,
             c->rules_file ? "'" : "", c->rules_file ? c->rules_file : "the manifest's rules",
             c->rules_file ? "'" : "");
  }
  return n;
}

static int run(int reveal, int argc, char *argv[]) {
  struct wash_config c;
  memset(&c, 0, sizeof c);
  c.cmd = reveal ? "reveal" : "wash";
  c.mode = DKCPR_WASH_PSEUDONYM;
  c.fallback = DKCPR_WASH_TOKEN;
  c.keep = DKCPR_KEEP_DEFAULT;
  c.policy = DKCPR_POLICY_DEFAULT;
  c.min_confidence = DKCPR_CONFIDENCE_LOW;
  c.token_chars = DKCPR_TOKEN_DEFAULT_CHARS;
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  c.jobs = cpus < 1 ? 1 : cpus > 4 ? 4 : (uint64_t)cpus;
  c.structure.is_auto = 1;
  int rc = parse_options(&c, reveal, argc, argv);
  if (rc)
    return rc < 0 ? CLI_EXIT_OK : rc;
  if (reveal)
    c.mode = DKCPR_WASH_REVEAL;
  manifest from;
  memset(&from, 0, sizeof from);
  if (reveal && c.manifest && (rc = apply_manifest(&c, &from)) != 0) {
    manifest_free(&from);
    return rc;
  }
  if (c.rules_file && (rc = read_rules_file(&c)) != 0) {
    manifest_free(&from);
    return rc;
  }
  if (c.rules_text && (rc = parse_rules(&c)) != 0) {
    manifest_free(&from);
    free(c.rules_text);
    return rc;
  }
  if (!reveal && c.manifest) {
    c.input.digest = 1;
    if (c.output && strcmp(c.output, c.manifest) == 0) {
      cli_error(c.cmd, "the manifest and the output are the same file");
      return CLI_EXIT_USAGE;
    }
  }

  dkcpr_pseudonymizer *p = NULL;
  dkcpr_datelist *dates = NULL;
  cli_out out = {.fd = -1};
  int out_open = 0;
  dkcpr_status st;

  if (c.mode == DKCPR_WASH_PSEUDONYM || c.mode == DKCPR_WASH_TOKEN ||
      c.mode == DKCPR_WASH_REVEAL) {
    uint8_t key[DKCPR_KEY_BYTES];
    rc = cli_load_key(c.cmd, c.key_file, c.key_env, key);
    if (rc == 0 && c.manifest) {
      manifest_key_check(key, c.key_check);
      if (reveal && strcmp(c.key_check, from.key_check) != 0) {
        cli_error(c.cmd, "this is not the key the wash used (its key check value "
                  "differs from the manifest's)");
        rc = CLI_EXIT_KEY;
      }
    }
    if (rc == 0) {
      const char *ctx = c.context ? c.context : "";
      st = dkcpr_pseudonymizer_new(&p, key, sizeof key, (const uint8_t *)ctx,
                                   c.context_len, c.keep, c.pflags);
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

  dkcpr_scan_options so;
  dkcpr_wash_options wo;
  if ((st = dkcpr_scan_options_init(&so, DKCPR_SCAN_OPTIONS_VERSION)) != DKCPR_OK ||
      (st = dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION)) != DKCPR_OK) {
    cli_error(c.cmd, "%s", dkcpr_strerror(st));
    rc = cli_exit_for_status(st);
    goto done;
  }
  wo.mode = c.mode;
  wo.fallback = c.fallback;
  so.policy = c.policy;
  so.known_dates = dates;
  so.min_confidence = c.min_confidence;
  if (c.nine_digits)
    so.flags |= DKCPR_SCAN_NINE_DIGITS;
  wo.token_chars = (size_t)c.token_chars;
  if (c.placeholder) {
    wo.placeholder = c.placeholder;
    wo.placeholder_len = strlen(c.placeholder);
  }

  char *stdin_only[] = {"-"};
  char **inputs = optind < argc ? argv + optind : stdin_only;
  int n_inputs = optind < argc ? argc - optind : 1;
  if ((rc = key_file_as_input(&c, inputs, n_inputs)) != 0)
    goto done;

  if ((rc = cli_out_open(&out, c.cmd, c.output)) != 0)
    goto done;
  out_open = 1;
  /* Which rules named a field of some input. */
  size_t n_rules = dkcpr_rules_count(c.rules);
  if (n_rules > 0 && !(c.structure.matched = calloc(n_rules, 1))) {
    cli_error(c.cmd, "out of memory");
    rc = CLI_EXIT_INTERNAL;
    goto done;
  }

  struct wash_totals totals;
  memset(&totals, 0, sizeof totals);
  /* Every number valid under the default policy, at any confidence, as the
   * washer finds them (replacement numbers, any birth date). */
  totals.all = so;
  totals.all.policy = DKCPR_POLICY_DEFAULT;
  totals.all.parse_flags |= DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE;
  totals.all.min_confidence = DKCPR_CONFIDENCE_LOW;
  if (!reveal && c.manifest && cli_digest_init(&totals.out_digest) != 0) {
    cli_error(c.cmd, "cannot start SHA-256");
    rc = CLI_EXIT_INTERNAL;
  }
  if (!c.quiet)
    totals.report = open_memstream(&totals.report_text, &totals.report_len);
  cli_progress prog;
  cli_progress_init(&prog, total_size(inputs, n_inputs));
  for (int i = 0; i < n_inputs && rc == 0; i++)
    rc = wash_one(&c, inputs[i], p, &so, &wo, &out, &prog, &totals);
  cli_progress_end(&prog);
  if (totals.report)
    fclose(totals.report); /* sets report_text and report_len */
  if (rc == 0) {
    rc = cli_out_commit(&out, c.cmd);
    out_open = 0; /* committed or, on failure, already cleaned up */
  }
  if (rc == 0 && !reveal && c.manifest)
    rc = write_manifest(&c, &totals);
  if (rc == 0 && reveal && c.manifest && n_inputs == 1 && from.output.sha256[0] &&
      strcmp(from.output.sha256, totals.parts[0].sha256) != 0)
    cli_warn(c.cmd, "'%s' is not the output the manifest describes (its SHA-256 "
             "differs): numbers in parts changed since the wash are not the wash's",
             totals.parts[0].name);
  if (rc == 0 && !c.quiet)
    print_summary(&c, &totals);
  if (rc == 0)
    warn_unchanged(&c, &totals);
  uint64_t unmatched = rc == 0 ? warn_unmatched(&c) : 0;
  if (rc == 0 && (totals.sum.failed || unmatched) && c.mode != DKCPR_WASH_REVEAL)
    rc = CLI_EXIT_UNCHANGED;

  free(totals.report_text);
  free_parts(&totals);
done:
  manifest_free(&from);
  dkcpr_rules_free(c.rules);
  free(c.structure.matched);
  free(c.rules_text);
  if (out_open)
    cli_out_abort(&out);
  dkcpr_datelist_free(dates);
  dkcpr_pseudonymizer_free(p);
  return rc;
}

int cmd_wash(int argc, char *argv[]) { return run(0, argc, argv); }

int cmd_reveal(int argc, char *argv[]) { return run(1, argc, argv); }
