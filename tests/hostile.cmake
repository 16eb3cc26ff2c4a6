# SPDX-License-Identifier: Apache-2.0
# Hostile tests: the program and the Python package used as a careless or
# malicious user would (tests/hostile/*.py, Debian's /usr/bin/python3). One
# test per class of problem: secrets in messages, key files, output files,
# bounds, file names in scan's output.
if(TARGET dkcpr_cli)
  set(DKCPR_HOSTILE_PYTHON /usr/bin/python3 CACHE FILEPATH
      "Python that runs the hostile tests")
  set(dkcpr_hostile_pythonpath "")
  if(TARGET dkcpr_python)
    set(dkcpr_hostile_pythonpath "${PROJECT_BINARY_DIR}/bindings/python")
  endif()
  # Memory figures mean nothing under a sanitizer (shadow memory, quarantine).
  set(dkcpr_hostile_sanitized 0)
  if(DKCPR_SANITIZE OR DKCPR_TSAN)
    set(dkcpr_hostile_sanitized 1)
  endif()
  foreach(area secrets key_files output_files bounds scan_names)
    add_test(NAME hostile.${area}
      COMMAND ${DKCPR_HOSTILE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/hostile/test_${area}.py)
    set_tests_properties(hostile.${area} PROPERTIES TIMEOUT 900
      ENVIRONMENT "DKCPR_BIN=$<TARGET_FILE:dkcpr_cli>;DKCPR_PYTHONPATH=${dkcpr_hostile_pythonpath};PYTHONDONTWRITEBYTECODE=1;DKCPR_SANITIZED=${dkcpr_hostile_sanitized}")
  endforeach()
endif()
