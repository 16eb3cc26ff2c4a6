file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_bijective.dir/test_pseudonym_bijective.c.o"
  "CMakeFiles/test_pseudonym_bijective.dir/test_pseudonym_bijective.c.o.d"
  "test_pseudonym_bijective"
  "test_pseudonym_bijective.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_bijective.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
