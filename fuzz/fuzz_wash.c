/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the washer: washing in random chunks gives the one-piece output, a
 * pseudonym wash leaves no number unchanged and keeps the length unless it
 * had to replace a number irreversibly, and revealing a pseudonym wash
 * restores every number it replaced reversibly: the input byte for byte
 * when all were. */
#include <stdlib.h>
#include <string.h>

#include "dkcpr.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t fuzz_key[DKCPR_KEY_BYTES] = {
    0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15,
    0x88, 0x09, 0xcf, 0x4f, 0x3c, 0xef, 0x43, 0x59, 0x66, 0x98, 0x2c,
    0x6f, 0x94, 0x3d, 0x0b, 0x15, 0x10, 0x8c, 0x01, 0x23, 0x45};

/* Numbers the last wash() replaced irreversibly. */
static uint64_t last_irreversible;

typedef struct buffer {
  char *data;
  size_t len;
} buffer;

/* Wash text in chunks chosen by chunker (NULL: one piece) into out. */
static void wash(buffer *out, dkcpr_wash_stats *stats,
                 const dkcpr_pseudonymizer *p, const dkcpr_scan_options *so,
                 const dkcpr_wash_options *opts,
                 const char *text, size_t len, fuzz_chunker *chunker) {
  dkcpr_washer *w = NULL;
  size_t off = 0, cap = 64, n, wrote;
  FUZZ_CHECK(dkcpr_washer_new(&w, p, so, opts) == DKCPR_OK);
  out->len = 0;
  out->data = malloc(cap);
  FUZZ_CHECK(out->data != NULL);
  do {
    size_t need;
    n = chunker ? fuzz_next_chunk(chunker, len - off) : len;
    need = dkcpr_washer_bound(w, n);
    if (out->len + need > cap) {
      cap = 2 * (out->len + need);
      out->data = realloc(out->data, cap);
      FUZZ_CHECK(out->data != NULL);
    }
    wrote = 0;
    FUZZ_CHECK(dkcpr_washer_feed(out->data + out->len, need, &wrote, w, text + off, n) == DKCPR_OK);
    FUZZ_CHECK(wrote <= need);
    out->len += wrote;
    off += n;
  } while (off < len);
  n = dkcpr_washer_bound(w, 0);
  if (out->len + n + 1 > cap) {
    cap = out->len + n + 1;
    out->data = realloc(out->data, cap);
    FUZZ_CHECK(out->data != NULL);
  }
  wrote = 0;
  FUZZ_CHECK(dkcpr_washer_finish(out->data + out->len, n, &wrote, w) ==
             DKCPR_OK);
  FUZZ_CHECK(wrote <= n);
  out->len += wrote;
  stats->version = DKCPR_WASH_STATS_VERSION;
  FUZZ_CHECK(dkcpr_washer_stats(stats, w) == DKCPR_OK);
  last_irreversible = stats->irreversible;
  FUZZ_CHECK(stats->bytes_in == len && stats->bytes_out == out->len);
  dkcpr_washer_free(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  unsigned choice = fuzz_take_byte(&in);
  unsigned keep_choice = fuzz_take_byte(&in);
  fuzz_chunker chunker;
  const dkcpr_pseudonymizer *p;
  dkcpr_scan_options so;
  dkcpr_wash_options opts;
  dkcpr_wash_stats one_stats, chunk_stats, back_stats;
  buffer one, chunked, back, again;
  uint64_t irreversible;
  const char *text;
  unsigned keep = keep_choice & 0x7u;
  unsigned flags = (keep_choice & 0x8u) ? DKCPR_NEVER_REAL : 0;

  chunker.state = fuzz_take_byte(&in) | fuzz_take_byte(&in) << 8 |
                  (uint32_t)fuzz_take_byte(&in) << 16;
  text = (const char *)in.data;

  p = fuzz_pseudonymizer(fuzz_key, keep, flags);
  if (p == NULL) return 0; /* a keep combination the engine refuses */
  FUZZ_CHECK(dkcpr_wash_options_init(&opts, DKCPR_WASH_OPTIONS_VERSION) ==
             DKCPR_OK);
  opts.mode = (dkcpr_wash_mode)(choice & 3u);
  FUZZ_CHECK(dkcpr_scan_options_init(&so, DKCPR_SCAN_OPTIONS_VERSION) ==
             DKCPR_OK);
  so.policy = (dkcpr_policy)(((choice >> 2) & 3u) % 3u);
  if (choice & 0x10u) so.flags |= DKCPR_SCAN_NINE_DIGITS;
  so.min_confidence = (dkcpr_confidence)(1 + ((choice >> 5) & 3u) % 3u);

  wash(&one, &one_stats, p, &so, &opts, text, in.size, NULL);
  irreversible = last_irreversible;
  wash(&chunked, &chunk_stats, p, &so, &opts, text, in.size, &chunker);
  FUZZ_CHECK(one.len == chunked.len &&
             memcmp(one.data, chunked.data, one.len) == 0);
  FUZZ_CHECK(memcmp(&one_stats, &chunk_stats, sizeof one_stats) == 0);
  FUZZ_CHECK(last_irreversible == irreversible);
  if (opts.mode == DKCPR_WASH_PSEUDONYM) {
    FUZZ_CHECK(one_stats.failed == 0); /* nothing found is left as it was */
    /* Same length, unless a number got the fallback token. */
    if (irreversible == 0)
      FUZZ_CHECK(one.len == in.size);
  } else {
    FUZZ_CHECK(irreversible == 0);
  }

  if (opts.mode == DKCPR_WASH_PSEUDONYM) {
    dkcpr_confidence min = so.min_confidence;
    opts.mode = DKCPR_WASH_REVEAL;
    wash(&back, &back_stats, p, &so, &opts, one.data, one.len, NULL);
    if (irreversible == 0) {
      FUZZ_CHECK(back.len == in.size && memcmp(back.data, text, in.size) == 0);
    } else if (min == DKCPR_CONFIDENCE_LOW) {
      /* Reveal left the tokens alone: washing its output again gives the
       * same wash (at low, which numbers are found does not depend on the
       * words around them). */
      opts.mode = DKCPR_WASH_PSEUDONYM;
      wash(&again, &back_stats, p, &so, &opts, back.data, back.len, NULL);
      FUZZ_CHECK(again.len == one.len && memcmp(again.data, one.data, one.len) == 0);
      free(again.data);
    }
    free(back.data);
  }
  free(one.data);
  free(chunked.data);
  return 0;
}
