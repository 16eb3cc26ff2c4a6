/* SPDX-License-Identifier: Apache-2.0 */
/* The wash manifest: a JSON record of everything that decides a wash's
 * mapping, a key check value, and what went in and came out, so reveal can
 * take its options from it and refuse a wrong key instead of inventing
 * other numbers. */
#ifndef DKCPR_CLI_MANIFEST_H
#define DKCPR_CLI_MANIFEST_H

#include <stddef.h>
#include <stdint.h>

#include "input.h"

#define MANIFEST_VERSION 1
/* Hex characters of the key check value (64 bits of an HMAC). */
#define MANIFEST_KEY_CHECK_HEX 16

/* What decides which numbers are replaced and how. */
typedef struct manifest_mapping {
  dkcpr_wash_mode mode, fallback;
  char *context; /* bytes; may hold any byte */
  size_t context_len;
  unsigned int keep;
  int never_real, nine_digits;
  uint64_t token_chars;
  char *placeholder;
  dkcpr_policy policy;
  dkcpr_confidence min_confidence;
  char known_dates_sha256[65]; /* "" without a known-dates file */
  char *encoding;              /* NULL: detected */
  cli_binary binary;
  char *structure;             /* --format: "auto", "text", "csv", ... */
  char *cpr_fields;            /* --cpr-field names, comma-separated; NULL for none */
  char *rules;                 /* --rules: the file's text; NULL for none */
  size_t rules_len;
} manifest_mapping;

typedef struct manifest_part {
  char *name;
  char *format;    /* "gzip, UTF-16LE text" */
  char *structure; /* inputs: the structure washed by ("csv"); NULL otherwise */
  uint64_t bytes;
  char sha256[65];
  uint64_t found, replaced, irreversible, unchanged;
} manifest_part;

typedef struct manifest {
  manifest_mapping map;
  char key_check[MANIFEST_KEY_CHECK_HEX + 1]; /* "" for keyless modes */
  manifest_part *inputs;
  size_t n_inputs;
  manifest_part output; /* name NULL: standard output */
} manifest;

/* The key check value: an HMAC-SHA-256 of a fixed label under the key,
 * which tells keys apart and reveals nothing about them. */
void manifest_key_check(const uint8_t key[DKCPR_KEY_BYTES],
                        char out[MANIFEST_KEY_CHECK_HEX + 1]);

/* Each returns 0 or an exit code after a message. */
int manifest_write(const char *cmd, const char *path, const manifest *m);
int manifest_read(const char *cmd, const char *path, manifest *m);
void manifest_free(manifest *m);

/* Names of the values, as the command line spells them. */
const char *manifest_mode_name(dkcpr_wash_mode m);
const char *manifest_binary_name(cli_binary b);

#endif /* DKCPR_CLI_MANIFEST_H */
