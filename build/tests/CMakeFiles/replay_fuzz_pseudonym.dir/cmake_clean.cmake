file(REMOVE_RECURSE
  "CMakeFiles/replay_fuzz_pseudonym.dir/__/fuzz/fuzz_pseudonym.c.o"
  "CMakeFiles/replay_fuzz_pseudonym.dir/__/fuzz/fuzz_pseudonym.c.o.d"
  "CMakeFiles/replay_fuzz_pseudonym.dir/__/fuzz/replay_main.c.o"
  "CMakeFiles/replay_fuzz_pseudonym.dir/__/fuzz/replay_main.c.o.d"
  "replay_fuzz_pseudonym"
  "replay_fuzz_pseudonym.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/replay_fuzz_pseudonym.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
