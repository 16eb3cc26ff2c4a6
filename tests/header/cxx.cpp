// The public header must compile as C++.
#include "dkcpr.h"

int dkcpr_headertest_cxx();
int dkcpr_headertest_cxx() { return static_cast<int>(DKCPR_OK) + DKCPR_KEY_BYTES; }
