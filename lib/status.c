/* SPDX-License-Identifier: Apache-2.0 */
/* Status names and messages, expanded from the one table in dkcpr.h. */
#include "dkcpr.h"

const char *dkcpr_strerror(dkcpr_status st) {
  switch (st) {
#define DKCPR_STATUS_MSG_(name, value, msg) \
  case DKCPR_##name:                        \
    return msg;
    DKCPR_STATUS_MAP(DKCPR_STATUS_MSG_)
#undef DKCPR_STATUS_MSG_
  default:
    return "unknown status";
  }
}

const char *dkcpr_status_name(dkcpr_status st) {
  switch (st) {
#define DKCPR_STATUS_NAME_(name, value, msg) \
  case DKCPR_##name:                         \
    return "DKCPR_" #name;
    DKCPR_STATUS_MAP(DKCPR_STATUS_NAME_)
#undef DKCPR_STATUS_NAME_
  default:
    return "DKCPR_E_UNKNOWN";
  }
}
