// Tests for cpp/net/network.hpp: the study notes' 3-layer network number by
// number (book 3.4), shapes, seeding, initial weight scales, validation,
// parameter access, casting, and a small end-to-end training run.
#include "net/network.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "layers/dropout.hpp"

using namespace scratchnet;

namespace {

template <class S>
Matrix<S> mat(std::initializer_list<std::initializer_list<double>> rows) {
  Matrix<S> m(static_cast<Index>(rows.size()), static_cast<Index>(rows.begin()->size()));
  Index i = 0;
  for (const auto& r : rows) {
    Index j = 0;
    for (double v : r) m(i, j++) = static_cast<S>(v);
    ++i;
  }
  return m;
}

template <class Fn>
std::string expect_error(const std::string& code, Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected scratchnet::Error " << code;
  return {};
}

// The seed's network (book 3.4.3 init_network): 2 → 3 → 2 → 2, sigmoid hidden,
// identity output.
template <class S>
Network<S> book_network() {
  NetSpec spec;
  spec.sizes = {2, 3, 2, 2};
  spec.hidden = "sigmoid";
  spec.output = "identity";
  Network<S> net(spec, 0);
  net.set_param("W1", mat<S>({{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}));
  net.set_param("b1", mat<S>({{0.1, 0.2, 0.3}}));
  net.set_param("W2", mat<S>({{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}));
  net.set_param("b2", mat<S>({{0.1, 0.2}}));
  net.set_param("W3", mat<S>({{0.1, 0.3}, {0.2, 0.4}}));
  net.set_param("b3", mat<S>({{0.1, 0.2}}));
  return net;
}

template <class S>
void expect_row(const Matrix<S>& m, std::initializer_list<double> expected, double tol) {
  ASSERT_EQ(m.rows(), 1);
  ASSERT_EQ(m.cols(), static_cast<Index>(expected.size()));
  Index j = 0;
  for (double v : expected) EXPECT_NEAR(double(m(0, j++)), v, tol) << "column " << j - 1;
}

template <class S>
void check_book_trace(double tol) {
  Network<S> net = book_network<S>();
  const auto steps = net.trace(mat<S>({{1.0, 0.5}}));
  ASSERT_EQ(steps.size(), 6u);
  const char* layers[] = {"Affine1", "Sigmoid1", "Affine2", "Sigmoid2", "Affine3",
                          "IdentityWithLoss"};
  const char* kinds[] = {"A", "Z", "A", "Z", "A", "Y"};
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].layer, layers[i]);
    EXPECT_EQ(steps[i].kind, kinds[i]);
  }
  expect_row(steps[0].value, {0.3, 0.7, 1.1}, tol);                      // A1
  expect_row(steps[1].value, {0.57444252, 0.66818777, 0.75026011}, tol);  // Z1
  expect_row(steps[2].value, {0.51615984, 1.21402696}, tol);              // A2
  expect_row(steps[3].value, {0.62624937, 0.7710107}, tol);               // Z2
  expect_row(steps[4].value, {0.31682708, 0.69627909}, tol);              // A3
  expect_row(steps[5].value, {0.31682708, 0.69627909}, tol);              // y = identity(A3)
  // predict (scores) and output agree with the trace for an identity output
  expect_row(net.predict(mat<S>({{1.0, 0.5}})), {0.31682708, 0.69627909}, tol);
  expect_row(net.output(mat<S>({{1.0, 0.5}})), {0.31682708, 0.69627909}, tol);
}

double sample_std(const Matrix<float>& m) {
  const double mean = m.cast<double>().mean();
  return std::sqrt((m.cast<double>().array() - mean).square().mean());
}

}  // namespace

TEST(Network, BooksThreeLayerNetworkDouble) { check_book_trace<double>(1e-7); }
TEST(Network, BooksThreeLayerNetworkFloat) { check_book_trace<float>(1e-6); }

