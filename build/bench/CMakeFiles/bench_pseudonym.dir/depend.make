# Empty dependencies file for bench_pseudonym.
# This may be replaced when dependencies are built.
