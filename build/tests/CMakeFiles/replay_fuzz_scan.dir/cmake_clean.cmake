file(REMOVE_RECURSE
  "CMakeFiles/replay_fuzz_scan.dir/__/fuzz/fuzz_scan.c.o"
  "CMakeFiles/replay_fuzz_scan.dir/__/fuzz/fuzz_scan.c.o.d"
  "CMakeFiles/replay_fuzz_scan.dir/__/fuzz/replay_main.c.o"
  "CMakeFiles/replay_fuzz_scan.dir/__/fuzz/replay_main.c.o.d"
  "replay_fuzz_scan"
  "replay_fuzz_scan.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/replay_fuzz_scan.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
