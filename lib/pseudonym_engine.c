/* SPDX-License-Identifier: Apache-2.0 */
/* The pseudonymizer handle: key derivation, classes, the keyed permutation.
 *
 * Keys: K_fpe = HMAC-SHA-256(master, "dkcpr-fpe-1 permutation" 0x00 context)
 * and K_tok = HMAC-SHA-256(master, "dkcpr-fpe-1 token" 0x00 context), so a
 * context separates by key derivation and the master key is not kept.
 *
 * Tweak (7 bytes, fixed layout; it binds the class so no two classes share
 * a permutation):
 *   [0] version 1
 *   [1] kind of the class members (dkcpr_kind)
 *   [2] bit 0 keep sex, bit 1 keep year, bit 2 keep date (as applied, e.g.
 *       known-dates mod-11 failures keep the date), bits 3-4 mod-11 option
 *       (0 any, 1 pass, 2 fail), bits 5-6 sex (0 any, 1 female, 2 male),
 *       bit 7 never-real
 *   [3..4] kept year, big-endian (0 if not kept)
 *   [5] kept month, [6] kept day (0 if not kept)
 */
#include "pseudonym_engine.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/hmac.h>

#include "dkcpr.h"
#include "prefix_cipher.h"

static int derive(uint8_t out[32], const uint8_t *key, const char *label,
                  const uint8_t *context, size_t context_len) {
  size_t llen = strlen(label) + 1; /* with the 0x00 separator */
  unsigned int olen = 0;
  uint8_t *msg = malloc(llen + context_len + 1);
  int ok;
  if (msg == NULL) return 0;
  memcpy(msg, label, llen);
  if (context_len > 0) memcpy(msg + llen, context, context_len);
  ok = HMAC(EVP_sha256(), key, DKCPR_KEY_BYTES, msg, llen + context_len, out,
            &olen) != NULL &&
       olen == 32;
  OPENSSL_clear_free(msg, llen + context_len + 1);
  return ok;
}

dkcpr_status dkcpr_pseudonymizer_new(dkcpr_pseudonymizer **out,
                                     const uint8_t *key, size_t key_len,
                                     const uint8_t *context,
                                     size_t context_len, unsigned int keep,
                                     unsigned int flags) {
  dkcpr_pseudonymizer *p;
  uint8_t k_fpe[32];
  if (out == NULL || key == NULL || (context == NULL && context_len > 0))
    return DKCPR_E_NULL;
  if (key_len != DKCPR_KEY_BYTES) return DKCPR_E_KEY;
  if ((keep & ~(DKCPR_KEEP_SEX | DKCPR_KEEP_YEAR | DKCPR_KEEP_DATE)) != 0 ||
      (flags & ~DKCPR_NEVER_REAL) != 0)
    return DKCPR_E_ARG;
  p = calloc(1, sizeof *p);
  if (p == NULL) return DKCPR_E_NOMEM;
  p->keep = (keep & DKCPR_KEEP_DATE) ? keep | DKCPR_KEEP_YEAR : keep;
  p->flags = flags;
  p->tables = dkcpr__tables_new();
  if (p->tables == NULL) {
    free(p);
    return DKCPR_E_NOMEM;
  }
  if (!derive(k_fpe, key, DKCPR_ALGORITHM " permutation", context, context_len) ||
      !derive(p->k_tok, key, DKCPR_ALGORITHM " token", context, context_len) ||
      (p->aes = dkcpr__aes_ctx_new(k_fpe, sizeof k_fpe)) == NULL) {
    OPENSSL_cleanse(k_fpe, sizeof k_fpe);
    dkcpr_pseudonymizer_free(p);
    return DKCPR_E_CRYPTO;
  }
  OPENSSL_cleanse(k_fpe, sizeof k_fpe);
  for (int i = 0; i < DKCPR__CTX_POOL; i++)
    if ((p->pool[i] = dkcpr__ps_cipher(p)) == NULL) {
      dkcpr_pseudonymizer_free(p);
      return DKCPR_E_CRYPTO;
    }
  if ((p->cache = dkcpr__pcache_new()) == NULL) {
    dkcpr_pseudonymizer_free(p);
    return DKCPR_E_NOMEM;
  }
  if (!dkcpr__ps_spans_init(p, p->pool[0])) {
    dkcpr_pseudonymizer_free(p);
    return DKCPR_E_CRYPTO;
  }
  *out = p;
  return DKCPR_OK;
}

