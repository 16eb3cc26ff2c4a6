/* SPDX-License-Identifier: Apache-2.0 */
/* Small classes' permutations kept in the pseudonymizer handle, so a class
 * met again costs a table read instead of one AES block per member.
 * Internal; never exported. */
#ifndef DKCPR_PERM_CACHE_H
#define DKCPR_PERM_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

/* At most this many bytes of tables per handle (a class of n members
 * takes 4n bytes; n < DKCPR__FF1_MIN_CLASS), plus about 0.3 MB of slots. */
#define DKCPR__PCACHE_BUDGET ((size_t)64 << 20)

typedef struct dkcpr__pcache dkcpr__pcache;

dkcpr__pcache *dkcpr__pcache_new(void);
/* Wipes the tables (they are key material) and frees. NULL is a no-op. */
void dkcpr__pcache_free(dkcpr__pcache *c);

/* The prefix cipher of (tweak, n) applied to v, or its inverse: the same
 * value as dkcpr__prefix_encrypt / dkcpr__prefix_decrypt. A class is
 * tabulated the second time it is met recently, so input where every class
 * is new costs no more than without the cache. Safe to call from many
 * threads at once on one cache. Return 1, or 0 on an OpenSSL or allocation
 * failure. */
int dkcpr__pcache_permute(dkcpr__pcache *c, EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t v, int reveal, uint32_t *out);

/* Bytes of tables held now (for tests and benchmarks). */
size_t dkcpr__pcache_bytes(const dkcpr__pcache *c);
/* Bytes of the slots and locks, what an empty cache takes. */
size_t dkcpr__pcache_base_bytes(void);

#endif /* DKCPR_PERM_CACHE_H */
