// Tests for cpp/graph/ and layers/matmul.hpp: the book's computational graphs
// with the book's numbers (1권 5.2–5.4, 2권 1.3.4–1.3.5), and every node's
// backward against a central difference (h = 1e-4, double) on random shapes.
#include "graph/graph.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "../error_of.hpp"
#include "graph/copy_nodes.hpp"
#include "graph/simple_layers.hpp"
#include "../layers/layer_test_util.hpp"
#include "layers/matmul.hpp"

namespace sn = scratchnet;
using sn::Graph;
using sn::MatrixD;
using sn::testing::error_of;

namespace {

double value(const Graph& g, const std::string& edge) { return g.edge(edge).value(0, 0); }
double grad(const Graph& g, const std::string& edge) { return g.edge(edge).grad(0, 0); }

// Every node's backward against numerical_gradient(), on the graph as it stands.
void expect_backward_matches_numerical(Graph& g, const std::string& what, double tolerance = 1e-7) {
  g.forward();
  g.backward();
  for (const auto& [name, numerical] : g.numerical_gradient()) {
    const auto& e = g.edge(name);
    ASSERT_TRUE(e.has_grad) << what << ": " << name;
    const double err = sn::test::max_rel_error(e.grad, numerical);
    std::printf("  %-18s d%-10s max rel error %.3e\n", what.c_str(), name.c_str(), err);
    EXPECT_LT(err, tolerance) << what << ": d" << name;
  }
}

}  // namespace

TEST(Graph, AppleGivesTheBooksNumbers) {
  // book 5.4.1: 100 × 2 × 1.1 = 220; backward from dprice = 1 → dapple 2.2, dapple_num 110, dtax 200
  Graph g = sn::make_graph_example("apple");
  g.forward();
  EXPECT_NEAR(value(g, "apple_price"), 200, 1e-12);
  EXPECT_NEAR(value(g, "price"), 220, 1e-12);
  g.backward();
  EXPECT_NEAR(grad(g, "price"), 1, 0);
  EXPECT_NEAR(grad(g, "apple_price"), 1.1, 1e-12);
  EXPECT_NEAR(grad(g, "apple"), 2.2, 1e-12);
  EXPECT_NEAR(grad(g, "apple_num"), 110, 1e-12);
  EXPECT_NEAR(grad(g, "tax"), 200, 1e-12);
}

TEST(Graph, AppleOrangeGivesTheBooksNumbers) {
  // book 5.4.2: 715; dapple_num 110, dapple 2.2, dorange 3.3, dorange_num 165, dtax 650
  Graph g = sn::make_graph_example("apple_orange");
  g.forward();
  EXPECT_NEAR(value(g, "all_price"), 650, 1e-12);
  EXPECT_NEAR(value(g, "price"), 715, 1e-10);
  g.backward();
  EXPECT_NEAR(grad(g, "apple_num"), 110, 1e-10);
  EXPECT_NEAR(grad(g, "apple"), 2.2, 1e-12);
  EXPECT_NEAR(grad(g, "orange"), 3.3, 1e-12);
  EXPECT_NEAR(grad(g, "orange_num"), 165, 1e-10);
  EXPECT_NEAR(grad(g, "tax"), 650, 1e-10);
}

TEST(Graph, ChainRuleOfZEqualsTSquared) {
  // book 5.2: z = t², t = x + y; ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1. With x = 1, y = 2: t = 3, z = 9, dz/dx = 6.
  Graph g = sn::make_graph_example("chain");
  g.forward();
  EXPECT_EQ(value(g, "t"), 3);
  EXPECT_EQ(value(g, "z"), 9);
  g.backward();
  EXPECT_EQ(grad(g, "t"), 6);
  EXPECT_EQ(grad(g, "x"), 6);
  EXPECT_EQ(grad(g, "y"), 6);
  g.set_input("x", MatrixD::Constant(1, 1, -4));  // t = −2: dz/dx = −4
  g.forward();
  g.backward();
  EXPECT_EQ(grad(g, "x"), -4);
}

