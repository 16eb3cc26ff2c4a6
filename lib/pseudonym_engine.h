/* SPDX-License-Identifier: Apache-2.0 */
/* The pseudonymizer handle and the per-number mapping shared by the single,
 * batch and washing paths. Internal; never exported. */
#ifndef DKCPR_PSEUDONYM_ENGINE_H
#define DKCPR_PSEUDONYM_ENGINE_H

#include <stdint.h>

#include <openssl/evp.h>

#include "dkcpr.h"
#include "ff1.h"
#include "class_rank.h"
#include "perm_cache.h"

/* Classes of at least this many members use cycle-walking FF1, smaller ones
 * the prefix cipher (bench/bench_pseudonym.c measures the crossover). Part
 * of the mapping: frozen by the golden vectors. */
#define DKCPR__FF1_MIN_CLASS 10000u

/* Version byte of the tweak (algorithm dkcpr-fpe-1). */
#define DKCPR__TWEAK_VERSION 1
#define DKCPR__TWEAK_LEN 7

/* Per-call AES contexts: copying the template costs about as much as a
 * whole FF1 evaluation, so the handle keeps a few ready copies that calls
 * borrow with an atomic flag (one thread per context at a time); when all
 * are busy a call makes its own copy. The mapping state stays immutable. */
#define DKCPR__CTX_POOL 8

/* How one number maps: its class, the tweak binding the class, and the kind
 * of the result (never-real moves between CPR and day + 60). */
typedef struct dkcpr__job {
  dkcpr__class cls;
  uint8_t tweak[DKCPR__TWEAK_LEN];
  int out_kind;
  uint32_t radix;          /* FF1 radix; 0 for a class below DKCPR__FF1_MIN_CLASS */
  const dkcpr__ff1n2 *ff1; /* a ready FF1 instance of the class, or NULL */
  uint64_t x;              /* rank of the input within cls */
} dkcpr__job;

/* A class over the whole span (year not kept) with its FF1 instance, made
 * when the handle is: the class, tweak and E(P) of the numbers that need
 * them most often are then never recomputed. */
typedef struct dkcpr__span {
  dkcpr__job job;
  dkcpr__ff1n2 f;
  int ok;
} dkcpr__span;

struct dkcpr_pseudonymizer {
  EVP_CIPHER_CTX *aes;    /* AES-256-ECB keyed with K_fpe; a template, only copied */
  EVP_CIPHER_CTX *pool[DKCPR__CTX_POOL];
  int busy[DKCPR__CTX_POOL]; /* accessed with __atomic builtins only */
  dkcpr__tables *tables;  /* class count tables (key-independent) */
  unsigned keep, flags;
  uint8_t k_tok[32];      /* HMAC key of tokens */
  dkcpr__span span[4][3][3]; /* [kind][sex][m], when the year is not kept */
  dkcpr__pcache *cache;   /* small classes' permutations; locks of its own */
};

/* A fresh per-call AES context (a copy of the template). NULL on failure. */
EVP_CIPHER_CTX *dkcpr__ps_cipher(const dkcpr_pseudonymizer *p);

/* Borrow a context (from the pool, else a fresh copy) and give it back;
 * *slot tells which. NULL on failure. */
EVP_CIPHER_CTX *dkcpr__ps_cipher_get(const dkcpr_pseudonymizer *p, int *slot);
void dkcpr__ps_cipher_put(const dkcpr_pseudonymizer *p, EVP_CIPHER_CTX *ctx, int slot);

/* Fill the handle's span classes (ctx: an AES context for E(P)). 1 on success. */
int dkcpr__ps_spans_init(dkcpr_pseudonymizer *p, EVP_CIPHER_CTX *ctx);

/* Fields of a parsed number. */
void dkcpr__num_from_cpr(dkcpr__num *num, const dkcpr_cpr *cpr);

/* Class, tweak and rank of a parsed input. DKCPR_E_KIND for a day + 60
 * number given to pseudonymize under never-real, or an ordinary CPR number
 * given to reveal under never-real. */
dkcpr_status dkcpr__ps_prepare(dkcpr__job *job, const dkcpr_pseudonymizer *p,
                               const dkcpr_cpr *cpr, dkcpr_policy policy,
                               int reveal);

/* Radix of the FF1 instance of a class of n >= DKCPR__FF1_MIN_CLASS members. */
uint32_t dkcpr__ff1_radix(uint64_t n);

/* Apply the class permutation (or its inverse) to job->x: *y. Small
 * classes go through the handle's cache. */
dkcpr_status dkcpr__ps_permute(uint64_t *y, const dkcpr_pseudonymizer *p,
                               const dkcpr__job *job, EVP_CIPHER_CTX *ctx, int reveal);

/* Turn a permuted index back into the 10 output characters. */
void dkcpr__ps_finish(char canon[10], const dkcpr_pseudonymizer *p,
                      const dkcpr__job *job, uint64_t y);

/* Options for parsing inputs: the caller's (or the defaults) with the
 * not-yet-born check off, and (reveal under never-real) day + 60 allowed. */
void dkcpr__ps_options(dkcpr_options *o, const dkcpr_pseudonymizer *p,
                       const dkcpr_options *opts, int reveal);

#endif /* DKCPR_PSEUDONYM_ENGINE_H */
