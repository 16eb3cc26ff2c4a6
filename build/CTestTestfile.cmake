# CMake generated Testfile for 
# Source directory: /work/wt/java
# Build directory: /work/wt/java/build
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("lib")
subdirs("bindings")
subdirs("bench")
subdirs("tests")
