/* SPDX-License-Identifier: Apache-2.0 */
/* Validation and what a number says: is_valid, parse, birth date, sex,
 * age, formatting and masking. */
#include "pg_dkcpr.h"

#include <string.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

/* is_valid(text, policy): the library's defaults, today = CURRENT_DATE. */
PG_FUNCTION_INFO_V1(pgdk_is_valid);
Datum pgdk_is_valid(PG_FUNCTION_ARGS) {
  const text *t = PG_GETARG_TEXT_PP(0);
  dkcpr_options o;

  pgdk_today_options(&o, pgdk_policy(PG_GETARG_TEXT_PP(1)));
  PG_RETURN_BOOL(dkcpr_validate(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &o) ==
                 DKCPR_OK);
}

static DateADT date_of(int y, int m, int d) {
  return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

static Datum parts_tuple(FunctionCallInfo fcinfo, const dkcpr_cpr *p) {
  TupleDesc desc;
  Datum values[6];
  bool nulls[6] = {false, false, false, false, false, false};
  PgdkCpr *digits = palloc(sizeof *digits);

  if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("parse must return a composite")));
  desc = BlessTupleDesc(desc);
  memcpy(digits->digits, p->digits, PGDK_CPR_LEN);
  values[0] = PointerGetDatum(digits);
  values[1] = DateADTGetDatum(date_of(p->year, p->month, p->day));
  values[2] = CStringGetTextDatum(p->sex == DKCPR_SEX_MALE ? "M" : "F");
  values[3] = CStringGetTextDatum(dkcpr_kind_name(p->kind));
  values[4] = BoolGetDatum(p->mod11 != 0);
  values[5] = BoolGetDatum(p->known_date != 0);
  return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

/* parse(text): what the cpr type accepts, and everything it says. */
PG_FUNCTION_INFO_V1(pgdk_parse_text);
Datum pgdk_parse_text(PG_FUNCTION_ARGS) {
  const text *t = PG_GETARG_TEXT_PP(0);
  dkcpr_cpr p;

  PGDK_CHECK(dkcpr_parse(&p, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
                         pgdk_type_options()));
  return parts_tuple(fcinfo, &p);
}

PG_FUNCTION_INFO_V1(pgdk_parse_cpr);
Datum pgdk_parse_cpr(PG_FUNCTION_ARGS) {
  dkcpr_cpr p;

  pgdk_cpr_parts(&p, PG_GETARG_CPR(0));
  return parts_tuple(fcinfo, &p);
}

PG_FUNCTION_INFO_V1(pgdk_birth_date);
Datum pgdk_birth_date(PG_FUNCTION_ARGS) {
  dkcpr_cpr p;

  pgdk_cpr_parts(&p, PG_GETARG_CPR(0));
  PG_RETURN_DATEADT(date_of(p.year, p.month, p.day));
}

PG_FUNCTION_INFO_V1(pgdk_sex);
Datum pgdk_sex(PG_FUNCTION_ARGS) {
  dkcpr_cpr p;

  pgdk_cpr_parts(&p, PG_GETARG_CPR(0));
  PG_RETURN_TEXT_P(cstring_to_text(p.sex == DKCPR_SEX_MALE ? "M" : "F"));
}

PG_FUNCTION_INFO_V1(pgdk_age);
Datum pgdk_age(PG_FUNCTION_ARGS) {
  DateADT on = PG_GETARG_DATEADT(1);
  dkcpr_cpr p;
  int y, m, d, years;

  if (DATE_NOT_FINITE(on))
    PGDK_CHECK(DKCPR_E_DATE);
  pgdk_cpr_parts(&p, PG_GETARG_CPR(0));
  j2date(on + POSTGRES_EPOCH_JDATE, &y, &m, &d);
  PGDK_CHECK(dkcpr_age(&years, &p, y, m, d));
  PG_RETURN_INT32(years);
}

static dkcpr_format_style style_of(const text *name) {
  static const struct {
    const char *name;
    dkcpr_format_style style;
  } styles[] = {{"dashed", DKCPR_FORMAT_DASHED},
                {"compact", DKCPR_FORMAT_COMPACT},
                {"masked", DKCPR_FORMAT_MASKED},
                {"masked-full", DKCPR_FORMAT_MASKED_FULL}};
  const char *s = VARDATA_ANY(name);
  size_t n = VARSIZE_ANY_EXHDR(name);

  for (size_t i = 0; i < lengthof(styles); i++)
    if (strlen(styles[i].name) == n && pg_strncasecmp(s, styles[i].name, n) == 0)
      return styles[i].style;
  ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                  errmsg("unknown format style \"%.*s\"", (int)Min(n, 32), s),
                  errhint("Styles are dashed, compact, masked and masked-full.")));
  pg_unreachable();
}

static text *formatted(const PgdkCpr *c, dkcpr_format_style style) {
  char buf[DKCPR_FORMAT_BUFSIZE];
  size_t len;
  dkcpr_cpr p;

  pgdk_cpr_parts(&p, c);
  PGDK_CHECK(dkcpr_format(buf, sizeof buf, &len, &p, style));
  return cstring_to_text_with_len(buf, (int)len);
}

PG_FUNCTION_INFO_V1(pgdk_format);
Datum pgdk_format(PG_FUNCTION_ARGS) {
  PG_RETURN_TEXT_P(formatted(PG_GETARG_CPR(0), style_of(PG_GETARG_TEXT_PP(1))));
}

PG_FUNCTION_INFO_V1(pgdk_mask);
Datum pgdk_mask(PG_FUNCTION_ARGS) {
  PG_RETURN_TEXT_P(formatted(PG_GETARG_CPR(0), PG_GETARG_BOOL(1)
                                                   ? DKCPR_FORMAT_MASKED_FULL
                                                   : DKCPR_FORMAT_MASKED));
}
