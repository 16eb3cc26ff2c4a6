file(REMOVE_RECURSE
  "libdkcpr_internal.a"
  "libdkcpr_internal.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/dkcpr_internal.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
