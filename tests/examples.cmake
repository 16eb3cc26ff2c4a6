# The examples in examples/, run the way their users run them, against what
# this build produced: the Python script with Debian's python3 and the built
# package, the Java program compiled with javac against the built dkcpr.jar.
if(TARGET dkcpr_python)
  add_test(NAME examples.python
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/examples/test_python_example.py)
  set_tests_properties(examples.python PROPERTIES TIMEOUT 120
    ENVIRONMENT "DKCPR_EXAMPLE=${PROJECT_SOURCE_DIR}/examples/python/cpr_data.py;DKCPR_PY_BUILD=$<TARGET_FILE_DIR:dkcpr_python>/..;DKCPR_SAMPLE_DIR=${PROJECT_SOURCE_DIR}/examples/data;PYTHONDONTWRITEBYTECODE=1")
endif()
