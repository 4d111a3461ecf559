# Empty dependencies file for scratchnet-cli.
# This may be replaced when dependencies are built.
