# SPDX-License-Identifier: Apache-2.0
# The manual pages the build makes: section 3 from include/dkcpr.h (one per
# exported function, checked against dkcpr.sym) and the program's dkcpr(1);
# groff and man render each with every warning an error. man.selftest proves
# each check fails on a bad page.
set(DKCPR_MAN_PAGES ${DKCPR_MAN3_DIR})
if(TARGET dkcpr_cli)
  list(APPEND DKCPR_MAN_PAGES ${PROJECT_BINARY_DIR}/tools/dkcpr.1)
endif()
add_test(NAME man.pages
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/man/check_man.py
          --symbols ${CMAKE_CURRENT_SOURCE_DIR}/dkcpr.sym ${DKCPR_MAN_PAGES})
add_test(NAME man.selftest
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/man/check_man.py --selftest)
set_tests_properties(man.pages man.selftest PROPERTIES TIMEOUT 600)
