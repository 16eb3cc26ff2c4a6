file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_golden.dir/test_pseudonym_golden.c.o"
  "CMakeFiles/test_pseudonym_golden.dir/test_pseudonym_golden.c.o.d"
  "test_pseudonym_golden"
  "test_pseudonym_golden.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_golden.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
