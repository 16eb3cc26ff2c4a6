/* SPDX-License-Identifier: Apache-2.0 */
/* Option values shared by the subcommands: names, dates, counts. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

struct name_value {
  const char *name;
  int value;
};

static int lookup(const char *cmd, const char *what, const char *s,
                  const struct name_value *table, size_t n, int *out) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, table[i].name) == 0) {
      *out = table[i].value;
      return 0;
    }
  char names[128] = "";
  for (size_t i = 0; i < n; i++) {
    if (i)
      strncat(names, ", ", sizeof names - strlen(names) - 1);
    strncat(names, table[i].name, sizeof names - strlen(names) - 1);
  }
  cli_error(cmd, "unknown %s '%s' (one of: %s)", what, s, names);
  return -1;
}

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

int cli_parse_policy(const char *cmd, const char *s, dkcpr_policy *out) {
  static const struct name_value t[] = {
      {"default", DKCPR_POLICY_DEFAULT},
      {"known-dates", DKCPR_POLICY_KNOWN_DATES},
      {"strict", DKCPR_POLICY_STRICT}};
  int v;
  if (lookup(cmd, "policy", s, t, COUNT(t), &v))
    return -1;
  *out = (dkcpr_policy)v;
  return 0;
}

int cli_parse_confidence(const char *cmd, const char *s, dkcpr_confidence *out) {
  static const struct name_value t[] = {{"low", DKCPR_CONFIDENCE_LOW},
                                        {"medium", DKCPR_CONFIDENCE_MEDIUM},
                                        {"high", DKCPR_CONFIDENCE_HIGH}};
  int v;
  if (lookup(cmd, "confidence", s, t, COUNT(t), &v))
    return -1;
  *out = (dkcpr_confidence)v;
  return 0;
}

int cli_parse_mode(const char *cmd, const char *s, dkcpr_wash_mode *out) {
  static const struct name_value t[] = {{"pseudonym", DKCPR_WASH_PSEUDONYM},
                                        {"mask", DKCPR_WASH_MASK},
                                        {"token", DKCPR_WASH_TOKEN},
                                        {"redact", DKCPR_WASH_REDACT}};
  int v;
  if (lookup(cmd, "mode", s, t, COUNT(t), &v))
    return -1;
  *out = (dkcpr_wash_mode)v;
  return 0;
}

/* A comma-separated list of none, sex, year, date. */
int cli_parse_keep(const char *cmd, const char *s, unsigned int *out) {
  static const struct name_value t[] = {{"none", DKCPR_KEEP_NONE},
                                        {"sex", DKCPR_KEEP_SEX},
                                        {"year", DKCPR_KEEP_YEAR},
                                        {"date", DKCPR_KEEP_DATE}};
  unsigned int keep = 0;
  int saw_none = 0;
  const char *p = s;
  for (;;) {
    const char *comma = strchr(p, ',');
    size_t len = comma ? (size_t)(comma - p) : strlen(p);
    char item[16];
    if (len == 0 || len >= sizeof item) {
      cli_error(cmd, "bad --keep list '%s' (comma-separated: none, sex, year, date)", s);
      return -1;
    }
    memcpy(item, p, len);
    item[len] = '\0';
    int v;
    if (lookup(cmd, "--keep item", item, t, COUNT(t), &v))
      return -1;
    keep |= (unsigned int)v;
    saw_none |= v == DKCPR_KEEP_NONE;
    if (!comma)
      break;
    p = comma + 1;
  }
  if (saw_none && keep != DKCPR_KEEP_NONE) {
    cli_error(cmd, "--keep none cannot be combined with what it would keep");
    return -1;
  }
  *out = keep;
  return 0;
}

static int parse_digits(const char *s, size_t n, int *out) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 0;
}

int cli_parse_date(const char *cmd, const char *what, const char *s,
                   int year_only_end, int *y, int *m, int *d) {
  size_t n = strlen(s);
  if (n == 10 && s[4] == '-' && s[7] == '-' && parse_digits(s, 4, y) == 0 &&
      parse_digits(s + 5, 2, m) == 0 && parse_digits(s + 8, 2, d) == 0 &&
      *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31)
    return 0;
  if (year_only_end >= 0 && n == 4 && parse_digits(s, 4, y) == 0) {
    *m = year_only_end ? 12 : 1;
    *d = year_only_end ? 31 : 1;
    return 0;
  }
  cli_error(cmd, "bad %s '%s' (expected YYYY-MM-DD%s)", what, s,
            year_only_end >= 0 ? " or YYYY" : "");
  return -1;
}

int cli_parse_u64(const char *cmd, const char *what, const char *s,
                  uint64_t min, uint64_t max, uint64_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno == ERANGE || v < min ||
      v > max) {
    cli_error(cmd, "bad %s '%s' (a whole number from %llu to %llu)", what, s,
              (unsigned long long)min, (unsigned long long)max);
    return -1;
  }
  *out = v;
  return 0;
}

/* Only the option's name is ever shown, never its value: the value of a
 * mistyped option (--key=..., --kye-file=...) may well be a key. */
int cli_bad_option(const char *cmd, int opt, const char *arg) {
  if (opt == ':') {
    cli_error(cmd, "option '%s' needs a value (see dkcpr %s --help)", arg, cmd);
  } else if (optopt && strncmp(arg, "--", 2) != 0) {
    cli_error(cmd, "unknown option '-%c' (see dkcpr %s --help)", optopt, cmd);
  } else {
    const char *eq = strchr(arg, '=');
    int name_len = eq ? (int)(eq - arg) : (int)strlen(arg);
    if (name_len > 64)
      name_len = 64;
    if (eq)
      cli_error(cmd, "option '%.*s' is unknown, ambiguous or takes no value "
                "(its value is not shown; see dkcpr %s --help)",
                name_len, arg, cmd);
    else
      cli_error(cmd, "unknown or ambiguous option '%.*s' (see dkcpr %s --help)",
                name_len, arg, cmd);
  }
  return CLI_EXIT_USAGE;
}

int cli_load_known_dates(const char *cmd, const char *path,
                         dkcpr_datelist **out) {
  int fd, err = cli_open_input(path, &fd);
  if (err) {
    cli_error(cmd, "cannot open known-dates file '%s': %s", path, strerror(err));
    return CLI_EXIT_INPUT;
  }
  /* A dates file is small; a bounded read keeps a wrong path harmless. */
  size_t cap = 1u << 20;
  char *buf = malloc(cap);
  if (!buf) {
    close(fd);
    cli_error(cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  long n = cli_read_full(fd, buf, cap);
  err = errno;
  close(fd);
  if (n < 0 || (size_t)n == cap) {
    free(buf);
    cli_error(cmd, "cannot read known-dates file '%s': %s", path,
              n < 0 ? strerror(err) : "larger than 1 MiB");
    return CLI_EXIT_INPUT;
  }
  dkcpr_datelist *list = NULL;
  size_t bad_line = 0;
  dkcpr_status st = dkcpr_datelist_new(&list);
  if (st == DKCPR_OK)
    st = dkcpr_datelist_load(&bad_line, list, buf, (size_t)n);
  free(buf);
  if (st != DKCPR_OK) {
    dkcpr_datelist_free(list);
    if (st == DKCPR_E_SYNTAX || st == DKCPR_E_DATE) {
      cli_error(cmd, "known-dates file '%s', line %zu: %s", path, bad_line,
                dkcpr_strerror(st));
      return CLI_EXIT_INPUT;
    }
    cli_error(cmd, "%s", dkcpr_strerror(st));
    return cli_exit_for_status(st);
  }
  *out = list;
  return 0;
}
