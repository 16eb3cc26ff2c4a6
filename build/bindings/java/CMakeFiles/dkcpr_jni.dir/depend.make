# Empty dependencies file for dkcpr_jni.
# This may be replaced when dependencies are built.
