/* dkcpr keygen: a new key from the system's random generator, as 64
 * hexadecimal characters, into a file only its owner can read. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: dkcpr keygen [-o FILE] [--force]\n"
    "Make a new key: 64 hexadecimal characters and a newline.\n"
    "\n"
    "  -o, --output=FILE   create FILE with mode 0600 (refuses an existing FILE)\n"
    "  -f, --force         replace an existing FILE\n"
    "  -h, --help          this help\n"
    "\n"
    "Without -o the key goes to standard output, which must not be a terminal\n"
    "(a key is never shown on screen): redirect it or use -o.\n"
    "Exit: 0 done, 2 usage, 4 output not written, 6 random generator failed.\n";

static int write_key_file(const char *path, const char *text, size_t len,
                          int force) {
  /* A key file is always created new with 0600, so it is never readable by
   * others, not even for a moment; --force writes a new file beside the old
   * one and renames it over. */
  char *tmp = NULL;
  const char *target = path;
  if (force) {
    size_t n = strlen(path);
    tmp = malloc(n + sizeof ".dkcpr-new");
    if (!tmp) {
      cli_error("keygen", "out of memory");
      return CLI_EXIT_INTERNAL;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".dkcpr-new", sizeof ".dkcpr-new");
    unlink(tmp); /* a leftover of an interrupted run */
    target = tmp;
  }
  int fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    int err = errno;
    if (err == EEXIST)
      cli_error("keygen", "'%s' exists; not overwritten (use --force)", path);
    else
      cli_error("keygen", "cannot create '%s': %s", path, strerror(err));
    free(tmp);
    return CLI_EXIT_OUTPUT;
  }
  int err = cli_write_all(fd, text, len);
  if (!err && fsync(fd) != 0)
    err = errno;
  if (close(fd) != 0 && !err)
    err = errno;
  if (!err && tmp && rename(tmp, path) != 0)
    err = errno;
  if (err) {
    unlink(target);
    cli_error("keygen", "cannot write '%s': %s", path, strerror(err));
  }
  free(tmp);
  return err ? CLI_EXIT_OUTPUT : CLI_EXIT_OK;
}

int cmd_keygen(int argc, char *argv[]) {
  static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                       {"force", no_argument, NULL, 'f'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *output = NULL;
  int force = 0, opt;
  optind = 0;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":o:fh", opts, NULL)) != -1) {
    switch (opt) {
    case 'o': output = optarg; break;
    case 'f': force = 1; break;
    case 'h': fputs(usage, stdout); return CLI_EXIT_OK;
    default: return cli_bad_option("keygen", opt, argv[optind - 1]);
    }
  }
  if (optind < argc) {
    cli_error("keygen", "unexpected argument '%s' (see dkcpr keygen --help)",
              argv[optind]);
    return CLI_EXIT_USAGE;
  }
  if (output && strcmp(output, "-") == 0)
    output = NULL;
  if (!output && isatty(STDOUT_FILENO)) {
    cli_error("keygen", "refusing to show a key on a terminal: use -o FILE or "
              "redirect standard output");
    return CLI_EXIT_USAGE;
  }
  uint8_t key[DKCPR_KEY_BYTES];
  char text[DKCPR_KEY_HEX_CHARS + 2];
  dkcpr_status st = dkcpr_keygen(key, sizeof key);
  if (st != DKCPR_OK) {
    cli_wipe(key, sizeof key);
    cli_error("keygen", "%s", dkcpr_strerror(st));
    return cli_exit_for_status(st);
  }
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < sizeof key; i++) {
    text[2 * i] = hex[key[i] >> 4];
    text[2 * i + 1] = hex[key[i] & 0xF];
  }
  text[DKCPR_KEY_HEX_CHARS] = '\n';
  text[DKCPR_KEY_HEX_CHARS + 1] = '\0';
  cli_wipe(key, sizeof key);
  int rc;
  if (output) {
    rc = write_key_file(output, text, DKCPR_KEY_HEX_CHARS + 1, force);
  } else {
    int err = cli_write_all(STDOUT_FILENO, text, DKCPR_KEY_HEX_CHARS + 1);
    if (err)
      cli_error("keygen", "cannot write standard output: %s", strerror(err));
    rc = err ? CLI_EXIT_OUTPUT : CLI_EXIT_OK;
  }
  cli_wipe(text, sizeof text);
  return rc;
}
