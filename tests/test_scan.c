/* SPDX-License-Identifier: Apache-2.0 */
/* Scanner: written forms, boundaries, kinds, confidence, context words, API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"
#include "scan_core.h"
#include "scan_skip.h"

/* 070761-4285: the CPR office's worked example, mod 11 holds.
 * 0201609995: a MedCom test person, mod 11 fails (valid under the default policy). */

static dkcpr_scan_options opts_default(void) {
  dkcpr_scan_options o;
  assert_int_equal(dkcpr_scan_options_init(&o, DKCPR_SCAN_OPTIONS_VERSION), DKCPR_OK);
  return o;
}

static size_t scan_with(const char *text, const dkcpr_scan_options *o,
                        dkcpr_match *m, size_t cap) {
  size_t n = 0;
  assert_int_equal(dkcpr_scan(m, cap, &n, text, strlen(text), o), DKCPR_OK);
  return n;
}

static size_t scan_n(const char *text, dkcpr_match *m, size_t cap) {
  dkcpr_scan_options o = opts_default();
  return scan_with(text, &o, m, cap);
}

/* Exactly one match, at [start, end), with these digits. */
static void one(const char *text, uint64_t start, uint64_t end,
                const char *digits) {
  dkcpr_match m[4];
  size_t n = scan_n(text, m, 4);
  if (n != 1) fail_msg("%zu matches in \"%s\"", n, text);
  assert_int_equal(m[0].start, start);
  assert_int_equal(m[0].end, end);
  assert_string_equal(m[0].digits, digits);
}

static void none(const char *text) {
  dkcpr_match m[4];
  size_t n = scan_n(text, m, 4);
  if (n != 0) fail_msg("%zu matches in \"%s\", first %s", n, text, m[0].digits);
}

static void written_forms(void **state) {
  (void)state;
  one("0707614285", 0, 10, "0707614285");
  one("x 070761-4285 y", 2, 13, "0707614285");
  one("x 070761 4285 y", 2, 13, "0707614285");
  one("x 070761\xc2\xa0" "4285 y", 2, 14, "0707614285");     /* no-break space */
  one("x 070761\xe2\x80\x93" "4285 y", 2, 15, "0707614285"); /* en dash */
  one("x 070761\xe2\x80\x94" "4285 y", 2, 15, "0707614285"); /* em dash */
  one("x 070761\xe2\x88\x92" "4285 y", 2, 15, "0707614285"); /* minus sign */
  one("x 070761\xe2\x80\x91" "4285 y", 2, 15, "0707614285"); /* non-breaking hyphen */
  /* full-width digits */
  one("\xef\xbc\x90\xef\xbc\x97\xef\xbc\x90\xef\xbc\x97\xef\xbc\x96\xef\xbc\x91"
      "-\xef\xbc\x94\xef\xbc\x92\xef\xbc\x98\xef\xbc\x95", 0, 31, "0707614285");
  /* Arabic-Indic digits, compact */
  one("\xd9\xa0\xd9\xa7\xd9\xa0\xd9\xa7\xd9\xa6\xd9\xa1\xd9\xa4\xd9\xa2\xd9\xa8\xd9\xa5",
      0, 20, "0707614285");
  one("CPR:0707614285.", 4, 14, "0707614285");
  one("'0201609995'", 1, 11, "0201609995");
  one("0201609995", 0, 10, "0201609995");
  one("nr0201609995abc", 2, 12, "0201609995");
}

static void boundaries(void **state) {
  (void)state;
  none("07076142851");         /* 11 digits */
  none("10707614285");
  none("070761428");           /* 9 digits, not opted in */
  none("0707614-285");
  none("070761--4285");        /* two separators */
  none("070761_4285");
  none("12-0707614285");       /* grouped: part of a longer number */
  none("1234-070761-4285");
  none("070761-4285-1234");
  none("1.0707614285");
  none("0707614285.5");
  none("+0707614285");         /* phone number with country code */
  none("\xef\xbc\x95" "0707614285"); /* a full-width digit before */
  none("0707614285\xd9\xa1");        /* an Arabic-Indic digit after */
  one("1 0707614285", 2, 12, "0707614285");
  one("0707614285-x", 0, 10, "0707614285");
  one("0707614285.\n", 0, 10, "0707614285");
  one("a-0707614285", 2, 12, "0707614285");
  {
    dkcpr_match m[4];
    assert_int_equal(scan_n("0707614285,0201609995", m, 4), 2); /* CSV */
    assert_int_equal(m[1].start, 11);
  }
}