void dkcpr_pseudonymizer_free(dkcpr_pseudonymizer *p) {
  if (p == NULL) return;
  EVP_CIPHER_CTX_free(p->aes); /* OpenSSL wipes the key schedule */
  for (int i = 0; i < DKCPR__CTX_POOL; i++) EVP_CIPHER_CTX_free(p->pool[i]);
  dkcpr__tables_free(p->tables);
  dkcpr__pcache_free(p->cache); /* wipes the tables */
  OPENSSL_cleanse(p->span, sizeof p->span); /* E(P) is key material */
  OPENSSL_cleanse(p->k_tok, sizeof p->k_tok);
  free(p);
}

const char *dkcpr_algorithm(void) { return DKCPR_ALGORITHM; }

EVP_CIPHER_CTX *dkcpr__ps_cipher(const dkcpr_pseudonymizer *p) {
  EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
  if (c == NULL) return NULL;
  if (EVP_CIPHER_CTX_copy(c, p->aes) != 1) {
    EVP_CIPHER_CTX_free(c);
    return NULL;
  }
  return c;
}

EVP_CIPHER_CTX *dkcpr__ps_cipher_get(const dkcpr_pseudonymizer *p, int *slot) {
  /* The flags are the only thing calls change in a shared handle. */
  int *busy = (int *)p->busy;
  for (int i = 0; i < DKCPR__CTX_POOL; i++)
    if (__atomic_load_n(&busy[i], __ATOMIC_RELAXED) == 0 &&
        __atomic_exchange_n(&busy[i], 1, __ATOMIC_ACQUIRE) == 0) {
      *slot = i;
      return p->pool[i];
    }
  *slot = -1;
  return dkcpr__ps_cipher(p);
}

void dkcpr__ps_cipher_put(const dkcpr_pseudonymizer *p, EVP_CIPHER_CTX *ctx, int slot) {
  if (slot < 0) {
    EVP_CIPHER_CTX_free(ctx);
    return;
  }
  __atomic_store_n((int *)&p->busy[slot], 0, __ATOMIC_RELEASE);
}

void dkcpr__ps_options(dkcpr_options *o, const dkcpr_pseudonymizer *p,
                       const dkcpr_options *opts, int reveal) {
  if (opts != NULL) {
    *o = *opts;
  } else {
    memset(o, 0, sizeof *o);
    o->version = DKCPR_OPTIONS_VERSION;
    o->policy = DKCPR_POLICY_DEFAULT;
  }
  /* The mapping must not depend on the day it runs. With the check off the
   * reference date is unused; a fixed one spares reading the clock. */
  o->flags |= DKCPR_PARSE_ALLOW_FUTURE;
  o->ref_year = 2000, o->ref_month = 1, o->ref_day = 1;
  if (reveal && (p->flags & DKCPR_NEVER_REAL)) o->flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
}

void dkcpr__num_from_cpr(dkcpr__num *num, const dkcpr_cpr *cpr) {
  const char *d = cpr->digits;
  num->kind = cpr->kind;
  num->year = cpr->year;
  num->month = cpr->month;
  num->day = cpr->day;
  num->c7 = cpr->century_digit;
  if (cpr->kind == DKCPR_KIND_XECPR || cpr->kind == DKCPR_KIND_DECPR)
    num->tail = ((d[7] - 'A') * 26 + (d[8] - 'A')) * 10 + (d[9] - '0');
  else
    num->tail = (d[7] - '0') * 100 + (d[8] - '0') * 10 + (d[9] - '0');
}

/* The class with these attributes (year, month, day used as keep says),
 * its tweak and, for FF1 classes, its radix. */
