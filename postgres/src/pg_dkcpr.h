/* SPDX-License-Identifier: Apache-2.0 */
/* Shared declarations of the dkcpr PostgreSQL extension. */
#ifndef PG_DKCPR_H
#define PG_DKCPR_H

#include "postgres.h"
#include "fmgr.h"

#include <dkcpr.h>

/* The cpr type: the 10 canonical characters, fixed length, no NUL. */
#define PGDK_CPR_LEN 10
typedef struct PgdkCpr {
  char digits[PGDK_CPR_LEN];
} PgdkCpr;

#define PG_GETARG_CPR(n) ((const PgdkCpr *)PG_GETARG_POINTER(n))

/* errors.c: a library status as an SQL error (SQLSTATE 22Kxx, xx = -status). */
void pgdk_raise(dkcpr_status st) pg_attribute_noreturn();
#define PGDK_CHECK(expr)                                                      \
  do {                                                                        \
    dkcpr_status pgdk_st_ = (expr);                                           \
    if (pgdk_st_ != DKCPR_OK)                                                 \
      pgdk_raise(pgdk_st_);                                                   \
  } while (0)

/* options.c: parse options from SQL arguments. */
dkcpr_policy pgdk_policy(const text *name);
unsigned int pgdk_keep(const text *spec);
/* What the cpr type accepts: lenient forms, replacement numbers, any date. */
const dkcpr_options *pgdk_type_options(void);
/* Library defaults with a policy and the transaction's date as "today". */
void pgdk_today_options(dkcpr_options *out, dkcpr_policy policy);
/* Lenient, replacement numbers allowed: what keyed functions read. */
void pgdk_keyed_options(dkcpr_options *out, dkcpr_policy policy);

/* cpr_type.c */
void pgdk_cpr_parts(dkcpr_cpr *out, const PgdkCpr *c);

/* keys.c: the pseudonymizer for a key name (the "" name means the
 * dkcpr.key_name setting), cached for the session. */
const dkcpr_pseudonymizer *pgdk_pseudonymizer(const text *key_name,
                                              const text *context,
                                              unsigned int keep,
                                              unsigned int flags);
void pgdk_define_settings(void);

#endif
