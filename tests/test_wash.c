/* SPDX-License-Identifier: Apache-2.0 */
/* Washer: modes, layout, byte transparency, chunking, wash/unwash round trip, counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"
#include "scan_core.h"

static const uint8_t key[DKCPR_KEY_BYTES] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

static dkcpr_pseudonymizer *pseudonymizer(void) {
  dkcpr_pseudonymizer *p = NULL;
  assert_int_equal(dkcpr_pseudonymizer_new(&p, key, sizeof key,
                                           (const uint8_t *)"test", 4,
                                           DKCPR_KEEP_DEFAULT, 0),
                   DKCPR_OK);
  return p;
}

/* What a washer is made with: what it finds and how it replaces. */
typedef struct wash_opts {
  dkcpr_scan_options scan;
  dkcpr_wash_options w;
} wash_opts;

static wash_opts options(dkcpr_wash_mode mode) {
  wash_opts o;
  assert_int_equal(dkcpr_scan_options_init(&o.scan, DKCPR_SCAN_OPTIONS_VERSION), DKCPR_OK);
  assert_int_equal(dkcpr_wash_options_init(&o.w, DKCPR_WASH_OPTIONS_VERSION), DKCPR_OK);
  o.w.mode = mode;
  return o;
}

/* Wash text in chunks of at most maxchunk bytes (0: one piece); returns a
 * malloc'd result of *out_len bytes. */
static char *wash(const dkcpr_pseudonymizer *p, const wash_opts *o,
                  const char *text, size_t len, size_t maxchunk, uint64_t seed,
                  size_t *out_len, dkcpr_wash_stats *stats) {
  dkcpr_washer *w = NULL;
  size_t cap = 4 * len + 4096, n = 0, at = 0, got, room;
  char *out = malloc(cap);
  assert_non_null(out);
  assert_int_equal(dkcpr_washer_new(&w, p, &o->scan, &o->w), DKCPR_OK);
  while (at < len) {
    size_t c = len - at;
    if (maxchunk) {
      seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
      c = 1 + seed % maxchunk;
      if (c > len - at) c = len - at;
    }
    room = dkcpr_washer_bound(w, c);
    assert_true(n + room <= cap);
    assert_int_equal(dkcpr_washer_feed(out + n, cap - n, &got, w, text + at, c), DKCPR_OK);
    n += got;
    at += c;
  }
  assert_int_equal(dkcpr_washer_finish(out + n, cap - n, &got, w), DKCPR_OK);
  n += got;
  if (stats) {
    stats->version = DKCPR_WASH_STATS_VERSION;
    assert_int_equal(dkcpr_washer_stats(stats, w), DKCPR_OK);
  }
  dkcpr_washer_free(w);
  *out_len = n;
  return out;
}

static void expect_wash(dkcpr_wash_mode mode, const char *in, const char *want) {
  wash_opts o = options(mode);
  size_t n;
  char *got = wash(NULL, &o, in, strlen(in), 0, 1, &n, NULL);
  if (n != strlen(want) || memcmp(got, want, n) != 0)
    fail_msg("washed \"%s\" to \"%.*s\", want \"%s\"", in, (int)n, got, want);
  free(got);
}

static void mask_keeps_layout(void **state) {
  (void)state;
  expect_wash(DKCPR_WASH_MASK, "CPR 070761-4285.", "CPR 070761-XXXX.");
  expect_wash(DKCPR_WASH_MASK, "'0707614285','0201609995'",
              "'070761XXXX','020160XXXX'");
  expect_wash(DKCPR_WASH_MASK, "a 070761\xe2\x80\x93" "4285 b", "a 070761\xe2\x80\x93" "XXXX b");
  expect_wash(DKCPR_WASH_MASK, "0203291WQ3", "020329XXXX");
  /* full-width digits keep their width */
  expect_wash(DKCPR_WASH_MASK,
              "\xef\xbc\x90\xef\xbc\x97\xef\xbc\x90\xef\xbc\x97\xef\xbc\x96\xef\xbc\x91"
              "\xef\xbc\x94\xef\xbc\x92\xef\xbc\x98\xef\xbc\x95",
              "\xef\xbc\x90\xef\xbc\x97\xef\xbc\x90\xef\xbc\x97\xef\xbc\x96\xef\xbc\x91"
              "\xef\xbc\xb8\xef\xbc\xb8\xef\xbc\xb8\xef\xbc\xb8");
  expect_wash(DKCPR_WASH_MASK, "tlf 12345678, 1234-0707614285, 01-02-2003",
              "tlf 12345678, 1234-0707614285, 01-02-2003");
}

