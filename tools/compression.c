/* SPDX-License-Identifier: Apache-2.0 */
/* Streaming decompression and compression with zlib, libzstd, liblzma and
 * libbz2. Decoders accept concatenated streams (as gzip, zstd, xz and bzip2
 * do) and treat input that ends inside a stream as an error, so a cut file
 * is never washed as if it were whole. Encoders use each tool's default
 * level. */
#include <bzlib.h>
#include <lzma.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "stream.h"

#define ZBUF (64u * 1024u)
/* Memory an xz stream may ask for (xz -9 needs 65 MiB); zstd's decoder
 * keeps its own limit (a 128 MiB window). */
#define XZ_MEMLIMIT ((uint64_t)256 << 20)
#define XZ_MEMLIMIT_TEXT "256 MiB"

typedef struct zdec {
  in_layer base;
  dkcpr_compression kind;
  z_stream z;
  ZSTD_DStream *zs;
  lzma_stream lz;
  bz_stream bz;
  int ended;    /* the last stream ended exactly where the input stands */
  int in_eof;
  size_t in_len, in_pos;
  unsigned long long in_total; /* compressed bytes consumed, for messages */
  char in[ZBUF];
} zdec;

static long zdec_fail(zdec *d, const char *why) {
  cli_error(d->base.names->cmd, "cannot decompress '%s' (%s): %s",
            d->base.names->input, dkcpr_compression_name(d->kind), why);
  return -1;
}

/* One decoding step from d->in[in_pos..in_len) into out; returns bytes
 * produced or -1 after a message. Sets d->ended when a stream finished. */
static long zdec_step(zdec *d, char *out, size_t cap) {
  const unsigned char *src = (const unsigned char *)d->in + d->in_pos;
  size_t avail = d->in_len - d->in_pos, used = 0, made = 0;
  if (d->ended && avail) {
    /* More bytes after a finished stream: the next stream starts. */
    int reset_failed = 0;
    if (d->kind == DKCPR_COMPRESSION_GZIP)
      reset_failed = inflateReset(&d->z) != Z_OK;
    else if (d->kind == DKCPR_COMPRESSION_BZIP2)
      reset_failed = BZ2_bzDecompressEnd(&d->bz) != BZ_OK ||
                     BZ2_bzDecompressInit(&d->bz, 0, 0) != BZ_OK;
    if (reset_failed)
      return zdec_fail(d, "the library failed");
    d->ended = 0;
  }
  switch (d->kind) {
  case DKCPR_COMPRESSION_GZIP: {
    d->z.next_in = (Bytef *)src;
    d->z.avail_in = (uInt)avail;
    d->z.next_out = (Bytef *)out;
    d->z.avail_out = (uInt)cap;
    int r = inflate(&d->z, Z_NO_FLUSH);
    used = avail - d->z.avail_in;
    made = cap - d->z.avail_out;
    if (r == Z_STREAM_END)
      d->ended = 1;
    else if (r != Z_OK && r != Z_BUF_ERROR)
      return zdec_fail(d, d->z.msg ? d->z.msg : "corrupt data");
    break;
  }
  case DKCPR_COMPRESSION_ZSTD: {
    ZSTD_inBuffer ib = {src, avail, 0};
    ZSTD_outBuffer ob = {out, cap, 0};
    size_t r = ZSTD_decompressStream(d->zs, &ob, &ib);
    if (ZSTD_isError(r))
      return zdec_fail(d, ZSTD_getErrorName(r));
    used = ib.pos;
    made = ob.pos;
    d->ended = r == 0;
    break;
  }
  case DKCPR_COMPRESSION_XZ: {
    d->lz.next_in = src;
    d->lz.avail_in = avail;
    d->lz.next_out = (uint8_t *)out;
    d->lz.avail_out = cap;
    lzma_ret r = lzma_code(&d->lz, d->in_eof ? LZMA_FINISH : LZMA_RUN);
    used = avail - d->lz.avail_in;
    made = cap - d->lz.avail_out;
    if (r == LZMA_STREAM_END)
      d->ended = 1;
    else if (r == LZMA_BUF_ERROR && d->in_eof)
      return zdec_fail(d, "the input ends inside a stream");
    else if (r == LZMA_MEMLIMIT_ERROR)
      return zdec_fail(d, "it needs more than " XZ_MEMLIMIT_TEXT " of memory to decode");
    else if (r != LZMA_OK && r != LZMA_BUF_ERROR)
      return zdec_fail(d, r == LZMA_MEM_ERROR ? "out of memory" : "corrupt data");
    break;
  }
  case DKCPR_COMPRESSION_BZIP2: {
    d->bz.next_in = (char *)src;
    d->bz.avail_in = (unsigned)avail;
    d->bz.next_out = out;
    d->bz.avail_out = (unsigned)cap;
    int r = BZ2_bzDecompress(&d->bz);
    used = avail - d->bz.avail_in;
    made = cap - d->bz.avail_out;
    if (r == BZ_STREAM_END)
      d->ended = 1;
    else if (r != BZ_OK)
      return zdec_fail(d, r == BZ_MEM_ERROR ? "out of memory" : "corrupt data");
    break;
  }
  case DKCPR_COMPRESSION_NONE:
    break;
  }
  d->in_pos += used;
  d->in_total += used;
  if (!made && !used && !d->ended && d->in_pos == d->in_len && d->in_eof)
    return zdec_fail(d, "the input ends inside a stream");
  if (!made && !used && d->in_pos < d->in_len && !d->ended)
    return zdec_fail(d, "corrupt data");
  return (long)made;
}

