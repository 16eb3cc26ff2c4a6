/* SPDX-License-Identifier: Apache-2.0 */
/* Classifying an input by its first bytes (dkcpr_sniff). Magic numbers
 * come from each format's specification; text encodings are told by a BOM,
 * else by where NUL bytes fall, else by whether the bytes are UTF-8. */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include <unicode/utf8.h>

#include "dkcpr.h"

/* A format that is not text: its name and how to get washable text out. */
typedef struct sniff_container {
  const char *name;
  const char *way_out;
} sniff_container;

/* A string literal and its length without the NUL. */
#define MAGIC(s) (s), sizeof(s) - 1

static int starts(const unsigned char *p, size_t n, size_t off, const char *m,
                  size_t m_len) {
  return n >= off + m_len && memcmp(p + off, m, m_len) == 0;
}

static dkcpr_compression compression_of(const unsigned char *p, size_t n) {
  if (starts(p, n, 0, MAGIC("\x1f\x8b")))
    return DKCPR_COMPRESSION_GZIP;
  if (starts(p, n, 0, MAGIC("\x28\xb5\x2f\xfd")))
    return DKCPR_COMPRESSION_ZSTD;
  if (starts(p, n, 0, MAGIC("\xfd" "7zXZ\0")))
    return DKCPR_COMPRESSION_XZ;
  /* "BZh", a block size digit, then the first block's magic (or the end
   * of stream's, for an empty one). */
  if (n >= 10 && starts(p, n, 0, MAGIC("BZh")) && p[3] >= '1' && p[3] <= '9' &&
      (starts(p, n, 4, MAGIC("\x31\x41\x59\x26\x53\x59")) ||
       starts(p, n, 4, MAGIC("\x17\x72\x45\x38\x50\x90"))))
    return DKCPR_COMPRESSION_BZIP2;
  return DKCPR_COMPRESSION_NONE;
}

const char *dkcpr_compression_name(dkcpr_compression c) {
  switch (c) {
  case DKCPR_COMPRESSION_GZIP: return "gzip";
  case DKCPR_COMPRESSION_ZSTD: return "zstd";
  case DKCPR_COMPRESSION_XZ: return "xz";
  case DKCPR_COMPRESSION_BZIP2: return "bzip2";
  case DKCPR_COMPRESSION_NONE: break;
  }
  return "uncompressed";
}

static const sniff_container pg_archive = {
    "a pg_dump archive (custom or directory format)",
    "restore it as SQL text and wash that: pg_restore -f - ARCHIVE | dkcpr wash ..."};
static const sniff_container sqlite = {
    "an SQLite database", "dump it as SQL text and wash that: sqlite3 DB .dump | dkcpr wash ..."};
static const sniff_container ooxml = {
    "an Office Open XML document (xlsx, docx, pptx)",
    "export it as CSV or text (LibreOffice: soffice --headless --convert-to csv) and wash that"};
static const sniff_container odf = {
    "an OpenDocument file (ods, odt)",
    "export it as CSV or text (soffice --headless --convert-to csv) and wash that"};
static const sniff_container zip = {
    "a zip archive", "unpack it (unzip) and wash the files"};
static const sniff_container ole = {
    "an OLE2 compound file (xls, doc, msg)",
    "save it as CSV or text (soffice --headless --convert-to csv) and wash that"};
static const sniff_container pdf = {
    "a PDF document", "extract its text (pdftotext) and wash that"};
static const sniff_container tar = {
    "a tar archive", "unpack it (tar -xf) and wash the files"};
static const sniff_container archive = {
    "an archive (7z or rar)", "unpack it and wash the files"};
static const sniff_container parquet = {
    "a Parquet file", "export it as CSV and wash that"};
static const sniff_container avro = {
    "an Avro container file", "export it as JSON or CSV and wash that"};
static const sniff_container image = {
    "an image", "numbers in pixels cannot be washed; leave it out of test data"};
static const sniff_container binary = {
    "binary data",
    "convert it to text first, or read its bytes as text with --binary=wash "
    "(scan: --binary=scan)"};

