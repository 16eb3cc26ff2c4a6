file(REMOVE_RECURSE
  "CMakeFiles/test_ff1.dir/test_ff1.c.o"
  "CMakeFiles/test_ff1.dir/test_ff1.c.o.d"
  "test_ff1"
  "test_ff1.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_ff1.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
