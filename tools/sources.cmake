# SPDX-License-Identifier: Apache-2.0
# The dkcpr program's sources, for its own build and for the fuzz target
# that runs its commands (fuzz/CMakeLists.txt): one list, so the two agree.
set(DKCPR_CLI_DECODE_SOURCES stream.c compression.c charset.c)
set(DKCPR_CLI_SOURCES
  main.c args.c keyfile.c io.c atomic_out.c progress.c json.c wash_stream.c
  input.c manifest.c
  cmd_wash.c cmd_scan.c cmd_check.c cmd_info.c cmd_keygen.c cmd_generate.c
  text.c wash_buf.c scan_report.c scan_exclude.c scan_baseline.c
  wash_struct.c wash_struct_par.c struct_cuts.c struct_buf.c struct_totals.c)

# dkcpr_cli_text(TARGET): the program's --help texts and getopt tables
# (cli_text.c, cli_text.h) and its manual page (dkcpr.1), generated into the
# current binary directory from their one source, dkcpr.1.md.
function(dkcpr_cli_text target)
  set(src ${PROJECT_SOURCE_DIR}/tools/dkcpr.1.md)
  set(gen ${PROJECT_SOURCE_DIR}/tools/gen_cli_text.py)
  set(out ${CMAKE_CURRENT_BINARY_DIR})
  add_custom_command(
    OUTPUT ${out}/dkcpr.1 ${out}/cli_text.c ${out}/cli_text.h
    COMMAND ${DKCPR_PYTHON3} ${gen} ${src} ${PROJECT_VERSION}
            ${out}/dkcpr.1 ${out}/cli_text.c ${out}/cli_text.h
    DEPENDS ${src} ${gen}
    COMMENT "The dkcpr command's --help texts and manual page from dkcpr.1.md"
    VERBATIM)
  # ${target}_text makes only these files (scripts/lint needs the header).
  add_custom_target(${target}_text DEPENDS ${out}/cli_text.c ${out}/cli_text.h)
  add_dependencies(${target} ${target}_text)
  target_sources(${target} PRIVATE ${out}/cli_text.c ${out}/cli_text.h)
  target_include_directories(${target} PRIVATE ${out})
endfunction()
