/* SPDX-License-Identifier: Apache-2.0 */
/* Keyed lookalikes of the identifiers that sit beside CPR numbers: an
 * e-mail address becomes an address in a reserved domain, a phone number
 * other digits in the same layout, a name a common Danish name. HMAC-SHA-256 under the token key, with a
 * label per kind, so the same value gets the same lookalike everywhere (joins
 * on it hold) and the key's holder alone can tell which value it was. */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "pseudonym_engine.h"
#include "struct_washer.h"

/* HMAC-SHA-256 under the token key, keyed once: a one-shot HMAC() fetches
 * the digest and derives the key's pads again for every value, most of the
 * cost of a lookalike. Each MAC runs on a copy. */
struct dkcpr__lookalike_key {
  EVP_MAC_CTX *mac;
};

void dkcpr__lookalike_key_free(dkcpr__lookalike_key *k) {
  if (k == NULL) return;
  EVP_MAC_CTX_free(k->mac); /* wipes the key and its pads */
  free(k);
}

static dkcpr__lookalike_key *key_new(const dkcpr_pseudonymizer *p) {
  char digest[] = "SHA256";
  OSSL_PARAM params[2];
  EVP_MAC *hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
  dkcpr__lookalike_key *k = calloc(1, sizeof *k);
  params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0);
  params[1] = OSSL_PARAM_construct_end();
  if (k != NULL && hmac != NULL) k->mac = EVP_MAC_CTX_new(hmac);
  EVP_MAC_free(hmac); /* the context holds its own reference */
  if (k != NULL &&
      (k->mac == NULL || !EVP_MAC_init(k->mac, p->k_tok, sizeof p->k_tok, params))) {
    dkcpr__lookalike_key_free(k);
    return NULL;
  }
  return k;
}

/* HMAC of label, a NUL, then value; 0 on failure. */
static int mac_of(uint8_t mac[32], const dkcpr__lookalike_key *k, const char *label,
                  const char *value, size_t len) {
  EVP_MAC_CTX *c = EVP_MAC_CTX_dup(k->mac);
  size_t n = 0;
  int ok = c != NULL &&
           EVP_MAC_update(c, (const unsigned char *)label, strlen(label) + 1) &&
           EVP_MAC_update(c, (const unsigned char *)value, len) &&
           EVP_MAC_final(c, mac, &n, 32) && n == 32;
  EVP_MAC_CTX_free(c);
  return ok;
}

/* value (len <= DKCPR__VALUE_HOLD + 2, as dkcpr__lookalike cuts it) with
 * ASCII letters in lower case, into out (that many bytes, zeroed first). */
static void lower_ascii(char *out, const char *value, size_t len) {
  size_t i;
  memset(out, 0, DKCPR__VALUE_HOLD + 2);
  for (i = 0; i < len; i++) {
    char c = value[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    out[i] = c;
  }
}

/* An address: ten base32 characters of the MAC of the address in lower
 * case, at the rule's domain. */
static size_t email(char *out, const dkcpr__rule *rule, const dkcpr__lookalike_key *k,
                    const char *value, size_t len) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  char lower[DKCPR__VALUE_HOLD + 2];
  uint8_t mac[32];
  size_t i, n;
  lower_ascii(lower, value, len);
  if (!mac_of(mac, k, "dkcpr-email-1", lower, len)) return 0;
  for (i = 0; i < 10; i++) out[i] = alphabet[mac[i] & 31u];
  out[10] = '@';
  n = strlen(rule->pattern);
  memcpy(out + 11, rule->pattern, n);
  OPENSSL_cleanse(mac, sizeof mac);
  OPENSSL_cleanse(lower, sizeof lower);
  return 11 + n;
}

/* A phone number: a leading +45 or 0045 kept, every other digit replaced
 * in place (the first by 2-9, as Danish numbers start), separators kept. */
