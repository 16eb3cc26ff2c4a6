/* SPDX-License-Identifier: Apache-2.0 */
/* Shared declarations of the dkcpr program: exit codes, option helpers,
 * key loading, input and output streams, and the subcommands. */
#ifndef DKCPR_CLI_H
#define DKCPR_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dkcpr.h"

/* Exit codes, documented in dkcpr.1 and README. scan keeps grep's gate
 * contract instead: 0 clean, 1 found, 2 any error. */
enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_NEGATIVE = 1, /* scan found numbers; check or info: an invalid number */
  CLI_EXIT_USAGE = 2,    /* unknown option, bad option value, missing argument */
  CLI_EXIT_INPUT = 3,    /* an input cannot be opened or read */
  CLI_EXIT_OUTPUT = 4,   /* the output cannot be created or written */
  CLI_EXIT_KEY = 5,      /* key missing, unreadable, short or malformed */
  CLI_EXIT_INTERNAL = 6, /* out of memory, crypto or random failure */
  CLI_EXIT_UNCHANGED = 7 /* wash: numbers found but left in the output */
};

/* Read and write in large chunks so memory stays constant. */
#define CLI_CHUNK (1u << 20)

/* --- messages (main.c) --- */
/* "dkcpr CMD: message" on stderr, one line. Every message passes through
 * cli_put_text(CLI_TEXT_ESCAPE | CLI_TEXT_HIDE_KEYS): control characters
 * in names cannot break the line, and key-like text is never shown. */
