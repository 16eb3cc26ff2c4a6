# Empty dependencies file for headertest_cxx.
# This may be replaced when dependencies are built.
