/* SPDX-License-Identifier: Apache-2.0 */
/* The command line: each subcommand's option parsing, and the command
 * itself, driven with fuzzed arguments. Must not crash, leak, or put key
 * material on standard output or error.
 *
 * Input: the first byte picks the subcommand; the rest is its arguments,
 * separated by NUL bytes. The command runs as the program would run it,
 * in a scratch directory holding a key file ("key", the fixture key), a
 * small input ("in.txt") and a known-dates file ("dates.txt"), with
 * standard input empty and standard output and error captured; the fixture
 * key is also in the environment as DKCPR_FUZZ_KEY. So that nothing outside
 * the scratch directory is written, arguments holding '/' (except the name
 * /dev/null) or naming ".." are not run; numbers of five digits or more
 * are not given to generate, which would spend its time writing them. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fuzz_common.h"

#define MAX_ARGS 32
#define MAX_ARG_LEN 512

static const char key_hex[] = "3f0a9c51d27be8644c1de0a7b95f2d3806e4ab71c8925fd0e36b4a17dc089e52";
static const char key_hex_upper[] =
    "3F0A9C51D27BE8644C1DE0A7B95F2D3806E4AB71C8925FD0E36B4A17DC089E52";

static const struct {
  const char *name;
  int (*run)(int argc, char *argv[]);
} commands[] = {{"wash", cmd_wash},   {"reveal", cmd_reveal}, {"scan", cmd_scan},
                {"check", cmd_check}, {"info", cmd_info},     {"keygen", cmd_keygen},
                {"generate", cmd_generate}};

static int scratch = -1, home = -1, out_fd = -1, err_fd = -1;

/* Sanitizer reports keep going to the real standard error while the
 * command's is captured (a weak reference: replay builds have none). */
void __sanitizer_set_report_fd(void *fd) __attribute__((weak));

static void put_file(const char *name, const char *text) {
  int fd;
  unlinkat(scratch, name, 0);
  fd = openat(scratch, name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  FUZZ_CHECK(fd >= 0);
  FUZZ_CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
  close(fd);
}

/* Everything a command left in the scratch directory goes. */
static void clean_scratch(void) {
  int fd = dup(scratch);
  DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
  struct dirent *e;
  FUZZ_CHECK(d != NULL);
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
      unlinkat(scratch, e->d_name, 0);
  closedir(d);
}

static void setup(void) {
  char dir[] = "/tmp/dkcpr-fuzz-cli-XXXXXX";
  int null_fd;
  FUZZ_CHECK(mkdtemp(dir) != NULL);
  scratch = open(dir, O_RDONLY | O_DIRECTORY);
  home = open(".", O_RDONLY | O_DIRECTORY);
  FUZZ_CHECK(scratch >= 0 && home >= 0);
  null_fd = open("/dev/null", O_RDONLY);
  FUZZ_CHECK(null_fd >= 0 && dup2(null_fd, STDIN_FILENO) == STDIN_FILENO);
  close(null_fd);
  out_fd = memfd_create("fuzz_cli_out", 0);
  err_fd = memfd_create("fuzz_cli_err", 0);
  FUZZ_CHECK(out_fd >= 0 && err_fd >= 0);
  setenv("DKCPR_FUZZ_KEY", key_hex, 1);
  if (__sanitizer_set_report_fd != NULL)
    __sanitizer_set_report_fd((void *)(intptr_t)dup(STDERR_FILENO));
}

static int allowed(const char *arg, int generate) {
  size_t digits = 0;
  if (strcmp(arg, "/dev/null") == 0) return 1;
  if (strchr(arg, '/') != NULL || strstr(arg, "..") != NULL) return 0;
  for (const char *p = arg; *p; p++) {
    digits = *p >= '0' && *p <= '9' ? digits + 1 : 0;
    if (generate && digits >= 5) return 0;
  }
  return 1;
}

/* Bytes written to a capture descriptor since it was emptied. */
static char *captured(int fd, size_t *len) {
  struct stat st;
  char *buf;
  FUZZ_CHECK(fstat(fd, &st) == 0);
  *len = (size_t)st.st_size;
  buf = malloc(*len + 1);
  FUZZ_CHECK(buf != NULL);
  FUZZ_CHECK(pread(fd, buf, *len, 0) == (ssize_t)*len);
  buf[*len] = '\0';
  return buf;
}

static int has(const char *text, size_t len, const char *what) {
  size_t n = strlen(what);
  return len >= n && memmem(text, len, what, n) != NULL;
}

/* A run of CLI_KEYLIKE_HEX hexadecimal characters: messages hide those.
 * An escape \xHH stands for a byte that was not a hexadecimal character,
 * so it ends a run (escaping 0xF1 before "3f0a..." writes \xF13f0a...). */
static int has_keylike(const char *text, size_t len) {
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    int hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (c == '\\' && i + 3 < len && text[i + 1] == 'x') {
      run = 0;
      i += 3;
      continue;
    }
    run = hex ? run + 1 : 0;
    if (run >= CLI_KEYLIKE_HEX) return 1;
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *argv[MAX_ARGS + 2], *copy, *out, *err;
  int argc = 1, cmd, saved_out, saved_err;
  size_t out_len, err_len;
  if (scratch < 0) setup();
  if (size == 0) return 0;
  cmd = data[0] % (sizeof commands / sizeof commands[0]);
  copy = malloc(size);
  FUZZ_CHECK(copy != NULL);
  memcpy(copy, data + 1, size - 1);
  copy[size - 1] = '\0';
  argv[0] = (char *)commands[cmd].name;
  for (size_t i = 0; i + 1 < size && argc <= MAX_ARGS;) {
    size_t len = strlen(copy + i);
    if (len > MAX_ARG_LEN || !allowed(copy + i, cmd == 6)) {
      free(copy);
      return 0;
    }
    argv[argc++] = copy + i;
    i += len + 1;
  }
  argv[argc] = NULL;

  put_file("key", key_hex);
  put_file("in.txt", "id;cpr\n1;070761-4285\n2;0101300003\n3;010190-F1A0\n");
  put_file("dates.txt", "# known dates\n1965-01-01\n");
  FUZZ_CHECK(ftruncate(out_fd, 0) == 0 && ftruncate(err_fd, 0) == 0);
  fflush(stdout);
  fflush(stderr);
  saved_out = dup(STDOUT_FILENO);
  saved_err = dup(STDERR_FILENO);
  FUZZ_CHECK(saved_out >= 0 && saved_err >= 0);
  dup2(out_fd, STDOUT_FILENO);
  dup2(err_fd, STDERR_FILENO);
  FUZZ_CHECK(fchdir(scratch) == 0);

  int rc = commands[cmd].run(argc, argv);

  FUZZ_CHECK(fchdir(home) == 0);
  fflush(stdout);
  fflush(stderr);
  dup2(saved_out, STDOUT_FILENO);
  dup2(saved_err, STDERR_FILENO);
  close(saved_out);
  close(saved_err);
  clean_scratch();

  FUZZ_CHECK(rc >= 0 && rc <= CLI_EXIT_UNCHANGED);
  out = captured(out_fd, &out_len);
  err = captured(err_fd, &err_len);
  FUZZ_CHECK(!has(out, out_len, key_hex) && !has(out, out_len, key_hex_upper));
  FUZZ_CHECK(!has(err, err_len, key_hex) && !has(err, err_len, key_hex_upper));
  FUZZ_CHECK(!has_keylike(err, err_len));
  free(out);
  free(err);
  free(copy);
  return 0;
}
