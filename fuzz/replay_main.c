/* SPDX-License-Identifier: Apache-2.0 */
/* Replays fuzz inputs without libFuzzer: every file named on the command
 * line, or found in a directory named there, is passed to the target once.
 * Used by the regression tests, so they run under any compiler, sanitizer
 * or valgrind. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf;
  long len;
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    return 1;
  }
  if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    fprintf(stderr, "cannot read %s\n", path);
    return 1;
  }
  /* Exactly len bytes, so a read past the end is caught. */
  buf = malloc(len ? (size_t)len : 1);
  if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
    free(buf);
    fclose(f);
    fprintf(stderr, "cannot read %s\n", path);
    return 1;
  }
  fclose(f);
  LLVMFuzzerTestOneInput(buf, (size_t)len);
  free(buf);
  return 0;
}

static int replay_path(const char *path, unsigned *count) {
  struct stat st;
  DIR *dir;
  struct dirent *e;
  int failed = 0;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "no such file or directory: %s\n", path);
    return 1;
  }
  if (!S_ISDIR(st.st_mode)) {
    ++*count;
    return replay_file(path);
  }
  dir = opendir(path);
  if (!dir) return 1;
  while ((e = readdir(dir)) != NULL) {
    char child[4096];
    if (e->d_name[0] == '.') continue;
    if ((size_t)snprintf(child, sizeof child, "%s/%s", path, e->d_name) >=
        sizeof child) {
      failed = 1;
      continue;
    }
    failed |= replay_path(child, count);
  }
  closedir(dir);
  return failed;
}

int main(int argc, char **argv) {
  unsigned count = 0;
  int i, failed = 0;
  for (i = 1; i < argc; i++) failed |= replay_path(argv[i], &count);
  printf("%u inputs replayed\n", count);
  return failed;
}
