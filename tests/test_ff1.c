/* SPDX-License-Identifier: Apache-2.0 */
/* FF1 against all nine NIST SP 800-38G FF1-AES samples (FF1samples.pdf),
 * and the engine's n = 2 fast path against the general implementation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ff1.h"
#include "perm_cache.h"
#include "prefix_cipher.h"

static const char *const K128 = "2B7E151628AED2A6ABF7158809CF4F3C";
static const char *const K192 =
    "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F";
static const char *const K256 =
    "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94";

static const struct sample {
  const char *key, *tweak;
  unsigned radix;
  const char *pt, *ct;
} samples[9] = {
    {NULL, "", 10, "0123456789", "2433477484"},
    {NULL, "39383736353433323130", 10, "0123456789", "6124200773"},
    {NULL, "3737373770717273373737", 36, "0123456789abcdefghi",
     "a9tv40mll9kdu509eum"},
    {NULL, "", 10, "0123456789", "2830668132"},
    {NULL, "39383736353433323130", 10, "0123456789", "2496655549"},
    {NULL, "3737373770717273373737", 36, "0123456789abcdefghi",
     "xbj3kv35jrawxv32ysr"},
    {NULL, "", 10, "0123456789", "6657667009"},
    {NULL, "39383736353433323130", 10, "0123456789", "1001623463"},
    {NULL, "3737373770717273373737", 36, "0123456789abcdefghi",
     "xs8a0azh2avyalyzuwd"},
};

static size_t unhex(uint8_t *out, const char *hex) {
  size_t n = strlen(hex) / 2;
  for (size_t i = 0; i < n; i++) {
    unsigned v;
    sscanf(hex + 2 * i, "%2x", &v);
    out[i] = (uint8_t)v;
  }
  return n;
}

static void to_digits(uint16_t *d, const char *s) {
  for (size_t i = 0; s[i]; i++)
    d[i] = (uint16_t)(s[i] <= '9' ? s[i] - '0' : s[i] - 'a' + 10);
}

static void run_sample(int idx) {
  const struct sample *s = &samples[idx];
  const char *keyhex = idx < 3 ? K128 : idx < 6 ? K192 : K256;
  uint8_t key[32], tweak[16];
  uint16_t pt[32], ct[32], out[32], back[32];
  size_t klen = unhex(key, keyhex), tlen = unhex(tweak, s->tweak);
  size_t n = strlen(s->pt);
  to_digits(pt, s->pt);
  to_digits(ct, s->ct);
  assert_int_equal(dkcpr__ff1_encrypt(out, pt, n, s->radix, key, klen, tweak,
                                      tlen),
                   DKCPR_OK);
  assert_memory_equal(out, ct, n * sizeof ct[0]);
  assert_int_equal(dkcpr__ff1_decrypt(back, ct, n, s->radix, key, klen, tweak,
                                      tlen),
                   DKCPR_OK);
  assert_memory_equal(back, pt, n * sizeof pt[0]);
}

static void nist_samples(void **state) {
  (void)state;
  for (int i = 0; i < 9; i++) run_sample(i);
}

static void bad_arguments(void **state) {
  uint8_t key[32] = {0};
  uint16_t d[4] = {1, 2, 3, 4}, out[4];
  (void)state;
  assert_int_equal(dkcpr__ff1_encrypt(out, d, 4, 1, key, 32, NULL, 0),
                   DKCPR_E_ARG);
  assert_int_equal(dkcpr__ff1_encrypt(out, d, 4, 3, key, 32, NULL, 0),
                   DKCPR_E_ARG); /* digit >= radix */
  assert_int_equal(dkcpr__ff1_encrypt(out, d, 4, 10, key, 20, NULL, 0),
                   DKCPR_E_KEY);
  assert_int_equal(dkcpr__ff1_encrypt(out, d, 1, 10, key, 32, NULL, 0),
                   DKCPR_E_ARG);
  assert_int_equal(dkcpr__ff1_encrypt(NULL, d, 4, 10, key, 32, NULL, 0),
                   DKCPR_E_NULL);
}

/* The fast path equals general FF1 with n = 2 for the radixes it serves. */
static void fast_path_matches_general(void **state) {
  static const uint32_t radixes[] = {1000, 1001, 4093, 22226, 65535, 65536};
  uint8_t key[32], tweak[7] = {1, 0, 0x23, 0x07, 0xb2, 10, 21};
  EVP_CIPHER_CTX *ctx;
  (void)state;
  for (int i = 0; i < 32; i++) key[i] = (uint8_t)(i * 37 + 5);
  ctx = dkcpr__aes_ctx_new(key, 32);
  assert_non_null(ctx);
  for (size_t r = 0; r < sizeof radixes / sizeof radixes[0]; r++) {
    dkcpr__ff1n2 f;
    uint32_t rad = radixes[r];
    assert_true(dkcpr__ff1n2_init(&f, ctx, rad, tweak, sizeof tweak));
    for (uint64_t k = 0; k < 200; k++) {
      uint64_t x = (k * 2654435761u) % ((uint64_t)rad * rad), y = x;
      uint16_t in[2] = {(uint16_t)(x / rad), (uint16_t)(x % rad)}, out[2];
      assert_int_equal(dkcpr__ff1_encrypt(out, in, 2, rad, key, 32, tweak,
                                          sizeof tweak),
                       DKCPR_OK);
      assert_true(dkcpr__ff1n2_encrypt(&f, ctx, &y));
      assert_int_equal(y, (uint64_t)out[0] * rad + out[1]);
      assert_true(dkcpr__ff1n2_decrypt(&f, ctx, &y));
      assert_int_equal(y, x);
    }
  }
  assert_false(dkcpr__ff1n2_init(&(dkcpr__ff1n2){0}, ctx, 999, tweak, 7));
  EVP_CIPHER_CTX_free(ctx);
}

