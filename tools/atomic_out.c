/* SPDX-License-Identifier: Apache-2.0 */
/* Output to standard output, or to a file written atomically: a new file
 * in the same directory, mode 0600 while it is written, fsync, then put in
 * place with one rename (or link), so a failed or interrupted run never
 * leaves a partial output file and never changes another file.
 *
 * The new file has no name while it is written where the file system
 * supports O_TMPFILE: then even SIGKILL or a power cut leaves nothing
 * behind. Elsewhere it is named TARGET.dkcpr-XXXXXX (shortened to fit the
 * file system's name limit), and every signal that ends the program and can
 * be caught removes it first; only SIGKILL (or a crash of the machine) can
 * leave it. An anonymous file that replaces an existing one gets such a
 * name for the moment between link and rename. */
#define _GNU_SOURCE /* O_TMPFILE, linkat's AT_EMPTY_PATH */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* ---- signals --------------------------------------------------------- */

/* The one piece of process state: a signal handler can only reach the
 * temporary file through a static. The program writes one output at a time. */
static char *volatile pending_tmp;
static struct sigaction saved_action[NSIG];
static sigset_t handled;

/* Every signal whose default action ends the process and that can be
 * caught; the real-time signals are added in catch_signals(). */
static const int term_signals[] = {
    SIGHUP,  SIGINT,  SIGQUIT, SIGILL,  SIGTRAP,   SIGABRT, SIGBUS,
    SIGFPE,  SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE,   SIGALRM, SIGTERM,
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
    SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS,
#ifdef SIGIO
    SIGIO,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
};

static int is_fault(int sig) {
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE;
}

static void on_signal(int sig, siginfo_t *info, void *context) {
  (void)context;
  char *tmp = pending_tmp;
  if (tmp) {
    pending_tmp = NULL;
    unlink(tmp);
  }
  sigaction(sig, &saved_action[sig], NULL);
  /* A fault raised by the CPU happens again on return, now under the old
   * action (the default, or a sanitizer's); anything sent is sent again. */
  if (is_fault(sig) && info && info->si_code > 0)
    return;
  raise(sig);
}

static void catch_one(int sig) {
  struct sigaction sa;
  if (sig <= 0 || sig >= NSIG || sigaction(sig, NULL, &saved_action[sig]) != 0)
    return;
  if (saved_action[sig].sa_handler == SIG_IGN)
    return; /* ignored on purpose (nohup): keep it so */
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_signal;
  sa.sa_flags = SA_SIGINFO;
  sa.sa_mask = handled;
  sigaction(sig, &sa, NULL);
}

static void catch_signals(void) {
  static int done;
  if (done)
    return;
  done = 1;
  sigemptyset(&handled);
  for (size_t i = 0; i < sizeof term_signals / sizeof term_signals[0]; i++)
    sigaddset(&handled, term_signals[i]);
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
    sigaddset(&handled, sig);
  for (size_t i = 0; i < sizeof term_signals / sizeof term_signals[0]; i++)
    catch_one(term_signals[i]);
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
    catch_one(sig);
}

/* Creating or removing a name and recording it happen as one step. */
static void block_signals(sigset_t *old) {
  pthread_sigmask(SIG_BLOCK, &handled, old);
}

static void unblock_signals(const sigset_t *old) {
  pthread_sigmask(SIG_SETMASK, old, NULL);
}

/* ---- names ----------------------------------------------------------- */

/* /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: a descriptor this
 * process already holds; -1 for any other path. */
static int descriptor_alias(const char *path) {
  const char *num = NULL;
  if (strcmp(path, "/dev/stdout") == 0)
    return STDOUT_FILENO;
  if (strcmp(path, "/dev/stderr") == 0)
    return STDERR_FILENO;
  if (strncmp(path, "/dev/fd/", 8) == 0)
    num = path + 8;
  else if (strncmp(path, "/proc/self/fd/", 14) == 0)
    num = path + 14;
  if (!num || !*num || strlen(num) > 6)
    return -1;
  int fd = 0;
  for (const char *p = num; *p; p++) {
    if (*p < '0' || *p > '9')
      return -1;
    fd = fd * 10 + (*p - '0');
  }
  return fd;
}

static const char *file_type(mode_t mode) {
  if (S_ISLNK(mode))
    return "a symbolic link";
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO (named pipe)";
  if (S_ISSOCK(mode))
    return "a socket";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISCHR(mode))
    return "a character device";
  return "not a regular file";
}

/* DIR/BASE.dkcpr-XXXXXX, BASE shortened (at a character boundary) so the
 * name fits the directory's limit even when BASE alone is at the limit. */
