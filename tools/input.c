/* SPDX-License-Identifier: Apache-2.0 */
/* Opening, classifying and reading inputs (see input.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

/* The file itself. Its first DKCPR_SNIFF_BYTES bytes are read ahead so the
 * compression can be told before anything is decoded. */
typedef struct raw_layer {
  in_layer base;
  int fd;
  cli_digest *digest;
  size_t len, pos;
  char head[DKCPR_SNIFF_BYTES];
} raw_layer;

static long raw_pull(in_layer *self, char *buf, size_t cap) {
  raw_layer *r = (raw_layer *)self;
  if (r->pos < r->len) {
    size_t n = r->len - r->pos < cap ? r->len - r->pos : cap;
    memcpy(buf, r->head + r->pos, n);
    r->pos += n;
    cli_digest_update(r->digest, buf, n);
    return (long)n;
  }
  for (;;) {
    ssize_t n = read(r->fd, buf, cap);
    if (n >= 0) {
      cli_digest_update(r->digest, buf, (size_t)n);
      return (long)n;
    }
    if (errno != EINTR) {
      cli_error(self->names->cmd, "cannot read '%s': %s", self->names->input,
                strerror(errno));
      return -1;
    }
  }
}

static void free_self(in_layer *self) { free(self); }

/* The decoded head, classified, then handed on before the rest. */
typedef struct head_layer {
  in_layer base;
  size_t len, pos;
  int eof; /* the head is the whole stream */
  char head[DKCPR_SNIFF_BYTES];
} head_layer;

static long head_pull(in_layer *self, char *buf, size_t cap) {
  head_layer *h = (head_layer *)self;
  if (h->pos < h->len) {
    size_t n = h->len - h->pos < cap ? h->len - h->pos : cap;
    memcpy(buf, h->head + h->pos, n);
    h->pos += n;
    return (long)n;
  }
  return h->eof ? 0 : self->below->pull(self->below, buf, cap);
}

static int refuse(cli_input *in, const cli_input_opts *opts, const dkcpr_sniffed *sn) {
  char what[96];
  if (sn->kind == DKCPR_SNIFF_BINARY)
    snprintf(what, sizeof what, "%s (byte %zu is not text)", sn->what, sn->binary_at);
  else
    snprintf(what, sizeof what, "%s", sn->what);
  char inside[64] = "";
  if (in->compression != DKCPR_COMPRESSION_NONE)
    snprintf(inside, sizeof inside, " inside %s", dkcpr_compression_name(in->compression));
  if (opts->binary == CLI_BINARY_PASS) {
    cli_warn(in->names.cmd, "'%s' is %s%s: copied unchanged, NOT washed (--binary=pass)",
             in->names.input, what, inside);
    in->untouched = 1;
    return 0;
  }
  if (opts->binary == CLI_BINARY_SKIP) {
    cli_warn(in->names.cmd, "'%s' is %s%s: skipped, NOT scanned (--binary=skip)",
             in->names.input, what, inside);
    in->untouched = 1;
    return 0;
  }
  int scan = strcmp(in->names.cmd, "scan") == 0;
  if (opts->binary == CLI_BINARY_WASH) {
    cli_warn(in->names.cmd, "'%s' is %s%s: %s its bytes as text (--binary=%s)",
             in->names.input, what, inside, scan ? "scanning" : "washing",
             scan ? "scan" : "wash");
    return 0;
  }
  cli_error(in->names.cmd, "'%s' is %s%s and cannot be %s as text: %s",
            in->names.input, what, inside,
            scan ? "scanned" : "washed", sn->way_out);
  return CLI_EXIT_INPUT;
}