/* The prefix cipher is a permutation of [0, n) and decrypt inverts it;
 * another tweak gives another permutation. */
static void prefix_cipher_permutes(void **state) {
  static const uint32_t sizes[] = {1, 2, 3, 257, 300, 6760};
  uint8_t key[32] = {7}, tw[7] = {1, 0, 0x1d, 0x07, 0xa2, 10, 21}, tw2[7];
  static uint8_t seen[6760];
  EVP_CIPHER_CTX *ctx = dkcpr__aes_ctx_new(key, 32);
  (void)state;
  memcpy(tw2, tw, 7);
  tw2[6] = 22;
  assert_non_null(ctx);
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    uint32_t n = sizes[k], same = 0;
    memset(seen, 0, sizeof seen);
    for (uint32_t x = 0; x < n; x++) {
      uint32_t y, y2, back;
      assert_true(dkcpr__prefix_encrypt(ctx, tw, n, x, &y));
      assert_true(y < n);
      assert_int_equal(seen[y], 0);
      seen[y] = 1;
      if (n <= 300 || x % 61 == 0) {
        assert_true(dkcpr__prefix_decrypt(ctx, tw, n, y, &back));
        assert_int_equal(back, x);
      }
      assert_true(dkcpr__prefix_encrypt(ctx, tw2, n, x, &y2));
      same += y2 == y;
    }
    if (n >= 257) assert_true(same < n / 20);
  }
  EVP_CIPHER_CTX_free(ctx);
}

/* The whole-permutation builder, the windowed reveal and the handle's
 * cache (tables built on a class's second miss, then read) all give the
 * prefix cipher's values exactly. */
static void prefix_table_and_cache_agree(void **state) {
  static const uint32_t sizes[] = {1, 2, 63, 64, 65, 300, 2731, 6760, 9999};
  static uint16_t fwd[9999], inv[9999];
  uint8_t key[32] = {9}, tw[7] = {1, 2, 0x05, 0x07, 0xb2, 3, 30};
  EVP_CIPHER_CTX *ctx = dkcpr__aes_ctx_new(key, 32);
  dkcpr__pcache *c = dkcpr__pcache_new();
  (void)state;
  assert_non_null(ctx);
  assert_non_null(c);
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    uint32_t n = sizes[k], step = n > 300 ? 7 : 1;
    tw[6] = (uint8_t)k;
    assert_true(dkcpr__prefix_table(ctx, tw, n, fwd, inv));
    for (uint32_t x = 0; x < n; x++) {
      uint32_t y, back;
      assert_int_equal(inv[fwd[x]], x);
      if (x % step) continue;
      assert_true(dkcpr__prefix_encrypt(ctx, tw, n, x, &y));
      assert_int_equal(y, fwd[x]);
      assert_true(dkcpr__prefix_decrypt(ctx, tw, n, x, &back));
      assert_int_equal(back, inv[x]);
    }
    for (int round = 0; round < 4; round++) /* miss, miss, miss and build, hit */
      for (uint32_t x = 0; x < n; x += step) {
        uint32_t y, back;
        assert_true(dkcpr__pcache_permute(c, ctx, tw, n, x, 0, &y));
        assert_int_equal(y, fwd[x]);
        assert_true(dkcpr__pcache_permute(c, ctx, tw, n, x, 1, &back));
        assert_int_equal(back, inv[x]);
      }
  }
  assert_true(dkcpr__pcache_bytes(c) > 0);
  assert_true(dkcpr__pcache_bytes(c) <= DKCPR__PCACHE_BUDGET);
  dkcpr__pcache_free(c);
  EVP_CIPHER_CTX_free(ctx);
}

/* More classes than the budget holds: the cache stays within it and keeps
 * answering exactly (checked against the plain cipher on every class). */
static void cache_stays_within_budget(void **state) {
  const uint32_t n = 9999; /* 40 KB of tables a class */
  const unsigned classes = (unsigned)(DKCPR__PCACHE_BUDGET / (4 * n)) + 200;
  uint8_t key[32] = {5}, tw[7] = {1, 3, 0x04, 0, 0, 0, 0};
  EVP_CIPHER_CTX *ctx = dkcpr__aes_ctx_new(key, 32);
  dkcpr__pcache *c = dkcpr__pcache_new();
  (void)state;
  assert_non_null(ctx);
  assert_non_null(c);
  for (unsigned k = 0; k < classes; k++) {
    uint32_t x = (k * 7919u) % n, y = 0, want, back;
    tw[4] = (uint8_t)(k >> 8), tw[5] = (uint8_t)k;
    for (int round = 0; round < 3; round++)
      assert_true(dkcpr__pcache_permute(c, ctx, tw, n, x, 0, &y));
    assert_true(dkcpr__pcache_permute(c, ctx, tw, n, y, 1, &back));
    assert_int_equal(back, x);
    if (k % 97 == 0) {
      assert_true(dkcpr__prefix_encrypt(ctx, tw, n, x, &want));
      assert_int_equal(y, want);
    }
    assert_true(dkcpr__pcache_bytes(c) <= DKCPR__PCACHE_BUDGET);
  }
  assert_true(dkcpr__pcache_bytes(c) > DKCPR__PCACHE_BUDGET / 2);
  dkcpr__pcache_free(c);
  EVP_CIPHER_CTX_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(nist_samples),
      cmocka_unit_test(bad_arguments),
      cmocka_unit_test(fast_path_matches_general),
      cmocka_unit_test(prefix_cipher_permutes),
      cmocka_unit_test(prefix_table_and_cache_agree),
      cmocka_unit_test(cache_stays_within_budget),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
