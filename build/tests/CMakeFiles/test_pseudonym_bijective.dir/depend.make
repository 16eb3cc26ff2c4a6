# Empty dependencies file for test_pseudonym_bijective.
# This may be replaced when dependencies are built.
