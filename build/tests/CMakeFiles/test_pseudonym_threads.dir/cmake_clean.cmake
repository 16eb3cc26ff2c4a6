file(REMOVE_RECURSE
  "CMakeFiles/test_pseudonym_threads.dir/test_pseudonym_threads.c.o"
  "CMakeFiles/test_pseudonym_threads.dir/test_pseudonym_threads.c.o.d"
  "test_pseudonym_threads"
  "test_pseudonym_threads.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pseudonym_threads.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
