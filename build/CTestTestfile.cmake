# CMake generated Testfile for 
# Source directory: /work/wt/engine
# Build directory: /work/wt/engine/build
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("lib")
subdirs("tools")
subdirs("bindings")
subdirs("bench")
subdirs("tests")