static void invalid_dates_are_not_numbers(void **state) {
  (void)state;
  none("3202611234");  /* day 32 */
  none("0013611234");  /* month 13 */
  none("0000000000");
  none("2902001234");  /* 29 Feb 1900 */
  one("2902004234", 0, 10, "2902004234"); /* 29 Feb 2000 */
  none("9202611234");  /* day 92 */
  /* Born in 2029 (reference 2026-11-26): found all the same, as the washer
   * replaces it (the not-yet-born check is never applied in text). */
  one("0102299999", 0, 10, "0102299999");
}

static void kinds(void **state) {
  dkcpr_match m[4];
  size_t n;
  (void)state;
  n = scan_n("pt 6707614285 og 0203291WQ3, 3101057JC9 og 0102030AB4.", m, 4);
  assert_int_equal(n, 4);
  assert_int_equal(m[0].kind, DKCPR_KIND_REPLACEMENT);
  assert_string_equal(m[1].digits, "0203291WQ3");
  assert_int_equal(m[1].kind, DKCPR_KIND_XECPR);
  assert_int_equal(m[1].start, 17);
  assert_int_equal(m[1].end, 27);
  assert_int_equal(m[2].kind, DKCPR_KIND_XECPR);
  assert_int_equal(m[3].kind, DKCPR_KIND_DECPR);
  none("0203291WQ3X");  /* a longer identifier */
  none("0203291WQ34");
  none("0203291wq3");   /* letters are upper case */
  none("0203293WQ3");   /* 3 is no e-CPR century character */
  none("0203291W3");
}

static void replacement_numbers_need_the_flag(void **state) {
  dkcpr_scan_options o = opts_default();
  dkcpr_match m[2];
  (void)state;
  o.parse_flags &= ~DKCPR_PARSE_ALLOW_REPLACEMENT;
  assert_int_equal(scan_with("6707614285 0203291WQ3 0707614285", &o, m, 2), 1);
  assert_string_equal(m[0].digits, "0707614285");
}

static void strict_policy(void **state) {
  dkcpr_scan_options o = opts_default();
  dkcpr_match m[2];
  (void)state;
  o.policy = DKCPR_POLICY_STRICT;
  assert_int_equal(scan_with("0201609995 0707614285", &o, m, 2), 1);
  assert_string_equal(m[0].digits, "0707614285");
}

static void nine_digits(void **state) {
  dkcpr_scan_options o = opts_default();
  dkcpr_match m[2];
  (void)state;
  o.flags = DKCPR_SCAN_NINE_DIGITS;
  /* 0707614285 stored as an integer loses its leading zero */
  assert_int_equal(scan_with("id=707614285;", &o, m, 2), 1);
  assert_string_equal(m[0].digits, "0707614285");
  assert_int_equal(m[0].start, 3);
  assert_int_equal(m[0].end, 12);
  assert_int_equal(m[0].confidence, DKCPR_CONFIDENCE_LOW);
  assert_int_equal(scan_with("1707614285 ", &o, m, 2), 1); /* 10 digits still found */
  assert_int_equal(scan_with("070761428", &o, m, 2), 0);   /* day 00 */
  assert_int_equal(scan_with("77076142851", &o, m, 2), 0);
  assert_int_equal(scan_with("cpr 707614285", &o, m, 2), 1);
  assert_int_equal(m[0].confidence, DKCPR_CONFIDENCE_MEDIUM); /* mod 11 + context - 1 */
}

static dkcpr_confidence conf_of(const char *text) {
  dkcpr_match m[2];
  assert_int_equal(scan_n(text, m, 2), 1);
  return m[0].confidence;
}

