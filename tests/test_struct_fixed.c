/* SPDX-License-Identifier: Apache-2.0 */
/* Fixed-width records by a rules file's layout, as CPR-register extracts
 * write them: the PNR inside one long run of digits (which text washing
 * cannot see) washed in its place, relations naming the same person with
 * the same pseudonym, companions and names in their widths, every record
 * keeping its length, reveal byte for byte, chunking, layout errors with
 * their line and column, modes that would change a width refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"
#include "struct_wash_util.h"

static const uint8_t key[DKCPR_KEY_BYTES] = {
    2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4, 5,
    2, 3, 5, 3, 6, 0, 2, 8, 7, 4, 7, 1, 3, 5, 2, 6};

static dkcpr_pseudonymizer *pseudonymizer(void) {
  dkcpr_pseudonymizer *p = NULL;
  assert_int_equal(dkcpr_pseudonymizer_new(&p, key, sizeof key, NULL, 0, DKCPR_KEEP_DEFAULT, 0),
                   DKCPR_OK);
  return p;
}

/* A CPR-register extract: 000 start, 001 person (PNR, birth date, sex,
 * status, name), 002 relations (mother, father, spouse), 999 end. */
static const char layout[] =
    "layout:\n"
    "  type: {start: 1, length: 3}\n"
    "  records:\n"
    "    \"001\":\n"
    "      PNR: {start: 4, length: 10}\n"
    "      FOED_DATO: {start: 14, length: 8}\n"
    "      KOEN: {start: 22, length: 1}\n"
    "      NAVN: {start: 25, length: 20}\n"
    "    \"002\":\n"
    "      PNR: {start: 4, length: 10}\n"
    "      MORPNR: {start: 14, length: 10}\n"
    "      FARPNR: {start: 24, length: 10}\n"
    "      AEGTEPNR: {start: 34, length: 10}\n";

static const char extract[] =
    "00020261201CPR-UDTRAEK\n"
    "001040520529720200504M01Hansen Peter        \n"
    "0020405205297291170065701011900010000000000\n"
    "001291170065719701129K01Jensen Anne         \n"
    "0020101900123000000000000000000002911700657\n"
    "999000000000005\n";

static dkcpr_rules *rules_of(const char *fields) {
  char yaml[2048];
  snprintf(yaml, sizeof yaml, "%s%s", layout, fields);
  return struct_rules_of(yaml);
}

static char *wash(const dkcpr_pseudonymizer *p, dkcpr_wash_mode mode, dkcpr_data_format f,
                  const dkcpr_rules *rules, const char *in, size_t step,
                  dkcpr_struct_counts *counts) {
  return struct_wash_ok(p, mode, f, rules, NULL, in, step, counts);
}

/* Line k (0-based) of s, into out. */
static const char *line_of(char *out, size_t cap, const char *s, int k) {
  const char *e;
  while (k-- > 0) s = strchr(s, '\n') + 1;
  e = strchr(s, '\n');
  assert_true((size_t)(e - s) < cap);
  memcpy(out, s, (size_t)(e - s));
  out[e - s] = '\0';
  return out;
}

static void expect_pseudonym(const dkcpr_pseudonymizer *p, const char *at, const char *real) {
  char pseudo[11];
  size_t n;
  assert_int_equal(dkcpr_pseudonymize(pseudo, sizeof pseudo, &n, p, real, 10, NULL), DKCPR_OK);
  assert_memory_equal(at, pseudo, 10);
}

