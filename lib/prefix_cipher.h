/* SPDX-License-Identifier: Apache-2.0 */
/* Black-Rogaway prefix cipher: a keyed permutation of [0, n) for small n.
 * Internal; never exported. */
#ifndef DKCPR_PREFIX_CIPHER_H
#define DKCPR_PREFIX_CIPHER_H

#include <stdint.h>

#include <openssl/evp.h>

/* e_i = AES_K(tweak(7) || 0x50 || 0 0 0 0 || [i]4); P(x) = #{i : e_i < e_x}
 * comparing all 128 bits. The tag byte 0x50 keeps these blocks apart from
 * FF1's P block (whose byte 7 is u = 1). Return 1 on success, 0 on an
 * OpenSSL or allocation failure. n must be >= 1 and x, y < n. */
int dkcpr__prefix_encrypt(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t x, uint32_t *y);
int dkcpr__prefix_decrypt(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7],
                          uint32_t n, uint32_t y, uint32_t *x);

/* The whole permutation: fwd[x] = P(x) and inv[P(x)] = x for x < n, at
 * about the cost of two single evaluations. n must be 1..65536. Return 1 on
 * success, 0 on an OpenSSL or allocation failure. */
int dkcpr__prefix_table(EVP_CIPHER_CTX *ctx, const uint8_t tweak[7], uint32_t n,
                        uint16_t *fwd, uint16_t *inv);

#endif /* DKCPR_PREFIX_CIPHER_H */
