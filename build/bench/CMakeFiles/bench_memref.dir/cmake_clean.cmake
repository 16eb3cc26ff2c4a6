file(REMOVE_RECURSE
  "CMakeFiles/bench_memref.dir/bench_memref.c.o"
  "CMakeFiles/bench_memref.dir/bench_memref.c.o.d"
  "bench_memref"
  "bench_memref.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/bench_memref.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
