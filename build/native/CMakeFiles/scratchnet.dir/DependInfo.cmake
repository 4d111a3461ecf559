
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/cpp/core/activations.cpp" "CMakeFiles/scratchnet.dir/cpp/core/activations.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/core/activations.cpp.o.d"
  "/work/main/cpp/core/build_info.cpp" "CMakeFiles/scratchnet.dir/cpp/core/build_info.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/core/build_info.cpp.o.d"
  "/work/main/cpp/core/perceptron.cpp" "CMakeFiles/scratchnet.dir/cpp/core/perceptron.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/core/perceptron.cpp.o.d"
  "/work/main/cpp/data/idx.cpp" "CMakeFiles/scratchnet.dir/cpp/data/idx.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/data/idx.cpp.o.d"
  "/work/main/cpp/data/toy_datasets.cpp" "CMakeFiles/scratchnet.dir/cpp/data/toy_datasets.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/data/toy_datasets.cpp.o.d"
  "/work/main/cpp/io/binary_file.cpp" "CMakeFiles/scratchnet.dir/cpp/io/binary_file.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/io/binary_file.cpp.o.d"
  "/work/main/cpp/io/crc32.cpp" "CMakeFiles/scratchnet.dir/cpp/io/crc32.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/io/crc32.cpp.o.d"
  "/work/main/cpp/io/inflate.cpp" "CMakeFiles/scratchnet.dir/cpp/io/inflate.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/io/inflate.cpp.o.d"
  "/work/main/cpp/io/npy.cpp" "CMakeFiles/scratchnet.dir/cpp/io/npy.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/io/npy.cpp.o.d"
  "/work/main/cpp/io/npz.cpp" "CMakeFiles/scratchnet.dir/cpp/io/npz.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/io/npz.cpp.o.d"
  "/work/main/cpp/net/network.cpp" "CMakeFiles/scratchnet.dir/cpp/net/network.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/net/network.cpp.o.d"
  "/work/main/cpp/train/trainer.cpp" "CMakeFiles/scratchnet.dir/cpp/train/trainer.cpp.o" "gcc" "CMakeFiles/scratchnet.dir/cpp/train/trainer.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
