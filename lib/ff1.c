/* SPDX-License-Identifier: Apache-2.0 */
/* FF1 (NIST SP 800-38G), AES from OpenSSL EVP. No bignum: the halves are
 * kept as integers (radix^v < 2^64) and the round value y (d <= 12 bytes)
 * fits unsigned __int128. */
#include "ff1.h"

#include <string.h>

#include <openssl/crypto.h>

#include "dkcpr.h"

int dkcpr__aes_ecb(EVP_CIPHER_CTX *ctx, uint8_t *out, const uint8_t *in,
                   size_t nblocks) {
  /* EVP_Cipher skips EVP_EncryptUpdate's buffering bookkeeping; with ECB
   * and whole blocks it is the provider's block function directly. */
  while (nblocks > 0) {
    size_t chunk = nblocks > 4096 ? 4096 : nblocks;
    if (EVP_Cipher(ctx, out, in, (unsigned)(chunk * 16)) <= 0) return 0;
    out += chunk * 16;
    in += chunk * 16;
    nblocks -= chunk;
  }
  return 1;
}

EVP_CIPHER_CTX *dkcpr__aes_ctx_new(const uint8_t *key, size_t key_len) {
  const EVP_CIPHER *cipher = key_len == 16   ? EVP_aes_128_ecb()
                             : key_len == 24 ? EVP_aes_192_ecb()
                             : key_len == 32 ? EVP_aes_256_ecb()
                                             : NULL;
  EVP_CIPHER_CTX *ctx;
  if (cipher == NULL) return NULL;
  ctx = EVP_CIPHER_CTX_new();
  if (ctx == NULL) return NULL;
  if (EVP_EncryptInit_ex(ctx, cipher, NULL, key, NULL) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx, 0) != 1) {
    EVP_CIPHER_CTX_free(ctx);
    return NULL;
  }
  return ctx;
}

/* ---- general FF1 (the NIST sample tests) ------------------------------ */

typedef struct ff1_params {
  unsigned radix;
  size_t n, u, v, b, d, t;
  uint64_t pow_u, pow_v; /* radix^u, radix^v */
  uint8_t p[16];
} ff1_params;

static int ipow(uint64_t *out, unsigned radix, size_t e) {
  unsigned __int128 r = 1;
  for (size_t i = 0; i < e; i++) {
    r *= radix;
    if (r > UINT64_MAX) return 0;
  }
  *out = (uint64_t)r;
  return 1;
}

static int params_init(ff1_params *pp, unsigned radix, size_t n, size_t t) {
  uint64_t top;
  size_t bits = 0;
  if (radix < 2 || radix > 65536 || n < 2 || t > 0xffffffffu) return 0;
  pp->radix = radix;
  pp->n = n;
  pp->u = n / 2;
  pp->v = n - pp->u;
  pp->t = t;
  if (!ipow(&pp->pow_u, radix, pp->u) || !ipow(&pp->pow_v, radix, pp->v))
    return 0;
  /* b = ceil(ceil(v * log2(radix)) / 8) = bytes of radix^v - 1 */
  for (top = pp->pow_v - 1; top != 0; top >>= 1) bits++;
  pp->b = (bits + 7) / 8;
  pp->d = 4 * ((pp->b + 3) / 4) + 4;
  pp->p[0] = 1;
  pp->p[1] = 2;
  pp->p[2] = 1;
  pp->p[3] = (uint8_t)(radix >> 16);
  pp->p[4] = (uint8_t)(radix >> 8);
  pp->p[5] = (uint8_t)radix;
  pp->p[6] = 10;
  pp->p[7] = (uint8_t)(pp->u & 0xff);
  for (int j = 0; j < 4; j++) {
    pp->p[8 + j] = (uint8_t)((uint64_t)n >> (24 - 8 * j));
    pp->p[12 + j] = (uint8_t)((uint64_t)t >> (24 - 8 * j));
  }
  return 1;
}

/* R = CBC-MAC(P || Q) with Q = T || 0^pad || [round] || [num]b; returns
 * NUM(first d bytes of R) (d <= 12 here, so one block of S suffices). */
static int round_value(const ff1_params *pp, EVP_CIPHER_CTX *ctx,
                       const uint8_t *tweak, unsigned round, uint64_t num,
                       unsigned __int128 *y) {
  size_t pad = (16 - ((pp->t + pp->b + 1) % 16)) % 16;
  size_t qlen = pp->t + pad + 1 + pp->b;
  uint8_t x[16], blk[16];
  size_t pos = 0;
  if (!dkcpr__aes_ecb(ctx, x, pp->p, 1)) return 0;
  while (pos < qlen) {
    for (int j = 0; j < 16; j++, pos++) {
      uint8_t q;
      if (pos < pp->t)
        q = tweak[pos];
      else if (pos < pp->t + pad)
        q = 0;
      else if (pos == pp->t + pad)
        q = (uint8_t)round;
      else
        q = (uint8_t)(num >> (8 * (qlen - 1 - pos)));
      blk[j] = (uint8_t)(x[j] ^ q);
    }
    if (!dkcpr__aes_ecb(ctx, x, blk, 1)) return 0;
  }
  *y = 0;
  for (size_t j = 0; j < pp->d; j++) *y = (*y << 8) | x[j];
  OPENSSL_cleanse(blk, sizeof blk);
  return 1;
}

static uint64_t num_of(const uint16_t *s, size_t len, unsigned radix) {
  uint64_t r = 0;
  for (size_t i = 0; i < len; i++) r = r * radix + s[i];
  return r;
}