TEST(Network, LayerAndParamNamesFollowTheBook) {
  Network<double> plain = book_network<double>();
  std::vector<std::string> names;
  for (const auto& p : plain.params()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"W1", "b1", "W2", "b2", "W3", "b3"}));

  NetSpec spec;
  spec.sizes = {4, 5, 3};
  spec.batch_norm = true;
  spec.dropout = 0.5;
  Network<float> extended(spec, 1);
  names.clear();
  for (const auto& p : extended.params()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"W1", "b1", "gamma1", "beta1", "W2", "b2"}));
  EXPECT_EQ(extended.layer_names(),
            (std::vector<std::string>{"Affine1", "BatchNorm1", "Relu1", "Dropout1", "Affine2"}));
  EXPECT_EQ(extended.last_layer().name(), "SoftmaxWithLoss");
  EXPECT_EQ(extended.layers().size(), 5u);
  EXPECT_EQ(extended.output_activation(), nullptr);
  // gamma starts at 1, beta at 0, biases at 0
  EXPECT_TRUE(extended.param("gamma1").isOnes());
  EXPECT_TRUE(extended.param("beta1").isZero());
  EXPECT_TRUE(extended.param("b2").isZero());
}

TEST(Network, SigmoidOutputAddsAnActivationBeforeTheMSE) {
  NetSpec spec;
  spec.sizes = {2, 3, 1};
  spec.hidden = "tanh";
  spec.output = "sigmoid";
  Network<double> net(spec, 5);
  ASSERT_NE(net.output_activation(), nullptr);
  EXPECT_EQ(net.last_layer().name(), "IdentityWithLoss");
  const auto steps = net.trace(mat<double>({{1.0, 0.0}, {0.0, 1.0}}));
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(steps[3].layer, "Sigmoid2");
  EXPECT_EQ(steps[3].kind, "Z");
  // predict gives the raw score, output the squashed value
  const Matrix<double> scores = net.predict(mat<double>({{1.0, 0.0}}));
  const Matrix<double> out = net.output(mat<double>({{1.0, 0.0}}));
  EXPECT_NEAR(out(0, 0), 1.0 / (1.0 + std::exp(-scores(0, 0))), 1e-12);
}

TEST(Network, BatchShapesFor784_50_100_10) {
  NetSpec spec;
  spec.sizes = {784, 50, 100, 10};
  Network<float> net(spec, 42);
  Rng rng(1);
  Matrix<float> x(100, 784);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(rng.uniform());
  const Matrix<float> scores = net.predict(x);
  EXPECT_EQ(scores.rows(), 100);
  EXPECT_EQ(scores.cols(), 10);
  const Matrix<float> y = net.output(x);
  EXPECT_EQ(y.rows(), 100);
  EXPECT_EQ(y.cols(), 10);
  EXPECT_LT((y.rowwise().sum().array() - 1.0f).abs().maxCoeff(), 1e-5f);  // probabilities
  const auto steps = net.trace(x);
  ASSERT_EQ(steps.size(), 6u);  // A1 Z1 A2 Z2 A3 Y
  EXPECT_EQ(steps[0].value.cols(), 50);
  EXPECT_EQ(steps[2].value.cols(), 100);
  EXPECT_EQ(steps[4].value.cols(), 10);
  for (const auto& s : steps) EXPECT_EQ(s.value.rows(), 100);
  // the weight shapes of book 3.6.3: 784×50, 50×100, 100×10
  EXPECT_EQ(net.param("W1").rows(), 784);
  EXPECT_EQ(net.param("W1").cols(), 50);
  EXPECT_EQ(net.param("W2").rows(), 50);
  EXPECT_EQ(net.param("W2").cols(), 100);
  EXPECT_EQ(net.param("W3").rows(), 100);
  EXPECT_EQ(net.param("W3").cols(), 10);
  EXPECT_EQ(net.param("b3").rows(), 1);
}

TEST(Network, SameSeedSameWeightsBitForBit) {
  NetSpec spec;
  spec.sizes = {20, 30, 10};
  Network<float> a(spec, 7), b(spec, 7), c(spec, 8);
  for (const auto& name : {"W1", "b1", "W2", "b2"}) EXPECT_EQ(a.param(name), b.param(name));
  EXPECT_NE(a.param("W1"), c.param("W1"));
  EXPECT_NE(a.param("W2"), c.param("W2"));
}

