# Empty dependencies file for test_wash.
# This may be replaced when dependencies are built.
