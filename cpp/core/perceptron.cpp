// perceptron.cpp — gates, truth tables, XOR with two layers, learning rules.
// 밑바닥부터 시작하는 딥러닝 1권 2장.
#include "perceptron.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

#include "activations.hpp"
#include "error.hpp"

namespace scratchnet {

namespace {

constexpr std::array<std::pair<Gate, const char*>, 4> kGateNames{{
    {Gate::And, "and"}, {Gate::Nand, "nand"}, {Gate::Or, "or"}, {Gate::Xor, "xor"}}};

// The book always lists the inputs in this order (2.3.1, 2.5.2).
constexpr std::array<std::pair<int, int>, 4> kBookOrder{{{0, 0}, {1, 0}, {0, 1}, {1, 1}}};

constexpr std::size_t kMaxSamples = 10000;  // "a small 2-input set"
constexpr int kMaxEpochs = 1000000;

bool finite(const Perceptron& p) {
  return std::isfinite(p.w1) && std::isfinite(p.w2) && std::isfinite(p.b);
}

void require_rate(double lr) {
  require(std::isfinite(lr) && lr > 0.0, "trainer.bad_config",
          "learning rate must be finite and > 0, got " + std::to_string(lr));
}

void require_targets(const std::vector<GateSample>& samples, int lo, int hi, const char* why) {
  for (const auto& s : samples) {
    require(s.target == lo || s.target == hi, "trainer.bad_samples",
            "target " + std::to_string(s.target) + " is not " + std::to_string(lo) + " or " +
                std::to_string(hi) + ": " + why);
  }
}

}  // namespace

double Perceptron::net(double x1, double x2) const { return w1 * x1 + w2 * x2 + b; }

int Perceptron::fire(double x1, double x2) const {
  return static_cast<int>(act::step(net(x1, x2)));
}

Perceptron perceptron_from_theta(double w1, double w2, double theta) { return {w1, w2, -theta}; }

Gate gate_from_name(std::string_view name) {
  for (const auto& [g, n] : kGateNames) {
    if (name == n) return g;
  }
  throw Error("gate.unknown", "unknown gate '" + std::string(name) + "'; valid names: and, nand, or, xor");
}

std::string gate_name(Gate gate) {
  for (const auto& [g, n] : kGateNames) {
    if (g == gate) return n;
  }
  throw Error("gate.unknown", "unknown Gate value");
}

int gate_truth(Gate gate, int x1, int x2) {
  require((x1 == 0 || x1 == 1) && (x2 == 0 || x2 == 1), "gate.bad_input",
          "gate inputs must be 0 or 1, got (" + std::to_string(x1) + ", " + std::to_string(x2) + ")");
  switch (gate) {
    case Gate::And: return x1 & x2;
    case Gate::Nand: return 1 - (x1 & x2);
    case Gate::Or: return x1 | x2;
    case Gate::Xor: return x1 ^ x2;
  }
  throw Error("gate.unknown", "unknown Gate value");
}

Perceptron gate_preset(Gate gate) {
  switch (gate) {
    case Gate::And: return kAndPreset;
    case Gate::Nand: return kNandPreset;
    case Gate::Or: return kOrPreset;
    case Gate::Xor: break;
  }
  throw Error("gate.xor_no_preset",
              "XOR is not linearly separable: no single perceptron computes it; use xor_two_layer()");
}

std::vector<TruthRow> truth_table(const Perceptron& p, Gate gate) {
  // NaN weights would "fire" 0 everywhere: refused like any non-finite input.
  require(finite(p), "input.not_finite", "truth_table: w1, w2 and b must be finite numbers");
  std::vector<TruthRow> rows;
  for (const auto& [x1, x2] : kBookOrder) {
    const int y = p.fire(x1, x2);
    const int t = gate_truth(gate, x1, x2);
    rows.push_back({x1, x2, p.net(x1, x2), y, t, y == t});
  }
  return rows;
}

std::vector<XorRow> xor_two_layer(const Perceptron& nand_p, const Perceptron& or_p,
                                  const Perceptron& and_p) {
  std::vector<XorRow> rows;
  for (const auto& [x1, x2] : kBookOrder) {
    const int s1 = nand_p.fire(x1, x2);  // layer 1
    const int s2 = or_p.fire(x1, x2);    // layer 1
    const int y = and_p.fire(s1, s2);    // layer 2 sees only s1, s2
    rows.push_back({x1, x2, s1, s2, y});
  }
  return rows;
}

std::vector<GateSample> gate_samples(Gate gate, Encoding encoding) {
  // Bipolar maps 0 → −1 and 1 → +1: v ↦ 2v − 1.
  const auto enc = [encoding](int v) { return encoding == Encoding::Bipolar ? 2 * v - 1 : v; };
  std::vector<GateSample> samples;
  for (const auto& [x1, x2] : kBookOrder) {
    samples.push_back({double(enc(x1)), double(enc(x2)), enc(gate_truth(gate, x1, x2))});
  }
  return samples;
}

// ---------------------------------------------------------------------------
// GateTrainer

GateTrainer::GateTrainer(std::vector<GateSample> samples, const Perceptron& init, int max_epochs)
    : w_(init), samples_(std::move(samples)), init_(init), max_epochs_(max_epochs) {
  require(!samples_.empty() && samples_.size() <= kMaxSamples, "trainer.bad_samples",
          "need 1.." + std::to_string(kMaxSamples) + " samples, got " + std::to_string(samples_.size()));
  for (const auto& s : samples_) {
    require(std::isfinite(s.x1) && std::isfinite(s.x2), "trainer.bad_samples", "sample inputs must be finite");
  }
  require(finite(init), "trainer.bad_config", "initial weights must be finite");
  require(max_epochs >= 1 && max_epochs <= kMaxEpochs, "trainer.bad_config",
          "max_epochs must be in [1, " + std::to_string(kMaxEpochs) + "], got " + std::to_string(max_epochs));
}

PerceptronStep GateTrainer::step() {
  require(!finished_, "trainer.finished", "training has finished; call reset() to start again");
  const int index = cursor_;
  PerceptronStep s = update(samples_[index]);
  s.epoch = epoch_ + 1;
  s.sample = index;
  s.w1 = w_.w1;
  s.w2 = w_.w2;
  s.b = w_.b;
  if (++cursor_ == static_cast<int>(samples_.size())) {  // the pass is complete
    bool conv = false;
    history_.push_back(end_epoch(conv));
    epoch_sum_ = 0.0;
    cursor_ = 0;
    ++epoch_;
    converged_ = conv;
    finished_ = conv || epoch_ >= max_epochs_;
  }
  return s;
}

std::vector<PerceptronStep> GateTrainer::run_epoch() {
  require(!finished_, "trainer.finished", "training has finished; call reset() to start again");
  std::vector<PerceptronStep> steps;
  do {
    steps.push_back(step());
  } while (cursor_ != 0);
  return steps;
}

int GateTrainer::run() {
  while (!finished_) run_epoch();
  return epoch_;
}

void GateTrainer::reset() {
  w_ = init_;
  epoch_sum_ = 0.0;
  epoch_ = 0;
  cursor_ = 0;
  converged_ = false;
  finished_ = false;
  history_.clear();
  reset_extra();
}

double GateTrainer::accuracy() const {
  int right = 0;
  for (const auto& s : samples_) right += predict(s.x1, s.x2) == s.target;
  return double(right) / double(samples_.size());
}

// ---------------------------------------------------------------------------
// Perceptron rule

PerceptronRuleTrainer::PerceptronRuleTrainer(std::vector<GateSample> samples,
                                             const PerceptronRuleOptions& options)
    : GateTrainer(std::move(samples), options.init, options.max_epochs), opt_(options) {
  require_rate(opt_.learning_rate);
  require(std::isfinite(opt_.error_threshold) && opt_.error_threshold >= 0.0, "trainer.bad_config",
          "error_threshold must be finite and >= 0");
  require_targets(this->samples(), 0, 1, "the perceptron outputs step(net) ∈ {0, 1}");
  reset_extra();
}

PerceptronStep PerceptronRuleTrainer::update(const GateSample& s) {
  const int y = w_.fire(s.x1, s.x2);
  const int e = s.target - y;  // −1, 0 or +1: nothing moves when the answer is right
  const double k = opt_.learning_rate * e;
  w_.w1 += k * s.x1;
  w_.w2 += k * s.x2;
  w_.b += k;  // the bias is w0 with a constant input x0 = 1
  epoch_sum_ += std::abs(e);
  PerceptronStep out{};
  out.y = y;
  out.target = s.target;
  out.error = e;
  return out;
}

double PerceptronRuleTrainer::end_epoch(bool& converged) {
  const double err = epoch_sum_ / double(samples().size());
  converged = err <= opt_.error_threshold;
  ++epochs_seen_;
  // Exact comparison is intended: the same sequence of updates gives the same
  // bits, and with η = 1 and 0/1 inputs the weights are small integers.
  if (!converged && cycle_length_ == 0 && finite(w_)) {  // (NaN keys would break the map)
    const auto key = std::make_tuple(w_.w1, w_.w2, w_.b);
    const auto [it, inserted] = boundary_weights_.try_emplace(key, epochs_seen_);
    if (!inserted) cycle_length_ = epochs_seen_ - it->second;
  }
  return err;
}

void PerceptronRuleTrainer::reset_extra() {
  epochs_seen_ = 0;
  cycle_length_ = 0;
  boundary_weights_.clear();
  boundary_weights_.emplace(std::make_tuple(opt_.init.w1, opt_.init.w2, opt_.init.b), 0);  // epoch 0
}

// ---------------------------------------------------------------------------
// Delta rule (Adaline)

DeltaRuleTrainer::DeltaRuleTrainer(std::vector<GateSample> samples, const DeltaRuleOptions& options)
    : GateTrainer(std::move(samples), options.init, options.max_epochs), opt_(options) {
  require_rate(opt_.learning_rate);
  require(std::isfinite(opt_.tolerance) && opt_.tolerance >= 0.0, "trainer.bad_config",
          "tolerance must be finite and >= 0");
  require_targets(this->samples(), 0, 1, "Adaline here uses 0/1 targets and the threshold 0.5");
}

PerceptronStep DeltaRuleTrainer::update(const GateSample& s) {
  const double a = w_.net(s.x1, s.x2);
  const double e = s.target - a;  // error of the LINEAR output, not of the 0/1 answer
  const double k = opt_.learning_rate * e;
  w_.w1 += k * s.x1;
  w_.w2 += k * s.x2;
  w_.b += k;
  epoch_sum_ += e * e;
  PerceptronStep out{};
  out.y = a > 0.5 ? 1 : 0;  // the class the pre-update weights would give
  out.target = s.target;
  out.error = e;
  return out;
}

double DeltaRuleTrainer::end_epoch(bool& converged) {
  const double mse = epoch_sum_ / double(samples().size());
  const auto& h = epoch_errors();  // previous epochs only (this one is pushed after)
  converged = !h.empty() && std::abs(h.back() - mse) <= opt_.tolerance;
  return mse;
}

// ---------------------------------------------------------------------------
// Hebb

HebbTrainer::HebbTrainer(std::vector<GateSample> samples, const HebbOptions& options)
    : GateTrainer(std::move(samples), options.init, options.max_epochs), opt_(options) {
  require_rate(opt_.learning_rate);
  require_targets(this->samples(), -1, 1,
                  "Hebb needs bipolar targets; with 0/1 a target 0 would never change a weight");
}

PerceptronStep HebbTrainer::update(const GateSample& s) {
  const int y = predict(s.x1, s.x2);
  const double k = opt_.learning_rate * s.target;  // α·b_j with b_j = the target
  w_.w1 += k * s.x1;                               // + α·a_i·b_j
  w_.w2 += k * s.x2;
  w_.b += k;  // bias: input a_0 = 1
  PerceptronStep out{};
  out.y = y;
  out.target = s.target;
  out.error = s.target - y;  // shown only; Hebb's update ignores it
  return out;
}

double HebbTrainer::end_epoch(bool& converged) {
  int wrong = 0;  // misclassified by the weights just built
  for (const auto& s : samples()) wrong += predict(s.x1, s.x2) != s.target;
  converged = wrong == 0;
  return double(wrong) / double(samples().size());
}

// ---------------------------------------------------------------------------
// make_gate_trainer

std::unique_ptr<GateTrainer> make_gate_trainer(std::string_view rule, Gate gate, double lr, int max_epochs,
                                               double error_threshold) {
  require(std::isfinite(lr) && lr > 0 && lr <= kMaxRuleLearningRate, "perceptron.bad_lr",
          "learning rate must be in (0, 100], got " + std::to_string(lr));
  require(max_epochs >= 1 && max_epochs <= kMaxRuleEpochs, "perceptron.bad_epochs",
          "max epochs must be in [1, 100000], got " + std::to_string(max_epochs));
  if (rule == "perceptron") {
    PerceptronRuleOptions o;
    o.learning_rate = lr;
    o.max_epochs = max_epochs;
    o.error_threshold = error_threshold;
    return std::make_unique<PerceptronRuleTrainer>(gate_samples(gate), o);
  }
  if (rule == "delta") {
    DeltaRuleOptions o;
    o.learning_rate = lr;
    o.max_epochs = max_epochs;
    return std::make_unique<DeltaRuleTrainer>(gate_samples(gate), o);
  }
  if (rule == "hebb") {
    HebbOptions o;
    o.learning_rate = lr;
    o.max_epochs = max_epochs;
    return std::make_unique<HebbTrainer>(gate_samples(gate, Encoding::Bipolar), o);
  }
  throw Error("perceptron.unknown_rule", "unknown learning rule '" + std::string(rule) + "' (perceptron, delta, hebb)");
}

}  // namespace scratchnet
