file(REMOVE_RECURSE
  "CMakeFiles/dkcpr_jni.dir/native/jni_parse.c.o"
  "CMakeFiles/dkcpr_jni.dir/native/jni_parse.c.o.d"
  "CMakeFiles/dkcpr_jni.dir/native/jni_pseudonym.c.o"
  "CMakeFiles/dkcpr_jni.dir/native/jni_pseudonym.c.o.d"
  "CMakeFiles/dkcpr_jni.dir/native/jni_scan.c.o"
  "CMakeFiles/dkcpr_jni.dir/native/jni_scan.c.o.d"
  "CMakeFiles/dkcpr_jni.dir/native/jni_support.c.o"
  "CMakeFiles/dkcpr_jni.dir/native/jni_support.c.o.d"
  "CMakeFiles/dkcpr_jni.dir/native/jni_wash.c.o"
  "CMakeFiles/dkcpr_jni.dir/native/jni_wash.c.o.d"
  "CMakeFiles/dkcpr_jni.dir/wrap/dkcprJAVA_wrap.c.o"
  "CMakeFiles/dkcpr_jni.dir/wrap/dkcprJAVA_wrap.c.o.d"
  "libdkcpr_jni.pdb"
  "libdkcpr_jni.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/dkcpr_jni.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
