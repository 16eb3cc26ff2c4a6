# Empty custom commands generated dependencies file for dkcpr_java_tests.
# This may be replaced when dependencies are built.
