/* SPDX-License-Identifier: Apache-2.0 */
/* Lenient input: white space, Unicode dashes and spaces, digits of any
 * script, invalid UTF-8; the layout and dkcpr__render round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"
#include "parse.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

static dkcpr_options lenient(void) {
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.flags = DKCPR_PARSE_LENIENT | DKCPR_PARSE_ALLOW_REPLACEMENT;
  o.ref_year = 2026;
  o.ref_month = 11;
  o.ref_day = 26;
  return o;
}

static void default_mode_takes_ascii_forms_only(void **state) {
  (void)state;
  dkcpr_options o = lenient();
  o.flags = 0;
  assert_int_equal(dkcpr_validate("0707614285", 10, &o), DKCPR_OK);
  assert_int_equal(dkcpr_validate("070761-4285", 11, &o), DKCPR_OK);
  assert_int_equal(dkcpr_validate("070761 4285", 11, &o), DKCPR_OK);
  assert_int_equal(dkcpr_validate(" 070761-4285", 12, &o), DKCPR_E_LENGTH);
  assert_int_equal(dkcpr_validate("070761-4285\n", 12, &o), DKCPR_E_LENGTH);
  assert_int_equal(dkcpr_validate("070761\xe2\x80\x93" "4285", 13, &o), DKCPR_E_LENGTH);
  o.flags = DKCPR_PARSE_LENIENT;
  assert_int_equal(dkcpr_validate(" 070761-4285", 12, &o), DKCPR_OK);
  assert_int_equal(dkcpr_validate("070761-4285\n", 12, &o), DKCPR_OK);
  assert_int_equal(dkcpr_validate("070761\xe2\x80\x93" "4285", 13, &o), DKCPR_OK);
}

static size_t put_utf8(unsigned char *o, uint32_t cp) {
  size_t n = 0;
  U8_APPEND_UNSAFE(o, n, (UChar32)cp);
  return n;
}

/* 070761-4285 written in one digit script; parses, records the script, and
 * renders back byte for byte. */
static void check_script(uint32_t zero) {
  static const char digits[] = "0707614285";
  dkcpr_options o = lenient();
  unsigned char in[64];
  size_t n = 0;
  for (int i = 0; i < 10; i++) {
    if (i == 6)
      in[n++] = '-';
    n += put_utf8(in + n, zero + (uint32_t)(digits[i] - '0'));
  }
  dkcpr_cpr c;
  dkcpr__layout lay;
  assert_int_equal(dkcpr__parse_layout(&c, &lay, (const char *)in, n, &o), DKCPR_OK);
  assert_string_equal(c.digits, "0707614285");
  for (int i = 0; i < 10; i++)
    assert_int_equal(lay.zero[i], zero);
  char out[64];
  size_t out_len = 0;
  assert_int_equal(dkcpr__render(out, sizeof out, &out_len, (const char *)in, n,
                                 &lay, c.digits), DKCPR_OK);
  assert_int_equal(out_len, n);
  assert_memory_equal(out, in, n);
}

/* Every decimal-digit script ICU knows (each zero of general category Nd),
 * plus a few named ones from the Unicode character database. */
static void every_digit_script(void **state) {
  (void)state;
  int scripts = 0;
  for (UChar32 cp = 0; cp <= 0x10FFFF; cp++)
    if (u_charType(cp) == U_DECIMAL_DIGIT_NUMBER && u_charDigitValue(cp) == 0) {
      check_script((uint32_t)cp);
      scripts++;
    }
  assert_true(scripts >= 60);
  static const uint32_t zeros[] = {0x30,  0x660,   0x6F0,   0x966,   0x9E6,
                                   0xE50, 0xFF10,  0x1D7CE, 0x1D7D8, 0x104A0,
                                   0xA8D0};
  for (size_t z = 0; z < sizeof zeros / sizeof zeros[0]; z++)
    check_script(zeros[z]);
}

static void layout_records_offsets_and_scripts(void **state) {
  (void)state;
  dkcpr_options o = lenient();
  /* NBSP, then full-width 0, ASCII 7, Arabic-Indic 0, ... with an en dash. */
  const char in[] = "\xc2\xa0\xef\xbc\x90" "7\xd9\xa0" "761\xe2\x80\x93" "4285\xe3\x80\x80";
  dkcpr_cpr c;
  dkcpr__layout lay;
  assert_int_equal(dkcpr__parse_layout(&c, &lay, in, sizeof in - 1, &o), DKCPR_OK);
  assert_string_equal(c.digits, "0707614285");
  static const size_t off[10] = {2, 5, 6, 8, 9, 10, 14, 15, 16, 17};
  static const uint8_t len[10] = {3, 1, 2, 1, 1, 1, 1, 1, 1, 1};
  static const uint32_t zero[10] = {0xFF10, 0x30, 0x660, 0x30, 0x30,
                                    0x30,   0x30, 0x30,  0x30, 0x30};
  for (int i = 0; i < 10; i++) {
    assert_int_equal(lay.offset[i], off[i]);
    assert_int_equal(lay.length[i], len[i]);
    assert_int_equal(lay.zero[i], zero[i]);
  }
  /* Render other digits: each in the script of the one it replaces,
   * everything else (white space, dash) kept. */
  char out[64];
  size_t out_len;
  assert_int_equal(dkcpr__render(out, sizeof out, &out_len, in, sizeof in - 1, &lay,
                                 "1234567890"), DKCPR_OK);
  const char want[] = "\xc2\xa0\xef\xbc\x91" "2\xd9\xa3" "456\xe2\x80\x93" "7890\xe3\x80\x80";
  assert_int_equal(out_len, sizeof want - 1);
  assert_memory_equal(out, want, sizeof want);
  /* The rendered text parses to the new digits. */
  o.flags |= DKCPR_PARSE_ALLOW_FUTURE;
  assert_int_equal(dkcpr_parse(&c, out, out_len, &o), DKCPR_E_DATE); /* month 34 */
}

