// step_profile.cpp — where the time of one training step goes (issue #14's threads bar).
//
// Built by scripts/profile-step.mjs, for the threads wasm build under Node
// (the same pthreads pool as in the browser: Atomics.wait/notify, SIMD) and
// natively. It runs Trainer<float>::step() on random data and, for the same
// network, every piece of a step on its own, each timed and reported as the
// median over many steps:
//   gather        the minibatch copy (rows by a shuffled index) + one-hot
//   <Layer> fwd   each layer's forward (Affine: product + bias; Relu: the pass)
//   loss fwd/bwd  SoftmaxWithLoss
//   <Layer> bwd   each layer's backward (Affine: dW, db, dx)
//   guard         the divergence guard: all_finite(grads), the weight backup,
//                 all_finite(weights) after the update
//   update        the optimizer's update of every parameter
// It interleaves 1 and 2 threads (set_thread_count) block by block (4 whole
// steps, then the pieces of one more), and counts the pool's jobs (fork/joins)
// per step. The pieces are timed one by one, so with 2 threads each starts
// with workers that may have gone to sleep: their sum is an upper bound.
// Prints one line per piece and the ratio of whole steps; JSON with --json.
#include <algorithm>
#include <atomic>
#include <thread>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kernels/finite.hpp"
#include "optim/param_ranges.hpp"
#include "kernels/parallel_for.hpp"
#include "kernels/thread_pool.hpp"
#include "kernels/threads.hpp"
#include "scratchnet.hpp"

namespace sn = scratchnet;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

struct Case {
  std::vector<int> sizes;
  int batch;
  std::string optimizer;
};

sn::Dataset random_data(int rows, int features, int classes) {
  sn::Dataset d;
  d.x = (sn::Matrix<float>::Random(rows, features).array() * 0.5f + 0.5f).matrix();
  d.labels.resize(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) d.labels[static_cast<std::size_t>(i)] = (i * 7) % classes;
  d.classes = classes;
  return d;
}

// Pieces of a step, timed separately, for `threads` threads.
struct Profile {
  std::map<std::string, std::vector<double>> us;  // piece → µs per step
  std::vector<std::string> order;
  std::vector<double> step_us;
  std::vector<double> jobs;
  void add(const std::string& name, double v) {
    if (!us.count(name)) order.push_back(name);
    us[name].push_back(v);
  }
};

