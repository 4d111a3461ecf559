// perceptron.hpp — the single perceptron, logic gates, XOR with two layers,
// and three historical learning rules (perceptron rule, delta rule, Hebb).
// 밑바닥부터 시작하는 딥러닝 1권 2장 (2.1 퍼셉트론, 2.3 논리 회로, 2.4 한계, 2.5 다층 퍼셉트론).
//
// A perceptron with two inputs:  y = step(w1·x1 + w2·x2 + b),  step(a) = 1 iff a > 0.
// The book first writes the threshold θ (y = 1 iff w1·x1 + w2·x2 > θ) and then
// moves it to the left side as the bias b = −θ (2.3.1). One straight line
// w1·x1 + w2·x2 + b = 0 splits the plane in two, so AND, NAND and OR work but
// XOR does not (2.4) — two layers do (2.5).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace scratchnet {

struct Perceptron {
  double w1 = 0.0, w2 = 0.0, b = 0.0;

  // a = w1·x1 + w2·x2 + b (the "net input" or "weighted sum").
  double net(double x1, double x2) const;
  // y = step(a): 1 iff a > 0, so a = 0 gives 0 (the book's `if tmp <= 0: return 0`).
  int fire(double x1, double x2) const;
  // θ view: y = 1 iff w1·x1 + w2·x2 > θ, with θ = −b.
  double theta() const { return -b; }
};

// Perceptron from the book's first form (w1, w2, θ), e.g. AND = (0.5, 0.5, 0.7).
Perceptron perceptron_from_theta(double w1, double w2, double theta);

enum class Gate { And, Nand, Or, Xor };

// "and", "nand", "or", "xor" -> Gate; anything else throws Error("gate.unknown").
Gate gate_from_name(std::string_view name);
std::string gate_name(Gate gate);

// The gate's truth table value for x1, x2 ∈ {0, 1} (else Error("gate.bad_input")).
int gate_truth(Gate gate, int x1, int x2);

// The book's weights (2.3.2, bias form). Any of infinitely many lines works.
inline constexpr Perceptron kAndPreset{0.5, 0.5, -0.7};
inline constexpr Perceptron kNandPreset{-0.5, -0.5, 0.7};  // AND with every sign flipped
inline constexpr Perceptron kOrPreset{0.5, 0.5, -0.2};
inline constexpr Perceptron kOrPresetAlt{1.0, 1.0, -0.5};  // the lecture slides' OR: also correct

// The preset for And/Nand/Or. Xor throws Error("gate.xor_no_preset"): no single
// line separates {(1,0),(0,1)} from {(0,0),(1,1)}, so no (w1, w2, b) exists.
Perceptron gate_preset(Gate gate);

struct TruthRow {
  int x1, x2;
  double net;    // w1·x1 + w2·x2 + b
  int y;         // step(net)
  int target;    // gate_truth(gate, x1, x2)
  bool correct;  // y == target
};

// The four rows in the book's order (0,0), (1,0), (0,1), (1,1).
// Errors: input.not_finite (a weight or the bias is NaN or infinite).
std::vector<TruthRow> truth_table(const Perceptron& p, Gate gate);

struct XorRow {
  int x1, x2, s1, s2, y;
};

// XOR as a 2-layer perceptron (book 2.5.2, figure 2-13):
// s1 = NAND(x1, x2), s2 = OR(x1, x2), y = AND(s1, s2). Rows in the book's order.
std::vector<XorRow> xor_two_layer(const Perceptron& nand_p = kNandPreset,
                                  const Perceptron& or_p = kOrPreset,
                                  const Perceptron& and_p = kAndPreset);

// ---------------------------------------------------------------------------
// Learning the weights from examples instead of choosing them by hand.

// One training example with two inputs and a target d.
struct GateSample {
  double x1, x2;
  int target;
};

// Binary: inputs and targets in {0, 1} (the book). Bipolar: 0 → −1, so {−1, +1}.
enum class Encoding { Binary, Bipolar };

// The four rows of a gate in the book's order, in the chosen encoding.
std::vector<GateSample> gate_samples(Gate gate, Encoding encoding = Encoding::Binary);

