# SPDX-License-Identifier: Apache-2.0
# cmake -P script: compile every .java (hand-written and SWIG-generated),
# add the native libraries and the Maven metadata and pack dkcpr.jar; pack
# the same sources into the sources jar.
file(REMOVE_RECURSE ${CLASSES})
file(MAKE_DIRECTORY ${CLASSES}/${NATIVE_DIR})
file(GLOB_RECURSE sources ${SOURCES}/*.java)
# SWIG rewrites every file it generates on each run, but never deletes a
# class that is gone: files clearly older than its latest run are stale.
file(GLOB_RECURSE generated ${GENERATED}/*.java)
file(TIMESTAMP ${GENERATED}/org/dkcpr/internal/DkcprNativeJNI.java last_run "%s")
math(EXPR stale_before "${last_run} - 60")
foreach(f IN LISTS generated)
  file(TIMESTAMP ${f} t "%s")
  if(t GREATER_EQUAL stale_before)
    list(APPEND sources ${f})
  endif()
endforeach()
list(JOIN sources "\n" argfile)
get_filename_component(work ${CLASSES} DIRECTORY)
file(WRITE ${work}/javac-sources.txt "${argfile}\n")
execute_process(
  COMMAND ${JAVAC} --release 17 -encoding UTF-8 -Xlint:all,-serial -Werror
          -d ${CLASSES} @${work}/javac-sources.txt
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "javac failed")
endif()

# Both libraries under their load names: the JNI library's NEEDED entry is
# libdkcpr's soname, which the loader loads first from the same directory.
get_filename_component(core_name ${CORE_LIB} NAME)
get_filename_component(jni_name ${JNI_LIB} NAME)
file(COPY_FILE ${CORE_LIB} ${CLASSES}/${NATIVE_DIR}/${core_name})
file(COPY_FILE ${JNI_LIB} ${CLASSES}/${NATIVE_DIR}/${jni_name})
file(WRITE ${CLASSES}/${NATIVE_DIR}/libraries.txt "${core_name}\n${jni_name}\n")

# The license travels with the jar, named in the manifest and as a file.
file(MAKE_DIRECTORY ${CLASSES}/META-INF)
file(COPY_FILE ${LICENSE} ${CLASSES}/META-INF/LICENSE)

# Maven's metadata, where Maven itself puts it in a jar it builds.
set(maven_dir ${CLASSES}/META-INF/maven/org.dkcpr/dkcpr)
file(MAKE_DIRECTORY ${maven_dir})
file(COPY_FILE ${POM} ${maven_dir}/pom.xml)
file(WRITE ${maven_dir}/pom.properties
  "groupId=org.dkcpr\nartifactId=dkcpr\nversion=${VERSION}\n")

file(WRITE ${work}/MANIFEST.MF
  "Automatic-Module-Name: org.dkcpr\n"
  "Implementation-Title: dkcpr\n"
  "Implementation-Version: ${VERSION}\n"
  "Bundle-License: Apache-2.0\n")
file(REMOVE ${OUT})
execute_process(
  COMMAND ${JAR} --create --file ${OUT} --manifest ${work}/MANIFEST.MF -C ${CLASSES} .
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "jar failed")
endif()

# The sources jar: the files just compiled, under their package paths.
set(staging ${work}/sources-jar)
file(REMOVE_RECURSE ${staging})
foreach(f IN LISTS sources)
  string(REGEX REPLACE "^.*/(org/dkcpr/.*)$" "\\1" rel "${f}")
  get_filename_component(rel_dir ${rel} DIRECTORY)
  file(COPY ${f} DESTINATION ${staging}/${rel_dir})
endforeach()
file(REMOVE ${SOURCES_OUT})
execute_process(
  COMMAND ${JAR} --create --file ${SOURCES_OUT} -C ${staging} .
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "jar (sources) failed")
endif()
