file(REMOVE_RECURSE
  "CMakeFiles/dkcpr_java_tests"
  "classes/.stamp"
)

# Per-language clean rules from dependency scanning.
foreach(lang )
  include(CMakeFiles/dkcpr_java_tests.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
