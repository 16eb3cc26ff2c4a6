# Empty dependencies file for test_pseudonym_valid.
# This may be replaced when dependencies are built.
