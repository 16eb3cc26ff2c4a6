/* SPDX-License-Identifier: Apache-2.0 */
/* HL7 v2 by structure: identifiers typed CPR (by authority, type or OID)
 * washed with every segment's delimiters kept, free text washed as text,
 * chunking, reveal byte for byte, the message's own delimiters, syntax
 * errors with their position, rules on fields and components with
 * companions that agree with the segment's pseudonym, long segments. */
#define _POSIX_C_SOURCE 200809L /* strdup, strtok_r */
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
    3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3,
    2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7, 9, 5};

static dkcpr_pseudonymizer *pseudonymizer(void) {
  dkcpr_pseudonymizer *p = NULL;
  assert_int_equal(dkcpr_pseudonymizer_new(&p, key, sizeof key, NULL, 0, DKCPR_KEEP_DEFAULT, 0),
                   DKCPR_OK);
  return p;
}

typedef struct_run run;

/* Wash in[0..len) as HL7 in chunks of step bytes (0: whole). */
static run wash(const dkcpr_pseudonymizer *p, dkcpr_wash_mode mode, const dkcpr_rules *rules,
                const char *placeholder, const char *in, size_t len, size_t step) {
  return struct_wash(p, mode, DKCPR_DATA_HL7, rules, placeholder, in, len, step);
}

/* Field f (1-based; MSH-1 is the separator) of the segment that starts
 * with seg in msg, component c (1-based, 0: the whole field) of its
 * repetition rep (0-based), into out. */
static const char *hl7_get(char *out, size_t cap, const char *msg, const char *seg, int f,
                           int rep, int c) {
  const char *s = msg, *e;
  size_t sl = strlen(seg);
  int i;
  for (;;) {
    if (strncmp(s, seg, sl) == 0 && s[sl] == '|') break;
    s = strchr(s, '\r');
    if (s == NULL) fail_msg("no segment %s", seg);
    s++;
  }
  s += sl;
  if (strncmp(seg, "MSH", 3) == 0) f--; /* MSH-1 is the separator itself */
  for (i = 0; i < f; i++) {
    s = strpbrk(s, "|\r");
    if (s == NULL || *s == '\r') return strcpy(out, "");
    s++;
  }
  for (i = 0; i < rep; i++) {
    s = strpbrk(s, "~|\r");
    if (s == NULL || *s != '~') return strcpy(out, "");
    s++;
  }
  for (i = 1; i < c; i++) {
    s = strpbrk(s, "^~|\r");
    if (s == NULL || *s != '^') return strcpy(out, "");
    s++;
  }
  e = c ? strpbrk(s, "^~|\r") : strpbrk(s, "~|\r");
  if (e == NULL) e = s + strlen(s);
  assert_true((size_t)(e - s) < cap);
  memcpy(out, s, (size_t)(e - s));
  out[e - s] = '\0';
  return out;
}

/* The number of each delimiter in s: washing keeps them all. */
static void count_delimiters(const char *s, size_t counts[6]) {
  static const char d[] = "|^~\\&\r";
  memset(counts, 0, 6 * sizeof counts[0]);
  for (; *s; s++) {
    const char *k = strchr(d, *s);
    if (k != NULL && *s) counts[k - d]++;
  }
}

static const char adt[] =
    "MSH|^~\\&|EPJ|RH|LAB|KBA|20261201101500||ADT^A01^ADT_A01|MSG00001|P|2.5\r"
    "EVN|A01|20261201101500\r"
    "PID|1||0405205297^^^CPR^PN~123456^^^RH^MR~211062-5629^^^&1.2.208.176.1.2&ISO||"
    "Hansen^Peter||20200504|F|||Vestergade 1^^Aarhus C^^8000^DK||+45 12 34 56 78\r"
    "NK1|1|Hansen^Mette|SPO||||||||||||||||||||||||||||||0101901234^^^CPR\r"
    "OBX|1|TX|NOTE||Henvist, cpr 040520-5297, se journal 1505201234||||||F\r";

