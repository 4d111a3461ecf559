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
// How: im2col (im2col.hpp) copies every window into one row of col
// (N·OH·OW, C·FH·FW); then every filter at every position is one product
//   out_col = col · Wᵀ + b            (N·OH·OW, FN)
// and out is out_col with its axes moved: (n, oh, ow, f) → (n, f, oh, ow)
// (the book's reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)).
// Backward is an Affine backward on (col, W), followed by col2im.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "../kernels/gemm.hpp"
#include "im2col.hpp"
#include "layer.hpp"

namespace scratchnet {

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
    im2col(x, g_, col_);  // kept: backward needs it for dW, like Affine keeps x
    // out_col_pf = Σ_k col_pk W_fk + b_f: every window (row p) against every filter f
    Matrix<S> out_col;
    gemm(col_, Transpose::No, W_, Transpose::Yes, out_col);
    // (n, oh·ow, f) → (n, f, oh·ow), adding the bias on the way
    const Index P = g_.positions(), FN = W_.rows();
    Matrix<S> out(n_, FN * P);
    for (Index n = 0; n < n_; ++n) {
      const S* src = out_col.data() + n * P * FN;
      S* dst = out.data() + n * FN * P;
      for (Index p = 0; p < P; ++p)
        for (Index f = 0; f < FN; ++f) dst[f * P + p] = src[p * FN + f] + b_(0, f);
    }
    return out;
  }

  // dout (N, FN·OH·OW) → dx (N, C·H·W); fills dW (FN, C·FH·FW) and db (1, FN)
  Matrix<S> backward(const Matrix<S>& dout) override {
    const Index P = g_.positions(), FN = W_.rows();
    require_dout_shape("Convolution.backward", dout, n_, FN * P);
    // back to one row per window: (n, f, oh·ow) → (n·oh·ow, f)
    Matrix<S> dout_col(n_ * P, FN);
    for (Index n = 0; n < n_; ++n) {
      const S* src = dout.data() + n * FN * P;
      S* dst = dout_col.data() + n * P * FN;
      for (Index f = 0; f < FN; ++f)
        for (Index p = 0; p < P; ++p) dst[p * FN + f] = src[f * P + p];
    }
    // ∂L/∂b_f = Σ_p dout_col_pf (b_f was added at every window)   →  db = Σ_rows dout_col
    db_ = dout_col.colwise().sum();
    // ∂L/∂W_fk = Σ_p dout_col_pf col_pk (W is shared by all windows) →  dW = dout_colᵀ·col
    gemm(dout_col, Transpose::Yes, col_, Transpose::No, dW_);
    // out_col_pf = Σ_k col_pk W_fk, so ∂L/∂col_pk = Σ_f dout_col_pf W_fk  →  dcol = dout_col·W
    // and each pixel collects the gradients of every window it was copied into →  dx = col2im(dcol)
    if (!input_gradient_) return Matrix<S>();
    Matrix<S> dcol;
    gemm(dout_col, Transpose::No, W_, Transpose::No, dcol);
    return col2im(dcol, g_, n_);
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
  Matrix<S> col_;      // im2col of the forward input, kept for backward
  Index n_ = 0;        // batch size of the last forward
  bool input_gradient_ = true;
};

}  // namespace scratchnet
