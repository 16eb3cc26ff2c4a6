/* SPDX-License-Identifier: Apache-2.0 */
/* Names of the kinds of number a parse or a scan reports. */
#include "dkcpr.h"

const char *dkcpr_kind_name(dkcpr_kind kind) {
  switch (kind) {
  case DKCPR_KIND_CPR:
    return "cpr";
  case DKCPR_KIND_REPLACEMENT:
    return "replacement";
  case DKCPR_KIND_XECPR:
    return "x-ecpr";
  case DKCPR_KIND_DECPR:
    return "d-ecpr";
  }
  return "unknown";
}
