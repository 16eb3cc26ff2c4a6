/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr: the command-line program. Dispatches to one subcommand per file. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_text.h"

/* One line on standard error, written with one call so lines of threads
 * and processes do not interleave. The message passes through
 * cli_put_text(): names are escaped and key-like text is hidden, so no
 * value from the command line, the environment or a file name can put a key
 * or a terminal escape sequence on standard error. */
#define MESSAGE_MAX 8192

static void message(const char *level, const char *cmd, const char *fmt,
                    va_list ap) {
  char *text = NULL, *line = NULL;
  size_t line_len = 0;
  va_list again;
  va_copy(again, ap);
  // clang 14's analyzer does not see the callers' va_start:
  int n = vsnprintf(NULL, 0, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): a false alarm
  if (n >= 0 && (text = malloc((size_t)n + 1)) != NULL)
    vsnprintf(text, (size_t)n + 1, fmt, again); // NOLINT(clang-analyzer-valist.Uninitialized): a false alarm
  va_end(again);
  FILE *m = open_memstream(&line, &line_len);
  if (!m) {
    free(text);
    return;
  }
  fputs("dkcpr", m);
  if (cmd)
    fprintf(m, " %s", cmd);
  fputs(": ", m);
  if (level)
    fprintf(m, "%s: ", level);
  /* Bounded: an option value or name of any length stays a short line. */
  size_t len = text ? strlen(text) : 0;
  if (len > MESSAGE_MAX) {
    cli_put_text(m, text, MESSAGE_MAX, CLI_TEXT_ESCAPE | CLI_TEXT_HIDE_KEYS);
    fputs("...", m);
  } else {
    cli_put_str(m, text ? text : "(out of memory)",
                CLI_TEXT_ESCAPE | CLI_TEXT_HIDE_KEYS);
  }
  putc('\n', m);
  if (fclose(m) == 0)
    (void)cli_write_all(STDERR_FILENO, line, line_len);
  free(line);
  free(text);
}

void cli_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  message(NULL, cmd, fmt, ap);
  va_end(ap);
}

void cli_warn(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  message("warning", cmd, fmt, ap);
  va_end(ap);
}

void cli_note(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  message(NULL, cmd, fmt, ap);
  va_end(ap);
}

int cli_exit_for_status(dkcpr_status st) {
  switch (st) {
  case DKCPR_OK:
    return CLI_EXIT_OK;
  case DKCPR_E_KEY:
    return CLI_EXIT_KEY;
  case DKCPR_E_ARG:
  case DKCPR_E_RANGE:
  case DKCPR_E_KIND:
    return CLI_EXIT_USAGE;
  default:
    return CLI_EXIT_INTERNAL;
  }
}

struct command {
  const char *name;
  int (*run)(int argc, char *argv[]);
  int output_error; /* exit code when standard output cannot be written */
};

static const struct command commands[] = {
    {"wash", cmd_wash, CLI_EXIT_OUTPUT},
    {"reveal", cmd_reveal, CLI_EXIT_OUTPUT},
    {"scan", cmd_scan, 2}, /* scan: 2 on any error, as grep */
    {"check", cmd_check, CLI_EXIT_OUTPUT},
    {"info", cmd_info, CLI_EXIT_OUTPUT},
    {"keygen", cmd_keygen, CLI_EXIT_OUTPUT},
    {"generate", cmd_generate, CLI_EXIT_OUTPUT},
};

/* Every command's printed output ends here: a full disk, a closed pipe or
 * /dev/full is an error with a message, never a silent exit code. */
static int close_stdout(const char *cmd, int rc, int output_error) {
  int failed = fflush(stdout) != 0 || ferror(stdout);
  int err = errno;
  if (fclose(stdout) != 0 && !failed) {
    failed = 1;
    err = errno;
  }
  if (!failed)
    return rc;
  cli_error(cmd, "cannot write standard output: %s", strerror(err));
  return rc && rc != CLI_EXIT_NEGATIVE ? rc : output_error;
}

int main(int argc, char *argv[]) {
  cli_reserve_std_fds();
  if (argc < 2) {
    fputs(cli_help_main, stderr);
    return CLI_EXIT_USAGE;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
      strcmp(name, "help") == 0) {
    fputs(cli_help_main, stdout);
    return close_stdout(NULL, CLI_EXIT_OK, CLI_EXIT_OUTPUT);
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
    printf("dkcpr %s (library %s, pseudonym algorithm %s)\n",
           DKCPR_VERSION_STRING, dkcpr_version_string(), dkcpr_algorithm());
    return close_stdout(NULL, CLI_EXIT_OK, CLI_EXIT_OUTPUT);
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(name, commands[i].name) == 0)
      return close_stdout(commands[i].name,
                          commands[i].run(argc - 1, argv + 1),
                          commands[i].output_error);
  if (name[0] == '-') /* the name only: a value after '=' may be a key */
    cli_error(NULL, "unknown option '%.*s' (see dkcpr --help)",
              (int)strcspn(name, "="), name);
  else
    cli_error(NULL, "unknown command '%s' (see dkcpr --help)", name);
  return CLI_EXIT_USAGE;
}