int cli_input_open(cli_input **out, const char *cmd, const char *path,
                   const cli_input_opts *opts) {
  *out = NULL;
  cli_input *in = calloc(1, sizeof *in);
  raw_layer *raw = calloc(1, sizeof *raw);
  head_layer *head = calloc(1, sizeof *head);
  if (!in || !raw || !head) {
    cli_error(cmd, "out of memory");
    free(in);
    free(raw);
    free(head);
    return CLI_EXIT_INTERNAL;
  }
  in->names.cmd = cmd;
  in->names.input = cli_input_name(path);
  int err = cli_open_input(path, &in->fd);
  if (err) {
    cli_error(cmd, "cannot open '%s': %s", path, strerror(err));
    free(in);
    free(raw);
    free(head);
    return CLI_EXIT_INPUT;
  }
  raw->base = (in_layer){raw_pull, free_self, NULL, &in->names};
  raw->fd = in->fd;
  raw->digest = &in->digest;
  head->base = (in_layer){head_pull, free_self, &raw->base, &in->names};
  in->top = &head->base;
  int rc = CLI_EXIT_INPUT;
  if (opts->digest && cli_digest_init(&in->digest) != 0) {
    cli_error(cmd, "cannot start SHA-256");
    rc = CLI_EXIT_INTERNAL;
    goto fail;
  }

  long n = cli_read_full(in->fd, raw->head, sizeof raw->head);
  if (n < 0) {
    cli_error(cmd, "cannot read '%s': %s", in->names.input, strerror(errno));
    goto fail;
  }
  raw->len = (size_t)n;
  dkcpr_sniffed sn;
  sn.version = DKCPR_SNIFFED_VERSION;
  dkcpr_sniff(&sn, raw->head, raw->len, raw->len < sizeof raw->head);
  in->compression = sn.compression;
  if (in->compression != DKCPR_COMPRESSION_NONE) {
    in_layer *z = decompressor_new(in->compression, &raw->base, &in->names);
    if (!z)
      goto fail;
    head->base.below = z;
  }
  n = in_layer_read_full(head->base.below, head->head, sizeof head->head);
  if (n < 0)
    goto fail;
  head->len = (size_t)n;
  head->eof = head->len < sizeof head->head;
  dkcpr_sniff(&sn, head->head, head->len, head->eof);
  if (in->compression != DKCPR_COMPRESSION_NONE && sn.kind == DKCPR_SNIFF_COMPRESSED) {
    cli_error(cmd, "'%s' is compressed twice (%s inside %s): decompress it once first",
              in->names.input, dkcpr_compression_name(sn.compression),
              dkcpr_compression_name(in->compression));
    goto fail;
  }
  in->charset = sn.charset;
  in->not_text = sn.kind == DKCPR_SNIFF_TEXT ? NULL : sn.what;
  /* The user's encoding wins over the guess, but not over a container's
   * magic number. */
  if (opts->encoding && sn.kind != DKCPR_SNIFF_CONTAINER) {
    in->not_text = NULL;
    in->charset = charset_is_utf8(opts->encoding) ? NULL : opts->encoding;
  }
  if (in->not_text) {
    if ((rc = refuse(in, opts, &sn)) != 0)
      goto fail;
    in->charset = NULL; /* bytes as they are */
  }
  if (in->charset && !in->untouched) {
    in_layer *c = charset_decoder_new(in->charset, in->top, &in->names);
    if (!c) {
      rc = CLI_EXIT_INTERNAL;
      goto fail;
    }
    in->top = c;
  }
  *out = in;
  return 0;
fail:
  cli_digest_free(&in->digest);
  in_layer_free(in->top);
  if (in->fd != STDIN_FILENO)
    close(in->fd);
  free(in);
  return rc;
}

long cli_input_read(cli_input *in, char *buf, size_t cap) {
  return in_layer_read_full(in->top, buf, cap);
}

void cli_input_close(cli_input *in) {
  if (!in)
    return;
  in_layer_free(in->top);
  cli_digest_free(&in->digest);
  if (in->fd != STDIN_FILENO)
    close(in->fd);
  free(in);
}

void cli_input_describe(const cli_input *in, char *buf, size_t cap) {
  const char *what = in->not_text ? in->not_text : in->charset ? in->charset : "UTF-8";
  if (in->compression != DKCPR_COMPRESSION_NONE)
    snprintf(buf, cap, "%s, %s%s", dkcpr_compression_name(in->compression), what,
             in->not_text ? "" : " text");
  else
    snprintf(buf, cap, "%s%s", what, in->not_text ? "" : " text");
}

/* The end of every output chain: the output file or standard output. */
typedef struct file_sink {
  out_layer base;
  cli_out *out;
  cli_digest *digest;
} file_sink;

static int file_push(out_layer *self, const char *buf, size_t len) {
  file_sink *f = (file_sink *)self;
  cli_digest_update(f->digest, buf, len);
  return cli_out_write(f->out, self->names->cmd, buf, len);
}

static int file_finish(out_layer *self) {
  (void)self;
  return 0; /* committed once, after every input */
}

static void file_destroy(out_layer *self) { free(self); }

out_layer *cli_input_sink(const cli_input *in, cli_out *out, int recompress,
                          cli_digest *digest) {
  file_sink *f = calloc(1, sizeof *f);
  if (!f) {
    cli_error(in->names.cmd, "out of memory");
    return NULL;
  }
  f->base = (out_layer){file_push, file_finish, file_destroy, NULL, &in->names};
  f->out = out;
  f->digest = digest;
  out_layer *top = &f->base;
  if (recompress && in->compression != DKCPR_COMPRESSION_NONE) {
    out_layer *z = compressor_new(in->compression, top, &in->names);
    if (!z)
      goto fail;
    top = z;
  }
  if (in->charset && !in->untouched) {
    out_layer *c = charset_encoder_new(in->charset, top, &in->names);
    if (!c)
      goto fail;
    top = c;
  }
  return top;
fail:
  out_layer_free(top);
  return NULL;
}
