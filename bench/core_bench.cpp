// core_bench.cpp — the C++ side of `npm run bench` (scripts/bench.mjs).
//
// One source, built twice natively (SSE2 only, and -march=native) and once
// per wasm flavour. It prints one JSON object on stdout:
//   gemm      GFLOP/s of gemm<float> (cpp/kernels/gemm.hpp) for the products
//             a training step runs — the packed wasm SIMD kernel in a wasm
//             SIMD build, Eigen natively;
//   training  samples/s of Trainer<float>::step() on Fashion-MNIST (native only:
//             the browser rows go through the JavaScript API instead);
//   inference samples/s of Network<float>::output() with the book's weights.
// Every number is the median of --reps timed repetitions after --warmup
// untimed ones, like the browser side; losses are printed so a broken kernel
// cannot post a fast time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "scratchnet.hpp"
#include "kernels/gemm.hpp"

namespace sn = scratchnet;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string data;   // directory with Fashion-MNIST's train-*-idx*-ubyte.gz
  std::string model;  // models/book-ch03.npz
  int steps = 30, reps = 7, warmup = 10;
  bool gemm_only = false;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class Fn>
double median_seconds(const Options& o, Fn&& fn) {
  std::vector<double> t;
  for (int r = 0; r < o.reps; ++r) {
    const auto t0 = Clock::now();
    fn();
    t.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return median(t);
}

// C = op(A)·op(B) for one shape: m × k times k × n, 2·m·n·k flops.
void bench_gemm(const Options& o, const char* name, int m, int n, int k, sn::Transpose ta,
                sn::Transpose tb, bool& first) {
  sn::Matrix<float> a = ta == sn::Transpose::No ? sn::Matrix<float>::Random(m, k)
                                                : sn::Matrix<float>::Random(k, m);
  sn::Matrix<float> b = tb == sn::Transpose::No ? sn::Matrix<float>::Random(k, n)
                                                : sn::Matrix<float>::Random(n, k);
  sn::Matrix<float> c;
  const double flops = 2.0 * m * n * k;
  // ~1 GFLOP per repetition (≥ 10 ms): the browser coarsens performance.now()
  // to 0.1 ms without cross-origin isolation, which must not quantize the result.
  const int calls = std::max(1, static_cast<int>(1e9 / flops));
  for (int i = 0; i < calls; ++i) sn::gemm(a, ta, b, tb, c);   // warm-up
  const double s = median_seconds(o, [&] {
    for (int i = 0; i < calls; ++i) sn::gemm(a, ta, b, tb, c);
  });
  std::printf("%s\n    {\"name\": \"%s\", \"m\": %d, \"n\": %d, \"k\": %d, \"gflops\": %.3f}",
              first ? "" : ",", name, m, n, k, flops * calls / s / 1e9);
  first = false;
}

void bench_training(const Options& o, const sn::Dataset& train, std::vector<int> sizes, int batch,
                    bool& first) {
  sn::NetSpec spec;
  spec.sizes = sizes;
  spec.hidden = "relu";
  spec.init = "he";
  sn::Network<float> net(spec, 1);
  auto opt = sn::make_optimizer<float>("sgd", 0.1);
  sn::TrainerConfig config;
  config.batch_size = batch;
  config.seed = 1;
  sn::Trainer<float> trainer(net, *opt, train, nullptr, config);
  for (int i = 0; i < o.warmup; ++i) trainer.step();
  double loss = 0;
  const double s = median_seconds(o, [&] {
    for (int i = 0; i < o.steps; ++i) loss = trainer.step().loss;
  });
  std::string name;
  for (int v : sizes) name += (name.empty() ? "" : "-") + std::to_string(v);
  std::printf("%s\n    {\"workload\": \"train %s/%d\", \"samplesPerSecond\": %.1f, \"loss\": %.5f}",
              first ? "" : ",", name.c_str(), batch, o.steps * batch / s, loss);
  first = false;
}

// Network::output() on `batch` rows: the book's ch. 3 network (784-50-100-10,
// sigmoid, its weights) or, with relu, a 784-100-10 ReLU network of seed 1.
void bench_inference(const Options& o, const sn::Dataset& data, int batch, bool relu, bool& first) {
  sn::NetSpec spec;  // the book's sizes come from the file (784-50-100-10)
  spec.hidden = relu ? "relu" : "sigmoid";
  if (relu) spec.sizes = {784, 100, 10};
  sn::Network<float> net = relu ? sn::Network<float>(spec, 1)
                                : sn::network_from_arrays(sn::load_npz_file(o.model), spec);
  const sn::Matrix<float> x = data.x.topRows(batch);
  const int calls = std::max(1, 20000 / batch);
  float checksum = 0;
  for (int i = 0; i < calls; ++i) checksum = net.output(x)(0, 0);
  const double s = median_seconds(o, [&] {
    for (int i = 0; i < calls; ++i) checksum = net.output(x)(0, 0);
  });
  std::printf("%s\n    {\"workload\": \"infer %s/%d\", \"samplesPerSecond\": %.1f, \"y00\": %.6f}",
              first ? "" : ",", relu ? "784-100-10" : "784-50-100-10", batch, calls * batch / s, checksum);
  first = false;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--data") o.data = next();
    else if (a == "--model") o.model = next();
    else if (a == "--steps") o.steps = std::stoi(next());
    else if (a == "--reps") o.reps = std::stoi(next());
    else if (a == "--warmup") o.warmup = std::stoi(next());
    else if (a == "--gemm-only") o.gemm_only = true;
  }
  try {
    std::printf("{\n  \"flavor\": \"%s\", \"gemm_backend\": \"%s\",\n  \"gemm\": [", sn::build_flavor().c_str(),
                sn::kernels::gemm_backend());
    bool first = true;
    using T = sn::Transpose;
    // The three products of 784-100-10 at batch 100, and the widest layer of 784-256-128-10.
    bench_gemm(o, "x·W (fwd)", 100, 100, 784, T::No, T::No, first);
    bench_gemm(o, "dout·Wᵀ (dx)", 100, 784, 100, T::No, T::Yes, first);
    bench_gemm(o, "xᵀ·dout (dW)", 784, 100, 100, T::Yes, T::No, first);
    bench_gemm(o, "x·W 784→256", 128, 256, 784, T::No, T::No, first);
    std::printf("\n  ]");
    if (!o.gemm_only) {
      const auto train = sn::make_idx_dataset(sn::read_idx_file(o.data + "/train-images-idx3-ubyte.gz"),
                                              sn::read_idx_file(o.data + "/train-labels-idx1-ubyte.gz"));
      std::printf(",\n  \"rows\": [");
      first = true;
      bench_training(o, train, {784, 100, 10}, 100, first);
      bench_training(o, train, {784, 50, 100, 10}, 100, first);
      bench_training(o, train, {784, 256, 128, 10}, 128, first);
      for (bool relu : {false, true}) {
        bench_inference(o, train, 1, relu, first);
        bench_inference(o, train, 100, relu, first);
      }
      std::printf("\n  ]");
    }
    std::printf("\n}\n");
  } catch (const sn::Error& e) {
    std::fprintf(stderr, "core_bench: %s (%s)\n", e.what(), e.code().c_str());
    return 1;
  }
  return 0;
}
