/* SPDX-License-Identifier: Apache-2.0 */
/* Keys: 32 bytes (AES-256), from the OS random generator or 64 hex digits. */
#include <openssl/rand.h>

#include "dkcpr.h"

size_t dkcpr_key_bytes(void) { return DKCPR_KEY_BYTES; }

dkcpr_status dkcpr_keygen(uint8_t *key, size_t key_len) {
  if (key == NULL) return DKCPR_E_NULL;
  if (key_len != DKCPR_KEY_BYTES) return DKCPR_E_KEY;
  /* The private DRBG: key material is not drawn from the public stream. */
  return RAND_priv_bytes(key, (int)key_len) == 1 ? DKCPR_OK : DKCPR_E_RANDOM;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

dkcpr_status dkcpr_key_from_hex(uint8_t *key, size_t key_len, const char *hex,
                                size_t hex_len) {
  if (key == NULL || hex == NULL) return DKCPR_E_NULL;
  if (key_len != DKCPR_KEY_BYTES) return DKCPR_E_KEY;
  if (hex_len == DKCPR_KEY_HEX_CHARS + 1 && hex[DKCPR_KEY_HEX_CHARS] == '\n')
    hex_len--;
  else if (hex_len == DKCPR_KEY_HEX_CHARS + 2 && hex[DKCPR_KEY_HEX_CHARS] == '\r' &&
           hex[DKCPR_KEY_HEX_CHARS + 1] == '\n')
    hex_len -= 2;
  if (hex_len != DKCPR_KEY_HEX_CHARS) return DKCPR_E_KEY;
  for (size_t i = 0; i < DKCPR_KEY_HEX_CHARS; i++)
    if (hexval(hex[i]) < 0) return DKCPR_E_KEY;
  for (size_t i = 0; i < DKCPR_KEY_BYTES; i++)
    key[i] = (uint8_t)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
  return DKCPR_OK;
}
