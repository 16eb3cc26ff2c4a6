# SPDX-License-Identifier: Apache-2.0
# The hand-written C of the Python and Java bindings stays small: at most
# 500 lines (tests/bindings/c_lines.py counts them; docs/python.md quotes the
# figures). Beyond that, new C belongs in a typemap, or in SWIG itself.
add_test(NAME bindings.c_lines
  COMMAND ${DKCPR_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/bindings/c_lines.py ${PROJECT_SOURCE_DIR}
          --max 500)
set_tests_properties(bindings.c_lines PROPERTIES TIMEOUT 60)
