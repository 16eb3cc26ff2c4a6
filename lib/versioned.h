/* SPDX-License-Identifier: Apache-2.0 */
/* The growth rule for structs that cross the boundary (docs/api-stability.md):
 * each starts with `unsigned int version`, every version from 1 to the
 * current one is accepted, and only the bytes that version has are read or
 * written, so a caller built against an older header keeps working. */
#ifndef DKCPR_VERSIONED_H
#define DKCPR_VERSIONED_H

#include <stddef.h>
#include <string.h>

#include "dkcpr.h"

/* sizes[v - 1] is the size of version v: the offset of the first field that
 * version v + 1 added, or sizeof for the current version. */
static inline size_t dkcpr__versioned_size(const size_t *sizes, unsigned int count,
                                           unsigned int version) {
  return version >= 1 && version <= count ? sizes[version - 1] : 0;
}

/* Overlay the caller's struct src (any known version) on dst, which holds
 * the defaults of the current version; dst->version becomes current.
 * DKCPR_E_ARG for an unknown version. */
static inline dkcpr_status dkcpr__versioned_read(void *dst, const void *src,
                                                 const size_t *sizes,
                                                 unsigned int count) {
  unsigned int v, current = count;
  size_t n;
  memcpy(&v, src, sizeof v);
  n = dkcpr__versioned_size(sizes, count, v);
  if (n == 0) return DKCPR_E_ARG;
  memcpy(dst, src, n);
  memcpy(dst, &current, sizeof current);
  return DKCPR_OK;
}

/* Write the first fields of the current-version struct src, as many as
 * version has, to the caller's dst, marked with that version.
 * DKCPR_E_ARG for an unknown version. */
static inline dkcpr_status dkcpr__versioned_write(void *dst, const void *src,
                                                  const size_t *sizes,
                                                  unsigned int count,
                                                  unsigned int version) {
  size_t n = dkcpr__versioned_size(sizes, count, version);
  if (n == 0) return DKCPR_E_ARG;
  memcpy(dst, src, n);
  memcpy(dst, &version, sizeof version);
  return DKCPR_OK;
}

#endif /* DKCPR_VERSIONED_H */
