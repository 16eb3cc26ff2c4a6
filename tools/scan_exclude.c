/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr scan --exclude and --exclude-from: .gitignore's pattern rules
 * (gitignore(5)), matched against paths relative to the current directory,
 * so a CI job and a pre-commit hook run from the top of a repository see
 * the same paths. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scan.h"

/* An exclude file larger than this is not a list of patterns. */
#define EXCLUDE_FILE_MAX (4u << 20)

typedef struct pattern {
  char *text;   /* without '!', a leading '/' and a trailing '/' */
  int negate;   /* "!pat": include again */
  int dir_only; /* "pat/": directories only */
  int anchored; /* a '/' at the start or in the middle: the whole path */
} pattern;

struct scan_exclude {
  pattern *p;
  size_t n, cap;
};

scan_exclude *scan_exclude_new(void) { return calloc(1, sizeof(scan_exclude)); }

void scan_exclude_free(scan_exclude *ex) {
  if (!ex)
    return;
  for (size_t i = 0; i < ex->n; i++)
    free(ex->p[i].text);
  free(ex->p);
  free(ex);
}

int scan_exclude_add(scan_exclude *ex, const char *s, size_t len) {
  if (len && s[len - 1] == '\r')
    len--;
  /* Trailing spaces go unless escaped with a backslash. */
  while (len && s[len - 1] == ' ' && !(len >= 2 && s[len - 2] == '\\'))
    len--;
  if (len == 0 || s[0] == '#')
    return 0;
  pattern p = {NULL, 0, 0, 0};
  if (s[0] == '!') {
    p.negate = 1;
    s++;
    len--;
  }
  if (len && s[len - 1] == '/' && !(len >= 2 && s[len - 2] == '\\')) {
    p.dir_only = 1;
    len--;
  }
  if (len && s[0] == '/') {
    p.anchored = 1;
    s++;
    len--;
  }
  if (len == 0)
    return 0;
  if (memchr(s, '/', len))
    p.anchored = 1;
  if (ex->n == ex->cap) {
    size_t cap = ex->cap ? 2 * ex->cap : 16;
    pattern *np = realloc(ex->p, cap * sizeof *np);
    if (!np)
      return -1;
    ex->p = np;
    ex->cap = cap;
  }
  if (!(p.text = strndup(s, len)))
    return -1;
  ex->p[ex->n++] = p;
  return 0;
}

int scan_exclude_load(scan_exclude *ex, const char *cmd, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    cli_error(cmd, "cannot open exclude file '%s': %s", path, strerror(errno));
    return -1;
  }
  char *line = NULL;
  size_t cap = 0, total = 0;
  ssize_t n;
  int rc = 0;
  while ((n = getline(&line, &cap, f)) > 0) {
    total += (size_t)n;
    if (total > EXCLUDE_FILE_MAX) {
      cli_error(cmd, "exclude file '%s' is larger than 4 MiB", path);
      rc = -1;
      break;
    }
    size_t len = (size_t)n;
    if (line[len - 1] == '\n')
      len--;
    if (memchr(line, '\0', len)) {
      cli_error(cmd, "exclude file '%s' is not text", path);
      rc = -1;
      break;
    }
    if (scan_exclude_add(ex, line, len) != 0) {
      cli_error(cmd, "out of memory");
      rc = -1;
      break;
    }
  }
  if (rc == 0 && ferror(f)) {
    cli_error(cmd, "cannot read exclude file '%s': %s", path, strerror(errno));
    rc = -1;
  }
  free(line);
  fclose(f);
  return rc;
}

/* A bracket expression at p (just after '['): *matched says whether c is
 * in it; returns the pattern after ']', or NULL if there is no ']'. */