static void confidence_rule(void **state) {
  (void)state;
  /* no separator, no mod 11, no context */
  assert_int_equal(conf_of("x 0201609995"), DKCPR_CONFIDENCE_LOW);
  /* mod 11 alone; separator alone */
  assert_int_equal(conf_of("x 0707614285"), DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("x 020160-9995"), DKCPR_CONFIDENCE_LOW);
  /* separator and mod 11 */
  assert_int_equal(conf_of("x 070761-4285"), DKCPR_CONFIDENCE_MEDIUM);
  /* context alone */
  assert_int_equal(conf_of("CPR: 0201609995"), DKCPR_CONFIDENCE_MEDIUM);
  /* context and one more */
  assert_int_equal(conf_of("CPR: 0707614285"), DKCPR_CONFIDENCE_HIGH);
  assert_int_equal(conf_of("CPR: 020160-9995"), DKCPR_CONFIDENCE_HIGH);
  assert_int_equal(conf_of("CPR: 070761-4285"), DKCPR_CONFIDENCE_HIGH);
  /* e-CPR letters count like mod 11 */
  assert_int_equal(conf_of("x 0203291WQ3"), DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("cpr 0203291WQ3"), DKCPR_CONFIDENCE_HIGH);
  assert_string_equal(dkcpr_confidence_name(DKCPR_CONFIDENCE_LOW), "low");
  assert_string_equal(dkcpr_confidence_name(DKCPR_CONFIDENCE_MEDIUM), "medium");
  assert_string_equal(dkcpr_confidence_name(DKCPR_CONFIDENCE_HIGH), "high");
  assert_string_equal(dkcpr_confidence_name((dkcpr_confidence)9), "unknown");
}

static int ctx(const char *s) {
  return dkcpr__context_in((const unsigned char *)s, strlen(s));
}

static void context_words(void **state) {
  (void)state;
  assert_true(ctx("CPR-nr.: "));
  assert_true(ctx("cpr.nr "));
  assert_true(ctx("CPRNR="));
  assert_true(ctx("\"cpr_nummer\": \""));
  assert_true(ctx("Personnummer "));
  assert_true(ctx("pers.nr. "));
  assert_true(ctx("P-nr: "));
  assert_true(ctx("F\xc3\x98" "DSELSDATO "));      /* FØDSELSDATO */
  assert_true(ctx("f\xc3\xb8" "dselsdato: "));
  assert_true(ctx("foedselsdato: "));
  assert_true(ctx("fodselsdato: "));
  assert_true(ctx("hun er f\xc3\xb8" "dt "));     /* født */
  assert_true(ctx("F\xc3\x98" "DT "));
  assert_true(ctx("foedt "));
  assert_true(ctx("SSN: "));
  assert_true(ctx("Social\xc2\xa0Security number "));
  assert_true(ctx("civil  registration number "));
  assert_true(ctx("cpr                                                  "
                  "         "));                   /* 62 bytes back */
  assert_false(ctx("cpr                                                   "
                   "           "));                /* 66 bytes back: outside */
  assert_false(ctx("nothing here "));
  assert_false(ctx("xcpr "));       /* not at a word start */
  assert_false(ctx("classnr "));
  assert_false(ctx("snr pnrx "));   /* pnr must end a word */
  assert_false(ctx("lessness "));
  assert_false(ctx("ssnid "));
  assert_false(ctx("stubborn "));
  assert_false(ctx("reborn"));
  assert_false(ctx("f\xc3\xb8" "dtoej "));
  assert_true(ctx("\"cprNr\": \""));            /* inside identifiers */
  assert_true(ctx("patientCPR="));
  assert_true(ctx("<PersonCivilRegistrationIdentifier>"));
  assert_true(ctx("urn:oid:1.2.208.176.1.2\","));
  assert_false(ctx("urn:oid:1.2.208.176.1.20"));
  assert_false(ctx("xcprNr "));
}