static void layout_of_ascii_forms(void **state) {
  (void)state;
  dkcpr_options o = lenient();
  dkcpr__layout lay;
  dkcpr_cpr c;
  assert_int_equal(dkcpr__parse_layout(&c, &lay, "  070761 4285\t", 14, &o), DKCPR_OK);
  for (int i = 0; i < 10; i++) {
    assert_int_equal(lay.offset[i], 2 + i + (i >= 6));
    assert_int_equal(lay.length[i], 1);
    assert_int_equal(lay.zero[i], '0');
  }
  o.flags = DKCPR_PARSE_ALLOW_REPLACEMENT;
  assert_int_equal(dkcpr__parse_layout(&c, &lay, "0203291WQ3", 10, &o), DKCPR_OK);
  assert_int_equal(lay.zero[7], 0);
  assert_int_equal(lay.zero[8], 0);
  assert_int_equal(lay.zero[9], '0');
  char out[16];
  size_t out_len;
  /* Letters over letters, and a digit written over a letter comes out ASCII. */
  assert_int_equal(dkcpr__render(out, sizeof out, &out_len, "0203291WQ3", 10, &lay,
                                 "1104071AB5"), DKCPR_OK);
  assert_string_equal(out, "1104071AB5");
  assert_int_equal(dkcpr__render(out, sizeof out, &out_len, "0203291WQ3", 10, &lay,
                                 "1104071125"), DKCPR_OK);
  assert_string_equal(out, "1104071125");
}

static void render_errors(void **state) {
  (void)state;
  dkcpr_options o = lenient();
  dkcpr__layout lay;
  dkcpr_cpr c;
  const char *in = "\xef\xbc\x90" "707614285";
  size_t n = strlen(in);
  assert_int_equal(dkcpr__parse_layout(&c, &lay, in, n, &o), DKCPR_OK);
  char out[32];
  size_t out_len = 99;
  /* Exactly enough room: n bytes and the NUL. Less: E_BUFSIZE, nothing written. */
  memset(out, '#', sizeof out);
  assert_int_equal(dkcpr__render(out, n, &out_len, in, n, &lay, c.digits), DKCPR_E_BUFSIZE);
  assert_int_equal(out[0], '#');
  assert_int_equal(out_len, 99);
  assert_int_equal(dkcpr__render(out, n + 1, NULL, in, n, &lay, c.digits), DKCPR_OK);
  assert_null(NULL);
  assert_int_equal(dkcpr__render(NULL, 32, NULL, in, n, &lay, c.digits), DKCPR_E_NULL);
  assert_int_equal(dkcpr__render(out, 32, NULL, NULL, n, &lay, c.digits), DKCPR_E_NULL);
  assert_int_equal(dkcpr__render(out, 32, NULL, in, n, NULL, c.digits), DKCPR_E_NULL);
  assert_int_equal(dkcpr__render(out, 32, NULL, in, n, &lay, NULL), DKCPR_E_NULL);
  /* A layout that does not fit the input, or a bad character. */
  assert_int_equal(dkcpr__render(out, 32, NULL, in, 5, &lay, c.digits), DKCPR_E_ARG);
  assert_int_equal(dkcpr__render(out, 32, NULL, in, n, &lay, "07076142x5"), DKCPR_E_ARG);
  dkcpr__layout bad = lay;
  bad.offset[3] = bad.offset[2];
  assert_int_equal(dkcpr__render(out, 32, NULL, in, n, &bad, c.digits), DKCPR_E_ARG);
  bad = lay;
  bad.length[0] = 0;
  assert_int_equal(dkcpr__render(out, 32, NULL, in, n, &bad, c.digits), DKCPR_E_ARG);
  bad = lay;
  bad.zero[0] = 0xD800;
  assert_int_equal(dkcpr__render(out, 32, NULL, in, n, &bad, c.digits), DKCPR_E_ARG);
}

static int selected_vectors_of_lenient_input(const cv_row *r) {
  return strstr(r->flags, "lenient") || strncmp(r->note, "form:", 5) == 0;
}

static void vectors_of_lenient_input(void **state) {
  (void)state;
  size_t used;
  assert_int_equal(cv_check_selected(selected_vectors_of_lenient_input, &used), 0);
  assert_true(used > 60);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(default_mode_takes_ascii_forms_only),
      cmocka_unit_test(every_digit_script),
      cmocka_unit_test(layout_records_offsets_and_scripts),
      cmocka_unit_test(layout_of_ascii_forms),
      cmocka_unit_test(render_errors),
      cmocka_unit_test(vectors_of_lenient_input),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
