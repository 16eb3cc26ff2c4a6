file(REMOVE_RECURSE
  "CMakeFiles/replay_fuzz_wash.dir/__/fuzz/fuzz_wash.c.o"
  "CMakeFiles/replay_fuzz_wash.dir/__/fuzz/fuzz_wash.c.o.d"
  "CMakeFiles/replay_fuzz_wash.dir/__/fuzz/replay_main.c.o"
  "CMakeFiles/replay_fuzz_wash.dir/__/fuzz/replay_main.c.o.d"
  "replay_fuzz_wash"
  "replay_fuzz_wash.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/replay_fuzz_wash.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
