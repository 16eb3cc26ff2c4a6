# The dkcpr program's sources, for its own build and for the fuzz target
# that runs its commands (fuzz/CMakeLists.txt): one list, so the two agree.
set(DKCPR_CLI_DECODE_SOURCES stream.c compression.c charset.c)
set(DKCPR_CLI_SOURCES
  main.c args.c keyfile.c io.c atomic_out.c progress.c json.c wash_stream.c
  input.c manifest.c
  cmd_wash.c cmd_scan.c cmd_check.c cmd_info.c cmd_keygen.c cmd_generate.c
  text.c wash_buf.c wash_struct.c format_guess.c)