// What one step() did: which sample, the weights AFTER the update, the output y
// computed BEFORE the update (the one the rule reacted to) and the error used.
struct PerceptronStep {
  int epoch;   // 1-based epoch the step belongs to
  int sample;  // 0-based index into samples()
  double w1, w2, b;
  int y;
  int target;
  double error;
};

// Common machinery: visit samples in order, one update per step(), an epoch is
// one pass over all samples. Subclasses define the update and the epoch error.
class GateTrainer {
 public:
  virtual ~GateTrainer() = default;

  // One update on the next sample. Throws Error("trainer.finished") once finished().
  PerceptronStep step();
  // The remaining steps of the current epoch (a whole epoch from an epoch boundary).
  std::vector<PerceptronStep> run_epoch();
  // Epochs until finished(); returns the number of completed epochs.
  int run();
  // Back to the initial weights, epoch 0, empty history.
  void reset();

  const Perceptron& weights() const { return w_; }
  const std::vector<GateSample>& samples() const { return samples_; }
  const std::vector<double>& epoch_errors() const { return history_; }  // one value per epoch
  int epochs() const { return epoch_; }                                  // completed epochs
  int next_sample() const { return cursor_; }
  bool converged() const { return converged_; }
  bool finished() const { return finished_; }

  // The trained unit's output for an input, in the trainer's encoding.
  virtual int predict(double x1, double x2) const = 0;
  // Fraction of samples() that predict() gets right with the current weights.
  double accuracy() const;
  // Epochs between two epoch ends with the same weights (never converges), 0 if
  // none was seen. Only the perceptron rule watches for this.
  virtual int cycle_length() const { return 0; }

 protected:
  GateTrainer(std::vector<GateSample> samples, const Perceptron& init, int max_epochs);
  // Updates w_ for sample s; fills y and error; adds to epoch_sum_.
  virtual PerceptronStep update(const GateSample& s) = 0;
  // Called after the last sample of an epoch: returns the epoch error and
  // decides convergence (which stops training).
  virtual double end_epoch(bool& converged) = 0;
  // Per-subclass extra state to clear in reset().
  virtual void reset_extra() {}

  Perceptron w_;
  double epoch_sum_ = 0.0;

 private:
  std::vector<GateSample> samples_;
  Perceptron init_;
  int max_epochs_;
  int epoch_ = 0;
  int cursor_ = 0;
  bool converged_ = false;
  bool finished_ = false;
  std::vector<double> history_;
};

// Rosenblatt's perceptron rule (lecture notes "단층 퍼셉트론의 학습"):
//   y = step(w·x + b),  w_i ← w_i + η(d − y)x_i,  b ← b + η(d − y)  (b is w0 with x0 = 1).
// It only moves on mistakes (d − y ≠ 0). Epoch error = (1/s)Σ|d_j − y_j| over the
// outputs seen during the pass; training stops when it is <= error_threshold
// (converged) or after max_epochs. The convergence theorem guarantees a finite
// number of mistakes iff the data are linearly separable — so never for XOR.
struct PerceptronRuleOptions {
  double learning_rate = 1.0;
  int max_epochs = 100;
  double error_threshold = 0.0;
  Perceptron init{};  // all zeros
};

class PerceptronRuleTrainer : public GateTrainer {
 public:
  // Targets must be 0 or 1.
  explicit PerceptronRuleTrainer(std::vector<GateSample> samples, const PerceptronRuleOptions& options = {});
  int predict(double x1, double x2) const override { return w_.fire(x1, x2); }

  // The weights at an epoch boundary came back to earlier epoch-boundary weights.
  // The visit order is fixed, so the same epochs repeat forever: proof that
  // training will never converge (what happens on XOR).
  bool cycling() const { return cycle_length_ > 0; }
  int cycle_length() const override { return cycle_length_; }  // in epochs, 0 if no cycle seen

 private:
  PerceptronStep update(const GateSample& s) override;
  double end_epoch(bool& converged) override;
  void reset_extra() override;

