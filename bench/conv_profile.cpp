// conv_profile.cpp — where one SimpleConvNet training step spends its time
// (book ch. 7.5: conv 30×5×5 → relu → pool 2 → affine 100 → relu → affine 10,
// batch 100), piece by piece: every layer's forward and backward through the
// network's own layers, and inside the convolution the pieces it is made of.
// Built natively and with em++ (wasm SIMD) by scripts/profile-cnn.sh; prints
// one line per piece: median ms of --reps repetitions after warm-up.
// Not part of any test: a measuring tool (run it with nothing else busy on the machine).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "kernels/gemm.hpp"
#include "layers/convolution.hpp"
#include "layers/im2col.hpp"
#include "net/conv_net.hpp"

namespace sn = scratchnet;
using Clock = std::chrono::steady_clock;
using M = sn::Matrix<float>;

namespace {

int reps = 15;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class Fn>
double ms(Fn&& fn) {
  for (int i = 0; i < 3; ++i) fn();
  std::vector<double> t;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = Clock::now();
    fn();
    t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  return median(t);
}

void row(const char* what, double t, double flops = 0) {
  if (flops > 0) std::printf("%-34s %8.3f ms  %6.1f GFLOP/s\n", what, t, flops / (t * 1e6));
  else std::printf("%-34s %8.3f ms\n", what, t);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) reps = std::atoi(argv[1]);
  const sn::Index N = 100;
  sn::ConvNetSpec spec = sn::simple_conv_net_spec();
  spec.init = "he";
  sn::ConvNet<float> net(spec, 1);
  M x = (M::Random(N, 784).array() + 1.0f) * 0.5f;  // pixels in [0, 1]
  M t = M::Zero(N, 10);
  for (sn::Index i = 0; i < N; ++i) t(i, i % 10) = 1.0f;

  std::printf("SimpleConvNet, batch %d, median of %d\n", int(N), reps);
  // Every layer on its own input, forward then backward, with the inputs and
  // douts of one real step so the numbers (and branches) are realistic.
  auto& layers = net.layers();
  const auto& names = net.layer_names();
  std::vector<M> in(layers.size() + 1), dout(layers.size() + 1);
  in[0] = x;
  for (std::size_t i = 0; i < layers.size(); ++i) in[i + 1] = layers[i]->forward(in[i], true);
  dout[layers.size()] = M::Random(N, 10) * 0.01f;
  for (std::size_t i = layers.size(); i-- > 0;) dout[i] = layers[i]->backward(dout[i + 1]);
  const double conv_flops = 2.0 * N * 24 * 24 * 30 * 25;
  double fwd_total = 0, bwd_total = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    double f = 0;
    if (names[i] == "Convolution1") f = conv_flops;
    if (names[i] == "Affine1") f = 2.0 * N * 4320 * 100;
    const double tf = ms([&] { layers[i]->forward(in[i], true); });
    fwd_total += tf;
    row((names[i] + " forward").c_str(), tf, f);
  }
  for (std::size_t i = layers.size(); i-- > 0;) {
    double f = 0;
    // dW only for the first conv (no dx); dW and dx for Affine1
    if (names[i] == "Convolution1") f = conv_flops;
    if (names[i] == "Affine1") f = 2 * 2.0 * N * 4320 * 100;
    layers[i]->forward(in[i], true);  // restore what backward reads
    const double tb = ms([&] { layers[i]->backward(dout[i + 1]); });
    bwd_total += tb;
    row((names[i] + " backward").c_str(), tb, f);
  }
  row("layers forward (sum)", fwd_total);
  row("layers backward (sum)", bwd_total);
  const double step = ms([&] { net.gradient(x, t); });
  row("whole gradient step", step);
  std::printf("%-34s %8.0f samples/s (forward + backward, no update)\n", "", N * 1000.0 / step);

  // Inside the convolution: the pieces it is made of (layers/convolution.hpp),
  // each over the whole batch, one image at a time as the layer runs them.
  std::printf("-- inside Convolution1 --\n");
  sn::ConvGeometry g;
  g.channels = 1, g.height = 28, g.width = 28, g.filter_h = g.filter_w = 5;
  const sn::Index P = g.positions(), FN = 30, K = g.window_size();
  M W = M::Random(FN, K), b = M::Random(1, FN), col(N * K, P), out(N, FN * P), dW(FN, K), dWn(FN, K),
    dcol(K, P), dx(N, 784);
  const auto each = [&](auto&& fn) { return ms([&] { for (sn::Index n = 0; n < N; ++n) fn(n); }); };
  row("im2col_image", each([&](sn::Index n) { sn::im2col_image(x.data() + n * 784, g, col.data() + n * K * P); }));
  row("gemm W·colT_n (30×25 · 25×576)", each([&](sn::Index n) {
        sn::gemm_block(W.data(), FN, K, sn::Transpose::No, col.data() + n * K * P, K, P, sn::Transpose::No,
                       out.data() + n * FN * P);
      }), conv_flops);
  row("bias", each([&](sn::Index n) {
        float* o = out.data() + n * FN * P;
        for (sn::Index f = 0; f < FN; ++f)
          for (float* v = o + f * P; v != o + (f + 1) * P; ++v) *v += b(0, f);
      }));
  row("db = row sums", each([&](sn::Index n) {
        for (sn::Index f = 0; f < FN; ++f) b(0, f) += sn::row_sum(out.data() + n * FN * P + f * P, P);
      }));
  row("gemm dW += dout_n·colT_nᵀ", each([&](sn::Index n) {
        sn::gemm_block(out.data() + n * FN * P, FN, P, sn::Transpose::No, col.data() + n * K * P, K, P,
                       sn::Transpose::Yes, dWn.data());
        dW += dWn;
      }), conv_flops);
  row("gemm dcolT_n = Wᵀ·dout_n", each([&](sn::Index n) {
        sn::gemm_block(W.data(), FN, K, sn::Transpose::Yes, out.data() + n * FN * P, FN, P, sn::Transpose::No,
                       dcol.data());
      }), conv_flops);
  row("col2im_image", each([&](sn::Index n) { sn::col2im_image(dcol.data(), g, dx.data() + n * 784); }));
  return 0;
}