static void api_contract(void **state) {
  dkcpr_scan_options o = opts_default();
  dkcpr_match m[1];
  size_t n = 99;
  dkcpr_scanner *s = NULL;
  (void)state;
  assert_int_equal(dkcpr_scan(m, 1, &n, "0707614285 0201609995", 21, &o),
                   DKCPR_E_BUFSIZE);
  assert_int_equal(n, 2);
  assert_int_equal(dkcpr_scan(NULL, 0, &n, "0707614285", 10, &o), DKCPR_E_BUFSIZE);
  assert_int_equal(n, 1);
  assert_int_equal(dkcpr_scan(NULL, 0, &n, "", 0, NULL), DKCPR_OK);
  assert_int_equal(n, 0);
  assert_int_equal(dkcpr_scan(m, 1, NULL, "x", 1, &o), DKCPR_E_NULL);
  assert_int_equal(dkcpr_scan(m, 1, &n, NULL, 1, &o), DKCPR_E_NULL);
  o.min_confidence = (dkcpr_confidence)4;
  assert_int_equal(dkcpr_scan(m, 1, &n, "x", 1, &o), DKCPR_E_ARG);
  o = opts_default();
  o.flags = 0x80;
  assert_int_equal(dkcpr_scan(m, 1, &n, "x", 1, &o), DKCPR_E_ARG);
  o = opts_default();
  o.parse_flags |= 0x100;
  assert_int_equal(dkcpr_scan(m, 1, &n, "x", 1, &o), DKCPR_E_ARG);
  o = opts_default();
  o.policy = (dkcpr_policy)3;
  assert_int_equal(dkcpr_scan(m, 1, &n, "x", 1, &o), DKCPR_E_ARG);
  o = opts_default();
  o.version = 7;
  assert_int_equal(dkcpr_scanner_new(&s, &o), DKCPR_E_ARG);
  assert_null(s);
  assert_int_equal(dkcpr_scan_options_init(NULL, DKCPR_SCAN_OPTIONS_VERSION), DKCPR_E_NULL);
  assert_int_equal(dkcpr_scan_options_init(&o, DKCPR_SCAN_OPTIONS_VERSION + 1), DKCPR_E_ARG);
  assert_int_equal(dkcpr_scan_options_init(&o, 0), DKCPR_E_ARG);

  o = opts_default();
  assert_int_equal(dkcpr_scanner_new(&s, &o), DKCPR_OK);
  assert_int_equal(dkcpr_scanner_next(m, s), DKCPR_E_RANGE);
  assert_int_equal(dkcpr_scanner_feed(s, "cpr 07076", 9), DKCPR_OK);
  assert_int_equal(dkcpr_scanner_next(m, s), DKCPR_E_RANGE);
  assert_int_equal(dkcpr_scanner_feed(s, "14285", 5), DKCPR_OK);
  assert_int_equal(dkcpr_scanner_next(m, s), DKCPR_E_RANGE); /* may continue */
  assert_int_equal(dkcpr_scanner_feed(s, NULL, 0), DKCPR_OK);
  assert_int_equal(dkcpr_scanner_finish(s), DKCPR_OK);
  assert_int_equal(dkcpr_scanner_next(m, s), DKCPR_OK);
  assert_int_equal(m[0].start, 4);
  assert_int_equal(m[0].end, 14);
  assert_int_equal(m[0].confidence, DKCPR_CONFIDENCE_HIGH);
  assert_int_equal(dkcpr_scanner_next(m, s), DKCPR_E_RANGE);
  assert_int_equal(dkcpr_scanner_feed(s, "x", 1), DKCPR_E_STATE);
  assert_int_equal(dkcpr_scanner_finish(s), DKCPR_E_STATE);
  assert_int_equal(dkcpr_scanner_next(m, NULL), DKCPR_E_NULL);
  assert_int_equal(dkcpr_scanner_feed(NULL, "x", 1), DKCPR_E_NULL);
  dkcpr_scanner_free(s);
  dkcpr_scanner_free(NULL);
}

static void min_confidence_filters(void **state) {
  dkcpr_scan_options o = opts_default();
  dkcpr_match m[4];
  (void)state;
  o.min_confidence = DKCPR_CONFIDENCE_MEDIUM;
  assert_int_equal(scan_with("0201609995 070761-4285", &o, m, 4), 1);
  assert_string_equal(m[0].digits, "0707614285");
  o.min_confidence = DKCPR_CONFIDENCE_HIGH;
  assert_int_equal(scan_with("0201609995 070761-4285 cpr 0707614285", &o, m, 4), 1);
  assert_int_equal(m[0].start, 27);
}