TEST(Network, InitialWeightScales) {
  // 784 × 100 = 78400 samples: the measured std is within ~0.3% of the target.
  NetSpec spec;
  spec.sizes = {784, 100, 10};
  spec.init = "std";  // the book's weight_init_std = 0.01
  EXPECT_NEAR(sample_std(Network<float>(spec, 3).param("W1")), 0.01, 0.01 * 0.02);
  spec.init = "xavier";
  EXPECT_NEAR(sample_std(Network<float>(spec, 3).param("W1")), std::sqrt(1.0 / 784), 0.02 / 28);
  spec.init = "he";
  Network<float> he(spec, 3);
  EXPECT_NEAR(sample_std(he.param("W1")), std::sqrt(2.0 / 784), 0.02 * std::sqrt(2.0 / 784));
  // the second layer's scale follows its own fan-in, 100
  EXPECT_NEAR(sample_std(he.param("W2")), std::sqrt(2.0 / 100), 0.05 * std::sqrt(2.0 / 100));
  EXPECT_NEAR(he.param("W1").cast<double>().mean(), 0.0, 0.001);
  EXPECT_TRUE(he.param("b1").isZero());
}

TEST(Network, ValidateRefusesAHugeNetworkWithTheEstimate) {
  NetSpec spec;
  spec.sizes = {784, 10000000, 10};
  const std::string msg = expect_error("size.too_large", [&] { validate(spec); });
  // 784·1e7 + 1e7 + 1e7·10 + 10 ≈ 7.95e9 parameters × 4 copies × 4 bytes ≈ 121 GiB
  EXPECT_NE(msg.find("MiB"), std::string::npos) << msg;
  EXPECT_NE(msg.find("784-10000000-10"), std::string::npos) << msg;
  EXPECT_NE(msg.find(std::to_string(parameter_count(spec))), std::string::npos) << msg;
  // The constructor refuses before allocating: if it tried to allocate ~30 GiB
  // of weights first this would throw bad_alloc or take seconds, not fail fast.
  const auto start = std::chrono::steady_clock::now();
  expect_error("size.too_large", [&] { Network<float> net(spec, 1); });
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));
}

TEST(Network, ValidateNamesEveryProblem) {
  NetSpec ok;
  ok.sizes = {4, 3, 2};
  EXPECT_NO_THROW(validate(ok));
  auto with = [&](auto change) {
    NetSpec s = ok;
    change(s);
    return s;
  };
  expect_error("net.too_few_layers", [&] { validate(with([](NetSpec& s) { s.sizes = {4}; })); });
  expect_error("net.too_deep",
               [&] { validate(with([](NetSpec& s) { s.sizes = std::vector<int>(34, 2); })); });
  EXPECT_NO_THROW(validate(with([](NetSpec& s) { s.sizes = std::vector<int>(33, 2); })));
  expect_error("net.layer_size", [&] { validate(with([](NetSpec& s) { s.sizes = {4, 0, 2}; })); });
  expect_error("net.layer_size", [&] { validate(with([](NetSpec& s) { s.sizes = {100001, 2}; })); });
  expect_error("activation.unknown", [&] { validate(with([](NetSpec& s) { s.hidden = "step"; })); });
  expect_error("net.output_unknown",
               [&] { validate(with([](NetSpec& s) { s.output = "relu"; })); });
  expect_error("net.init_unknown", [&] { validate(with([](NetSpec& s) { s.init = "zeros"; })); });
  expect_error("net.bad_init_std", [&] { validate(with([](NetSpec& s) { s.init_std = 0; })); });
  expect_error("dropout.bad_ratio", [&] { validate(with([](NetSpec& s) { s.dropout = 1.0; })); });
  expect_error("activation.bad_slope",
               [&] { validate(with([](NetSpec& s) { s.leaky_slope = NAN; })); });
}

