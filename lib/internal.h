/* Helpers shared between library files; never installed, never exported. */
#ifndef DKCPR_INTERNAL_H
#define DKCPR_INTERNAL_H

#include "dkcpr.h"

#define DKCPR__HIDDEN __attribute__((visibility("hidden")))

#endif /* DKCPR_INTERNAL_H */