static void redact_uses_the_placeholder(void **state) {
  wash_opts o = options(DKCPR_WASH_REDACT);
  size_t n;
  char *got;
  (void)state;
  expect_wash(DKCPR_WASH_REDACT, "x 070761-4285 y 0707614285", "x [CPR] y [CPR]");
  o.w.placeholder = "<fjernet>";
  o.w.placeholder_len = 9;
  got = wash(NULL, &o, "a0707614285b", 12, 0, 1, &n, NULL);
  assert_int_equal(n, 11);
  assert_memory_equal(got, "a<fjernet>b", 11);
  free(got);
  o.w.placeholder = NULL;
  o.w.placeholder_len = 0;
  got = wash(NULL, &o, "a0707614285b", 12, 0, 1, &n, NULL);
  assert_int_equal(n, 2);
  assert_memory_equal(got, "ab", 2);
  free(got);
}

/* Output grows with the placeholder: it is capped, so the bound stays small. */
static void redact_placeholder_is_capped(void **state) {
  static char longest[DKCPR_PLACEHOLDER_MAX_BYTES + 1];
  wash_opts o = options(DKCPR_WASH_REDACT);
  dkcpr_washer *w = NULL;
  (void)state;
  memset(longest, 'p', sizeof longest);
  o.w.placeholder = longest;
  o.w.placeholder_len = DKCPR_PLACEHOLDER_MAX_BYTES;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_OK);
  dkcpr_washer_free(w);
  o.w.placeholder_len = DKCPR_PLACEHOLDER_MAX_BYTES + 1;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_ARG);
  assert_null(w);
  /* In every mode: a pseudonym wash may fall back to the placeholder. */
  o.w.mode = DKCPR_WASH_MASK;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_ARG);
}

static void nine_digits_opt_in(void **state) {
  wash_opts o = options(DKCPR_WASH_MASK);
  size_t n;
  char *got;
  (void)state;
  o.scan.flags = DKCPR_SCAN_NINE_DIGITS;
  got = wash(NULL, &o, "(707614285,", 11, 0, 1, &n, NULL);
  assert_int_equal(n, 11);
  assert_memory_equal(got, "(70761XXXX,", 11);
  free(got);
}

/* Integers keep nine digits (the permutation's cycle is walked to a day
 * 1-9), and reveal undoes it; never-real pseudonyms have no nine-digit form. */
static void nine_digits_round_trip(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer(), *never = NULL;
  wash_opts o = options(DKCPR_WASH_PSEUDONYM);
  wash_opts r = options(DKCPR_WASH_REVEAL);
  dkcpr_wash_stats st;
  const char *in = "INSERT INTO t VALUES (707614285),(101901234),(211062);\n"
                   "(507614285,'0707614285')";
  size_t len = strlen(in), n1, n2, i;
  char *washed, *back;
  (void)state;
  o.scan.flags = r.scan.flags = DKCPR_SCAN_NINE_DIGITS;
  washed = wash(p, &o, in, len, 0, 1, &n1, &st);
  assert_int_equal(n1, len);
  assert_int_equal(st.failed, 0);
  assert_int_equal(st.replaced[DKCPR_KIND_CPR][0] + st.replaced[DKCPR_KIND_CPR][1], 4);
  for (i = 0; i < len; i++) /* only digits change */
    if (in[i] < '0' || in[i] > '9') assert_int_equal(washed[i], in[i]);
  assert_memory_not_equal(washed + 22, in + 22, 9);
  back = wash(p, &r, washed, n1, 3, 2, &n2, NULL);
  assert_int_equal(n2, len);
  assert_memory_equal(back, in, len);
  free(back);
  free(washed);
  assert_int_equal(dkcpr_pseudonymizer_new(&never, key, sizeof key, NULL, 0,
                                           DKCPR_KEEP_DEFAULT, DKCPR_NEVER_REAL),
                   DKCPR_OK);
  /* Never-real has no nine-digit form: the number gets the fallback token. */
  washed = wash(never, &o, "(707614285)", 11, 0, 1, &n1, &st);
  assert_int_equal(st.failed, 0);
  assert_int_equal(n1, 2 + DKCPR_TOKEN_DEFAULT_CHARS);
  assert_memory_not_equal(washed + 1, "707614285", 9);
  free(washed);
  dkcpr_pseudonymizer_free(never);
  dkcpr_pseudonymizer_free(p);
}

/* Random bytes (NUL and invalid UTF-8 included) with numbers of every form. */
/* Under never-real, a replacement number (day + 60) already in the input
 * cannot get a pseudonym: it is replaced irreversibly (token by default,
 * or the placeholder), counted apart, and reveal leaves it alone, so every
 * other number still round-trips. */
