# Core: parsing, rules, policies, replacement numbers, lenient input, format, dates lists.
dkcpr_add_test(test_parse)
dkcpr_add_test(test_rules)
dkcpr_add_test(test_dates)
dkcpr_add_test(test_policies)
dkcpr_add_test(test_replacement)
dkcpr_add_test(test_lenient)
dkcpr_add_test(test_format)
dkcpr_add_test(test_datelist)
dkcpr_add_test(test_robustness TIMEOUT 120)
# Allocation failure on demand: the test supplies __wrap_calloc/__wrap_realloc.
target_link_options(test_robustness PRIVATE -Wl,--wrap=calloc -Wl,--wrap=realloc)

# Differential test against Debian's python3-stdnum (stdnum.dk.cpr).
add_executable(cpr_verdict differential/cpr_verdict.c)
target_link_libraries(cpr_verdict PRIVATE dkcpr)
add_test(NAME diff.stdnum_cpr
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/differential/stdnum_cpr.py
          $<TARGET_FILE:cpr_verdict> 1000000)
set_tests_properties(diff.stdnum_cpr PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
