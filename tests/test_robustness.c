/* SPDX-License-Identifier: Apache-2.0 */
/* Bad input never crashes or reads past its length: every length 0..64,
 * random bytes, NULL arguments, allocation failure; every status the core
 * returns is reached. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_vectors.h"
#include "parse.h"

/* Allocation failure on demand: malloc/calloc/realloc are wrapped at link
 * time (see core.cmake); the compiler may turn one into another. */
void *__real_malloc(size_t size);
void *__wrap_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
static int fail_alloc_after = -1; /* -1: never fail */
static int should_fail(void) {
  if (fail_alloc_after < 0)
    return 0;
  if (fail_alloc_after == 0)
    return 1;
  fail_alloc_after--;
  return 0;
}
void *__wrap_malloc(size_t size) {
  return should_fail() ? NULL : __real_malloc(size);
}
void *__wrap_calloc(size_t n, size_t size) {
  return should_fail() ? NULL : __real_calloc(n, size);
}
void *__wrap_realloc(void *p, size_t size) {
  return should_fail() ? NULL : __real_realloc(p, size);
}

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint32_t next_random(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 11);
}

static int known_status(dkcpr_status st) {
  return st == DKCPR_OK || st == DKCPR_E_LENGTH || st == DKCPR_E_CHAR ||
         st == DKCPR_E_SEPARATOR || st == DKCPR_E_UTF8 || st == DKCPR_E_DATE ||
         st == DKCPR_E_MOD11 || st == DKCPR_E_FUTURE || st == DKCPR_E_REPLACEMENT;
}

/* Parse bytes placed at the very end of a heap block of exactly that size,
 * under every mode; the results of parse and validate agree. */
static void parse_everywhere(const unsigned char *bytes, size_t n) {
  static const unsigned modes[] = {
      0, DKCPR_PARSE_LENIENT, DKCPR_PARSE_ALLOW_REPLACEMENT,
      DKCPR_PARSE_LENIENT | DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE};
  char *buf = malloc(n ? n : 1);
  assert_non_null(buf);
  memcpy(buf, bytes, n);
  for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++)
    for (int policy = 0; policy <= 2; policy++) {
      dkcpr_options o;
      dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
      o.flags = modes[m];
      o.policy = (dkcpr_policy)policy;
      dkcpr_cpr c;
      dkcpr__layout lay;
      dkcpr_status st = dkcpr__parse_layout(&c, &lay, buf, n, &o);
      assert_true(known_status(st));
      assert_int_equal(dkcpr_validate(buf, n, &o), st);
      if (st == DKCPR_OK) {
        assert_int_equal(strlen(c.digits), 10);
        for (int i = 0; i < 10; i++)
          assert_true(lay.offset[i] + lay.length[i] <= n);
        /* Rendering the parsed digits gives back the input exactly. */
        char out[80];
        size_t out_len;
        assert_int_equal(dkcpr__render(out, sizeof out, &out_len, buf, n, &lay, c.digits),
                         DKCPR_OK);
        assert_int_equal(out_len, n);
        assert_memory_equal(out, buf, n);
      }
    }
  free(buf);
}

static void every_length_0_to_64(void **state) {
  (void)state;
  static const char alphabet[] = "0123456789-  AZaz\t\xc2\xa0\xef\xbc\x90\xe2\x80\x93\xff";
  unsigned char b[64];
  for (size_t n = 0; n <= 64; n++) {
    /* Digits only, a valid number padded with digits or spaces, and mixed text. */
    for (size_t i = 0; i < n; i++)
      b[i] = (unsigned char)('0' + i % 10);
    parse_everywhere(b, n);
    for (size_t i = 0; i < n; i++)
      b[i] = (unsigned char)"0707614285"[i % 10];
    parse_everywhere(b, n);
    for (size_t i = 0; i < n; i++)
      b[i] = ' ';
    if (n >= 11)
      memcpy(b + (n - 11) / 2, "070761-4285", 11);
    parse_everywhere(b, n);
    for (int rep = 0; rep < 200; rep++) {
      for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)alphabet[next_random() % (sizeof alphabet - 1)];
      parse_everywhere(b, n);
    }
  }
}

