# SPDX-License-Identifier: Apache-2.0
# Which fuzz targets can be built: a target is built once every library
# function it drives is defined in lib/*.c. Used by fuzz/CMakeLists.txt
# (libFuzzer builds) and tests/regressions.cmake (replay under ctest).
set(DKCPR_FUZZ_NEEDS_fuzz_parse
    dkcpr_parse dkcpr_validate dkcpr_format dkcpr_options_init
    dkcpr_datelist_new dkcpr_datelist_load)
set(DKCPR_FUZZ_NEEDS_fuzz_scan
    dkcpr_parse dkcpr_scan dkcpr_scan_options_init dkcpr_scanner_new
    dkcpr_scanner_feed dkcpr_scanner_next dkcpr_scanner_finish)
set(DKCPR_FUZZ_NEEDS_fuzz_wash
    dkcpr_pseudonymizer_new dkcpr_wash_options_init dkcpr_washer_new
    dkcpr_washer_feed dkcpr_washer_finish dkcpr_washer_bound dkcpr_washer_stats)
set(DKCPR_FUZZ_NEEDS_fuzz_pseudonym
    dkcpr_parse dkcpr_pseudonymizer_new dkcpr_pseudonymize dkcpr_reveal
    dkcpr_pseudonymize_many dkcpr_reveal_many dkcpr_token)
set(DKCPR_FUZZ_NEEDS_fuzz_struct_csv
    dkcpr_struct_options_init dkcpr_struct_washer_new dkcpr_struct_washer_feed
    dkcpr_struct_washer_finish dkcpr_struct_washer_error)
set(DKCPR_FUZZ_NEEDS_fuzz_struct_json ${DKCPR_FUZZ_NEEDS_fuzz_struct_csv})
set(DKCPR_FUZZ_NEEDS_fuzz_struct_sql ${DKCPR_FUZZ_NEEDS_fuzz_struct_csv} dkcpr_data_format_name)
set(DKCPR_FUZZ_NEEDS_fuzz_struct_hl7 ${DKCPR_FUZZ_NEEDS_fuzz_struct_csv} dkcpr__hl7_feed)
set(DKCPR_FUZZ_NEEDS_fuzz_struct_fixed ${DKCPR_FUZZ_NEEDS_fuzz_struct_csv} dkcpr__fixed_feed)
set(DKCPR_FUZZ_NEEDS_fuzz_struct_xml ${DKCPR_FUZZ_NEEDS_fuzz_struct_csv} dkcpr__xml_feed)
set(DKCPR_FUZZ_NEEDS_fuzz_rules ${DKCPR_FUZZ_NEEDS_fuzz_struct_csv} dkcpr_rules_parse)
set(DKCPR_FUZZ_ALL_TARGETS fuzz_parse fuzz_scan fuzz_wash fuzz_pseudonym
    fuzz_struct_csv fuzz_struct_json fuzz_struct_sql fuzz_struct_hl7 fuzz_struct_fixed
    fuzz_struct_xml fuzz_rules)

function(dkcpr_fuzz_available_targets out_var)
  file(GLOB lib_sources ${PROJECT_SOURCE_DIR}/lib/*.c)
  set(text "")
  foreach(src IN LISTS lib_sources)
    file(READ ${src} content)
    string(APPEND text "${content}\n")
  endforeach()
  set(available "")
  foreach(target IN LISTS DKCPR_FUZZ_ALL_TARGETS)
    set(ok TRUE)
    foreach(fn IN LISTS DKCPR_FUZZ_NEEDS_${target})
      # A definition: the name at the start of a line or after the return type.
      if(NOT text MATCHES "[ \t\n*]${fn}\\(")
        set(ok FALSE)
      endif()
    endforeach()
    if(ok)
      list(APPEND available ${target})
    else()
      message(STATUS "${target}: not built yet (library functions missing)")
    endif()
  endforeach()
  set(${out_var} ${available} PARENT_SCOPE)
endfunction()