static char *temp_template(const char *dir, const char *base) {
  static const char suffix[] = ".dkcpr-XXXXXX";
  long name_max = pathconf(dir, _PC_NAME_MAX);
  if (name_max < 14 || name_max > 4096)
    name_max = 255;
  size_t keep = strlen(base);
  size_t room = (size_t)name_max - (sizeof suffix - 1);
  if (keep > room) {
    keep = room;
    while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
      keep--;
  }
  size_t dlen = strlen(dir);
  char *t = malloc(dlen + 1 + keep + sizeof suffix);
  if (!t)
    return NULL;
  memcpy(t, dir, dlen);
  t[dlen] = '/';
  memcpy(t + dlen + 1, base, keep);
  memcpy(t + dlen + 1 + keep, suffix, sizeof suffix);
  return t;
}

/* Fill the template's XXXXXX with fresh random letters. */
static void randomize(char *t) {
  static const char chars[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char r[6];
  if (getentropy(r, sizeof r) != 0) {
    unsigned long v = (unsigned long)getpid() ^ (unsigned long)time(NULL) ^
                      (unsigned long)(uintptr_t)t;
    for (size_t i = 0; i < sizeof r; i++, v = v * 6364136223846793005ul + 1)
      r[i] = (unsigned char)(v >> 33);
  }
  char *x = t + strlen(t) - 6;
  for (size_t i = 0; i < sizeof r; i++)
    x[i] = chars[r[i] % (sizeof chars - 1)];
}

/* Give the anonymous file fd the name path; 0 or errno. */
static int link_anonymous(int fd, const char *path) {
  if (linkat(fd, "", AT_FDCWD, path, AT_EMPTY_PATH) == 0)
    return 0; /* needs CAP_DAC_READ_SEARCH */
  if (errno == EEXIST)
    return EEXIST;
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
    return 0;
  return errno;
}

/* O_TMPFILE in dir, usable only if the file can later be linked: through
 * /proc/self/fd, which must show this very file. -1 when not available.
 * DKCPR_NAMED_TEMP=1 in the environment always takes the named way (tests
 * use it to check what happens on file systems without O_TMPFILE). */
static int open_anonymous(const char *dir) {
#ifdef O_TMPFILE
  const char *named = getenv("DKCPR_NAMED_TEMP");
  if (named && strcmp(named, "1") == 0)
    return -1;
  int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;
  char proc[64];
  struct stat a, b;
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (fstat(fd, &a) == 0 && stat(proc, &b) == 0 && a.st_ino == b.st_ino &&
      a.st_dev == b.st_dev)
    return fd;
  close(fd);
#else
  (void)dir;
#endif
  return -1;
}

/* ---- open ------------------------------------------------------------ */

static int refuse(cli_out *o, const char *cmd, const char *fmt, const char *path,
                  const char *what) {
  cli_error(cmd, fmt, path, what);
  cli_out_abort(o);
  return CLI_EXIT_OUTPUT;
}

/* Writing to a character device the user named (/dev/null, /dev/tty). */
static int open_device(cli_out *o, const char *cmd, const char *path,
                       const struct stat *sb) {
  int fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
  struct stat now;
  if (fd < 0)
    return refuse(o, cmd, "cannot write '%s': %s", path, strerror(errno));
  if (fstat(fd, &now) != 0 || !S_ISCHR(now.st_mode) ||
      now.st_rdev != sb->st_rdev) {
    close(fd);
    return refuse(o, cmd, "cannot write '%s': %s", path,
                  "it changed while being opened");
  }
  o->fd = fd;
  return 0;
}

/* Checks an existing regular file that will be replaced. */
static int check_existing(cli_out *o, const char *cmd, const char *path,
                          const struct stat *sb) {
  if (o->flags & CLI_OUT_NO_REPLACE)
    return refuse(o, cmd, "'%s' exists; not overwritten%s (use --force)", path, "");
  uid_t me = geteuid();
  if (sb->st_uid != me) {
    /* A rename would hand the name to us: the owner would change, and the
     * file could become unreadable to them or readable to us alone. */
    if (me != 0) {
      char uid[32];
      snprintf(uid, sizeof uid, "%lu", (unsigned long)sb->st_uid);
      return refuse(o, cmd,
                    "'%s' belongs to another user (uid %s); not replaced, "
                    "so its owner does not change (remove it or write elsewhere)",
                    path, uid);
    }
    o->uid = sb->st_uid; /* root keeps the owner */
  }
  if (sb->st_gid != getegid())
    o->gid = sb->st_gid;
  if (sb->st_nlink > 1)
    cli_warn(cmd, "'%s' has %lu hard links: only this name gets the new "
             "content, the file's other names keep the old content", path,
             (unsigned long)sb->st_nlink);
  o->mode = (o->flags & CLI_OUT_PRIVATE) ? 0600 : (unsigned)(sb->st_mode & 0777);
  o->existed = 1;
  return 0;
}

int cli_out_open_flags(cli_out *o, const char *cmd, const char *path,
                       unsigned int flags) {
  memset(o, 0, sizeof *o);
  o->fd = STDOUT_FILENO;
  o->uid = o->gid = -1;
  o->flags = flags;
  if (!path || strcmp(path, "-") == 0)
    return 0;
  o->fd = -1;
  if (!(o->final_path = strdup(path))) {
    cli_error(cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  if (path[0] == '\0')
    return refuse(o, cmd, "cannot write '%s': %s", path, "an empty file name");
  int alias = descriptor_alias(path);
  if (alias >= 0) {
    if (flags & CLI_OUT_FILE_ONLY)
      return refuse(o, cmd, "'%s' is %s: key files are written only as "
                    "regular files (leave out -o for standard output)", path,
                    "a descriptor");
    /* A descriptor this process holds: not someone else's pipe. */
    if ((o->fd = fcntl(alias, F_DUPFD_CLOEXEC, 3)) < 0)
      return refuse(o, cmd, "cannot write '%s': %s", path, strerror(errno));
    return 0;
  }
  if (path[strlen(path) - 1] == '/')
    return refuse(o, cmd, "cannot write '%s': %s", path, "names a directory");

  struct stat sb;
  if (lstat(path, &sb) == 0) {
    if (S_ISCHR(sb.st_mode) && !(flags & CLI_OUT_FILE_ONLY))
      return open_device(o, cmd, path, &sb);
    if (S_ISLNK(sb.st_mode))
      return refuse(o, cmd, "'%s' is %s: not written through and not "
                    "replaced (name the file itself)", path, file_type(sb.st_mode));
    if (!S_ISREG(sb.st_mode))
      return refuse(o, cmd, flags & CLI_OUT_FILE_ONLY
                    ? "'%s' is %s: key files are written only as regular files"
                    : "'%s' is %s: -o writes regular files and character "
                      "devices only (use standard output to write to it)",
                    path, file_type(sb.st_mode));
    int rc = check_existing(o, cmd, path, &sb);
    if (rc)
      return rc;
  } else if (errno != ENOENT) {
    return refuse(o, cmd, "cannot write '%s': %s", path, strerror(errno));
  } else if (flags & CLI_OUT_PRIVATE) {
    o->mode = 0600;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    o->mode = 0666 & ~mask;
  }

  char *copy1 = strdup(path), *copy2 = strdup(path);
  const char *dir = copy1 ? dirname(copy1) : NULL;
  char *tmpl = dir && copy2 ? temp_template(dir, basename(copy2)) : NULL;
  if (!tmpl) {
    free(copy1);
    free(copy2);
    cli_error(cmd, "out of memory");
    cli_out_abort(o);
    return CLI_EXIT_INTERNAL;
  }
  catch_signals();
  o->atomic = 1;
  o->fd = open_anonymous(dir);
  free(copy1);
  free(copy2);
  if (o->fd >= 0) {
    o->anonymous = 1;
    free(tmpl);
    return 0;
  }
  sigset_t old;
  block_signals(&old);
  o->fd = mkostemp(tmpl, O_CLOEXEC); /* mode 0600 */
  if (o->fd >= 0)
    pending_tmp = o->tmp_path = tmpl;
  unblock_signals(&old);
  if (o->fd < 0) {
    int err = errno;
    free(tmpl);
    return refuse(o, cmd, "cannot create a file beside '%s': %s", path,
                  strerror(err));
  }
  return 0;
}

int cli_out_open(cli_out *o, const char *cmd, const char *path) {
  return cli_out_open_flags(o, cmd, path, 0);
}

int cli_out_write(cli_out *o, const char *cmd, const void *buf, size_t len) {
  int err = cli_write_all(o->fd, buf, len);
  if (err) {
    cli_error(cmd, "cannot write %s%s%s: %s", o->final_path ? "'" : "",
              o->final_path ? o->final_path : "standard output",
              o->final_path ? "'" : "", strerror(err));
    return CLI_EXIT_OUTPUT;
  }
  return 0;
}

/* ---- commit ---------------------------------------------------------- */

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

/* Owner and mode of the finished file, before it gets its name. */
static void set_owner_and_mode(cli_out *o, const char *cmd) {
  if ((o->uid >= 0 || o->gid >= 0) &&
      fchown(o->fd, o->uid >= 0 ? (uid_t)o->uid : (uid_t)-1,
             o->gid >= 0 ? (gid_t)o->gid : (gid_t)-1) != 0)
    cli_warn(cmd, "cannot keep the %s of '%s' (%s): the new file's is yours",
             o->uid >= 0 ? "owner" : "group", o->final_path, strerror(errno));
  (void)fchmod(o->fd, (mode_t)o->mode); /* on failure the file stays private */
}

/* An anonymous file takes a temporary name first when it must replace a
 * file, since link cannot replace. Returns 0 or errno. */
static int place_anonymous(cli_out *o) {
  int err = EEXIST;
  if (!o->existed) {
    err = link_anonymous(o->fd, o->final_path);
    if (err != EEXIST || (o->flags & CLI_OUT_NO_REPLACE))
      return err;
  }
  char *copy1 = strdup(o->final_path), *copy2 = strdup(o->final_path);
  char *name = copy1 && copy2 ? temp_template(dirname(copy1), basename(copy2)) : NULL;
  free(copy1);
  free(copy2);
  if (!name)
    return ENOMEM;
  sigset_t old;
  for (int tries = 0; tries < 100 && err == EEXIST; tries++) {
    randomize(name);
    block_signals(&old);
    err = link_anonymous(o->fd, name);
    if (err == 0)
      pending_tmp = o->tmp_path = name;
    unblock_signals(&old);
  }
  if (err) {
    free(name);
    return err;
  }
  return rename(name, o->final_path) == 0 ? 0 : errno;
}

static int place_named(cli_out *o) {
  if (!(o->flags & CLI_OUT_NO_REPLACE))
    return rename(o->tmp_path, o->final_path) == 0 ? 0 : errno;
  /* link fails where a file exists: no replacing, not even in a race. */
  if (link(o->tmp_path, o->final_path) != 0)
    return errno;
  return 0; /* the temporary name is removed below */
}

int cli_out_commit(cli_out *o, const char *cmd) {
  if (!o->final_path) {
    if (fflush(stdout) != 0) {
      cli_error(cmd, "cannot write standard output: %s", strerror(errno));
      return CLI_EXIT_OUTPUT;
    }
    return 0;
  }
  int rc = 0;
  if (!o->atomic) { /* a descriptor or a device */
    if (close(o->fd) != 0) {
      cli_error(cmd, "cannot write '%s': %s", o->final_path, strerror(errno));
      rc = CLI_EXIT_OUTPUT;
    }
    o->fd = -1;
    cli_out_abort(o);
    return rc;
  }
  set_owner_and_mode(o, cmd);
  int err = fsync(o->fd) != 0 ? errno : 0;
  if (!err)
    err = o->anonymous ? place_anonymous(o) : place_named(o);
  if (err == EEXIST && (o->flags & CLI_OUT_NO_REPLACE)) {
    cli_error(cmd, "'%s' exists; not overwritten (use --force)", o->final_path);
    rc = CLI_EXIT_OUTPUT;
  } else if (err) {
    cli_error(cmd, "cannot write '%s': %s", o->final_path, strerror(err));
    rc = CLI_EXIT_OUTPUT;
  }
  if (close(o->fd) != 0 && rc == 0) {
    cli_error(cmd, "cannot write '%s': %s", o->final_path, strerror(errno));
    rc = CLI_EXIT_OUTPUT;
  }
  o->fd = -1;
  /* Renamed away: the temporary name is gone (after link, it is not). */
  if (rc == 0 && o->tmp_path && (o->anonymous || !(o->flags & CLI_OUT_NO_REPLACE))) {
    sigset_t old;
    block_signals(&old);
    pending_tmp = NULL;
    unblock_signals(&old);
    free(o->tmp_path);
    o->tmp_path = NULL;
  }
  if (rc == 0)
    sync_directory(o->final_path);
  cli_out_abort(o); /* removes a temporary name that is left */
  return rc;
}

void cli_out_abort(cli_out *o) {
  if (o->fd >= 0 && o->fd != STDOUT_FILENO)
    close(o->fd);
  if (o->tmp_path) {
    sigset_t old;
    block_signals(&old);
    pending_tmp = NULL;
    unlink(o->tmp_path);
    unblock_signals(&old);
  }
  free(o->tmp_path);
  free(o->final_path);
  o->tmp_path = NULL;
  o->final_path = NULL;
  o->fd = -1;
}
