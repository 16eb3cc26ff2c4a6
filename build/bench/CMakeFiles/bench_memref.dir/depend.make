# Empty dependencies file for bench_memref.
# This may be replaced when dependencies are built.
