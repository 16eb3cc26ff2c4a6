/* SPDX-License-Identifier: Apache-2.0 */
/* XML by structure: elements and attributes named CPR washed in any
 * written form, HL7 CDA's <id root extension> and FHIR's identifier,
 * free text washed as text, every other byte kept (entities, CDATA,
 * comments, PIs, DOCTYPE, names), chunking, reveal byte for byte, syntax
 * errors with their line and column, rules with companions per row
 * checked against the pseudonym's birth date computed here, escaping of
 * rewritten values, long tags and rows, the format guess. */
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

/* Wash in[0..len) as XML in chunks of step bytes (0: whole). */
static run wash(const dkcpr_pseudonymizer *p, dkcpr_wash_mode mode, const dkcpr_rules *rules,
                const char *placeholder, const char *in, size_t len, size_t step) {
  return struct_wash(p, mode, DKCPR_DATA_XML, rules, placeholder, in, len, step);
}

/* The text between the n-th (0-based) "open" after the start of s and the
 * next "close", into out. */
static const char *between(char *out, size_t cap, const char *s, const char *open,
                           const char *close, int nth) {
  const char *a = s, *b;
  int i;
  for (i = 0; i <= nth; i++) {
    a = strstr(a, open);
    if (a == NULL) fail_msg("no %d. %s in %s", nth, open, s);
    a += strlen(open);
  }
  b = strstr(a, close);
  assert_non_null(b);
  assert_true((size_t)(b - a) < cap);
  memcpy(out, a, (size_t)(b - a));
  out[b - a] = '\0';
  return out;
}

/* A municipal case export: CPR numbers as element text, attributes, in
 * free text, in a comment and in CDATA. */
static const char export_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- Sagsudtræk, Aarhus Kommune -->\n"
    "<sager xmlns:fk=\"urn:oio:fk\">\n"
    "  <sag nr=\"2026-1\" ref=\"a>b\" borgerCpr=\"0405205297\">\n"
    "    <borger>\n"
    "      <cpr>040520-5297</cpr>\n"
    "      <fk:PersonCivilRegistrationIdentifier>2911700657</fk:PersonCivilRegistrationIdentifier>\n"
    "      <CPRnummer> 211062 5629 </CPRnummer>\n"
    "      <navn>Bo &amp; Mette Hansen</navn>\n"
    "      <telefon>12345678</telefon>\n"
    "    </borger>\n"
    "    <note>Henvist, cpr 0101901234, se journal</note>\n"
    "    <bilag><![CDATA[Kopi: 2911700657 <ikke tag>]]></bilag>\n"
    "    <?behandling ref=\"x\"?><henvisning til='a > b' fra=\"'\"/>\n"
    "  </sag>\n"
    "</sager>\n";

static void test_cpr_elements_and_attributes(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  run r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, export_xml, strlen(export_xml), 0);
  char v[128];
  dkcpr_cpr c;
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  assert_int_equal(r.len, strlen(export_xml)); /* every form kept */
  /* Washed in their written form, valid CPR numbers again. */
  between(v, sizeof v, r.out, "<cpr>", "</cpr>", 0);
  assert_int_equal(strlen(v), 11);
  assert_int_equal(v[6], '-');
  assert_string_not_equal(v, "040520-5297");
  assert_int_equal(dkcpr_parse(&c, v, strlen(v), NULL), DKCPR_OK);
  between(v, sizeof v, r.out, "borgerCpr=\"", "\"", 0);
  assert_string_not_equal(v, "0405205297");
  /* One person, one pseudonym, in every form. */
  assert_memory_equal(v, c.digits, 10);
  between(v, sizeof v, r.out, "Identifier>", "</fk:", 0);
  assert_string_not_equal(v, "2911700657");
  assert_int_equal(dkcpr_parse(&c, v, strlen(v), NULL), DKCPR_OK);
  between(v, sizeof v, r.out, "<CPRnummer>", "</CPRnummer>", 0);
  assert_int_equal(strlen(v), strlen(" 211062 5629 "));
  assert_memory_equal(v, " ", 1);
  assert_int_equal(v[7], ' ');
  assert_string_not_equal(v, " 211062 5629 ");
  /* Free text, the comment and CDATA are washed as text. */
  assert_null(strstr(r.out, "0101901234"));
  assert_null(strstr(r.out, "2911700657"));
  between(v, sizeof v, r.out, "<bilag>", "</bilag>", 0);
  assert_memory_equal(v, "<![CDATA[Kopi: ", 15);
  assert_non_null(strstr(v, " <ikke tag>]]>"));
  /* Other fields, names and markup are kept. */
  assert_non_null(strstr(r.out, "<navn>Bo &amp; Mette Hansen</navn>"));
  assert_non_null(strstr(r.out, "<telefon>12345678</telefon>"));
  assert_non_null(strstr(r.out, "<sag nr=\"2026-1\" ref=\"a>b\" borgerCpr=\""));
  assert_non_null(strstr(r.out, "<?behandling ref=\"x\"?>"));
  assert_non_null(strstr(r.out, "<!-- Sagsudtræk, Aarhus Kommune -->"));
  assert_int_equal(r.counts.values, 4);
  assert_int_equal(r.counts.replaced, 4);
  assert_int_equal(r.counts.unrecognised, 0);
  free(r.out);
  dkcpr_pseudonymizer_free(p);
}

