// optimizers.cpp — the book's optimizers (ch. 6.1) compiled once, for speed.
//
// The optimizers are header templates, so they are compiled wherever one is
// made: the Embind bindings make them, and the bindings are compiled for size
// in the wasm build (CMakeLists.txt, "-Os"). These explicit instantiations put
// an -O3 copy of every update() in the library, which the wasm link loads first
// and keeps; the update runs once per parameter per training step.
#include "make_optimizer.hpp"

namespace scratchnet {

template class Optimizer<float>;
template class SGD<float>;
template class Momentum<float>;
template class Nesterov<float>;
template class AdaGrad<float>;
template class RMSprop<float>;
template class Adam<float>;
template std::unique_ptr<Optimizer<float>> make_optimizer<float>(const std::string&, double, double);

// Network64 / Trainer64: the speed panel's float64 training.
template class Optimizer<double>;
template class SGD<double>;
template class Momentum<double>;
template class Nesterov<double>;
template class AdaGrad<double>;
template class RMSprop<double>;
template class Adam<double>;
template std::unique_ptr<Optimizer<double>> make_optimizer<double>(const std::string&, double, double);

}  // namespace scratchnet