TEST(Network, ParamAccessAndShapeChecks) {
  Network<double> net = book_network<double>();
  EXPECT_NEAR(net.param("W2")(2, 1), 0.6, 1e-15);
  const std::string msg = expect_error("param.unknown", [&] { net.param("W4"); });
  EXPECT_NE(msg.find("W1"), std::string::npos) << msg;  // lists what exists
  const std::string shape_msg =
      expect_error("shape.mismatch", [&] { net.set_param("b1", mat<double>({{0.1, 0.2}})); });
  EXPECT_NE(shape_msg.find("(1, 2)"), std::string::npos) << shape_msg;
  EXPECT_NE(shape_msg.find("(1, 3)"), std::string::npos) << shape_msg;
  expect_error("input.not_finite", [&] { net.set_param("b2", mat<double>({{NAN, 0.0}})); });
  // params() points at the live matrices: writing through it changes the network
  *net.params()[0].value = Matrix<double>::Zero(2, 3);
  EXPECT_TRUE(net.param("W1").isZero());
  // a wrong input width is reported by the network
  const std::string in_msg = expect_error("shape.mismatch", [&] { net.predict(Matrix<double>::Zero(1, 3)); });
  EXPECT_NE(in_msg.find("(1, 3)"), std::string::npos) << in_msg;
}

TEST(Network, CopyParamsFromCopiesEveryWeightAndRefusesOtherSizes) {
  NetSpec spec;
  spec.sizes = {3, 4, 2};
  spec.batch_norm = true;  // γ and β are parameters too
  Network<float> a(spec, 1), b(spec, 2);
  ASSERT_NE(a.param("W1"), b.param("W1"));
  b.copy_params_from(a);
  for (std::size_t i = 0; i < a.params().size(); ++i)
    EXPECT_EQ(*a.params()[i].value, *b.params()[i].value) << a.params()[i].name;
  NetSpec wider = spec;
  wider.sizes = {3, 5, 2};
  NetSpec deeper = spec;
  deeper.sizes = {3, 4, 4, 2};
  Network<float> c(wider, 1), d(deeper, 1);
  expect_error("shape.mismatch", [&] { c.copy_params_from(a); });
  expect_error("shape.mismatch", [&] { d.copy_params_from(a); });
}

TEST(Network, AccuracyOfASingleOutputThresholdsAtOneHalfAndCanStopEarly) {
  // one output y = x₁ (identity): class 1 when y > 0.5 — there is no argmax of one column
  NetSpec spec;
  spec.sizes = {2, 1};
  spec.output = "identity";
  Network<double> net(spec, 1);
  net.set_param("W1", mat<double>({{1.0}, {0.0}}));
  net.set_param("b1", mat<double>({{0.0}}));
  const Matrix<double> x = mat<double>({{0.0, 1.0}, {1.0, 0.0}, {0.9, 0.0}, {0.2, 1.0}});
  EXPECT_EQ(net.accuracy(x, {0, 1, 1, 0}), 1.0);
  EXPECT_EQ(net.accuracy(x, {0, 1, 0, 0}), 0.75);
  EXPECT_EQ(net.accuracy(x, {0, 1, 0, 0}, 2), 1.0);  // only the first 2 rows
  expect_error("input.empty", [&] { net.accuracy(x, {0, 1, 0, 0}, 0); });
}

TEST(Network, OneHot) {
  const Matrix<float> t = one_hot<float>({3, 0, 9}, 10);
  EXPECT_EQ(t.rows(), 3);
  EXPECT_EQ(t.cols(), 10);
  EXPECT_EQ(t(0, 3), 1.0f);
  EXPECT_EQ(t(1, 0), 1.0f);
  EXPECT_EQ(t(2, 9), 1.0f);
  EXPECT_EQ(t.sum(), 3.0f);
  expect_error("label.out_of_range", [] { one_hot<float>({10}, 10); });
  expect_error("label.out_of_range", [] { one_hot<double>({-1}, 10); });
}

TEST(Network, LossGradientAndAccuracy) {
  NetSpec spec;
  spec.sizes = {2, 2};
  spec.init = "std";
  Network<double> net(spec, 1);
  net.set_param("W1", mat<double>({{1, 0}, {0, 1}}));  // score = x
  const Matrix<double> x = mat<double>({{1, 0}, {0, 1}, {2, 3}});
  EXPECT_DOUBLE_EQ(net.accuracy(x, {0, 1, 0}), 2.0 / 3.0);
  expect_error("shape.mismatch", [&] { net.accuracy(x, {0, 1}); });
  const Matrix<double> t = one_hot<double>({0, 1, 0}, 2);
  const double L = net.loss(x, t);
  EXPECT_DOUBLE_EQ(net.gradient(x, t), L);
  // dW1 = xᵀ·(y − t)/N, by hand from the softmax of each row
  const Matrix<double> y = net.output(x);
  const Matrix<double> expected = x.transpose() * (y - t) / 3.0;
  EXPECT_TRUE(net.params()[0].grad->isApprox(expected, 1e-12));
  expect_error("shape.mismatch", [&] { net.loss(x, one_hot<double>({0, 1}, 2)); });
}

