# Empty dependencies file for test_robustness.
# This may be replaced when dependencies are built.
