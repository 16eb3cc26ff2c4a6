# SPDX-License-Identifier: Apache-2.0
# Scanner and washer tests.
dkcpr_add_test(test_scan)
dkcpr_add_test(test_scan_stream TIMEOUT 120)
dkcpr_add_test(test_scan_corpus)
target_compile_definitions(test_scan_corpus PRIVATE
  DKCPR_CORPUS_DIR="${CMAKE_CURRENT_SOURCE_DIR}/corpus")
dkcpr_add_test(test_wash TIMEOUT 120)
dkcpr_add_test(test_sniff)
dkcpr_add_test(test_struct_wash TIMEOUT 120)
dkcpr_add_test(test_struct_prime TIMEOUT 120)
dkcpr_add_test(test_struct_rules)
dkcpr_add_test(test_struct_hl7)
dkcpr_add_test(test_struct_xml TIMEOUT 120)
dkcpr_add_test(test_struct_fixed)
