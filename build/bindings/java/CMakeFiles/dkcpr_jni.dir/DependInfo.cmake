
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt/java/bindings/java/native/jni_parse.c" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_parse.c.o" "gcc" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_parse.c.o.d"
  "/work/wt/java/bindings/java/native/jni_pseudonym.c" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_pseudonym.c.o" "gcc" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_pseudonym.c.o.d"
  "/work/wt/java/bindings/java/native/jni_scan.c" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_scan.c.o" "gcc" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_scan.c.o.d"
  "/work/wt/java/bindings/java/native/jni_support.c" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_support.c.o" "gcc" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_support.c.o.d"
  "/work/wt/java/bindings/java/native/jni_wash.c" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_wash.c.o" "gcc" "bindings/java/CMakeFiles/dkcpr_jni.dir/native/jni_wash.c.o.d"
  "/work/wt/java/build/bindings/java/wrap/dkcprJAVA_wrap.c" "bindings/java/CMakeFiles/dkcpr_jni.dir/wrap/dkcprJAVA_wrap.c.o" "gcc" "bindings/java/CMakeFiles/dkcpr_jni.dir/wrap/dkcprJAVA_wrap.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/wt/java/build/lib/CMakeFiles/dkcpr.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