/* Separators people type: found, and worth a confidence point only where
 * they mostly mean a CPR number (0707614285 passes mod 11: with the point
 * it is medium, without it low). */
static void typed_separators(void **state) {
  static const struct {
    const char *text;
    dkcpr_confidence conf;
  } cases[] = {
      {"x 070761 - 4285 y", DKCPR_CONFIDENCE_MEDIUM},
      {"x 070761 \xe2\x80\x93 4285 y", DKCPR_CONFIDENCE_MEDIUM}, /* en dash */
      {"x 070761\xe2\x88\x92" "4285 y", DKCPR_CONFIDENCE_MEDIUM}, /* minus */
      {"x 070761\xc2\xad" "4285 y", DKCPR_CONFIDENCE_MEDIUM},      /* soft hyphen */
      {"x 070761\xe2\x80\x8b" "4285 y", DKCPR_CONFIDENCE_MEDIUM}, /* zero-width space */
      {"x 070761\xe2\x81\xa0" "4285 y", DKCPR_CONFIDENCE_MEDIUM}, /* word joiner */
      {"x 070761\xe2\x80\x8d" "4285 y", DKCPR_CONFIDENCE_MEDIUM}, /* zero-width joiner */
      {"x 070761-\xc2\xad" "4285 y", DKCPR_CONFIDENCE_MEDIUM},     /* hyphen, soft hyphen */
      {"q=070761+4285&", DKCPR_CONFIDENCE_MEDIUM},                  /* form-encoded space */
      {"q=070761+-+4285&", DKCPR_CONFIDENCE_MEDIUM},                /* form-encoded " - " */
      {"x 070761  4285 y", DKCPR_CONFIDENCE_LOW},                   /* two spaces */
      {"x 070761\t4285 y", DKCPR_CONFIDENCE_LOW},                   /* tab */
      {"x 070761/4285 y", DKCPR_CONFIDENCE_LOW},
      {"x 070761.4285 y", DKCPR_CONFIDENCE_LOW},
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    dkcpr_match m[2];
    size_t n = scan_n(cases[i].text, m, 2);
    if (n != 1) fail_msg("%zu matches in \"%s\"", n, cases[i].text);
    assert_string_equal(m[0].digits, "0707614285");
    if (m[0].confidence != cases[i].conf)
      fail_msg("\"%s\": confidence %d", cases[i].text, (int)m[0].confidence);
  }
  one("x 070761 - 4285 y", 2, 15, "0707614285");
  none("070761 -- 4285");
  none("070761   4285");        /* three spaces */
  none("070761\t\t4285");
  none("a\t070761\t4285");       /* tab-separated columns */
  none("070761\t4285\tb");
  none("1  070761  4285");       /* fixed-width columns */
  none("070761.4285.12");        /* longer groups */
  none("12.070761.4285");
  none("070761/4285/3");
  none("12.03.2024 655.230.647 12 34 56 78");
}

/* Numbers glued to their surroundings (decisions in scan_core.c). */
static void glued_numbers(void **state) {
  dkcpr_match m[4];
  (void)state;
  one("/2024/08/0707614285.pdf", 9, 19, "0707614285");  /* dated path */
  one("0707614285-1.pdf", 0, 10, "0707614285");         /* file-number suffix */
  one("0707614285_2.pdf", 0, 10, "0707614285");
  one("0707614285-12", 0, 10, "0707614285");
  one("/borger/0707614285/2024", 8, 18, "0707614285");  /* REST path */
  one("GET /api/borger/0707614285/journal/2024/1", 16, 26, "0707614285");
  one("q=cpr+0707614285&x=1", 6, 16, "0707614285");     /* form-encoded space */
  one("0707614285.0", 0, 10, "0707614285");             /* float */
  one("0707614285.00,", 0, 10, "0707614285");
  one("1,0707614285", 2, 12, "0707614285");             /* CSV */
  one("10,0707614285", 3, 13, "0707614285");
  one("2/0707614285", 2, 12, "0707614285");
  assert_int_equal(scan_n("0707614285-0201609995", m, 4), 2); /* lists */
  assert_int_equal(m[1].start, 11);
  assert_int_equal(scan_n("0707614285/0201609995", m, 4), 2);
  assert_int_equal(scan_n("0707614285.0201609995", m, 4), 0);
  none("0707614285.5");           /* decimals */
  none("0707614285.05");
  none("0707614285.00001");
  none("0707614285-123456");      /* a longer grouped number */
  none("0707614285-12345678901");
  none("1234-0707614285");        /* bank account */
  none("12-0707614285");
  none("1.0707614285");
  none("+0707614285");            /* phone numbers */
  none("tlf. +0707614285");
  none("tel:+0707614285");
  none("12+0707614285");
  none("trace=+0707614285");
  none("0,1402234888");           /* Danish decimal fractions */
  none("-0,1402234888");
  none("x 0,1402234888 y");
}

