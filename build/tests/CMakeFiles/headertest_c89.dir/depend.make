# Empty dependencies file for headertest_c89.
# This may be replaced when dependencies are built.