static void never_real_replacement_numbers_get_the_fallback(void **state) {
  dkcpr_pseudonymizer *never = NULL;
  wash_opts o = options(DKCPR_WASH_PSEUDONYM);
  wash_opts r = options(DKCPR_WASH_REVEAL);
  dkcpr_wash_stats st;
  dkcpr_washer *w = NULL;
  char token[DKCPR_TOKEN_MAX_CHARS + 1], *washed, *back, out[2048];
  size_t token_len, n1, n2, got;
  const char *in = "a 6701651004 b 0707614285 c\n"; /* day+60, then ordinary */
  (void)state;
  assert_int_equal(dkcpr_pseudonymizer_new(&never, key, sizeof key, NULL, 0,
                                           DKCPR_KEEP_DEFAULT, DKCPR_NEVER_REAL),
                   DKCPR_OK);
  dkcpr_options po;
  assert_int_equal(dkcpr_options_init(&po, DKCPR_OPTIONS_VERSION), DKCPR_OK);
  po.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
  assert_int_equal(dkcpr_token(token, sizeof token, &token_len, never,
                               "6701651004", 10, DKCPR_TOKEN_DEFAULT_CHARS, &po),
                   DKCPR_OK);
  washed = wash(never, &o, in, strlen(in), 3, 7, &n1, &st);
  assert_int_equal(st.failed, 0);
  assert_int_equal(st.replaced[DKCPR_KIND_CPR][0] + st.replaced[DKCPR_KIND_CPR][1] +
                   st.replaced[DKCPR_KIND_CPR][2], 1);
  assert_int_equal(n1, strlen(in) - 10 + token_len);
  assert_memory_equal(washed, "a ", 2);
  assert_memory_equal(washed + 2, token, token_len);
  assert_memory_not_equal(washed + 2 + token_len + 3, "0707614285", 10);
  back = wash(never, &r, washed, n1, 0, 1, &n2, NULL);
  assert_int_equal(n2, n1);
  assert_memory_equal(back, "a ", 2);
  assert_memory_equal(back + 2, token, token_len); /* left alone */
  assert_memory_equal(back + 2 + token_len, " b 0707614285 c\n", 16);
  free(back);
  free(washed);

  assert_int_equal(st.irreversible, 1);

  /* The placeholder instead, and the count. */
  o.w.fallback = DKCPR_WASH_REDACT;
  assert_int_equal(dkcpr_washer_new(&w, never, &o.scan, &o.w), DKCPR_OK);
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &got, w, "6701651004\n", 11),
                   DKCPR_OK);
  assert_int_equal(dkcpr_washer_finish(out + got, sizeof out - got, &n1, w), DKCPR_OK);
  assert_memory_equal(out, "[CPR]\n", 6);
  assert_int_equal(got + n1, 6);
  st.version = DKCPR_WASH_STATS_VERSION;
  assert_int_equal(dkcpr_washer_stats(&st, w), DKCPR_OK);
  assert_int_equal(st.irreversible, 1);
  assert_int_equal(st.failed, 0);
  assert_int_equal(st.replaced[DKCPR_KIND_REPLACEMENT][0] +
                   st.replaced[DKCPR_KIND_REPLACEMENT][1] +
                   st.replaced[DKCPR_KIND_REPLACEMENT][2], 0);
  dkcpr_washer_free(w);
  dkcpr_pseudonymizer_free(never);
}

/* A washer primed with the text before its input rates numbers as one
 * washer over the whole stream does, and writes and counts only its input. */
static void prime_gives_context_only(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  wash_opts o = options(DKCPR_WASH_PSEUDONYM);
  const char *before = "id;cpr;navn\n1;x;y\nBorgerens CPR-nummer:\n";
  const char *in = "0707614285 og 2;2110625629;Anne\n";
  dkcpr_wash_stats whole, primed;
  size_t n, got, fin;
  char out[4096], joined[256];
  dkcpr_washer *w = NULL;
  (void)state;
  snprintf(joined, sizeof joined, "%s%s", before, in);
  free(wash(p, &o, joined, strlen(joined), 0, 1, &n, &whole));
  assert_int_equal(dkcpr_washer_new(&w, p, &o.scan, &o.w), DKCPR_OK);
  assert_int_equal(dkcpr_washer_prime(w, before, strlen(before)), DKCPR_OK);
  assert_int_equal(dkcpr_washer_prime(w, before, 1), DKCPR_E_STATE);
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &got, w, in, strlen(in)), DKCPR_OK);
  assert_int_equal(dkcpr_washer_finish(out + got, sizeof out - got, &fin, w), DKCPR_OK);
  assert_int_equal(got + fin, strlen(in)); /* only the input is written */
  assert_memory_not_equal(out, in, 10);
  primed.version = DKCPR_WASH_STATS_VERSION;
  assert_int_equal(dkcpr_washer_stats(&primed, w), DKCPR_OK);
  assert_int_equal(primed.bytes_in, strlen(in));
  /* The same numbers at the same confidences as in one pass. */
  assert_memory_equal(primed.found, whole.found, sizeof whole.found);
  assert_true(whole.found[DKCPR_KIND_CPR][2] == 2); /* both high: word, header */
  assert_int_equal(dkcpr_washer_prime(w, before, 1), DKCPR_E_STATE);
  assert_int_equal(dkcpr_washer_prime(NULL, before, 1), DKCPR_E_NULL);
  dkcpr_washer_free(w);
  dkcpr_pseudonymizer_free(p);
}