TEST(Graph, SteppingVisitsNodesInOrderThenInReverse) {
  Graph g = sn::make_graph_example("apple_orange");
  EXPECT_EQ(error_of([&] { g.step_backward(); }), "graph.forward_first");
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(g.step_forward(), k);
    EXPECT_TRUE(g.nodes()[static_cast<std::size_t>(k)].forward_done);
  }
  EXPECT_EQ(g.step_forward(), -1);
  EXPECT_FALSE(g.edge("apple").has_grad);
  EXPECT_EQ(g.step_backward(), 3);  // mul_tax_layer first: the gradient enters from the right
  EXPECT_TRUE(g.edge("all_price").has_grad);
  EXPECT_TRUE(g.edge("tax").has_grad);
  EXPECT_FALSE(g.edge("apple_price").has_grad);
  // The numerical gradient in the middle of a backward pass leaves everything where it was.
  g.numerical_gradient();
  EXPECT_FALSE(g.edge("apple_price").has_grad);
  EXPECT_TRUE(g.nodes()[3].backward_done);
  EXPECT_FALSE(g.nodes()[2].backward_done);
  EXPECT_EQ(g.step_backward(), 2);
  EXPECT_EQ(g.step_backward(), 1);
  EXPECT_EQ(g.step_backward(), 0);
  EXPECT_EQ(g.step_backward(), -1);
  EXPECT_NEAR(grad(g, "orange_num"), 165, 1e-10);
  g.reset();
  EXPECT_FALSE(g.edge("price").has_value);
  EXPECT_TRUE(g.edge("apple").has_value);
}

