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
#include "input.h"

static const char usage[] =
    "Usage: dkcpr scan [OPTION]... [PATH]...\n"
    "Find CPR numbers in files (standard input without PATH or with '-').\n"
    "Prints file:line:column: the masked number, its kind and confidence.\n"
    "\n"
    "  -r, --recursive          scan directories and everything below them\n"
    "      --json               one JSON object per finding per line: file, line,\n"
    "                           column, offset, length, masked, kind, confidence;\n"
    "                           file_base64 too when the name is not UTF-8\n"
    "      --min-confidence=L   low (default), medium or high\n"
    "  -p, --policy=P           default, known-dates or strict (mod 11)\n"
    "      --known-dates=FILE   more dates for the known-dates policy\n"
    "      --show               also print the full number (otherwise never shown)\n"
    "      --nine-digits        also numbers that lost their leading zero (Excel,\n"
    "                           integer columns): nine digits, day 1-9\n"
    "      --encoding=NAME      the files' text encoding (any ICU converter name),\n"
    "                           instead of detecting it\n"
    "      --binary=WHAT        files that are not text (archives, databases, binary\n"
    "                           data): error (default: named, exit 2), skip (named,\n"
    "                           exit unchanged) or scan (their bytes as text)\n"
    "  -h, --help               this help\n"
    "\n"
    "File names are escaped in text output: \\\\, \\n, \\t, \\r, and \\xHH for other\n"
    "control and invisible characters and bytes that are not UTF-8.\n"
    "UTF-16, UTF-32 and legacy (Windows-1252) text and gzip, zstd, xz and bzip2\n"
    "files are decoded first; lines, columns (in bytes) and offsets (bytes from 0)\n"
    "then count in the decoded UTF-8 text. In trees, .git, .hg and .svn are left out.\n"
    "Exit: 0 nothing found, 1 numbers found, 2 an error, or a file that could not\n"
    "be scanned (also when numbers were found).\n";

#define EXIT_SCAN_ERROR 2

enum { OPT_JSON = 256, OPT_MIN_CONFIDENCE, OPT_KNOWN_DATES, OPT_SHOW, OPT_ENCODING,
       OPT_BINARY, OPT_NINE_DIGITS };

struct scan_run {
  dkcpr_scan_options opts;
  int recursive, json, show;
  cli_input_opts input;
  uint64_t found;
  int errors;
  char *buf[2]; /* the previous and the current chunk */
};

/* Lines are counted lazily up to each match; bytes are kept for at most
 * one chunk back, which is as far back as a match can start. */
struct line_counter {
  uint64_t pos, line, line_start;
};

static void count_to(struct line_counter *lc, const char *buf, uint64_t base,
                     size_t len, uint64_t to) {
  if (to <= base || lc->pos >= base + len)
    return;
  if (lc->pos < base)
    lc->pos = base; /* bytes already dropped: cannot happen for ordered matches */
  uint64_t end = to < base + len ? to : base + len;
  for (; lc->pos < end; lc->pos++)
    if (buf[lc->pos - base] == '\n') {
      lc->line++;
      lc->line_start = lc->pos + 1;
    }
}

static void print_match(struct scan_run *r, const char *name,
                        const dkcpr_match *m, const struct line_counter *lc) {
  dkcpr_options po;
  dkcpr_options_init(&po, DKCPR_OPTIONS_VERSION);
  po.known_dates = r->opts.known_dates;
  po.flags = r->opts.parse_flags | DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE;
  po.policy = DKCPR_POLICY_DEFAULT;
  dkcpr_cpr cpr;
  char masked[DKCPR_FORMAT_BUFSIZE] = "XXXXXX-XXXX";
  char full[DKCPR_FORMAT_BUFSIZE] = "";
  if (dkcpr_parse(&cpr, m->digits, strlen(m->digits), &po) == DKCPR_OK) {
    dkcpr_format(masked, sizeof masked, NULL, &cpr, DKCPR_FORMAT_MASKED);
    dkcpr_format(full, sizeof full, NULL, &cpr, DKCPR_FORMAT_DASHED);
  }
  unsigned long long line = lc->line, column = m->start - lc->line_start + 1;
  const char *kind = dkcpr_kind_name(m->kind);
  const char *conf = dkcpr_confidence_name(m->confidence);
  size_t name_len = strlen(name);
  if (r->json) {
    /* "file" is exact for UTF-8 names; any other name is also given byte
     * for byte in "file_base64" (its "file" has U+FFFD for the bad bytes). */
    fputs("{\"file\":", stdout);
    cli_json_string(stdout, name, name_len);
    if (!cli_utf8_valid(name, name_len)) {
      fputs(",\"file_base64\":", stdout);
      cli_json_base64(stdout, name, name_len);
    }
    printf(",\"line\":%llu,\"column\":%llu,\"offset\":%llu,\"length\":%llu,"
           "\"masked\":\"%s\",\"kind\":\"%s\",\"confidence\":\"%s\"",
           line, column, (unsigned long long)m->start,
           (unsigned long long)(m->end - m->start), masked, kind, conf);
    if (r->show)
      printf(",\"number\":\"%s\"", full);
    puts("}");
  } else {
    /* Escaped: a newline or escape sequence in a name cannot forge a line. */
    cli_put_text(stdout, name, name_len, CLI_TEXT_ESCAPE);
    printf(":%llu:%llu: %s %s %s\n", line, column, r->show ? full : masked,
           kind, conf);
  }
}

