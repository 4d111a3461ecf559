// affine.hpp — the fully connected layer, out = x·W + b.
//
// 밑바닥부터 시작하는 딥러닝 1권 5.6.1–5.6.2 "Affine 계층" / "배치용 Affine 계층",
// 2권 1.3.5 "Affine 계층". The name comes from geometry: a linear map (·W)
// followed by a shift (+b).
//
// Shapes (one row = one sample):
//   x    (N, in)      W (in, out)      b (1, out)      out (N, out)
//   dout (N, out)  →  dx (N, in),  dW (in, out),  db (1, out)
//
// The bias is broadcast over the N rows in forward, so in backward its
// gradient is the *sum* over the rows: each row used the same b once.
//
// The three matrix products below are nearly all of a training step's work;
// they go through kernels/gemm.hpp, which runs a SIMD micro-kernel in the
// wasm build and Eigen's own product natively (and always for double).
#pragma once

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "../kernels/gemm.hpp"
#include "layer.hpp"

namespace scratchnet {

template <class S>
class Affine final : public Layer<S> {
 public:
  // W and b are taken by value: the layer owns its parameters (book: self.W = W).
  Affine(Matrix<S> W, Matrix<S> b) : W_(std::move(W)), b_(std::move(b)) {
    require_shape(b_.rows() == 1 && b_.cols() == W_.cols(), "Affine", "W", W_, "b", b_);
    dW_ = Matrix<S>::Zero(W_.rows(), W_.cols());
    db_ = Matrix<S>::Zero(1, b_.cols());
  }

  // x (N, in) → out (N, out)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    require_shape(x.cols() == W_.rows(), "Affine.forward", "x", x, "W", W_);
    require_finite(x, "Affine.forward");
    // Keep x: backward needs it for dW = xᵀ·dout. Assigning into an existing
    // buffer of the same size does not allocate, so steady-state training
    // reuses this memory batch after batch.
    x_ = x;
    // out_ij = Σ_k x_ik W_kj + b_j — a matrix product, then b added to every row
    // (NumPy's broadcast `np.dot(x, W) + b`).
    Matrix<S> out;
    if constexpr (std::is_same_v<S, float>) {
      // float: b added in the product's store (kernels/gemm.hpp "epilogue"),
      // the same additions as the line below, without a pass of its own
      // (which the threads build would run on one thread).
      gemm(x, Transpose::No, W_, Transpose::No, out, kernels::Epilogue{b_.data(), kernels::Activation::None});
    } else {
      gemm(x, Transpose::No, W_, Transpose::No, out);
      out.rowwise() += b_.row(0);
    }
    return out;
  }

  // Inference only (Network::infer), float only: out = h(x·W + b) where h is
  // the activation layer that follows (none, Relu or Sigmoid). The same numbers
  // as forward() and then h's forward(), bit for bit, but in one pass: the GEMM
  // adds b and applies h in the store of its register tile (kernels/gemm.hpp,
  // "epilogue") instead of writing out and reading it back twice. Nothing is
  // kept for backward, and x may be a block of the caller's buffer: no copy.
  void infer(const Eigen::Ref<const Matrix<S>>& x, kernels::Activation h, Matrix<S>& out) const
    requires std::is_same_v<S, float>
  {
    require_shape(x.cols() == W_.rows(), "Affine.forward", "x", x, "W", W_);
    require_finite(x, "Affine.forward");
    gemm(x, Transpose::No, W_, Transpose::No, out, kernels::Epilogue{b_.data(), h});
  }

  // dout (N, out) → dx (N, in); fills dW (in, out) and db (1, out)
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("Affine.backward", dout, x_.rows(), W_.cols());
    // ∂L/∂W_kj = Σ_n x_nk dout_nj (W is shared by all N rows) →  dW = xᵀ·dout
    gemm(x_, Transpose::Yes, dout, Transpose::No, dW_);
    // ∂L/∂b_j = Σ_n dout_nj (b was broadcast to all N rows)   →  db = Σ_rows dout
    db_ = dout.colwise().sum();
    // out_nj = Σ_k x_nk W_kj, so ∂L/∂x_nk = Σ_j dout_nj W_kj   →  dx = dout·Wᵀ
    // The first layer's dx is ∂L/∂(input data): nothing learns from it, so a
    // network turns it off there and saves a third of that layer's work.
    Matrix<S> dx;
    if (input_gradient_) gemm(dout, Transpose::No, W_, Transpose::Yes, dx);
    return dx;
  }

  std::vector<Param<S>> params() override { return {{"W", &W_, &dW_}, {"b", &b_, &db_}}; }
  std::string name() const override { return "Affine"; }

  Index input_size() const { return W_.rows(); }
  Index output_size() const { return W_.cols(); }

  // On by default. Off: backward() still fills dW and db but returns an empty
  // (0, 0) dx — for the first layer of a network, whose input is the data.
  void set_input_gradient(bool on) { input_gradient_ = on; }

 private:
  Matrix<S> W_, b_;    // parameters
  Matrix<S> dW_, db_;  // their gradients, same shapes
  Matrix<S> x_;        // forward input, kept for backward
  bool input_gradient_ = true;
};

}  // namespace scratchnet