static const char *const numbers[] = {
    "0707614285", "070761-4285", "070761 4285", "070761\xc2\xa0" "4285",
    "070761\xe2\x80\x94" "4285", "0201609995", "6707614285", "0101274234",
    "\xef\xbc\x90\xef\xbc\x97\xef\xbc\x90\xef\xbc\x97\xef\xbc\x96\xef\xbc\x91"
    "\xef\xbc\x94\xef\xbc\x92\xef\xbc\x98\xef\xbc\x95",
    "070761 - 4285", "070761\xc2\xad" "4285", "070761\xe2\x88\x92" "4285",
    "0707614285^^^CPR^PN", "/2024/08/0707614285.pdf", "0201609995-1.pdf ",
    "%30%37%30%37%36%31%2D%34%32%38%35", "070761&nbsp;4285", "&#48;707614285",
    "070761\\u20114285", "\\uff10\\uff17\\uff10\\uff17\\uff16\\uff114285",
};

static char *random_input(size_t len, uint64_t seed, size_t *inserted) {
  char *t = malloc(len);
  size_t at = 0;
  assert_non_null(t);
  *inserted = 0;
  while (at < len) {
    seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
    if (seed % 16 == 0) {
      const char *nb = numbers[(seed >> 8) % (sizeof numbers / sizeof numbers[0])];
      size_t nl = strlen(nb);
      if (at + nl + 1 > len) break;
      t[at++] = ' ';
      memcpy(t + at, nb, nl);
      at += nl;
      (*inserted)++;
    } else {
      t[at++] = (char)(seed >> 24);
    }
  }
  while (at < len) t[at++] = 'x';
  return t;
}

static void random_binary_round_trip(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  wash_opts o = options(DKCPR_WASH_PSEUDONYM);
  wash_opts r = options(DKCPR_WASH_REVEAL);
  dkcpr_wash_stats st;
  uint64_t seed;
  (void)state;
  for (seed = 1; seed <= 6; seed++) {
    size_t len = 200000, inserted, n1, n2, i, k, replaced = 0;
    char *in = random_input(len, seed * 7919, &inserted);
    char *washed = wash(p, &o, in, len, seed % 2 ? 0 : 5000, seed, &n1, &st);
    char *back;
    assert_int_equal(n1, len); /* same length */
    for (i = 0; i < 4; i++)
      for (k = 0; k < 3; k++) replaced += st.replaced[i][k];
    if (replaced < inserted * 85 / 100 || st.failed) fail_msg("inserted %zu replaced %zu failed %llu", inserted, replaced, (unsigned long long)st.failed);
    assert_int_equal(st.failed, 0);
    assert_int_equal(st.bytes_in, len);
    assert_int_equal(st.bytes_out, len);
    assert_memory_not_equal(in, washed, len);
    back = wash(p, &r, washed, n1, seed % 3 ? 97 : 0, seed + 1, &n2, NULL);
    assert_int_equal(n2, len);
    assert_memory_equal(back, in, len);
    free(back);
    free(washed);
    free(in);
  }
  dkcpr_pseudonymizer_free(p);
}

/* Outside the matches every byte is unchanged, and chunking never matters. */
static void other_bytes_unchanged_any_chunking(void **state) {
  wash_opts o = options(DKCPR_WASH_REDACT);
  dkcpr_scan_options so = o.scan;
  size_t len = 300000, inserted, n0, n1, nm, i, at = 0, pos = 0;
  char *in = random_input(len, 42, &inserted);
  char *one = wash(NULL, &o, in, len, 0, 1, &n0, NULL);
  dkcpr_match *m = malloc(len / 10 * sizeof *m);
  (void)state;
  /* scan reports exactly what wash replaces, future birth dates included */
  assert_int_equal(dkcpr_scan(m, len / 10, &nm, in, len, &so), DKCPR_OK);
  assert_true(nm >= inserted * 9 / 10);
  for (i = 0; i < nm; i++) {
    size_t gap = (size_t)m[i].start - at;
    assert_memory_equal(one + pos, in + at, gap);
    pos += gap;
    assert_memory_equal(one + pos, "[CPR]", 5);
    pos += 5;
    at = (size_t)m[i].end;
  }
  assert_int_equal(n0 - pos, len - at);
  assert_memory_equal(one + pos, in + at, len - at);
  for (i = 1; i <= 4; i++) {
    size_t maxchunk = i == 1 ? 3 : i == 2 ? 64 : i == 3 ? 4096 : 100000;
    char *part = wash(NULL, &o, in, len, maxchunk, i, &n1, NULL);
    assert_int_equal(n1, n0);
    assert_memory_equal(part, one, n0);
    free(part);
  }
  free(m);
  free(one);
  free(in);
}

