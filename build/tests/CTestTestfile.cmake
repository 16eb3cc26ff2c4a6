# CMake generated Testfile for 
# Source directory: /work/wt/java/tests
# Build directory: /work/wt/java/build/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[c.test_status]=] "/work/wt/java/build/tests/test_status")
set_tests_properties([=[c.test_status]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt/java/tests/CMakeLists.txt;23;add_test;/work/wt/java/tests/CMakeLists.txt;29;dkcpr_add_test;/work/wt/java/tests/CMakeLists.txt;0;")
add_test([=[c.test_version]=] "/work/wt/java/build/tests/test_version")
set_tests_properties([=[c.test_version]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt/java/tests/CMakeLists.txt;23;add_test;/work/wt/java/tests/CMakeLists.txt;30;dkcpr_add_test;/work/wt/java/tests/CMakeLists.txt;0;")
add_test([=[c.exported_symbols]=] "/usr/bin/cmake" "-DLIB=/work/wt/java/build/lib/libdkcpr.so.0.1.0" "-DEXPECTED=/work/wt/java/tests/dkcpr.sym" "-P" "/work/wt/java/tests/check_symbols.cmake")
set_tests_properties([=[c.exported_symbols]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt/java/tests/CMakeLists.txt;51;add_test;/work/wt/java/tests/CMakeLists.txt;0;")
