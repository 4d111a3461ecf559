// Tests for cpp/core/perceptron.hpp — 밑바닥부터 시작하는 딥러닝 1권 2장 and the lecture notes
// (seed 003: gates, XOR table, the perceptron learning rule; seed 002: Hebb, delta rule).
#include "core/perceptron.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"

using namespace scratchnet;

namespace {

template <class F>
void expect_error_code(F&& f, const std::string& code) {
  try {
    f();
    ADD_FAILURE() << "expected scratchnet::Error " << code;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
  }
}

std::vector<int> column_y(const std::vector<TruthRow>& rows) {
  std::vector<int> v;
  for (const auto& r : rows) v.push_back(r.y);
  return v;
}

bool all_correct(const std::vector<TruthRow>& rows) {
  for (const auto& r : rows)
    if (!r.correct) return false;
  return true;
}

}  // namespace

TEST(Perceptron, NetFireAndTheta) {
  const Perceptron p = kAndPreset;
  EXPECT_DOUBLE_EQ(p.net(1, 1), 0.3);
  EXPECT_EQ(p.fire(1, 1), 1);
  EXPECT_EQ(p.fire(1, 0), 0);
  EXPECT_DOUBLE_EQ(p.theta(), 0.7);
  const Perceptron q = perceptron_from_theta(0.5, 0.5, 0.7);  // the book's first AND
  EXPECT_EQ(q.w1, 0.5);
  EXPECT_EQ(q.b, -0.7);
  // net exactly 0 gives 0: the book's `if tmp <= 0: return 0`.
  EXPECT_EQ((Perceptron{1.0, 1.0, -1.0}).fire(1, 0), 0);
}

TEST(Perceptron, GateNamesAndTruth) {
  for (Gate g : {Gate::And, Gate::Nand, Gate::Or, Gate::Xor}) EXPECT_EQ(gate_from_name(gate_name(g)), g);
  expect_error_code([] { gate_from_name("xnor"); }, "gate.unknown");
  expect_error_code([] { gate_truth(Gate::And, 2, 0); }, "gate.bad_input");
  expect_error_code([] { gate_preset(Gate::Xor); }, "gate.xor_no_preset");
  EXPECT_EQ(gate_truth(Gate::Xor, 1, 0), 1);
  EXPECT_EQ(gate_truth(Gate::Xor, 1, 1), 0);
  EXPECT_EQ(gate_truth(Gate::Nand, 1, 1), 0);
}