template <class Fn>
double time_us(Fn&& fn) {
  const auto t0 = Clock::now();
  fn();
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

void run_case(const Case& c, int steps, int max_threads, bool json) {
  const int in = c.sizes.front(), classes = c.sizes.back();
  const sn::Dataset data = random_data(40000, in, classes);  // no epoch end (evaluation) while timing
  sn::NetSpec spec;
  spec.sizes = c.sizes;
  std::vector<int> thread_counts = {1};
  if (max_threads > 1) thread_counts.push_back(max_threads);
  std::map<int, Profile> prof;

  // One network + trainer per thread count, stepped alternately (interleaved).
  struct Run {
    std::unique_ptr<sn::Network<float>> net;
    std::unique_ptr<sn::Optimizer<float>> opt;
    std::unique_ptr<sn::Trainer<float>> tr;
  };
  std::map<int, Run> runs;
  for (int t : thread_counts) {
    Run r;
    r.net = std::make_unique<sn::Network<float>>(spec, 1);
    r.opt = sn::make_optimizer<float>(c.optimizer, c.optimizer == "adam" ? 0.001 : 0.1);
    sn::TrainerConfig cfg;
    cfg.batch_size = c.batch;
    cfg.seed = 1;
    r.tr = std::make_unique<sn::Trainer<float>>(*r.net, *r.opt, data, nullptr, cfg);
    runs[t] = std::move(r);
  }
  std::vector<std::size_t> order(static_cast<std::size_t>(data.size()));
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = (i * 2654435761u) % order.size();
  sn::Matrix<float> bx(c.batch, in), bt(c.batch, classes);

  for (int s = 0; s < steps + 5; ++s) {
    for (int t : thread_counts) {
      sn::kernels::set_thread_count(t);
      Run& r = runs[t];
      Profile& p = prof[t];
      const bool keep = s >= 5;  // warm-up
      // Whole steps, as the trainer runs them: kBlock in a row, so the
      // workers are as awake as in continuous training (they spin between
      // jobs, and sleep after 2 ms without one).
      constexpr int kBlock = 4;
      const auto jobs0 = sn::kernels::parallel_jobs();
      const double step = time_us([&] {
        for (int b = 0; b < kBlock; ++b) r.tr->step();
      }) / kBlock;
      const auto jobs = (sn::kernels::parallel_jobs() - jobs0) / kBlock;
      if (keep) {
        p.step_us.push_back(step);
        p.jobs.push_back(static_cast<double>(jobs));
      }
      // The same work piece by piece (on the same network: one more step).
      const std::size_t first = static_cast<std::size_t>(s * c.batch) % (order.size() - c.batch);
      // (gather and guard as trainer.cpp does them, split the same way)
      const double g = time_us([&] {
        bt.setZero();
        sn::kernels::parallel_for(c.batch, std::max(1, 8192 / in), [&](sn::Index b, sn::Index e) {
          for (sn::Index i = b; i < e; ++i) {
            const std::size_t src = order[first + static_cast<std::size_t>(i)];
            std::copy_n(data.x.row(static_cast<sn::Index>(src)).data(), in, bx.row(i).data());
            bt(i, data.labels[src]) = 1.0f;
          }
        });
      });
      if (keep) p.add("gather", g);
      auto& layers = r.net->layers();
      sn::Matrix<float> h = bx;
      for (std::size_t l = 0; l < layers.size(); ++l) {
        const double v = time_us([&] { h = layers[l]->forward(h, true); });
        if (keep) p.add(r.net->layer_names()[l] + " fwd", v);
      }
      auto& loss = r.net->last_layer();
      const double lf = time_us([&] { loss.forward(h, bt); });
      sn::Matrix<float> d;
      const double lb = time_us([&] { d = loss.backward(); });
      if (keep) {
        p.add("loss fwd", lf);
        p.add("loss bwd", lb);
      }
      for (std::size_t l = layers.size(); l-- > 0;) {
        const double v = time_us([&] { d = layers[l]->backward(d); });
        if (keep) p.add(r.net->layer_names()[l] + " bwd", v);
      }
      auto params = r.net->params();
      std::vector<sn::Matrix<float>> backup(params.size());
      for (std::size_t i = 0; i < params.size(); ++i) backup[i].resize(params[i].value->rows(), params[i].value->cols());
      const auto finite = [&](bool grads) {
        return sn::parallel_all_params(params, [&](std::size_t i, sn::Index lo, sn::Index hi) {
          const float* p = (grads ? params[i].grad : params[i].value)->data();
          return sn::kernels::all_finite(p + lo, static_cast<std::size_t>(hi - lo));
        });
      };
      const double gd = time_us([&] {
        const bool ok = finite(true);
        sn::parallel_over_params(params, [&](std::size_t i, sn::Index lo, sn::Index hi) {
          std::copy(params[i].value->data() + lo, params[i].value->data() + hi, backup[i].data() + lo);
        });
        if (!ok) std::puts("not finite");
      });
      const double up = time_us([&] { r.opt->update(params); });
      const double gv = time_us([&] {
        if (!finite(false)) std::puts("not finite");
      });
      if (keep) {
        p.add("guard", gd + gv);
        p.add("update", up);
      }
    }
  }

  std::string name;
  for (std::size_t i = 0; i < c.sizes.size(); ++i) name += (i ? "-" : "") + std::to_string(c.sizes[i]);
  name += "/" + std::to_string(c.batch) + " " + c.optimizer;
  const double one = median(prof[1].step_us);
  if (json) {
    std::printf("{\"case\":\"%s\",\"threads\":{", name.c_str());
    bool first_t = true;
    for (auto& [t, p] : prof) {
      std::printf("%s\"%d\":{\"step_us\":%.1f,\"jobs\":%.0f,\"pieces\":{", first_t ? "" : ",", t,
                  median(p.step_us), median(p.jobs));
      first_t = false;
      for (std::size_t i = 0; i < p.order.size(); ++i)
        std::printf("%s\"%s\":%.1f", i ? "," : "", p.order[i].c_str(), median(p.us[p.order[i]]));
      std::printf("}}");
    }
    std::printf("}}\n");
    return;
  }
  std::printf("\n%s: median µs per step (%d steps)\n", name.c_str(), steps);
  std::printf("%-14s", "piece");
  for (auto& [t, p] : prof) std::printf(" %9s", (std::to_string(t) + " thr").c_str());
  std::printf("\n");
  for (const auto& piece : prof[1].order) {
    std::printf("%-14s", piece.c_str());
    for (auto& [t, p] : prof) std::printf(" %9.1f", median(p.us[piece]));
    std::printf("\n");
  }
  std::printf("%-14s", "sum of pieces");
  for (auto& [t, p] : prof) {
    double sum = 0;
    for (const auto& piece : p.order) sum += median(p.us[piece]);
    std::printf(" %9.1f", sum);
  }
  std::printf("\n%-14s", "step()");
  for (auto& [t, p] : prof) std::printf(" %9.1f", median(p.step_us));
  std::printf("\n%-14s", "jobs/step");
  for (auto& [t, p] : prof) std::printf(" %9.0f", median(p.jobs));
  std::printf("\n");
  if (prof.size() > 1)
    std::printf("ratio step() 1 thread / %d threads: %.2fx\n", max_threads, one / median(prof[max_threads].step_us));
}

}  // namespace

