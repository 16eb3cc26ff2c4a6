/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz dkcpr_parse(): strict and lenient, every policy and flag. Checks that
 * a successful parse is self-consistent and survives a round trip through
 * dkcpr_format(), and that lenient parsing accepts what strict parsing does.
 * One option bit switches to the known-dates text loader instead. */
#include <string.h>

#include "dkcpr.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_datelist(const uint8_t *data, size_t size) {
  dkcpr_datelist *list = NULL;
  size_t bad_line = 0;
  dkcpr_status st;
  FUZZ_CHECK(dkcpr_datelist_new(&list) == DKCPR_OK);
  st = dkcpr_datelist_load(&bad_line, list, (const char *)data, size);
  FUZZ_CHECK(st == DKCPR_OK ? bad_line == 0 : st != DKCPR_E_NULL);
  (void)dkcpr_datelist_contains(list, 2000, 1, 1);
  dkcpr_datelist_free(list);
}

/* Field by field: the struct has padding that parse need not write. */
static int cpr_equal(const dkcpr_cpr *a, const dkcpr_cpr *b) {
  return memcmp(a->digits, b->digits, sizeof a->digits) == 0 &&
         a->year == b->year && a->month == b->month && a->day == b->day &&
         a->sex == b->sex && a->kind == b->kind && a->mod11 == b->mod11 &&
         a->known_date == b->known_date &&
         a->century_digit == b->century_digit;
}

static void check_result(const dkcpr_cpr *cpr, const dkcpr_options *opts) {
  char text[DKCPR_FORMAT_BUFSIZE];
  size_t len = 0;
  dkcpr_cpr again;
  dkcpr_options ascii = *opts;
  int i;

  FUZZ_CHECK(cpr->digits[10] == '\0' && strlen(cpr->digits) == 10);
  /* e-CPR centuries (1800+yy for 5, 2000+yy for 6 and 7) lie outside the
   * 1858-2057 range of the CPR century table. */
  if (cpr->kind == DKCPR_KIND_CPR || cpr->kind == DKCPR_KIND_REPLACEMENT)
    FUZZ_CHECK(cpr->year >= 1858 && cpr->year <= 2057);
  else
    FUZZ_CHECK(cpr->year >= 1800 && cpr->year <= 2099);
  FUZZ_CHECK(cpr->month >= 1 && cpr->month <= 12);
  FUZZ_CHECK(cpr->day >= 1 && cpr->day <= 31);
  FUZZ_CHECK(cpr->sex == DKCPR_SEX_FEMALE || cpr->sex == DKCPR_SEX_MALE);
  FUZZ_CHECK(cpr->mod11 == 0 || cpr->mod11 == 1);
  FUZZ_CHECK(cpr->kind >= DKCPR_KIND_CPR && cpr->kind <= DKCPR_KIND_DECPR);
  FUZZ_CHECK(cpr->kind == DKCPR_KIND_CPR ||
             (opts->flags & DKCPR_PARSE_ALLOW_REPLACEMENT));
  for (i = 0; i < 4; i++) FUZZ_CHECK(cpr->reserved[i] == 0);

  /* The canonical form, read back without leniency, is the same number. */
  ascii.flags &= ~DKCPR_PARSE_LENIENT;
  FUZZ_CHECK(dkcpr_parse(&again, cpr->digits, 10, &ascii) == DKCPR_OK);
  FUZZ_CHECK(cpr_equal(&again, cpr));

  FUZZ_CHECK(dkcpr_format(text, sizeof text, &len, cpr, DKCPR_FORMAT_DASHED) ==
             DKCPR_OK);
  FUZZ_CHECK(len == 11 && text[len] == '\0');
  FUZZ_CHECK(dkcpr_parse(&again, text, len, &ascii) == DKCPR_OK);
  FUZZ_CHECK(cpr_equal(&again, cpr));
  FUZZ_CHECK(dkcpr_format(text, sizeof text, &len, cpr,
                          DKCPR_FORMAT_COMPACT) == DKCPR_OK && len == 10);
  FUZZ_CHECK(dkcpr_format(text, sizeof text, &len, cpr,
                          DKCPR_FORMAT_MASKED) == DKCPR_OK && len == 11);
  FUZZ_CHECK(dkcpr_format(text, sizeof text, &len, cpr,
                          DKCPR_FORMAT_MASKED_FULL) == DKCPR_OK && len == 11);
  FUZZ_CHECK(dkcpr_format(text, 5, &len, cpr, DKCPR_FORMAT_DASHED) ==
             DKCPR_E_BUFSIZE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  unsigned choice = fuzz_take_byte(&in);
  dkcpr_options opts;
  dkcpr_cpr cpr;
  dkcpr_status st, st_validate;
  const char *s = (const char *)in.data;

  if (choice & 0x80u) {
    fuzz_datelist(in.data, in.size);
    return 0;
  }
  FUZZ_CHECK(dkcpr_options_init(&opts, DKCPR_OPTIONS_VERSION) == DKCPR_OK);
  opts.policy = (dkcpr_policy)((choice >> 3) % 3u);
  opts.flags = choice & 0x7u;
  opts.ref_year = FUZZ_REF_YEAR;
  opts.ref_month = FUZZ_REF_MONTH;
  opts.ref_day = FUZZ_REF_DAY;

  memset(&cpr, 0xa5, sizeof cpr);
  st = dkcpr_parse(&cpr, s, in.size, &opts);
  st_validate = dkcpr_validate(s, in.size, &opts);
  FUZZ_CHECK(st == st_validate);
  FUZZ_CHECK(dkcpr_parse(NULL, s, in.size, &opts) == st);
  FUZZ_CHECK(st <= 0 && st >= DKCPR_STATUS_LAST_);
  FUZZ_CHECK(st != DKCPR_E_NULL && st != DKCPR_E_BUFSIZE && st != DKCPR_E_ARG);
  if (st == DKCPR_OK) {
    check_result(&cpr, &opts);
    if (!(opts.flags & DKCPR_PARSE_LENIENT)) {
      /* Lenient parsing accepts a superset, with the same result. */
      dkcpr_options lenient = opts;
      dkcpr_cpr other;
      lenient.flags |= DKCPR_PARSE_LENIENT;
      FUZZ_CHECK(dkcpr_parse(&other, s, in.size, &lenient) == DKCPR_OK);
      FUZZ_CHECK(cpr_equal(&other, &cpr));
    }
  }
  return 0;
}