TEST(Perceptron, PresetTruthTables) {
  // Book 2.3: the y columns of figures 2-2, 2-3, 2-4 in the order (0,0), (1,0), (0,1), (1,1).
  const auto and_t = truth_table(kAndPreset, Gate::And);
  EXPECT_TRUE(all_correct(and_t));
  EXPECT_EQ(column_y(and_t), (std::vector<int>{0, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(and_t[0].net, -0.7);
  EXPECT_DOUBLE_EQ(and_t[1].net, -0.2);
  EXPECT_DOUBLE_EQ(and_t[3].net, 0.3);
  EXPECT_EQ(and_t[1].x1, 1);
  EXPECT_EQ(and_t[1].x2, 0);

  const auto nand_t = truth_table(kNandPreset, Gate::Nand);
  EXPECT_TRUE(all_correct(nand_t));
  EXPECT_EQ(column_y(nand_t), (std::vector<int>{1, 1, 1, 0}));

  for (const Perceptron& p : {kOrPreset, kOrPresetAlt}) {  // (0.5, 0.5, −0.2) and (1.0, 1.0, −0.5)
    const auto or_t = truth_table(p, Gate::Or);
    EXPECT_TRUE(all_correct(or_t));
    EXPECT_EQ(column_y(or_t), (std::vector<int>{0, 1, 1, 1}));
  }
  EXPECT_EQ(gate_preset(Gate::Or).b, kOrPreset.b);
}

TEST(Perceptron, AndWeightsFailAsOr) {
  const auto t = truth_table(kAndPreset, Gate::Or);
  EXPECT_TRUE(t[0].correct);   // (0,0): 0 = 0
  EXPECT_FALSE(t[1].correct);  // (1,0): AND says 0, OR wants 1
  EXPECT_FALSE(t[2].correct);  // (0,1)
  EXPECT_TRUE(t[3].correct);   // (1,1)
  EXPECT_EQ(t[1].target, 1);
  EXPECT_EQ(t[1].y, 0);
}

TEST(Perceptron, NoSingleLineOnAGridComputesXor) {
  // Book 2.4: XOR is not linearly separable. Try every (w1, w2, b) on a grid.
  int found = 0;
  for (int i = -10; i <= 10; ++i)
    for (int j = -10; j <= 10; ++j)
      for (int k = -10; k <= 10; ++k) found += all_correct(truth_table({i * 0.1, j * 0.1, k * 0.1}, Gate::Xor));
  EXPECT_EQ(found, 0);
}

TEST(Perceptron, XorWithTwoLayers) {
  // Seed 003 / book figure 2-14: s1 = NAND, s2 = OR, y = AND(s1, s2).
  for (const Perceptron& or_p : {kOrPreset, kOrPresetAlt}) {
    const auto rows = xor_two_layer(kNandPreset, or_p, kAndPreset);
    ASSERT_EQ(rows.size(), 4u);
    const int x1[] = {0, 1, 0, 1}, x2[] = {0, 0, 1, 1};
    const int s1[] = {1, 1, 1, 0}, s2[] = {0, 1, 1, 1}, y[] = {0, 1, 1, 0};
    for (int i = 0; i < 4; ++i) {
      EXPECT_EQ(rows[i].x1, x1[i]);
      EXPECT_EQ(rows[i].x2, x2[i]);
      EXPECT_EQ(rows[i].s1, s1[i]) << i;
      EXPECT_EQ(rows[i].s2, s2[i]) << i;
      EXPECT_EQ(rows[i].y, y[i]) << i;
    }
  }
  EXPECT_EQ(xor_two_layer()[3].y, 0);  // presets by default
}

TEST(GateSamples, Encodings) {
  const auto b = gate_samples(Gate::And);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[1].x1, 1.0);
  EXPECT_EQ(b[1].x2, 0.0);
  EXPECT_EQ(b[3].target, 1);
  const auto p = gate_samples(Gate::And, Encoding::Bipolar);
  EXPECT_EQ(p[0].x1, -1.0);
  EXPECT_EQ(p[0].target, -1);
  EXPECT_EQ(p[3].target, 1);
}

// The measured epoch counts (η = 1, zero init, book order). An epoch counts if it
// was run; the last one is the error-free pass that proves convergence.
TEST(PerceptronRule, ConvergesOnLinearlySeparableGates) {
  struct Case {
    Gate gate;
    int epochs;
    Perceptron w;
  };
  for (const Case& c : {Case{Gate::And, 6, {1, 2, -2}}, Case{Gate::Or, 4, {1, 1, 0}},
                        Case{Gate::Nand, 6, {-1, -2, 3}}}) {
    PerceptronRuleTrainer t(gate_samples(c.gate));
    EXPECT_EQ(t.run(), c.epochs) << gate_name(c.gate);
    EXPECT_TRUE(t.converged());
    EXPECT_TRUE(t.finished());
    EXPECT_FALSE(t.cycling());
    EXPECT_EQ(t.epoch_errors().size(), std::size_t(c.epochs));
    EXPECT_EQ(t.epoch_errors().back(), 0.0);
    EXPECT_EQ(t.accuracy(), 1.0);
    EXPECT_TRUE(all_correct(truth_table(t.weights(), c.gate)));
    EXPECT_EQ(t.weights().w1, c.w.w1);
    EXPECT_EQ(t.weights().w2, c.w.w2);
    EXPECT_EQ(t.weights().b, c.w.b);
  }
}

TEST(PerceptronRule, EpochErrorsOnAnd) {
  PerceptronRuleTrainer t(gate_samples(Gate::And));
  t.run();
  EXPECT_EQ(t.epoch_errors(), (std::vector<double>{0.25, 0.75, 0.75, 0.5, 0.25, 0.0}));
}

TEST(PerceptronRule, StepByStep) {
  PerceptronRuleTrainer t(gate_samples(Gate::And));
  // Epoch 1: the first three rows are already right with w = 0 (net 0 → y 0).
  for (int i = 0; i < 3; ++i) {
    const PerceptronStep s = t.step();
    EXPECT_EQ(s.epoch, 1);
    EXPECT_EQ(s.sample, i);
    EXPECT_EQ(s.y, 0);
    EXPECT_EQ(s.error, 0.0);
    EXPECT_EQ(s.w1, 0.0);
  }
  EXPECT_EQ(t.epochs(), 0);
  // (1,1) → 1 but y = 0: every weight whose input is 1 grows by η(d − y) = 1.
  const PerceptronStep s = t.step();
  EXPECT_EQ(s.sample, 3);
  EXPECT_EQ(s.target, 1);
  EXPECT_EQ(s.error, 1.0);
  EXPECT_EQ(s.w1, 1.0);
  EXPECT_EQ(s.w2, 1.0);
  EXPECT_EQ(s.b, 1.0);
  EXPECT_EQ(t.epochs(), 1);
  EXPECT_EQ(t.next_sample(), 0);
  EXPECT_EQ(t.epoch_errors(), (std::vector<double>{0.25}));

  const auto epoch2 = t.run_epoch();
  ASSERT_EQ(epoch2.size(), 4u);
  EXPECT_EQ(epoch2[0].epoch, 2);
  EXPECT_EQ(epoch2[0].y, 1);  // (0,0) with b = 1 fires: wrong, b drops to 0
  EXPECT_EQ(epoch2[0].b, 0.0);

  t.run();
  expect_error_code([&] { t.step(); }, "trainer.finished");
  expect_error_code([&] { t.run_epoch(); }, "trainer.finished");
  t.reset();
  EXPECT_FALSE(t.finished());
  EXPECT_EQ(t.epochs(), 0);
  EXPECT_TRUE(t.epoch_errors().empty());
  EXPECT_EQ(t.weights().w1, 0.0);
  EXPECT_EQ(t.run(), 6);
}

TEST(PerceptronRule, LearningRateOnlyScalesWeightsFromZero) {
  // From w = 0 every update is η·(±x), so the weights are η × the η = 1 weights,
  // every sign (and so every y) is the same, and the epoch count is identical.
  PerceptronRuleTrainer t(gate_samples(Gate::And), {.learning_rate = 0.5});
  EXPECT_EQ(t.run(), 6);
  EXPECT_EQ(t.weights().w1, 0.5);
  EXPECT_EQ(t.weights().w2, 1.0);
  EXPECT_EQ(t.weights().b, -1.0);
}

TEST(PerceptronRule, ThresholdAndInitialWeights) {
  PerceptronRuleTrainer loose(gate_samples(Gate::And), {.error_threshold = 0.25});
  EXPECT_EQ(loose.run(), 1);  // epoch 1 already has error 0.25
  EXPECT_TRUE(loose.converged());

  PerceptronRuleTrainer preset(gate_samples(Gate::And), {.init = kAndPreset});
  EXPECT_EQ(preset.run(), 1);  // already right: one clean pass, nothing moves
  EXPECT_EQ(preset.weights().b, kAndPreset.b);
}

TEST(PerceptronRule, NeverConvergesOnXor) {
  PerceptronRuleTrainer t(gate_samples(Gate::Xor), {.max_epochs = 1000});
  EXPECT_EQ(t.run(), 1000);
  EXPECT_TRUE(t.finished());
  EXPECT_FALSE(t.converged());
  EXPECT_TRUE(t.cycling());  // the weights came back: it will repeat forever
  EXPECT_EQ(t.cycle_length(), 1);
  EXPECT_LT(t.accuracy(), 1.0);
  for (double e : t.epoch_errors()) EXPECT_GT(e, 0.0);

  PerceptronRuleTrainer d(gate_samples(Gate::Xor));  // default max_epochs = 100
  EXPECT_EQ(d.run(), 100);
  EXPECT_FALSE(d.converged());
}

TEST(PerceptronRule, RejectsBadInput) {
  expect_error_code([] { PerceptronRuleTrainer t({}); }, "trainer.bad_samples");
  expect_error_code([] { PerceptronRuleTrainer t(gate_samples(Gate::And, Encoding::Bipolar)); },
                    "trainer.bad_samples");
  expect_error_code([] { PerceptronRuleTrainer t(gate_samples(Gate::And), {.learning_rate = 0}); },
                    "trainer.bad_config");
  expect_error_code([] { PerceptronRuleTrainer t(gate_samples(Gate::And), {.max_epochs = 0}); },
                    "trainer.bad_config");
}

TEST(DeltaRule, ReducesMseAndClassifiesAnd) {
  DeltaRuleTrainer t(gate_samples(Gate::And));
  const int epochs = t.run();
  EXPECT_TRUE(t.converged());
  EXPECT_LT(epochs, 1000);
  const auto& h = t.epoch_errors();
  ASSERT_GE(h.size(), 2u);
  EXPECT_DOUBLE_EQ(h.front(), 0.25);  // epoch 1 from w = 0: only (1,1) errs, by 1: 1²/4
  EXPECT_LT(h.back(), 0.1);
  EXPECT_LT(h.back(), h.front());
  // Near the least-squares line net = 0.5·x1 + 0.5·x2 − 0.25 (MSE 0.0625); the fixed
  // learning rate keeps per-sample SGD circling close to it.
  EXPECT_NEAR(t.weights().w1, 0.5, 0.1);
  EXPECT_NEAR(t.weights().w2, 0.5, 0.1);
  EXPECT_NEAR(t.weights().b, -0.25, 0.1);
  EXPECT_EQ(t.accuracy(), 1.0);
  EXPECT_TRUE(all_correct(truth_table(t.classifier(), Gate::And)));
}

TEST(DeltaRule, StepUsesTheLinearError) {
  DeltaRuleTrainer t(gate_samples(Gate::Or), {.learning_rate = 0.5});
  t.step();                          // (0,0), d = 0, net = 0: nothing to learn
  const PerceptronStep s = t.step();  // (1,0), d = 1, net = 0: error 1
  EXPECT_EQ(s.error, 1.0);
  EXPECT_EQ(s.y, 0);
  EXPECT_EQ(s.w1, 0.5);  // += η·e·x1
  EXPECT_EQ(s.w2, 0.0);  // x2 = 0: untouched
  EXPECT_EQ(s.b, 0.5);
}

TEST(DeltaRule, SettlesButCannotClassifyXor) {
  DeltaRuleTrainer t(gate_samples(Gate::Xor));
  t.run();
  EXPECT_TRUE(t.converged());  // the MSE settles...
  EXPECT_LT(t.accuracy(), 1.0);  // ...but no line classifies XOR
}

TEST(Hebb, LearnsBipolarAndInOneEpoch) {
  HebbTrainer t(gate_samples(Gate::And, Encoding::Bipolar));
  const auto steps = t.run_epoch();
  ASSERT_EQ(steps.size(), 4u);
  // w += x·d, b += d for (−1,−1,−1), (1,−1,−1), (−1,1,−1), (1,1,+1):
  const double expect[4][3] = {{1, 1, -1}, {0, 2, -2}, {1, 1, -3}, {2, 2, -2}};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(steps[i].w1, expect[i][0]) << i;
    EXPECT_EQ(steps[i].w2, expect[i][1]) << i;
    EXPECT_EQ(steps[i].b, expect[i][2]) << i;
  }
  EXPECT_TRUE(t.converged());
  EXPECT_TRUE(t.finished());
  EXPECT_EQ(t.epochs(), 1);
  EXPECT_EQ(t.epoch_errors(), (std::vector<double>{0.0}));
  EXPECT_EQ(t.accuracy(), 1.0);
  for (const auto& s : gate_samples(Gate::And, Encoding::Bipolar)) EXPECT_EQ(t.predict(s.x1, s.x2), s.target);
  // The learned line 2x1 + 2x2 − 2 = 0 also works with 0/1 inputs.
  EXPECT_TRUE(all_correct(truth_table(t.weights(), Gate::And)));
}

TEST(Hebb, NeedsBipolarTargetsAndFailsOnXor) {
  expect_error_code([] { HebbTrainer t(gate_samples(Gate::And)); }, "trainer.bad_samples");
  HebbTrainer x(gate_samples(Gate::Xor, Encoding::Bipolar));
  x.run();
  EXPECT_FALSE(x.converged());  // the four updates cancel out: w = (0, 0, 0)
  EXPECT_EQ(x.weights().w1, 0.0);
  EXPECT_EQ(x.weights().b, 0.0);
}

// make_gate_trainer: the one place that maps a rule's name to a trainer (the
// playground's perceptron panel goes through it), with the limits it enforces.
TEST(MakeGateTrainer, NamesTheThreeRulesAndLearnsAndLikeTheBook) {
  auto p = make_gate_trainer("perceptron", Gate::And, 1.0, 50);
  EXPECT_EQ(p->run(), 6);  // AND from zero weights, η = 1: six epochs (the test above)
  EXPECT_TRUE(p->converged());
  EXPECT_EQ(p->weights().w1, 1.0);
  EXPECT_EQ(p->weights().w2, 2.0);
  EXPECT_EQ(p->weights().b, -2.0);
  EXPECT_EQ(p->cycle_length(), 0);
  auto h = make_gate_trainer("hebb", Gate::And, 1.0, 1);
  EXPECT_EQ(h->samples()[0].target, -1);  // Hebb gets the bipolar samples
  auto d = make_gate_trainer("delta", Gate::Or, 0.1, 1000);
  EXPECT_EQ(d->cycle_length(), 0);  // only the perceptron rule watches for cycles
}

TEST(MakeGateTrainer, XorCyclesThroughTheBaseClass) {
  auto x = make_gate_trainer("perceptron", Gate::Xor, 1.0, 50);
  x->run();
  EXPECT_FALSE(x->converged());
  EXPECT_GT(x->cycle_length(), 0);  // virtual: no cast to PerceptronRuleTrainer needed
}

TEST(MakeGateTrainer, RefusesUnknownRulesAndOutOfRangeSettings) {
  expect_error_code([] { make_gate_trainer("adaline", Gate::And, 1.0, 10); }, "perceptron.unknown_rule");
  expect_error_code([] { make_gate_trainer("delta", Gate::And, 0.0, 10); }, "perceptron.bad_lr");
  expect_error_code([] { make_gate_trainer("delta", Gate::And, 100.5, 10); }, "perceptron.bad_lr");
  expect_error_code([] { make_gate_trainer("delta", Gate::And, std::nan(""), 10); }, "perceptron.bad_lr");
  expect_error_code([] { make_gate_trainer("hebb", Gate::And, 1.0, 0); }, "perceptron.bad_epochs");
  expect_error_code([] { make_gate_trainer("hebb", Gate::And, 1.0, kMaxRuleEpochs + 1); }, "perceptron.bad_epochs");
  EXPECT_NO_THROW(make_gate_trainer("perceptron", Gate::Nand, kMaxRuleLearningRate, kMaxRuleEpochs));
}
