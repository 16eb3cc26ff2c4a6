# Empty dependencies file for test_pseudonym_golden.
# This may be replaced when dependencies are built.
