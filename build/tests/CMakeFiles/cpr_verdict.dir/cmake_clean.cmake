file(REMOVE_RECURSE
  "CMakeFiles/cpr_verdict.dir/differential/cpr_verdict.c.o"
  "CMakeFiles/cpr_verdict.dir/differential/cpr_verdict.c.o.d"
  "cpr_verdict"
  "cpr_verdict.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/cpr_verdict.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
