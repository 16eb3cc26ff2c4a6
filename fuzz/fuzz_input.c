/* SPDX-License-Identifier: Apache-2.0 */
/* The command's input decoding: classification by the first bytes, the
 * decompressors (an input that is not a valid stream must fail cleanly),
 * and the charset converters, which must give back every byte they read
 * when text is decoded and encoded again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stream.h"

void cli_error(const char *cmd, const char *fmt, ...) { (void)cmd, (void)fmt; }
void cli_warn(const char *cmd, const char *fmt, ...) { (void)cmd, (void)fmt; }

#define MAX_OUT (4u << 20) /* a decompression bomb stops here */

typedef struct mem_in {
  in_layer base;
  const uint8_t *p;
  size_t len, pos, step;
} mem_in;

/* Hands out the bytes in small, varying pieces, as pipes do. */
static long mem_pull(in_layer *self, char *buf, size_t cap) {
  mem_in *m = (mem_in *)self;
  size_t n = m->len - m->pos;
  if (n > cap)
    n = cap;
  if (n > m->step)
    n = m->step;
  memcpy(buf, m->p + m->pos, n);
  m->pos += n;
  m->step = m->step * 7 % 4093 + 1;
  return (long)n;
}

static void mem_destroy(in_layer *self) { (void)self; }

typedef struct mem_out {
  out_layer base;
  uint8_t *p;
  size_t len;
} mem_out;

static int mem_push(out_layer *self, const char *buf, size_t len) {
  mem_out *m = (mem_out *)self;
  if (m->len + len > MAX_OUT * 2)
    return 1;
  memcpy(m->p + m->len, buf, len);
  m->len += len;
  return 0;
}

static int mem_finish(out_layer *self) { (void)self; return 0; }
static void mem_destroy_out(out_layer *self) { (void)self; }

static const stream_names names = {"fuzz", "input"};

/* All of l's output, up to MAX_OUT bytes; -1 on a decoding error. */
static long drain(in_layer *l, uint8_t *out) {
  return in_layer_read_full(l, (char *)out, MAX_OUT);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const charsets[] = {"UTF-16LE", "UTF-16BE", "UTF-32LE",
                                         "UTF-32BE", "windows-1252"};
  static uint8_t *decoded, *encoded;
  if (!decoded && !(decoded = malloc(MAX_OUT)))
    return 0;
  if (!encoded && !(encoded = malloc(MAX_OUT * 2)))
    return 0;

  dkcpr_sniffed sn;
  sn.version = DKCPR_SNIFFED_VERSION;
  if (dkcpr_sniff(&sn, data, size, 1) != DKCPR_OK)
    abort();
  if ((sn.kind == DKCPR_SNIFF_CONTAINER || sn.kind == DKCPR_SNIFF_BINARY) !=
      (sn.what != NULL && sn.way_out != NULL))
    abort(); /* what is not text is named, with the way out */
  if (sn.kind != DKCPR_SNIFF_TEXT && sn.charset)
    abort();

  mem_in src = {{mem_pull, mem_destroy, NULL, &names}, data, size, 0, 1};
  dkcpr_compression c = sn.compression;
  if (sn.kind == DKCPR_SNIFF_COMPRESSED) {
    in_layer *z = decompressor_new(c, &src.base, &names);
    if (z) {
      (void)drain(z, decoded);
      z->below = NULL;
      in_layer_free(z);
    }
    return 0;
  }

  /* Decode with a charset (the detected one, else one the input picks),
   * encode again: the bytes must come back unchanged. */
  const char *charset = sn.charset ? sn.charset
                                     : charsets[size ? data[0] % 5 : 0];
  in_layer *dec = charset_decoder_new(charset, &src.base, &names);
  if (!dec)
    return 0;
  long n = drain(dec, decoded);
  dec->below = NULL;
  in_layer_free(dec);
  if (n < 0 || (size_t)n >= MAX_OUT)
    return 0;
  mem_out sink = {{mem_push, mem_finish, mem_destroy_out, NULL, &names}, encoded, 0};
  out_layer *enc = charset_encoder_new(charset, &sink.base, &names);
  if (!enc)
    return 0;
  /* In two pieces, cut anywhere, even inside a character. */
  size_t cut = size ? data[size - 1] * (size_t)n / 255 : 0;
  if (enc->push(enc, (const char *)decoded, cut) != 0 ||
      enc->push(enc, (const char *)decoded + cut, (size_t)n - cut) != 0 ||
      enc->finish(enc) != 0)
    abort(); /* what was decoded can always be encoded again */
  enc->below = NULL;
  out_layer_free(enc);
  if (sink.len != size || memcmp(sink.p, data, size) != 0)
    abort();
  return 0;
}
