/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr scan: find CPR numbers in files and directory trees. A gate for CI
 * and audits: exit 0 clean, 1 found, 2 on any error (as grep). */
#include <dirent.h>
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
#include "scan.h"

#define EXIT_SCAN_ERROR 2

#define ALL_KINDS ((1u << DKCPR_KIND_COUNT) - 1u)

struct scan_run {
  /* What the scanner is asked for; scan_options() alone turns these into
   * the library's options. */
  dkcpr_policy policy;
  dkcpr_datelist *known_dates;
  int nine_digits;
  dkcpr_confidence min_confidence;
  dkcpr_scan_options opts;
  int recursive, show;
  unsigned int kinds; /* bit (1 << kind) for each kind reported */
  scan_report report;
  scan_exclude *exclude;
  scan_baseline *accept; /* --baseline: findings not reported */
  scan_baseline *record; /* --write-baseline: every finding */
  char *cwd;
  cli_input_opts input;
  cli_progress progress;
  uint64_t found, accepted, bytes;
  uint64_t left_out[DKCPR_KIND_COUNT]; /* findings of kinds --kinds leaves out */
  int errors;
  char *buf[2]; /* the previous and the current chunk */
};

static dkcpr_status scan_options(struct scan_run *r) {
  dkcpr_status st = dkcpr_scan_options_init(&r->opts, DKCPR_SCAN_OPTIONS_VERSION);
  if (st != DKCPR_OK)
    return st;
  r->opts.policy = r->policy;
  r->opts.known_dates = r->known_dates;
  if (r->nine_digits)
    r->opts.flags |= DKCPR_SCAN_NINE_DIGITS;
  r->opts.min_confidence = r->min_confidence;
  return DKCPR_OK;
}

/* Lines are counted lazily up to each match; bytes are kept for at most
 * one chunk back, which is as far back as a match can start. Columns are
 * kept in bytes and in code points (SARIF's and GitHub's columns). */
struct line_counter {
  uint64_t pos, line, line_start, cp;
};

static void count_to(struct line_counter *lc, const char *buf, uint64_t base,
                     size_t len, uint64_t to) {
  if (to <= base || lc->pos >= base + len)
    return;
  if (lc->pos < base)
    lc->pos = base; /* bytes already dropped: cannot happen for ordered matches */
  uint64_t end = to < base + len ? to : base + len;
  for (; lc->pos < end; lc->pos++) {
    unsigned char c = (unsigned char)buf[lc->pos - base];
    if (c == '\n') {
      lc->line++;
      lc->line_start = lc->pos + 1;
      lc->cp = 0;
    } else if ((c & 0xC0) != 0x80) {
      lc->cp++;
    }
  }
}

static void report_match(struct scan_run *r, const char *name,
                         const dkcpr_match *m, const struct line_counter *lc) {
  dkcpr_options po;
  char masked[DKCPR_FORMAT_BUFSIZE] = "XXXXXX-XXXX";
  char full[DKCPR_FORMAT_BUFSIZE] = "";
  dkcpr_cpr cpr;
  if (dkcpr_options_init(&po, DKCPR_OPTIONS_VERSION) == DKCPR_OK) {
    po.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE;
    if (dkcpr_parse(&cpr, m->digits, strlen(m->digits), &po) == DKCPR_OK) {
      dkcpr_format(masked, sizeof masked, NULL, &cpr, DKCPR_FORMAT_MASKED);
      dkcpr_format(full, sizeof full, NULL, &cpr, DKCPR_FORMAT_DASHED);
    }
  }
  scan_finding f = {name, strlen(name), lc->line, m->start - lc->line_start + 1,
                    lc->cp + 1, m->start, m->end - m->start, masked,
                    r->show ? full : NULL, m->kind, m->confidence};
  /* A progress line on the same terminal would run into the finding. */
  cli_progress_end(&r->progress);
  scan_report_finding(&r->report, &f);
}

/* Kinds, the baseline being written and the accepted baseline, in that
 * order; then the report. */
static int take(struct scan_run *r, const char *name, const char *rel,
                const dkcpr_match *m, const struct line_counter *lc) {
  if ((unsigned)m->kind >= DKCPR_KIND_COUNT)
    return 0;
  if (!(r->kinds & (1u << m->kind))) {
    r->left_out[m->kind]++;
    return 0;
  }
  if (r->record && scan_baseline_add(r->record, rel, m->digits) != 0) {
    cli_error("scan", "out of memory");
    return -1;
  }
  if (r->accept && scan_baseline_has(r->accept, rel, m->digits)) {
    r->accepted++;
    return 0;
  }
  report_match(r, name, m, lc);
  r->found++;
  return 0;
}

