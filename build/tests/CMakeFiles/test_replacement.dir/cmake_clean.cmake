file(REMOVE_RECURSE
  "CMakeFiles/test_replacement.dir/test_replacement.c.o"
  "CMakeFiles/test_replacement.dir/test_replacement.c.o.d"
  "test_replacement"
  "test_replacement.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_replacement.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
