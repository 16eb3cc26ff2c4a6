#----------------------------------------------------------------
# Generated CMake target import file for configuration "RelWithDebInfo".
#----------------------------------------------------------------

# Commands may need to know the format version.
set(CMAKE_IMPORT_FILE_VERSION 1)

# Import target "dkcpr::dkcpr" for configuration "RelWithDebInfo"
set_property(TARGET dkcpr::dkcpr APPEND PROPERTY IMPORTED_CONFIGURATIONS RELWITHDEBINFO)
set_target_properties(dkcpr::dkcpr PROPERTIES
  IMPORTED_LOCATION_RELWITHDEBINFO "${_IMPORT_PREFIX}/lib/libdkcpr.so.0.1.0"
  IMPORTED_SONAME_RELWITHDEBINFO "libdkcpr.so.0"
  )

list(APPEND _cmake_import_check_targets dkcpr::dkcpr )
list(APPEND _cmake_import_check_files_for_dkcpr::dkcpr "${_IMPORT_PREFIX}/lib/libdkcpr.so.0.1.0" )

# Commands beyond this point should not need to know the version.
set(CMAKE_IMPORT_FILE_VERSION)
