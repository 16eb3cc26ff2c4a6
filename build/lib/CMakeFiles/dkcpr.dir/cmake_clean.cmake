file(REMOVE_RECURSE
  "libdkcpr.pdb"
  "libdkcpr.so"
  "libdkcpr.so.0"
  "libdkcpr.so.0.1.0"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/dkcpr.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
