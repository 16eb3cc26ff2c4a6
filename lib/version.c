/* SPDX-License-Identifier: Apache-2.0 */
/* Runtime version, so a program can compare it with the header it was built against. */
#include "dkcpr.h"

const char *dkcpr_version_string(void) { return DKCPR_VERSION_STRING; }

unsigned int dkcpr_version_number(void) { return DKCPR_VERSION_NUMBER; }