TEST(Graph, MatrixExamplesFollowTheirFormulas) {
  {  // branch: dx = dy1 + dy2
    Graph g = sn::make_graph_example("branch");
    g.forward();
    g.set_dout("y2", sn::test::mat({{10, 20, 30}}));
    g.backward();
    EXPECT_EQ(g.edge("y1").value, sn::test::mat({{1, 2, 3}}));
    EXPECT_EQ(g.edge("x").grad, sn::test::mat({{11, 21, 31}}));
  }
  {  // repeat: y = np.repeat(x, 2, axis=0); dx = np.sum(dy, axis=0)
    Graph g = sn::make_graph_example("repeat");
    g.forward();
    EXPECT_EQ(g.edge("y").value, sn::test::mat({{1, 2, 3}, {1, 2, 3}}));
    g.set_dout("y", sn::test::mat({{1, 2, 3}, {4, 5, 6}}));
    g.backward();
    EXPECT_EQ(g.edge("x").grad, sn::test::mat({{5, 7, 9}}));
  }
  {  // sum: y = np.sum(x, axis=0); dx = np.repeat(dy, N, axis=0)
    Graph g = sn::make_graph_example("sum");
    g.forward();
    EXPECT_EQ(g.edge("y").value, sn::test::mat({{5, 7, 9}}));
    g.set_dout("y", sn::test::mat({{1, 2, 3}}));
    g.backward();
    EXPECT_EQ(g.edge("x").grad, sn::test::mat({{1, 2, 3}, {1, 2, 3}}));
  }
  {  // matmul: y = x·W; dout = 1 → dx = 1·Wᵀ (row sums of W), dW = xᵀ·1 (column sums of x)
    Graph g = sn::make_graph_example("matmul");
    g.forward();
    EXPECT_LT((g.edge("y").value - sn::test::mat({{2.2, 2.8}, {4.9, 6.4}})).cwiseAbs().maxCoeff(), 1e-12);
    g.backward();
    EXPECT_LT((g.edge("x").grad - sn::test::mat({{0.3, 0.7, 1.1}, {0.3, 0.7, 1.1}})).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT((g.edge("W").grad - sn::test::mat({{5, 5}, {7, 7}, {9, 9}})).cwiseAbs().maxCoeff(), 1e-12);
  }
  {  // sigmoid: dx = dout·y(1 − y); at x = 0 that is 0.25
    Graph g = sn::make_graph_example("sigmoid");
    g.forward();
    g.backward();
    const MatrixD& y = g.edge("y").value;
    EXPECT_NEAR(y(0, 1), 0.5, 1e-15);
    EXPECT_NEAR(g.edge("x").grad(0, 1), 0.25, 1e-15);
    EXPECT_LT((g.edge("x").grad - y.cwiseProduct((1.0 - y.array()).matrix())).cwiseAbs().maxCoeff(), 1e-15);
  }
  {  // affine: out = x·W + b; db = Σ_rows dout = [2, 2]
    Graph g = sn::make_graph_example("affine");
    g.forward();
    EXPECT_LT((g.edge("out").value - sn::test::mat({{2.3, 3.0}, {5.0, 6.6}})).cwiseAbs().maxCoeff(), 1e-12);
    g.backward();
    EXPECT_LT((g.edge("b").grad - sn::test::mat({{2, 2}})).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT((g.edge("W").grad - sn::test::mat({{5, 5}, {7, 7}, {9, 9}})).cwiseAbs().maxCoeff(), 1e-12);
  }
  {  // softmax_with_loss: dx = (y − t)/N; row 0 is the book's softmax([0.3, 2.9, 4.0]) = [0.01821127, 0.24519181, 0.73659691]
    Graph g = sn::make_graph_example("softmax_with_loss");
    g.forward();
    g.backward();
    const MatrixD& dx = g.edge("x").grad;
    EXPECT_NEAR(dx(0, 0), 0.01821127 / 2, 1e-8);
    EXPECT_NEAR(dx(0, 1), 0.24519181 / 2, 1e-8);
    EXPECT_NEAR(dx(0, 2), (0.73659691 - 1) / 2, 1e-8);
    EXPECT_NEAR(dx.row(1).sum(), 0.0, 1e-15);  // Σ_k (y_k − t_k) = 1 − 1
    EXPECT_FALSE(g.edge("t").has_grad);         // the labels are constants
    EXPECT_NEAR(value(g, "L"), (-std::log(0.73659691) - std::log(std::exp(1.0) / (std::exp(1.0) + std::exp(0.5) + std::exp(-1.0)))) / 2, 1e-7);
  }
}

TEST(Graph, EveryExampleBackwardMatchesItsNumericalGradient) {
  for (const char* name : sn::kGraphExampleNames) {
    Graph g = sn::make_graph_example(name);
    expect_backward_matches_numerical(g, name);
  }
}

TEST(Graph, EveryNodeBackwardMatchesCentralDifferencesOnRandomShapes) {
  // One-node graphs on random shapes with random inputs and a random dout on
  // every output edge, so no gradient is checked only against ones.
  sn::Rng rng(2026);
  for (int trial = 0; trial < 5; ++trial) {
    const auto R = static_cast<sn::Index>(1 + rng.uniform() * 4), C = static_cast<sn::Index>(1 + rng.uniform() * 5);
    const auto H = static_cast<sn::Index>(1 + rng.uniform() * 4);
    const auto rand = [&](sn::Index r, sn::Index c) { return sn::test::random_matrix(r, c, rng); };
    const auto one_hot = [&](sn::Index r, sn::Index c) {
      MatrixD t = MatrixD::Zero(r, c);
      for (sn::Index i = 0; i < r; ++i) t(i, static_cast<sn::Index>(rng.uniform() * c) % c) = 1;
      return t;
    };
    struct Case {
      std::string op;
      std::function<void(Graph&)> build;
    };
    const std::vector<Case> cases = {
        {"MulLayer", [&](Graph& g) { g.add_input("x", rand(R, C)); g.add_input("y", rand(R, C)); g.add_node("n", sn::mul_node(), {"x", "y"}, {"out"}); }},
        {"AddLayer", [&](Graph& g) { g.add_input("x", rand(R, C)); g.add_input("y", rand(R, C)); g.add_node("n", sn::add_node(), {"x", "y"}, {"out"}); }},
        {"Square", [&](Graph& g) { g.add_input("t", rand(R, C)); g.add_node("n", sn::square_node(), {"t"}, {"z"}); }},
        {"Branch", [&](Graph& g) { g.add_input("x", rand(R, C)); g.add_node("n", sn::branch_node(3), {"x"}, {"a", "b", "c"}); }},
        {"Repeat", [&](Graph& g) { g.add_input("x", rand(1, C)); g.add_node("n", sn::repeat_node(static_cast<int>(R)), {"x"}, {"y"}); }},
        {"Sum", [&](Graph& g) { g.add_input("x", rand(R, C)); g.add_node("n", sn::sum_node(), {"x"}, {"y"}); }},
        {"MatMul", [&](Graph& g) { g.add_input("x", rand(R, C)); g.add_input("W", rand(C, H)); g.add_node("n", sn::matmul_node(), {"x", "W"}, {"y"}); }},
        {"Sigmoid", [&](Graph& g) { g.add_input("x", rand(R, C)); g.add_node("n", sn::sigmoid_node(), {"x"}, {"y"}); }},
        {"Affine", [&](Graph& g) { g.add_input("x", rand(R, C)); g.add_input("W", rand(C, H)); g.add_input("b", rand(1, H)); g.add_node("n", sn::affine_node(), {"x", "W", "b"}, {"out"}); }},
        {"SoftmaxWithLoss", [&](Graph& g) { g.add_input("x", rand(R, C)); g.add_input("t", one_hot(R, C), false); g.add_node("n", sn::softmax_with_loss_node(), {"x", "t"}, {"L"}); }},
    };
    for (const auto& c : cases) {
      Graph g;
      c.build(g);
      g.finish();
      for (const auto& e : g.edges()) {
        if (e.is_output) g.set_dout(e.name, rand(e.rows, e.cols));
      }
      expect_backward_matches_numerical(g, c.op + " " + std::to_string(R) + "x" + std::to_string(C));
    }
  }
}

TEST(Graph, AChainOfNodesComposesByTheChainRule) {
  // x → MatMul(W) → Affine-free sigmoid → Sum → Square: several nodes, one gradient check.
  sn::Rng rng(7);
  Graph g;
  g.add_input("x", sn::test::random_matrix(3, 4, rng));
  g.add_input("W", sn::test::random_matrix(4, 2, rng));
  g.add_node("matmul", sn::matmul_node(), {"x", "W"}, {"a"});
  g.add_node("sigmoid", sn::sigmoid_node(), {"a"}, {"h"});
  g.add_node("branch", sn::branch_node(2), {"h"}, {"h1", "h2"});
  g.add_node("mul", sn::mul_node(), {"h1", "h2"}, {"h_sq"});
  g.add_node("sum", sn::sum_node(), {"h_sq"}, {"s"});
  g.finish();
  expect_backward_matches_numerical(g, "chain of 5 nodes");
}

TEST(Graph, BadInputHasACode) {
  EXPECT_EQ(error_of([] { sn::make_graph_example("pear"); }), "graph.unknown_example");
  Graph g = sn::make_graph_example("apple");
  EXPECT_EQ(error_of([&] { g.edge("banana"); }), "graph.unknown_edge");
  EXPECT_EQ(error_of([&] { g.set_input("banana", MatrixD::Ones(1, 1)); }), "graph.unknown_edge");
  EXPECT_EQ(error_of([&] { g.set_input("price", MatrixD::Ones(1, 1)); }), "graph.not_input");
  EXPECT_EQ(error_of([&] { g.set_input("apple", MatrixD::Ones(2, 1)); }), "shape.mismatch");
  EXPECT_EQ(error_of([&] { g.set_input("apple", MatrixD::Constant(1, 1, NAN)); }), "input.not_finite");
  EXPECT_EQ(error_of([&] { g.set_dout("apple", 1.0); }), "graph.not_output");
  EXPECT_EQ(error_of([&] { g.set_dout(INFINITY); }), "input.not_finite");
  EXPECT_EQ(error_of([&] { g.backward(); }), "graph.forward_first");
  Graph s = sn::make_graph_example("softmax_with_loss");
  s.forward();
  EXPECT_EQ(error_of([&] { s.set_input("t", MatrixD::Ones(2, 3)); s.numerical_gradient(); }), "target.not_distribution");
  // a second reader of one edge must go through a Branch
  Graph bad;
  bad.add_input("x", MatrixD::Ones(1, 1));
  bad.add_node("sq", sn::square_node(), {"x"}, {"z"});
  EXPECT_EQ(error_of([&] { bad.add_node("sq2", sn::square_node(), {"x"}, {"z2"}); }), "graph.bad_node");
}

TEST(MatMul, BackwardMatchesCentralDifferences) {
  sn::Rng rng(11);
  sn::MatMul<double> layer(sn::test::random_matrix(4, 3, rng));
  sn::test::expect_gradients_match(layer, sn::test::random_matrix(5, 4, rng), true, rng);
}
