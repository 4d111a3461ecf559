file(REMOVE_RECURSE
  "CMakeFiles/scratchnet.dir/cpp/core/build_info.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/core/build_info.cpp.o.d"
  "libscratchnet.a"
  "libscratchnet.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/scratchnet.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
