# SPDX-License-Identifier: Apache-2.0
# Tests of the documentation (README.md and docs/*.md): a Python script run
# with Debian's /usr/bin/python3. Relative links resolve, README stays a front
# page, ```python blocks compile, and the dkcpr command lines name only
# commands and options the built program's --help lists. docs.selftest proves
# each check fails on a broken copy.
set(DKCPR_DOCS_TEST ${CMAKE_CURRENT_SOURCE_DIR}/docs/test_docs.py)
set(DKCPR_DOCS_ENV "DKCPR_SOURCE_DIR=${PROJECT_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1")
if(TARGET dkcpr_cli)
  list(APPEND DKCPR_DOCS_ENV "DKCPR_BIN=$<TARGET_FILE:dkcpr_cli>")
endif()
foreach(check links:Links size:Size python:PythonBlocks selftest:SelfTest)
  string(REPLACE ":" ";" pair ${check})
  list(GET pair 0 name)
  list(GET pair 1 class)
  add_test(NAME docs.${name} COMMAND /usr/bin/python3 ${DKCPR_DOCS_TEST} ${class})
  set_tests_properties(docs.${name} PROPERTIES TIMEOUT 60 ENVIRONMENT "${DKCPR_DOCS_ENV}")
endforeach()
if(TARGET dkcpr_cli)
  add_test(NAME docs.cli COMMAND /usr/bin/python3 ${DKCPR_DOCS_TEST} CommandLines)
  set_tests_properties(docs.cli PROPERTIES TIMEOUT 60 ENVIRONMENT "${DKCPR_DOCS_ENV}")
endif()
# README's Python example, run against the package in the build tree.
if(TARGET dkcpr_python)
  add_test(NAME docs.python_run COMMAND /usr/bin/python3 ${DKCPR_DOCS_TEST} PythonRun)
  set_tests_properties(docs.python_run PROPERTIES TIMEOUT 60
    ENVIRONMENT "${DKCPR_DOCS_ENV};PYTHONPATH=$<TARGET_FILE_DIR:dkcpr_python>/..")
endif()
