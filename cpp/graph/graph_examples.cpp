// graph_examples.cpp — the graphs of the book, by name, with the book's numbers.
//
//   apple              1권 5.4.1 (figure 5-16): 2 apples at 100 won, tax 1.1 → 220
//   apple_orange       1권 5.4.2 (figure 5-17): 2 apples at 100, 3 oranges at 150, tax 1.1 → 715
//   chain              1권 5.2 (figure 5-7): z = t², t = x + y — dz/dx = dz/dt · dt/dx = 2t · 1
//   branch             2권 1.3.4 분기 노드: one x copied to y1 and y2
//   repeat             2권 1.3.4 Repeat 노드: x (1, 3) → y (2, 3)
//   sum                2권 1.3.4 Sum 노드: x (2, 3) → y (1, 3)
//   matmul             2권 1.3.4 MatMul 노드: y = x·W, x (2, 3), W (3, 2)
//   sigmoid            1권 5.5.2, 2권 1.3.5: y = 1 / (1 + exp(−x)), x (2, 3)
//   affine             1권 5.6, 2권 1.3.5: out = x·W + b
//   softmax_with_loss  1권 5.6.3, 2권 1.3.5: L = cross-entropy(softmax(x), t), x and t (2, 3)
// Node names are the book's variable names where it has them (mul_apple_layer).
#include <string>

#include "../core/error.hpp"
#include "graph.hpp"

namespace scratchnet {

namespace {

MatrixD scalar(double v) { return MatrixD::Constant(1, 1, v); }

MatrixD rows(std::initializer_list<std::initializer_list<double>> r) {
  MatrixD m(static_cast<Index>(r.size()), static_cast<Index>(r.begin()->size()));
  Index i = 0;
  for (const auto& row : r) {
    Index j = 0;
    for (double v : row) m(i, j++) = v;
    ++i;
  }
  return m;
}

// The same small numbers in every matrix example, so the learner can follow them.
MatrixD x23() { return rows({{1, 2, 3}, {4, 5, 6}}); }
MatrixD w32() { return rows({{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}); }

}  // namespace

Graph make_graph_example(const std::string& name) {
  Graph g;
  if (name == "apple") {
    g.add_input("apple", scalar(100));
    g.add_input("apple_num", scalar(2));
    g.add_input("tax", scalar(1.1));
    g.add_node("mul_apple_layer", mul_node(), {"apple", "apple_num"}, {"apple_price"});
    g.add_node("mul_tax_layer", mul_node(), {"apple_price", "tax"}, {"price"});
  } else if (name == "apple_orange") {
    g.add_input("apple", scalar(100));
    g.add_input("apple_num", scalar(2));
    g.add_input("orange", scalar(150));
    g.add_input("orange_num", scalar(3));
    g.add_input("tax", scalar(1.1));
    g.add_node("mul_apple_layer", mul_node(), {"apple", "apple_num"}, {"apple_price"});
    g.add_node("mul_orange_layer", mul_node(), {"orange", "orange_num"}, {"orange_price"});
    g.add_node("add_apple_orange_layer", add_node(), {"apple_price", "orange_price"}, {"all_price"});
    g.add_node("mul_tax_layer", mul_node(), {"all_price", "tax"}, {"price"});
  } else if (name == "chain") {
    g.add_input("x", scalar(1));
    g.add_input("y", scalar(2));
    g.add_node("add_layer", add_node(), {"x", "y"}, {"t"});
    g.add_node("square_layer", square_node(), {"t"}, {"z"});
  } else if (name == "branch") {
    g.add_input("x", rows({{1, 2, 3}}));
    g.add_node("branch", branch_node(2), {"x"}, {"y1", "y2"});
  } else if (name == "repeat") {
    g.add_input("x", rows({{1, 2, 3}}));
    g.add_node("repeat", repeat_node(2), {"x"}, {"y"});
  } else if (name == "sum") {
    g.add_input("x", x23());
    g.add_node("sum", sum_node(), {"x"}, {"y"});
  } else if (name == "matmul") {
    g.add_input("x", x23());
    g.add_input("W", w32());
    g.add_node("matmul", matmul_node(), {"x", "W"}, {"y"});
  } else if (name == "sigmoid") {
    g.add_input("x", rows({{-1, 0, 1}, {2, -2, 0.5}}));
    g.add_node("sigmoid", sigmoid_node(), {"x"}, {"y"});
  } else if (name == "affine") {
    g.add_input("x", x23());
    g.add_input("W", w32());
    g.add_input("b", rows({{0.1, 0.2}}));
    g.add_node("affine", affine_node(), {"x", "W", "b"}, {"out"});
  } else if (name == "softmax_with_loss") {
    // Row 0 is the book's softmax example a = [0.3, 2.9, 4.0] (3.5.1) with label 2.
    g.add_input("x", rows({{0.3, 2.9, 4.0}, {1.0, 0.5, -1.0}}));
    g.add_input("t", rows({{0, 0, 1}, {1, 0, 0}}), /*differentiable=*/false);
    g.add_node("softmax_with_loss", softmax_with_loss_node(), {"x", "t"}, {"L"});
  } else {
    std::string known;
    for (const char* n : kGraphExampleNames) known += (known.empty() ? "" : ", ") + std::string(n);
    throw Error("graph.unknown_example", "unknown graph example '" + name + "' (known: " + known + ")");
  }
  g.finish();
  return g;
}

}  // namespace scratchnet
