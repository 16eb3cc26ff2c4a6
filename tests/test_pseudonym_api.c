/* SPDX-License-Identifier: Apache-2.0 */
/* Handles, keys and argument errors; synthetic numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "class_rank.h"
#include "pseudonym_util.h"

static void handle_arguments(void **state) {
  dkcpr_pseudonymizer *p = NULL;
  (void)state;
  assert_int_equal(dkcpr_pseudonymizer_new(NULL, test_key, 32, NULL, 0, 0, 0), DKCPR_E_NULL);
  assert_int_equal(dkcpr_pseudonymizer_new(&p, NULL, 32, NULL, 0, 0, 0), DKCPR_E_NULL);
  assert_int_equal(dkcpr_pseudonymizer_new(&p, test_key, 32, NULL, 3, 0, 0), DKCPR_E_NULL);
  assert_int_equal(dkcpr_pseudonymizer_new(&p, test_key, 31, NULL, 0, 0, 0), DKCPR_E_KEY);
  assert_int_equal(dkcpr_pseudonymizer_new(&p, test_key, 16, NULL, 0, 0, 0), DKCPR_E_KEY);
  assert_int_equal(dkcpr_pseudonymizer_new(&p, test_key, 32, NULL, 0, 8, 0), DKCPR_E_ARG);
  assert_int_equal(dkcpr_pseudonymizer_new(&p, test_key, 32, NULL, 0, 0, 2), DKCPR_E_ARG);
  assert_null(p);
  assert_int_equal(dkcpr_pseudonymizer_new(&p, test_key, 32, NULL, 0, DKCPR_KEEP_DEFAULT, 0),
                   DKCPR_OK);
  dkcpr_pseudonymizer_free(p);
  dkcpr_pseudonymizer_free(NULL);
  assert_string_equal(dkcpr_algorithm(), "dkcpr-fpe-1");
  assert_string_equal(dkcpr_algorithm(), DKCPR_ALGORITHM);
}

/* keep=date implies the year: the same mapping as keep=date|year. */
static void date_implies_year(void **state) {
  dkcpr_pseudonymizer *a = tu_handle("x", DKCPR_KEEP_DATE, 0);
  dkcpr_pseudonymizer *b = tu_handle("x", DKCPR_KEEP_DATE | DKCPR_KEEP_YEAR, 0);
  char oa[11], ob[11];
  (void)state;
  assert_int_equal(dkcpr_pseudonymize(oa, 11, NULL, a, "2110625629", 10, NULL), DKCPR_OK);
  assert_int_equal(dkcpr_pseudonymize(ob, 11, NULL, b, "2110625629", 10, NULL), DKCPR_OK);
  assert_string_equal(oa, ob);
  dkcpr_pseudonymizer_free(a);
  dkcpr_pseudonymizer_free(b);
}

