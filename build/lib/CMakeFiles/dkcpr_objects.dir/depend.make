# Empty dependencies file for dkcpr_objects.
# This may be replaced when dependencies are built.
