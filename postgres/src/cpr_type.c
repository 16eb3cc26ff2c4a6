/* SPDX-License-Identifier: Apache-2.0 */
/* The cpr type: input accepts every written form the library accepts
 * (leniently), output and storage are the 10 canonical characters, and
 * comparison is bytewise, so it sorts, indexes and hashes like the text of
 * those characters. */
#include "pg_dkcpr.h"

#include <string.h>

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

PG_MODULE_MAGIC;

void _PG_init(void);
void _PG_init(void) { pgdk_define_settings(); }

static PgdkCpr *cpr_from(const char *s, size_t len) {
  dkcpr_cpr parsed;
  PgdkCpr *r;

  PGDK_CHECK(dkcpr_parse(&parsed, s, len, pgdk_type_options()));
  r = palloc(sizeof *r);
  memcpy(r->digits, parsed.digits, PGDK_CPR_LEN);
  return r;
}

void pgdk_cpr_parts(dkcpr_cpr *out, const PgdkCpr *c) {
  PGDK_CHECK(dkcpr_parse(out, c->digits, PGDK_CPR_LEN, pgdk_type_options()));
}

PG_FUNCTION_INFO_V1(pgdk_cpr_in);
Datum pgdk_cpr_in(PG_FUNCTION_ARGS) {
  const char *s = PG_GETARG_CSTRING(0);
  PG_RETURN_POINTER(cpr_from(s, strlen(s)));
}

PG_FUNCTION_INFO_V1(pgdk_cpr_out);
Datum pgdk_cpr_out(PG_FUNCTION_ARGS) {
  const PgdkCpr *c = PG_GETARG_CPR(0);
  PG_RETURN_CSTRING(pnstrdup(c->digits, PGDK_CPR_LEN));
}

/* Binary form: the 10 characters, checked again on the way in. */
PG_FUNCTION_INFO_V1(pgdk_cpr_recv);
Datum pgdk_cpr_recv(PG_FUNCTION_ARGS) {
  StringInfo buf = (StringInfo)PG_GETARG_POINTER(0);
  const char *bytes = pq_getmsgbytes(buf, PGDK_CPR_LEN);
  PgdkCpr *r = cpr_from(bytes, PGDK_CPR_LEN);

  if (memcmp(r->digits, bytes, PGDK_CPR_LEN) != 0)
    PGDK_CHECK(DKCPR_E_CHAR); /* not canonical */
  PG_RETURN_POINTER(r);
}

PG_FUNCTION_INFO_V1(pgdk_cpr_send);
Datum pgdk_cpr_send(PG_FUNCTION_ARGS) {
  const PgdkCpr *c = PG_GETARG_CPR(0);
  StringInfoData buf;

  pq_begintypsend(&buf);
  pq_sendbytes(&buf, c->digits, PGDK_CPR_LEN);
  PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static int cmp(FunctionCallInfo fcinfo) {
  return memcmp(PG_GETARG_CPR(0)->digits, PG_GETARG_CPR(1)->digits,
                PGDK_CPR_LEN);
}

#define PGDK_COMPARE(name, test)                                              \
  PG_FUNCTION_INFO_V1(name);                                                  \
  Datum name(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(cmp(fcinfo) test); }

PGDK_COMPARE(pgdk_cpr_eq, == 0)
PGDK_COMPARE(pgdk_cpr_ne, != 0)
PGDK_COMPARE(pgdk_cpr_lt, < 0)
PGDK_COMPARE(pgdk_cpr_le, <= 0)
PGDK_COMPARE(pgdk_cpr_gt, > 0)
PGDK_COMPARE(pgdk_cpr_ge, >= 0)

PG_FUNCTION_INFO_V1(pgdk_cpr_cmp);
Datum pgdk_cpr_cmp(PG_FUNCTION_ARGS) {
  int c = cmp(fcinfo);
  PG_RETURN_INT32(c < 0 ? -1 : c > 0);
}

PG_FUNCTION_INFO_V1(pgdk_cpr_hash);
Datum pgdk_cpr_hash(PG_FUNCTION_ARGS) {
  return hash_any((const unsigned char *)PG_GETARG_CPR(0)->digits,
                  PGDK_CPR_LEN);
}

PG_FUNCTION_INFO_V1(pgdk_cpr_hash_extended);
Datum pgdk_cpr_hash_extended(PG_FUNCTION_ARGS) {
  return hash_any_extended((const unsigned char *)PG_GETARG_CPR(0)->digits,
                           PGDK_CPR_LEN, PG_GETARG_INT64(1));
}