static int drain(struct scan_run *r, dkcpr_scanner *s, const char *name,
                 const char *rel, struct line_counter *lc, const char *prev,
                 uint64_t prev_base, size_t prev_len, const char *cur,
                 uint64_t cur_base, size_t cur_len) {
  dkcpr_match m;
  dkcpr_status st;
  while ((st = dkcpr_scanner_next(&m, s)) == DKCPR_OK) {
    if (prev)
      count_to(lc, prev, prev_base, prev_len, m.start);
    count_to(lc, cur, cur_base, cur_len, m.start);
    if (take(r, name, rel, &m, lc) != 0)
      return -1;
  }
  return st == DKCPR_E_RANGE ? 0 : -1;
}

static void scan_input(struct scan_run *r, const char *path, const char *rel) {
  cli_input *in;
  if (cli_input_open(&in, "scan", path, &r->input) != 0) {
    r->errors++;
    return;
  }
  if (in->untouched) {
    cli_input_close(in);
    return;
  }
  const char *name = in->names.input;
  dkcpr_scanner *s = NULL;
  dkcpr_status st = dkcpr_scanner_new(&s, &r->opts);
  if (st != DKCPR_OK) {
    cli_error("scan", "%s", dkcpr_strerror(st));
    r->errors++;
    cli_input_close(in);
    return;
  }
  struct line_counter lc = {0, 1, 0, 0};
  uint64_t base = 0, prev_base = 0;
  size_t prev_len = 0;
  int cur = 0;
  for (;;) {
    long n = cli_input_read(in, r->buf[cur], CLI_CHUNK);
    if (n < 0) {
      r->errors++;
      break;
    }
    const char *prev = prev_len ? r->buf[!cur] : NULL;
    st = n ? dkcpr_scanner_feed(s, r->buf[cur], (size_t)n)
           : dkcpr_scanner_finish(s);
    if (st != DKCPR_OK ||
        drain(r, s, name, rel, &lc, prev, prev_base, prev_len, r->buf[cur],
              base, (size_t)n) != 0) {
      cli_error("scan", "scanning '%s': %s", name, dkcpr_strerror(st));
      r->errors++;
      break;
    }
    if (n == 0)
      break;
    r->bytes += (uint64_t)n;
    cli_progress_update(&r->progress, r->bytes, r->found);
    /* The previous chunk is about to be overwritten: finish counting it. */
    if (prev)
      count_to(&lc, prev, prev_base, prev_len, base);
    prev_base = base;
    prev_len = (size_t)n;
    base += (uint64_t)n;
    cur = !cur;
  }
  dkcpr_scanner_free(s);
  cli_input_close(in);
  fflush(stdout);
}

static void scan_path(struct scan_run *r, const char *path, const char *rel,
                      int top);

/* a/b and c give a/b/c; "" and c give c. Malloc'd, or NULL. */
static char *join(const char *dir, const char *name, int slash) {
  size_t dl = strlen(dir), need = dl + strlen(name) + 2;
  char *out = malloc(need);
  if (out)
    snprintf(out, need, "%s%s%s", dir, dl && slash ? "/" : "", name);
  return out;
}

static void scan_dir(struct scan_run *r, const char *path, const char *rel) {
  struct dirent **entries;
  int n = scandir(path, &entries, NULL, alphasort);
  if (n < 0) {
    cli_error("scan", "cannot read directory '%s': %s", path, strerror(errno));
    r->errors++;
    return;
  }
  size_t plen = strlen(path);
  for (int i = 0; i < n; i++) {
    const char *e = entries[i]->d_name;
    /* Version control's own files are history, not the tree's content. */
    if (strcmp(e, ".") != 0 && strcmp(e, "..") != 0 && strcmp(e, ".git") != 0 &&
        strcmp(e, ".hg") != 0 && strcmp(e, ".svn") != 0) {
      char *child = join(path, e, !(plen && path[plen - 1] == '/'));
      char *child_rel = join(rel, e, 1);
      if (child && child_rel) {
        scan_path(r, child, child_rel, 0);
      } else {
        cli_error("scan", "out of memory");
        r->errors++;
      }
      free(child);
      free(child_rel);
    }
    free(entries[i]);
  }
  free(entries);
}

/* Paths named on the command line are followed; inside a tree, symbolic
 * links and special files are left alone, as grep -r does. Exclusions
 * apply to both, so a hook given file names and a job given the tree
 * agree. */