static void test_identifiers_by_type(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  run r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, adt, strlen(adt), 0);
  size_t before[6], after[6];
  char v[128], orig[128];
  dkcpr_cpr c;
  static const struct {
    const char *seg;
    int f, rep;
  } typed[] = {{"PID", 3, 0}, {"PID", 3, 2}, {"NK1", 33, 0}};
  size_t i;
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  count_delimiters(adt, before);
  count_delimiters(r.out, after);
  assert_memory_equal(before, after, sizeof before);
  for (i = 0; i < sizeof typed / sizeof typed[0]; i++) {
    hl7_get(orig, sizeof orig, adt, typed[i].seg, typed[i].f, typed[i].rep, 1);
    hl7_get(v, sizeof v, r.out, typed[i].seg, typed[i].f, typed[i].rep, 1);
    assert_int_equal(strlen(v), strlen(orig)); /* the written form kept */
    assert_string_not_equal(v, orig);
    assert_int_equal(dkcpr_parse(&c, v, strlen(v), NULL), DKCPR_OK);
  }
  /* The hospital's own number is no CPR number: left. */
  assert_string_equal(hl7_get(v, sizeof v, r.out, "PID", 3, 1, 0), "123456^^^RH^MR");
  /* Free text is washed as text. */
  assert_null(strstr(r.out, "040520-5297"));
  assert_null(strstr(r.out, "1505201234"));
  assert_int_equal(r.counts.values, 3);
  assert_int_equal(r.counts.replaced, 3);
  /* Dates and other fields are left. */
  assert_string_equal(hl7_get(v, sizeof v, r.out, "PID", 7, 0, 0), "20200504");
  assert_string_equal(hl7_get(v, sizeof v, r.out, "MSH", 7, 0, 0), "20261201101500");
  free(r.out);
  dkcpr_pseudonymizer_free(p);
}

static void test_chunks_and_reveal(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  run whole = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, adt, strlen(adt), 0), back;
  size_t step;
  (void)state;
  for (step = 1; step <= 64; step++) {
    run part = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, adt, strlen(adt), step);
    assert_int_equal(part.st, DKCPR_OK);
    assert_int_equal(part.len, whole.len);
    assert_memory_equal(part.out, whole.out, whole.len);
    free(part.out);
  }
  back = wash(p, DKCPR_WASH_REVEAL, NULL, NULL, whole.out, whole.len, 7);
  assert_int_equal(back.st, DKCPR_OK);
  assert_string_equal(back.out, adt);
  free(back.out);
  free(whole.out);
  dkcpr_pseudonymizer_free(p);
}

static void test_line_ends_and_framing(void **state) {
  /* LF, CRLF and MLLP framing (VT ... FS CR) are kept as they are. */
  static const char *const forms[] = {
      "MSH|^~\\&|A|B\nPID|1||0405205297^^^CPR\n",
      "MSH|^~\\&|A|B\r\nPID|1||0405205297^^^CPR\r\n\r\n",
      "\x0bMSH|^~\\&|A|B\rPID|1||0405205297^^^CPR\r\x1c\r\x0bMSH|^~\\&|A|B\rPID|1||0405205297^^^CPR\r\x1c\r",
      "\xEF\xBB\xBFMSH|^~\\&|A|B\rPID|1||0405205297^^^CPR",
  };
  dkcpr_pseudonymizer *p = pseudonymizer();
  size_t i;
  (void)state;
  for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    run r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, forms[i], strlen(forms[i]), 3);
    size_t k;
    assert_int_equal(r.st, DKCPR_OK);
    assert_int_equal(r.len, strlen(forms[i]));
    assert_null(strstr(r.out, "0405205297"));
    /* Everything but the numbers is the same. */
    for (k = 0; k < r.len; k++)
      if (r.out[k] != forms[i][k]) {
        const char *at = strstr(forms[i] + (k >= 9 ? k - 9 : 0), "0405205297");
        assert_non_null(at);
        assert_true((size_t)(at - forms[i]) <= k && k < (size_t)(at - forms[i]) + 10);
      }
    assert_true(r.counts.replaced >= 1);
    free(r.out);
  }
  dkcpr_pseudonymizer_free(p);
}

static void test_own_delimiters(void **state) {
  /* Fields by '#', components by '@': a '|' and a '^' are text then. */
  static const char msg[] = "MSH#@*$%#A#B\rPID#1##0405205297@@@CPR*1|2^3@@@RH\r";
  dkcpr_pseudonymizer *p = pseudonymizer();
  run r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, msg, strlen(msg), 0);
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  assert_int_equal(r.counts.replaced, 1);
  assert_null(strstr(r.out, "0405205297"));
  assert_non_null(strstr(r.out, "@@@CPR*1|2^3@@@RH\r"));
  free(r.out);
  /* A placeholder holding one of the message's delimiters would break it. */
  r = wash(p, DKCPR_WASH_REDACT, NULL, "[C#PR]", msg, strlen(msg), 0);
  assert_int_equal(r.st, DKCPR_E_SYNTAX);
  assert_int_equal(r.err.column, 4);
  free(r.out);
  dkcpr_pseudonymizer_free(p);
}

