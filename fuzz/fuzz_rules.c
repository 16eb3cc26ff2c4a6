/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the rules file reader: any bytes are rules or a syntax error with a
 * position inside them, never a crash; rules that are read wash a CSV, JSON
 * Lines and an SQL dump whose fields they name, or, when they have a layout
 * (which only the fixed format takes), fixed-width records. */
#include <stdlib.h>
#include <string.h>

#include "dkcpr.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 0 when the washer refuses the rules (a layout outside fixed). */
static int wash_with(const dkcpr_rules *rules, dkcpr_data_format f, const char *in) {
  static const uint8_t key[DKCPR_KEY_BYTES] = {7};
  const dkcpr_pseudonymizer *p = fuzz_pseudonymizer(key, DKCPR_KEEP_DEFAULT, 0);
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  size_t len = strlen(in), cap, n;
  char *out;
  FUZZ_CHECK(dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION) == DKCPR_OK);
  so.format = f;
  so.rules = rules;
  dkcpr_status st = dkcpr_struct_washer_new(&w, p, NULL, NULL, &so);
  if (st == DKCPR_E_ARG && f != DKCPR_DATA_FIXED) return 0;
  FUZZ_CHECK(st == DKCPR_OK);
  cap = dkcpr_struct_washer_bound(w, len);
  out = malloc(cap);
  FUZZ_CHECK(out != NULL);
  FUZZ_CHECK(dkcpr_struct_washer_feed(out, cap, &n, w, in, len) == DKCPR_OK);
  FUZZ_CHECK(dkcpr_struct_washer_finish(out, cap, &n, w) == DKCPR_OK);
  free(out);
  dkcpr_struct_washer_free(w);
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dkcpr_rules *rules = NULL;
  dkcpr_struct_error err = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
  dkcpr_status st = dkcpr_rules_parse(&rules, &err, (const char *)data, size);
  FUZZ_CHECK(st == DKCPR_OK || st == DKCPR_E_SYNTAX);
  if (st == DKCPR_E_SYNTAX) {
    FUZZ_CHECK(rules == NULL && err.message != NULL && err.line >= 1 && err.column >= 1 &&
               err.offset <= size);
    return 0;
  }
  for (size_t i = 0; i < dkcpr_rules_count(rules); i++) { /* each named, on a line of the text */
    const char *name;
    uint64_t line;
    FUZZ_CHECK(dkcpr_rules_field(&name, &line, rules, i) == DKCPR_OK);
    FUZZ_CHECK(name != NULL && line >= 1 && line <= size + 1);
  }
  if (!wash_with(rules, DKCPR_DATA_CSV,
                 "a,b,c,cpr,d\n1,2,3,0405205297,x\n\"q\",,\"\"\"\",291170-0657,\"y\nz\"\n")) {
    wash_with(rules, DKCPR_DATA_FIXED,
              "0010405205297x291170-0657 20200504MK\n\n002a\r\n0405205297\n"
              "0000000000000000000000000000000000000000000000000000000000000000000000000");
    dkcpr_rules_free(rules);
    return 0;
  }
  wash_with(rules, DKCPR_DATA_JSONL,
            "{\"a\": 1, \"cpr\": \"0405205297\", \"b\": [\"x\", 2], \"c\": {\"d\": null}}\n"
            "[{\"cpr\": 2911700657, \"a\": \"q\"}]\n");
  wash_with(rules, DKCPR_DATA_SQL,
            "COPY t (a, b, cpr, c) FROM stdin;\n1\t2\t0405205297\t\\N\n\\.\n"
            "INSERT INTO t (a, b, cpr) VALUES ('x', 2, '2911700657'), (NULL, 'y''z', '');\n");
  wash_with(rules, DKCPR_DATA_XML,
            "<r><p a=\"1\"><cpr>0405205297</cpr><b>x</b><q s=\"2\"/></p>"
            "<t><a>1</a><cpr>291170-0657</cpr></t></r>");
  wash_with(rules, DKCPR_DATA_JSON,
            "[{\"p\": {\"b\": \"x\", \"q\": [{\"s\": 1}]}, \"cpr\": \"0405205297\"}]");
  wash_with(rules, DKCPR_DATA_SQL,
            "CREATE TABLE public.t (a text, cpr text);\nINSERT INTO public.t VALUES ('x', '0405205297');\n");
  dkcpr_rules_free(rules);
  return 0;
}
