file(REMOVE_RECURSE
  "CMakeFiles/replay_fuzz_parse.dir/__/fuzz/fuzz_parse.c.o"
  "CMakeFiles/replay_fuzz_parse.dir/__/fuzz/fuzz_parse.c.o.d"
  "CMakeFiles/replay_fuzz_parse.dir/__/fuzz/replay_main.c.o"
  "CMakeFiles/replay_fuzz_parse.dir/__/fuzz/replay_main.c.o.d"
  "replay_fuzz_parse"
  "replay_fuzz_parse.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/replay_fuzz_parse.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
