/* The public header must compile as strict C89. */
#include "dkcpr.h"

int dkcpr_headertest_c89(void);
int dkcpr_headertest_c89(void) { return (int)DKCPR_OK + DKCPR_KEY_BYTES; }
