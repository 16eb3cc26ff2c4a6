/* SPDX-License-Identifier: Apache-2.0 */
/* Library statuses as SQL errors. The value that failed is never part of
 * the message: it may be a person's CPR number, and messages reach the
 * server log. */
#include "pg_dkcpr.h"

#include "utils/elog.h"

void pgdk_raise(dkcpr_status st) {
  int code;
  int n = -(int)st;

  if (st == DKCPR_E_NOMEM)
    code = ERRCODE_OUT_OF_MEMORY;
  else if (n > 0 && n < 100)
    code = MAKE_SQLSTATE('2', '2', 'K', '0' + n / 10, '0' + n % 10);
  else
    code = ERRCODE_INTERNAL_ERROR;
  ereport(ERROR, (errcode(code), errmsg("%s", dkcpr_strerror(st)),
                  errdetail("Library status %s.", dkcpr_status_name(st))));
  pg_unreachable();
}
