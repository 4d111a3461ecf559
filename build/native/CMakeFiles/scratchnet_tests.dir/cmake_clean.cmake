file(REMOVE_RECURSE
  "CMakeFiles/scratchnet_tests.dir/tests/cpp/core/rng_test.cpp.o"
  "CMakeFiles/scratchnet_tests.dir/tests/cpp/core/rng_test.cpp.o.d"
  "scratchnet_tests"
  "scratchnet_tests.pdb"
  "scratchnet_tests[1]_tests.cmake"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/scratchnet_tests.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
