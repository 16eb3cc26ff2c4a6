file(REMOVE_RECURSE
  "CMakeFiles/dkcpr_jar"
  "dkcpr.jar"
)

# Per-language clean rules from dependency scanning.
foreach(lang )
  include(CMakeFiles/dkcpr_jar.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
