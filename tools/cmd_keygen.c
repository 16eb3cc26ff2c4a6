/* SPDX-License-Identifier: Apache-2.0 */
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
#include "cli_text.h"

/* A key file is written like every -o output (a new file, put in place
 * atomically, never through a symbolic link, never onto a device or FIFO),
 * and is private from its first byte: mode 0600 whatever the umask. */
static int write_key_file(const char *path, const char *text, size_t len,
                          int force) {
  cli_out out;
  unsigned int flags = CLI_OUT_PRIVATE | CLI_OUT_FILE_ONLY |
                       (force ? 0u : CLI_OUT_NO_REPLACE);
  int rc = cli_out_open_flags(&out, "keygen", path, flags);
  if (rc)
    return rc;
  if ((rc = cli_out_write(&out, "keygen", text, len)) != 0) {
    cli_out_abort(&out);
    return rc;
  }
  return cli_out_commit(&out, "keygen");
}

int cmd_keygen(int argc, char *argv[]) {
  const char *output = NULL;
  int force = 0, opt;
  optind = 0;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, cli_shorts_keygen, cli_options_keygen, NULL)) !=
         -1) {
    switch (opt) {
    case 'o': output = optarg; break;
    case 'f': force = 1; break;
    case 'h': fputs(cli_help_keygen, stdout); return CLI_EXIT_OK;
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
