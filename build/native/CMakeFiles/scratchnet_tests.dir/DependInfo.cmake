
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/tests/cpp/core/activations_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/core/activations_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/core/activations_test.cpp.o.d"
  "/work/main/tests/cpp/core/perceptron_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/core/perceptron_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/core/perceptron_test.cpp.o.d"
  "/work/main/tests/cpp/core/rng_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/core/rng_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/core/rng_test.cpp.o.d"
  "/work/main/tests/cpp/data/book_weights_accuracy_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/data/book_weights_accuracy_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/data/book_weights_accuracy_test.cpp.o.d"
  "/work/main/tests/cpp/data/toy_datasets_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/data/toy_datasets_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/data/toy_datasets_test.cpp.o.d"
  "/work/main/tests/cpp/layers/activation_layer_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/activation_layer_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/activation_layer_test.cpp.o.d"
  "/work/main/tests/cpp/layers/affine_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/affine_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/affine_test.cpp.o.d"
  "/work/main/tests/cpp/layers/batch_norm_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/batch_norm_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/batch_norm_test.cpp.o.d"
  "/work/main/tests/cpp/layers/dropout_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/dropout_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/dropout_test.cpp.o.d"
  "/work/main/tests/cpp/layers/identity_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/identity_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/identity_test.cpp.o.d"
  "/work/main/tests/cpp/layers/identity_with_loss_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/identity_with_loss_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/identity_with_loss_test.cpp.o.d"
  "/work/main/tests/cpp/layers/leaky_relu_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/leaky_relu_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/leaky_relu_test.cpp.o.d"
  "/work/main/tests/cpp/layers/relu_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/relu_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/relu_test.cpp.o.d"
  "/work/main/tests/cpp/layers/sigmoid_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/sigmoid_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/sigmoid_test.cpp.o.d"
  "/work/main/tests/cpp/layers/softmax_with_loss_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/softmax_with_loss_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/softmax_with_loss_test.cpp.o.d"
  "/work/main/tests/cpp/layers/tanh_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/tanh_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/layers/tanh_test.cpp.o.d"
  "/work/main/tests/cpp/optim/optimizers_test.cpp" "CMakeFiles/scratchnet_tests.dir/tests/cpp/optim/optimizers_test.cpp.o" "gcc" "CMakeFiles/scratchnet_tests.dir/tests/cpp/optim/optimizers_test.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build/native/CMakeFiles/scratchnet.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
