
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt/engine/lib/datelist.c" "lib/CMakeFiles/dkcpr_objects.dir/datelist.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/datelist.c.o.d"
  "/work/wt/engine/lib/ff1.c" "lib/CMakeFiles/dkcpr_objects.dir/ff1.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/ff1.c.o.d"
  "/work/wt/engine/lib/format.c" "lib/CMakeFiles/dkcpr_objects.dir/format.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/format.c.o.d"
  "/work/wt/engine/lib/fpe_class.c" "lib/CMakeFiles/dkcpr_objects.dir/fpe_class.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/fpe_class.c.o.d"
  "/work/wt/engine/lib/generate.c" "lib/CMakeFiles/dkcpr_objects.dir/generate.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/generate.c.o.d"
  "/work/wt/engine/lib/keys.c" "lib/CMakeFiles/dkcpr_objects.dir/keys.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/keys.c.o.d"
  "/work/wt/engine/lib/lenient.c" "lib/CMakeFiles/dkcpr_objects.dir/lenient.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/lenient.c.o.d"
  "/work/wt/engine/lib/options.c" "lib/CMakeFiles/dkcpr_objects.dir/options.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/options.c.o.d"
  "/work/wt/engine/lib/parse.c" "lib/CMakeFiles/dkcpr_objects.dir/parse.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/parse.c.o.d"
  "/work/wt/engine/lib/prefix_cipher.c" "lib/CMakeFiles/dkcpr_objects.dir/prefix_cipher.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/prefix_cipher.c.o.d"
  "/work/wt/engine/lib/pseudonym.c" "lib/CMakeFiles/dkcpr_objects.dir/pseudonym.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/pseudonym.c.o.d"
  "/work/wt/engine/lib/pseudonym_batch.c" "lib/CMakeFiles/dkcpr_objects.dir/pseudonym_batch.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/pseudonym_batch.c.o.d"
  "/work/wt/engine/lib/pseudonymizer.c" "lib/CMakeFiles/dkcpr_objects.dir/pseudonymizer.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/pseudonymizer.c.o.d"
  "/work/wt/engine/lib/rules.c" "lib/CMakeFiles/dkcpr_objects.dir/rules.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/rules.c.o.d"
  "/work/wt/engine/lib/scan.c" "lib/CMakeFiles/dkcpr_objects.dir/scan.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/scan.c.o.d"
  "/work/wt/engine/lib/scan_context.c" "lib/CMakeFiles/dkcpr_objects.dir/scan_context.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/scan_context.c.o.d"
  "/work/wt/engine/lib/scan_core.c" "lib/CMakeFiles/dkcpr_objects.dir/scan_core.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/scan_core.c.o.d"
  "/work/wt/engine/lib/scan_skip.c" "lib/CMakeFiles/dkcpr_objects.dir/scan_skip.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/scan_skip.c.o.d"
  "/work/wt/engine/lib/status.c" "lib/CMakeFiles/dkcpr_objects.dir/status.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/status.c.o.d"
  "/work/wt/engine/lib/token.c" "lib/CMakeFiles/dkcpr_objects.dir/token.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/token.c.o.d"
  "/work/wt/engine/lib/version.c" "lib/CMakeFiles/dkcpr_objects.dir/version.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/version.c.o.d"
  "/work/wt/engine/lib/wash.c" "lib/CMakeFiles/dkcpr_objects.dir/wash.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/wash.c.o.d"
  "/work/wt/engine/lib/wash_ops.c" "lib/CMakeFiles/dkcpr_objects.dir/wash_ops.c.o" "gcc" "lib/CMakeFiles/dkcpr_objects.dir/wash_ops.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