static void test_identifier_schemes(void **state) {
  static const char cda[] =
      "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><recordTarget><patientRole>\n"
      "<id root=\"1.2.208.176.1.2\" extension=\"0405205297\"/>\n"
      "<id extension='2911700657' assigningAuthorityName=\"CPR\" root='1.2.208.176.1.2'/>\n"
      "<id root=\"1.2.208.176.1.1\" extension=\"1234567\"/>\n"
      "</patientRole></recordTarget>\n"
      "<Patient xmlns=\"http://hl7.org/fhir\"><identifier>"
      "<system value=\"urn:oid:1.2.208.176.1.2\"/><value value=\"211062-5629\"/></identifier>"
      "<identifier><system value=\"urn:oid:1.2.208.176.1.1\"/><value value=\"1234567\"/>"
      "</identifier></Patient></ClinicalDocument>";
  dkcpr_pseudonymizer *p = pseudonymizer();
  run r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, cda, strlen(cda), 0), back;
  char v[64];
  dkcpr_cpr c;
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  between(v, sizeof v, r.out, "extension=\"", "\"", 0);
  assert_string_not_equal(v, "0405205297");
  assert_int_equal(dkcpr_parse(&c, v, strlen(v), NULL), DKCPR_OK);
  between(v, sizeof v, r.out, "extension='", "'", 0); /* root after it */
  assert_string_not_equal(v, "2911700657");
  assert_int_equal(dkcpr_parse(&c, v, strlen(v), NULL), DKCPR_OK);
  between(v, sizeof v, r.out, "<value value=\"", "\"", 0);
  assert_int_equal(strlen(v), 11);
  assert_string_not_equal(v, "211062-5629");
  /* Another register's identifiers are no CPR numbers. */
  assert_non_null(strstr(r.out, "root=\"1.2.208.176.1.1\" extension=\"1234567\""));
  assert_non_null(strstr(r.out, "<value value=\"1234567\"/>"));
  assert_int_equal(r.counts.values, 3);
  assert_int_equal(r.counts.replaced, 3);
  back = wash(p, DKCPR_WASH_REVEAL, NULL, NULL, r.out, r.len, 11);
  assert_string_equal(back.out, cda);
  free(back.out);
  free(r.out);
  dkcpr_pseudonymizer_free(p);
}

