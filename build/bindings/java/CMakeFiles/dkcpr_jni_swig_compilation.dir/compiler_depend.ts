# CMAKE generated file: DO NOT EDIT!
# Timestamp file for custom commands dependencies management for dkcpr_jni_swig_compilation.
