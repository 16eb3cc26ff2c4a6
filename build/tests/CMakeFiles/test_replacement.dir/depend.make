# Empty dependencies file for test_replacement.
# This may be replaced when dependencies are built.
