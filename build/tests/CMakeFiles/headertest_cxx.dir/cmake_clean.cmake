file(REMOVE_RECURSE
  "CMakeFiles/headertest_cxx.dir/header/cxx.cpp.o"
  "CMakeFiles/headertest_cxx.dir/header/cxx.cpp.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/headertest_cxx.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
