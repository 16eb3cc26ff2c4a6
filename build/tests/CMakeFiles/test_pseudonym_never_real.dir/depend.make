# Empty dependencies file for test_pseudonym_never_real.
# This may be replaced when dependencies are built.
