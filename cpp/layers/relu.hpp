// relu.hpp — the ReLU layer, y = max(0, x), element by element.
//
// 밑바닥부터 시작하는 딥러닝 1권 3.2.7 "ReLU 함수", 5.5.1 "ReLU 계층".
//
// Shapes: x (N, D) → y (N, D); dout (N, D) → dx (N, D).
//
// The book's backward writes `dout[self.mask] = 0; dx = dout`, which zeroes
// the caller's array in place. Here dout is const and dx is a new matrix, so
// a gradient the caller still holds is never changed behind its back.
#pragma once

#include <string>

#include "../kernels/parallel_for.hpp"
#include "layer.hpp"

namespace scratchnet {

template <class S>
class Relu final : public Layer<S> {
 public:
  // x (N, D) → y (N, D)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    // The mask is where the signal passed (x > 0). The book stores the opposite
    // (x <= 0); either way x = 0 counts as "blocked", so the derivative we use
    // at the kink is 0. We keep x itself and test x > 0 again in backward:
    // plain loops over floats with a compare-and-select, which the compiler
    // turns into SIMD (a bool mask with Eigen's select() ran one element at a
    // time — 1.7 M elements per batch after SimpleConvNet's conv layer).
    // (Both loops are split across the threads of the pool in the threads
    // build: kernels/parallel_for.hpp; each element is the same either way.)
    x_ = x;
    Matrix<S> y(x.rows(), x.cols());
    const S* in = x.data();
    S* out = y.data();
    kernels::parallel_for(x.size(), kernels::kParallelGrain, [&](Index begin, Index end) {
      for (Index i = begin; i < end; ++i) out[i] = in[i] > S(0) ? in[i] : S(0);
    });
    return y;
  }

  // dout (N, D) → dx (N, D)
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("Relu.backward", dout, x_.rows(), x_.cols());
    // dy/dx = 1 where x > 0, else 0  →  dx = dout where x > 0, else 0
    Matrix<S> dx(dout.rows(), dout.cols());
    const S* x = x_.data();
    const S* d = dout.data();
    S* out = dx.data();
    // d[i] is read whatever x[i] is: a load the compiler may do unconditionally,
    // so the loop becomes a SIMD compare-and-select instead of a branch per element
    kernels::parallel_for(dout.size(), kernels::kParallelGrain, [&](Index begin, Index end) {
      for (Index i = begin; i < end; ++i) {
        const S di = d[i];
        out[i] = x[i] > S(0) ? di : S(0);
      }
    });
    return dx;
  }

  std::string name() const override { return "Relu"; }

 private:
  Matrix<S> x_;  // forward input: x > 0 is the mask
};

}  // namespace scratchnet