/* The confidence of the last number in text (several may be found). */
static dkcpr_confidence last_conf(const char *text) {
  dkcpr_match m[8];
  size_t n = scan_n(text, m, 8);
  assert_true(n > 0);
  return m[n - 1].confidence;
}

/* A CSV or TSV header naming the column gives context to numbers far below
 * it (0201609995 fails mod 11: with context it is medium, else low). */
static void header_column_context(void **state) {
  static const char filler[] =
      "1;x;Anne Hansen, Egevaenget 91, 4000 Roskilde\n"
      "2;y;Bo Holm, Aaboulevard 7, 8000 Aarhus C\n";
  char text[512];
  (void)state;
  snprintf(text, sizeof text, "id;cpr;navn\n%s9;0201609995;Pia\n", filler);
  assert_int_equal(last_conf(text), DKCPR_CONFIDENCE_MEDIUM);
  snprintf(text, sizeof text, "id;navn;cpr\n%s9;0201609995;Pia\n", filler);
  assert_int_equal(last_conf(text), DKCPR_CONFIDENCE_LOW);
  snprintf(text, sizeof text, "id;navn;cpr\n%s9;Pia;0201609995\n", filler);
  assert_int_equal(last_conf(text), DKCPR_CONFIDENCE_MEDIUM);
  snprintf(text, sizeof text, "\"id\",\"navn\",\"CPR-nummer\"\r\n%s"
           "9,\"Holm, Pia\",0201609995\r\n", filler);
  assert_int_equal(last_conf(text), DKCPR_CONFIDENCE_MEDIUM); /* quoted comma */
  snprintf(text, sizeof text, "id\tborger_cpr\tnavn\n%s9\t0201609995\tPia\n", filler);
  assert_int_equal(last_conf(text), DKCPR_CONFIDENCE_MEDIUM);
  /* not a header: prose, numbers, or no delimiter */
  snprintf(text, sizeof text, "Notat om cpr; og en meget lang indledning om alt muligt "
           "andet her\n%s0201609995;Pia\n", filler);
  assert_int_equal(last_conf(text), DKCPR_CONFIDENCE_LOW);
  snprintf(text, sizeof text, "cpr;0707614285;x\n%s9;0201609995;Pia\n", filler);
  assert_int_equal(last_conf(text), DKCPR_CONFIDENCE_LOW);
  snprintf(text, sizeof text, "cpr\n%s9;0201609995;Pia\n", filler);
  assert_int_equal(last_conf(text), DKCPR_CONFIDENCE_LOW);
}

/* Exactly one match, spanning needle (which occurs once in text), with the
 * digits of 0707614285. */
static void found_at(const char *text, const char *needle) {
  dkcpr_match m[4];
  size_t n = scan_n(text, m, 4);
  const char *at = strstr(text, needle);
  assert_non_null(at);
  if (n != 1) fail_msg("%zu matches in \"%s\"", n, text);
  if (m[0].start != (uint64_t)(at - text) ||
      m[0].end != (uint64_t)(at - text) + strlen(needle))
    fail_msg("\"%s\": span [%llu, %llu)", text, (unsigned long long)m[0].start,
             (unsigned long long)m[0].end);
  assert_string_equal(m[0].digits, "0707614285");
}