static long zdec_pull(in_layer *self, char *out, size_t cap) {
  zdec *d = (zdec *)self;
  if (cap > (size_t)1 << 30)
    cap = (size_t)1 << 30; /* the libraries count in unsigned int */
  for (;;) {
    if (d->in_pos == d->in_len && !d->in_eof) {
      long n = d->base.below->pull(d->base.below, d->in, sizeof d->in);
      if (n < 0)
        return -1;
      d->in_len = (size_t)n;
      d->in_pos = 0;
      d->in_eof = n == 0;
    }
    if (d->in_pos == d->in_len && d->in_eof && d->ended)
      return 0;
    long made = zdec_step(d, out, cap);
    if (made != 0)
      return made;
  }
}

static void zdec_destroy(in_layer *self) {
  zdec *d = (zdec *)self;
  switch (d->kind) {
  case DKCPR_COMPRESSION_GZIP: inflateEnd(&d->z); break;
  case DKCPR_COMPRESSION_ZSTD: ZSTD_freeDStream(d->zs); break;
  case DKCPR_COMPRESSION_XZ: lzma_end(&d->lz); break;
  case DKCPR_COMPRESSION_BZIP2: BZ2_bzDecompressEnd(&d->bz); break;
  case DKCPR_COMPRESSION_NONE: break;
  }
  free(d);
}

in_layer *decompressor_new(dkcpr_compression c, in_layer *below,
                           const stream_names *names) {
  zdec *d = calloc(1, sizeof *d);
  if (!d) {
    cli_error(names->cmd, "out of memory");
    return NULL;
  }
  d->kind = c;
  int ok = 0;
  switch (c) {
  case DKCPR_COMPRESSION_GZIP: ok = inflateInit2(&d->z, 15 + 16) == Z_OK; break;
  case DKCPR_COMPRESSION_ZSTD: ok = (d->zs = ZSTD_createDStream()) != NULL; break;
  case DKCPR_COMPRESSION_XZ: {
    lzma_stream init = LZMA_STREAM_INIT;
    d->lz = init;
    ok = lzma_stream_decoder(&d->lz, XZ_MEMLIMIT, LZMA_CONCATENATED) == LZMA_OK;
    break;
  }
  case DKCPR_COMPRESSION_BZIP2: ok = BZ2_bzDecompressInit(&d->bz, 0, 0) == BZ_OK; break;
  case DKCPR_COMPRESSION_NONE: break;
  }
  if (!ok) {
    cli_error(names->cmd, "cannot start %s decompression", dkcpr_compression_name(c));
    free(d);
    return NULL;
  }
  d->base.pull = zdec_pull;
  d->base.destroy = zdec_destroy;
  d->base.below = below;
  d->base.names = names;
  return &d->base;
}

typedef struct zenc {
  out_layer base;
  dkcpr_compression kind;
  z_stream z;
  ZSTD_CCtx *zs;
  lzma_stream lz;
  bz_stream bz;
  char out[ZBUF];
} zenc;

static int zenc_fail(zenc *e) {
  cli_error(e->base.names->cmd, "%s compression of the output for '%s' failed",
            dkcpr_compression_name(e->kind), e->base.names->input);
  return CLI_EXIT_INTERNAL;
}

/* Compress in[0..len) (finish: and end the stream), passing every full
 * output buffer down. Returns 0 or an exit code. */
