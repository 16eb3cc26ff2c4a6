file(REMOVE_RECURSE
  "CMakeFiles/test_datelist.dir/test_datelist.c.o"
  "CMakeFiles/test_datelist.dir/test_datelist.c.o.d"
  "test_datelist"
  "test_datelist.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_datelist.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