TEST(Network, DropoutIsRandomOnlyWhileTraining) {
  NetSpec spec;
  spec.sizes = {5, 20, 3};
  spec.dropout = 0.5;
  Network<double> net(spec, 4);
  Matrix<double> x = Matrix<double>::Ones(4, 5);
  EXPECT_NE(net.predict(x, true), net.predict(x, true));
  EXPECT_EQ(net.predict(x, false), net.predict(x, false));
  // reseeding the noise generator reproduces the masks
  net.noise_rng().reseed(99);
  const Matrix<double> first = net.predict(x, true);
  net.noise_rng().reseed(99);
  EXPECT_EQ(net.predict(x, true), first);
}

TEST(Network, CastCopiesWeightsAndStatistics) {
  NetSpec spec;
  spec.sizes = {3, 4, 2};
  spec.batch_norm = true;
  spec.dropout = 0.2;
  Network<float> f(spec, 11);
  Rng rng(2);
  Matrix<float> x(6, 3);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(rng.normal());
  f.gradient(x, one_hot<float>({0, 1, 0, 1, 1, 0}, 2));  // moves the BN running statistics
  Network<double> d = f.cast<double>();
  for (const auto& name : {"W1", "b1", "gamma1", "beta1", "W2", "b2"}) {
    EXPECT_EQ(d.param(name), f.param(name).cast<double>()) << name;  // float → double is exact
  }
  const auto& bn_f = dynamic_cast<BatchNorm<float>&>(*f.layers()[1]);
  const auto& bn_d = dynamic_cast<BatchNorm<double>&>(*d.layers()[1]);
  EXPECT_EQ(bn_d.running_mean(), bn_f.running_mean().cast<double>());
  EXPECT_EQ(bn_d.running_var(), bn_f.running_var().cast<double>());
  EXPECT_TRUE(d.output(x.cast<double>()).isApprox(f.output(x).cast<double>(), 1e-5));
  // and back
  Network<float> back = d.cast<float>();
  EXPECT_EQ(back.param("W1"), f.param("W1"));
}

TEST(Network, SurvivesAMove) {
  // params() and the Dropout layers point into heap objects the network owns,
  // so moving the network must not leave them dangling.
  NetSpec spec;
  spec.sizes = {3, 4, 2};
  spec.dropout = 0.3;
  Network<float> a(spec, 1);
  Network<float> b = std::move(a);
  Matrix<float> x = Matrix<float>::Ones(2, 3);
  b.gradient(x, one_hot<float>({0, 1}, 2));
  EXPECT_EQ(b.params().size(), 4u);
  EXPECT_EQ(b.params()[0].value, &b.param("W1"));
}

TEST(Network, LearnsXorWithPlainGradientDescent) {
  // End to end: the study notes' XOR problem, which no single layer can solve
  // (book 2.5), learned by forward → backward → W -= lr·dW (book 4.5).
  NetSpec spec;
  spec.sizes = {2, 8, 2};
  spec.hidden = "tanh";
  spec.init = "xavier";
  Network<float> net(spec, 2024);
  Matrix<float> x(4, 2);
  x << 0, 0, 0, 1, 1, 0, 1, 1;
  const std::vector<std::int32_t> labels = {0, 1, 1, 0};
  const Matrix<float> t = one_hot<float>(labels, 2);
  const float first = net.loss(x, t);
  for (int step = 0; step < 2000; ++step) {
    net.gradient(x, t);
    for (auto& p : net.params()) *p.value -= 0.5f * *p.grad;
  }
  EXPECT_LT(net.loss(x, t), 0.1f * first);
  EXPECT_EQ(net.accuracy(x, labels), 1.0);
}