static void random_bytes(void **state) {
  (void)state;
  unsigned char b[64];
  for (int rep = 0; rep < 20000; rep++) {
    size_t n = next_random() % 65;
    for (size_t i = 0; i < n; i++)
      b[i] = (unsigned char)next_random();
    parse_everywhere(b, n);
  }
  /* Random near-misses: a valid number with one byte changed. */
  for (int rep = 0; rep < 20000; rep++) {
    memcpy(b, "070761-4285", 11);
    b[next_random() % 11] = (unsigned char)next_random();
    parse_everywhere(b, 11);
  }
}

static void null_arguments(void **state) {
  (void)state;
  dkcpr_cpr c;
  char out[16];
  int age;
  assert_int_equal(dkcpr_parse(&c, NULL, 10, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_parse(&c, NULL, 0, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_validate(NULL, 10, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr__parse_layout(NULL, NULL, NULL, 0, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr__check_canonical(NULL, NULL, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_parse(NULL, "0707614285", 10, NULL), DKCPR_OK);
  assert_int_equal(dkcpr_options_init(NULL, DKCPR_OPTIONS_VERSION), DKCPR_E_NULL);
  assert_int_equal(dkcpr_format(NULL, 16, NULL, &c, DKCPR_FORMAT_DASHED), DKCPR_E_NULL);
  assert_int_equal(dkcpr_format(out, 16, NULL, NULL, DKCPR_FORMAT_DASHED), DKCPR_E_NULL);
  assert_int_equal(dkcpr_age(NULL, &c, 2000, 1, 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_age(&age, NULL, 2000, 1, 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_datelist_new(NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_datelist_add(NULL, 2000, 1, 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_datelist_load(NULL, NULL, "", 0), DKCPR_E_NULL);
  assert_int_equal(dkcpr_datelist_contains(NULL, 1960, 1, 1), 0);
  dkcpr_datelist_free(NULL);
  assert_non_null(dkcpr_kind_name((dkcpr_kind)-1));
  /* NULL first wins over every other error. */
  dkcpr_options bad;
  memset(&bad, 0, sizeof bad);
  assert_int_equal(dkcpr_validate(NULL, 3, &bad), DKCPR_E_NULL);
}

static void check_canonical_directly(void **state) {
  (void)state;
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  dkcpr_cpr c;
  assert_int_equal(dkcpr__check_canonical(&c, "0707614285", &o), DKCPR_OK);
  assert_string_equal(c.digits, "0707614285");
  assert_int_equal(dkcpr__check_canonical(&c, "0707614285", NULL), DKCPR_OK);
  assert_int_equal(dkcpr__check_canonical(&c, "0203291WQ3", &o), DKCPR_E_REPLACEMENT);
  assert_int_equal(dkcpr__check_canonical(&c, "07076-4285", &o), DKCPR_E_CHAR);
  assert_int_equal(dkcpr__check_canonical(&c, "3104571009", &o), DKCPR_E_DATE);
  o.version = 9;
  assert_int_equal(dkcpr__check_canonical(&c, "0707614285", &o), DKCPR_E_ARG);
}

static void out_of_memory(void **state) {
  (void)state;
  dkcpr_datelist *l = NULL;
  fail_alloc_after = 0;
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_E_NOMEM);
  assert_null(l);
  fail_alloc_after = 1; /* the struct succeeds, its key array fails */
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_E_NOMEM);
  fail_alloc_after = -1;
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_OK);
  /* The shipped 26 fit the first allocation of 32: the 7th addition grows it. */
  for (int d = 1; d <= 6; d++)
    assert_int_equal(dkcpr_datelist_add(l, 2001, 1, d), DKCPR_OK);
  fail_alloc_after = 0;
  assert_int_equal(dkcpr_datelist_add(l, 2001, 2, 1), DKCPR_E_NOMEM);
  assert_int_equal(dkcpr_datelist_contains(l, 2001, 2, 1), 0);
  const char text[] = "2002-01-01\n2002-01-02\n2002-01-03\n2002-01-04\n2002-01-05\n"
                      "2002-01-06\n2002-01-07\n2002-01-08\n2002-01-09\n2002-01-10\n";
  size_t bad = 9;
  assert_int_equal(dkcpr_datelist_load(&bad, l, text, sizeof text - 1), DKCPR_E_NOMEM);
  assert_int_equal(dkcpr_datelist_contains(l, 2002, 1, 1), 0);
  fail_alloc_after = -1;
  assert_int_equal(dkcpr_datelist_load(&bad, l, text, sizeof text - 1), DKCPR_OK);
  assert_int_equal(dkcpr_datelist_contains(l, 2002, 1, 10), 1);
  assert_int_equal(dkcpr_datelist_contains(l, 2001, 1, 6), 1);
  dkcpr_datelist_free(l);
}

/* Each status the core functions can return, reached by a real call. */
static void every_status_is_reached(void **state) {
  (void)state;
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.ref_year = 2026;
  o.ref_month = 11;
  o.ref_day = 26;
  dkcpr_cpr c;
  char out[4];
  dkcpr_datelist *l = NULL;
  size_t bad;
  int reached[20] = {0};
#define HIT(call) reached[-(int)(call)] = 1
  HIT(dkcpr_parse(&c, "0707614285", 10, &o));             /* OK */
  HIT(dkcpr_parse(&c, NULL, 10, &o));                     /* E_NULL */
  HIT(dkcpr_parse(&c, "070761428", 9, &o));               /* E_LENGTH */
  HIT(dkcpr_parse(&c, "07076a4285", 10, &o));             /* E_CHAR */
  HIT(dkcpr_parse(&c, "070761/4285", 11, &o));            /* E_SEPARATOR */
  HIT(dkcpr_parse(&c, "3104571009", 10, &o));             /* E_DATE */
  HIT(dkcpr_parse(&c, "2110525629", 10, &o));             /* E_FUTURE */
  HIT(dkcpr_parse(&c, "6701651004", 10, &o));             /* E_REPLACEMENT */
  dkcpr_parse(&c, "0707614285", 10, &o);
  HIT(dkcpr_format(out, sizeof out, NULL, &c, DKCPR_FORMAT_DASHED)); /* E_BUFSIZE */
  HIT(dkcpr_format(out, sizeof out, NULL, &c, (dkcpr_format_style)7)); /* E_ARG */
  o.policy = DKCPR_POLICY_STRICT;
  HIT(dkcpr_parse(&c, "0201609995", 10, &o));             /* E_MOD11 */
  o.flags = DKCPR_PARSE_LENIENT;
  HIT(dkcpr_parse(&c, "\xff", 1, &o));                    /* E_UTF8 */
  assert_int_equal(dkcpr_datelist_new(&l), DKCPR_OK);
  HIT(dkcpr_datelist_load(&bad, l, "x", 1));              /* E_SYNTAX */
  fail_alloc_after = 0;
  HIT(dkcpr_datelist_load(&bad, l, "2001-01-01\n2001-01-02\n2001-01-03\n2001-01-04\n"
                             "2001-01-05\n2001-01-06\n2001-01-07\n", 77)); /* E_NOMEM */
  fail_alloc_after = -1;
  dkcpr_datelist_free(l);
#undef HIT
  static const dkcpr_status want[] = {
      DKCPR_OK,        DKCPR_E_NULL,     DKCPR_E_LENGTH,      DKCPR_E_CHAR,
      DKCPR_E_SEPARATOR, DKCPR_E_UTF8,   DKCPR_E_DATE,        DKCPR_E_MOD11,
      DKCPR_E_FUTURE,  DKCPR_E_REPLACEMENT, DKCPR_E_BUFSIZE,  DKCPR_E_NOMEM,
      DKCPR_E_ARG,     DKCPR_E_SYNTAX};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    if (!reached[-(int)want[i]])
      fprintf(stderr, "not reached: %s\n", dkcpr_status_name(want[i]));
    assert_true(reached[-(int)want[i]]);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_length_0_to_64),
      cmocka_unit_test(random_bytes),
      cmocka_unit_test(null_arguments),
      cmocka_unit_test(check_canonical_directly),
      cmocka_unit_test(out_of_memory),
      cmocka_unit_test(every_status_is_reached),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
