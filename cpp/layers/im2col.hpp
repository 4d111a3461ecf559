// im2col.hpp — turn a convolution into one matrix product (and back).
//
// 밑바닥부터 시작하는 딥러닝 1권 7.4.3 "im2col로 데이터 전개하기",
// common/util.py im2col / col2im.
//
// A filter (C, FH, FW) slides over an image (C, H, W). Every place it stops
// sees one window of C·FH·FW numbers; im2col copies each window into one row
// of a matrix `col`. The whole convolution is then col · Wᵀ: one big product
// that the GEMM kernel runs fast, instead of six nested loops.
//
// Data layout (one row per sample, like the rest of scratchnet):
//   x    (N, C·H·W)            row n = image n as (C, H, W), C-major — what
//                              NumPy's x.reshape(N, C, H, W) means
//   col  (N·OH·OW, C·FH·FW)    row (n, oh, ow) = the window at output (oh, ow)
//                              of image n, in (c, fy, fx) order — the book's
//                              col.reshape(N*out_h*out_w, -1)
// with OH = (H + 2·pad − FH) / stride + 1 (rounded down; OW likewise).
//
// Padding: the image is surrounded by `pad` rows/columns of zeros. They are
// never stored; a window element that falls on the border just reads 0.
//
// col2im is the adjoint (transpose) of im2col, not its inverse: windows
// overlap, so one pixel appears in several rows of col, and col2im *adds*
// all of their values back onto that pixel. That is exactly what backward
// needs: a pixel used k times receives the sum of its k gradients.
//
// The Convolution layer uses the same windows laid out the other way round,
// one image at a time (im2col_image / col2im_image below): one *column* per
// window, colT (C·FH·FW, OH·OW) = image n's block of col, transposed. Then
// the product W·colT is already the feature map (FN, OH·OW) of image n, and
// each row of colT is one filter tap (c, fy, fx) seen at every position: for
// stride 1 a run of OW consecutive pixels, so both directions copy or add
// whole row segments instead of one pixel at a time.
#pragma once

#include <algorithm>
#include <string>

#include "layer.hpp"

namespace scratchnet {

// The shapes of one convolution (or pooling) over one image.
struct ConvGeometry {
  Index channels = 1, height = 1, width = 1;  // input (C, H, W)
  Index filter_h = 1, filter_w = 1;           // window (FH, FW)
  Index stride = 1, pad = 0;

  Index out_h() const { return (height + 2 * pad - filter_h) / stride + 1; }
  Index out_w() const { return (width + 2 * pad - filter_w) / stride + 1; }
  Index input_size() const { return channels * height * width; }  // C·H·W, one row of x
  Index window_size() const { return channels * filter_h * filter_w; }  // C·FH·FW, one row of col
  Index positions() const { return out_h() * out_w(); }             // OH·OW windows per image