static const char *bracket(const char *p, char c, int *matched) {
  int negate = (*p == '!' || *p == '^');
  if (negate)
    p++;
  int in = 0;
  int first = 1;
  while (*p && (*p != ']' || first)) {
    char lo = *p;
    if (lo == '\\' && p[1])
      lo = *++p;
    char hi = lo;
    if (p[1] == '-' && p[2] && p[2] != ']') {
      p += 2;
      hi = *p;
      if (hi == '\\' && p[1])
        hi = *++p;
    }
    if ((unsigned char)c >= (unsigned char)lo && (unsigned char)c <= (unsigned char)hi)
      in = 1;
    p++;
    first = 0;
  }
  if (*p != ']')
    return NULL;
  *matched = in != negate;
  return p + 1;
}

/* Glob match where star and ? never cross a slash, and a double star between slashes
 * (or at either end) crosses any number of directories. */
static int glob(const char *start, const char *p, const char *t) {
  for (; *p; p++, t++) {
    switch (*p) {
    case '?':
      if (!*t || *t == '/')
        return 0;
      break;
    case '[': {
      int m = 0;
      const char *after = *t && *t != '/' ? bracket(p + 1, *t, &m) : NULL;
      if (!after || !m)
        return 0;
      p = after - 1;
      break;
    }
    case '*':
      if (p[1] == '*' && (p == start || p[-1] == '/') &&
          (p[2] == '/' || p[2] == '\0')) {
        if (p[2] == '\0')
          return 1; /* a trailing double star: everything inside */
        /* a double star and a slash: zero or more whole directories */
        for (const char *s = t;;) {
          if (glob(start, p + 3, s))
            return 1;
          if (!(s = strchr(s, '/')))
            return 0;
          s++;
        }
      }
      while (p[1] == '*')
        p++;
      for (const char *s = t;; s++) {
        if (glob(start, p + 1, s))
          return 1;
        if (!*s || *s == '/')
          return 0;
      }
    case '\\':
      if (p[1])
        p++;
      /* fall through */
    default:
      if (*t != *p)
        return 0;
      break;
    }
  }
  return *t == '\0';
}

/* The last pattern that matches decides: 1 excluded, 0 included again,
 * -1 none matched. */
static int decide(const scan_exclude *ex, const char *rel, int is_dir) {
  const char *base = strrchr(rel, '/');
  base = base ? base + 1 : rel;
  for (size_t i = ex->n; i-- > 0;) {
    const pattern *p = &ex->p[i];
    if (p->dir_only && !is_dir)
      continue;
    const char *subject = p->anchored ? rel : base;
    if (glob(p->text, p->text, subject))
      return !p->negate;
  }
  return -1;
}

int scan_exclude_match(const scan_exclude *ex, const char *rel, int is_dir,
                       int parents) {
  if (!ex || ex->n == 0 || !*rel)
    return 0;
  if (parents) {
    /* As git: nothing inside an excluded directory comes back. */
    char *copy = strdup(rel);
    if (copy) {
      for (char *slash = strchr(copy, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        int d = decide(ex, copy, 1);
        *slash = '/';
        if (d == 1) {
          free(copy);
          return 1;
        }
      }
      free(copy);
    }
  }
  return decide(ex, rel, is_dir) == 1;
}

char *scan_rel_path(const char *path, const char *cwd) {
  size_t cl = cwd ? strlen(cwd) : 0;
  if (cl > 1 && path[0] == '/' && strncmp(path, cwd, cl) == 0 &&
      (path[cl] == '/' || path[cl] == '\0'))
    path += cl;
  else if (cl == 1 && path[0] == '/' && cwd[0] == '/')
    path += 1; /* the current directory is / */
  size_t len = strlen(path);
  char *out = malloc(len + 1);
  if (!out)
    return NULL;
  size_t o = 0;
  const char *s = path;
  while (*s) {
    while (*s == '/')
      s++;
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    /* "." components add nothing; ".." is kept as written. */
    if (n && !(n == 1 && s[0] == '.')) {
      if (o)
        out[o++] = '/';
      memcpy(out + o, s, n);
      o += n;
    }
    s += n;
  }
  out[o] = '\0';
  return out;
}
