/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr scan's baseline: findings accepted on purpose (test fixtures, the
 * documentation's examples), so the gate fails only on new ones. The file
 * holds no CPR number: each finding is HMAC-SHA-256, under a random salt
 * kept in the file, of its file's path and the number. The salt stops
 * precomputed tables and makes the fingerprints differ between
 * repositories, but it is not secret: anyone with the file can test
 * candidate numbers against it (docs/cli.md says so). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "cli.h"
#include "scan.h"

#define MAGIC "dkcpr-baseline 1"
#define SALT_BYTES 32
#define FP_BYTES 32
/* A baseline larger than this is not one. */
#define BASELINE_MAX (64u << 20)

typedef struct entry {
  unsigned char fp[FP_BYTES];
  char *rel; /* for the written file's readers only; NULL when loaded */
} entry;

struct scan_baseline {
  unsigned char salt[SALT_BYTES];
  entry *e;
  size_t n, cap;
  int sorted;
};

static int fingerprint(unsigned char fp[FP_BYTES], const scan_baseline *b,
                       const char *rel, const char *digits) {
  size_t rl = strlen(rel), dl = strlen(digits), ml = sizeof MAGIC;
  unsigned char *msg = malloc(ml + rl + 1 + dl);
  if (!msg)
    return -1;
  /* The NULs keep the fields apart: no path and number can pose as another. */
  memcpy(msg, MAGIC, ml);
  memcpy(msg + ml, rel, rl + 1);
  memcpy(msg + ml + rl + 1, digits, dl);
  unsigned int len = 0;
  unsigned char mac[EVP_MAX_MD_SIZE];
  int ok = HMAC(EVP_sha256(), b->salt, SALT_BYTES, msg, ml + rl + 1 + dl, mac,
                &len) != NULL && len == FP_BYTES;
  OPENSSL_cleanse(msg, ml + rl + 1 + dl);
  free(msg);
  if (ok)
    memcpy(fp, mac, FP_BYTES);
  OPENSSL_cleanse(mac, sizeof mac);
  return ok ? 0 : -1;
}

static int push(scan_baseline *b, const unsigned char fp[FP_BYTES], char *rel) {
  if (b->n == b->cap) {
    size_t cap = b->cap ? 2 * b->cap : 64;
    entry *ne = realloc(b->e, cap * sizeof *ne);
    if (!ne)
      return -1;
    b->e = ne;
    b->cap = cap;
  }
  memcpy(b->e[b->n].fp, fp, FP_BYTES);
  b->e[b->n].rel = rel;
  b->n++;
  b->sorted = 0;
  return 0;
}

/* Bytes are written as two letters a-p, one per half-byte: hexadecimal
 * without digits, so no fingerprint can look like a number to a scan of
 * the tree that holds the baseline. */
static int hex_value(char c) { return c >= 'a' && c <= 'p' ? c - 'a' : -1; }

static void put_letters(FILE *f, const unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    putc('a' + (b[i] >> 4), f);
    putc('a' + (b[i] & 15), f);
  }
}

