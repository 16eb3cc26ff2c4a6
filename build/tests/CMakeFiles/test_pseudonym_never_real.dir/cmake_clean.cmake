file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_never_real.dir/test_pseudonym_never_real.c.o"
  "CMakeFiles/test_pseudonym_never_real.dir/test_pseudonym_never_real.c.o.d"
  "test_pseudonym_never_real"
  "test_pseudonym_never_real.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_never_real.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