/* Output lags input only by the bytes of a number that may still go on. */
static void output_lag_is_bounded(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  wash_opts o = options(DKCPR_WASH_PSEUDONYM);
  dkcpr_washer *w;
  size_t len = 100000, inserted, at = 0, out_total = 0, got, c = 1;
  char *in = random_input(len, 5, &inserted);
  char out[4096];
  (void)state;
  assert_int_equal(dkcpr_washer_new(&w, p, &o.scan, &o.w), DKCPR_OK);
  while (at < len) {
    size_t n = c > len - at ? len - at : c;
    assert_int_equal(dkcpr_washer_feed(out, sizeof out, &got, w, in + at, n), DKCPR_OK);
    at += n;
    out_total += got;
    assert_true(out_total <= at);
    /* a number waits for the context window after it */
    assert_true(at - out_total <= DKCPR__SCAN_MAX_SPAN + DKCPR__SCAN_AFTER + 8);
    c = c % 97 + 1;
  }
  assert_int_equal(dkcpr_washer_finish(out, sizeof out, &got, w), DKCPR_OK);
  assert_int_equal(out_total + got, len);
  dkcpr_washer_free(w);
  dkcpr_pseudonymizer_free(p);
  free(in);
}

/* Every written form keeps its layout: only digits change, each in its own
 * script, and reveal restores the text byte for byte under any chunking. */
static void written_forms_round_trip(void **state) {
  static const char in[] =
      "a 070761 - 4285 b 070761\xc2\xad" "4285 c 070761\xe2\x80\x8b" "4285 "
      "d 070761\xe2\x88\x92" "4285 e 070761  4285 f 070761\t4285 g 070761/4285 "
      "h 070761.4285 i q=cpr+0707614285& j /2024/08/0707614285.pdf "
      "k 0707614285-1.pdf l /borger/0707614285/2024 m 0707614285-0201609995 "
      "n 0707614285.0 o PID|||0201609995^^^CPR^PN| p 070761+4285 "
      "q \xef\xbc\x90\xef\xbc\x97\xef\xbc\x90\xef\xbc\x97\xef\xbc\x96\xef\xbc\x91"
      " \xe2\x80\x8b\xef\xbc\x94\xef\xbc\x92\xef\xbc\x98\xef\xbc\x95 r 0203291WQ3 "
      "s 0102299999 end";
  dkcpr_pseudonymizer *p = pseudonymizer();
  wash_opts o = options(DKCPR_WASH_PSEUDONYM);
  wash_opts r = options(DKCPR_WASH_REVEAL);
  dkcpr_wash_stats st;
  dkcpr_match m[32];
  size_t len = sizeof in - 1, n1, n2, nm, i, k, replaced = 0;
  char *washed, *back;
  (void)state;
  assert_int_equal(dkcpr_scan(m, 32, &nm, in, len, &o.scan), DKCPR_OK);
  assert_int_equal(nm, 20); /* a to s, two in m */
  washed = wash(p, &o, in, len, 0, 1, &n1, &st);
  assert_int_equal(n1, len);
  assert_int_equal(st.failed, 0);
  for (i = 0; i < 4; i++)
    for (k = 0; k < 3; k++) replaced += st.replaced[i][k];
  assert_int_equal(replaced, nm);
  for (i = 0; i < nm; i++) { /* each number changed; nothing else did */
    size_t b;
    assert_memory_not_equal(washed + m[i].start, in + m[i].start,
                            m[i].end - m[i].start);
    for (b = m[i].start; b < m[i].end; b++) {
      unsigned char c = (unsigned char)in[b];
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) continue;
      if (c == 0x90 || c == 0x91 || c == 0x92 || c == 0x94 || c == 0x95 ||
          c == 0x96 || c == 0x97 || c == 0x98)
        continue; /* last byte of a full-width digit */
      assert_int_equal(washed[b], in[b]);
    }
  }
  for (i = 0, k = 0; i < len; i++) { /* outside the numbers, every byte */
    while (k < nm && i >= m[k].end) k++;
    if (k < nm && i >= m[k].start) continue;
    assert_int_equal(washed[i], in[i]);
  }
  for (i = 0; i <= 8; i++) {
    back = wash(p, &r, washed, n1, i == 0 ? 0 : i * 3 - 2, i + 1, &n2, NULL);
    assert_int_equal(n2, len);
    assert_memory_equal(back, in, len);
    free(back);
  }
  free(washed);
  dkcpr_pseudonymizer_free(p);
}

/* Escaped numbers stay escaped: each rewritten character keeps its escape
 * (kind, case, width), so the URL, HTML or JSON stays valid; reveal
 * restores every byte. */