static void call_errors(void **state) {
  dkcpr_pseudonymizer *p = tu_handle("", DKCPR_KEEP_DEFAULT, 0);
  char out[32];
  const char *in[3] = {"2110625629", "3213625629", NULL};
  size_t lens[3] = {10, 10, 10}, outl[3];
  dkcpr_status st[3];
  dkcpr_options o;
  (void)state;
  assert_int_equal(dkcpr_pseudonymize(out, 32, NULL, NULL, "2110625629", 10, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_pseudonymize(out, 32, NULL, p, NULL, 10, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_pseudonymize(NULL, 32, NULL, p, "2110625629", 10, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_reveal(out, 32, NULL, p, "21106256", 8, NULL), DKCPR_E_LENGTH);
  assert_int_equal(dkcpr_pseudonymize(out, 32, NULL, p, "3213625629", 10, NULL), DKCPR_E_DATE);
  /* replacement numbers follow the caller's options */
  assert_int_equal(dkcpr_pseudonymize(out, 32, NULL, p, "8110625629", 10, NULL),
                   DKCPR_E_REPLACEMENT);
  /* the not-yet-born check is never applied: the mapping may not depend on the day */
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.ref_year = 1900, o.ref_month = 1, o.ref_day = 1;
  assert_int_equal(dkcpr_pseudonymize(out, 32, NULL, p, "2110625629", 10, &o), DKCPR_OK);
  /* strict policy: a mod-11 failure is an error */
  o.policy = DKCPR_POLICY_STRICT;
  assert_int_equal(dkcpr_pseudonymize(out, 32, NULL, p, "2110625628", 10, &o), DKCPR_E_MOD11);
  /* batches: a status per element, the first failure returned */
  assert_int_equal(dkcpr_pseudonymize_many(out, 10, outl, st, p, in, lens, 3, NULL),
                   DKCPR_E_BUFSIZE);
  assert_int_equal(dkcpr_pseudonymize_many(out, 11, outl, st, p, in, lens, 3, NULL), DKCPR_E_DATE);
  assert_int_equal(st[0], DKCPR_OK);
  assert_int_equal(outl[0], 10);
  assert_int_equal(st[1], DKCPR_E_DATE);
  assert_int_equal(outl[1], 0);
  assert_int_equal(st[2], DKCPR_E_NULL);
  assert_int_equal(dkcpr_pseudonymize_many(out, 11, outl, NULL, p, in, lens, 3, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_reveal_many(out, 11, outl, st, p, NULL, lens, 3, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_reveal_many(NULL, 11, NULL, NULL, p, NULL, NULL, 0, NULL), DKCPR_OK);
  dkcpr_pseudonymizer_free(p);
}

static void keys(void **state) {
  uint8_t k[32], k2[32], before[32];
  const char *hex = "603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914dff4";
  (void)state;
  assert_int_equal(dkcpr_key_bytes(), 32);
  assert_int_equal(dkcpr_keygen(k, 32), DKCPR_OK);
  assert_int_equal(dkcpr_keygen(k2, 32), DKCPR_OK);
  assert_memory_not_equal(k, k2, 32);
  assert_int_equal(dkcpr_keygen(k, 31), DKCPR_E_KEY);
  assert_int_equal(dkcpr_keygen(NULL, 32), DKCPR_E_NULL);
  assert_int_equal(dkcpr_key_from_hex(k, 32, hex, 64), DKCPR_OK);
  assert_memory_equal(k, test_key, 32);
  {
    char buf[80];
    memcpy(buf, hex, 64);
    memcpy(buf + 64, "\r\n", 2);
    assert_int_equal(dkcpr_key_from_hex(k, 32, buf, 65), DKCPR_E_KEY); /* lone \r */
    assert_int_equal(dkcpr_key_from_hex(k, 32, buf, 66), DKCPR_OK);
    buf[64] = '\n';
    assert_int_equal(dkcpr_key_from_hex(k, 32, buf, 65), DKCPR_OK);
    assert_int_equal(dkcpr_key_from_hex(k, 32, buf, 66), DKCPR_E_KEY);
    memcpy(before, k, 32);
    buf[10] = 'g';
    assert_int_equal(dkcpr_key_from_hex(k, 32, buf, 64), DKCPR_E_KEY);
    assert_memory_equal(k, before, 32); /* nothing written on error */
  }
  assert_int_equal(dkcpr_key_from_hex(k, 32, hex, 63), DKCPR_E_KEY);
  assert_int_equal(dkcpr_key_from_hex(k, 16, hex, 64), DKCPR_E_KEY);
  assert_int_equal(dkcpr_key_from_hex(NULL, 32, hex, 64), DKCPR_E_NULL);
}

static void generate(void **state) {
  dkcpr_generate_options g;
  char *a = malloc(5000 * 11), *b = malloc(5000 * 11);
  uint64_t total = 0, *keys_ = malloc(5000 * sizeof *keys_);
  const uint8_t seed[] = "seed";
  (void)state;
  assert_int_equal(dkcpr_generate_options_init(&g, DKCPR_GENERATE_OPTIONS_VERSION), DKCPR_OK);
  assert_int_equal(g.from_year, 1858);
  assert_int_equal(g.sex, -1);
  assert_int_equal(g.mod11, -1);
  assert_int_equal(dkcpr_generate_options_init(&g, 99), DKCPR_E_ARG);
  dkcpr_generate_options_init(&g, DKCPR_GENERATE_OPTIONS_VERSION);
  g.from_year = 1990, g.from_month = 1, g.from_day = 1;
  g.to_year = 1990, g.to_month = 12, g.to_day = 31;
  g.sex = DKCPR_SEX_FEMALE;
  g.mod11 = 1;
  assert_int_equal(dkcpr_generate(a, 11, &total, &g, seed, 4, 0, 5000), DKCPR_OK);
  assert_true(total > 90000 && total < 110000);
  for (int i = 0; i < 5000; i++) {
    facts f = tu_facts(a + 11 * i);
    assert_true(f.ok);
    assert_int_equal(f.kind, DKCPR_KIND_CPR);
    assert_int_equal(f.year, 1990);
    assert_int_equal(f.sex, 0);
    assert_true(f.mod11);
    keys_[i] = tu_key(a + 11 * i);
  }
  qsort(keys_, 5000, sizeof *keys_, tu_cmp_u64);
  for (int i = 1; i < 5000; i++) assert_true(keys_[i - 1] < keys_[i]);
  /* element first + i is fixed for the seed */
  assert_int_equal(dkcpr_generate(b, 11, NULL, &g, seed, 4, 1000, 10), DKCPR_OK);
  assert_memory_equal(b, a + 1000 * 11, 10 * 11);
  assert_int_equal(dkcpr_generate(b, 11, NULL, &g, (const uint8_t *)"seeD", 4, 1000, 10), DKCPR_OK);
  assert_memory_not_equal(b, a + 1000 * 11, 10 * 11);
  /* the whole of a small class, then one too many */
  g.from_month = g.to_month = 3;
  g.from_day = g.to_day = 7;
  g.sex = -1;
  g.mod11 = -1;
  g.flags = DKCPR_GENERATE_NEVER_REAL;
  assert_int_equal(dkcpr_generate(a, 11, &total, &g, NULL, 0, 0, 0), DKCPR_OK);
  assert_int_equal(total, 6000);
  assert_int_equal(dkcpr_generate(a, 11, &total, &g, NULL, 0, 0, 5000), DKCPR_OK);
  for (int i = 0; i < 5000; i++) {
    facts f = tu_facts(a + 11 * i);
    assert_true(f.ok);
    assert_int_equal(f.kind, DKCPR_KIND_REPLACEMENT);
    assert_int_equal(f.day, 7);
    keys_[i] = tu_key(a + 11 * i);
  }
  qsort(keys_, 5000, sizeof *keys_, tu_cmp_u64);
  for (int i = 1; i < 5000; i++) assert_true(keys_[i - 1] < keys_[i]);
  assert_int_equal(dkcpr_generate(a, 11, NULL, &g, NULL, 0, 5999, 1), DKCPR_OK);
  assert_int_equal(dkcpr_generate(a, 11, NULL, &g, NULL, 0, 5999, 2), DKCPR_E_RANGE);
  assert_int_equal(dkcpr_generate(a, 10, NULL, &g, NULL, 0, 0, 1), DKCPR_E_ARG);
  g.to_year = 2058;
  assert_int_equal(dkcpr_generate(a, 11, NULL, &g, NULL, 0, 0, 1), DKCPR_E_ARG);
  g.to_year = 1990;
  g.sex = 2;
  assert_int_equal(dkcpr_generate(a, 11, NULL, &g, NULL, 0, 0, 1), DKCPR_E_ARG);
  assert_int_equal(dkcpr_generate(a, 11, NULL, NULL, NULL, 0, 0, 1), DKCPR_E_NULL);
  free(a);
  free(b);
  free(keys_);
}

/* The handle, with its tables, stays under 1 MB. */
static void handle_size(void **state) {
  (void)state;
  assert_true(dkcpr__tables_bytes() + 4096 < 1024 * 1024);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(handle_arguments), cmocka_unit_test(date_implies_year),
      cmocka_unit_test(call_errors),      cmocka_unit_test(keys),
      cmocka_unit_test(generate),         cmocka_unit_test(handle_size),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