static void test_chunks_and_reveal(void **state) {
  dkcpr_pseudonymizer *p = pseudonymizer();
  run whole = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, export_xml, strlen(export_xml), 0), back;
  size_t step;
  (void)state;
  for (step = 1; step <= 64; step++) {
    run part = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, export_xml, strlen(export_xml), step);
    assert_int_equal(part.st, DKCPR_OK);
    assert_int_equal(part.len, whole.len);
    assert_memory_equal(part.out, whole.out, whole.len);
    free(part.out);
  }
  back = wash(p, DKCPR_WASH_REVEAL, NULL, NULL, whole.out, whole.len, 7);
  assert_int_equal(back.st, DKCPR_OK);
  assert_string_equal(back.out, export_xml);
  free(back.out);
  free(whole.out);
  {
    /* An empty chunk, first or between others, is no error. */
    dkcpr_struct_options so;
    dkcpr_struct_washer *w = NULL;
    char *out;
    size_t n, cap;
    assert_int_equal(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION), DKCPR_OK);
    so.format = DKCPR_DATA_XML;
    assert_int_equal(dkcpr_struct_washer_new(&w, p, NULL, NULL, &so), DKCPR_OK);
    cap = dkcpr_struct_washer_bound(w, 4);
    out = malloc(cap);
    assert_non_null(out);
    assert_int_equal(dkcpr_struct_washer_feed(out, cap, &n, w, "", 0), DKCPR_OK);
    assert_int_equal(dkcpr_struct_washer_feed(out, cap, &n, w, "<a>", 3), DKCPR_OK);
    assert_int_equal(dkcpr_struct_washer_feed(out, cap, &n, w, "", 0), DKCPR_OK);
    assert_int_equal(dkcpr_struct_washer_feed(out, cap, &n, w, "</a>", 4), DKCPR_OK);
    assert_int_equal(dkcpr_struct_washer_finish(out, cap, &n, w), DKCPR_OK);
    dkcpr_struct_washer_free(w);
    free(out);
  }
  dkcpr_pseudonymizer_free(p);
}

static void test_markup_kept(void **state) {
  /* A DOCTYPE with an entity, references, CDATA, comments, PIs, CRLF and
   * a byte order mark: all kept; a CPR element holding a reference or
   * markup is washed as text and counted. Names holding digits are kept,
   * so the start tag still matches its end tag. */
  static const char doc[] =
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n"
      "<!DOCTYPE r [\r\n  <!ENTITY p0405205297 \"2911700657\">\r\n"
      "  <!-- don't 0101901234 -->\r\n  <?pi x?>\r\n]>\r\n"
      "<r a0405205297=\"x\">\r\n"
      "<cpr>&p0405205297;</cpr>\r\n"
      "<cpr>0405205297<!-- c --></cpr>\r\n"
      "<cpr><?x?>0405205297</cpr><?t0405205297 x?>\r\n"
      "<note><![CDATA[x]]]><![CDATA[]]]]></note>\r\n"
      "<cpr><![CDATA[0405205297]]></cpr>\r\n"
      "<cpr>\r\n  <nr>x</nr>\r\n</cpr>\r\n"
      "<x0405205297>&#48;405205297 &amp;&lt;&gt;&quot;&apos;</x0405205297>\r\n"
      "<cpr/><cpr></cpr><cpr>   </cpr>\r\n"
      "</r>\r\n";
  dkcpr_pseudonymizer *p = pseudonymizer();
  run r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, doc, strlen(doc), 3), back;
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  assert_non_null(strstr(r.out, "<!ENTITY p0405205297 \""));
  assert_null(strstr(r.out, "\"2911700657\""));     /* the entity's value is text */
  assert_null(strstr(r.out, "0101901234"));         /* a comment in the DTD too */
  assert_non_null(strstr(r.out, "<cpr>&p0405205297;</cpr>"));
  assert_non_null(strstr(r.out, "<r a0405205297=\"x\">"));
  assert_non_null(strstr(r.out, "<x0405205297>&#"));
  assert_non_null(strstr(r.out, "</x0405205297>"));
  assert_non_null(strstr(r.out, " &amp;&lt;&gt;&quot;&apos;</x0405205297>"));
  assert_non_null(strstr(r.out, "<cpr><![CDATA["));
  assert_non_null(strstr(r.out, "<cpr>\r\n  <nr>x</nr>\r\n</cpr>\r\n"));
  assert_non_null(strstr(r.out, "<cpr/><cpr></cpr><cpr>   </cpr>"));
  assert_non_null(strstr(r.out, "<?t0405205297 x?>"));
  assert_non_null(strstr(r.out, "<note><![CDATA[x]]]><![CDATA[]]]]></note>"));
  assert_memory_equal(r.out, "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n", 26);
  /* The reference and the text beside a comment or PI are counted, not numbers. */
  assert_int_equal(r.counts.values, 3);
  assert_int_equal(r.counts.unrecognised, 3);
  assert_int_equal(r.counts.replaced, 0);
  back = wash(p, DKCPR_WASH_REVEAL, NULL, NULL, r.out, r.len, 5);
  assert_int_equal(back.st, DKCPR_OK);
  assert_string_equal(back.out, doc);
  free(back.out);
  free(r.out);
  dkcpr_pseudonymizer_free(p);
}

