/* SPDX-License-Identifier: Apache-2.0 */
/* Keyed one-way tokens: HMAC-SHA-256 of the canonical number under the
 * context's token key, in lower-case RFC 4648 base32 without padding.
 * 16..52 characters = 80..256 bits of the MAC (52 characters hold all 256). */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/hmac.h>

#include "dkcpr.h"
#include "parse.h"
#include "pseudonym_engine.h"

dkcpr_status dkcpr_token(char *out, size_t out_cap, size_t *out_len,
                         const dkcpr_pseudonymizer *p, const char *in,
                         size_t in_len, size_t token_chars,
                         const dkcpr_options *opts) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  dkcpr_options o;
  dkcpr_cpr cpr;
  uint8_t mac[32];
  unsigned int mac_len = 0;
  dkcpr_status st;
  if (out == NULL || p == NULL || in == NULL) return DKCPR_E_NULL;
  if (token_chars < DKCPR_TOKEN_MIN_CHARS || token_chars > DKCPR_TOKEN_MAX_CHARS)
    return DKCPR_E_ARG;
  dkcpr__ps_options(&o, p, opts, 0);
  st = dkcpr_parse(&cpr, in, in_len, &o);
  if (st != DKCPR_OK) return st;
  if (out_cap < token_chars + 1) return DKCPR_E_BUFSIZE;
  if (HMAC(EVP_sha256(), p->k_tok, sizeof p->k_tok, (const uint8_t *)cpr.digits, 10,
           mac, &mac_len) == NULL ||
      mac_len != sizeof mac)
    return DKCPR_E_CRYPTO;
  for (size_t i = 0; i < token_chars; i++) {
    size_t bit = i * 5, byte = bit / 8, shift = bit % 8;
    unsigned v = (unsigned)mac[byte] << 8 | (byte + 1 < sizeof mac ? mac[byte + 1] : 0);
    out[i] = alphabet[(v >> (11 - shift)) & 31u];
  }
  out[token_chars] = '\0';
  if (out_len != NULL) *out_len = token_chars;
  OPENSSL_cleanse(mac, sizeof mac);
  return DKCPR_OK;
}
