# Empty dependencies file for test_pseudonym_keep.
# This may be replaced when dependencies are built.
