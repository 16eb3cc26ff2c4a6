# Empty compiler generated dependencies file for dkcpr.
# This may be replaced when dependencies are built.
