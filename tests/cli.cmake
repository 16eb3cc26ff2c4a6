# Tests of the dkcpr program: Python scripts (Debian's /usr/bin/python3) that
# run the built program and check its output, files and exit codes.
if(TARGET dkcpr_cli)
  set(DKCPR_CLI_PYTHON /usr/bin/python3 CACHE FILEPATH
      "Python that runs the command-line tests (Debian's, with stdnum)")
  foreach(area wash inputs manifest real_files options scan check_info keygen_generate usage
      structured)
    add_test(NAME cli.${area}
      COMMAND ${DKCPR_CLI_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_${area}.py)
    set_tests_properties(cli.${area} PROPERTIES TIMEOUT 120
      ENVIRONMENT "DKCPR_BIN=$<TARGET_FILE:dkcpr_cli>;DKCPR_SAMPLE_DIR=${PROJECT_SOURCE_DIR}/examples/data")
  endforeach()
  # The threaded wash, alone, for the ThreadSanitizer gate (label "threads").
  add_test(NAME cli.wash_threads
    COMMAND ${DKCPR_CLI_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_wash.py
            WashTest.test_threads_give_the_same_output)
  set_tests_properties(cli.wash_threads PROPERTIES TIMEOUT 600 LABELS threads
    ENVIRONMENT "DKCPR_BIN=$<TARGET_FILE:dkcpr_cli>;DKCPR_SAMPLE_DIR=${PROJECT_SOURCE_DIR}/examples/data")
endif()
