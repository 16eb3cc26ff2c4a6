# Empty dependencies file for test_pseudonym_threads.
# This may be replaced when dependencies are built.
