// pooling.hpp — max pooling: keep the largest value of each window.
//
// 밑바닥부터 시작하는 딥러닝 1권 7.3 "풀링 계층", 7.4.4 "풀링 계층 구현하기"
// (common/layers.py Pooling).
//
// Shapes (rows are images flattened C-major, see convolution.hpp):
//   x (N, C·H·W) → out (N, C·OH·OW);  dout (N, C·OH·OW) → dx (N, C·H·W)
// with OH = (H + 2·pad − PH) / stride + 1 (book: pool 2×2, stride 2 halves H and W).
//
// Pooling works on each channel on its own, has no parameters, and keeps C.
// The book runs it through im2col and takes the max of each row; here the
// windows are walked directly, which gives the same numbers without the
// (N·C·OH·OW, PH·PW) copy. Like np.argmax, the *first* largest element wins
// a tie, and a padded position counts as a 0 (the book pads with zeros).
//
// Backward: out = max(window), so ∂out/∂x is 1 for the element that was the
// max and 0 for the others — the gradient goes back to the argmax only (the
// book's `dmax[np.arange(...), self.arg_max.flatten()] = dout.flatten()`).
#pragma once

#include <string>
#include <vector>

#include "im2col.hpp"
#include "layer.hpp"

namespace scratchnet {

template <class S>
class Pooling final : public Layer<S> {
 public:
  // g: the input (C, H, W), the window (PH, PW) as filter_h/filter_w, stride, pad.
  explicit Pooling(const ConvGeometry& g) : g_(g) { g_.validate("Pooling"); }

  // x (N, C·H·W) → out (N, C·OH·OW)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    require_shape(x.cols() == g_.input_size(), "Pooling.forward", "x", x, "(N, C·H·W)",
                  Matrix<S>(x.rows(), g_.input_size()));
    n_ = x.rows();
    Matrix<S> out(n_, g_.channels * g_.positions());
    arg_max_.resize(static_cast<std::size_t>(out.size()));
    // Without padding every window lies inside the image: no bounds tests.
    // The book's pool (2×2, stride 2) gets its sizes as constants: the compiler
    // unrolls the window and turns the row into SIMD selects (in wasm 10× the
    // speed of the same loop with a run-time window and stride).
    if (g_.pad == 0 && g_.filter_h == 2 && g_.filter_w == 2 && g_.stride == 2) forward_inside<2>(x, out);
    else if (g_.pad == 0) forward_inside<0>(x, out);
    else forward_padded(x, out);
    return out;
  }

  // dout (N, C·OH·OW) → dx (N, C·H·W)
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("Pooling.backward", dout, n_, g_.channels * g_.positions());
    // out = x[argmax] → ∂L/∂x = dout at the argmax of each window, 0 elsewhere
    // (+=: with stride < window size one pixel can be the max of two windows)
    Matrix<S> dx = Matrix<S>::Zero(n_, g_.input_size());
    for (Index k = 0; k < dout.size(); ++k) {
      const Index where = arg_max_[static_cast<std::size_t>(k)];
      if (where >= 0) dx.data()[where] += dout.data()[k];
    }
    return dx;
  }

  std::string name() const override { return "Pooling"; }
  const ConvGeometry& geometry() const { return g_; }
  Index output_size() const { return g_.channels * g_.positions(); }  // C·OH·OW

 private:
  // Every window inside the image (pad 0). Fixed = 2: a 2×2 window with
  // stride 2 known at compile time; 0: the window and stride of g_. One plane (n, c) at a time, each
  // output row reading FH rows of the plane; the max is kept with selects
  // (v > best ? v : best), not branches, so a sign pattern costs nothing.
  template <int Fixed>
  void forward_inside(const Matrix<S>& x, Matrix<S>& out) {
    const Index H = g_.height, W = g_.width, OH = g_.out_h(), OW = g_.out_w(), s = Fixed ? Fixed : g_.stride;
    const Index FH = Fixed ? Fixed : g_.filter_h, FW = Fixed ? Fixed : g_.filter_w;
    const S* base = x.data();
    S* o = out.data();
    Index* arg = arg_max_.data();
    for (Index plane = 0, planes = n_ * g_.channels; plane < planes; ++plane) {
      const S* img = base + plane * H * W;
      for (Index oh = 0; oh < OH; ++oh) {
        for (Index ow = 0; ow < OW; ++ow) {
          const S* w0 = img + oh * s * W + ow * s;  // the window's top-left pixel
          S best = w0[0];
          Index where = 0;
          for (Index fy = 0; fy < FH; ++fy) {
            for (Index fx = 0; fx < FW; ++fx) {
              const S v = w0[fy * W + fx];
              const bool greater = v > best;  // strict: the first of equal values stays
              best = greater ? v : best;
              where = greater ? fy * W + fx : where;
            }
          }
          *o++ = best;
          *arg++ = (w0 - base) + where;
        }
      }
    }
  }

  // With padding: a window element on the border reads 0 and, when it is the
  // max, records -1 (no pixel gets its gradient).
  void forward_padded(const Matrix<S>& x, Matrix<S>& out) {
    const Index C = g_.channels, H = g_.height, W = g_.width;
    const Index OH = g_.out_h(), OW = g_.out_w();
    Index k = 0;  // output element, in row-major order
    for (Index n = 0; n < n_; ++n) {
      for (Index c = 0; c < C; ++c) {
        const Index plane = n * g_.input_size() + c * H * W;  // index of (n, c, 0, 0) in x
        for (Index oh = 0; oh < OH; ++oh) {
          for (Index ow = 0; ow < OW; ++ow, ++k) {
            const Index y0 = oh * g_.stride - g_.pad, x0 = ow * g_.stride - g_.pad;
            S best = S(0);
            Index where = -1;
            bool first = true;
            for (Index fy = 0; fy < g_.filter_h; ++fy) {
              for (Index fx = 0; fx < g_.filter_w; ++fx) {
                const Index y = y0 + fy, xx = x0 + fx;
                const bool inside = y >= 0 && y < H && xx >= 0 && xx < W;
                const S v = inside ? x.data()[plane + y * W + xx] : S(0);
                if (first || v > best) {  // strict: the first of equal values stays
                  best = v;
                  where = inside ? plane + y * W + xx : -1;
                  first = false;
                }
              }
            }
            out.data()[k] = best;
            arg_max_[static_cast<std::size_t>(k)] = where;
          }
        }
      }
    }
  }

  ConvGeometry g_;
  std::vector<Index> arg_max_;  // per output element: its max's index in x.data(), or -1
  Index n_ = 0;
};

}  // namespace scratchnet
