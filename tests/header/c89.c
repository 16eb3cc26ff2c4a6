/* SPDX-License-Identifier: Apache-2.0 */
/* The public header must compile as strict C89. */
#include "dkcpr.h"

/* Compile-time assertions: the sizes bindings rely on are what the header says. */
typedef char dkcpr_assert_key_bytes[DKCPR_KEY_BYTES == 32 ? 1 : -1];
typedef char dkcpr_assert_key_hex[DKCPR_KEY_HEX_CHARS == 2 * DKCPR_KEY_BYTES ? 1 : -1];
typedef char dkcpr_assert_digits[sizeof(((dkcpr_cpr *)0)->digits) == 11 ? 1 : -1];

int dkcpr_headertest_c89(void);
int dkcpr_headertest_c89(void) { return (int)DKCPR_OK + DKCPR_KEY_BYTES; }
