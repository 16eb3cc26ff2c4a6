# CMake generated Testfile for 
# Source directory: /work/wt/java/lib
# Build directory: /work/wt/java/build/lib
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
