# Empty dependencies file for test_lenient.
# This may be replaced when dependencies are built.
