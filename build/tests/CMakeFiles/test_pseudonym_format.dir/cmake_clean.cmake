file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_format.dir/test_pseudonym_format.c.o"
  "CMakeFiles/test_pseudonym_format.dir/test_pseudonym_format.c.o.d"
  "test_pseudonym_format"
  "test_pseudonym_format.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_format.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
