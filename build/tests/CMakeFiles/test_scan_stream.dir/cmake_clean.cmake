file(REMOVE_RECURSE
  "CMakeFiles/test_scan_stream.dir/test_scan_stream.c.o"
  "CMakeFiles/test_scan_stream.dir/test_scan_stream.c.o.d"
  "test_scan_stream"
  "test_scan_stream.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_scan_stream.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