/* URL and form encoding, HTML/XML character references, JSON escapes: as
 * separators and as digits. */
static void escaped_forms(void **state) {
  (void)state;
  found_at("GET /s?cpr=070761%2D4285&x=1", "070761%2D4285");
  found_at("GET /s?cpr=070761%2d4285&x=1", "070761%2d4285");
  found_at("q=070761%204285", "070761%204285");
  found_at("q=070761%C2%A04285", "070761%C2%A04285");
  found_at("q=070761%e2%80%914285", "070761%e2%80%914285");
  found_at("q=%30%37%30%37%36%31%2D%34%32%38%35&", "%30%37%30%37%36%31%2D%34%32%38%35");
  found_at("q=%30%37%30%37%36%31%34%32%38%35&", "%30%37%30%37%36%31%34%32%38%35");
  found_at("q=0707%36%314285", "0707%36%314285");
  found_at("%2Ffiles%2F2024%2F08%2F0707614285.pdf", "0707614285");
  found_at("<td>070761&nbsp;4285</td>", "070761&nbsp;4285");
  found_at("<td>070761&#160;4285</td>", "070761&#160;4285");
  found_at("<td>070761&#45;4285</td>", "070761&#45;4285");
  found_at("<td>070761&#x2011;4285</td>", "070761&#x2011;4285");
  found_at("<td>070761&#X2011;4285</td>", "070761&#X2011;4285");
  found_at("<td>070761&shy;4285</td>", "070761&shy;4285");
  found_at("<td>070761 &ndash; 4285</td>", "070761 &ndash; 4285");
  found_at("<td>&#48;&#55;&#48;&#55;&#54;&#49;-&#52;&#50;&#56;&#53;</td>",
           "&#48;&#55;&#48;&#55;&#54;&#49;-&#52;&#50;&#56;&#53;");
  found_at("<td>&#x30;&#x37;0761&#x34;285</td>", "&#x30;&#x37;0761&#x34;285");
  found_at("{\"cpr\": \"070761\\u00a04285\"}", "070761\\u00a04285");
  found_at("{\"cpr\": \"070761\\u20114285\"}", "070761\\u20114285");
  found_at("{\"cpr\": \"\\uff10\\uff17\\uff10\\uff17\\uff16\\uff11"
           "\\uff14\\uff12\\uff18\\uff15\"}",
           "\\uff10\\uff17\\uff10\\uff17\\uff16\\uff11\\uff14\\uff12\\uff18\\uff15");
  found_at("{\"cpr\": \"07076\\u00314285\"}", "07076\\u00314285");
  found_at("x \\ud835\\udfce707614285 y", "\\ud835\\udfce707614285"); /* U+1D7CE */
  /* Escapes are characters: they end runs and count as separators */
  assert_int_equal(conf_of("q=070761%2D4285"), DKCPR_CONFIDENCE_MEDIUM);
  none("q=0707614285%2E5");       /* a decimal */
  none("q=12%2D0707614285");      /* grouped */
  none("q=%310707614285");        /* 11 digits */
  none("070761&amp;4285");        /* not a separator */
  none("070761&#0;4285");
  none("070761&nbsp4285");        /* no ';' */
  none("\\u0030707614285\\u0031"); /* digits on both sides */
  found_at("50%25 0707614285", "0707614285");
  found_at("100% 0707614285", "0707614285");
  found_at("%zz0707614285", "0707614285");
  found_at("\\n0707614285\\t", "0707614285");
}

/* Context after the number and inside identifiers: structured health data
 * reaches medium confidence without a separator or mod 11 (0201609995
 * fails mod 11, so context alone makes it medium). */
