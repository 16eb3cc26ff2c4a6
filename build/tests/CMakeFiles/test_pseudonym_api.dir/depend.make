# Empty dependencies file for test_pseudonym_api.
# This may be replaced when dependencies are built.
