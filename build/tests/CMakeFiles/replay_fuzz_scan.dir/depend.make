# Empty dependencies file for replay_fuzz_scan.
# This may be replaced when dependencies are built.
