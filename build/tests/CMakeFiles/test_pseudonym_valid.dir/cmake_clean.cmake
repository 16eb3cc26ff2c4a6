file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_valid.dir/test_pseudonym_valid.c.o"
  "CMakeFiles/test_pseudonym_valid.dir/test_pseudonym_valid.c.o.d"
  "test_pseudonym_valid"
  "test_pseudonym_valid.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_valid.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
