# Empty dependencies file for test_ff1.
# This may be replaced when dependencies are built.
