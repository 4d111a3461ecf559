// Shared by the im2col, convolution and pooling tests: a ConvGeometry in one call.
#pragma once

#include "layers/im2col.hpp"

namespace scratchnet::test {

// Input (C, H, W), window (FH, FW), stride, pad.
inline ConvGeometry conv_geometry(Index C, Index H, Index W, Index FH, Index FW, Index stride, Index pad) {
  ConvGeometry g;
  g.channels = C, g.height = H, g.width = W;
  g.filter_h = FH, g.filter_w = FW, g.stride = stride, g.pad = pad;
  return g;
}

// The same with a square size × size window (the book's filters and pools).
inline ConvGeometry square_window(Index C, Index H, Index W, Index size, Index stride, Index pad = 0) {
  return conv_geometry(C, H, W, size, size, stride, pad);
}

}  // namespace scratchnet::test
