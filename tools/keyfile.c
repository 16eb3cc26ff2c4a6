/* SPDX-License-Identifier: Apache-2.0 */
/* Loading the key from a file or an environment variable. The key is
 * never printed; every buffer that held it is wiped. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "cli.h"

void cli_wipe(void *p, size_t n) { OPENSSL_cleanse(p, n); }

static int is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

/* Name what is wrong with the text, without showing any of it. */
static int decode(const char *cmd, const char *source, const char *text,
                  size_t len, uint8_t key[DKCPR_KEY_BYTES]) {
  size_t n = len;
  if (n > 0 && text[n - 1] == '\n')
    n--;
  if (n > 0 && text[n - 1] == '\r')
    n--;
  if (n == 0) {
    cli_error(cmd, "%s is empty (expected %d hexadecimal characters; make one "
              "with dkcpr keygen)", source, DKCPR_KEY_HEX_CHARS);
    return CLI_EXIT_KEY;
  }
  size_t bad = n;
  for (size_t i = 0; i < n && bad == n; i++)
    if (!is_hex(text[i]))
      bad = i;
  if (bad < n) {
    cli_error(cmd, "%s is malformed: character %zu is not hexadecimal "
              "(expected %d hexadecimal characters)", source, bad + 1,
              DKCPR_KEY_HEX_CHARS);
    return CLI_EXIT_KEY;
  }
  if (n != DKCPR_KEY_HEX_CHARS) {
    cli_error(cmd, "%s is too %s: %zu hexadecimal characters, expected %d",
              source, n < DKCPR_KEY_HEX_CHARS ? "short" : "long", n,
              DKCPR_KEY_HEX_CHARS);
    return CLI_EXIT_KEY;
  }
  dkcpr_status st = dkcpr_key_from_hex(key, DKCPR_KEY_BYTES, text, len);
  if (st != DKCPR_OK) {
    cli_error(cmd, "%s: %s", source, dkcpr_strerror(st));
    return CLI_EXIT_KEY;
  }
  return 0;
}

/* A portable environment variable name, and short: [A-Za-z_][A-Za-z0-9_]*. */
static int is_variable_name(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n > 128 || (s[0] >= '0' && s[0] <= '9'))
    return 0;
  for (size_t i = 0; i < n; i++)
    if (!(s[i] == '_' || (s[i] >= '0' && s[i] <= '9') ||
          (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
      return 0;
  return 1;
}

static int load_file(const char *cmd, const char *path,
                     uint8_t key[DKCPR_KEY_BYTES]) {
  char source[64 + 4096];
  snprintf(source, sizeof source, "key file '%s'", path);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    cli_error(cmd, "cannot open %s: %s", source, strerror(errno));
    return CLI_EXIT_KEY;
  }
  struct stat sb;
  if (fstat(fd, &sb) == 0) {
    if (!S_ISREG(sb.st_mode)) {
      close(fd);
      cli_error(cmd, "%s is not a regular file", source);
      return CLI_EXIT_KEY;
    }
    if (sb.st_mode & (S_IRGRP | S_IROTH))
      cli_warn(cmd, "%s is readable by group or others (chmod 600 '%s')",
               source, path);
  }
  /* Room for the key, a line end and one more byte to tell "too long". */
  char buf[DKCPR_KEY_HEX_CHARS + 3];
  long n = cli_read_full(fd, buf, sizeof buf);
  int err = errno;
  close(fd);
  if (n < 0) {
    cli_error(cmd, "cannot read %s: %s", source, strerror(err));
    return CLI_EXIT_KEY;
  }
  int rc = decode(cmd, source, buf, (size_t)n, key);
  cli_wipe(buf, sizeof buf);
  return rc;
}

int cli_load_key(const char *cmd, const char *key_file, const char *key_env,
                 uint8_t key[DKCPR_KEY_BYTES]) {
  if (key_file && key_env) {
    cli_error(cmd, "give either --key-file or --key-env, not both");
    return CLI_EXIT_USAGE;
  }
  if (key_file)
    return load_file(cmd, key_file, key);
  if (key_env) {
    /* A key given where the name belongs must not be echoed: show the
     * name only when it looks like one. (Messages also hide key-like text.) */
    if (!is_variable_name(key_env)) {
      cli_error(cmd, "--key-env takes the name of an environment variable; "
                "the value given is not a name (not shown)");
      return CLI_EXIT_KEY;
    }
    const char *v = getenv(key_env);
    char source[64 + 256];
    snprintf(source, sizeof source, "environment variable %.255s", key_env);
    if (!v) {
      cli_error(cmd, "%s is not set", source);
      return CLI_EXIT_KEY;
    }
    return decode(cmd, source, v, strlen(v), key);
  }
  cli_error(cmd, "no key: give --key-file FILE or --key-env VARIABLE "
            "(make a key with dkcpr keygen -o FILE)");
  return CLI_EXIT_KEY;
}
