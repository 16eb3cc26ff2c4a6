# SPDX-License-Identifier: Apache-2.0
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
# Allocation failure on demand: the test supplies __wrap_malloc/calloc/realloc.
target_link_options(test_robustness PRIVATE
  -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc)

# Many threads, shared options and dates list (run under TSan by the tsan gate).
find_package(Threads REQUIRED)
dkcpr_add_test(test_parse_threads TIMEOUT 120)
target_link_libraries(test_parse_threads PRIVATE Threads::Threads)
set_tests_properties(c.test_parse_threads PROPERTIES LABELS threads)

# Differential test against Debian's python3-stdnum (stdnum.dk.cpr).
add_executable(cpr_verdict differential/cpr_verdict.c)
target_link_libraries(cpr_verdict PRIVATE dkcpr)
add_test(NAME diff.stdnum_cpr
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/differential/stdnum_cpr.py
          $<TARGET_FILE:cpr_verdict> 1000000)
set_tests_properties(diff.stdnum_cpr PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)

# Install into a temporary prefix and build examples/c with find_package and
# pkg-config: as configured, installed elsewhere and moved, and static.
foreach(mode examples_c:configured relocated:relocated static:static)
  string(REPLACE ":" ";" pair ${mode})
  list(GET pair 0 name)
  list(GET pair 1 how)
  add_test(NAME install.${name}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/install/check_install.sh
            ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/install-${how} ${how})
  set_tests_properties(install.${name} PROPERTIES TIMEOUT 900)
endforeach()
