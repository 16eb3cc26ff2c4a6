# Empty custom commands generated dependencies file for dkcpr_jar.
# This may be replaced when dependencies are built.
