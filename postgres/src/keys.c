/* SPDX-License-Identifier: Apache-2.0 */
/* Keys by name. A key never travels in SQL: a function names it, and the
 * server reads NAME.key (64 hexadecimal characters) from the directory
 * that the superuser-only setting dkcpr.key_directory names. Messages name
 * the key and the setting, never the key's content or the directory. Each
 * backend keeps a few pseudonymizers made from them, re-reads a key file
 * when it changed (checked once per statement) and wipes them on exit. */
#include "pg_dkcpr.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access/xact.h"
#include "storage/ipc.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#define KEY_NAME_MAX 63
#define CACHE_SIZE 16

static char *key_directory;
static char *default_key_name;

typedef struct Entry {
  dkcpr_pseudonymizer *p; /* NULL: free slot */
  char name[KEY_NAME_MAX + 1];
  char *dir;
  char *context;
  size_t context_len;
  unsigned int keep, flags;
  struct stat file;       /* the key file as it was read */
  TimestampTz checked_at; /* statement start of the last look at the file */
} Entry;

static Entry cache[CACHE_SIZE];
static int last_hit, next_victim;

static void drop(Entry *e) {
  dkcpr_pseudonymizer_free(e->p); /* wipes the key */
  if (e->dir)
    pfree(e->dir);
  if (e->context)
    pfree(e->context);
  memset(e, 0, sizeof *e);
}

static void drop_all(int code, Datum arg) {
  (void)code;
  (void)arg;
  for (int i = 0; i < CACHE_SIZE; i++)
    drop(&cache[i]);
}

void pgdk_define_settings(void) {
  DefineCustomStringVariable(
      "dkcpr.key_directory",
      "Directory of the key files that keyed dkcpr functions name.",
      "A key named K is the file K.key: 64 hexadecimal characters, readable "
      "only by the server's user.",
      &key_directory, "", PGC_SUSET, GUC_SUPERUSER_ONLY, NULL, NULL, NULL);
  DefineCustomStringVariable(
      "dkcpr.key_name", "Key that keyed dkcpr functions use when given none.",
      NULL, &default_key_name, "", PGC_USERSET, 0, NULL, NULL, NULL);
  MarkGUCPrefixReserved("dkcpr");
  on_proc_exit(drop_all, (Datum)0);
}

static void check_name(const char *name, size_t n) {
  bool ok = n > 0 && n <= KEY_NAME_MAX;

  for (size_t i = 0; ok && i < n; i++) {
    char c = name[i];
    ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || (i > 0 && (c == '_' || c == '-'));
  }
  if (n == 0)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("no key named: pass key => 'name' or set dkcpr.key_name")));
  if (!ok)
    ereport(ERROR,
            (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
             errmsg("invalid key name: a key is a file NAME.key in "
                    "dkcpr.key_directory"),
             errhint("A key name is 1 to %d letters, digits, '_' and '-', "
                     "starting with a letter or digit.", KEY_NAME_MAX)));
}

static void key_path(char *path, const char *name) {
  if (key_directory == NULL || key_directory[0] == '\0')
    ereport(ERROR, (errcode(ERRCODE_CONFIG_FILE_ERROR),
                    errmsg("dkcpr.key_directory is not set"),
                    errhint("A superuser sets it to the directory of the key files.")));
  snprintf(path, MAXPGPATH, "%s/%s.key", key_directory, name);
}

