# Empty dependencies file for test_scan_stream.
# This may be replaced when dependencies are built.
