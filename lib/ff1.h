/* SPDX-License-Identifier: Apache-2.0 */
/* FF1 (NIST SP 800-38G) on AES through OpenSSL EVP, and the AES-ECB wrapper
 * the pseudonymizer builds on. Internal; never exported. */
#ifndef DKCPR_FF1_H
#define DKCPR_FF1_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/evp.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "dkcpr.h"

/* Encrypt nblocks 16-byte blocks in ECB mode with a context made by
 * dkcpr__aes_ctx_new (or a copy of one). 1 on success, 0 on failure. */
int dkcpr__aes_ecb(EVP_CIPHER_CTX *ctx, uint8_t *out, const uint8_t *in,
                   size_t nblocks);

/* An AES-ECB encryption context without padding for a 16, 24 or 32 byte
 * key; NULL on failure. */
EVP_CIPHER_CTX *dkcpr__aes_ctx_new(const uint8_t *key, size_t key_len);

/* General FF1 on digit arrays (each digit < radix), for any radix 2..65536,
 * any tweak length, and lengths n >= 2 whose halves satisfy radix^v < 2^64
 * (so all arithmetic fits 64/128-bit integers). Used by the NIST sample
 * tests. Returns DKCPR_OK, DKCPR_E_ARG, DKCPR_E_KEY, DKCPR_E_NOMEM,
 * DKCPR_E_CRYPTO. out may equal in. */
dkcpr_status dkcpr__ff1_encrypt(uint16_t *out, const uint16_t *in, size_t n,
                                unsigned radix, const uint8_t *key,
                                size_t key_len, const uint8_t *tweak,
                                size_t tweak_len);
dkcpr_status dkcpr__ff1_decrypt(uint16_t *out, const uint16_t *in, size_t n,
                                unsigned radix, const uint8_t *key,
                                size_t key_len, const uint8_t *tweak,
                                size_t tweak_len);

/* The fast path the engine uses: n = 2 digits of radix 1000..65536 (so
 * b = 2 bytes, d = 8 bytes) and a tweak of at most 13 bytes, so every round
 * is exactly one AES block: AES(E(P) xor Q). base holds E(P) xor (T || 0),
 * and a round only sets bytes 13 (round), 14-15 (NUM(B)). */
typedef struct dkcpr__ff1n2 {
  uint8_t base[16];
  uint32_t radix;
  uint64_t minv; /* floor((2^64 - 1) / radix), for Barrett reduction */
} dkcpr__ff1n2;

#define DKCPR__FF1_ROUNDS 10

/* Prepare an instance (one AES call, for E(P)). */
int dkcpr__ff1n2_init(dkcpr__ff1n2 *f, EVP_CIPHER_CTX *ctx, uint32_t radix,
                      const uint8_t *tweak, size_t tweak_len);

/* Encrypt / decrypt x in [0, radix^2) (x = A * radix + B). 1 on success. */
int dkcpr__ff1n2_encrypt(const dkcpr__ff1n2 *f, EVP_CIPHER_CTX *ctx,
                         uint64_t *x);
int dkcpr__ff1n2_decrypt(const dkcpr__ff1n2 *f, EVP_CIPHER_CTX *ctx,
                         uint64_t *x);

/* The Q block of round i for half h, and the round function's value
 * y mod radix from the AES output; shared with the interleaved batch path. */
#if defined(__SSE2__)
static inline void dkcpr__ff1n2_block(uint8_t blk[16], const dkcpr__ff1n2 *f,
                                      unsigned round, uint32_t h) {
  /* Built in a register and stored whole: AES loads the block whole right
   * after, and a load spanning several smaller stores cannot be forwarded
   * from them (a stall on every round). 16-bit lane 6 holds byte 13, lane 7
   * bytes 14-15. */
  __m128i d = _mm_insert_epi16(_mm_setzero_si128(), (int)(round << 8), 6);
  d = _mm_insert_epi16(d, (int)(((h & 0xffu) << 8) | ((h >> 8) & 0xffu)), 7);
  _mm_storeu_si128((__m128i *)(void *)blk,
                   _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)f->base), d));
}
#else
static inline void dkcpr__ff1n2_block(uint8_t blk[16], const dkcpr__ff1n2 *f,
                                      unsigned round, uint32_t h) {
  memcpy(blk, f->base, 16);
  blk[13] ^= (uint8_t)round;
  blk[14] ^= (uint8_t)(h >> 8);
  blk[15] ^= (uint8_t)h;
}
#endif

/* NUM(first 8 bytes) mod radix, by Barrett reduction (no division). */
static inline uint32_t dkcpr__ff1n2_y(const uint8_t r[16], uint32_t radix,
                                      uint64_t minv) {
  uint64_t y, q, rem;
  memcpy(&y, r, 8);
  y = __builtin_bswap64(y);
  q = (uint64_t)(((unsigned __int128)y * minv) >> 64); /* floor(y/radix) or one less */
  rem = y - q * radix;
  return (uint32_t)(rem >= radix ? rem - radix : rem);
}

#endif /* DKCPR_FF1_H */