static int drain(struct scan_run *r, dkcpr_scanner *s, const char *name,
                 struct line_counter *lc, const char *prev, uint64_t prev_base,
                 size_t prev_len, const char *cur, uint64_t cur_base,
                 size_t cur_len) {
  dkcpr_match m;
  dkcpr_status st;
  while ((st = dkcpr_scanner_next(&m, s)) == DKCPR_OK) {
    if (prev)
      count_to(lc, prev, prev_base, prev_len, m.start);
    count_to(lc, cur, cur_base, cur_len, m.start);
    print_match(r, name, &m, lc);
    r->found++;
  }
  return st == DKCPR_E_RANGE ? 0 : -1;
}

static void scan_input(struct scan_run *r, const char *path) {
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
  struct line_counter lc = {0, 1, 0};
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
        drain(r, s, name, &lc, prev, prev_base, prev_len, r->buf[cur], base,
              (size_t)n) != 0) {
      cli_error("scan", "scanning '%s': %s", name, dkcpr_strerror(st));
      r->errors++;
      break;
    }
    if (n == 0)
      break;
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

static void scan_path(struct scan_run *r, const char *path, int top);

static void scan_dir(struct scan_run *r, const char *path) {
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
      size_t need = plen + strlen(e) + 2;
      char *child = malloc(need);
      if (child) {
        snprintf(child, need, "%s%s%s", path,
                 plen && path[plen - 1] == '/' ? "" : "/", e);
        scan_path(r, child, 0);
        free(child);
      } else {
        cli_error("scan", "out of memory");
        r->errors++;
      }
    }
    free(entries[i]);
  }
  free(entries);
}

/* Paths named on the command line are followed; inside a tree, symbolic
 * links and special files are left alone, as grep -r does. */
static void scan_path(struct scan_run *r, const char *path, int top) {
  if (strcmp(path, "-") == 0) {
    scan_input(r, path);
    return;
  }
  struct stat sb;
  if ((top ? stat(path, &sb) : lstat(path, &sb)) != 0) {
    cli_error("scan", "cannot open '%s': %s", path, strerror(errno));
    r->errors++;
    return;
  }
  if (S_ISDIR(sb.st_mode)) {
    if (r->recursive) {
      scan_dir(r, path);
    } else {
      cli_error("scan", "'%s' is a directory (use -r)", path);
      r->errors++;
    }
    return;
  }
  if (!S_ISREG(sb.st_mode) && !top)
    return;
  scan_input(r, path);
}

int cmd_scan(int argc, char *argv[]) {
  static const struct option opts[] = {
      {"recursive", no_argument, NULL, 'r'},
      {"json", no_argument, NULL, OPT_JSON},
      {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
      {"policy", required_argument, NULL, 'p'},
      {"known-dates", required_argument, NULL, OPT_KNOWN_DATES},
      {"show", no_argument, NULL, OPT_SHOW},
      {"encoding", required_argument, NULL, OPT_ENCODING},
      {"binary", required_argument, NULL, OPT_BINARY},
      {"nine-digits", no_argument, NULL, OPT_NINE_DIGITS},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  struct scan_run r;
  memset(&r, 0, sizeof r);
  dkcpr_status st = dkcpr_scan_options_init(&r.opts, DKCPR_SCAN_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    cli_error("scan", "%s", dkcpr_strerror(st));
    return EXIT_SCAN_ERROR;
  }
  const char *known_dates = NULL;
  optind = 0;
  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, ":rp:h", opts, NULL)) != -1) {
    switch (opt) {
    case 'r': r.recursive = 1; break;
    case OPT_JSON: r.json = 1; break;
    case OPT_SHOW: r.show = 1; break;
    case OPT_NINE_DIGITS: r.opts.flags |= DKCPR_SCAN_NINE_DIGITS; break;
    case OPT_MIN_CONFIDENCE:
      if (cli_parse_confidence("scan", optarg, &r.opts.min_confidence))
        return EXIT_SCAN_ERROR;
      break;
    case 'p':
      if (cli_parse_policy("scan", optarg, &r.opts.policy))
        return EXIT_SCAN_ERROR;
      break;
    case OPT_KNOWN_DATES: known_dates = optarg; break;
    case OPT_ENCODING:
      if (charset_check(optarg) != 0) {
        cli_error("scan", "unknown encoding '%s' (an ICU converter name such as "
                  "UTF-16LE or windows-1252)", optarg);
        return EXIT_SCAN_ERROR;
      }
      r.input.encoding = optarg;
      break;
    case OPT_BINARY:
      if (strcmp(optarg, "error") == 0)
        r.input.binary = CLI_BINARY_ERROR;
      else if (strcmp(optarg, "skip") == 0)
        r.input.binary = CLI_BINARY_SKIP;
      else if (strcmp(optarg, "scan") == 0)
        r.input.binary = CLI_BINARY_WASH;
      else {
        cli_error("scan", "--binary must be error, skip or scan");
        return EXIT_SCAN_ERROR;
      }
      break;
    case 'h': fputs(usage, stdout); return CLI_EXIT_OK;
    default:
      cli_bad_option("scan", opt, argv[optind - 1]);
      return EXIT_SCAN_ERROR;
    }
  }
  dkcpr_datelist *dates = NULL;
  if (known_dates && cli_load_known_dates("scan", known_dates, &dates) != 0)
    return EXIT_SCAN_ERROR;
  r.opts.known_dates = dates;
  r.buf[0] = malloc(CLI_CHUNK);
  r.buf[1] = malloc(CLI_CHUNK);
  if (!r.buf[0] || !r.buf[1]) {
    cli_error("scan", "out of memory");
    r.errors++;
  } else if (optind >= argc) {
    scan_path(&r, "-", 1);
  } else {
    for (int i = optind; i < argc; i++)
      scan_path(&r, argv[i], 1);
  }
  free(r.buf[0]);
  free(r.buf[1]);
  dkcpr_datelist_free(dates);
  /* main() checks that standard output was written. */
  if (r.errors)
    return EXIT_SCAN_ERROR;
  return r.found ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
}
