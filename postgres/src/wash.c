/* SPDX-License-Identifier: Apache-2.0 */
/* wash(text): every CPR number found in a text value replaced, as the
 * dkcpr wash command does to files; every other byte kept. Each library
 * call sits in one small function, so a change of its signature is a
 * change of a few lines. */
#include "pg_dkcpr.h"

#include <string.h>

#include "utils/builtins.h"
#include "utils/memutils.h"

static dkcpr_wash_mode mode_of(const text *name) {
  static const struct {
    const char *name;
    dkcpr_wash_mode mode;
  } modes[] = {{"pseudonym", DKCPR_WASH_PSEUDONYM}, {"mask", DKCPR_WASH_MASK},
               {"token", DKCPR_WASH_TOKEN},         {"redact", DKCPR_WASH_REDACT}};
  const char *s = VARDATA_ANY(name);
  size_t n = VARSIZE_ANY_EXHDR(name);

  for (size_t i = 0; i < lengthof(modes); i++)
    if (strlen(modes[i].name) == n && pg_strncasecmp(s, modes[i].name, n) == 0)
      return modes[i].mode;
  ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                  errmsg("unknown wash mode \"%.*s\"", (int)Min(n, 32), s),
                  errhint("Modes are pseudonym, mask, token and redact; reveal "
                          "is not one, since it would bypass the "
                          "privilege on reveal().")));
  pg_unreachable();
}

static dkcpr_status washer_new(dkcpr_washer **out, const dkcpr_pseudonymizer *p,
                               dkcpr_wash_mode mode, dkcpr_policy policy) {
  dkcpr_scan_options so;
  dkcpr_wash_options o;
  dkcpr_status st = dkcpr_scan_options_init(&so, DKCPR_SCAN_OPTIONS_VERSION);

  if (st == DKCPR_OK)
    st = dkcpr_wash_options_init(&o, DKCPR_WASH_OPTIONS_VERSION);
  if (st != DKCPR_OK)
    return st;
  o.mode = mode;
  so.policy = policy;
  return dkcpr_washer_new(out, p, &so, &o);
}

static dkcpr_status washer_feed(dkcpr_washer *w, char *out, size_t cap,
                                size_t *len, const char *in, size_t in_len) {
  return dkcpr_washer_feed(out, cap, len, w, in, in_len);
}

static dkcpr_status washer_finish(dkcpr_washer *w, char *out, size_t cap,
                                  size_t *len) {
  return dkcpr_washer_finish(out, cap, len, w);
}

/* Args: doc, key, mode, keep, context, never_real, policy. */
PG_FUNCTION_INFO_V1(pgdk_wash);
Datum pgdk_wash(PG_FUNCTION_ARGS) {
  const text *doc = PG_GETARG_TEXT_PP(0);
  const char *in = VARDATA_ANY(doc);
  size_t in_len = VARSIZE_ANY_EXHDR(doc);
  dkcpr_wash_mode mode = mode_of(PG_GETARG_TEXT_PP(2));
  dkcpr_policy policy = pgdk_policy(PG_GETARG_TEXT_PP(6));
  const dkcpr_pseudonymizer *p = NULL;
  dkcpr_washer *w = NULL;
  text *out = NULL;
  dkcpr_status st;
  size_t n1 = 0, n2 = 0, cap1, cap2;

  if (mode != DKCPR_WASH_MASK && mode != DKCPR_WASH_REDACT)
    p = pgdk_pseudonymizer(PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(4),
                           pgdk_keep(PG_GETARG_TEXT_PP(3)),
                           PG_GETARG_BOOL(5) ? DKCPR_NEVER_REAL : 0);
  PGDK_CHECK(washer_new(&w, p, mode, policy));
  /* Nothing may raise an error while the washer is held: it is not
   * palloc'd, so an error would leak it. */
  cap1 = dkcpr_washer_bound(w, in_len);
  cap2 = dkcpr_washer_bound(w, 0);
  if (cap1 + cap2 < MaxAllocSize - VARHDRSZ)
    out = palloc_extended(VARHDRSZ + cap1 + cap2, MCXT_ALLOC_NO_OOM);
  st = out == NULL ? DKCPR_E_NOMEM
                   : washer_feed(w, VARDATA(out), cap1, &n1, in, in_len);
  if (st == DKCPR_OK)
    st = washer_finish(w, VARDATA(out) + n1, cap2, &n2);
  dkcpr_washer_free(w);
  PGDK_CHECK(st);
  SET_VARSIZE(out, VARHDRSZ + n1 + n2);
  PG_RETURN_TEXT_P(out);
}
