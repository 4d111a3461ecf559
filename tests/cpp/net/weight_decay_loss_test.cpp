// Weight decay in the network's loss (밑바닥부터 시작하는 딥러닝 1권 6.4.2,
// common/multi_layer_net_extend.py): ½λ·Σ‖W‖² over the weights only — not
// biases, not BatchNorm's γ/β — and its gradient λW, checked numerically.
#include <gtest/gtest.h>

#include <cmath>

#include "net/gradient_check.hpp"
#include "net/network.hpp"

using namespace scratchnet;

TEST(WeightDecayLoss, SumsTheWeightsOnlyNotBiasesNorGammaBeta) {
  NetSpec spec;
  spec.sizes = {3, 4, 2};
  spec.batch_norm = true;
  spec.weight_decay = 0.2;
  Network<double> net(spec, 5);
  net.set_param("b1", Matrix<double>::Constant(1, 4, 7.0));
  net.set_param("gamma1", Matrix<double>::Constant(1, 4, 3.0));
  net.set_param("beta1", Matrix<double>::Constant(1, 4, -2.0));
  const double sum_w2 = net.param("W1").squaredNorm() + net.param("W2").squaredNorm();
  EXPECT_NEAR(net.weight_decay_loss(), 0.5 * 0.2 * sum_w2, 1e-12);

  Matrix<double> x(2, 3);
  x << 0.3, -0.2, 0.9, -0.5, 0.4, 0.1;
  const Matrix<double> t = one_hot<double>({1, 0}, 2);
  NetSpec plain = spec;
  plain.weight_decay = 0.0;
  Network<double> without(plain, 5);
  without.copy_params_from(net);
  EXPECT_NEAR(net.loss(x, t, true) - without.loss(x, t, true), net.weight_decay_loss(), 1e-12);
}

TEST(WeightDecayLoss, ItsGradientIsLambdaWAndPassesTheGradientCheck) {
  NetSpec spec;
  spec.sizes = {3, 5, 3};
  spec.hidden = "tanh";
  spec.batch_norm = true;
  spec.weight_decay = 0.1;
  Network<double> net(spec, 11);
  Matrix<double> x(4, 3);
  x << 0.3, -0.2, 0.9, -0.5, 0.4, 0.1, 0.7, 0.2, -0.8, -0.1, -0.6, 0.5;
  const Matrix<double> t = one_hot<double>({0, 2, 1, 2}, 3);
  for (const auto& row : gradient_check(net, x, t)) {
    EXPECT_TRUE(row.ok) << row.param << " max_error " << row.max_error;
    EXPECT_LT(row.max_abs_diff, 1e-7) << row.param;
  }
}

TEST(WeightDecayLoss, AWeightDecayOutsideZeroToOneIsRefused) {
  NetSpec spec;
  spec.sizes = {2, 2};
  for (double bad : {-0.1, 1.0, std::nan("")}) {
    spec.weight_decay = bad;
    try {
      validate(spec);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "optimizer.bad_weight_decay");
    }
  }
}