  PerceptronRuleOptions opt_;
  int epochs_seen_ = 0;
  int cycle_length_ = 0;
  std::map<std::tuple<double, double, double>, int> boundary_weights_;  // weights → epoch
};

// Delta rule / Widrow–Hoff / Adaline (1960): gradient descent on the squared
// error of the LINEAR output net = w·x + b, not of step(net):
//   E = ½(d − net)²,  ∂E/∂w_i = −(d − net)x_i  ⇒  w_i ← w_i + η(d − net)x_i,  b ← b + η(d − net).
// Unlike the perceptron rule it also learns from correct answers (net = 0.8 for
// d = 1 is still pulled toward 1) and settles near the least-squares line (on it
// as η → 0), even on XOR. Targets are 0/1 and the CLASSIFIER thresholds the linear output halfway
// between them: y = 1 iff net > 0.5, i.e. step(net − 0.5) — see classifier().
// Epoch error = MSE (1/s)Σ(d_j − net_j)² over the pass; converged when it changes
// by <= tolerance between two epochs (the descent has settled).
struct DeltaRuleOptions {
  double learning_rate = 0.1;
  int max_epochs = 1000;
  double tolerance = 1e-9;
  Perceptron init{};
};

class DeltaRuleTrainer : public GateTrainer {
 public:
  // Targets must be 0 or 1.
  explicit DeltaRuleTrainer(std::vector<GateSample> samples, const DeltaRuleOptions& options = {});
  int predict(double x1, double x2) const override { return classifier().fire(x1, x2); }
  // The decision rule as a plain perceptron: same w, bias b − 0.5.
  Perceptron classifier() const { return {w_.w1, w_.w2, w_.b - 0.5}; }

 private:
  PerceptronStep update(const GateSample& s) override;
  double end_epoch(bool& converged) override;

  DeltaRuleOptions opt_;
};

// Hebb's rule (1949), supervised form: W_new = W_old + α·a_i·b_j with a_i the
// input and b_j the TARGET: w_i ← w_i + α·x_i·d,  b ← b + α·d.
// "Fire together, wire together": it strengthens w_i when x_i and d agree in
// sign and weakens it when they disagree — on EVERY sample, right or wrong.
// It needs the BIPOLAR encoding (inputs and targets −1/+1): with 0/1 a target
// d = 0 or an input x_i = 0 makes the product 0, so "off" is never learned and
// AND cannot be learned. Output: +1 iff net > 0 else −1. Classic Hebb is one pass
// over the data (max_epochs = 1). Epoch error = fraction misclassified by the
// weights at the END of the epoch (Hebb does not use the error to update, so we
// simply ask whether the weights it built now work); 0 means converged.
struct HebbOptions {
  double learning_rate = 1.0;
  int max_epochs = 1;
  Perceptron init{};
};

class HebbTrainer : public GateTrainer {
 public:
  // Targets must be −1 or +1.
  explicit HebbTrainer(std::vector<GateSample> samples, const HebbOptions& options = {});
  int predict(double x1, double x2) const override { return w_.net(x1, x2) > 0.0 ? 1 : -1; }

 private:
  PerceptronStep update(const GateSample& s) override;
  double end_epoch(bool& converged) override;

  HebbOptions opt_;
};

// The limits a learner may choose for a learning rule (the playground's panel).
inline constexpr double kMaxRuleLearningRate = 100.0;
inline constexpr int kMaxRuleEpochs = 100000;

// A trainer by the rule's name, on a gate's samples from zero weights:
// "perceptron" (0/1 inputs, error_threshold), "delta" (0/1) or "hebb" (±1 inputs
// and targets). Like make_optimizer: one place that knows the names.
//   "perceptron.unknown_rule"  another name
//   "perceptron.bad_lr"        lr not in (0, 100]
//   "perceptron.bad_epochs"    max_epochs not in [1, 100000]
std::unique_ptr<GateTrainer> make_gate_trainer(std::string_view rule, Gate gate, double lr, int max_epochs,
                                               double error_threshold = 0.0);

}  // namespace scratchnet
