# Empty dependencies file for test_pseudonym_keyed.
# This may be replaced when dependencies are built.
