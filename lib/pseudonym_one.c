/* SPDX-License-Identifier: Apache-2.0 */
/* Pseudonymize and reveal one number: parse, rank in its class, permute,
 * unrank, and write the result the way the input was written. */
#include <openssl/evp.h>

#include "dkcpr.h"
#include "parse.h"
#include "pseudonym_engine.h"
#include "rules.h"

static dkcpr_status one(char *out, size_t out_cap, size_t *out_len,
                        const dkcpr_pseudonymizer *p, const char *in,
                        size_t in_len, const dkcpr_options *opts, int reveal) {
  dkcpr_options o;
  dkcpr_cpr cpr;
  dkcpr__layout layout;
  dkcpr__job job;
  EVP_CIPHER_CTX *ctx;
  int slot;
  uint64_t y;
  char canon[10];
  dkcpr__ref ref;
  int plain;
  dkcpr_status st;
  if (out == NULL || p == NULL || in == NULL) return DKCPR_E_NULL;
  dkcpr__ps_options(&o, p, opts, reveal);
  /* Without lenient parsing the input is 10 or 11 ASCII bytes: no layout
   * to record (options that fail to resolve fail in the general parser). */
  plain = dkcpr__resolve_options(&ref, &o) == DKCPR_OK && !(ref.flags & DKCPR_PARSE_LENIENT);
  st = plain ? dkcpr__parse_ascii(&cpr, NULL, in, in_len, 0, &ref)
             : dkcpr__parse_layout(&cpr, &layout, in, in_len, &o);
  if (st != DKCPR_OK) return st;
  st = dkcpr__ps_prepare(&job, p, &cpr, o.policy, reveal);
  if (st != DKCPR_OK) return st;
  ctx = dkcpr__ps_cipher_get(p, &slot);
  if (ctx == NULL) return DKCPR_E_CRYPTO;
  st = dkcpr__ps_permute(&y, p, &job, ctx, reveal);
  dkcpr__ps_cipher_put(p, ctx, slot);
  if (st != DKCPR_OK) return st;
  dkcpr__ps_finish(canon, p, &job, y);
  if (reveal && job.out_kind != (int)cpr.kind) {
    /* A never-real reveal of a day + 60 number that was not made here may
     * give a CPR number the policy rejects (e.g. strict and no mod 11). */
    dkcpr_cpr check;
    st = dkcpr__check_canonical(&check, canon, &o);
    if (st != DKCPR_OK) return st;
  }
  return plain ? dkcpr__render_plain(out, out_cap, out_len, in, in_len, canon)
               : dkcpr__render(out, out_cap, out_len, in, in_len, &layout, canon);
}

dkcpr_status dkcpr_pseudonymize(char *out, size_t out_cap, size_t *out_len,
                                const dkcpr_pseudonymizer *p, const char *in,
                                size_t in_len, const dkcpr_options *opts) {
  return one(out, out_cap, out_len, p, in, in_len, opts, 0);
}

dkcpr_status dkcpr_reveal(char *out, size_t out_cap, size_t *out_len,
                          const dkcpr_pseudonymizer *p, const char *in,
                          size_t in_len, const dkcpr_options *opts) {
  return one(out, out_cap, out_len, p, in, in_len, opts, 1);
}
