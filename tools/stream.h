/* SPDX-License-Identifier: Apache-2.0 */
/* Byte streams in layers: an input is read through a decompressor and a
 * charset decoder, and the washed text is written back through the same
 * layers in reverse, so the output has the input's encoding and compression.
 * Every layer reports its own failures (one message naming the input) and
 * returns a CLI exit code. */
#ifndef DKCPR_CLI_STREAM_H
#define DKCPR_CLI_STREAM_H

#include <stddef.h>

#include "cli.h"

/* What messages name: the subcommand and the input. */
typedef struct stream_names {
  const char *cmd;
  const char *input;
} stream_names;

typedef struct in_layer in_layer;
struct in_layer {
  /* Up to cap bytes into buf: returns bytes (> 0), 0 at the end, or -1
   * after a message. */
  long (*pull)(in_layer *self, char *buf, size_t cap);
  void (*destroy)(in_layer *self);
  in_layer *below;
  const stream_names *names;
};

typedef struct out_layer out_layer;
struct out_layer {
  /* Each returns 0 or an exit code after a message. finish flushes this
   * layer, then finishes the one below. */
  int (*push)(out_layer *self, const char *buf, size_t len);
  int (*finish)(out_layer *self);
  void (*destroy)(out_layer *self);
  out_layer *below;
  const stream_names *names;
};

/* Fill buf from l until cap bytes or the end: bytes read, or -1 after a
 * message. */
long in_layer_read_full(in_layer *l, char *buf, size_t cap);

/* Free a whole chain (NULL is a no-op). */
void in_layer_free(in_layer *l);
void out_layer_free(out_layer *l);

/* Decompression and compression (compression.c). NULL when out of memory
 * or the library fails, after a message. */
in_layer *decompressor_new(dkcpr_compression c, in_layer *below,
                           const stream_names *names);
out_layer *compressor_new(dkcpr_compression c, out_layer *below,
                          const stream_names *names);

/* Conversion between a charset and UTF-8 with ICU (charset.c); invalid
 * input is an error, never replaced. */
in_layer *charset_decoder_new(const char *charset, in_layer *below,
                              const stream_names *names);
out_layer *charset_encoder_new(const char *charset, out_layer *below,
                               const stream_names *names);
/* 0 when ICU has a converter of that name. */
int charset_check(const char *charset);
/* Whether the name is an alias of UTF-8 (read without conversion). */
int charset_is_utf8(const char *charset);

#endif /* DKCPR_CLI_STREAM_H */
