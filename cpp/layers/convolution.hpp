// convolution.hpp — the convolution layer: filters slide over an image.
//
// 밑바닥부터 시작하는 딥러닝 1권 7.2 "합성곱 계층", 7.4.3 "합성곱 계층 구현하기"
// (common/layers.py Convolution).
//
// Shapes (one row = one sample; a row is an image (C, H, W) flattened C-major,
// and the output row is the feature map (FN, OH, OW) flattened the same way):
//   x    (N, C·H·W)    W (FN, C·FH·FW)    b (1, FN)    out (N, FN·OH·OW)
//   dout (N, FN·OH·OW)  →  dx (N, C·H·W),  dW (FN, C·FH·FW),  db (1, FN)
// The book's W has shape (FN, C, FH, FW); here it is kept as its
// W.reshape(FN, -1): row f is filter f with its (c, fy, fx) numbers in a row —
// the same bytes, and the shape the product below wants.
//
// How (the book's im2col idea, one image at a time): im2col_image
// (im2col.hpp) copies image n's windows into the *columns* of colT_n
// (C·FH·FW, OH·OW); then every filter at every position is one product
//   out_n = W · colT_n + b            (FN, OH·OW)
// which is already image n's row of out, (FN, OH, OW) flattened — the book's
// col · Wᵀ followed by reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2),
// without the transpose: the product is computed the other way round.
// Backward is an Affine backward on (colT_n, W) per image, followed by
// col2im_image.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "../kernels/gemm.hpp"
#include "im2col.hpp"
#include "layer.hpp"

namespace scratchnet {

// Σ v[0..n): four running sums side by side (a compiler may not reorder a
// float sum into SIMD lanes by itself; written this way it can).
template <class S>
S row_sum(const S* v, Index n) {
  S s[4] = {S(0), S(0), S(0), S(0)};
  Index i = 0;
  for (; i + 4 <= n; i += 4)
    for (int l = 0; l < 4; ++l) s[l] += v[i + l];
  for (; i < n; ++i) s[0] += v[i];
  return (s[0] + s[1]) + (s[2] + s[3]);
}

template <class S>
class Convolution final : public Layer<S> {
 public:
  // g: the input (C, H, W), the filter (FH, FW), stride and pad.
  // W (FN, C·FH·FW) and b (1, FN) are owned by the layer (book: self.W = W).
  Convolution(Matrix<S> W, Matrix<S> b, const ConvGeometry& g)
      : W_(std::move(W)), b_(std::move(b)), g_(g) {
    g_.validate("Convolution");
    require_shape(W_.rows() > 0 && W_.cols() == g_.window_size(), "Convolution", "W", W_,
                  "C·FH·FW", Matrix<S>(1, g_.window_size()));
    require_shape(b_.rows() == 1 && b_.cols() == W_.rows(), "Convolution", "W", W_, "b", b_);
    dW_ = Matrix<S>::Zero(W_.rows(), W_.cols());
    db_ = Matrix<S>::Zero(1, b_.cols());
  }

  // x (N, C·H·W) → out (N, FN·OH·OW)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    require_shape(x.cols() == g_.input_size(), "Convolution.forward", "x", x, "(N, C·H·W)",
                  Matrix<S>(x.rows(), g_.input_size()));
    require_finite(x, "Convolution.forward");
    n_ = x.rows();
    const Index K = g_.window_size(), P = g_.positions(), FN = W_.rows();
    // kept: backward needs it for dW, like Affine keeps x. Rows [n·K, n·K + K)
    // are colT_n, image n's windows as columns.
    col_.resize(n_ * K, P);
    Matrix<S> out(n_, FN * P);
    for (Index n = 0; n < n_; ++n) {
      S* colT = col_.data() + n * K * P;
      S* o = out.data() + n * FN * P;
      im2col_image(x.data() + n * g_.input_size(), g_, colT);
      // out_n,fp = Σ_k W_fk colT_n,kp + b_f: every filter f against every window p
      gemm_block(W_.data(), FN, K, Transpose::No, colT, K, P, Transpose::No, o);
      for (Index f = 0; f < FN; ++f) {
        const S bf = b_(0, f);
        for (S* v = o + f * P; v != o + (f + 1) * P; ++v) *v += bf;
      }
    }
    return out;
  }

  // dout (N, FN·OH·OW) → dx (N, C·H·W); fills dW (FN, C·FH·FW) and db (1, FN)
  Matrix<S> backward(const Matrix<S>& dout) override {
    const Index K = g_.window_size(), P = g_.positions(), FN = W_.rows();
    require_dout_shape("Convolution.backward", dout, n_, FN * P);
    // Row n of dout is dout_n (FN, OH·OW), the gradient of out_n = W·colT_n + b.
    // W and b are shared by every image and every window, so their gradients
    // are sums over both:
    dW_.setZero();
    db_.setZero();
    dW_image_.resize(FN, K);
    Matrix<S> dx;
    if (input_gradient_) {
      dx = Matrix<S>::Zero(n_, g_.input_size());
      dcol_.resize(K, P);
    }
    for (Index n = 0; n < n_; ++n) {
      const S* d = dout.data() + n * FN * P;
      const S* colT = col_.data() + n * K * P;
      // ∂L/∂b_f = Σ_n Σ_p dout_n,fp (b_f was added at every window)
      for (Index f = 0; f < FN; ++f) db_(0, f) += row_sum(d + f * P, P);
      // ∂L/∂W_fk = Σ_n Σ_p dout_n,fp colT_n,kp                 →  dW = Σ_n dout_n · colT_nᵀ
      gemm_block(d, FN, P, Transpose::No, colT, K, P, Transpose::Yes, dW_image_.data());
      dW_ += dW_image_;
      // out_n,fp = Σ_k W_fk colT_n,kp, so ∂L/∂colT_n,kp = Σ_f W_fk dout_n,fp  →  dcolT_n = Wᵀ · dout_n
      // and each pixel collects the gradients of every window it was copied into →  dx_n = col2im(dcolT_n)
      if (!input_gradient_) continue;
      gemm_block(W_.data(), FN, K, Transpose::Yes, d, FN, P, Transpose::No, dcol_.data());
      col2im_image(dcol_.data(), g_, dx.data() + n * g_.input_size());
    }
    return dx;
  }

  std::vector<Param<S>> params() override { return {{"W", &W_, &dW_}, {"b", &b_, &db_}}; }
  std::string name() const override { return "Convolution"; }

  const ConvGeometry& geometry() const { return g_; }
  Index filters() const { return W_.rows(); }               // FN
  Index output_size() const { return W_.rows() * g_.positions(); }  // FN·OH·OW

  // On by default. Off: backward() fills dW and db but returns an empty dx —
  // for the first layer of a network, whose input is the data (see Affine).
  void set_input_gradient(bool on) { input_gradient_ = on; }

 private:
  Matrix<S> W_, b_;    // parameters
  Matrix<S> dW_, db_;  // their gradients, same shapes
  ConvGeometry g_;
  Matrix<S> col_;      // (N·C·FH·FW, OH·OW): colT_n of every image of the forward input, kept for backward
  Matrix<S> dW_image_, dcol_;  // backward's per-image scratch, reused batch after batch
  Index n_ = 0;        // batch size of the last forward
  bool input_gradient_ = true;
};

}  // namespace scratchnet
