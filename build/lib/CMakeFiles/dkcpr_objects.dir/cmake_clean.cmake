file(REMOVE_RECURSE
  "CMakeFiles/dkcpr_objects.dir/status.c.o"
  "CMakeFiles/dkcpr_objects.dir/status.c.o.d"
  "CMakeFiles/dkcpr_objects.dir/version.c.o"
  "CMakeFiles/dkcpr_objects.dir/version.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/dkcpr_objects.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
