file(REMOVE_RECURSE
  "CMakeFiles/headertest_c89.dir/header/c89.c.o"
  "CMakeFiles/headertest_c89.dir/header/c89.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/headertest_c89.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
