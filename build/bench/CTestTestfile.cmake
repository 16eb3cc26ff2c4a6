# CMake generated Testfile for 
# Source directory: /work/wt/engine/bench
# Build directory: /work/wt/engine/build/bench
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