static void test_numbers_inside_digit_runs(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *r = rules_of("fields:\n  MORPNR: cpr\n  FARPNR: cpr\n  AEGTEPNR: cpr\n");
  dkcpr_struct_counts c;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_FIXED, r, extract, 0, &c);
  char *as_text;
  char l[128];
  size_t step;
  (void)state;
  assert_int_equal(strlen(out), strlen(extract));
  /* Text washing sees no number inside a run of digits: the leak. */
  as_text = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_TEXT, NULL, extract, 0, NULL);
  assert_non_null(strstr(as_text, "0010405205297"));
  free(as_text);
  line_of(l, sizeof l, out, 1);
  expect_pseudonym(p, l + 3, "0405205297");
  assert_memory_equal(l + 13, "20200504M01Hansen Peter", 23); /* no rules for them */
  line_of(l, sizeof l, out, 2);
  expect_pseudonym(p, l + 3, "0405205297");
  expect_pseudonym(p, l + 13, "2911700657");
  expect_pseudonym(p, l + 23, "0101190001");
  assert_memory_equal(l + 33, "0000000000", 10); /* not a CPR number: left */
  line_of(l, sizeof l, out, 4);
  expect_pseudonym(p, l + 33, "2911700657"); /* the same person, the same pseudonym */
  assert_string_equal(line_of(l, sizeof l, out, 0), "00020261201CPR-UDTRAEK");
  assert_string_equal(line_of(l, sizeof l, out, 5), "999000000000005");
  assert_int_equal(c.values, 10);
  assert_int_equal(c.replaced, 7);
  assert_int_equal(c.unrecognised, 3);
  for (step = 1; step <= 64; step++) {
    char *part = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_FIXED, r, extract, step, NULL);
    assert_string_equal(part, out);
    free(part);
  }
  {
    char *back = wash(p, DKCPR_WASH_REVEAL, DKCPR_DATA_FIXED, r, out, 7, NULL);
    assert_string_equal(back, extract);
    free(back);
  }
  free(out);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

static void test_companions_and_names(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *r = rules_of("fields:\n  FOED_DATO: {birth_date: YYYYMMDD}\n"
                            "  KOEN: {sex: {male: M, female: K}}\n  NAVN: full_name\n");
  dkcpr_struct_counts c;
  char *out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_FIXED, r, extract, 0, &c), *back;
  char l[128], want[16];
  dkcpr_cpr cpr;
  int k;
  (void)state;
  assert_int_equal(strlen(out), strlen(extract));
  for (k = 1; k <= 3; k += 2) {
    line_of(l, sizeof l, out, k);
    assert_int_equal(strlen(l), 44);
    assert_int_equal(dkcpr_parse(&cpr, l + 3, 10, NULL), DKCPR_OK);
    snprintf(want, sizeof want, "%04d%02d%02d", cpr.year, cpr.month, cpr.day);
    assert_memory_equal(l + 13, want, 8);
    assert_int_equal(l[21], cpr.sex == DKCPR_SEX_MALE ? 'M' : 'K');
    assert_memory_equal(l + 22, "01", 2);
    /* A lookalike name, padded with spaces to the field's width. */
    assert_memory_not_equal(l + 24, k == 1 ? "Hansen Peter" : "Jensen Anne", 11);
    assert_non_null(strchr(l + 24, ' '));
  }
  assert_int_equal(c.rule_unusable, 0);
  /* Reveal gives the numbers, birth dates and sexes back (the names are
   * one-way): 0405205297 is male, as its record says; 2911700657 is male
   * too, where its record said K. */
  back = wash(p, DKCPR_WASH_REVEAL, DKCPR_DATA_FIXED, r, out, 5, NULL);
  line_of(l, sizeof l, back, 1);
  assert_memory_equal(l, "001040520529720200504M01", 24);
  line_of(l, sizeof l, back, 3);
  assert_memory_equal(l, "001291170065719701129M01", 24);
  free(back);
  free(out);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

