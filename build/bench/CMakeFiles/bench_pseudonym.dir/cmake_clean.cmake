file(REMOVE_RECURSE
  "CMakeFiles/bench_pseudonym.dir/bench_pseudonym.c.o"
  "CMakeFiles/bench_pseudonym.dir/bench_pseudonym.c.o.d"
  "bench_pseudonym"
  "bench_pseudonym.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/bench_pseudonym.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
