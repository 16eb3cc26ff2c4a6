/* SPDX-License-Identifier: Apache-2.0 */
/* Keyed functions: pseudonymize, reveal and token, over text (written
 * form kept), the cpr type and the integer form (a bigint whose leading
 * zero is lost). Arguments after the number, in SQL order:
 * pseudonymize/reveal (key, keep, context, never_real, policy),
 * token (key, context, chars, policy). */
#include "pg_dkcpr.h"

#include <stdio.h>
#include <string.h>

#include "utils/builtins.h"

typedef dkcpr_status (*pgdk_op)(char *out, size_t out_cap, size_t *out_len,
                                const dkcpr_pseudonymizer *p, const char *in,
                                size_t in_len, const dkcpr_options *opts);

/* Map in to out (room for in_len + 1 bytes) under the call's options. */
static size_t apply(char *out, FunctionCallInfo fcinfo, pgdk_op op,
                    const char *in, size_t in_len) {
  unsigned int keep = pgdk_keep(PG_GETARG_TEXT_PP(2));
  unsigned int flags = PG_GETARG_BOOL(4) ? DKCPR_NEVER_REAL : 0;
  const dkcpr_pseudonymizer *p =
      pgdk_pseudonymizer(PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(3), keep, flags);
  dkcpr_options o;
  size_t len;

  pgdk_keyed_options(&o, pgdk_policy(PG_GETARG_TEXT_PP(5)));
  PGDK_CHECK(op(out, in_len + 1, &len, p, in, in_len, &o));
  return len;
}

static Datum on_text(FunctionCallInfo fcinfo, pgdk_op op) {
  const text *in = PG_GETARG_TEXT_PP(0);
  size_t in_len = VARSIZE_ANY_EXHDR(in);
  text *out = palloc(VARHDRSZ + in_len + 1);

  SET_VARSIZE(out, VARHDRSZ + apply(VARDATA(out), fcinfo, op, VARDATA_ANY(in), in_len));
  PG_RETURN_TEXT_P(out);
}

static Datum on_cpr(FunctionCallInfo fcinfo, pgdk_op op) {
  char buf[PGDK_CPR_LEN + 1];
  PgdkCpr *out = palloc(sizeof *out);

  if (apply(buf, fcinfo, op, PG_GETARG_CPR(0)->digits, PGDK_CPR_LEN) != PGDK_CPR_LEN)
    PGDK_CHECK(DKCPR_E_LENGTH);
  memcpy(out->digits, buf, PGDK_CPR_LEN);
  PG_RETURN_POINTER(out);
}

/* The integer form as 10 digits, leading zero restored. */
static void int_digits(char out[PGDK_CPR_LEN + 1], int64 v) {
  if (v < 0 || v > INT64CONST(9999999999))
    PGDK_CHECK(DKCPR_E_LENGTH);
  snprintf(out, PGDK_CPR_LEN + 1, "%010lld", (long long)v);
}

static Datum on_int(FunctionCallInfo fcinfo, pgdk_op op) {
  char in[PGDK_CPR_LEN + 1], out[PGDK_CPR_LEN + 1];

  int_digits(in, PG_GETARG_INT64(0));
  apply(out, fcinfo, op, in, PGDK_CPR_LEN);
  PG_RETURN_INT64((int64)strtoll(out, NULL, 10));
}

#define PGDK_KEYED(name, form, op)                                            \
  PG_FUNCTION_INFO_V1(name);                                                  \
  Datum name(PG_FUNCTION_ARGS) { return form(fcinfo, op); }

PGDK_KEYED(pgdk_pseudonymize_text, on_text, dkcpr_pseudonymize)
PGDK_KEYED(pgdk_pseudonymize_cpr, on_cpr, dkcpr_pseudonymize)
PGDK_KEYED(pgdk_pseudonymize_int, on_int, dkcpr_pseudonymize)
PGDK_KEYED(pgdk_reveal_text, on_text, dkcpr_reveal)
PGDK_KEYED(pgdk_reveal_cpr, on_cpr, dkcpr_reveal)
PGDK_KEYED(pgdk_reveal_int, on_int, dkcpr_reveal)

static Datum token_of(FunctionCallInfo fcinfo, const char *in, size_t in_len) {
  int32 chars = PG_GETARG_INT32(3);
  const dkcpr_pseudonymizer *p = pgdk_pseudonymizer(
      PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), DKCPR_KEEP_DEFAULT, 0);
  char out[DKCPR_TOKEN_MAX_CHARS + 1];
  dkcpr_options o;
  size_t len;

  if (chars < DKCPR_TOKEN_MIN_CHARS || chars > DKCPR_TOKEN_MAX_CHARS)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("token length must be between %d and %d characters",
                           DKCPR_TOKEN_MIN_CHARS, DKCPR_TOKEN_MAX_CHARS)));
  pgdk_keyed_options(&o, pgdk_policy(PG_GETARG_TEXT_PP(4)));
  PGDK_CHECK(dkcpr_token(out, sizeof out, &len, p, in, in_len, (size_t)chars, &o));
  PG_RETURN_TEXT_P(cstring_to_text_with_len(out, (int)len));
}

PG_FUNCTION_INFO_V1(pgdk_token_text);
Datum pgdk_token_text(PG_FUNCTION_ARGS) {
  const text *in = PG_GETARG_TEXT_PP(0);
  return token_of(fcinfo, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in));
}

PG_FUNCTION_INFO_V1(pgdk_token_cpr);
Datum pgdk_token_cpr(PG_FUNCTION_ARGS) {
  return token_of(fcinfo, PG_GETARG_CPR(0)->digits, PGDK_CPR_LEN);
}

PG_FUNCTION_INFO_V1(pgdk_token_int);
Datum pgdk_token_int(PG_FUNCTION_ARGS) {
  char in[PGDK_CPR_LEN + 1];

  int_digits(in, PG_GETARG_INT64(0));
  return token_of(fcinfo, in, PGDK_CPR_LEN);
}
