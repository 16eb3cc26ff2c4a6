/* What an input is, told from its first bytes: compressed, a container or
 * binary format that cannot be washed as text, or text in some encoding. */
#ifndef DKCPR_CLI_SNIFF_H
#define DKCPR_CLI_SNIFF_H

#include <stddef.h>

/* Bytes looked at before an input is classified. */
#define SNIFF_HEAD (64u * 1024u)

typedef enum sniff_compression {
  SNIFF_PLAIN = 0,
  SNIFF_GZIP,
  SNIFF_ZSTD,
  SNIFF_XZ,
  SNIFF_BZIP2
} sniff_compression;

/* A format that is not text: its name and how to get washable text out. */
typedef struct sniff_container {
  const char *name;
  const char *way_out;
} sniff_container;

typedef struct sniff_text {
  /* ICU converter name; NULL for UTF-8 (also with a BOM, kept as bytes). */
  const char *charset;
  /* Not text in any encoding: a container format, or binary data. */
  const sniff_container *container;
  /* For binary data: where the evidence is (a NUL or control byte). */
  size_t binary_at;
} sniff_text;

/* The verdict for bytes that are no known format and not text. */
extern const sniff_container sniff_binary;

sniff_compression sniff_compression_of(const unsigned char *head, size_t n);
const char *sniff_compression_name(sniff_compression c);

/* Classify decompressed bytes. at_eof: head is the whole input (so a
 * sequence cut at its end is an error, not a cut). */
void sniff_text_of(const unsigned char *head, size_t n, int at_eof,
                   sniff_text *out);

/* The text description of a charset for summaries: "UTF-8" for NULL. */
const char *sniff_charset_name(const char *charset);

#endif /* DKCPR_CLI_SNIFF_H */