static void scan_path(struct scan_run *r, const char *path, const char *rel,
                      int top) {
  if (strcmp(path, "-") == 0) {
    scan_input(r, path, "-");
    return;
  }
  struct stat sb;
  if ((top ? stat(path, &sb) : lstat(path, &sb)) != 0) {
    cli_error("scan", "cannot open '%s': %s", path, strerror(errno));
    r->errors++;
    return;
  }
  if (scan_exclude_match(r->exclude, rel, S_ISDIR(sb.st_mode), top))
    return;
  if (S_ISDIR(sb.st_mode)) {
    if (r->recursive) {
      scan_dir(r, path, rel);
    } else {
      cli_error("scan", "'%s' is a directory (use -r)", path);
      r->errors++;
    }
    return;
  }
  if (!S_ISREG(sb.st_mode) && !top)
    return;
  scan_input(r, path, rel);
}

static void scan_top(struct scan_run *r, const char *path) {
  char *rel = scan_rel_path(path, r->cwd);
  if (!rel) {
    cli_error("scan", "out of memory");
    r->errors++;
    return;
  }
  scan_path(r, path, rel, 1);
  free(rel);
}

/* cpr,replacement,x-ecpr,d-ecpr or all, comma-separated. */
static int parse_kinds(const char *s, unsigned int *out) {
  unsigned int kinds = 0;
  for (const char *p = s;;) {
    const char *e = strchr(p, ',');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    unsigned int hit = (n == 3 && memcmp(p, "all", 3) == 0) ? ALL_KINDS : 0;
    for (unsigned int k = 0; k < DKCPR_KIND_COUNT; k++) {
      const char *name = dkcpr_kind_name((dkcpr_kind)k);
      if (strlen(name) == n && memcmp(name, p, n) == 0)
        hit |= 1u << k;
    }
    if (!hit) {
      cli_error("scan", "--kinds takes cpr, replacement, x-ecpr, d-ecpr or all, "
                "comma-separated");
      return -1;
    }
    kinds |= hit;
    if (!e)
      break;
    p = e + 1;
  }
  *out = kinds;
  return 0;
}

static int parse_args(struct scan_run *r, int argc, char *argv[],
                      const char **known_dates, const char **baseline,
                      const char **write_baseline) {
  optind = 0;
  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, cli_shorts_scan, cli_options_scan, NULL)) != -1) {
    switch (opt) {
    case 'r': r->recursive = 1; break;
    case OPT_JSON: r->report.format = SCAN_FORMAT_JSON; break;
    case OPT_SHOW: r->show = 1; break;
    case OPT_NINE_DIGITS: r->nine_digits = 1; break;
    case OPT_MIN_CONFIDENCE:
      if (cli_parse_confidence("scan", optarg, &r->min_confidence))
        return EXIT_SCAN_ERROR;
      break;
    case 'p':
      if (cli_parse_policy("scan", optarg, &r->policy))
        return EXIT_SCAN_ERROR;
      break;
    case OPT_KNOWN_DATES: *known_dates = optarg; break;
    case OPT_ENCODING:
      if (charset_check(optarg) != 0) {
        cli_error("scan", "unknown encoding '%s' (an ICU converter name such as "
                  "UTF-16LE or windows-1252)", optarg);
        return EXIT_SCAN_ERROR;
      }
      r->input.encoding = optarg;
      break;
    case OPT_BINARY:
      if (strcmp(optarg, "error") == 0)
        r->input.binary = CLI_BINARY_ERROR;
      else if (strcmp(optarg, "skip") == 0)
        r->input.binary = CLI_BINARY_SKIP;
      else if (strcmp(optarg, "scan") == 0)
        r->input.binary = CLI_BINARY_WASH;
      else {
        cli_error("scan", "--binary must be error, skip or scan");
        return EXIT_SCAN_ERROR;
      }
      break;
    case OPT_REPORT_FORMAT:
      if (scan_format_parse(optarg, &r->report.format) != 0)
        return EXIT_SCAN_ERROR;
      break;
    case OPT_KINDS:
      if (parse_kinds(optarg, &r->kinds) != 0)
        return EXIT_SCAN_ERROR;
      break;
    case OPT_EXCLUDE:
      if (scan_exclude_add(r->exclude, optarg, strlen(optarg)) != 0) {
        cli_error("scan", "out of memory");
        return EXIT_SCAN_ERROR;
      }
      break;
    case OPT_EXCLUDE_FROM:
      if (scan_exclude_load(r->exclude, "scan", optarg) != 0)
        return EXIT_SCAN_ERROR;
      break;
    case OPT_BASELINE: *baseline = optarg; break;
    case OPT_WRITE_BASELINE: *write_baseline = optarg; break;
    case 'h': fputs(cli_help_scan, stdout); return -1;
    default:
      cli_bad_option("scan", opt, argv[optind - 1]);
      return EXIT_SCAN_ERROR;
    }
  }
  return 0;
}

