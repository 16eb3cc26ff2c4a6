/* SPDX-License-Identifier: Apache-2.0 */
/* Shared by the structured washer's tests: rules read, and an input washed
 * in chunks with its output, status and counts collected. Include after
 * <cmocka.h>. */
#ifndef DKCPR_TEST_STRUCT_WASH_UTIL_H
#define DKCPR_TEST_STRUCT_WASH_UTIL_H

#include <stdlib.h>
#include <string.h>

#include "dkcpr.h"

/* Rules read from yaml, or the test fails with where they stop. */
static inline dkcpr_rules *struct_rules_of(const char *yaml) {
  dkcpr_rules *r = NULL;
  dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
  if (dkcpr_rules_parse(&r, &e, yaml, strlen(yaml)) != DKCPR_OK)
    fail_msg("rules: %s at %llu:%llu", e.message ? e.message : "?",
             (unsigned long long)e.line, (unsigned long long)e.column);
  return r;
}

typedef struct struct_run {
  char *out;                  /* NUL-terminated; the caller frees it */
  size_t len;
  dkcpr_status st;            /* of the call that stopped it */
  dkcpr_struct_error err;     /* when st is not DKCPR_OK */
  dkcpr_struct_counts counts; /* when st is DKCPR_OK */
} struct_run;

/* A washer of format f with rules (may be NULL) and placeholder (NULL:
 * the default). */
static inline dkcpr_struct_washer *struct_washer_of(const dkcpr_pseudonymizer *p,
                                                    dkcpr_wash_mode mode, dkcpr_data_format f,
                                                    const dkcpr_rules *rules,
                                                    const char *placeholder) {
  dkcpr_wash_options wo;
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  assert_int_equal(dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION), DKCPR_OK);
  wo.mode = mode;
  if (placeholder != NULL) {
    wo.placeholder = placeholder;
    wo.placeholder_len = strlen(placeholder);
  }
  assert_int_equal(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION), DKCPR_OK);
  so.format = f;
  so.rules = rules;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, &wo, &so), DKCPR_OK);
  return w;
}

/* Feed in[0..len) to w in chunks of step bytes (0: whole), then finish;
 * stops at the first status that is not DKCPR_OK. Sets out, len and st. */
static inline struct_run struct_feed_all(dkcpr_struct_washer *w, const char *in, size_t len,
                                         size_t step) {
  size_t done = 0, n;
  struct_run r;
  memset(&r, 0, sizeof r);
  if (step == 0) step = len ? len : 1;
  for (;;) {
    size_t take = len - done < step ? len - done : step;
    size_t need = dkcpr_struct_washer_bound(w, take);
    r.out = realloc(r.out, r.len + need + 1);
    assert_non_null(r.out);
    r.st = take == 0 ? dkcpr_struct_washer_finish(r.out + r.len, need, &n, w)
                     : dkcpr_struct_washer_feed(r.out + r.len, need, &n, w, in + done, take);
    if (r.st != DKCPR_OK) break;
    assert_true(n <= need);
    r.len += n;
    if (take == 0) break;
    done += take;
  }
  r.out[r.len] = '\0';
  return r;
}

/* Wash in[0..len) with a washer of struct_washer_of() fed by struct_feed_all(), then
 * read its counts or its error. */
static inline struct_run struct_wash(const dkcpr_pseudonymizer *p, dkcpr_wash_mode mode,
                                     dkcpr_data_format f, const dkcpr_rules *rules,
                                     const char *placeholder, const char *in, size_t len,
                                     size_t step) {
  dkcpr_struct_washer *w = struct_washer_of(p, mode, f, rules, placeholder);
  struct_run r = struct_feed_all(w, in, len, step);
  if (r.st == DKCPR_OK) {
    r.counts.version = DKCPR_STRUCT_COUNTS_VERSION;
    assert_int_equal(dkcpr_struct_washer_stats(NULL, &r.counts, w), DKCPR_OK);
  } else {
    r.err.version = DKCPR_STRUCT_ERROR_VERSION;
    assert_int_equal(dkcpr_struct_washer_error(&r.err, w), DKCPR_OK);
  }
  dkcpr_struct_washer_free(w);
  return r;
}

/* The same for an input that must wash: the output, and the counts into
 * counts (may be NULL). */
static inline char *struct_wash_ok(const dkcpr_pseudonymizer *p, dkcpr_wash_mode mode,
                                   dkcpr_data_format f, const dkcpr_rules *rules,
                                   const char *placeholder, const char *in, size_t step,
                                   dkcpr_struct_counts *counts) {
  struct_run r = struct_wash(p, mode, f, rules, placeholder, in, strlen(in), step);
  assert_int_equal(r.st, DKCPR_OK);
  if (counts != NULL) *counts = r.counts;
  return r.out;
}

#endif /* DKCPR_TEST_STRUCT_WASH_UTIL_H */
