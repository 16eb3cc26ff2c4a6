# Empty dependencies file for replay_fuzz_wash.
# This may be replaced when dependencies are built.
