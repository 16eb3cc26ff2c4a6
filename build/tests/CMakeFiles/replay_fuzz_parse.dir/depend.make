# Empty dependencies file for replay_fuzz_parse.
# This may be replaced when dependencies are built.