static void test_syntax_errors(void **state) {
  static const struct {
    const char *in;
    unsigned long long line, column;
  } bad[] = {
      {"", 1, 1},                                          /* no element */
      {"<a>\n<b>x</c>\n</a>", 2, 7},                      /* mismatched tag */
      {"<a>\r\n<b attr=\"1\" attr=\"2\"/></a>", 2, 13},    /* duplicate attribute */
      {"<a>x</a>\n<b/>", 2, 1},                            /* after the root */
      {"<a>&nope;</a>", 1, 4},                             /* undefined entity */
      {"<a>\r\r\n\n<!-- a -- b --></a>", 4, 10},           /* CR, CRLF, LF: one line each */
      {"<a>ab\xff</a>", 1, 6},                             /* not UTF-8 */
      {"<a b='1", 1, 1},                                   /* unclosed at the end */
      {"<a>]]></a>", 1, 6},                                /* ]]> in text */
      {"<a>\xc3\xa6\xc3\xa6<</a>", 1, 7},                  /* columns in characters */
  };
  dkcpr_pseudonymizer *p = pseudonymizer();
  size_t i, step;
  run r;
  (void)state;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    for (step = 0; step <= 5; step++) {
      r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, bad[i].in, strlen(bad[i].in), step);
      if (r.st != DKCPR_E_SYNTAX || r.err.line != bad[i].line || r.err.column != bad[i].column)
        fail_msg("case %zu step %zu: %s at %llu:%llu (%s)", i, step, dkcpr_status_name(r.st),
                 (unsigned long long)r.err.line, (unsigned long long)r.err.column,
                 r.err.message ? r.err.message : "");
      assert_non_null(r.err.message);
      free(r.out);
    }
  /* expat places some errors by where its input was cut: it is given the
   * same pieces whatever the caller's chunks. */
  for (step = 0; step <= 5; step++) {
    r = wash(p, DKCPR_WASH_MASK, NULL, NULL, "0\0\0\x05<", 5, step);
    assert_int_equal(r.st, DKCPR_E_SYNTAX);
    assert_int_equal(r.err.offset, 2);
    assert_int_equal(r.err.column, 2);
    free(r.out);
  }
  /* A placeholder that XML would read as markup cannot be written. */
  r = wash(p, DKCPR_WASH_REDACT, NULL, "<CPR>", "<a>0405205297</a>", 17, 0);
  assert_int_equal(r.st, DKCPR_E_SYNTAX);
  assert_non_null(strstr(r.err.message, "placeholder"));
  free(r.out);
  r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, "<CPR>", "<a>0405205297</a>", 17, 0); /* unused */
  assert_int_equal(r.st, DKCPR_OK);
  free(r.out);
  dkcpr_pseudonymizer_free(p);
}

