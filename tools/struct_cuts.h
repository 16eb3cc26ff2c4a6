/* SPDX-License-Identifier: Apache-2.0 */
/* Where a structured input may be cut into parts washed on several threads:
 * between CSV or TSV records after the header (a line feed outside quotes),
 * between JSON Lines values (a line feed outside strings, arrays and
 * objects), after the object items of a top-level JSON array (before the
 * comma), between lines of a SQL dump's COPY data. With each place, what a
 * washer needs to take the stream up there (dkcpr_struct_washer_prime): the
 * head (the first record, for a JSON array from its "["; for SQL the
 * statements before, with the COPY data left out but its last lines) and
 * the records just before. */
#ifndef DKCPR_CLI_STRUCT_CUTS_H
#define DKCPR_CLI_STRUCT_CUTS_H

#include "cli.h"

/* The context a part's washer reads before it, at least. */
#define CUTS_BEFORE (16u * 1024u)

typedef struct struct_cut {
  uint64_t offset;  /* the stream offset of a record's first byte */
  uint64_t line;    /* its line */
  size_t head_len;  /* bytes of the head a washer reads first */
  uint64_t floor;   /* the data's start: the context goes no further back */
  uint64_t column;  /* its column (1-based, in characters): 1 but in JSON */
} struct_cut;

typedef struct struct_cuts struct_cuts;

/* Cuts for format f (CSV, TSV, JSON, JSON Lines, SQL). SQL needs tracker, a washer
 * with the options of the wash, never fed: it reads the statements to tell
 * where COPY data starts (it is freed with the finder). Returns 0, or -1
 * when out of memory. */
int struct_cuts_new(struct_cuts **out, dkcpr_data_format f, dkcpr_struct_washer *tracker);
void struct_cuts_free(struct_cuts *c);

/* Read the stream bytes buf[0..n), which start at stream offset at; those
 * read before are skipped. Returns 0, or -1 when out of memory. */
int struct_cuts_scan(struct_cuts *c, const char *buf, size_t n, uint64_t at);
/* 1 when no more cuts will come (a record too long, a head too long). */
int struct_cuts_stopped(const struct_cuts *c);
/* The last cut after offset `after` up to offset `upto`: 1 and *out, or 0. */
int struct_cuts_last(const struct_cuts *c, uint64_t after, uint64_t upto, struct_cut *out);
/* The first cut after `after` up to `upto`: 1 and *out, or 0. */
int struct_cuts_first(const struct_cuts *c, uint64_t after, uint64_t upto, struct_cut *out);
/* The head: its first cut->head_len bytes are read first. */
const char *struct_cuts_head(const struct_cuts *c);
/* The records before cut (at least CUTS_BEFORE bytes when the data has
 * them) into *buf (grown as needed, *cap its size); their length. The
 * finder keeps the last bytes it read: call before it reads far past the
 * cut. Returns (size_t)-1 when out of memory, CUTS_GONE when the records
 * before the cut are no longer kept. */
#define CUTS_GONE ((size_t)-2)
size_t struct_cuts_before(struct_cuts *c, const struct_cut *cut, char **buf, size_t *cap);

#endif /* DKCPR_CLI_STRUCT_CUTS_H */
