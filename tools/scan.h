/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr scan's parts for CI gates: report formats (scan_report.c),
 * .gitignore-style exclusions (scan_exclude.c) and the baseline of
 * accepted findings (scan_baseline.c). */
#ifndef DKCPR_SCAN_H
#define DKCPR_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dkcpr.h"

/* --- reports (scan_report.c) --- */
typedef enum scan_format {
  SCAN_FORMAT_TEXT = 0, /* file:line:column: masked kind confidence */
  SCAN_FORMAT_JSON,     /* one JSON object per finding per line */
  SCAN_FORMAT_SARIF,    /* one SARIF 2.1.0 log */
  SCAN_FORMAT_GITHUB    /* GitHub Actions workflow commands (::error) */
} scan_format;

/* One finding, as the report shows it. */
typedef struct scan_finding {
  const char *file; /* the path as given, or "(standard input)" */
  size_t file_len;
  uint64_t line;      /* from 1 */
  uint64_t column;    /* from 1, in bytes of the decoded UTF-8 text */
  uint64_t column_cp; /* from 1, in code points (SARIF, GitHub) */
  uint64_t offset, length; /* bytes of the decoded UTF-8 text */
  const char *masked; /* 211062-XXXX */
  const char *number; /* 211062-5629 with --show, else NULL */
  dkcpr_kind kind;
  dkcpr_confidence confidence;
} scan_finding;

typedef struct scan_report {
  FILE *out;
  scan_format format;
  uint64_t results; /* written so far */
} scan_report;

/* 0, or -1 after a message naming the formats. */
int scan_format_parse(const char *s, scan_format *out);
void scan_report_begin(scan_report *r, FILE *out, scan_format format);
void scan_report_finding(scan_report *r, const scan_finding *f);
/* Closes the SARIF log; exit_code is the run's, errors whether any input
 * was not scanned. */
void scan_report_end(scan_report *r, int exit_code, int errors);

/* --- exclusions (scan_exclude.c) --- */
typedef struct scan_exclude scan_exclude;
/* NULL when out of memory. */
scan_exclude *scan_exclude_new(void);
void scan_exclude_free(scan_exclude *ex);
/* One .gitignore line: blank lines and # comments are ignored. 0 or -1
 * (out of memory). */
int scan_exclude_add(scan_exclude *ex, const char *line, size_t len);
/* Every line of a file; 0, or -1 after a message. */
int scan_exclude_load(scan_exclude *ex, const char *cmd, const char *path);
/* 1 when rel (a normalised relative path, see scan_rel_path) is left out:
 * the last matching pattern decides, and with parents set a path is also
 * left out when one of its directories is (as git does). */
int scan_exclude_match(const scan_exclude *ex, const char *rel, int is_dir,
                       int parents);
/* The path patterns and baselines see: relative to the current directory
 * cwd (NULL: none known), without "./", doubled or trailing slashes.
 * Malloc'd; NULL when out of memory. */
char *scan_rel_path(const char *path, const char *cwd);

/* --- the baseline of accepted findings (scan_baseline.c) --- */
typedef struct scan_baseline scan_baseline;
/* Read a baseline file (NULL path: a new, empty one with a fresh salt).
 * Returns 0, or an exit code after a message. */
int scan_baseline_open(scan_baseline **out, const char *cmd, const char *path);
void scan_baseline_free(scan_baseline *b);
/* 1 when the finding (rel: as scan_rel_path gives; digits: canonical 10)
 * is in the baseline. */
int scan_baseline_has(scan_baseline *b, const char *rel, const char *digits);
/* Remember a finding for scan_baseline_write; 0 or -1 (out of memory). */
int scan_baseline_add(scan_baseline *b, const char *rel, const char *digits);
/* Write the findings added, under b's salt, atomically. 0 or an exit code
 * after a message. */
int scan_baseline_write(scan_baseline *b, const char *cmd, const char *path);
size_t scan_baseline_count(const scan_baseline *b);
/* Drop every finding, keeping the salt (rewriting a baseline keeps the
 * fingerprints of findings that did not change). */
void scan_baseline_forget(scan_baseline *b);

#endif /* DKCPR_SCAN_H */