static void escaped_forms_round_trip(void **state) {
  static const char in[] =
      "GET /s?cpr=070761%2D4285&q=cpr+0707614285&r=%30%37%30%37%36%31%2d%34%32%38%35 "
      "<td>070761&nbsp;4285</td><td>&#48;&#55;&#48;&#55;&#54;&#49;&#x2011;&#52;&#50;&#56;&#53;</td>"
      "<td>&#X30;&#x37;0761&#0052;285</td> {\"cpr\": \"070761\\u00a04285\", \"fw\": "
      "\"\\uff10\\uff17\\uff10\\uff17\\uff16\\uff11\\uFF14\\uFF12\\uFF18\\uFF15\"} "
      "%EF%BC%90%EF%BC%97%EF%BC%90%EF%BC%97%EF%BC%96%EF%BC%91-4285 "
      "\\ud835\\udfce707614285 0203291%57%51%33";
  dkcpr_pseudonymizer *p = pseudonymizer();
  wash_opts o = options(DKCPR_WASH_PSEUDONYM);
  wash_opts r = options(DKCPR_WASH_REVEAL);
  dkcpr_wash_stats st;
  dkcpr_match m[16], m2[16];
  size_t len = sizeof in - 1, n1, n2, nm, nm2, i;
  char *washed, *back;
  (void)state;
  assert_int_equal(dkcpr_scan(m, 16, &nm, in, len, &o.scan), DKCPR_OK);
  assert_int_equal(nm, 11);
  washed = wash(p, &o, in, len, 0, 1, &n1, &st);
  assert_int_equal(n1, len);
  assert_int_equal(st.failed, 0);
  /* only digits changed, into digits: every escape keeps its shape */
  for (i = 0; i < len; i++)
    if (washed[i] != in[i] &&
        !(in[i] >= '0' && in[i] <= '9' && washed[i] >= '0' && washed[i] <= '9') &&
        !(in[i] >= 'A' && in[i] <= 'Z' && washed[i] >= 'A' && washed[i] <= 'Z') &&
        !(in[i] >= '0' && in[i] <= '9' && washed[i] >= 'A' && washed[i] <= 'F'))
      fail_msg("byte %zu: '%c' became '%c'", i, in[i], washed[i]);
  /* the washed text holds the same numbers at the same places */
  assert_int_equal(dkcpr_scan(m2, 16, &nm2, washed, n1, &o.scan), DKCPR_OK);
  assert_int_equal(nm2, nm);
  for (i = 0; i < nm; i++) {
    assert_int_equal(m2[i].start, m[i].start);
    assert_int_equal(m2[i].end, m[i].end);
    assert_string_not_equal(m2[i].digits, m[i].digits);
  }
  for (i = 0; i <= 6; i++) {
    back = wash(p, &r, washed, n1, i == 0 ? 0 : i * 5 - 4, i + 7, &n2, NULL);
    assert_int_equal(n2, len);
    assert_memory_equal(back, in, len);
    free(back);
  }
  free(washed);
  dkcpr_pseudonymizer_free(p);
  expect_wash(DKCPR_WASH_MASK, "r=%30%37%30%37%36%31%2d%34%32%38%35&",
              "r=%30%37%30%37%36%31%2d%58%58%58%58&");
  expect_wash(DKCPR_WASH_MASK, "<td>&#48;&#55;&#48;&#55;&#54;&#49;-&#52;&#50;&#56;&#53;</td>",
              "<td>&#48;&#55;&#48;&#55;&#54;&#49;-&#88;&#88;&#88;&#88;</td>");
  expect_wash(DKCPR_WASH_MASK, "\"070761\\u00a0\\u0034\\u0032\\u0038\\u0035\"",
              "\"070761\\u00a0\\u0058\\u0058\\u0058\\u0058\"");
  expect_wash(DKCPR_WASH_MASK, "\"0707614\\uff12\\uff18\\uff15\"",
              "\"070761X\\uff38\\uff38\\uff38\"");
  expect_wash(DKCPR_WASH_REDACT, "a=070761%2D4285&b", "a=[CPR]&b");
}

static void counts_and_future_births(void **state) {
  wash_opts o = options(DKCPR_WASH_MASK);
  dkcpr_wash_stats st;
  size_t n;
  const char *in = "CPR: 070761-4285, 0201609995, 6707614285, 0203291WQ3, 0101274234";
  char *got;
  (void)state;
  got = wash(NULL, &o, in, strlen(in), 0, 1, &n, &st);
  /* all within reach of "CPR"; 0101274234 is born in 2027 */
  assert_int_equal(st.found[DKCPR_KIND_CPR][DKCPR_CONFIDENCE_HIGH - 1], 1);
  assert_int_equal(st.found[DKCPR_KIND_CPR][DKCPR_CONFIDENCE_MEDIUM - 1], 2);
  /* a replacement number's form earns the point that mod 11 gives a CPR number */
  assert_int_equal(st.found[DKCPR_KIND_REPLACEMENT][DKCPR_CONFIDENCE_HIGH - 1], 1);
  assert_int_equal(st.found[DKCPR_KIND_XECPR][DKCPR_CONFIDENCE_HIGH - 1], 1);
  assert_memory_equal(st.found, st.replaced, sizeof st.found);
  assert_int_equal(st.failed, 0);
  assert_memory_equal(got, "CPR: 070761-XXXX, 020160XXXX, 670761XXXX, 020329XXXX, 010127XXXX", n);
  free(got);
  o.scan.min_confidence = DKCPR_CONFIDENCE_HIGH;
  got = wash(NULL, &o, in, strlen(in), 0, 1, &n, &st);
  assert_memory_equal(got, "CPR: 070761-XXXX, 0201609995, 670761XXXX, 020329XXXX, 0101274234", n);
  assert_int_equal(st.found[DKCPR_KIND_CPR][DKCPR_CONFIDENCE_MEDIUM - 1], 0);
  assert_int_equal(st.found[DKCPR_KIND_XECPR][DKCPR_CONFIDENCE_HIGH - 1], 1);
  free(got);
}