static int zenc_run(zenc *e, const char *in, size_t len, int finish) {
  for (;;) {
    size_t used = 0, made = 0;
    int done = 0;
    size_t chunk = len > (size_t)1 << 30 ? (size_t)1 << 30 : len;
    switch (e->kind) {
    case DKCPR_COMPRESSION_GZIP: {
      e->z.next_in = (Bytef *)in;
      e->z.avail_in = (uInt)chunk;
      e->z.next_out = (Bytef *)e->out;
      e->z.avail_out = sizeof e->out;
      int r = deflate(&e->z, finish && chunk == len ? Z_FINISH : Z_NO_FLUSH);
      if (r == Z_STREAM_ERROR)
        return zenc_fail(e);
      used = chunk - e->z.avail_in;
      made = sizeof e->out - e->z.avail_out;
      done = r == Z_STREAM_END;
      break;
    }
    case DKCPR_COMPRESSION_ZSTD: {
      ZSTD_inBuffer ib = {in, chunk, 0};
      ZSTD_outBuffer ob = {e->out, sizeof e->out, 0};
      size_t r = ZSTD_compressStream2(e->zs, &ob, &ib,
                                      finish && chunk == len ? ZSTD_e_end : ZSTD_e_continue);
      if (ZSTD_isError(r))
        return zenc_fail(e);
      used = ib.pos;
      made = ob.pos;
      done = r == 0;
      break;
    }
    case DKCPR_COMPRESSION_XZ: {
      e->lz.next_in = (const uint8_t *)in;
      e->lz.avail_in = chunk;
      e->lz.next_out = (uint8_t *)e->out;
      e->lz.avail_out = sizeof e->out;
      lzma_ret r = lzma_code(&e->lz, finish && chunk == len ? LZMA_FINISH : LZMA_RUN);
      if (r != LZMA_OK && r != LZMA_STREAM_END)
        return zenc_fail(e);
      used = chunk - e->lz.avail_in;
      made = sizeof e->out - e->lz.avail_out;
      done = r == LZMA_STREAM_END;
      break;
    }
    case DKCPR_COMPRESSION_BZIP2: {
      e->bz.next_in = (char *)in;
      e->bz.avail_in = (unsigned)chunk;
      e->bz.next_out = e->out;
      e->bz.avail_out = sizeof e->out;
      int r = BZ2_bzCompress(&e->bz, finish && chunk == len ? BZ_FINISH : BZ_RUN);
      if (r == BZ_PARAM_ERROR && !finish && chunk == 0)
        return 0; /* BZ_RUN with nothing left to do */
      if (r != BZ_RUN_OK && r != BZ_FINISH_OK && r != BZ_STREAM_END)
        return zenc_fail(e);
      used = chunk - e->bz.avail_in;
      made = sizeof e->out - e->bz.avail_out;
      done = r == BZ_STREAM_END;
      break;
    }
    case DKCPR_COMPRESSION_NONE:
      return 0;
    }
    in += used;
    len -= used;
    if (made) {
      int rc = e->base.below->push(e->base.below, e->out, made);
      if (rc)
        return rc;
    }
    /* Not finishing: done once the input is taken and the output buffer
     * was not filled (nothing more is waiting). Finishing: at stream end. */
    if (finish ? done : (len == 0 && made < sizeof e->out))
      return 0;
  }
}

static int zenc_push(out_layer *self, const char *buf, size_t len) {
  return len ? zenc_run((zenc *)self, buf, len, 0) : 0;
}

static int zenc_finish(out_layer *self) {
  int rc = zenc_run((zenc *)self, "", 0, 1);
  return rc ? rc : self->below->finish(self->below);
}

static void zenc_destroy(out_layer *self) {
  zenc *e = (zenc *)self;
  switch (e->kind) {
  case DKCPR_COMPRESSION_GZIP: deflateEnd(&e->z); break;
  case DKCPR_COMPRESSION_ZSTD: ZSTD_freeCCtx(e->zs); break;
  case DKCPR_COMPRESSION_XZ: lzma_end(&e->lz); break;
  case DKCPR_COMPRESSION_BZIP2: BZ2_bzCompressEnd(&e->bz); break;
  case DKCPR_COMPRESSION_NONE: break;
  }
  free(e);
}

out_layer *compressor_new(dkcpr_compression c, out_layer *below,
                          const stream_names *names) {
  zenc *e = calloc(1, sizeof *e);
  if (!e) {
    cli_error(names->cmd, "out of memory");
    return NULL;
  }
  e->kind = c;
  int ok = 0;
  switch (c) {
  case DKCPR_COMPRESSION_GZIP:
    ok = deflateInit2(&e->z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    break;
  case DKCPR_COMPRESSION_ZSTD:
    ok = (e->zs = ZSTD_createCCtx()) != NULL &&
         !ZSTD_isError(ZSTD_CCtx_setParameter(e->zs, ZSTD_c_compressionLevel, 3)) &&
         !ZSTD_isError(ZSTD_CCtx_setParameter(e->zs, ZSTD_c_checksumFlag, 1));
    break;
  case DKCPR_COMPRESSION_XZ: {
    lzma_stream init = LZMA_STREAM_INIT;
    e->lz = init;
    ok = lzma_easy_encoder(&e->lz, 6, LZMA_CHECK_CRC64) == LZMA_OK;
    break;
  }
  case DKCPR_COMPRESSION_BZIP2: ok = BZ2_bzCompressInit(&e->bz, 9, 0, 0) == BZ_OK; break;
  case DKCPR_COMPRESSION_NONE: break;
  }
  e->base.push = zenc_push;
  e->base.finish = zenc_finish;
  e->base.destroy = zenc_destroy;
  e->base.below = below;
  e->base.names = names;
  if (!ok) {
    cli_error(names->cmd, "cannot start %s compression", dkcpr_compression_name(c));
    e->base.below = NULL;
    zenc_destroy(&e->base);
    return NULL;
  }
  return &e->base;
}
