/* SPDX-License-Identifier: Apache-2.0 */
/* Synthetic numbers: element i of a request is unrank(P(i)) where P is a
 * keyed permutation of the request's class, keyed from the seed with
 * HMAC-SHA-256, so elements are distinct by construction and element i is
 * fixed for a seed and options (pieces of a sequence can be made apart). */
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/hmac.h>

#include "ff1.h"
#include "class_rank.h"
#include "dkcpr.h"
#include "prefix_cipher.h"
#include "pseudonym_engine.h"
#include "versioned.h"

/* Size of each version of dkcpr_generate_options (see versioned.h). */
static const size_t generate_sizes[] = {sizeof(dkcpr_generate_options)};
#define GENERATE_VERSIONS (sizeof generate_sizes / sizeof generate_sizes[0])

dkcpr_status dkcpr_generate_options_init(dkcpr_generate_options *opts,
                                         unsigned int version) {
  time_t now = time(NULL);
  struct tm tm;
  dkcpr_generate_options d;
  if (opts == NULL) return DKCPR_E_NULL;
  if (dkcpr__versioned_size(generate_sizes, GENERATE_VERSIONS, version) == 0)
    return DKCPR_E_ARG;
  memset(&d, 0, sizeof d);
  d.from_year = DKCPR__CPR_Y0;
  d.from_month = d.from_day = 1;
  if (localtime_r(&now, &tm) == NULL) return DKCPR_E_ARG;
  d.to_year = tm.tm_year + 1900;
  d.to_month = tm.tm_mon + 1;
  d.to_day = tm.tm_mday;
  if (d.to_year > DKCPR__CPR_Y1) /* the CPR span ends in 2057 */
    d.to_year = DKCPR__CPR_Y1, d.to_month = 12, d.to_day = 31;
  d.sex = -1;
  d.mod11 = -1;
  return dkcpr__versioned_write(opts, &d, generate_sizes, GENERATE_VERSIONS,
                                version);
}

static void put16(uint8_t *b, int v) {
  b[0] = (uint8_t)(v >> 8);
  b[1] = (uint8_t)v;
}

dkcpr_status dkcpr_generate(char *out, size_t out_stride, uint64_t *total,
                            const dkcpr_generate_options *opts,
                            const uint8_t *seed, size_t seed_len,
                            uint64_t first, size_t count) {
  static const char label[] = DKCPR_ALGORITHM " generate";
  dkcpr__tables *t;
  dkcpr__class c;
  uint8_t msg[sizeof label + 12], key[32], tweak[DKCPR__TWEAK_LEN] = {0};
  uint8_t empty = 0;
  unsigned int klen = 0;
  EVP_CIPHER_CTX *ctx = NULL;
  dkcpr__ff1n2 f;
  int kind, sex, m;
  dkcpr_status st = DKCPR_OK;
  if (opts == NULL || (seed == NULL && seed_len > 0) || (out == NULL && count > 0))
    return DKCPR_E_NULL;
  /* Every field is in version 1: a later version reads its own fields
   * through dkcpr__versioned_read. */
  if (dkcpr__versioned_size(generate_sizes, GENERATE_VERSIONS, opts->version) == 0 ||
      (count > 0 && out_stride < 11) ||
      opts->sex < -1 || opts->sex > 1 || opts->mod11 < -1 || opts->mod11 > 1 ||
      (opts->flags & ~DKCPR_GENERATE_NEVER_REAL) != 0)
    return DKCPR_E_ARG;
  kind = (opts->flags & DKCPR_GENERATE_NEVER_REAL) ? DKCPR_KIND_REPLACEMENT : DKCPR_KIND_CPR;
  sex = opts->sex < 0 ? DKCPR__SEX_ANY : opts->sex;
  m = opts->mod11 < 0 ? DKCPR__M_ANY : opts->mod11 ? DKCPR__M_PASS : DKCPR__M_FAIL;
  t = dkcpr__tables_new();
  if (t == NULL) return DKCPR_E_NOMEM;
  st = dkcpr__class_init(&c, t, kind, sex, m, opts->from_year, opts->from_month,
                         opts->from_day, opts->to_year, opts->to_month, opts->to_day);
  if (st != DKCPR_OK) goto done;
  if (total != NULL) *total = c.size;
  if (first > c.size || count > c.size - first) {
    st = DKCPR_E_RANGE;
    goto done;
  }
  if (count == 0) goto done;
  /* The request is part of the key: another range is another permutation. */
  memcpy(msg, label, sizeof label);
  put16(msg + sizeof label, opts->from_year);
  msg[sizeof label + 2] = (uint8_t)opts->from_month;
  msg[sizeof label + 3] = (uint8_t)opts->from_day;
  put16(msg + sizeof label + 4, opts->to_year);
  msg[sizeof label + 6] = (uint8_t)opts->to_month;
  msg[sizeof label + 7] = (uint8_t)opts->to_day;
  msg[sizeof label + 8] = (uint8_t)kind;
  msg[sizeof label + 9] = (uint8_t)sex;
  msg[sizeof label + 10] = (uint8_t)m;
  msg[sizeof label + 11] = 0;
  if (HMAC(EVP_sha256(), seed_len > 0 ? (const void *)seed : (const void *)&empty,
           (int)seed_len, msg, sizeof msg, key, &klen) == NULL ||
      klen != sizeof key || (ctx = dkcpr__aes_ctx_new(key, sizeof key)) == NULL) {
    st = DKCPR_E_CRYPTO;
    goto done;
  }
  tweak[0] = DKCPR__TWEAK_VERSION;
  tweak[1] = (uint8_t)kind;
  tweak[2] = (uint8_t)((unsigned)m << 3 | (unsigned)(sex == DKCPR__SEX_ANY ? 0 : sex + 1) << 5);
  if (c.size >= DKCPR__FF1_MIN_CLASS &&
      !dkcpr__ff1n2_init(&f, ctx, dkcpr__ff1_radix(c.size), tweak, sizeof tweak)) {
    st = DKCPR_E_CRYPTO;
    goto done;
  }
  for (size_t i = 0; i < count; i++) {
    uint64_t v = first + i;
    dkcpr__num num;
    if (c.size < DKCPR__FF1_MIN_CLASS) {
      uint32_t y;
      if (!dkcpr__prefix_encrypt(ctx, tweak, (uint32_t)c.size, (uint32_t)v, &y)) {
        st = DKCPR_E_CRYPTO;
        break;
      }
      v = y;
    } else {
      do {
        if (!dkcpr__ff1n2_encrypt(&f, ctx, &v)) {
          st = DKCPR_E_CRYPTO;
          goto done;
        }
      } while (v >= c.size);
    }
    dkcpr__unrank(&num, t, &c, v);
    dkcpr__num_digits(out + i * out_stride, &num);
    out[i * out_stride + 10] = '\0';
  }
done:
  OPENSSL_cleanse(key, sizeof key);
  EVP_CIPHER_CTX_free(ctx);
  dkcpr__tables_free(t);
  return st;
}
