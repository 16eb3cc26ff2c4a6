/* Output to standard output, or to a file written atomically: a temporary
 * file in the same directory, fsync, then rename over the target, so a
 * failed or interrupted run never leaves a partial output file. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The one piece of process state: a signal handler can only reach the
 * temporary file through a static. The program writes one output at a time. */
static char *volatile pending_tmp;

static void on_signal(int sig) {
  char *tmp = pending_tmp;
  if (tmp)
    unlink(tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void catch_signals(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(sigs[i], &sa, NULL);
  }
}

int cli_out_open(cli_out *o, const char *cmd, const char *path) {
  memset(o, 0, sizeof *o);
  o->fd = STDOUT_FILENO;
  if (!path || strcmp(path, "-") == 0)
    return 0;
  size_t n = strlen(path);
  o->final_path = strdup(path);
  o->tmp_path = malloc(n + sizeof ".dkcpr-XXXXXX");
  if (!o->final_path || !o->tmp_path) {
    cli_out_abort(o);
    cli_error(cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  /* The temporary name extends the target's, so it lands in the same
   * directory and the rename cannot cross file systems. */
  memcpy(o->tmp_path, path, n);
  memcpy(o->tmp_path + n, ".dkcpr-XXXXXX", sizeof ".dkcpr-XXXXXX");
  struct stat sb;
  int have_target = stat(path, &sb) == 0;
  if (have_target && S_ISDIR(sb.st_mode)) {
    cli_error(cmd, "cannot write '%s': it is a directory", path);
    free(o->tmp_path);
    o->tmp_path = NULL;
    cli_out_abort(o);
    return CLI_EXIT_OUTPUT;
  }
  if (have_target && !S_ISREG(sb.st_mode)) {
    /* A device or pipe (/dev/null, a FIFO) cannot be replaced by a rename:
     * write to it directly. */
    free(o->tmp_path);
    o->tmp_path = NULL;
    o->fd = open(path, O_WRONLY | O_CLOEXEC);
    if (o->fd < 0) {
      cli_error(cmd, "cannot write '%s': %s", path, strerror(errno));
      cli_out_abort(o);
      return CLI_EXIT_OUTPUT;
    }
    return 0;
  }
  catch_signals();
  int fd = mkstemp(o->tmp_path);
  if (fd < 0) {
    cli_error(cmd, "cannot create a file beside '%s': %s", path, strerror(errno));
    free(o->tmp_path);
    o->tmp_path = NULL;
    cli_out_abort(o);
    return CLI_EXIT_OUTPUT;
  }
  pending_tmp = o->tmp_path;
  /* mkstemp makes 0600; give the output the mode a new file would get,
   * or keep the mode of the file it replaces. */
  mode_t mode;
  if (have_target) {
    mode = sb.st_mode & 07777;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  (void)fchmod(fd, mode); /* on failure the file just stays private */
  o->fd = fd;
  return 0;
}

int cli_out_write(cli_out *o, const char *cmd, const void *buf, size_t len) {
  int err = cli_write_all(o->fd, buf, len);
  if (err) {
    cli_error(cmd, "cannot write %s: %s",
              o->final_path ? o->final_path : "standard output", strerror(err));
    return CLI_EXIT_OUTPUT;
  }
  return 0;
}

static void sync_directory(const char *path) {
  char *copy = strdup(path);
  if (!copy)
    return;
  int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)fsync(dfd);
    close(dfd);
  }
  free(copy);
}

int cli_out_commit(cli_out *o, const char *cmd) {
  if (!o->final_path) {
    if (fflush(stdout) != 0) {
      cli_error(cmd, "cannot write standard output: %s", strerror(errno));
      return CLI_EXIT_OUTPUT;
    }
    return 0;
  }
  if (!o->tmp_path) { /* written directly to a device or pipe */
    int rc = 0;
    if (close(o->fd) != 0) {
      cli_error(cmd, "cannot write '%s': %s", o->final_path, strerror(errno));
      rc = CLI_EXIT_OUTPUT;
    }
    o->fd = -1;
    cli_out_abort(o);
    return rc;
  }
  int rc = 0;
  if (fsync(o->fd) != 0) {
    cli_error(cmd, "cannot write '%s': %s", o->final_path, strerror(errno));
    rc = CLI_EXIT_OUTPUT;
  }
  if (close(o->fd) != 0 && rc == 0) {
    cli_error(cmd, "cannot write '%s': %s", o->final_path, strerror(errno));
    rc = CLI_EXIT_OUTPUT;
  }
  o->fd = -1;
  if (rc == 0 && rename(o->tmp_path, o->final_path) != 0) {
    cli_error(cmd, "cannot replace '%s': %s", o->final_path, strerror(errno));
    rc = CLI_EXIT_OUTPUT;
  }
  if (rc == 0) {
    pending_tmp = NULL;
    sync_directory(o->final_path);
    free(o->tmp_path);
    o->tmp_path = NULL;
  }
  cli_out_abort(o);
  return rc;
}

void cli_out_abort(cli_out *o) {
  if (o->fd >= 0 && o->fd != STDOUT_FILENO)
    close(o->fd);
  if (o->tmp_path) {
    pending_tmp = NULL;
    unlink(o->tmp_path);
  }
  free(o->tmp_path);
  free(o->final_path);
  o->tmp_path = NULL;
  o->final_path = NULL;
  o->fd = -1;
}
