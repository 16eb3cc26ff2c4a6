# CMake generated Testfile for 
# Source directory: /work/wt/engine/bindings
# Build directory: /work/wt/engine/build/bindings
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