  // Throws "conv.bad_geometry" naming `where` unless every size is positive,
  // pad ≥ 0, and the (padded) image is at least as large as the window.
  void validate(const char* where) const {
    const bool ok = channels > 0 && height > 0 && width > 0 && filter_h > 0 && filter_w > 0 &&
                    stride > 0 && pad >= 0 && height + 2 * pad >= filter_h &&
                    width + 2 * pad >= filter_w && channels <= 65536 && height <= 65536 &&
                    width <= 65536 && filter_h <= 1024 && filter_w <= 1024 && pad <= 1024;
    if (!ok) {
      throw Error("conv.bad_geometry",
                  std::string(where) + ": input (" + std::to_string(channels) + ", " +
                      std::to_string(height) + ", " + std::to_string(width) + "), window " +
                      std::to_string(filter_h) + "×" + std::to_string(filter_w) + ", stride " +
                      std::to_string(stride) + ", pad " + std::to_string(pad) +
                      " do not fit (sizes must be positive, the window no larger than the padded input)");
    }
  }
};

// x (N, C·H·W) → col (N·OH·OW, C·FH·FW). col is resized (no allocation when
// it already has that shape, so a layer can reuse it batch after batch).
template <class S>
void im2col(const Matrix<S>& x, const ConvGeometry& g, Matrix<S>& col) {
  const Index N = x.rows(), C = g.channels, H = g.height, W = g.width;
  const Index OH = g.out_h(), OW = g.out_w(), FH = g.filter_h, FW = g.filter_w;
  col.resize(N * OH * OW, g.window_size());
  S* out = col.data();  // written strictly in order: row by row, (c, fy, fx) within a row
  for (Index n = 0; n < N; ++n) {
    const S* img = x.data() + n * g.input_size();
    for (Index oh = 0; oh < OH; ++oh) {
      for (Index ow = 0; ow < OW; ++ow) {
        // top-left corner of the window, in unpadded coordinates (may be < 0)
        const Index y0 = oh * g.stride - g.pad, x0 = ow * g.stride - g.pad;
        for (Index c = 0; c < C; ++c) {
          const S* plane = img + c * H * W;
          for (Index fy = 0; fy < FH; ++fy) {
            const Index y = y0 + fy;
            const bool row_inside = y >= 0 && y < H;
            for (Index fx = 0; fx < FW; ++fx) {
              const Index xx = x0 + fx;
              *out++ = row_inside && xx >= 0 && xx < W ? plane[y * W + xx] : S(0);
            }
          }
        }
      }
    }
  }
}

// col (N·OH·OW, C·FH·FW) → x (N, C·H·W): the adjoint of im2col. Every col
// element is added to the pixel it was copied from; padding positions are
// dropped (they were constants, not pixels).
template <class S>
Matrix<S> col2im(const Matrix<S>& col, const ConvGeometry& g, Index N) {
  const Index C = g.channels, H = g.height, W = g.width;
  const Index OH = g.out_h(), OW = g.out_w(), FH = g.filter_h, FW = g.filter_w;
  require_dout_shape("col2im", col, N * OH * OW, g.window_size());
  Matrix<S> x = Matrix<S>::Zero(N, g.input_size());
  const S* in = col.data();
  for (Index n = 0; n < N; ++n) {
    S* img = x.data() + n * g.input_size();
    for (Index oh = 0; oh < OH; ++oh) {
      for (Index ow = 0; ow < OW; ++ow) {
        const Index y0 = oh * g.stride - g.pad, x0 = ow * g.stride - g.pad;
        for (Index c = 0; c < C; ++c) {
          S* plane = img + c * H * W;
          for (Index fy = 0; fy < FH; ++fy) {
            const Index y = y0 + fy;
            const bool row_inside = y >= 0 && y < H;
            for (Index fx = 0; fx < FW; ++fx, ++in) {
              const Index xx = x0 + fx;
              if (row_inside && xx >= 0 && xx < W) plane[y * W + xx] += *in;
            }
          }
        }
      }
    }
  }
  return x;
}

// The positions ow whose window tap fx lands inside the image (not on the
// padding): xx = ow·stride − pad + fx ∈ [0, W)  ⇔  ow ∈ [lo, hi). Same for rows.
struct TapRange {
  Index lo, hi;
};
inline TapRange tap_range(Index f, Index size, Index out, const ConvGeometry& g) {
  const Index first = g.pad - f;  // ow·stride ≥ pad − f
  const Index lo = first <= 0 ? 0 : (first + g.stride - 1) / g.stride;
  const Index last = size - 1 + g.pad - f;  // ow·stride ≤ W − 1 + pad − f
  const Index hi = last < 0 ? 0 : std::min(out, last / g.stride + 1);
  return {std::min(lo, hi), hi};
}

// One image (C·H·W floats at img) → colT (C·FH·FW, OH·OW) at colT: element
// (k, p) of colT = element (p, k) of im2col's block for that image, with k =
// (c, fy, fx) and p = (oh, ow). Row k is written as OH segments of OW values:
// zeros where the tap falls on the padding, pixels (contiguous when stride
// is 1) in between.
template <class S>
void im2col_image(const S* img, const ConvGeometry& g, S* colT) {
  const Index H = g.height, W = g.width, OH = g.out_h(), OW = g.out_w();
  for (Index c = 0; c < g.channels; ++c) {
    const S* plane = img + c * H * W;
    for (Index fy = 0; fy < g.filter_h; ++fy) {
      const TapRange rows = tap_range(fy, H, OH, g);
      for (Index fx = 0; fx < g.filter_w; ++fx) {
        const TapRange cols = tap_range(fx, W, OW, g);
        for (Index oh = 0; oh < OH; ++oh, colT += OW) {
          if (oh < rows.lo || oh >= rows.hi) {
            std::fill(colT, colT + OW, S(0));
            continue;
          }
          std::fill(colT, colT + cols.lo, S(0));
          if (cols.lo < cols.hi) {
            // the pixel under position (oh, cols.lo)
            const S* src = plane + (oh * g.stride - g.pad + fy) * W + cols.lo * g.stride - g.pad + fx;
            S* dst = colT + cols.lo;
            const Index n = cols.hi - cols.lo;
            if (g.stride == 1) std::copy(src, src + n, dst);
            else for (Index i = 0; i < n; ++i) dst[i] = src[i * g.stride];
          }
          std::fill(colT + cols.hi, colT + OW, S(0));
        }
      }
    }
  }
}

// The adjoint of im2col_image: colT (C·FH·FW, OH·OW) is *added* onto one image
// (C·H·W floats at img, which the caller has zeroed or wants to add to), each
// value onto the pixel it was copied from; values on the padding are dropped.
template <class S>
void col2im_image(const S* colT, const ConvGeometry& g, S* img) {
  const Index H = g.height, W = g.width, OH = g.out_h(), OW = g.out_w();
  for (Index c = 0; c < g.channels; ++c) {
    S* plane = img + c * H * W;
    for (Index fy = 0; fy < g.filter_h; ++fy) {
      const TapRange rows = tap_range(fy, H, OH, g);
      for (Index fx = 0; fx < g.filter_w; ++fx) {
        const TapRange cols = tap_range(fx, W, OW, g);
        const Index n = cols.hi - cols.lo;
        for (Index oh = rows.lo; oh < rows.hi && n > 0; ++oh) {
          S* dst = plane + (oh * g.stride - g.pad + fy) * W + cols.lo * g.stride - g.pad + fx;
          const S* src = colT + oh * OW + cols.lo;
          if (g.stride == 1) for (Index i = 0; i < n; ++i) dst[i] += src[i];
          else for (Index i = 0; i < n; ++i) dst[i * g.stride] += src[i];
        }
        colT += OH * OW;
      }
    }
  }
}

}  // namespace scratchnet
