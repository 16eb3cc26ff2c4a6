/* SPDX-License-Identifier: Apache-2.0 */
/* The handle's cache of small classes' permutations.
 *
 * A class is named by its tweak (7 bytes: it binds kind, class and keep) and
 * its size. Slots are set-associative: SETS sets of WAYS, each set behind its
 * own mutex, held only to read one table entry or to swap a table in, so
 * threads sharing a handle rarely meet. A table is fwd[n] then inv[n] as
 * 16-bit indices (n < 65536), built by dkcpr__prefix_table.
 *
 * Admission: building a table costs about 2.5 evaluations, so a class is
 * tabulated on its third miss within a short while (each set remembers the
 * last DOOR names that missed in it, with how often). Input where classes
 * come once or twice then costs what it did without the cache, and no
 * input costs more than 1 + 1.5 / 3 times as much; from its fourth number
 * on, a class is read from its table.
 * Memory: tables are counted against DKCPR__PCACHE_BUDGET; a full cache
 * replaces the set's least recently used table or declines. */
#include "perm_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "prefix_cipher.h"

#define SETS 1024u
#define WAYS 8u
#define DOOR 8u
#define ADMIT 3u /* tabulate on this miss */

typedef struct entry {
  uint64_t name; /* 1 << 63 | tweak as 56 bits; 0 when empty */
  uint32_t n;
  uint32_t used; /* the set's clock at the last hit: LRU */
  uint16_t *perm;
} entry;

typedef struct set {
  pthread_mutex_t lock;
  uint32_t clock, door_next;
  entry e[WAYS];
  uint64_t door[DOOR]; /* names that missed lately, round robin */
  uint8_t misses[DOOR];
} set;

struct dkcpr__pcache {
  set sets[SETS];
  size_t bytes; /* __atomic builtins only */
};

dkcpr__pcache *dkcpr__pcache_new(void) {
  dkcpr__pcache *c = calloc(1, sizeof *c);
  if (c == NULL) return NULL;
  for (unsigned i = 0; i < SETS; i++)
    if (pthread_mutex_init(&c->sets[i].lock, NULL) != 0) {
      while (i-- > 0) pthread_mutex_destroy(&c->sets[i].lock);
      free(c);
      return NULL;
    }
  return c;
}

static void drop(uint16_t *perm, uint32_t n) {
  if (perm == NULL) return;
  OPENSSL_cleanse(perm, (size_t)n * 2 * sizeof *perm);
  free(perm);
}

void dkcpr__pcache_free(dkcpr__pcache *c) {
  if (c == NULL) return;
  for (unsigned i = 0; i < SETS; i++) {
    for (unsigned w = 0; w < WAYS; w++) drop(c->sets[i].e[w].perm, c->sets[i].e[w].n);
    pthread_mutex_destroy(&c->sets[i].lock);
  }
  free(c);
}

size_t dkcpr__pcache_bytes(const dkcpr__pcache *c) {
  return c == NULL ? 0 : __atomic_load_n(&c->bytes, __ATOMIC_RELAXED);
}

size_t dkcpr__pcache_base_bytes(void) { return sizeof(dkcpr__pcache); }

static uint64_t name_of(const uint8_t tweak[7]) {
  uint64_t v = 0;
  for (int i = 0; i < 7; i++) v = v << 8 | tweak[i];
  return v | (uint64_t)1 << 63;
}

static uint64_t mix(uint64_t x) { /* splitmix64's finalizer */
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9u;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebu;
  return x ^ (x >> 31);
}

/* Look the class up in its set: 1 and *out on a hit; else 0, and *admit
 * tells whether this miss is the one that tabulates the class (the miss is
 * counted). */
static int lookup(set *s, uint64_t name, uint32_t n, uint32_t v, int reveal, uint32_t *out,
                  int *admit) {
  int hit = 0;
  pthread_mutex_lock(&s->lock);
  for (unsigned w = 0; w < WAYS; w++) {
    entry *e = &s->e[w];
    if (e->name == name && e->n == n) {
      *out = e->perm[reveal ? n + v : v];
      e->used = ++s->clock;
      hit = 1;
      break;
    }
  }
  if (!hit) {
    unsigned d = 0;
    while (d < DOOR && s->door[d] != name) d++;
    if (d == DOOR) {
      d = s->door_next++ % DOOR;
      s->door[d] = name;
      s->misses[d] = 0;
    }
    *admit = ++s->misses[d] >= ADMIT;
  }
  pthread_mutex_unlock(&s->lock);
  return hit;
}

/* Put a built table into the set, replacing the least recently used one,
 * unless the class is there already or the budget says no; *perm is taken
 * (set to NULL) when it was put in. */
static void insert(dkcpr__pcache *c, set *s, uint64_t name, uint32_t n, uint16_t **perm) {
  size_t size = (size_t)n * 2 * sizeof **perm, old_size;
  entry *victim = NULL;
  uint16_t *old = NULL;
  uint32_t old_n = 0;
  pthread_mutex_lock(&s->lock);
  for (unsigned w = 0; w < WAYS; w++) {
    entry *e = &s->e[w];
    if (e->name == name && e->n == n) goto done; /* another thread was first */
    if (victim == NULL || e->name == 0 || (victim->name != 0 && e->used < victim->used))
      victim = e;
  }
  old_size = (size_t)victim->n * 2 * sizeof *victim->perm;
  if (__atomic_add_fetch(&c->bytes, size, __ATOMIC_RELAXED) - old_size > DKCPR__PCACHE_BUDGET) {
    __atomic_sub_fetch(&c->bytes, size, __ATOMIC_RELAXED);
    goto done;
  }
  __atomic_sub_fetch(&c->bytes, old_size, __ATOMIC_RELAXED);
  old = victim->perm, old_n = victim->n;
  victim->name = name;
  victim->n = n;
  victim->perm = *perm;
  victim->used = ++s->clock;
  *perm = NULL;
done:
  pthread_mutex_unlock(&s->lock);
  drop(old, old_n); /* no reader can hold it: reads happen under the lock */
}

int dkcpr__pcache_permute(dkcpr__pcache *c, EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t v, int reveal, uint32_t *out) {
  uint64_t name = name_of(tweak);
  set *s = &c->sets[mix(name) % SETS];
  uint16_t *perm;
  int admit;
  if (v >= n || n > 65536u) return 0;
  if (lookup(s, name, n, v, reveal, out, &admit)) return 1;
  if (!admit) {
    return reveal ? dkcpr__prefix_decrypt(ctx, tweak, n, v, out)
                  : dkcpr__prefix_encrypt(ctx, tweak, n, v, out);
  }
  perm = malloc((size_t)n * 2 * sizeof *perm);
  if (perm == NULL || !dkcpr__prefix_table(ctx, tweak, n, perm, perm + n)) {
    free(perm); /* short of memory: the table can wait */
    return reveal ? dkcpr__prefix_decrypt(ctx, tweak, n, v, out)
                  : dkcpr__prefix_encrypt(ctx, tweak, n, v, out);
  }
  *out = perm[reveal ? n + v : v];
  insert(c, s, name, n, &perm);
  drop(perm, n); /* not taken: declined or already there */
  return 1;
}