static dkcpr_status class_of(dkcpr__job *job, const dkcpr__tables *t, int kind,
                             int sex, int m, unsigned keep, int never_real,
                             int year, int month, int day) {
  int digit_kind = kind == DKCPR_KIND_CPR || kind == DKCPR_KIND_REPLACEMENT;
  int y0, m0, d0, y1, m1, d1;
  if (keep & DKCPR_KEEP_DATE) {
    y0 = y1 = year, m0 = m1 = month, d0 = d1 = day;
  } else if (keep & DKCPR_KEEP_YEAR) {
    y0 = y1 = year, m0 = d0 = 1, m1 = 12, d1 = 31;
  } else {
    y0 = kind == DKCPR_KIND_XECPR   ? DKCPR__XECPR_Y0
         : kind == DKCPR_KIND_DECPR ? DKCPR__DECPR_Y0
                                    : DKCPR__CPR_Y0;
    y1 = digit_kind ? DKCPR__CPR_Y1 : DKCPR__ECPR_Y1;
    m0 = d0 = 1, m1 = 12, d1 = 31;
  }
  if (dkcpr__class_init(&job->cls, t, kind, sex, m, y0, m0, d0, y1, m1, d1) != DKCPR_OK)
    return DKCPR_E_ARG;
  job->tweak[0] = DKCPR__TWEAK_VERSION;
  job->tweak[1] = (uint8_t)kind;
  job->tweak[2] = (uint8_t)((keep & 7u) | (unsigned)m << 3 |
                            (unsigned)(sex == DKCPR__SEX_ANY ? 0 : sex + 1) << 5 |
                            (unsigned)never_real << 7);
  job->tweak[3] = (uint8_t)((keep & DKCPR_KEEP_YEAR) ? year >> 8 : 0);
  job->tweak[4] = (uint8_t)((keep & DKCPR_KEEP_YEAR) ? year & 0xff : 0);
  job->tweak[5] = (uint8_t)((keep & DKCPR_KEEP_DATE) ? month : 0);
  job->tweak[6] = (uint8_t)((keep & DKCPR_KEEP_DATE) ? day : 0);
  job->radix = job->cls.size >= DKCPR__FF1_MIN_CLASS ? dkcpr__ff1_radix(job->cls.size) : 0;
  job->ff1 = NULL;
  return DKCPR_OK;
}

int dkcpr__ps_spans_init(dkcpr_pseudonymizer *p, EVP_CIPHER_CTX *ctx) {
  for (int kind = 0; kind < 4; kind++)
    for (int s = 0; s < 3; s++)
      for (int m = 0; m < 3; m++) {
        dkcpr__span *sp = &p->span[kind][s][m];
        int digit_kind = kind == DKCPR_KIND_CPR || kind == DKCPR_KIND_REPLACEMENT;
        int never_real = digit_kind && (p->flags & DKCPR_NEVER_REAL) != 0;
        sp->ok = 0;
        if ((p->keep & DKCPR_KEEP_YEAR) || (!digit_kind && m != DKCPR__M_ANY) ||
            ((p->keep & DKCPR_KEEP_SEX) != 0) == (s == DKCPR__SEX_ANY))
          continue; /* a class prepare never asks for */
        if (class_of(&sp->job, p->tables, kind, s, m, p->keep, never_real, 0, 0, 0) != DKCPR_OK)
          return 0;
        if (sp->job.radix != 0 &&
            !dkcpr__ff1n2_init(&sp->f, ctx, sp->job.radix, sp->job.tweak, DKCPR__TWEAK_LEN))
          return 0;
        sp->ok = 1;
      }
  return 1;
}