static size_t phone(char *out, const dkcpr__lookalike_key *key, const char *value, size_t len) {
  char digits[DKCPR__VALUE_HOLD + 2];
  uint8_t mac[32];
  size_t i, nd = 0, keep = 0, k = 0;
  memset(digits, 0, sizeof digits);
  if (len >= 3 && memcmp(value, "+45", 3) == 0) keep = 3;
  else if (len >= 4 && memcmp(value, "0045", 4) == 0) keep = 4;
  for (i = keep; i < len && nd < sizeof digits; i++)
    if (value[i] >= '0' && value[i] <= '9') digits[nd++] = value[i];
  if (!mac_of(mac, key, "dkcpr-phone-1", digits, nd)) return 0;
  memcpy(out, value, len);
  for (i = keep; i < len; i++) {
    if (value[i] < '0' || value[i] > '9') continue;
    if (k == 0) out[i] = (char)('2' + mac[0] % 8);
    else out[i] = (char)('0' + mac[k % 32] % 10);
    k++;
  }
  OPENSSL_cleanse(mac, sizeof mac);
  OPENSSL_cleanse(digits, sizeof digits);
  return len;
}

/* The twenty most common first names of each sex and surnames in Denmark,
 * as Danmarks Statistik's name statistics ("Navne i hele befolkningen")
 * rank them: names every test system has seen, none of them pointing at
 * one person. */
static const char *const male_names[] = {
    "Peter", "Jens", "Michael", "Lars", "Henrik", "Thomas", "Søren", "Jan", "Niels", "Christian",
    "Martin", "Jørgen", "Anders", "Morten", "Jesper", "Mads", "Hans", "Per", "Rasmus", "Ole"};
static const char *const female_names[] = {
    "Anne", "Kirsten", "Mette", "Hanne", "Anna", "Helle", "Susanne", "Lene", "Maria", "Marianne",
    "Lone", "Camilla", "Pia", "Louise", "Charlotte", "Bente", "Tina", "Gitte", "Inge", "Karen"};
static const char *const surnames[] = {
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen"};
#define NAMES 20u

/* A name chosen by the keyed MAC of the value in lower case (ASCII), so the
 * same name gets the same lookalike: a first name of the row's sex, a
 * surname, or both. */
static size_t name(char *out, const dkcpr__rule *rule, const dkcpr__lookalike_key *k,
                   const char *value, size_t len, int sex) {
  char lower[DKCPR__VALUE_HOLD + 2];
  uint8_t mac[32];
  const char *first, *last;
  size_t n = 0;
  lower_ascii(lower, value, len);
  if (!mac_of(mac, k, "dkcpr-name-1", lower, len)) return 0;
  first = (sex == DKCPR_SEX_MALE ? male_names : female_names)[mac[0] % NAMES];
  last = surnames[mac[1] % NAMES];
  if (rule->action != DKCPR__RULE_LAST_NAME) {
    memcpy(out, first, strlen(first));
    n = strlen(first);
  }
  if (rule->action == DKCPR__RULE_FULL_NAME) out[n++] = ' ';
  if (rule->action != DKCPR__RULE_FIRST_NAME) {
    memcpy(out + n, last, strlen(last));
    n += strlen(last);
  }
  OPENSSL_cleanse(mac, sizeof mac);
  OPENSSL_cleanse(lower, sizeof lower);
  return n;
}

size_t dkcpr__lookalike(char *out, const dkcpr__rule *rule, dkcpr__lookalike_key **key,
                        const dkcpr_pseudonymizer *p, const char *value, size_t len, int sex) {
  if (p == NULL || len == 0) return 0;
  if (*key == NULL && (*key = key_new(p)) == NULL) return 0;
  if (len > DKCPR__VALUE_HOLD + 2) len = DKCPR__VALUE_HOLD + 2;
  switch (rule->action) {
  case DKCPR__RULE_EMAIL: return email(out, rule, *key, value, len);
  case DKCPR__RULE_PHONE: return phone(out, *key, value, len);
  default: return name(out, rule, *key, value, len, sex);
  }
}
