# Empty dependencies file for scratchnet_tests.
# This may be replaced when dependencies are built.
