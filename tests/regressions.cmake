# SPDX-License-Identifier: Apache-2.0
# Fuzz regressions: every input in tests/regressions/<target>/ (crashes the
# fuzzers found, plus hand-written seeds) is replayed through the fuzz target
# with a plain main, so these run in every build: gcc, ASan, valgrind.
include(${PROJECT_SOURCE_DIR}/fuzz/FuzzTargets.cmake)
dkcpr_fuzz_available_targets(dkcpr_regress_targets)
foreach(name IN LISTS dkcpr_regress_targets)
  set(dir ${CMAKE_CURRENT_SOURCE_DIR}/regressions/${name})
  if(NOT IS_DIRECTORY ${dir})
    continue()
  endif()
  add_executable(replay_${name} ${PROJECT_SOURCE_DIR}/fuzz/${name}.c
                 ${PROJECT_SOURCE_DIR}/fuzz/replay_main.c)
  target_link_libraries(replay_${name} PRIVATE dkcpr_internal)
  target_compile_options(replay_${name} PRIVATE -Wall -Wextra -Werror)
  add_test(NAME c.regress.${name} COMMAND replay_${name} ${dir})
endforeach()

# The command's input decoding, replayed the same way.
if(TARGET dkcpr_cli_decode AND IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/regressions/fuzz_input)
  add_executable(replay_fuzz_input ${PROJECT_SOURCE_DIR}/fuzz/fuzz_input.c
                 ${PROJECT_SOURCE_DIR}/fuzz/replay_main.c)
  target_link_libraries(replay_fuzz_input PRIVATE dkcpr_cli_decode)
  target_compile_options(replay_fuzz_input PRIVATE -Wall -Wextra -Werror)
  add_test(NAME c.regress.fuzz_input
           COMMAND replay_fuzz_input ${CMAKE_CURRENT_SOURCE_DIR}/regressions/fuzz_input)
endif()

# The command line's fuzz target: the program's sources with main() renamed,
# every subcommand run on each input's arguments.
if(TARGET dkcpr_cli AND IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/regressions/fuzz_cli)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(YAJL REQUIRED IMPORTED_TARGET yajl)
  pkg_check_modules(YAML REQUIRED IMPORTED_TARGET yaml-0.1)
  find_package(Threads REQUIRED)
  include(${PROJECT_SOURCE_DIR}/tools/sources.cmake)
  set(cli_sources ${DKCPR_CLI_SOURCES})
  list(TRANSFORM cli_sources PREPEND ${PROJECT_SOURCE_DIR}/tools/)
  add_executable(replay_fuzz_cli ${PROJECT_SOURCE_DIR}/fuzz/fuzz_cli.c
                 ${PROJECT_SOURCE_DIR}/fuzz/replay_main.c ${cli_sources})
  dkcpr_cli_text(replay_fuzz_cli)
  set_source_files_properties(${PROJECT_SOURCE_DIR}/tools/main.c
    TARGET_DIRECTORY replay_fuzz_cli PROPERTIES COMPILE_DEFINITIONS main=dkcpr_cli_main)
  target_include_directories(replay_fuzz_cli PRIVATE ${PROJECT_SOURCE_DIR}/tools)
  target_compile_definitions(replay_fuzz_cli PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
  target_link_libraries(replay_fuzz_cli PRIVATE dkcpr dkcpr_cli_decode OpenSSL::Crypto
    Threads::Threads PkgConfig::YAJL PkgConfig::YAML)
  target_compile_options(replay_fuzz_cli PRIVATE -Wall -Wextra -Werror)
  add_test(NAME c.regress.fuzz_cli
           COMMAND replay_fuzz_cli ${CMAKE_CURRENT_SOURCE_DIR}/regressions/fuzz_cli)
endif()
