# Empty dependencies file for scratchnet.
# This may be replaced when dependencies are built.
