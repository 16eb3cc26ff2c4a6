/* SPDX-License-Identifier: Apache-2.0 */
/* Converting between an input's charset and UTF-8 with ICU converters.
 * Conversion stops at the first byte or character the other side cannot
 * hold: a substituted character would change the text, and reveal could
 * then no longer restore it byte for byte. */
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>

#include "stream.h"

#define CBUF (64u * 1024u)

typedef struct conv {
  UConverter *from, *to;
  UChar pivot[1024];
  UChar *pivot_source, *pivot_target;
  unsigned long long consumed; /* input bytes taken so far, for messages */
} conv;

static int conv_open(conv *c, const char *from, const char *to) {
  UErrorCode err = U_ZERO_ERROR;
  c->from = ucnv_open(from, &err);
  if (U_SUCCESS(err))
    c->to = ucnv_open(to, &err);
  if (U_SUCCESS(err))
    ucnv_setToUCallBack(c->from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
  if (U_SUCCESS(err))
    ucnv_setFromUCallBack(c->to, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
  c->pivot_source = c->pivot_target = c->pivot;
  return U_SUCCESS(err) ? 0 : -1;
}

static void conv_close(conv *c) {
  if (c->from)
    ucnv_close(c->from);
  if (c->to)
    ucnv_close(c->to);
}

/* Convert from *src toward out; advances both. Returns the ICU status with
 * a full output buffer (U_BUFFER_OVERFLOW_ERROR) counted as success. */
static UErrorCode conv_run(conv *c, char **out, char *out_end, const char **src,
                           const char *src_end, int flush) {
  UErrorCode err = U_ZERO_ERROR;
  const char *start = *src;
  ucnv_convertEx(c->to, c->from, out, out_end, src, src_end, c->pivot,
                 &c->pivot_source, &c->pivot_target, c->pivot + 1024, 0,
                 (UBool)flush, &err);
  c->consumed += (unsigned long long)(*src - start);
  return err == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : err;
}

int charset_check(const char *charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter *c = ucnv_open(charset, &err);
  if (c)
    ucnv_close(c);
  return U_SUCCESS(err) && err != U_AMBIGUOUS_ALIAS_WARNING ? 0 : -1;
}

int charset_is_utf8(const char *charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter *c = ucnv_open(charset, &err);
  int utf8 = U_SUCCESS(err) && strcmp(ucnv_getName(c, &err), "UTF-8") == 0;
  if (c)
    ucnv_close(c);
  return utf8;
}

typedef struct cdec {
  in_layer base;
  conv c;
  const char *charset;
  int in_eof, flushed;
  size_t in_len, in_pos;
  char in[CBUF];
} cdec;

static long cdec_pull(in_layer *self, char *out, size_t cap) {
  cdec *d = (cdec *)self;
  for (;;) {
    if (d->in_pos == d->in_len && !d->in_eof) {
      long n = d->base.below->pull(d->base.below, d->in, sizeof d->in);
      if (n < 0)
        return -1;
      d->in_len = (size_t)n;
      d->in_pos = 0;
      d->in_eof = n == 0;
    }
    if (d->flushed)
      return 0;
    char *o = out;
    const char *s = d->in + d->in_pos;
    UErrorCode err = conv_run(&d->c, &o, out + cap, &s, d->in + d->in_len, d->in_eof);
    d->in_pos = (size_t)(s - d->in);
    if (U_FAILURE(err)) {
      cli_error(d->base.names->cmd, "'%s' is not valid %s near byte %llu (%s); "
                "give its encoding with --encoding", d->base.names->input,
                d->charset, d->c.consumed, u_errorName(err));
      return -1;
    }
    if (d->in_eof && d->in_pos == d->in_len && o < out + cap)
      d->flushed = 1; /* everything converted, the converter flushed */
    if (o > out)
      return (long)(o - out);
  }
}

static void cdec_destroy(in_layer *self) {
  cdec *d = (cdec *)self;
  conv_close(&d->c);
  free(d);
}

in_layer *charset_decoder_new(const char *charset, in_layer *below,
                              const stream_names *names) {
  cdec *d = calloc(1, sizeof *d);
  if (!d) {
    cli_error(names->cmd, "out of memory");
    return NULL;
  }
  d->charset = charset;
  d->base.pull = cdec_pull;
  d->base.destroy = cdec_destroy;
  d->base.below = below;
  d->base.names = names;
  if (conv_open(&d->c, charset, "UTF-8") != 0) {
    cli_error(names->cmd, "no converter for the encoding '%s'", charset);
    d->base.below = NULL;
    cdec_destroy(&d->base);
    return NULL;
  }
  return &d->base;
}

typedef struct cenc {
  out_layer base;
  conv c;
  const char *charset;
  char out[CBUF];
} cenc;

static int cenc_run(cenc *e, const char *buf, size_t len, int flush) {
  const char *s = buf, *end = buf + len;
  for (;;) {
    char *o = e->out;
    UErrorCode err = conv_run(&e->c, &o, e->out + sizeof e->out, &s, end, flush);
    if (U_FAILURE(err)) {
      cli_error(e->base.names->cmd, "the washed text of '%s' cannot be written "
                "in %s (%s)", e->base.names->input, e->charset, u_errorName(err));
      return CLI_EXIT_OUTPUT;
    }
    if (o > e->out) {
      int rc = e->base.below->push(e->base.below, e->out, (size_t)(o - e->out));
      if (rc)
        return rc;
    }
    if (s == end && o < e->out + sizeof e->out)
      return 0;
  }
}

static int cenc_push(out_layer *self, const char *buf, size_t len) {
  return len ? cenc_run((cenc *)self, buf, len, 0) : 0;
}

static int cenc_finish(out_layer *self) {
  int rc = cenc_run((cenc *)self, "", 0, 1);
  return rc ? rc : self->below->finish(self->below);
}

static void cenc_destroy(out_layer *self) {
  cenc *e = (cenc *)self;
  conv_close(&e->c);
  free(e);
}

out_layer *charset_encoder_new(const char *charset, out_layer *below,
                               const stream_names *names) {
  cenc *e = calloc(1, sizeof *e);
  if (!e) {
    cli_error(names->cmd, "out of memory");
    return NULL;
  }
  e->charset = charset;
  e->base.push = cenc_push;
  e->base.finish = cenc_finish;
  e->base.destroy = cenc_destroy;
  e->base.below = below;
  e->base.names = names;
  if (conv_open(&e->c, "UTF-8", charset) != 0) {
    cli_error(names->cmd, "no converter for the encoding '%s'", charset);
    e->base.below = NULL;
    cenc_destroy(&e->base);
    return NULL;
  }
  return &e->base;
}