int main(int argc, char** argv) {
  int steps = 60, threads = 2, only = -1;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--steps") && i + 1 < argc) steps = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--case") && i + 1 < argc) only = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--json")) json = true;
  }
  // Ask for the pool once so we know whether this build has one.
  const int have = sn::kernels::set_thread_count(threads);
  if (!json) std::printf("threads available: %d (asked %d)\n", have, threads);
  if (have > 1 && !json) {
    // What one fork/join costs when the workers are awake (spinning): empty
    // jobs back to back, and jobs 50 µs apart (a short elementwise gap).
    sn::kernels::ThreadPool* pool = sn::kernels::shared_pool();
    std::vector<double> back_to_back, spaced;
    for (int i = 0; i < 2000; ++i) back_to_back.push_back(time_us([&] { pool->run(4, [](int) {}); }));
    for (int i = 0; i < 200; ++i) {
      const auto until = Clock::now() + std::chrono::microseconds(50);
      while (Clock::now() < until) {
      }
      spaced.push_back(time_us([&] { pool->run(4, [](int) {}); }));
    }
    std::printf("empty job of 4 parts: %.1f µs back to back, %.1f µs after a 50 µs gap (medians)\n",
                median(back_to_back), median(spaced));
    // 4 parts of 25 µs each: 100 µs on one thread, 50 µs when a worker helps.
    std::vector<double> busy;
    std::atomic<int> by_workers{0};
    const auto me = std::this_thread::get_id();
    for (int i = 0; i < 200; ++i)
      busy.push_back(time_us([&] {
        pool->run(4, [&](int) {
          if (std::this_thread::get_id() != me) ++by_workers;
          const auto until = Clock::now() + std::chrono::microseconds(25);
          while (Clock::now() < until) {
          }
        });
      }));
    std::printf("job of 4 × 25 µs: %.1f µs (median); %.0f %% of the parts ran on a worker\n", median(busy),
                100.0 * by_workers.load() / 800.0);
  }
  const std::vector<Case> cases = {
      {{784, 256, 128, 10}, 128, "sgd"},
      {{784, 256, 128, 10}, 128, "adam"},
      {{784, 100, 10}, 100, "sgd"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (only < 0 || only == static_cast<int>(i)) run_case(cases[i], steps, have, json);
  return 0;
}
