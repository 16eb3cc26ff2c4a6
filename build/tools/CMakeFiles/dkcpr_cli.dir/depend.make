# Empty dependencies file for dkcpr_cli.
# This may be replaced when dependencies are built.
