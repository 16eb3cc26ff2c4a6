/* Reading inputs and writing outputs in large chunks, retrying on EINTR. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_open_input(const char *path, int *fd) {
  if (strcmp(path, "-") == 0) {
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