/* The baseline being written keeps the salt of the file it replaces, so
 * findings that did not change keep their lines. */
static int open_record(struct scan_run *r, const char *path) {
  struct stat sb;
  int rc = stat(path, &sb) == 0
               ? scan_baseline_open(&r->record, "scan", path)
               : scan_baseline_open(&r->record, "scan", NULL);
  if (rc == 0)
    scan_baseline_forget(r->record);
  return rc;
}

static int run(struct scan_run *r, int argc, char *argv[], const char *baseline,
               const char *write_baseline) {
  if ((baseline && scan_baseline_open(&r->accept, "scan", baseline) != 0) ||
      (write_baseline && open_record(r, write_baseline) != 0))
    return EXIT_SCAN_ERROR;
  dkcpr_status st = scan_options(r);
  if (st != DKCPR_OK) {
    cli_error("scan", "%s", dkcpr_strerror(st));
    return EXIT_SCAN_ERROR;
  }
  r->cwd = getcwd(NULL, 0);
  r->buf[0] = malloc(CLI_CHUNK);
  r->buf[1] = malloc(CLI_CHUNK);
  if (!r->buf[0] || !r->buf[1]) {
    cli_error("scan", "out of memory");
    return EXIT_SCAN_ERROR;
  }
  /* A stream or a tree has no size known up front: progress (on a
   * terminal only) appears once a run takes more than a second. */
  cli_progress_init(&r->progress, 0);
  scan_report_begin(&r->report, stdout, r->report.format);
  if (optind >= argc) {
    scan_top(r, "-");
  } else {
    for (int i = optind; i < argc; i++)
      scan_top(r, argv[i]);
  }
  cli_progress_end(&r->progress);
  int rc = r->errors ? EXIT_SCAN_ERROR : r->found ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
  if (r->record && r->errors) {
    cli_error("scan", "baseline '%s' not written: not every input was scanned",
              write_baseline);
  } else if (r->record) {
    if (scan_baseline_write(r->record, "scan", write_baseline) != 0) {
      rc = EXIT_SCAN_ERROR;
    } else {
      rc = CLI_EXIT_OK;
      cli_note("scan", "baseline '%s' written: %zu findings accepted",
               write_baseline, scan_baseline_count(r->record));
    }
  }
  if (r->accepted)
    cli_note("scan", "%llu findings accepted by the baseline '%s'",
             (unsigned long long)r->accepted, baseline);
  for (int k = 0; k < DKCPR_KIND_COUNT; k++)
    if (r->left_out[k])
      cli_note("scan", "%llu findings of kind %s left out by --kinds",
               (unsigned long long)r->left_out[k], dkcpr_kind_name((dkcpr_kind)k));
  scan_report_end(&r->report, rc, r->errors);
  return rc;
}

int cmd_scan(int argc, char *argv[]) {
  struct scan_run r;
  memset(&r, 0, sizeof r);
  r.policy = DKCPR_POLICY_DEFAULT;
  r.min_confidence = DKCPR_CONFIDENCE_LOW;
  r.kinds = ALL_KINDS;
  r.report.format = SCAN_FORMAT_TEXT;
  const char *known_dates = NULL, *baseline = NULL, *write_baseline = NULL;
  int rc = EXIT_SCAN_ERROR;
  if (!(r.exclude = scan_exclude_new())) {
    cli_error("scan", "out of memory");
  } else if ((rc = parse_args(&r, argc, argv, &known_dates, &baseline,
                              &write_baseline)) != 0) {
    if (rc < 0)
      rc = CLI_EXIT_OK; /* --help */
  } else if (known_dates &&
             cli_load_known_dates("scan", known_dates, &r.known_dates) != 0) {
    rc = EXIT_SCAN_ERROR;
  } else {
    rc = run(&r, argc, argv, baseline, write_baseline);
  }
  free(r.buf[0]);
  free(r.buf[1]);
  free(r.cwd);
  scan_baseline_free(r.accept);
  scan_baseline_free(r.record);
  scan_exclude_free(r.exclude);
  dkcpr_datelist_free(r.known_dates);
  /* main() checks that standard output was written. */
  return rc;
}