static void test_syntax_errors(void **state) {
  static const struct {
    const char *in;
    unsigned long long line, column;
  } bad[] = {
      {"PID|1||0405205297\r", 1, 1},                      /* no header first */
      {"MSH|^~\\&|A\rPID|1\rpid|2\r", 3, 1},               /* lower-case segment */
      {"MSH|^~\\&|A\nEVN|1\nPID^1\n", 3, 4},               /* name, then no separator */
      {"MSH|^\r", 1, 4},                                   /* one encoding character */
      {"MSH|^~^&|A\r", 1, 4},                              /* the same one twice */
      {"MSH|^~\\&|A\rPI\r", 2, 1},                         /* a name too short */
      {"MSH|^~\\&|A\rPID|1\r  \r", 3, 1},                  /* spaces are no segment */
  };
  dkcpr_pseudonymizer *p = pseudonymizer();
  size_t i, step;
  (void)state;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    for (step = 0; step <= 5; step++) {
      run r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, bad[i].in, strlen(bad[i].in), step);
      if (r.st != DKCPR_E_SYNTAX || r.err.line != bad[i].line || r.err.column != bad[i].column)
        fail_msg("case %zu step %zu: %s at %llu:%llu", i, step, dkcpr_status_name(r.st),
                 (unsigned long long)r.err.line, (unsigned long long)r.err.column);
      assert_non_null(r.err.message);
      free(r.out);
    }
  dkcpr_pseudonymizer_free(p);
}

static void test_rules_and_companions(void **state) {
  static const char yaml[] =
      "fields:\n"
      "  PID-5.1: last_name\n"
      "  PID-5.2: first_name\n"
      "  PID-7: {birth_date: YYYYMMDD}\n"
      "  PID-8: {sex: {male: M, female: F}}\n"
      "  PID-11: redact\n"
      "  PID-1.1: empty\n"
      "  PID-13: phone\n"
      "  NK1-2: full_name\n";
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *rules = struct_rules_of(yaml);
  run r = wash(p, DKCPR_WASH_PSEUDONYM, rules, NULL, adt, strlen(adt), 0), back;
  char v[128], want[16];
  dkcpr_cpr c;
  size_t step;
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  /* The segment's pseudonym, its birth date and sex. */
  hl7_get(v, sizeof v, r.out, "PID", 3, 0, 1);
  assert_int_equal(dkcpr_parse(&c, v, strlen(v), NULL), DKCPR_OK);
  snprintf(want, sizeof want, "%04d%02d%02d", c.year, c.month, c.day);
  assert_string_equal(hl7_get(v, sizeof v, r.out, "PID", 7, 0, 0), want);
  assert_string_equal(hl7_get(v, sizeof v, r.out, "PID", 8, 0, 0),
                      c.sex == DKCPR_SEX_MALE ? "M" : "F");
  /* PID-1.1 is not PID-11: the set ID is emptied, the address redacted. */
  assert_string_equal(hl7_get(v, sizeof v, r.out, "PID", 1, 0, 0), "");
  assert_string_equal(hl7_get(v, sizeof v, r.out, "PID", 11, 0, 0), "[CPR]");
  assert_string_not_equal(hl7_get(v, sizeof v, r.out, "PID", 5, 0, 1), "Hansen");
  assert_string_not_equal(hl7_get(v, sizeof v, r.out, "PID", 5, 0, 2), "Peter");
  hl7_get(v, sizeof v, r.out, "PID", 13, 0, 0);
  assert_int_equal(strlen(v), strlen("+45 12 34 56 78"));
  assert_memory_equal(v, "+45 ", 4);
  assert_string_not_equal(v, "+45 12 34 56 78");
  /* NK1's name follows NK1's own number, which comes after it. */
  hl7_get(v, sizeof v, r.out, "NK1", 2, 0, 0);
  assert_non_null(strchr(v, ' '));
  assert_null(strchr(v, '^'));
  assert_int_equal(r.counts.rule_unusable, 0);
  for (step = 1; step <= 40; step += 3) {
    run part = wash(p, DKCPR_WASH_PSEUDONYM, rules, NULL, adt, strlen(adt), step);
    assert_string_equal(part.out, r.out);
    free(part.out);
  }
  /* Reveal gives back the numbers and the companions that agreed (sex F
   * with 0405205297, whose last digit is odd: did not agree). */
  back = wash(p, DKCPR_WASH_REVEAL, rules, NULL, r.out, r.len, 5);
  assert_int_equal(back.st, DKCPR_OK);
  assert_string_equal(hl7_get(v, sizeof v, back.out, "PID", 3, 0, 1), "0405205297");
  assert_string_equal(hl7_get(v, sizeof v, back.out, "PID", 7, 0, 0), "20200504");
  assert_string_equal(hl7_get(v, sizeof v, back.out, "PID", 8, 0, 0), "M");
  assert_string_equal(hl7_get(v, sizeof v, back.out, "NK1", 33, 0, 1), "0101901234");
  free(back.out);
  free(r.out);
  dkcpr_rules_free(rules);
  dkcpr_pseudonymizer_free(p);
}

