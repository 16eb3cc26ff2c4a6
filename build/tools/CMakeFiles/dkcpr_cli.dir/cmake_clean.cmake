file(REMOVE_RECURSE
  "CMakeFiles/dkcpr_cli.dir/args.c.o"
  "CMakeFiles/dkcpr_cli.dir/args.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/atomic_out.c.o"
  "CMakeFiles/dkcpr_cli.dir/atomic_out.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/cmd_check.c.o"
  "CMakeFiles/dkcpr_cli.dir/cmd_check.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/cmd_generate.c.o"
  "CMakeFiles/dkcpr_cli.dir/cmd_generate.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/cmd_info.c.o"
  "CMakeFiles/dkcpr_cli.dir/cmd_info.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/cmd_keygen.c.o"
  "CMakeFiles/dkcpr_cli.dir/cmd_keygen.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/cmd_scan.c.o"
  "CMakeFiles/dkcpr_cli.dir/cmd_scan.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/cmd_wash.c.o"
  "CMakeFiles/dkcpr_cli.dir/cmd_wash.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/io.c.o"
  "CMakeFiles/dkcpr_cli.dir/io.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/json.c.o"
  "CMakeFiles/dkcpr_cli.dir/json.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/keyfile.c.o"
  "CMakeFiles/dkcpr_cli.dir/keyfile.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/main.c.o"
  "CMakeFiles/dkcpr_cli.dir/main.c.o.d"
  "CMakeFiles/dkcpr_cli.dir/progress.c.o"
  "CMakeFiles/dkcpr_cli.dir/progress.c.o.d"
  "dkcpr"
  "dkcpr.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/dkcpr_cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
