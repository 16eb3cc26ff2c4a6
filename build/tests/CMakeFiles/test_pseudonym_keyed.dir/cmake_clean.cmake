file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_keyed.dir/test_pseudonym_keyed.c.o"
  "CMakeFiles/test_pseudonym_keyed.dir/test_pseudonym_keyed.c.o.d"
  "test_pseudonym_keyed"
  "test_pseudonym_keyed.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_keyed.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
