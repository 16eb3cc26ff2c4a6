# SPDX-License-Identifier: Apache-2.0
# The examples in examples/, run the way their users run them, against what
# this build produced: the Python script with Debian's python3 and the built
# package, the Java program compiled with javac against the built dkcpr.jar.
if(TARGET dkcpr_python)
  add_test(NAME examples.python
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/examples/test_python_example.py)
  set_tests_properties(examples.python PROPERTIES TIMEOUT 120
    ENVIRONMENT "DKCPR_EXAMPLE=${PROJECT_SOURCE_DIR}/examples/python/cpr_data.py;DKCPR_PY_BUILD=$<TARGET_FILE_DIR:dkcpr_python>/..;DKCPR_SAMPLE_DIR=${PROJECT_SOURCE_DIR}/examples/data;PYTHONDONTWRITEBYTECODE=1")
endif()

if(TARGET dkcpr_jar)
  add_test(NAME examples.java
    COMMAND ${CMAKE_COMMAND}
      -DJAVAC=${Java_JAVAC_EXECUTABLE} -DJAVA=${Java_JAVA_EXECUTABLE}
      -DJAR=${DKCPR_JAVA_JAR}
      -DSOURCE=${PROJECT_SOURCE_DIR}/examples/java/CprExample.java
      -DWORK=${CMAKE_CURRENT_BINARY_DIR}/examples-java
      -DCLI=$<$<TARGET_EXISTS:dkcpr_cli>:$<TARGET_FILE:dkcpr_cli>>
      -P ${CMAKE_CURRENT_SOURCE_DIR}/examples/java_example.cmake)
  set_tests_properties(examples.java PROPERTIES TIMEOUT 120)
endif()