/* Exactly 2*n letters a-p, then the end or a space. */
static int parse_hex(unsigned char *out, size_t n, const char *s, size_t len) {
  if (len < 2 * n || (len > 2 * n && s[2 * n] != ' '))
    return -1;
  for (size_t i = 0; i < n; i++) {
    int hi = hex_value(s[2 * i]), lo = hex_value(s[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return -1;
    out[i] = (unsigned char)(hi << 4 | lo);
  }
  return 0;
}

static int by_fp(const void *a, const void *b) {
  return memcmp(((const entry *)a)->fp, ((const entry *)b)->fp, FP_BYTES);
}

static int parse(scan_baseline *b, const char *cmd, const char *path,
                 char *text, size_t len) {
  size_t lineno = 0;
  int have_magic = 0, have_salt = 0;
  for (char *s = text; s < text + len;) {
    char *nl = memchr(s, '\n', (size_t)(text + len - s));
    size_t l = nl ? (size_t)(nl - s) : (size_t)(text + len - s);
    lineno++;
    if (l && s[l - 1] == '\r')
      l--;
    unsigned char fp[FP_BYTES];
    if (l == 0 || s[0] == '#') {
      /* a comment */
    } else if (!have_magic) {
      if (l != sizeof MAGIC - 1 || memcmp(s, MAGIC, l) != 0) {
        cli_error(cmd, "'%s' is not a dkcpr baseline (line %zu; expected '"
                  MAGIC "')", path, lineno);
        return CLI_EXIT_USAGE;
      }
      have_magic = 1;
    } else if (!have_salt) {
      if (l < 5 || memcmp(s, "salt ", 5) != 0 ||
          parse_hex(b->salt, SALT_BYTES, s + 5, l - 5) != 0 ||
          l != 5 + 2 * SALT_BYTES) {
        cli_error(cmd, "baseline '%s' line %zu: expected 'salt' and 64 "
                  "letters a-p", path, lineno);
        return CLI_EXIT_USAGE;
      }
      have_salt = 1;
    } else if (parse_hex(fp, FP_BYTES, s, l) != 0) {
      cli_error(cmd, "baseline '%s' line %zu: expected a fingerprint of 64 "
                "letters a-p", path, lineno);
      return CLI_EXIT_USAGE;
    } else if (push(b, fp, NULL) != 0) {
      cli_error(cmd, "out of memory");
      return CLI_EXIT_INTERNAL;
    }
    s += (nl ? (size_t)(nl - s) + 1 : l);
    if (!nl)
      break;
  }
  if (!have_salt) {
    cli_error(cmd, "'%s' is not a dkcpr baseline (no '" MAGIC "' and salt)",
              path);
    return CLI_EXIT_USAGE;
  }
  return 0;
}

int scan_baseline_open(scan_baseline **out, const char *cmd, const char *path) {
  *out = NULL;
  scan_baseline *b = calloc(1, sizeof *b);
  if (!b) {
    cli_error(cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  if (!path) {
    if (RAND_bytes(b->salt, SALT_BYTES) != 1) {
      cli_error(cmd, "the random generator failed");
      free(b);
      return CLI_EXIT_INTERNAL;
    }
    *out = b;
    return 0;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    cli_error(cmd, "cannot open baseline '%s': %s", path, strerror(errno));
    free(b);
    return CLI_EXIT_INPUT;
  }
  char *text = malloc(BASELINE_MAX + 1);
  size_t len = text ? fread(text, 1, BASELINE_MAX + 1, f) : 0;
  int rc = 0;
  if (!text) {
    cli_error(cmd, "out of memory");
    rc = CLI_EXIT_INTERNAL;
  } else if (ferror(f)) {
    cli_error(cmd, "cannot read baseline '%s': %s", path, strerror(errno));
    rc = CLI_EXIT_INPUT;
  } else if (len > BASELINE_MAX) {
    cli_error(cmd, "baseline '%s' is larger than 64 MiB", path);
    rc = CLI_EXIT_USAGE;
  } else {
    rc = parse(b, cmd, path, text, len);
  }
  free(text);
  fclose(f);
  if (rc) {
    scan_baseline_free(b);
    return rc;
  }
  *out = b;
  return 0;
}

void scan_baseline_free(scan_baseline *b) {
  if (!b)
    return;
  for (size_t i = 0; i < b->n; i++)
    free(b->e[i].rel);
  free(b->e);
  OPENSSL_cleanse(b->salt, SALT_BYTES);
  free(b);
}

int scan_baseline_has(scan_baseline *b, const char *rel, const char *digits) {
  entry key = {{0}, NULL};
  if (!b || b->n == 0 || fingerprint(key.fp, b, rel, digits) != 0)
    return 0;
  if (!b->sorted) {
    /* Sorted once, on the first look-up; loaded baselines never grow. */
    qsort(b->e, b->n, sizeof *b->e, by_fp);
    b->sorted = 1;
  }
  return bsearch(&key, b->e, b->n, sizeof *b->e, by_fp) != NULL;
}

int scan_baseline_add(scan_baseline *b, const char *rel, const char *digits) {
  unsigned char fp[FP_BYTES];
  char *copy = strdup(rel);
  if (!copy || fingerprint(fp, b, rel, digits) != 0 || push(b, fp, copy) != 0) {
    free(copy);
    return -1;
  }
  return 0;
}

size_t scan_baseline_count(const scan_baseline *b) { return b ? b->n : 0; }

void scan_baseline_forget(scan_baseline *b) {
  for (size_t i = 0; i < b->n; i++)
    free(b->e[i].rel);
  b->n = 0;
}

/* Sorted by path, then fingerprint: a new finding is one new line in a diff. */
static int by_path(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->rel ? x->rel : "", y->rel ? y->rel : "");
  return c ? c : memcmp(x->fp, y->fp, FP_BYTES);
}

int scan_baseline_write(scan_baseline *b, const char *cmd, const char *path) {
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  if (!m) {
    cli_error(cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  qsort(b->e, b->n, sizeof *b->e, by_path);
  fputs("# dkcpr scan baseline: findings accepted on purpose. No number is kept\n"
        "# here: each line is HMAC-SHA-256 of the file's path and the number under\n"
        "# the salt below (letters a-p for hexadecimal 0-f), then the path. The\n"
        "# salt is not secret: see \"Scanning in CI\" in docs/cli.md. Made by\n"
        "# dkcpr scan --write-baseline.\n"
        MAGIC "\nsalt ", m);
  put_letters(m, b->salt, SALT_BYTES);
  putc('\n', m);
  for (size_t i = 0; i < b->n; i++) {
    /* The same number twice in one file is one finding. */
    if (i && by_path(&b->e[i - 1], &b->e[i]) == 0)
      continue;
    put_letters(m, b->e[i].fp, FP_BYTES);
    putc(' ', m);
    cli_put_str(m, b->e[i].rel ? b->e[i].rel : "", CLI_TEXT_ESCAPE);
    putc('\n', m);
  }
  if (fclose(m) != 0) {
    free(text);
    cli_error(cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  cli_out o;
  int rc = cli_out_open(&o, cmd, path);
  if (rc == 0 && (rc = cli_out_write(&o, cmd, text, len)) != 0)
    cli_out_abort(&o);
  else if (rc == 0)
    rc = cli_out_commit(&o, cmd);
  free(text);
  return rc;
}