static void api_contract(void **state) {
  wash_opts o = options(DKCPR_WASH_PSEUDONYM);
  dkcpr_washer *w = NULL;
  char out[4096];
  size_t n;
  (void)state;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_NULL); /* needs a key */
  assert_null(w);
  o = options(DKCPR_WASH_TOKEN);
  o.w.token_chars = 8;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_ARG);
  o = options(DKCPR_WASH_MASK);
  o.scan.policy = (dkcpr_policy)7;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_ARG);
  o = options(DKCPR_WASH_MASK);
  o.w.mode = (dkcpr_wash_mode)9;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_ARG);
  o = options(DKCPR_WASH_MASK);
  assert_int_equal(dkcpr_washer_new(NULL, NULL, &o.scan, &o.w), DKCPR_E_NULL);
  assert_int_equal(dkcpr_wash_options_init(NULL, DKCPR_WASH_OPTIONS_VERSION), DKCPR_E_NULL);
  assert_int_equal(dkcpr_wash_options_init(&o.w, 99), DKCPR_E_ARG);
  assert_int_equal(dkcpr_wash_options_init(&o.w, 0), DKCPR_E_ARG);
  o = options(DKCPR_WASH_MASK);
  o.w.version = DKCPR_WASH_OPTIONS_VERSION + 1; /* from a newer header */
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_ARG);
  o = options(DKCPR_WASH_PSEUDONYM);
  o.w.fallback = DKCPR_WASH_MASK; /* only token or redact */
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_ARG);
  assert_null(w);
  /* NULL options are the defaults: pseudonym mode, which needs a key. */
  assert_int_equal(dkcpr_washer_new(&w, NULL, NULL, NULL), DKCPR_E_NULL);
  o = options(DKCPR_WASH_MASK);
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_OK);
  assert_true(dkcpr_washer_bound(w, 100) >= 100);
  assert_int_equal(dkcpr_washer_feed(out, 10, &n, w, "0707614285", 10), DKCPR_E_BUFSIZE);
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &n, w, "070761428", 9), DKCPR_OK);
  assert_int_equal(n, 0); /* held back: the number may continue */
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &n, w, "5 ok", 4), DKCPR_OK);
  assert_int_equal(n, 0); /* held back: context words may follow */
  assert_int_equal(dkcpr_washer_finish(out, sizeof out, &n, w), DKCPR_OK);
  assert_int_equal(n, 13);
  assert_memory_equal(out, "070761XXXX ok", 13);
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &n, w, "x", 1), DKCPR_E_STATE);
  assert_int_equal(dkcpr_washer_finish(out, sizeof out, &n, w), DKCPR_E_STATE);
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &n, NULL, "x", 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_washer_stats(NULL, w), DKCPR_E_NULL);
  {
    dkcpr_wash_stats st;
    st.version = 0;
    assert_int_equal(dkcpr_washer_stats(&st, w), DKCPR_E_ARG);
    st.version = DKCPR_WASH_STATS_VERSION + 1;
    assert_int_equal(dkcpr_washer_stats(&st, w), DKCPR_E_ARG);
  }
  dkcpr_washer_free(w);
  dkcpr_washer_free(NULL);
}

/* dkcpr_wash_options as a program built against version 1 of the header
 * has it: without fallback. */
typedef struct wash_options_v1 {
  unsigned int version;
  dkcpr_wash_mode mode;
  size_t token_chars;
  const char *placeholder;
  size_t placeholder_len;
} wash_options_v1;

/* Wash one number with a v1 struct followed by a canary: the library reads
 * and writes only the v1 fields, so the canary (a bad fallback) never
 * matters and is never changed. */
