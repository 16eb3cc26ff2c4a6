# SPDX-License-Identifier: Apache-2.0
# ctest labels used by the quality gates (scripts/test):
#   threads  the test starts threads: the ThreadSanitizer gate runs it;
#   slow     too long under valgrind: the memcheck gate leaves it out (it
#            still runs in the plain and ASan builds).
# A test may set its labels itself where it is added; the lists below label
# tests that do not. Applied once every fragment has added its tests.
set(DKCPR_TESTS_THREADS c.test_pseudonym_threads)
# Slow under valgrind: several minutes each (AES without AES-NI, millions of
# numbers); ASan runs them in full.
set(DKCPR_TESTS_SLOW c.test_rank c.test_pseudonym_bijective
    c.test_pseudonym_threads c.test_ff1 c.test_pseudonym_keyed)

function(dkcpr_apply_test_labels)
  foreach(label threads slow)
    string(TOUPPER ${label} var)
    foreach(test IN LISTS DKCPR_TESTS_${var})
      if(TEST ${test})
        set_property(TEST ${test} APPEND PROPERTY LABELS ${label})
      endif()
    endforeach()
  endforeach()
endfunction()
cmake_language(DEFER CALL dkcpr_apply_test_labels)
