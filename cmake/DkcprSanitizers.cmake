# SPDX-License-Identifier: Apache-2.0
# Sanitizer builds apply to every target, tests and tools included.
if(DKCPR_SANITIZE AND DKCPR_TSAN)
  message(FATAL_ERROR "DKCPR_SANITIZE and DKCPR_TSAN cannot be combined")
endif()
if(DKCPR_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(DKCPR_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
