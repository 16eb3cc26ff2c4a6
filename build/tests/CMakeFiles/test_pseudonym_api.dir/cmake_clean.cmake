file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_api.dir/test_pseudonym_api.c.o"
  "CMakeFiles/test_pseudonym_api.dir/test_pseudonym_api.c.o.d"
  "test_pseudonym_api"
  "test_pseudonym_api.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_api.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
