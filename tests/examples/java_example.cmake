# SPDX-License-Identifier: Apache-2.0
# cmake -P: compile examples/java/CprExample.java with javac against the built
# dkcpr.jar, run it, and check what it prints. Pseudonyms and the washed text
# are checked by revealing them with the dkcpr program (CLI, if given), an
# independent path through the C library.
# -D: JAVAC, JAVA, JAR, SOURCE, WORK, CLI (may be empty).
foreach(v JAVAC JAVA JAR SOURCE WORK)
  if(NOT ${v})
    message(FATAL_ERROR "${v} not set")
  endif()
endforeach()

function(check_contains haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected '${needle}' in:\n${haystack}")
  endif()
endfunction()

function(check_absent haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "'${needle}' should not be in:\n${haystack}")
  endif()
endfunction()

# reveal(<out> <text>): the dkcpr program's reveal of text, under DKCPR_KEY.
function(reveal out text)
  file(WRITE ${WORK}/reveal-in.txt "${text}\n")
  execute_process(COMMAND ${CLI} reveal --key-env DKCPR_KEY
    INPUT_FILE ${WORK}/reveal-in.txt OUTPUT_VARIABLE r RESULT_VARIABLE rc
    ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dkcpr reveal failed (${rc}): ${err}")
  endif()
  string(REGEX REPLACE "\n$" "" r "${r}")
  set(${out} "${r}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/classes)
execute_process(
  COMMAND ${JAVAC} --release 17 -encoding UTF-8 -Xlint:all -Werror -cp ${JAR}
          -d ${WORK}/classes ${SOURCE}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "javac failed: ${err}")
endif()

set(ENV{DKCPR_KEY} "8f3a5c1e9b2d4f6a7c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a")
execute_process(COMMAND ${JAVA} -cp ${JAR}:${WORK}/classes CprExample
  OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "CprExample failed (${rc}): ${err}")
endif()
message(STATUS "CprExample printed:\n${out}")

# Facts of the numbers (cpr-rules.md, examples/data/kunder.csv).
check_contains("${out}" "070761-4285: valid, born 1961-07-07, male\n")
check_contains("${out}" "2911700657: valid, born 1970-11-29, male\n")
check_contains("${out}" "310261-1234: invalid (E_DATE)\n")
check_contains("${out}" "300449-0931: valid, born 1949-04-30, male\n")
check_contains("${out}" "revealed [070761-4285, 2911700657, 300449-0931]\n")

# Each pseudonym: another number in the same layout, which reveals to its original.
set(originals 070761-4285 2911700657 300449-0931)
foreach(orig IN LISTS originals)
  string(REGEX MATCH "pseudonym ${orig} -> ([^\n]*)\n" line "${out}")
  set(fake "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "[0-9]" "9" shape_fake "${fake}")
  string(REGEX REPLACE "[0-9]" "9" shape_orig "${orig}")
  if(NOT line OR fake STREQUAL orig OR NOT shape_fake STREQUAL shape_orig)
    message(FATAL_ERROR "no proper pseudonym of ${orig}: '${fake}'")
  endif()
  if(CLI)
    reveal(back "${fake}")
    if(NOT back STREQUAL orig)
      message(FATAL_ERROR "dkcpr reveal ${fake} gave '${back}', not ${orig}")
    endif()
  endif()
endforeach()

# The washed note: the same text with other numbers; revealing it restores it.
set(note "Borger 070761-4285 ringede om sin datter (cpr 0103952318).")
string(REGEX MATCH "washed: ([^\n]*)\n" line "${out}")
set(washed "${CMAKE_MATCH_1}")
string(LENGTH "${note}" note_len)
string(LENGTH "${washed}" washed_len)
if(NOT line OR NOT note_len EQUAL washed_len)
  message(FATAL_ERROR "washed text missing or of another length: '${washed}'")
endif()
check_absent("${washed}" "070761-4285")
check_absent("${washed}" "0103952318")
check_contains("${washed}" "Borger ")
check_contains("${washed}" " ringede om sin datter (cpr ")
if(CLI)
  reveal(back "${washed}")
  if(NOT back STREQUAL note)
    message(FATAL_ERROR "dkcpr reveal of the washed note gave '${back}'")
  endif()
endif()
