file(REMOVE_RECURSE
  "CMakeFiles/scratchnet-cli.dir/cpp/cli/main.cpp.o"
  "CMakeFiles/scratchnet-cli.dir/cpp/cli/main.cpp.o.d"
  "scratchnet-cli"
  "scratchnet-cli.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/scratchnet-cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
