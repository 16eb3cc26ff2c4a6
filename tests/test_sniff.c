/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr_sniff: each compression and container by its first bytes, text in
 * each encoding with and without a BOM, and binary data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"

static dkcpr_sniffed sniff(const void *p, size_t n, int at_eof) {
  dkcpr_sniffed s;
  s.version = DKCPR_SNIFFED_VERSION;
  assert_int_equal(dkcpr_sniff(&s, p, n, at_eof), DKCPR_OK);
  return s;
}

#define SNIFF(lit, at_eof) sniff(lit, sizeof(lit) - 1, at_eof)

static void compressions(void **state) {
  (void)state;
  assert_int_equal(SNIFF("\x1f\x8b\x08\x00", 1).compression, DKCPR_COMPRESSION_GZIP);
  assert_int_equal(SNIFF("\x28\xb5\x2f\xfd\x24", 1).compression, DKCPR_COMPRESSION_ZSTD);
  assert_int_equal(SNIFF("\xfd" "7zXZ\0\0\x04", 1).compression, DKCPR_COMPRESSION_XZ);
  assert_int_equal(SNIFF("BZh91AY&SY\x01", 1).compression, DKCPR_COMPRESSION_BZIP2);
  assert_int_equal(SNIFF("BZh91AY&SY\x01", 1).kind, DKCPR_SNIFF_COMPRESSED);
  /* Text that starts like bzip2's header is text. */
  assert_int_equal(SNIFF("BZh9 is a header\n", 1).kind, DKCPR_SNIFF_TEXT);
  assert_string_equal(dkcpr_compression_name(DKCPR_COMPRESSION_XZ), "xz");
  assert_string_equal(dkcpr_compression_name((dkcpr_compression)99), "uncompressed");
}

static void containers(void **state) {
  static const struct {
    const char *bytes;
    size_t len;
    const char *word;
  } cases[] = {
      {"PGDMP\x01\x0e\x00", 8, "pg_dump"},
      {"SQLite format 3\0\x10\x00", 18, "SQLite"},
      {"PK\x03\x04\x14\0\0\0[Content_Types].xml", 27, "Office Open XML"},
      {"PK\x03\x04\x14\0\0\0data.csv", 16, "zip"},
      {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0", 9, "OLE2"},
      {"%PDF-1.7\n", 9, "PDF"},
      {"\x89PNG\r\n\x1a\n\0", 9, "image"},
      {"PAR1\x15\x00", 6, "Parquet"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    dkcpr_sniffed s = sniff(cases[i].bytes, cases[i].len, 1);
    assert_int_equal(s.kind, DKCPR_SNIFF_CONTAINER);
    assert_non_null(strstr(s.what, cases[i].word));
    assert_non_null(s.way_out);
    assert_null(s.charset);
  }
  char tar[600];
  memset(tar, 0, sizeof tar);
  memcpy(tar, "data.csv", 8);
  memcpy(tar + 257, "ustar", 5);
  assert_non_null(strstr(sniff(tar, sizeof tar, 1).what, "tar"));
}

static void text_encodings(void **state) {
  (void)state;
  assert_null(SNIFF("cpr 070761-4285\n", 1).charset);
  assert_null(SNIFF("\xef\xbb\xbf" "cpr\n", 1).charset); /* UTF-8 BOM stays text */
  assert_null(SNIFF("S\xc3\xb8ren \xc3\x86r\xc3\xb8\n", 1).charset);
  assert_string_equal(SNIFF("\xff\xfe" "c\0p\0r\0", 1).charset, "UTF-16LE");
  assert_string_equal(SNIFF("\xfe\xff\0c\0p\0r", 1).charset, "UTF-16BE");
  assert_string_equal(SNIFF("c\0p\0r\0 \0" "0\0" "7\0", 1).charset, "UTF-16LE");
  assert_string_equal(SNIFF("\0c\0p\0r\0 \0" "0\0" "7", 1).charset, "UTF-16BE");
  assert_string_equal(SNIFF("\xff\xfe\0\0" "c\0\0\0", 1).charset, "UTF-32LE");
  assert_string_equal(SNIFF("\0\0\0c\0\0\0p\0\0\0r", 1).charset, "UTF-32BE");
  assert_string_equal(SNIFF("S\xf8ren \xc6r\xf8 f\xf8" "dt\n", 1).charset, "windows-1252");
  /* HL7 over MLLP: vertical tab and file separator frame text. */
  assert_int_equal(SNIFF("\x0bMSH|^~\\&|\r\x1c\r", 1).kind, DKCPR_SNIFF_TEXT);
  /* A UTF-8 sequence cut by the end of the head is not evidence... */
  assert_null(SNIFF("cpr \xc3", 0).charset);
  /* ...but at the end of the input it is a stray byte. */
  assert_string_equal(SNIFF("cpr \xc3", 1).charset, "windows-1252");
}

static void binary_data(void **state) {
  (void)state;
  dkcpr_sniffed s = SNIFF("text\0with a NUL", 1);
  assert_int_equal(s.kind, DKCPR_SNIFF_BINARY);
  assert_int_equal(s.binary_at, 4);
  assert_non_null(s.way_out);
  char controls[200];
  for (size_t i = 0; i < sizeof controls; i++)
    controls[i] = (char)(i % 3 ? 'a' : 0x01);
  assert_int_equal(sniff(controls, sizeof controls, 1).kind, DKCPR_SNIFF_BINARY);
  /* UTF-16 with a lone surrogate is not UTF-16 text. */
  assert_int_equal(SNIFF("\xff\xfe" "a\0\x00\xdc" "b\0", 1).kind, DKCPR_SNIFF_BINARY);
}

static void api_contract(void **state) {
  dkcpr_sniffed s;
  (void)state;
  s.version = DKCPR_SNIFFED_VERSION;
  assert_int_equal(dkcpr_sniff(NULL, "x", 1, 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_sniff(&s, NULL, 1, 1), DKCPR_E_NULL);
  assert_int_equal(dkcpr_sniff(&s, NULL, 0, 1), DKCPR_OK);
  assert_int_equal(s.kind, DKCPR_SNIFF_TEXT);
  s.version = DKCPR_SNIFFED_VERSION + 1;
  assert_int_equal(dkcpr_sniff(&s, "x", 1, 1), DKCPR_E_ARG);
  s.version = 0;
  assert_int_equal(dkcpr_sniff(&s, "x", 1, 1), DKCPR_E_ARG);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(compressions), cmocka_unit_test(containers),
      cmocka_unit_test(text_encodings), cmocka_unit_test(binary_data),
      cmocka_unit_test(api_contract),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