void cli_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cli_warn(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same without a level: progress notes and summaries. */
void cli_note(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The exit code for a library status that is not about the input. */
int cli_exit_for_status(dkcpr_status st);

/* --- option values (args.c); each returns 0 or prints a message and returns -1 --- */
int cli_parse_policy(const char *cmd, const char *s, dkcpr_policy *out);
int cli_parse_confidence(const char *cmd, const char *s, dkcpr_confidence *out);
int cli_parse_keep(const char *cmd, const char *s, unsigned int *out);
int cli_parse_mode(const char *cmd, const char *s, dkcpr_wash_mode *out);
/* YYYY-MM-DD; with year_only_end >= 0 also YYYY (as Jan 1 if 0, Dec 31 if 1). */
int cli_parse_date(const char *cmd, const char *what, const char *s,
                   int year_only_end, int *y, int *m, int *d);
int cli_parse_u64(const char *cmd, const char *what, const char *s,
                  uint64_t min, uint64_t max, uint64_t *out);
/* One line naming an unknown option or a missing argument (arg: the
 * argument getopt_long stopped at, argv[optind - 1]); returns CLI_EXIT_USAGE. */
int cli_bad_option(const char *cmd, int opt, const char *arg);
/* Load a known-dates file into a new list (freed by the caller). */
int cli_load_known_dates(const char *cmd, const char *path, dkcpr_datelist **out);

/* --- text from outside, made safe to show (text.c) --- */
/* A run of this many hexadecimal characters may be key material (a key is
 * 64): messages show CLI_HIDDEN instead. */
#define CLI_KEYLIKE_HEX 32
#define CLI_HIDDEN "<hidden: looks like a key>"
enum {
  CLI_TEXT_ESCAPE = 1u,   /* \\ \n \t \r, \xHH for other controls, invisible
                             characters and bytes that are not UTF-8 */
  CLI_TEXT_HIDE_KEYS = 2u /* CLI_HIDDEN for runs of CLI_KEYLIKE_HEX+ hex */
};
void cli_put_text(FILE *f, const char *s, size_t len, unsigned int flags);
void cli_put_str(FILE *f, const char *s, unsigned int flags);
/* Length of the valid UTF-8 sequence at s (1-4), or 0 if invalid. */
size_t cli_utf8_len(const unsigned char *s, size_t len);

/* --- keys (keyfile.c) --- */
/* Load the key from a file or an environment variable (exactly one must be
 * given). Returns 0 or an exit code after a message; never prints the key. */
int cli_load_key(const char *cmd, const char *key_file, const char *key_env,
                 uint8_t key[DKCPR_KEY_BYTES]);
void cli_wipe(void *p, size_t n);

/* --- input (io.c) --- */
/* Keep descriptors 0-2 taken (by /dev/null, opened so that using them
 * fails) when the program starts with any of them closed, so no file can
 * take their place; remembers which were closed. Call first thing. */
void cli_reserve_std_fds(void);
/* Open a path for reading; "-" is standard input (EBADF when standard
 * input was closed at start). Returns 0 or errno. */
int cli_open_input(const char *path, int *fd);
/* Read until cap bytes or end of input; returns bytes read or -1 (errno set). */
long cli_read_full(int fd, char *buf, size_t cap);
/* Write everything; returns 0 or errno. */
int cli_write_all(int fd, const void *buf, size_t len);
/* Human-readable display name of an input path. */
const char *cli_input_name(const char *path);

/* --- output written atomically (atomic_out.c) --- */
typedef struct cli_out {
  int fd;
  char *final_path; /* NULL when writing to standard output */
  char *tmp_path;   /* a named temporary file, while one exists */
  int atomic;       /* writing a new file that commit puts in place */
  int anonymous;    /* the new file has no name yet (O_TMPFILE) */
  int existed;      /* final_path was a regular file at open */
  unsigned int flags;
  unsigned int mode;      /* the mode the file gets at commit */
  long long uid, gid;     /* owner to set at commit, or -1 */
} cli_out;
enum {
  CLI_OUT_PRIVATE = 1u,    /* mode 0600 whatever the umask or old file */
  CLI_OUT_NO_REPLACE = 2u, /* refuse an existing file */
  CLI_OUT_FILE_ONLY = 4u   /* refuse devices and descriptors (key files) */
};
/* Standard output when path is NULL or "-"; an already open descriptor for
 * /dev/stdout, /dev/stderr, /dev/fd/N; a character device named directly
 * (/dev/null); else a new file in path's directory that cli_out_commit()
 * puts in place atomically. Refuses symbolic links, FIFOs, sockets, block
 * devices and (unless root) another user's file; warns about hard links.
 * Returns 0 or an exit code after a message. */
int cli_out_open(cli_out *o, const char *cmd, const char *path);
int cli_out_open_flags(cli_out *o, const char *cmd, const char *path,
                       unsigned int flags);
/* Returns 0 or an exit code after a message. */
int cli_out_write(cli_out *o, const char *cmd, const void *buf, size_t len);
int cli_out_commit(cli_out *o, const char *cmd);
/* Remove the temporary file; the final path is left as it was. */
void cli_out_abort(cli_out *o);

/* --- progress on a terminal (progress.c) --- */
typedef struct cli_progress {
  int enabled;
  double start, last;
  uint64_t total_hint;
} cli_progress;
void cli_progress_init(cli_progress *p, uint64_t total_hint);
void cli_progress_update(cli_progress *p, uint64_t bytes, uint64_t found);
void cli_progress_end(cli_progress *p);
/* "12.3 MB" into buf. */
const char *cli_human_bytes(char buf[32], uint64_t n);
double cli_now(void);

/* --- JSON (json.c) --- */
/* Write s as a JSON string (quotes included); invalid UTF-8 becomes U+FFFD. */
void cli_json_string(FILE *f, const char *s, size_t len);
/* 1 when s is valid UTF-8. */
int cli_utf8_valid(const char *s, size_t len);
/* Write s as a JSON string holding its base64 encoding (RFC 4648). */
void cli_json_base64(FILE *f, const char *s, size_t len);

/* --- subcommands: each takes the arguments after the program name --- */
int cmd_wash(int argc, char *argv[]);
int cmd_reveal(int argc, char *argv[]);
int cmd_scan(int argc, char *argv[]);
int cmd_check(int argc, char *argv[]);
int cmd_info(int argc, char *argv[]);
int cmd_keygen(int argc, char *argv[]);
int cmd_generate(int argc, char *argv[]);

#endif /* DKCPR_CLI_H */