static void test_segment_without_number(void **state) {
  /* A companion in a segment without a CPR number: the placeholder, counted. */
  static const char msg[] = "MSH|^~\\&|A\rPID|1||123^^^RH^MR||X^Y||19900101\r";
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *rules = struct_rules_of("fields:\n  PID-7: {birth_date: YYYYMMDD}\n");
  run r = wash(p, DKCPR_WASH_PSEUDONYM, rules, NULL, msg, strlen(msg), 0);
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  assert_int_equal(r.counts.rule_unusable, 1);
  assert_string_equal(r.out, "MSH|^~\\&|A\rPID|1||123^^^RH^MR||X^Y||[CPR]\r");
  free(r.out);
  dkcpr_rules_free(rules);
  dkcpr_pseudonymizer_free(p);
}

static void test_long_segment(void **state) {
  /* An embedded document longer than a held segment: its fields up to the
   * cut by structure, the rest as text, which still finds numbers. */
  size_t pad = 70 * 1024, len;
  char *msg = malloc(pad + 256);
  const char *head = "MSH|^~\\&|A\rOBX|1|ED|PDF|0405205297^^^CPR|", *tail =
      " cpr 040520-5297|F\rPID|1||0405205297^^^CPR\r";
  dkcpr_pseudonymizer *p = pseudonymizer();
  run r;
  (void)state;
  assert_non_null(msg);
  strcpy(msg, head);
  len = strlen(head);
  memset(msg + len, 'A', pad);
  strcpy(msg + len + pad, tail);
  len = strlen(msg);
  r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, msg, len, 4096);
  assert_int_equal(r.st, DKCPR_OK);
  assert_int_equal(r.len, len);
  assert_null(strstr(r.out, "0405205297"));
  assert_null(strstr(r.out, "040520-5297"));
  assert_int_equal(r.counts.replaced, 2); /* OBX-4 and PID-3 by type */
  free(r.out);
  free(msg);
  dkcpr_pseudonymizer_free(p);
}

static void test_format_guess(void **state) {
  (void)state;
  assert_int_equal(dkcpr_data_format_guess("adt.HL7", 7, NULL, 0), DKCPR_DATA_HL7);
  assert_int_equal(dkcpr_data_format_guess(NULL, 0, adt, strlen(adt)), DKCPR_DATA_HL7);
  assert_int_equal(dkcpr_data_format_guess(NULL, 0, "\x0bMSH|^~\\&|", 10), DKCPR_DATA_HL7);
  assert_int_equal(dkcpr_data_format_guess(NULL, 0, "MSH is a word\n", 14), DKCPR_DATA_TEXT);
  assert_string_equal(dkcpr_data_format_name(DKCPR_DATA_HL7), "hl7");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_identifiers_by_type),
      cmocka_unit_test(test_chunks_and_reveal),
      cmocka_unit_test(test_line_ends_and_framing),
      cmocka_unit_test(test_own_delimiters),
      cmocka_unit_test(test_syntax_errors),
      cmocka_unit_test(test_rules_and_companions),
      cmocka_unit_test(test_segment_without_number),
      cmocka_unit_test(test_long_segment),
      cmocka_unit_test(test_format_guess),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
