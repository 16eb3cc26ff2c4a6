# Empty dependencies file for test_pseudonym_format.
# This may be replaced when dependencies are built.
