// infer_profile.cpp — where the time of one inference call goes, in the wasm
// SIMD core (natively it would time Eigen, which says little). Built against
// build/wasm's library (scripts/build.sh wasm) and run in Node:
//   em++ -std=c++20 -O3 -DNDEBUG -Icpp -I/usr/include/eigen3 -msimd128 -fwasm-exceptions \
//     -DSCRATCHNET_NO_ZLIB=1 bench/infer_profile.cpp build/wasm/libscratchnet.a \
//     -o /tmp/infer_profile.js -sALLOW_MEMORY_GROWTH=1 -sNODERAWFS=1 -sENVIRONMENT=node
//   node --no-experimental-fetch /tmp/infer_profile.js --model models/book-ch03.npz
// (Debian's emscripten wants NODE_PATH=/usr/share/nodejs; --no-experimental-fetch
// keeps Node 20's fetch from taking the .wasm path for a URL.)
//
// For the book's ch. 3 network (784-50-100-10, sigmoid, softmax) and a
// 784-100-10 ReLU network, batch 100 and 1, it times the whole
// Network::output() and each of its parts on their own: the input check, each
// layer's fused product (gemm with bias and activation in the store), and the
// softmax. Prints one JSON object: CPU microseconds per call, medians.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "scratchnet.hpp"
#include "kernels/finite.hpp"
#include "kernels/gemm.hpp"

namespace sn = scratchnet;

#if defined(__EMSCRIPTEN__)
#include <emscripten.h>
// The process's CPU time (Node's process.cpuUsage), in µs: on a shared, loaded
// machine the time this process was not running is left out.
EM_JS(double, cpu_micros, (), { const u = process.cpuUsage(); return u.user + u.system; });
#else
#include <ctime>
double cpu_micros() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}
#endif

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

volatile float sink;

// The parts of one network's inference call, each timed on its own: every
// repetition runs `calls` calls of every part, one part after the other, so a
// busy moment of the shared machine hits them all; medians over repetitions.
void profile(const char* name, sn::Network<float>& net, int batch, int reps, bool& first) {
  const int in = net.spec().sizes.front();
  sn::Matrix<float> x = sn::Matrix<float>::Random(batch, in).array().abs();
  std::vector<std::pair<std::string, std::function<void()>>> parts;
  parts.emplace_back("output", [&] { sink = net.output(x)(0, 0); });
  parts.emplace_back("infer", [&] { sink = net.infer(x)(0, 0); });
  parts.emplace_back("finite(x)", [&] { sink = sn::all_finite(x) ? 1.f : 0.f; });
  // Each Affine with the activation after it, as Network::infer runs it.
  const auto& layers = net.layers();
  std::vector<sn::Matrix<float>> h{x}, outs(layers.size());
  h.reserve(layers.size() + 1);  // the parts hold pointers into h
  for (std::size_t i = 0; i < layers.size(); ++i) {
    auto* affine = dynamic_cast<sn::Affine<float>*>(layers[i].get());
    if (!affine) continue;
    const auto* after = i + 1 < layers.size() ? layers[i + 1].get() : nullptr;
    sn::kernels::Activation act = sn::kernels::Activation::None;
    if (dynamic_cast<const sn::Relu<float>*>(after)) act = sn::kernels::Activation::Relu;
    if (dynamic_cast<const sn::Sigmoid<float>*>(after)) act = sn::kernels::Activation::Sigmoid;
    const sn::Matrix<float>* W = affine->params()[0].value;
    const sn::Matrix<float>* in_h = &h.back();
    sn::Matrix<float>* out = &outs[i];
    parts.emplace_back("layer" + std::to_string(h.size()) + " " + std::to_string(batch) + "x" + std::to_string(W->cols()) +
                           "x" + std::to_string(W->rows()),
                       [=] { affine->infer(*in_h, act, *out); sink = (*out)(0, 0); });
    affine->infer(*in_h, act, *out);
    h.push_back(*out);
  }
  const sn::Matrix<float> scores = h.back();
  parts.emplace_back("softmax", [&, scores] { sink = net.last_layer().output(scores)(0, 0); });

  const int calls = std::max(1, 20000 / batch);
  std::vector<std::vector<double>> t(parts.size());
  for (int r = -1; r < reps; ++r) {  // r = -1: warm-up
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const double t0 = cpu_micros();
      for (int i = 0; i < calls; ++i) parts[p].second();
      if (r >= 0) t[p].push_back((cpu_micros() - t0) / calls);
    }
  }
  std::printf("%s  \"%s/%d\": {", first ? "" : ",\n", name, batch);
  first = false;
  for (std::size_t p = 0; p < parts.size(); ++p)
    std::printf("%s\"%s\": %.2f", p ? ", " : "", parts[p].first.c_str(), median(t[p]));
  std::printf("}");
}

}  // namespace

int main(int argc, char** argv) {
  std::string model = "models/book-ch03.npz";
  int reps = 9;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--model") model = argv[i + 1];
    if (a == "--reps") reps = std::stoi(argv[i + 1]);
  }
  sn::NetSpec book;
  book.hidden = "sigmoid";
  sn::Network<float> ch3 = sn::load_network_npz_file(model, book);
  sn::NetSpec relu;
  relu.sizes = {784, 100, 10};
  sn::Network<float> mlp(relu, 1);
  bool first = true;
  std::printf("{\"backend\": \"%s\",\n", sn::kernels::gemm_backend());
  for (int batch : {100, 1}) profile("784-50-100-10 sigmoid", ch3, batch, reps, first);
  for (int batch : {100, 1}) profile("784-100-10 relu", mlp, batch, reps, first);
  std::printf("\n}\n");
}
