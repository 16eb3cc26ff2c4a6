/* SPDX-License-Identifier: Apache-2.0 */
/* Streaming: any chunking of the input gives exactly the one-piece result. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"
#include "scan_core.h"

static const char sample[] =
    "Journal: CPR-nr. 070761-4285, f\xc3\xb8" "dt 7. juli 1961.\n"
    "Sp\xc3\xb8" "rg 0201609995 / tlf +45 12 34 56 78 / konto 1234-0707614285\n"
    "NBSP 070761\xc2\xa0" "4285 en-dash 070761\xe2\x80\x93" "4285 x\n"
    "\xef\xbc\x90\xef\xbc\x97\xef\xbc\x90\xef\xbc\x97\xef\xbc\x96\xef\xbc\x91"
    "\xef\xbc\x94\xef\xbc\x92\xef\xbc\x98\xef\xbc\x95 e-CPR 0203291WQ3 day+60 6707614285\n"
    "bad \xff\xfe\xe2\x80 utf8 0707614285-12 1.0707614285 \x00 NUL 070761-4285\xe2\x80\n"
    "q=cpr+0707614285& /2024/08/0707614285.pdf 070761 - 4285 070761\xc2\xad" "4285 "
    "PID|||0201609995^^^CPR^PN| 0707614285-0201609995 0707614285.0 0,1402234888 "
    "0707614285.5 070761\t4285\n"
    "q=%30%37%30%37%36%31%2D%34%32%38%35& <b>070761&nbsp;4285</b> "
    "&#48;&#55;&#48;&#55;&#54;&#49;&#x2011;&#52;&#50;&#56;&#53; "
    "\"\\uff10\\uff17\\uff10\\uff17\\uff16\\uff11\\u00a0\\uff14\\uff12\\uff18\\uff15\" "
    "070761%C2%A04285 \\ud835\\udfce707614285 50%0707614285 "
    "abcdefghij \xc2\xa0" "070761  4285 abcdefghij\xc2\xa0\t070761\t4285 %3";

typedef struct result {
  dkcpr_match m[64];
  size_t n;
} result;

static dkcpr_scan_options options(void) {
  dkcpr_scan_options o;
  assert_int_equal(dkcpr_scan_options_init(&o, DKCPR_SCAN_OPTIONS_VERSION), DKCPR_OK);
  o.flags = DKCPR_SCAN_NINE_DIGITS;
  return o;
}

static void drain(dkcpr_scanner *s, result *r, size_t cap) {
  dkcpr_match m;
  while (dkcpr_scanner_next(&m, s) == DKCPR_OK) {
    assert_true(r->n < cap);
    r->m[r->n++] = m;
  }
}

/* Feed text in pieces ending at the given cut positions. */
static void scan_cuts(result *r, const char *text, size_t len,
                      const size_t *cuts, size_t ncuts) {
  dkcpr_scan_options o = options();
  dkcpr_scanner *s;
  size_t i, at = 0;
  r->n = 0;
  assert_int_equal(dkcpr_scanner_new(&s, &o), DKCPR_OK);
  for (i = 0; i <= ncuts; i++) {
    size_t to = i < ncuts ? cuts[i] : len;
    assert_int_equal(dkcpr_scanner_feed(s, text + at, to - at), DKCPR_OK);
    drain(s, r, 64);
    at = to;
  }
  assert_int_equal(dkcpr_scanner_finish(s), DKCPR_OK);
  drain(s, r, 64);
  dkcpr_scanner_free(s);
}

static void same(const result *a, const result *b) {
  size_t i;
  assert_int_equal(a->n, b->n);
  for (i = 0; i < a->n; i++)
    assert_memory_equal(&a->m[i], &b->m[i], sizeof a->m[i]);
}

static void one_piece(result *r, const char *text, size_t len) {
  dkcpr_scan_options o = options();
  assert_int_equal(dkcpr_scan(r->m, 64, &r->n, text, len, &o), DKCPR_OK);
}

static void every_split_position(void **state) {
  const size_t len = sizeof sample - 1;
  result whole, part;
  size_t i, j;
  (void)state;
  one_piece(&whole, sample, len);
  assert_int_equal(whole.n, 24); /* the sample's true numbers */
  for (i = 0; i <= len; i++) {
    scan_cuts(&part, sample, len, &i, 1);
    same(&whole, &part);
  }
  /* every pair of cuts within the first numbers, and within the escapes */
  for (i = 0; i <= 120; i++)
    for (j = i; j <= 120; j++) {
      size_t cuts[2] = {i, j};
      scan_cuts(&part, sample, len, cuts, 2);
      same(&whole, &part);
    }
  for (i = len - 330; i <= len; i++)
    for (j = i; j <= len && j <= i + 40; j++) {
      size_t cuts[2] = {i, j};
      scan_cuts(&part, sample, len, cuts, 2);
      same(&whole, &part);
    }
}

