file(REMOVE_RECURSE
  "bindings/java/wrap/dkcprJAVA_wrap.c"
  "bindings/java/generated/org/dkcpr/internal/DkcprNative.java"
  "bindings/java/generated/org/dkcpr/internal/DkcprNativeJNI.java"
  "bindings/java/CMakeFiles/dkcpr_jni.dir/dkcprJAVA.stamp"
)