static void structured_context(void **state) {
  (void)state;
  assert_int_equal(conf_of("PID|1||0201609995^^^CPR^PN||Hansen"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("PID|1||0201609995^^^DK-CPR^PN~123^^^X^MR"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("PID|1||0201609995^^^&1.2.208.176.1.2&ISO^PN"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("<PersonCivilRegistrationIdentifier>0201609995"
                           "</PersonCivilRegistrationIdentifier>"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("<medcom:PatientCPR>0201609995</medcom:PatientCPR>"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("{\"cprNr\": \"0201609995\"}"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("{\"borgerCpr\": \"0201609995\"}"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("borger_cpr=0201609995"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("CPRNummer;0201609995"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("{\"system\": \"urn:oid:1.2.208.176.1.2\", \"value\": \"0201609995\"}"),
                   DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("{\"value\":\"0201609995\",\"system\":\"urn:oid:1.2.208.176.1.2\"}"),
                   DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("x 0201609995</cpr>"), DKCPR_CONFIDENCE_MEDIUM);
  /* no context */
  assert_int_equal(conf_of("PID|1||0201609995^^^SKS^MR"), DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("MSH|^~\\&|0201609995|PN"), DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("urn:oid:1.2.208.176.1.22 0201609995"), DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("x 0201609995 cpr"), DKCPR_CONFIDENCE_LOW); /* labels the next */
  assert_int_equal(conf_of("x 0201609995^^^XPN"), DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("{\"patientId\": \"0201609995\"}"), DKCPR_CONFIDENCE_LOW);
  /* a keyword in an earlier object or element labels that one's value */
  assert_int_equal(conf_of("{\"system\":\"urn:oid:1.2.208.176.1.2\",\"value\":\"x\"},"
                           "{\"value\":\"0201609995\"}"), DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("<cpr>x</cpr><tlf>0201609995</tlf>"), DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("<cpr><v>0201609995</v></cpr>"), DKCPR_CONFIDENCE_MEDIUM);
  assert_int_equal(conf_of("{\"value\":\"0201609995\"}],\"birthDate\":\"1960\""),
                   DKCPR_CONFIDENCE_LOW);
  assert_int_equal(conf_of("<id>0201609995</id><cpr>x</cpr>"), DKCPR_CONFIDENCE_LOW);
}

static void skip_loops_agree(void **state) {
  unsigned char buf[300];
  dkcpr__skip_fn fast = dkcpr__skip_select();
  size_t i, j;
  (void)state;
  for (i = 0; i < 256; i++) {
    memset(buf, 'a', sizeof buf);
    buf[i % 200 + 40] = (unsigned char)i;
    for (j = 0; j < 45; j++)
      assert_int_equal(fast(buf, j, sizeof buf), dkcpr__skip_portable(buf, j, sizeof buf));
  }
}

static void dense_loops_agree(void **state) {
  static const char alphabet[] = "0123456789-./+ a\xd9\xc3%&\\";
  unsigned char buf[512];
  dkcpr__skip_fn fast = dkcpr__dense_select();
  uint64_t rng = 7;
  size_t round, i;
  (void)state;
  for (round = 0; round < 20000; round++) {
    size_t digits = 1 + round % 12; /* weight of digits in the mix */
    for (i = 0; i < sizeof buf; i++) {
      rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
      buf[i] = (unsigned char)(rng % 32 < digits * 2 ? alphabet[rng % 10]
                                                      : alphabet[(rng >> 8) % (sizeof alphabet - 1)]);
    }
    i = (size_t)(rng >> 20) % 100;
    assert_int_equal(fast(buf, i, sizeof buf), dkcpr__dense_portable(buf, i, sizeof buf));
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(written_forms),
      cmocka_unit_test(boundaries),
      cmocka_unit_test(invalid_dates_are_not_numbers),
      cmocka_unit_test(kinds),
      cmocka_unit_test(replacement_numbers_need_the_flag),
      cmocka_unit_test(strict_policy),
      cmocka_unit_test(nine_digits),
      cmocka_unit_test(confidence_rule),
      cmocka_unit_test(context_words),
      cmocka_unit_test(api_contract),
      cmocka_unit_test(min_confidence_filters),
      cmocka_unit_test(typed_separators),
      cmocka_unit_test(glued_numbers),
      cmocka_unit_test(structured_context),
      cmocka_unit_test(escaped_forms),
      cmocka_unit_test(header_column_context),
      cmocka_unit_test(skip_loops_agree),
      cmocka_unit_test(dense_loops_agree),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
