# Empty dependencies file for cpr_verdict.
# This may be replaced when dependencies are built.
