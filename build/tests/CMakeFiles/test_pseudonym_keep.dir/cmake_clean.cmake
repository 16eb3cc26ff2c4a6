file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_keep.dir/test_pseudonym_keep.c.o"
  "CMakeFiles/test_pseudonym_keep.dir/test_pseudonym_keep.c.o.d"
  "test_pseudonym_keep"
  "test_pseudonym_keep.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_keep.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
