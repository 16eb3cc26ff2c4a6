file(REMOVE_RECURSE
  "CMakeFiles/test_wash.dir/test_wash.c.o"
  "CMakeFiles/test_wash.dir/test_wash.c.o.d"
  "test_wash"
  "test_wash.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_wash.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
