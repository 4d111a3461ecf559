file(REMOVE_RECURSE
  "libscratchnet.a"
)