static void test_limits(void **state) {
  /* Elements nested deeper than 65536 levels, and a comment longer than
   * 8 MiB, are refused where the limit is crossed, in one piece or many. */
  size_t depth = 65537, len = 3 * depth + 1, i, big = (8u << 20) + 64;
  char *doc = malloc(len > big ? len : big);
  dkcpr_pseudonymizer *p = pseudonymizer();
  run r;
  (void)state;
  assert_non_null(doc);
  for (i = 0; i < depth; i++) memcpy(doc + 3 * i, "<a>", 3);
  for (i = 0; i < 2; i++) {
    r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, doc, 3 * depth, i ? 4096 : 0);
    assert_int_equal(r.st, DKCPR_E_SYNTAX);
    assert_int_equal(r.err.offset, 3 * depth - 1);
    assert_int_equal(r.err.column, 3 * depth);
    free(r.out);
  }
  memcpy(doc, "<a><!--", 7);
  memset(doc + 7, 'x', big - 7);
  for (i = 0; i < 2; i++) {
    r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, doc, big, i ? 65536 : 0);
    assert_int_equal(r.st, DKCPR_E_SYNTAX);
    assert_int_equal(r.err.offset, 3 + (8u << 20));
    assert_non_null(strstr(r.err.message, "8 MiB"));
    free(r.out);
  }
  free(doc);
  dkcpr_pseudonymizer_free(p);
}

/* Birth date and sex of a ten-digit CPR number by the century rule
 * (docs/cpr-rules.md), worked out here rather than by the library. */
static void birth(const char *cpr, int *year, int *month, int *day, int *male) {
  int yy = (cpr[4] - '0') * 10 + (cpr[5] - '0'), c7 = cpr[6] - '0';
  int century = c7 <= 3 ? 1900 : (c7 == 4 || c7 == 9) ? (yy <= 36 ? 2000 : 1900)
                                                       : (yy <= 57 ? 2000 : 1800);
  *day = (cpr[0] - '0') * 10 + (cpr[1] - '0');
  if (*day > 60) *day -= 60;
  *month = (cpr[2] - '0') * 10 + (cpr[3] - '0');
  *year = century + yy;
  *male = (cpr[9] - '0') % 2 == 1;
}

static void test_rules_and_companions(void **state) {
  /* Each <borger> is a row: its companions follow its first CPR number,
   * before or after them, in text or attributes. */
  static const char yaml[] =
      "fields:\n"
      "  foedselsdato: {birth_date: DD.MM.YYYY}\n"
      "  koen: {sex: {male: M, female: K}}\n"
      "  aargang: {birth_year: YYYY}\n"
      "  navn: full_name\n"
      "  adresse: redact\n"
      "  note: empty\n"
      "  email: email\n";
  static const char doc[] =
      "<borgere>\n"
      " <borger koen=\"M\">\n"
      "  <foedselsdato>04.05.2020</foedselsdato>\n"
      "  <cpr>0405205297</cpr>\n"
      "  <navn>Bo Hansen</navn>\n"
      "  <adresse><vej>Vestergade 1</vej><by>Aarhus</by></adresse>\n"
      "  <note><![CDATA[ring 2911700657]]></note>\n"
      "  <kontakt email=\"bo@x.dk\"/>\n"
      " </borger>\n"
      " <borger cpr=\"291170-0657\" aargang=\"1970\"><koen>M</koen></borger>\n"
      " <borger><koen>K</koen></borger>\n"
      "</borgere>\n";
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *rules = struct_rules_of(yaml);
  run r = wash(p, DKCPR_WASH_PSEUDONYM, rules, NULL, doc, strlen(doc), 0), back;
  char v[128], want[32], cpr[16];
  int year, month, day, male;
  size_t step;
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  /* Row 1: the birth date before the number and the sex in the start tag
   * follow the pseudonym. */
  between(cpr, sizeof cpr, r.out, "<cpr>", "</cpr>", 0);
  assert_string_not_equal(cpr, "0405205297");
  birth(cpr, &year, &month, &day, &male);
  snprintf(want, sizeof want, "%02d.%02d.%04d", day, month, year);
  assert_string_equal(between(v, sizeof v, r.out, "<foedselsdato>", "</foedselsdato>", 0), want);
  assert_string_equal(between(v, sizeof v, r.out, "<borger koen=\"", "\"", 0), male ? "M" : "K");
  assert_string_not_equal(between(v, sizeof v, r.out, "<navn>", "</navn>", 0), "Bo Hansen");
  assert_non_null(strchr(v, ' '));
  /* A rule on an element covers the text of the elements inside it. */
  assert_non_null(strstr(r.out, "<adresse><vej>[CPR]</vej><by>[CPR]</by></adresse>"));
  assert_non_null(strstr(r.out, "<note><![CDATA[]]></note>"));
  assert_non_null(strstr(between(v, sizeof v, r.out, "email=\"", "\"", 0), "@example.invalid"));
  /* Row 2: the number in an attribute, written dashed. */
  between(cpr, sizeof cpr, r.out, "cpr=\"", "\"", 0);
  assert_int_equal(cpr[6], '-');
  memmove(cpr + 6, cpr + 7, 5);
  birth(cpr, &year, &month, &day, &male);
  snprintf(want, sizeof want, "%04d", year);
  assert_string_equal(between(v, sizeof v, r.out, "aargang=\"", "\"", 0), want);
  assert_string_equal(between(v, sizeof v, r.out, "<koen>", "</koen>", 0), male ? "M" : "K");
  /* Row 3 has no number: its companion gets the placeholder, counted. */
  assert_string_equal(between(v, sizeof v, r.out, "<koen>", "</koen>", 1), "[CPR]");
  assert_int_equal(r.counts.rule_unusable, 1);
  for (step = 1; step <= 64; step += 3) {
    run part = wash(p, DKCPR_WASH_PSEUDONYM, rules, NULL, doc, strlen(doc), step);
    assert_int_equal(part.st, DKCPR_OK);
    assert_string_equal(part.out, r.out);
    free(part.out);
  }
  /* Reveal gives back the numbers and the companions that agreed. */
  back = wash(p, DKCPR_WASH_REVEAL, rules, NULL, r.out, r.len, 9);
  assert_int_equal(back.st, DKCPR_OK);
  assert_non_null(strstr(back.out, "<foedselsdato>04.05.2020</foedselsdato>"));
  assert_non_null(strstr(back.out, "<cpr>0405205297</cpr>"));
  assert_non_null(strstr(back.out, "<borger cpr=\"291170-0657\" aargang=\"1970\"><koen>M</koen>"));
  free(back.out);
  free(r.out);
  dkcpr_rules_free(rules);
  dkcpr_pseudonymizer_free(p);
}

