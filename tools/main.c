/* dkcpr: the command-line program. Dispatches to one subcommand per file. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: dkcpr COMMAND [OPTION]... [ARG]...\n"
    "Danish CPR numbers: wash them out of data, find, check and explain them.\n"
    "\n"
    "Commands:\n"
    "  wash      replace every CPR number in files or standard input\n"
    "  reveal    undo a pseudonym wash (needs the same key and options)\n"
    "  scan      find CPR numbers in files or directory trees (a CI gate)\n"
    "  check     validate numbers: one line per number, valid or the reason\n"
    "  info      birth date, age, sex and kind of one number\n"
    "  keygen    make a new key (64 hexadecimal characters)\n"
    "  generate  synthetic valid CPR numbers, reproducible with a seed\n"
    "\n"
    "  dkcpr COMMAND --help   options of a command\n"
    "  dkcpr --version        the program's and library's version\n"
    "\n"
    "Exit codes: 0 success; 1 numbers found (scan) or a number invalid (check,\n"
    "info); 2 usage; 3 input unreadable; 4 output not written; 5 key problem;\n"
    "6 internal failure. scan exits 2 on any error. See dkcpr(1).\n";

static void prefix(const char *level, const char *cmd) {
  fputs("dkcpr", stderr);
  if (cmd)
    fprintf(stderr, " %s", cmd);
  fputs(": ", stderr);
  if (level)
    fprintf(stderr, "%s: ", level);
}

void cli_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  prefix(NULL, cmd);
  va_start(ap, fmt);
  // clang 14's analyzer does not see the va_start just above:
  vfprintf(stderr, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): a false alarm
  va_end(ap);
  fputc('\n', stderr);
}

void cli_warn(const char *cmd, const char *fmt, ...) {
  va_list ap;
  prefix("warning", cmd);
  va_start(ap, fmt);
  // clang 14's analyzer does not see the va_start just above:
  vfprintf(stderr, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): a false alarm
  va_end(ap);
  fputc('\n', stderr);
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
};

static const struct command commands[] = {
    {"wash", cmd_wash},         {"reveal", cmd_reveal},
    {"scan", cmd_scan},         {"check", cmd_check},
    {"info", cmd_info},         {"keygen", cmd_keygen},
    {"generate", cmd_generate},
};

int main(int argc, char *argv[]) {
  if (argc < 2) {
    fputs(usage_text, stderr);
    return CLI_EXIT_USAGE;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
      strcmp(name, "help") == 0) {
    fputs(usage_text, stdout);
    return CLI_EXIT_OK;
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
    printf("dkcpr %s (library %s, pseudonym algorithm %s)\n",
           DKCPR_VERSION_STRING, dkcpr_version_string(), dkcpr_algorithm());
    return CLI_EXIT_OK;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(name, commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  if (name[0] == '-')
    cli_error(NULL, "unknown option '%s' (see dkcpr --help)", name);
  else
    cli_error(NULL, "unknown command '%s' (see dkcpr --help)", name);
  return CLI_EXIT_USAGE;
}