dkcpr_status dkcpr__ps_prepare(dkcpr__job *job, const dkcpr_pseudonymizer *p,
                               const dkcpr_cpr *cpr, dkcpr_policy policy,
                               int reveal) {
  dkcpr__num num;
  unsigned keep = p->keep;
  int never_real = (p->flags & DKCPR_NEVER_REAL) != 0;
  int digit_kind = cpr->kind == DKCPR_KIND_CPR || cpr->kind == DKCPR_KIND_REPLACEMENT;
  int sex, m, out_kind;
  dkcpr__num_from_cpr(&num, cpr);
  out_kind = num.kind;
  if (never_real && digit_kind) {
    /* Pseudonyms live in the day + 60 space; the class is taken in the
     * ordinary CPR space without a mod-11 split (the shift changes it). */
    if (num.kind != (reveal ? DKCPR_KIND_REPLACEMENT : DKCPR_KIND_CPR))
      return DKCPR_E_KIND;
    out_kind = reveal ? DKCPR_KIND_CPR : DKCPR_KIND_REPLACEMENT;
    num.kind = DKCPR_KIND_CPR;
    m = DKCPR__M_ANY;
  } else {
    never_real = 0;
    m = !digit_kind ? DKCPR__M_ANY : cpr->mod11 ? DKCPR__M_PASS : DKCPR__M_FAIL;
    /* Under known-dates a mod-11 failure is valid only on a listed date, so
     * it keeps its date (the mapping must not depend on the list). */
    if (policy == DKCPR_POLICY_KNOWN_DATES && num.kind == DKCPR_KIND_CPR && !cpr->mod11)
      keep |= DKCPR_KEEP_DATE | DKCPR_KEEP_YEAR;
  }
  sex = (keep & DKCPR_KEEP_SEX) ? num.tail % 2 : DKCPR__SEX_ANY;
  if (!(keep & DKCPR_KEEP_YEAR) && p->span[num.kind][sex][m].ok) {
    const dkcpr__span *sp = &p->span[num.kind][sex][m];
    *job = sp->job;
    if (job->radix != 0) job->ff1 = &sp->f;
  } else if (class_of(job, p->tables, num.kind, sex, m, keep, never_real, num.year,
                      num.month, num.day) != DKCPR_OK) {
    return DKCPR_E_ARG;
  }
  job->out_kind = out_kind;
  return dkcpr__rank(&job->x, p->tables, &job->cls, &num) == DKCPR_OK ? DKCPR_OK
                                                                      : DKCPR_E_ARG;
}

uint32_t dkcpr__ff1_radix(uint64_t n) {
  /* max(1000, ceil(sqrt(n))), n < 2^32 so the radix is at most 65536.
   * Bit by bit with conditional moves: a bisection's branches mispredicted
   * about half the time. */
  uint64_t r = 0;
  if (n <= 1000000u) return 1000;
  for (uint64_t bit = 1u << 16; bit != 0; bit >>= 1) {
    uint64_t t = r | bit;
    r = t * t <= n ? t : r; /* r = floor(sqrt(n)) */
  }
  return (uint32_t)(r * r == n ? r : r + 1);
}

dkcpr_status dkcpr__ps_permute(uint64_t *y, const dkcpr_pseudonymizer *p,
                               const dkcpr__job *job, EVP_CIPHER_CTX *ctx, int reveal) {
  uint64_t n = job->cls.size, v = job->x;
  if (n < DKCPR__FF1_MIN_CLASS) {
    uint32_t r;
    if (!dkcpr__pcache_permute(p->cache, ctx, job->tweak, (uint32_t)n, (uint32_t)v, reveal, &r))
      return DKCPR_E_CRYPTO;
    *y = r;
    return DKCPR_OK;
  }
  {
    dkcpr__ff1n2 own;
    const dkcpr__ff1n2 *f = job->ff1;
    if (f == NULL) {
      if (!dkcpr__ff1n2_init(&own, ctx, job->radix, job->tweak, DKCPR__TWEAK_LEN))
        return DKCPR_E_CRYPTO;
      f = &own;
    }
    do { /* cycle-walking: stays a permutation of [0, n) */
      if (!(reveal ? dkcpr__ff1n2_decrypt(f, ctx, &v) : dkcpr__ff1n2_encrypt(f, ctx, &v)))
        return DKCPR_E_CRYPTO;
    } while (v >= n);
  }
  *y = v;
  return DKCPR_OK;
}

void dkcpr__ps_finish(char canon[10], const dkcpr_pseudonymizer *p,
                      const dkcpr__job *job, uint64_t y) {
  dkcpr__num out;
  dkcpr__unrank(&out, p->tables, &job->cls, y);
  out.kind = job->out_kind;
  dkcpr__num_digits(canon, &out);
}