static const sniff_container *container_of(const unsigned char *p, size_t n) {
  static const struct {
    size_t off;
    const char *magic;
    size_t len;
    const sniff_container *what;
  } magics[] = {
      {0, MAGIC("PGDMP"), &pg_archive},
      {0, MAGIC("SQLite format 3\0"), &sqlite},
      {0, MAGIC("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), &ole},
      {0, MAGIC("%PDF-"), &pdf},
      {257, MAGIC("ustar"), &tar},
      {0, MAGIC("7z\xbc\xaf\x27\x1c"), &archive},
      {0, MAGIC("Rar!\x1a\x07"), &archive},
      {0, MAGIC("PAR1"), &parquet},
      {0, MAGIC("Obj\x01"), &avro},
      {0, MAGIC("\x89PNG\r\n\x1a\n"), &image},
      {0, MAGIC("\xff\xd8\xff"), &image},
      {0, MAGIC("GIF87a"), &image},
      {0, MAGIC("GIF89a"), &image},
      {0, MAGIC("II*\0"), &image},
      {0, MAGIC("MM\0*"), &image},
  };
  for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
    if (starts(p, n, magics[i].off, magics[i].magic, magics[i].len))
      return magics[i].what;
  if (starts(p, n, 0, MAGIC("RIFF")) && starts(p, n, 8, MAGIC("WEBP")))
    return &image;
  if (starts(p, n, 0, MAGIC("PK\x03\x04")) || starts(p, n, 0, MAGIC("PK\x05\x06"))) {
    if (memmem(p, n, MAGIC("[Content_Types].xml")))
      return &ooxml;
    if (memmem(p, n, MAGIC("mimetypeapplication/vnd.oasis.opendocument")))
      return &odf;
    return &zip;
  }
  return NULL;
}

/* UTF-16: every high surrogate followed by a low one, no lone low one. */
static int valid_utf16(const unsigned char *p, size_t n, int big_endian,
                       int at_eof, size_t *bad_at) {
  size_t units = n / 2;
  for (size_t i = 0; i < units; i++) {
    unsigned u = big_endian ? (unsigned)p[2 * i] << 8 | p[2 * i + 1]
                            : (unsigned)p[2 * i + 1] << 8 | p[2 * i];
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 == units && !at_eof)
        break; /* the pair is cut by the end of the head */
      unsigned v = i + 1 < units
                       ? (big_endian ? (unsigned)p[2 * i + 2] << 8 | p[2 * i + 3]
                                     : (unsigned)p[2 * i + 3] << 8 | p[2 * i + 2])
                       : 0;
      if (v < 0xDC00 || v > 0xDFFF) {
        *bad_at = 2 * i;
        return 0;
      }
      i++;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      *bad_at = 2 * i;
      return 0;
    }
  }
  if (at_eof && n % 2) {
    *bad_at = n - 1;
    return 0;
  }
  return 1;
}

static int valid_utf32(const unsigned char *p, size_t n, int big_endian,
                       int at_eof, size_t *bad_at) {
  for (size_t i = 0; i + 4 <= n; i += 4) {
    unsigned long u = big_endian
                          ? (unsigned long)p[i] << 24 | (unsigned long)p[i + 1] << 16 |
                                (unsigned long)p[i + 2] << 8 | p[i + 3]
                          : (unsigned long)p[i + 3] << 24 | (unsigned long)p[i + 2] << 16 |
                                (unsigned long)p[i + 1] << 8 | p[i];
    if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) {
      *bad_at = i;
      return 0;
    }
  }
  if (at_eof && n % 4) {
    *bad_at = n - n % 4;
    return 0;
  }
  return 1;
}

/* A BOM names the encoding; UTF-32's are tested first, as FF FE 00 00
 * also starts UTF-16LE's. The BOM stays part of the text. */
static const char *charset_of_bom(const unsigned char *p, size_t n) {
  if (starts(p, n, 0, MAGIC("\xff\xfe\0\0")))
    return "UTF-32LE";
  if (starts(p, n, 0, MAGIC("\0\0\xfe\xff")))
    return "UTF-32BE";
  if (starts(p, n, 0, MAGIC("\xff\xfe")))
    return "UTF-16LE";
  if (starts(p, n, 0, MAGIC("\xfe\xff")))
    return "UTF-16BE";
  return NULL;
}

/* Without a BOM: text in UTF-16 or UTF-32 is mostly characters below
 * U+0100, so NUL bytes fall at fixed positions of each code unit. */
