
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt/engine/tools/args.c" "tools/CMakeFiles/dkcpr_cli.dir/args.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/args.c.o.d"
  "/work/wt/engine/tools/atomic_out.c" "tools/CMakeFiles/dkcpr_cli.dir/atomic_out.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/atomic_out.c.o.d"
  "/work/wt/engine/tools/cmd_check.c" "tools/CMakeFiles/dkcpr_cli.dir/cmd_check.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/cmd_check.c.o.d"
  "/work/wt/engine/tools/cmd_generate.c" "tools/CMakeFiles/dkcpr_cli.dir/cmd_generate.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/cmd_generate.c.o.d"
  "/work/wt/engine/tools/cmd_info.c" "tools/CMakeFiles/dkcpr_cli.dir/cmd_info.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/cmd_info.c.o.d"
  "/work/wt/engine/tools/cmd_keygen.c" "tools/CMakeFiles/dkcpr_cli.dir/cmd_keygen.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/cmd_keygen.c.o.d"
  "/work/wt/engine/tools/cmd_scan.c" "tools/CMakeFiles/dkcpr_cli.dir/cmd_scan.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/cmd_scan.c.o.d"
  "/work/wt/engine/tools/cmd_wash.c" "tools/CMakeFiles/dkcpr_cli.dir/cmd_wash.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/cmd_wash.c.o.d"
  "/work/wt/engine/tools/io.c" "tools/CMakeFiles/dkcpr_cli.dir/io.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/io.c.o.d"
  "/work/wt/engine/tools/json.c" "tools/CMakeFiles/dkcpr_cli.dir/json.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/json.c.o.d"
  "/work/wt/engine/tools/keyfile.c" "tools/CMakeFiles/dkcpr_cli.dir/keyfile.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/keyfile.c.o.d"
  "/work/wt/engine/tools/main.c" "tools/CMakeFiles/dkcpr_cli.dir/main.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/main.c.o.d"
  "/work/wt/engine/tools/progress.c" "tools/CMakeFiles/dkcpr_cli.dir/progress.c.o" "gcc" "tools/CMakeFiles/dkcpr_cli.dir/progress.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/wt/engine/build/lib/CMakeFiles/dkcpr.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
