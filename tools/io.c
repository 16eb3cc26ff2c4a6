/* SPDX-License-Identifier: Apache-2.0 */
/* Reading inputs and writing outputs in large chunks, retrying on EINTR. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int stdin_closed;

void cli_reserve_std_fds(void) {
  /* /dev/null opened the "wrong" way: reading fd 0 or writing fd 1 and 2
   * then fails with EBADF as it did while they were closed, instead of
   * reading or writing whatever file open() would have put there. */
  static const int flags[3] = {O_WRONLY, O_RDONLY, O_RDONLY};
  for (int fd = 0; fd <= 2; fd++) {
    if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
      continue;
    if (fd == STDIN_FILENO)
      stdin_closed = 1;
    int n = open("/dev/null", flags[fd]);
    if (n >= 0 && n != fd) { /* cannot happen: fd is the lowest free one */
      dup2(n, fd);
      close(n);
    }
  }
}

int cli_open_input(const char *path, int *fd) {
  if (strcmp(path, "-") == 0) {
    if (stdin_closed)
      return EBADF;
    *fd = STDIN_FILENO;
    return 0;
  }
  int f = open(path, O_RDONLY | O_CLOEXEC);
  if (f < 0)
    return errno;
  *fd = f;
  return 0;
}

const char *cli_input_name(const char *path) {
  return strcmp(path, "-") == 0 ? "(standard input)" : path;
}

long cli_read_full(int fd, char *buf, size_t cap) {
  size_t got = 0;
  while (got < cap) {
    ssize_t n = read(fd, buf + got, cap - got);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (n == 0)
      break;
    got += (size_t)n;
  }
  return (long)got;
}

int cli_write_all(int fd, const void *buf, size_t len) {
  const char *p = buf;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
}