static const char *charset_of_nuls(const unsigned char *p, size_t n) {
  size_t units4 = n / 4, le32 = 0, be32 = 0;
  for (size_t i = 0; i + 4 <= n; i += 4) {
    le32 += p[i] && !p[i + 1] && !p[i + 2] && !p[i + 3];
    be32 += !p[i] && !p[i + 1] && !p[i + 2] && p[i + 3];
  }
  if (units4 && le32 * 10 >= units4 * 9)
    return "UTF-32LE";
  if (units4 && be32 * 10 >= units4 * 9)
    return "UTF-32BE";
  size_t units2 = n / 2, zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i + 2 <= n; i += 2) {
    zero_even += !p[i];
    zero_odd += !p[i + 1];
  }
  if (units2 && zero_odd * 4 >= units2 && zero_even * 32 <= zero_odd)
    return "UTF-16LE";
  if (units2 && zero_even * 4 >= units2 && zero_odd * 32 <= zero_even)
    return "UTF-16BE";
  return NULL;
}

static int valid_wide(const char *charset, const unsigned char *p, size_t n,
                      int at_eof, size_t *bad_at) {
  int big = charset[6] == 'B';
  return charset[4] == '1' ? valid_utf16(p, n, big, at_eof, bad_at)
                           : valid_utf32(p, n, big, at_eof, bad_at);
}

/* Control bytes that text does not hold. Tab, line ends, form feed, escape
 * (coloured logs) and the separators 0x1C-0x1F (HL7 MLLP framing, record
 * separators) are text. */
static int is_binary_control(unsigned char c) {
  return c < 0x09 || (c >= 0x0E && c <= 0x1A) || c == 0x7F;
}

typedef struct sniff_text {
  const char *charset;
  const sniff_container *container;
  size_t binary_at;
} sniff_text;

static void text_of(const unsigned char *p, size_t n, int at_eof, sniff_text *out) {
  memset(out, 0, sizeof *out);
  if ((out->container = container_of(p, n)) != NULL)
    return;
  const char *wide = charset_of_bom(p, n);
  const unsigned char *nul = n ? memchr(p, '\0', n) : NULL;
  if (!wide && nul)
    wide = charset_of_nuls(p, n);
  if (wide) {
    size_t bad_at = 0;
    if (valid_wide(wide, p, n, at_eof, &bad_at)) {
      out->charset = wide;
    } else {
      out->container = &binary;
      out->binary_at = bad_at;
    }
    return;
  }
  if (nul) {
    out->container = &binary;
    out->binary_at = (size_t)(nul - p);
    return;
  }
  /* UTF-8, or a legacy single-byte encoding, or binary without NULs. */
  size_t controls = 0, first_control = 0, valid_multi = 0, invalid = 0;
  for (int32_t i = 0; i < (int32_t)n;) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, (int32_t)n, c);
    if (c < 0) {
      /* A sequence cut by the end of the head is not evidence. */
      if (!at_eof && (size_t)at + 4 > n && i == (int32_t)n)
        break;
      invalid++;
    } else if (c >= 0x80) {
      valid_multi++;
    } else if (is_binary_control((unsigned char)c) && controls++ == 0) {
      first_control = (size_t)at;
    }
  }
  if (controls * 50 > n) {
    out->container = &binary;
    out->binary_at = first_control;
    return;
  }
  /* Mostly UTF-8 with a few stray bytes stays UTF-8 (the washer passes
   * invalid bytes through); otherwise the bytes are a legacy encoding,
   * read as Windows-1252 (a superset of ISO-8859-1's printable part). */
  if (invalid && valid_multi < 4 * invalid)
    out->charset = "windows-1252";
}

dkcpr_status dkcpr_sniff(dkcpr_sniffed *out, const void *head, size_t head_len,
                         int at_eof) {
  const unsigned char *p = head;
  sniff_text t;
  if (out == NULL || (head == NULL && head_len > 0)) return DKCPR_E_NULL;
  if (out->version < 1 || out->version > DKCPR_SNIFFED_VERSION) return DKCPR_E_ARG;
  out->kind = DKCPR_SNIFF_TEXT;
  out->compression = compression_of(p, head_len);
  out->charset = out->what = out->way_out = NULL;
  out->binary_at = 0;
  if (out->compression != DKCPR_COMPRESSION_NONE) {
    out->kind = DKCPR_SNIFF_COMPRESSED;
    return DKCPR_OK;
  }
  text_of(p, head_len, at_eof, &t);
  out->charset = t.charset;
  if (t.container) {
    out->kind = t.container == &binary ? DKCPR_SNIFF_BINARY : DKCPR_SNIFF_CONTAINER;
    out->what = t.container->name;
    out->way_out = t.container->way_out;
    out->binary_at = t.binary_at;
  }
  return DKCPR_OK;
}
