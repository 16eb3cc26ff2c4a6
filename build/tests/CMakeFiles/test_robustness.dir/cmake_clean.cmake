file(REMOVE_RECURSE
  "CMakeFiles/test_robustness.dir/test_robustness.c.o"
  "CMakeFiles/test_robustness.dir/test_robustness.c.o.d"
  "test_robustness"
  "test_robustness.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_robustness.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
