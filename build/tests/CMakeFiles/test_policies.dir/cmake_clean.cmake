file(REMOVE_RECURSE
  "CMakeFiles/test_policies.dir/test_policies.c.o"
  "CMakeFiles/test_policies.dir/test_policies.c.o.d"
  "test_policies"
  "test_policies.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_policies.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
