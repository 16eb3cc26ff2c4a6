# Empty dependencies file for replay_fuzz_pseudonym.
# This may be replaced when dependencies are built.