static void test_escaping(void **state) {
  /* Rewritten values are escaped for where they sit: text, an attribute
   * in either quote, CDATA (which cannot hold "]]>": the placeholder). */
  static const char yaml[] =
      "fields:\n"
      "  d: {birth_date: \"DD<MM>YY&\"}\n"
      "  s: {sex: {male: \"M\\\"'\", female: \"K\\\"'\"}}\n"
      "  c: {birth_date: \"DD]]>MM YY\"}\n";
  static const char doc[] =
      "<r><p cpr=\"0405205297\" d=\"x\" s='y'><d>1</d><s>2</s><c><![CDATA[q]]></c><c>q</c></p></r>";
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *rules = struct_rules_of(yaml);
  run r = wash(p, DKCPR_WASH_PSEUDONYM, rules, NULL, doc, strlen(doc), 0);
  char v[128], cpr[16], want[64];
  int year, month, day, male;
  (void)state;
  assert_int_equal(r.st, DKCPR_OK);
  between(cpr, sizeof cpr, r.out, "cpr=\"", "\"", 0);
  birth(cpr, &year, &month, &day, &male);
  snprintf(want, sizeof want, "%02d&lt;%02d&gt;%02d&amp;", day, month, year % 100);
  assert_string_equal(between(v, sizeof v, r.out, " d=\"", "\"", 0), want);
  assert_string_equal(between(v, sizeof v, r.out, "<d>", "</d>", 0), want);
  snprintf(want, sizeof want, "%s&quot;&apos;", male ? "M" : "K");
  assert_string_equal(between(v, sizeof v, r.out, " s='", "'", 0), want);
  snprintf(want, sizeof want, "%s\"'", male ? "M" : "K");
  assert_string_equal(between(v, sizeof v, r.out, "<s>", "</s>", 0), want);
  assert_non_null(strstr(r.out, "<c><![CDATA[[CPR]]]></c>"));
  snprintf(want, sizeof want, "%02d]]&gt;%02d %02d", day, month, year % 100);
  assert_string_equal(between(v, sizeof v, r.out, "<c>", "</c>", 1), want);
  assert_int_equal(r.counts.rule_unusable, 1);
  free(r.out);
  dkcpr_rules_free(rules);
  dkcpr_pseudonymizer_free(p);
}

