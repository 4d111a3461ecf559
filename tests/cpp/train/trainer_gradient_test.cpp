// Tests for Trainer::gradient (cpp/train/trainer.*): the gradient a step hands the
// optimizer's formula is backprop's data-loss gradient plus the optimizer's
// regularization — L1 (loss + λΣ|W|): + λ·sign(W), with sign(0) = 0; L2 weight decay
// (book 6.4.2, loss + ½λΣ‖W‖²): + λW — on the weights only, and the weights stay put.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "data/toy_datasets.hpp"
#include "net/network.hpp"
#include "optim/make_optimizer.hpp"
#include "train/trainer.hpp"

using namespace scratchnet;

namespace {

NetSpec small_spec() {
  NetSpec s;
  s.sizes = {2, 4, 2};
  s.hidden = "tanh";
  s.output = "softmax";
  s.init = "xavier";
  return s;
}

// The labels of the four XOR rows as one column (Network::gradient's label form).
Matrix<float> label_column(const Dataset& d) {
  Matrix<float> t(d.size(), 1);
  for (Index i = 0; i < d.size(); ++i) t(i, 0) = static_cast<float>(d.labels[std::size_t(i)]);
  return t;
}

}  // namespace

TEST(TrainerGradient, IsTheDataGradientPlusTheRegularizationTerm) {
  const Dataset data = xor_dataset();
  const Matrix<float> t = label_column(data);
  const double lambda = 0.05;
  for (const std::string reg : {"none", "l1", "l2"}) {
    Network<float> net(small_spec(), 3);
    (*net.params()[0].value)(0, 0) = 0.0f;  // |w| has no derivative at 0: the subgradient sign(0) = 0
    net.gradient(data.x, t);
    std::vector<Matrix<float>> plain;
    for (const auto& p : net.params()) plain.push_back(*p.grad);
    std::vector<Matrix<float>> before;
    for (const auto& p : net.params()) before.push_back(*p.value);

    auto opt = make_optimizer<float>("sgd", 0.1, 0.0);
    set_regularization(*opt, reg, reg == "none" ? 0.0 : lambda);
    Trainer<float> trainer(net, *opt, data);
    const double loss = trainer.gradient(data.x, t);

    double penalty = 0.0;
    const auto params = net.params();
    for (std::size_t k = 0; k < params.size(); ++k) {
      const Matrix<float>& w = *params[k].value;
      EXPECT_TRUE(w.isApprox(before[k], 0.0f)) << params[k].name << " moved";
      const bool weight = params[k].name[0] == 'W';
      for (Index i = 0; i < w.rows(); ++i) {
        for (Index j = 0; j < w.cols(); ++j) {
          const double v = w(i, j);
          // ∂/∂w (λ|w|) = λ·sign(w); ∂/∂w (½λw²) = λw; biases: nothing
          const double term = !weight || reg == "none" ? 0.0 : reg == "l1" ? lambda * ((v > 0) - (v < 0)) : lambda * v;
          EXPECT_NEAR((*params[k].grad)(i, j), plain[k](i, j) + term, 1e-6) << reg << ' ' << params[k].name;
          if (weight) penalty += reg == "l1" ? lambda * std::abs(v) : reg == "l2" ? 0.5 * lambda * v * v : 0.0;
        }
      }
    }
    EXPECT_NEAR((*params[0].grad)(0, 0), plain[0](0, 0), 1e-7) << reg << ": w = 0 gets no L1 term";
    // the returned loss is the regularized one, as step() reports it
    EXPECT_NEAR(loss, static_cast<double>(net.loss(data.x, t)) + penalty, 1e-5) << reg;
  }
}
