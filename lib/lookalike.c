/* SPDX-License-Identifier: Apache-2.0 */
/* Keyed lookalikes of the identifiers that sit beside CPR numbers: an
 * e-mail address becomes an address in a reserved domain, a phone number
 * other digits in the same layout, a name a common Danish name. HMAC-SHA-256 under the token key, with a
 * label per kind, so the same value gets the same lookalike everywhere (joins
 * on it hold) and the key's holder alone can tell which value it was. */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/hmac.h>

#include "pseudonym_engine.h"
#include "struct_washer.h"

/* HMAC of label, a NUL, then value (at most DKCPR__VALUE_HOLD + 2 bytes); 0 on failure. */
static int mac_of(uint8_t mac[32], const dkcpr_pseudonymizer *p, const char *label,
                  const char *value, size_t len) {
  uint8_t msg[32 + DKCPR__VALUE_HOLD + 2];
  size_t l = strlen(label) + 1;
  unsigned int n = 0;
  int ok;
  memcpy(msg, label, l);
  memcpy(msg + l, value, len);
  ok = HMAC(EVP_sha256(), p->k_tok, sizeof p->k_tok, msg, l + len, mac, &n) != NULL && n == 32;
  OPENSSL_cleanse(msg, sizeof msg);
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
static size_t email(char *out, const dkcpr__rule *rule, const dkcpr_pseudonymizer *p,
                    const char *value, size_t len) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  char lower[DKCPR__VALUE_HOLD + 2];
  uint8_t mac[32];
  size_t i, n;
  lower_ascii(lower, value, len);
  if (!mac_of(mac, p, "dkcpr-email-1", lower, len)) return 0;
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
static size_t phone(char *out, const dkcpr_pseudonymizer *p, const char *value, size_t len) {
  char digits[DKCPR__VALUE_HOLD + 2];
  uint8_t mac[32];
  size_t i, nd = 0, keep = 0, k = 0;
  memset(digits, 0, sizeof digits);
  if (len >= 3 && memcmp(value, "+45", 3) == 0) keep = 3;
  else if (len >= 4 && memcmp(value, "0045", 4) == 0) keep = 4;
  for (i = keep; i < len && nd < sizeof digits; i++)
    if (value[i] >= '0' && value[i] <= '9') digits[nd++] = value[i];
  if (!mac_of(mac, p, "dkcpr-phone-1", digits, nd)) return 0;
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
static size_t name(char *out, const dkcpr__rule *rule, const dkcpr_pseudonymizer *p,
                   const char *value, size_t len, int sex) {
  char lower[DKCPR__VALUE_HOLD + 2];
  uint8_t mac[32];
  const char *first, *last;
  size_t n = 0;
  lower_ascii(lower, value, len);
  if (!mac_of(mac, p, "dkcpr-name-1", lower, len)) return 0;
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

size_t dkcpr__lookalike(char *out, const dkcpr__rule *rule, const dkcpr_pseudonymizer *p,
                        const char *value, size_t len, int sex) {
  if (p == NULL || len == 0) return 0;
  if (len > DKCPR__VALUE_HOLD + 2) len = DKCPR__VALUE_HOLD + 2;
  switch (rule->action) {
  case DKCPR__RULE_EMAIL: return email(out, rule, p, value, len);
  case DKCPR__RULE_PHONE: return phone(out, p, value, len);
  default: return name(out, rule, p, value, len, sex);
  }
}