/* A header naming the column, read whatever the chunking. */
static void header_any_split(void **state) {
  static const char csv[] =
      "id;\"cpr nr\";navn\r\n"
      "1;0201609995;\"Holm; Pia\"\r\n2;x;Anne Hansen, Egevaenget 91, 4000 Roskilde\r\n"
      "3;0201609995;y\r\n4;\"a\";0201609995\r\n";
  const size_t len = sizeof csv - 1;
  result whole, part;
  size_t i, k, medium = 0;
  (void)state;
  one_piece(&whole, csv, len);
  assert_int_equal(whole.n, 3);
  for (k = 0; k < whole.n; k++)
    medium += whole.m[k].confidence == DKCPR_CONFIDENCE_MEDIUM;
  assert_int_equal(medium, 2); /* the third is in the navn column */
  for (i = 0; i <= len; i++) {
    scan_cuts(&part, csv, len, &i, 1);
    same(&whole, &part);
  }
}

static void one_byte_at_a_time(void **state) {
  const size_t len = sizeof sample - 1;
  size_t cuts[sizeof sample];
  result whole, part;
  size_t i;
  (void)state;
  for (i = 0; i < len; i++) cuts[i] = i + 1;
  one_piece(&whole, sample, len);
  scan_cuts(&part, sample, len, cuts, len - 1);
  same(&whole, &part);
}

static const char *const pieces[] = {
    "070761-4285", "0707614285", "070761 4285", "070761\xc2\xa0" "4285",
    "070761\xe2\x80\x94" "4285", "0201609995", "0203291WQ3", "6707614285",
    "707614285", "cpr ", "F\xc3\x98" "DT ", "\xef\xbc\x90\xef\xbc\x97", "-",
    ".", "/", "+", " ", "\n", "\xe2\x80", "\xc3", "\xff", "12", "1234567",
    "Lorem ipsum dolor sit amet, ", "\xc3\xa6\xc3\xb8\xc3\xa5 ",
    "^^^CPR^PN|", " - ", "\t", "\xc2\xad", "\xe2\x80\x8b", ",", "0,", "=", "q=",
    "  ", ".0", "/2024/", "\xe2\x88\x92", "%30", "%37", "%2D", "%2d", "%C2%A0", "%",
    "&#48;", "&#x37;", "&nbsp;", "&#x2011;", "&", "&#", "\\u0030", "\\uff17",
    "\\u00a0", "\\", "\\u", "\\ud835\\udfce", "%E2%80%91", "%e2%80",
    "\xc2\xa0", "123456", "\xc2\xad", "abcdefghijklmnop",
};

/* Large random text, random chunk sizes, matches compared one by one. */
static void random_chunking_large_input(void **state) {
  const size_t len = 4u << 20;
  char *text = malloc(len);
  dkcpr_match *whole = malloc(400000 * sizeof *whole);
  dkcpr_scan_options o = options();
  dkcpr_scanner *s;
  dkcpr_match m;
  size_t n_whole, at = 0, k = 0, round;
  uint64_t rng = 88172645463325252ull;
  (void)state;
  assert_non_null(text);
  assert_non_null(whole);
  while (at < len) {
    const char *p;
    size_t pl;
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    p = pieces[rng % (sizeof pieces / sizeof pieces[0])];
    pl = strlen(p);
    if (at + pl > len) pl = len - at;
    memcpy(text + at, p, pl);
    at += pl;
  }
  assert_int_equal(dkcpr_scan(whole, 400000, &n_whole, text, len, &o), DKCPR_OK);
  assert_true(n_whole > 10000);
  for (round = 0; round < 3; round++) {
    size_t maxchunk = round == 0 ? 7 : round == 1 ? 300 : 200000;
    assert_int_equal(dkcpr_scanner_new(&s, &o), DKCPR_OK);
    at = 0;
    k = 0;
    while (at < len) {
      size_t c;
      rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
      c = 1 + rng % maxchunk;
      if (c > len - at) c = len - at;
      assert_int_equal(dkcpr_scanner_feed(s, text + at, c), DKCPR_OK);
      at += c;
      while (dkcpr_scanner_next(&m, s) == DKCPR_OK) {
        assert_true(k < n_whole);
        assert_memory_equal(&m, &whole[k], sizeof m);
        k++;
      }
    }
    assert_int_equal(dkcpr_scanner_finish(s), DKCPR_OK);
    while (dkcpr_scanner_next(&m, s) == DKCPR_OK) {
      assert_true(k < n_whole);
      assert_memory_equal(&m, &whole[k], sizeof m);
      k++;
    }
    assert_int_equal(k, n_whole);
    dkcpr_scanner_free(s);
  }
  free(whole);
  free(text);
}

/* The skip loops only ever skip what the character-by-character path
 * would pass over: compare with a core that skips nothing. */
