# Empty dependencies file for test_datelist.
# This may be replaced when dependencies are built.
