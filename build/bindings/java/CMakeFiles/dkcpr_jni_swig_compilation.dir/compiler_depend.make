# Empty custom commands generated dependencies file for dkcpr_jni_swig_compilation.
# This may be replaced when dependencies are built.