static size_t no_skip(const unsigned char *p, size_t i, size_t n) {
  (void)p;
  (void)n;
  return i;
}

typedef struct cands {
  dkcpr__cand *c;
  size_t n, cap;
} cands;

static void collect(void *ctx, const dkcpr__cand *c) {
  cands *cs = ctx;
  assert_true(cs->n < cs->cap);
  cs->c[cs->n++] = *c;
}

static void skips_change_nothing(void **state) {
  static const char *const dense[] = {
      "0707614285", "070761-4285", "0203291WQ3", "707614285", "1234567",
      "123456", "12", "1", "-", ".", "/", "+", " ", "AB", "x", "\xc2\xa0",
      "\xe2\x80\x93", "\xef\xbc\x95", "\xd9\xa1", "\xc3\xa6", "2026-11-26T10:15:42Z ",
      "12345678901", "0707614285-1", "CPR ", "^^^CPR^PN", " - ", "\t",
      "\xc2\xad", "\xe2\x80\x8b", ",", "0,", "=", "q=", "a", "  ", ".0", "/",
      "\xe2\x88\x92", "1503800010", "0,1402234888", "%30", "%37", "%2D",
      "%C2%A0", "%", "&#48;", "&#x37;", "&nbsp;", "&", "\\u0030", "\\uff17",
      "\\u00a0", "\\", "%E2%80%91"};
  const size_t len = 1u << 20;
  char *text = malloc(len);
  cands a = {malloc(200000 * sizeof(dkcpr__cand)), 0, 200000};
  cands b = {malloc(200000 * sizeof(dkcpr__cand)), 0, 200000};
  dkcpr__scan_core fast, slow;
  size_t at = 0, i;
  uint64_t rng = 99991;
  (void)state;
  while (at < len) {
    const char *p;
    size_t pl;
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    p = dense[rng % (sizeof dense / sizeof dense[0])];
    pl = strlen(p);
    if (pl > len - at) pl = len - at;
    memcpy(text + at, p, pl);
    at += pl;
  }
  dkcpr__core_init(&fast, 1);
  dkcpr__core_init(&slow, 1);
  slow.skip = no_skip;
  slow.dense = no_skip;
  dkcpr__core_feed(&fast, text, len, collect, &a);
  dkcpr__core_finish(&fast, collect, &a);
  dkcpr__core_feed(&slow, text, len, collect, &b);
  dkcpr__core_finish(&slow, collect, &b);
  assert_true(a.n > 1000);
  assert_int_equal(a.n, b.n);
  for (i = 0; i < a.n; i++) {
    assert_int_equal(a.c[i].start, b.c[i].start);
    assert_int_equal(a.c[i].end, b.c[i].end);
    assert_memory_equal(a.c[i].canon, b.c[i].canon, 10);
    assert_int_equal(a.c[i].shape, b.c[i].shape);
  }
  free(a.c);
  free(b.c);
  free(text);
}

/* Short random texts of the characters the rules look at, each split at
 * every position: what the rules read around a number (the characters
 * before a run, a separator, the window after) never depends on the
 * chunking. */
static void random_texts_every_split(void **state) {
  static const char *const tokens[] = {
      "070761", "4285", "0707614285", "0201609995", "1", "0", "12", "123456",
      "1234567", "707614285", " ", "  ", "\t", "-", ".", "/", "+", ",", "=", "a", "Z",
      "WQ", "\xc2\xa0", "\xc2\xad", "\xe2\x80\x8b", "\xe2\x88\x92", "\xe2\x80\x93",
      "\xef\xbc\x90", "\xef\xbc\x97", "%2D", "%20", "%30", "%3", "%", "%C2%A0", "&nbsp;",
      "&#48;", "&#x2011;", "&#", "&", "\\u0030", "\\u00a0", "\\uff10", "\\u", "\\",
      "^^^CPR^PN", "cpr ", "\n", "\xff", "\xc3", "abcdefghijklmnopq", "x y z "};
  uint64_t rng = 4242;
  size_t round;
  (void)state;
  for (round = 0; round < 3000; round++) {
    char text[600];
    size_t len = 0, k, i;
    result whole, part;
    for (k = 0; k < 24; k++) {
      const char *t;
      size_t tl;
      rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
      t = tokens[rng % (sizeof tokens / sizeof tokens[0])];
      tl = strlen(t);
      memcpy(text + len, t, tl);
      len += tl;
    }
    one_piece(&whole, text, len);
    for (i = 0; i <= len; i++) {
      scan_cuts(&part, text, len, &i, 1);
      same(&whole, &part);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(random_texts_every_split),
      cmocka_unit_test(header_any_split),
      cmocka_unit_test(every_split_position),
      cmocka_unit_test(one_byte_at_a_time),
      cmocka_unit_test(random_chunking_large_input),
      cmocka_unit_test(skips_change_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
