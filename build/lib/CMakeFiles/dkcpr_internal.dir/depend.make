# Empty dependencies file for dkcpr_internal.
# This may be replaced when dependencies are built.
