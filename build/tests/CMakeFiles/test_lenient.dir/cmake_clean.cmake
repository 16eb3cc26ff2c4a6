file(REMOVE_RECURSE
  "CMakeFiles/test_lenient.dir/test_lenient.c.o"
  "CMakeFiles/test_lenient.dir/test_lenient.c.o.d"
  "test_lenient"
  "test_lenient.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_lenient.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