static void test_long_tag_and_row(void **state) {
  /* A start tag longer than a held tag: its attributes before the cut by
   * structure, the rest as text. A row longer than a held row: washed in
   * parts, its companions without a number. */
  size_t pad = 70 * 1024, len;
  char *doc = malloc(2 * pad + 512);
  dkcpr_pseudonymizer *p = pseudonymizer();
  dkcpr_rules *rules = struct_rules_of("fields:\n  koen: {sex: {male: M, female: K}}\n");
  run r, back;
  (void)state;
  assert_non_null(doc);
  strcpy(doc, "<r><p cpr=\"0405205297\" pad=\"");
  len = strlen(doc);
  memset(doc + len, 'A', pad);
  strcpy(doc + len + pad, "\" note=\"cpr 040520-5297\" kode=\"0405205297\"/></r>");
  len = strlen(doc);
  r = wash(p, DKCPR_WASH_PSEUDONYM, NULL, NULL, doc, len, 4096);
  assert_int_equal(r.st, DKCPR_OK);
  assert_int_equal(r.len, len);
  assert_null(strstr(r.out, "0405205297"));
  assert_null(strstr(r.out, "040520-5297"));
  assert_int_equal(r.counts.values, 1); /* the rest was text */
  back = wash(p, DKCPR_WASH_REVEAL, NULL, NULL, r.out, r.len, 1000);
  assert_int_equal(back.len, len);
  assert_memory_equal(back.out, doc, len);
  free(back.out);
  free(r.out);
  /* A long row: the sex after 70 KiB of text gets no number. */
  strcpy(doc, "<r><p><cpr>0405205297</cpr><t>");
  len = strlen(doc);
  memset(doc + len, 'a', pad);
  strcpy(doc + len + pad, "</t><koen>M</koen></p><p><cpr>0405205297</cpr><koen>M</koen></p></r>");
  len = strlen(doc);
  r = wash(p, DKCPR_WASH_PSEUDONYM, rules, NULL, doc, len, 3000);
  assert_int_equal(r.st, DKCPR_OK);
  assert_non_null(strstr(r.out, "</t><koen>[CPR]</koen></p>"));
  assert_int_equal(r.counts.rule_unusable, 1);
  assert_int_equal(r.counts.replaced, 2);
  free(r.out);
  free(doc);
  dkcpr_rules_free(rules);
  dkcpr_pseudonymizer_free(p);
}

static void test_format_guess(void **state) {
  (void)state;
  assert_int_equal(dkcpr_data_format_guess("sager.XML", 9, NULL, 0), DKCPR_DATA_XML);
  assert_int_equal(dkcpr_data_format_guess("sager.xml.gz", 12, NULL, 0), DKCPR_DATA_XML);
  assert_int_equal(dkcpr_data_format_guess(NULL, 0, export_xml, strlen(export_xml)),
                   DKCPR_DATA_XML);
  assert_int_equal(dkcpr_data_format_guess(NULL, 0, "\xEF\xBB\xBF\n <sager>", 12), DKCPR_DATA_XML);
  assert_int_equal(dkcpr_data_format_guess(NULL, 0, "<!-- x -->", 10), DKCPR_DATA_XML);
  assert_int_equal(dkcpr_data_format_guess(NULL, 0, "< 5 og > 3\n", 11), DKCPR_DATA_TEXT);
  assert_string_equal(dkcpr_data_format_name(DKCPR_DATA_XML), "xml");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cpr_elements_and_attributes),
      cmocka_unit_test(test_identifier_schemes),
      cmocka_unit_test(test_chunks_and_reveal),
      cmocka_unit_test(test_markup_kept),
      cmocka_unit_test(test_syntax_errors),
      cmocka_unit_test(test_limits),
      cmocka_unit_test(test_rules_and_companions),
      cmocka_unit_test(test_escaping),
      cmocka_unit_test(test_long_tag_and_row),
      cmocka_unit_test(test_format_guess),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
