/* SPDX-License-Identifier: Apache-2.0 */
/* Invariant 5: the output is written the way the input was: separator,
 * surrounding white space and (lenient) the digit script of every position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pseudonym_util.h"

static size_t utf8_next(const char *s, size_t i, uint32_t *cp) {
  const unsigned char *u = (const unsigned char *)s + i;
  if (u[0] < 0x80) return *cp = u[0], 1;
  if (u[0] < 0xe0) return *cp = (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f), 2;
  if (u[0] < 0xf0)
    return *cp = (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f), 3;
  return *cp = (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3f) << 12 |
               (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f),
         4;
}

/* Zero of the decimal script holding cp, or 0 if cp is not one of these digits. */
static uint32_t zero_of(uint32_t cp) {
  static const uint32_t zeros[] = {0x30, 0x660, 0x6f0, 0x966, 0xff10};
  for (size_t i = 0; i < sizeof zeros / sizeof zeros[0]; i++)
    if (cp >= zeros[i] && cp <= zeros[i] + 9) return zeros[i];
  return 0;
}

static void same_layout(const char *in, const char *out) {
  size_t i = 0, j = 0, n = strlen(in), digits_changed = 0;
  assert_int_equal(strlen(out), n);
  while (i < n) {
    uint32_t a, b;
    size_t la = utf8_next(in, i, &a), lb = utf8_next(out, j, &b);
    assert_int_equal(la, lb);
    if (zero_of(a) != 0) {
      assert_int_equal(zero_of(b), zero_of(a));
      digits_changed += a != b;
    } else if (a >= 'A' && a <= 'Z') {
      assert_true(b >= 'A' && b <= 'Z');
      digits_changed += a != b;
    } else {
      assert_int_equal(a, b); /* separators and white space untouched */
    }
    i += la;
    j += lb;
  }
  assert_true(digits_changed > 0);
}

static void layouts_kept(void **state) {
  static const char *const inputs[] = {
      "2110625629",
      "211062-5629",
      "211062 5629",
      "  211062-5629\t",
      "211062\xe2\x80\x93" "5629",                   /* en dash */
      "211062\xc2\xa0" "5629",                       /* no-break space */
      "\xef\xbc\x92\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x96\xef\xbc\x92"
      "\xef\xbc\x95\xef\xbc\x96\xef\xbc\x92\xef\xbc\x99", /* full-width digits */
      "\xd9\xa2\xd9\xa1\xd9\xa1\xd9\xa0\xd9\xa6\xd9\xa2-\xd9\xa5\xd9\xa6\xd9\xa2\xd9\xa9", /* Arabic-Indic */
      "21\xef\xbc\x91" "062-56\xe0\xa5\xa8" "9",        /* mixed scripts */
      "811062-5629",                                 /* day + 60 */
      "0203291WQ3",                                  /* X-eCPR */
  };
  dkcpr_options o = tu_opts(DKCPR_POLICY_DEFAULT,
                            DKCPR_PARSE_LENIENT | DKCPR_PARSE_ALLOW_REPLACEMENT);
  (void)state;
  for (size_t k = 0; k < TU_NKEEPS; k++) {
    dkcpr_pseudonymizer *p = tu_handle("format", tu_keeps[k], 0);
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
      const char *in = inputs[i];
      size_t n = strlen(in), len = 0;
      char out[64], back[64];
      assert_int_equal(dkcpr_validate(in, n, &o), DKCPR_OK);
      assert_int_equal(dkcpr_pseudonymize(out, n + 1, &len, p, in, n, &o), DKCPR_OK);
      assert_int_equal(len, n);
      same_layout(in, out);
      assert_int_equal(dkcpr_reveal(back, sizeof back, &len, p, out, n, &o), DKCPR_OK);
      assert_string_equal(back, in);
      /* out_cap = in_len + 1 always suffices; one less does not, and writes nothing */
      memset(out, 'z', sizeof out);
      assert_int_equal(dkcpr_pseudonymize(out, n, &len, p, in, n, &o), DKCPR_E_BUFSIZE);
      assert_int_equal(out[0], 'z');
    }
    dkcpr_pseudonymizer_free(p);
  }
}

/* Strict (not lenient) inputs keep their ASCII form in the batch path too. */
static void batch_keeps_separator(void **state) {
  const char *in[3] = {"211062-5629", "211062 5629", "2110625629"};
  size_t lens[3] = {11, 11, 10}, outl[3];
  dkcpr_status st[3];
  char out[3 * 16];
  dkcpr_pseudonymizer *p = tu_handle("format", DKCPR_KEEP_DEFAULT, 0);
  (void)state;
  assert_int_equal(dkcpr_pseudonymize_many(out, 16, outl, st, p, in, lens, 3, NULL), DKCPR_OK);
  for (int i = 0; i < 3; i++) {
    assert_int_equal(outl[i], lens[i]);
    same_layout(in[i], out + 16 * i);
  }
  /* one number, three layouts: the same digits */
  assert_memory_equal(out, out + 16, 6);
  assert_memory_equal(out + 7, out + 16 + 7, 4);
  assert_memory_equal(out, out + 32, 6);
  assert_memory_equal(out + 7, out + 32 + 6, 4);
  dkcpr_pseudonymizer_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(layouts_kept),
      cmocka_unit_test(batch_keeps_separator),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
