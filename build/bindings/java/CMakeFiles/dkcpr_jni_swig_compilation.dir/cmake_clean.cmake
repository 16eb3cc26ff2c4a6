file(REMOVE_RECURSE
  "CMakeFiles/dkcpr_jni.dir/dkcprJAVA.stamp"
  "CMakeFiles/dkcpr_jni_swig_compilation"
  "generated/org/dkcpr/internal/DkcprNative.java"
  "generated/org/dkcpr/internal/DkcprNativeJNI.java"
  "wrap/dkcprJAVA_wrap.c"
)

# Per-language clean rules from dependency scanning.
foreach(lang )
  include(CMakeFiles/dkcpr_jni_swig_compilation.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