static void str_of(uint16_t *s, size_t len, unsigned radix, uint64_t x) {
  for (size_t i = len; i-- > 0;) {
    s[i] = (uint16_t)(x % radix);
    x /= radix;
  }
}

static dkcpr_status ff1(uint16_t *out, const uint16_t *in, size_t n,
                        unsigned radix, const uint8_t *key, size_t key_len,
                        const uint8_t *tweak, size_t tweak_len, int decrypt) {
  ff1_params pp;
  EVP_CIPHER_CTX *ctx;
  uint64_t a, b;
  dkcpr_status st = DKCPR_OK;
  if (out == NULL || in == NULL || key == NULL ||
      (tweak == NULL && tweak_len > 0))
    return DKCPR_E_NULL;
  if (key_len != 16 && key_len != 24 && key_len != 32) return DKCPR_E_KEY;
  if (!params_init(&pp, radix, n, tweak_len)) return DKCPR_E_ARG;
  for (size_t i = 0; i < n; i++)
    if (in[i] >= radix) return DKCPR_E_ARG;
  ctx = dkcpr__aes_ctx_new(key, key_len);
  if (ctx == NULL) return DKCPR_E_CRYPTO;
  a = num_of(in, pp.u, radix);
  b = num_of(in + pp.u, pp.v, radix);
  for (unsigned k = 0; k < DKCPR__FF1_ROUNDS; k++) {
    unsigned i = decrypt ? DKCPR__FF1_ROUNDS - 1 - k : k;
    uint64_t mod = (i % 2 == 0) ? pp.pow_u : pp.pow_v;
    unsigned __int128 y;
    if (!round_value(&pp, ctx, tweak, i, decrypt ? a : b, &y)) {
      st = DKCPR_E_CRYPTO;
      break;
    }
    y %= mod;
    if (!decrypt) {
      uint64_t c = (uint64_t)(((unsigned __int128)a + y) % mod);
      a = b;
      b = c;
    } else {
      uint64_t c = (uint64_t)(((unsigned __int128)b + mod - y) % mod);
      b = a;
      a = c;
    }
  }
  EVP_CIPHER_CTX_free(ctx);
  if (st != DKCPR_OK) return st;
  str_of(out, pp.u, radix, a);
  str_of(out + pp.u, pp.v, radix, b);
  return DKCPR_OK;
}

dkcpr_status dkcpr__ff1_encrypt(uint16_t *out, const uint16_t *in, size_t n,
                                unsigned radix, const uint8_t *key,
                                size_t key_len, const uint8_t *tweak,
                                size_t tweak_len) {
  return ff1(out, in, n, radix, key, key_len, tweak, tweak_len, 0);
}

dkcpr_status dkcpr__ff1_decrypt(uint16_t *out, const uint16_t *in, size_t n,
                                unsigned radix, const uint8_t *key,
                                size_t key_len, const uint8_t *tweak,
                                size_t tweak_len) {
  return ff1(out, in, n, radix, key, key_len, tweak, tweak_len, 1);
}

/* ---- n = 2 fast path ---------------------------------------------------- */

int dkcpr__ff1n2_init(dkcpr__ff1n2 *f, EVP_CIPHER_CTX *ctx, uint32_t radix,
                      const uint8_t *tweak, size_t tweak_len) {
  ff1_params pp;
  uint8_t ep[16];
  if (radix < 1000 || radix > 65536 || tweak_len > 13) return 0;
  if (!params_init(&pp, radix, 2, tweak_len)) return 0;
  if (!dkcpr__aes_ecb(ctx, ep, pp.p, 1)) return 0;
  memset(f->base, 0, sizeof f->base);
  if (tweak_len > 0) memcpy(f->base, tweak, tweak_len);
  for (int j = 0; j < 16; j++) f->base[j] ^= ep[j];
  f->radix = radix;
  f->minv = UINT64_MAX / radix;
  return 1;
}

int dkcpr__ff1n2_encrypt(const dkcpr__ff1n2 *f, EVP_CIPHER_CTX *ctx,
                         uint64_t *x) {
  uint32_t r = f->radix, a = (uint32_t)(*x / r), b = (uint32_t)(*x % r);
  uint8_t blk[16];
  for (unsigned i = 0; i < DKCPR__FF1_ROUNDS; i++) {
    uint32_t c;
    dkcpr__ff1n2_block(blk, f, i, b);
    if (!dkcpr__aes_ecb(ctx, blk, blk, 1)) return 0;
    c = a + dkcpr__ff1n2_y(blk, r, f->minv);
    if (c >= r) c -= r;
    a = b;
    b = c;
  }
  *x = (uint64_t)a * r + b;
  return 1;
}

int dkcpr__ff1n2_decrypt(const dkcpr__ff1n2 *f, EVP_CIPHER_CTX *ctx,
                         uint64_t *x) {
  uint32_t r = f->radix, a = (uint32_t)(*x / r), b = (uint32_t)(*x % r);
  uint8_t blk[16];
  for (unsigned i = DKCPR__FF1_ROUNDS; i-- > 0;) {
    uint32_t y, c;
    dkcpr__ff1n2_block(blk, f, i, a);
    if (!dkcpr__aes_ecb(ctx, blk, blk, 1)) return 0;
    y = dkcpr__ff1n2_y(blk, r, f->minv);
    c = b - y + (r & -(uint32_t)(b < y)); /* mod r, branch-free: y is random */
    b = a;
    a = c;
  }
  *x = (uint64_t)a * r + b;
  return 1;
}
