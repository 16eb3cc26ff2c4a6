/* SPDX-License-Identifier: Apache-2.0 */
/* An input opened for washing or scanning: classified by its first bytes,
 * then read as UTF-8 text through its decompressor and charset decoder.
 * The output side mirrors it, so washed text goes back in the input's
 * encoding and compression. */
#ifndef DKCPR_CLI_INPUT_H
#define DKCPR_CLI_INPUT_H

#include "stream.h"

/* What to do with an input that is not text (a container or binary). */
typedef enum cli_binary {
  CLI_BINARY_ERROR = 0, /* refuse it: an error naming the way out */
  CLI_BINARY_PASS,      /* copy it unchanged, counted as not washed */
  CLI_BINARY_WASH,      /* wash its bytes as if they were text */
  CLI_BINARY_SKIP       /* scan only: leave it out, named on standard error */
} cli_binary;

typedef struct cli_input_opts {
  cli_binary binary;
  const char *encoding; /* ICU converter name overriding detection, or NULL */
  int digest;           /* keep a SHA-256 of the input's bytes as stored */
} cli_input_opts;

/* A running SHA-256 and byte count (manifest.c). */
typedef struct cli_digest {
  void *md; /* EVP_MD_CTX; NULL when not kept */
  uint64_t bytes;
} cli_digest;
int cli_digest_init(cli_digest *d);
void cli_digest_update(cli_digest *d, const void *buf, size_t len);
/* Hex digest into out, "" when not kept; frees the context. */
void cli_digest_final(cli_digest *d, char out[65]);
void cli_digest_free(cli_digest *d);

typedef struct cli_input {
  stream_names names;
  dkcpr_compression compression;
  const char *charset;              /* NULL: UTF-8 */
  const char *not_text;             /* what it is, when not text (--binary=pass/wash/skip) */
  int untouched;                    /* pass or skip: not washed, not scanned */
  in_layer *top;
  int fd;
  cli_digest digest;                /* of the bytes as stored (opts->digest) */
} cli_input;

/* Open and classify path ("-": standard input). Returns 0, or
 * CLI_EXIT_INPUT after a message (also for a refused container). */
int cli_input_open(cli_input **out, const char *cmd, const char *path,
                   const cli_input_opts *opts);
/* Read until cap bytes or the end: bytes read, or -1 after a message. */
long cli_input_read(cli_input *in, char *buf, size_t cap);
void cli_input_close(cli_input *in);
/* "gzip, UTF-16LE text" and the like, for summaries. */
void cli_input_describe(const cli_input *in, char *buf, size_t cap);

/* The output chain for this input's washed text, ending in out: charset
 * encoder, then compressor when recompress is set; digest (may be NULL)
 * takes every byte written to out. NULL after a message. */
out_layer *cli_input_sink(const cli_input *in, cli_out *out, int recompress,
                          cli_digest *digest);

#endif /* DKCPR_CLI_INPUT_H */
