# SPDX-License-Identifier: Apache-2.0
# Tests of the dkcpr program: Python scripts (Debian's /usr/bin/python3) that
# run the built program and check its output, files and exit codes.
if(TARGET dkcpr_cli)
  set(DKCPR_CLI_PYTHON /usr/bin/python3 CACHE FILEPATH
      "Python that runs the command-line tests (Debian's, with stdnum)")
  foreach(area wash inputs manifest real_files options scan check_info keygen_generate usage
                scan_report scan_exclude scan_baseline scan_progress scan_completion
                scan_precommit structured rules hl7 fixed xml struct_threads)
    add_test(NAME cli.${area}
      COMMAND ${DKCPR_CLI_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_${area}.py)
    set_tests_properties(cli.${area} PROPERTIES TIMEOUT 600
      ENVIRONMENT "DKCPR_BIN=$<TARGET_FILE:dkcpr_cli>;DKCPR_SAMPLE_DIR=${PROJECT_SOURCE_DIR}/examples/data;DKCPR_BUILD_DIR=${PROJECT_BINARY_DIR}")
  endforeach()
  # --help, the accepted options and dkcpr(1) against their one source.
  add_test(NAME cli.text COMMAND ${DKCPR_CLI_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_text.py)
  set_tests_properties(cli.text PROPERTIES TIMEOUT 300
    ENVIRONMENT "DKCPR_BIN=$<TARGET_FILE:dkcpr_cli>;DKCPR_CLI_SOURCE=${PROJECT_SOURCE_DIR}/tools/dkcpr.1.md;DKCPR_CLI_GENERATOR=${PROJECT_SOURCE_DIR}/tools/gen_cli_text.py;DKCPR_CLI_BUILT_DIR=${PROJECT_BINARY_DIR}/tools;DKCPR_VERSION=${PROJECT_VERSION};PYTHONDONTWRITEBYTECODE=1")
  # The threaded wash, alone, for the ThreadSanitizer gate (label "threads").
  add_test(NAME cli.wash_threads
    COMMAND ${DKCPR_CLI_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_wash.py
            WashTest.test_threads_give_the_same_output)
  set_tests_properties(cli.wash_threads PROPERTIES TIMEOUT 600 LABELS threads
    ENVIRONMENT "DKCPR_BIN=$<TARGET_FILE:dkcpr_cli>;DKCPR_SAMPLE_DIR=${PROJECT_SOURCE_DIR}/examples/data")
  # Structured inputs washed in parts on threads, fewer runs, for the same gate.
  add_test(NAME cli.struct_threads_light
    COMMAND ${DKCPR_CLI_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_struct_threads.py)
  set_tests_properties(cli.struct_threads_light PROPERTIES TIMEOUT 1800 LABELS threads
    ENVIRONMENT "DKCPR_BIN=$<TARGET_FILE:dkcpr_cli>;DKCPR_TEST_LIGHT=1")
endif()
