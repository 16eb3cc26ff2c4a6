# CMake generated Testfile for 
# Source directory: /work/wt/java/bindings
# Build directory: /work/wt/java/build/bindings
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("java")