static void test_short_and_long_records(void **state) {
  /* A record shorter than a field leaves that field; a record longer than
   * what is held is washed by its layout as far as held. */
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *r = rules_of("");
  size_t pad = 70 * 1024;
  char *in = malloc(pad + 64), *out;
  (void)state;
  assert_non_null(in);
  strcpy(in, "00104052052\n0010405205297");
  memset(in + 25, '9', pad);
  strcpy(in + 25 + pad, "\n0010405205297\n0212911700657x\n");
  out = wash(p, DKCPR_WASH_PSEUDONYM, DKCPR_DATA_FIXED, r, in, 4096, NULL);
  assert_int_equal(strlen(out), strlen(in));
  assert_memory_equal(out, "00104052052\n", 12);
  assert_null(strstr(out, "0405205297"));
  /* A type without a layout is kept as it is (no number starts in it);
   * the digits after it are text. */
  assert_non_null(strstr(out, "\n021"));
  assert_null(strstr(out, "2911700657"));
  free(out);
  free(in);
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

static void test_layout_errors_and_refusals(void **state) {
  static const struct {
    const char *yaml;
    unsigned long long line, column;
  } bad[] = {
      {"layout: [1]\n", 1, 9},
      {"layout:\n  type: {start: 1, length: 3}\n", 2, 3},
      {"layout:\n  records: {\"001\": {PNR: {start: 4, length: 10}}}\n", 2, 13},
      {"layout:\n  type: {start: 1, length: 3}\n  records: {\"01\": {P: {start: 4, length: 10}}}\n",
       3, 13},
      {"layout:\n  type: {start: 1, length: 3}\n  records:\n    \"001\": {A: {start: 4, length: 10},"
       " B: {start: 13, length: 2}}\n", 4, 12},
      {"layout:\n  records:\n    \"*\": {A: {start: 0, length: 1}}\n", 3, 22},
      {"layout:\n  records:\n    \"*\": {A: {start: 1, length: 65}}\n", 3, 33},
      {"layout:\n  records:\n    \"*\": {A: {start: 1}}\n", 3, 14},
      {"layout:\n  colour: red\n  records:\n    \"*\": {A: {start: 1, length: 1}}\n", 2, 3},
      {"layout:\n  records:\n    \"*\": {A: {start: 3, length: 2}}\n  type: {start: 1, length: 3}\n",
       3, 10},
  };
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *r;
  dkcpr_struct_washer *w = NULL;
  dkcpr_wash_options wo;
  dkcpr_struct_options so;
  size_t i;
  (void)state;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
    r = NULL;
    if (dkcpr_rules_parse(&r, &e, bad[i].yaml, strlen(bad[i].yaml)) != DKCPR_E_SYNTAX ||
        e.line != bad[i].line || e.column != bad[i].column)
      fail_msg("case %zu: line %llu column %llu (%s)", i, (unsigned long long)e.line,
               (unsigned long long)e.column, e.message ? e.message : "accepted");
    assert_null(r);
  }
  /* A token or a placeholder would change a width; a layout needs fixed. */
  r = rules_of("");
  assert_int_equal(dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION), DKCPR_OK);
  assert_int_equal(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION), DKCPR_OK);
  so.rules = r;
  so.format = DKCPR_DATA_FIXED;
  wo.mode = DKCPR_WASH_TOKEN;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, &wo, &so), DKCPR_E_ARG);
  wo.mode = DKCPR_WASH_REDACT;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, &wo, &so), DKCPR_E_ARG);
  wo.mode = DKCPR_WASH_MASK;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, &wo, &so), DKCPR_OK);
  dkcpr_struct_washer_free(w);
  so.format = DKCPR_DATA_CSV;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, &wo, &so), DKCPR_E_ARG);
  so.format = DKCPR_DATA_FIXED;
  so.rules = NULL;
  assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, &wo, &so), DKCPR_E_ARG);
  assert_string_equal(dkcpr_data_format_name(DKCPR_DATA_FIXED), "fixed");
  dkcpr_rules_free(r);
  dkcpr_pseudonymizer_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_numbers_inside_digit_runs),
      cmocka_unit_test(test_companions_and_names),
      cmocka_unit_test(test_short_and_long_records),
      cmocka_unit_test(test_layout_errors_and_refusals),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
