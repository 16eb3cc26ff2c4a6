/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the structured washer's XML reader (properties in fuzz_struct.h). */
#include "fuzz_struct.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_struct_one(DKCPR_DATA_XML, data, size);
  return 0;
}
