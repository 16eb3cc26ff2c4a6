# SPDX-License-Identifier: Apache-2.0
# LICENSE and the license named in dkcpr.pc and in dkcpr.jar.
add_test(NAME license.metadata
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/license/check_license.sh ${PROJECT_SOURCE_DIR}
          ${PROJECT_BINARY_DIR}/dkcpr.pc $<$<TARGET_EXISTS:dkcpr_jar>:${DKCPR_JAVA_JAR}>)
set_tests_properties(license.metadata PROPERTIES TIMEOUT 60)

# Every source file carries its SPDX license line.
add_test(NAME license.spdx
  COMMAND ${DKCPR_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/license/check_spdx.py ${PROJECT_SOURCE_DIR})
set_tests_properties(license.spdx PROPERTIES TIMEOUT 60)
