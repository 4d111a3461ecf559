file(REMOVE_RECURSE
  "CMakeFiles/scratchnet.dir/cpp/core/activations.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/core/activations.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/core/build_info.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/core/build_info.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/core/perceptron.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/core/perceptron.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/data/idx.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/data/idx.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/data/toy_datasets.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/data/toy_datasets.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/io/binary_file.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/io/binary_file.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/io/crc32.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/io/crc32.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/io/inflate.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/io/inflate.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/io/npy.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/io/npy.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/io/npz.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/io/npz.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/net/network.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/net/network.cpp.o.d"
  "CMakeFiles/scratchnet.dir/cpp/train/trainer.cpp.o"
  "CMakeFiles/scratchnet.dir/cpp/train/trainer.cpp.o.d"
  "libscratchnet.a"
  "libscratchnet.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/scratchnet.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