static bool same_file(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
         a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
         a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Read and decode a key file into key; the text read is wiped. */
static void read_key(uint8_t key[DKCPR_KEY_BYTES], struct stat *st,
                     const char *name) {
  char path[MAXPGPATH];
  char text[DKCPR_KEY_HEX_CHARS + 8];
  ssize_t got;
  int fd;
  dkcpr_status status;

  key_path(path, name);
  fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT)
    ereport(ERROR, (errcode(ERRCODE_CONFIG_FILE_ERROR),
                    errmsg("key \"%s\" not found in dkcpr.key_directory", name)));
  if (fd < 0 || fstat(fd, st) != 0) {
    int saved = errno;
    if (fd >= 0)
      close(fd);
    errno = saved;
    ereport(ERROR, (errcode_for_file_access(),
                    errmsg("could not open key \"%s\" in dkcpr.key_directory: %m", name)));
  }
  if (!S_ISREG(st->st_mode) || (st->st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    close(fd);
    ereport(ERROR,
            (errcode(ERRCODE_CONFIG_FILE_ERROR),
             errmsg("key \"%s\" in dkcpr.key_directory is not a regular file "
                    "readable only by its owner", name),
             errhint("chmod 600 the key file.")));
  }
  got = read(fd, text, sizeof text);
  close(fd);
  status = got < 0 ? DKCPR_E_KEY
                   : dkcpr_key_from_hex(key, DKCPR_KEY_BYTES, text, (size_t)got);
  explicit_bzero(text, sizeof text);
  if (status != DKCPR_OK)
    ereport(ERROR, (errcode(ERRCODE_CONFIG_FILE_ERROR),
                    errmsg("key \"%s\" in dkcpr.key_directory is not %d "
                           "hexadecimal characters", name, DKCPR_KEY_HEX_CHARS),
                    errhint("Make one with: dkcpr keygen")));
}

static void load(Entry *e, const char *name, const char *context,
                 size_t context_len, unsigned int keep, unsigned int flags) {
  uint8_t key[DKCPR_KEY_BYTES];
  struct stat st;
  dkcpr_pseudonymizer *p = NULL;
  dkcpr_status status;
  char *dir_copy, *context_copy;
  char name_copy[KEY_NAME_MAX + 1];

  read_key(key, &st, name);
  status = dkcpr_pseudonymizer_new(&p, key, sizeof key, (const uint8_t *)context,
                                   context_len, keep, flags);
  explicit_bzero(key, sizeof key);
  PGDK_CHECK(status);
  /* Nothing may raise an error while p is held outside the cache (it would
   * leak unwiped), and name and context may point into e: copy them
   * before dropping it. */
  dir_copy = MemoryContextAllocExtended(TopMemoryContext, strlen(key_directory) + 1,
                                        MCXT_ALLOC_NO_OOM);
  context_copy = MemoryContextAllocExtended(TopMemoryContext, context_len + 1,
                                            MCXT_ALLOC_NO_OOM);
  if (dir_copy == NULL || context_copy == NULL) {
    dkcpr_pseudonymizer_free(p);
    if (dir_copy)
      pfree(dir_copy);
    if (context_copy)
      pfree(context_copy);
    PGDK_CHECK(DKCPR_E_NOMEM);
  }
  strcpy(dir_copy, key_directory);
  memcpy(context_copy, context, context_len);
  strlcpy(name_copy, name, sizeof name_copy);
  drop(e);
  e->p = p;
  strlcpy(e->name, name_copy, sizeof e->name);
  e->dir = dir_copy;
  e->context = context_copy;
  e->context_len = context_len;
  e->keep = keep;
  e->flags = flags;
  e->file = st;
  e->checked_at = GetCurrentStatementStartTimestamp();
}

static bool matches(const Entry *e, const char *name, const char *context,
                    size_t context_len, unsigned int keep, unsigned int flags) {
  return e->p != NULL && e->keep == keep && e->flags == flags &&
         e->context_len == context_len && strcmp(e->name, name) == 0 &&
         memcmp(e->context, context, context_len) == 0 &&
         strcmp(e->dir, key_directory) == 0;
}

/* A key file replaced since the entry was made gives a new pseudonymizer. */
static void revalidate(Entry *e) {
  TimestampTz now = GetCurrentStatementStartTimestamp();
  char path[MAXPGPATH];
  struct stat st;

  if (e->checked_at == now)
    return;
  key_path(path, e->name);
  if (stat(path, &st) != 0 || !same_file(&st, &e->file))
    load(e, e->name, e->context, e->context_len, e->keep, e->flags);
  e->checked_at = now;
}

const dkcpr_pseudonymizer *pgdk_pseudonymizer(const text *key_name,
                                              const text *context,
                                              unsigned int keep,
                                              unsigned int flags) {
  char name[KEY_NAME_MAX + 1];
  size_t n = VARSIZE_ANY_EXHDR(key_name);
  const char *ctx = VARDATA_ANY(context);
  size_t ctx_len = VARSIZE_ANY_EXHDR(context);
  Entry *e;

  if (n == 0) {
    key_name = NULL;
    n = default_key_name ? strlen(default_key_name) : 0;
  }
  check_name(key_name ? VARDATA_ANY(key_name) : default_key_name, n);
  memcpy(name, key_name ? VARDATA_ANY(key_name) : default_key_name, n);
  name[n] = '\0';

  e = &cache[last_hit];
  if (!matches(e, name, ctx, ctx_len, keep, flags)) {
    int i;
    for (i = 0; i < CACHE_SIZE; i++)
      if (matches(&cache[i], name, ctx, ctx_len, keep, flags))
        break;
    if (i == CACHE_SIZE) {
      for (i = 0; i < CACHE_SIZE && cache[i].p != NULL; i++)
        ;
      if (i == CACHE_SIZE) {
        i = next_victim;
        next_victim = (next_victim + 1) % CACHE_SIZE;
      }
      load(&cache[i], name, ctx, ctx_len, keep, flags);
    }
    last_hit = i;
    e = &cache[i];
  }
  revalidate(e);
  return e->p;
}