static void older_options_version_is_accepted(void **state) {
  struct {
    wash_options_v1 v1;
    unsigned char canary[sizeof(dkcpr_wash_options)];
  } *mem = malloc(sizeof *mem);
  dkcpr_wash_options *as_current = (dkcpr_wash_options *)(void *)&mem->v1;
  dkcpr_pseudonymizer *never = NULL;
  dkcpr_washer *w = NULL;
  char out[8192];
  size_t got, fin;
  (void)state;
  assert_non_null(mem);
  assert_int_equal(sizeof(wash_options_v1), offsetof(dkcpr_wash_options, fallback));
  memset(mem, 0x7f, sizeof *mem);
  assert_int_equal(dkcpr_wash_options_init(as_current, 1), DKCPR_OK);
  assert_int_equal(mem->v1.version, 1);
  assert_int_equal(mem->v1.mode, DKCPR_WASH_PSEUDONYM);
  assert_int_equal(mem->v1.token_chars, DKCPR_TOKEN_DEFAULT_CHARS);
  assert_memory_equal(mem->v1.placeholder, "[CPR]", mem->v1.placeholder_len);
  for (got = 0; got < sizeof mem->canary; got++) assert_int_equal(mem->canary[got], 0x7f);

  /* v1 redact mode with its own placeholder. */
  mem->v1.mode = DKCPR_WASH_REDACT;
  mem->v1.placeholder = "<gone>";
  mem->v1.placeholder_len = 6;
  assert_int_equal(dkcpr_washer_new(&w, NULL, NULL, as_current), DKCPR_OK);
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &got, w, "a 0707614285 b", 14), DKCPR_OK);
  assert_int_equal(dkcpr_washer_finish(out + got, sizeof out - got, &fin, w), DKCPR_OK);
  assert_int_equal(got + fin, 10);
  assert_memory_equal(out, "a <gone> b", 10);
  dkcpr_washer_free(w);

  /* v1 pseudonym mode gets the fallback's default, the token. */
  assert_int_equal(dkcpr_pseudonymizer_new(&never, key, sizeof key, NULL, 0,
                                           DKCPR_KEEP_DEFAULT, DKCPR_NEVER_REAL),
                   DKCPR_OK);
  mem->v1.mode = DKCPR_WASH_PSEUDONYM;
  assert_int_equal(dkcpr_washer_new(&w, never, NULL, as_current), DKCPR_OK);
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &got, w, "6701651004\n", 11), DKCPR_OK);
  assert_int_equal(dkcpr_washer_finish(out + got, sizeof out - got, &fin, w), DKCPR_OK);
  assert_int_equal(got + fin, DKCPR_TOKEN_DEFAULT_CHARS + 1);
  dkcpr_washer_free(w);
  for (got = 0; got < sizeof mem->canary; got++) assert_int_equal(mem->canary[got], 0x7f);

  /* The current version reads the field: the same bytes are now refused. */
  mem->v1.version = DKCPR_WASH_OPTIONS_VERSION;
  assert_int_equal(dkcpr_washer_new(&w, never, NULL, as_current), DKCPR_E_ARG);
  dkcpr_pseudonymizer_free(never);
  free(mem);
}

/* The washer keeps its own copy of the placeholder: the caller's may change
 * or go away as soon as dkcpr_washer_new returns. */
static void placeholder_is_copied(void **state) {
  wash_opts o = options(DKCPR_WASH_REDACT);
  char *text = malloc(7), out[8192];
  dkcpr_washer *w = NULL;
  size_t got, fin;
  (void)state;
  assert_non_null(text);
  memcpy(text, "[gone]", 7);
  o.w.placeholder = text;
  o.w.placeholder_len = 6;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_OK);
  memset(text, 'Z', 7);
  free(text);
  o.w.placeholder = NULL;
  assert_int_equal(dkcpr_washer_feed(out, sizeof out, &got, w, "x 070761-4285 y", 15), DKCPR_OK);
  assert_int_equal(dkcpr_washer_finish(out + got, sizeof out - got, &fin, w), DKCPR_OK);
  assert_int_equal(got + fin, 10);
  assert_memory_equal(out, "x [gone] y", 10);
  dkcpr_washer_free(w);
  /* A NULL placeholder with a length is refused in every mode. */
  o = options(DKCPR_WASH_MASK);
  o.w.placeholder = NULL;
  assert_int_equal(dkcpr_washer_new(&w, NULL, &o.scan, &o.w), DKCPR_E_NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(mask_keeps_layout),
      cmocka_unit_test(redact_uses_the_placeholder),
      cmocka_unit_test(redact_placeholder_is_capped),
      cmocka_unit_test(nine_digits_opt_in),
      cmocka_unit_test(nine_digits_round_trip),
      cmocka_unit_test(never_real_replacement_numbers_get_the_fallback),
      cmocka_unit_test(prime_gives_context_only),
      cmocka_unit_test(random_binary_round_trip),
      cmocka_unit_test(other_bytes_unchanged_any_chunking),
      cmocka_unit_test(output_lag_is_bounded),
      cmocka_unit_test(written_forms_round_trip),
      cmocka_unit_test(escaped_forms_round_trip),
      cmocka_unit_test(counts_and_future_births),
      cmocka_unit_test(api_contract),
      cmocka_unit_test(older_options_version_is_accepted),
      cmocka_unit_test(placeholder_is_copied),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
