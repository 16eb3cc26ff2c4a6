/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the scanner: feeding the text in random chunks must find exactly
 * what dkcpr_scan() finds in one piece, and every match must be a valid
 * number lying inside the text. */
#include <stdlib.h>
#include <string.h>

#include "dkcpr.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int match_equal(const dkcpr_match *a, const dkcpr_match *b) {
  return a->start == b->start && a->end == b->end &&
         memcmp(a->digits, b->digits, sizeof a->digits) == 0 &&
         a->kind == b->kind && a->mod11 == b->mod11 &&
         a->confidence == b->confidence;
}

static void check_match(const dkcpr_match *m, const char *text, size_t len,
                        const dkcpr_scan_options *opts) {
  dkcpr_options parse;
  FUZZ_CHECK(dkcpr_options_init(&parse, DKCPR_OPTIONS_VERSION) == DKCPR_OK);
  parse.policy = opts->policy;
  parse.flags = opts->parse_flags;
  parse.known_dates = opts->known_dates;
  FUZZ_CHECK(m->start < m->end && m->end <= len);
  /* 13 characters, each escaped in at most 12 bytes (%HH%HH%HH%HH) */
  FUZZ_CHECK(m->end - m->start >= 9 && m->end - m->start <= 160);
  FUZZ_CHECK(m->digits[10] == '\0' && strlen(m->digits) == 10);
  FUZZ_CHECK(m->confidence >= opts->min_confidence &&
             m->confidence <= DKCPR_CONFIDENCE_HIGH);
  FUZZ_CHECK(m->kind == DKCPR_KIND_CPR ||
             (opts->parse_flags & DKCPR_PARSE_ALLOW_REPLACEMENT));
  /* The canonical digits are a valid number of the reported kind. */
  {
    dkcpr_cpr cpr;
    parse.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE;
    parse.flags &= ~DKCPR_PARSE_LENIENT;
    FUZZ_CHECK(dkcpr_parse(&cpr, m->digits, 10, &parse) == DKCPR_OK);
    FUZZ_CHECK(cpr.kind == m->kind && cpr.mod11 == m->mod11);
  }
  (void)text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  unsigned choice = fuzz_take_byte(&in);
  fuzz_chunker chunker;
  dkcpr_scan_options opts;
  dkcpr_scanner *scanner = NULL;
  dkcpr_match *whole = NULL, m;
  size_t count = 0, needed = 0, i = 0, off = 0;
  const char *text;
  dkcpr_status st;

  chunker.state = fuzz_take_byte(&in) | fuzz_take_byte(&in) << 8 |
                  (uint32_t)fuzz_take_byte(&in) << 16;
  text = (const char *)in.data;

  FUZZ_CHECK(dkcpr_scan_options_init(&opts, DKCPR_SCAN_OPTIONS_VERSION) ==
             DKCPR_OK);
  opts.policy = (dkcpr_policy)((choice & 3u) % 3u);
  if (choice & 0x4u) opts.parse_flags &= ~DKCPR_PARSE_ALLOW_REPLACEMENT;
  if (choice & 0x8u) opts.flags |= DKCPR_SCAN_NINE_DIGITS;
  opts.min_confidence = (dkcpr_confidence)(1 + ((choice >> 4) & 3u) % 3u);

  /* One piece: ask for the size, then fetch. */
  st = dkcpr_scan(NULL, 0, &needed, text, in.size, &opts);
  FUZZ_CHECK(st == DKCPR_OK || st == DKCPR_E_BUFSIZE);
  FUZZ_CHECK((st == DKCPR_OK) == (needed == 0));
  whole = malloc((needed ? needed : 1) * sizeof *whole);
  FUZZ_CHECK(whole != NULL);
  FUZZ_CHECK(dkcpr_scan(whole, needed, &count, text, in.size, &opts) ==
             DKCPR_OK);
  FUZZ_CHECK(count == needed);
  for (i = 0; i < count; i++) {
    check_match(&whole[i], text, in.size, &opts);
    if (i > 0) FUZZ_CHECK(whole[i].start >= whole[i - 1].end);
  }

  /* Streaming in random chunks, draining after every feed. */
  FUZZ_CHECK(dkcpr_scanner_new(&scanner, &opts) == DKCPR_OK);
  i = 0;
  do {
    size_t n = fuzz_next_chunk(&chunker, in.size - off);
    FUZZ_CHECK(dkcpr_scanner_feed(scanner, text + off, n) == DKCPR_OK);
    off += n;
    while ((st = dkcpr_scanner_next(&m, scanner)) == DKCPR_OK) {
      FUZZ_CHECK(i < count && match_equal(&m, &whole[i]));
      FUZZ_CHECK(m.end <= off);
      i++;
    }
    FUZZ_CHECK(st == DKCPR_E_RANGE);
  } while (off < in.size);
  FUZZ_CHECK(dkcpr_scanner_finish(scanner) == DKCPR_OK);
  while ((st = dkcpr_scanner_next(&m, scanner)) == DKCPR_OK) {
    FUZZ_CHECK(i < count && match_equal(&m, &whole[i]));
    i++;
  }
  FUZZ_CHECK(st == DKCPR_E_RANGE);
  FUZZ_CHECK(i == count);
  FUZZ_CHECK(dkcpr_scanner_feed(scanner, "x", 1) == DKCPR_E_STATE);
  dkcpr_scanner_free(scanner);
  free(whole);
  return 0;
}
