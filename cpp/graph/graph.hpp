// graph.hpp — a computational graph you can run one node at a time.
//
// 밑바닥부터 시작하는 딥러닝 1권 5.1–5.4 "계산 그래프" / "연쇄법칙" / "역전파" and
// 2권 1.3.4–1.3.5: a computation drawn as nodes (operations) joined by edges
// (the values), evaluated left to right (forward) and then differentiated right
// to left (backward), each node multiplying the gradient that arrives from its
// right by its own local derivative — the chain rule, one node at a time.
//
// Edges carry the book's variable names (apple, apple_num, tax, price; x, y,
// t, z; W, b, ...). An edge that no node computes is an *input*; an edge that
// no node consumes is an *output*. Every edge feeds at most one node: a value
// used twice goes through a Branch node, which is where the book's "gradients
// of a copied value add up" happens. Nodes are kept in topological order.
//
// Backward starts from dout, the gradient of some final scalar L with respect
// to each output edge: by default 1 for every element, i.e. L = Σ of every
// output. numerical_gradient() differentiates that same L by central
// differences, in double, so it must agree with backward() for every input.
//
// Everything is double: this is for looking at, and for gradient checks.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../core/matrix.hpp"

namespace scratchnet {

using MatrixD = Matrix<double>;

// One operation of a graph: wraps a layer (MulLayer, Branch, Affine, ...) behind
// one interface of "some matrices in, some matrices out".
class GraphNode {
 public:
  virtual ~GraphNode() = default;
  // one value per input edge → one value per output edge
  virtual std::vector<MatrixD> forward(const std::vector<MatrixD>& inputs) = 0;
  // one dout per output edge → one gradient per input edge; an empty (0, 0)
  // matrix means "no gradient" (the labels t of SoftmaxWithLoss are constants)
  virtual std::vector<MatrixD> backward(const std::vector<MatrixD>& douts) = 0;
  virtual std::string op() const = 0;  // the book's class name: "MulLayer", "Affine", ...
  virtual int input_count() const = 0;
  virtual int output_count() const = 0;
};

// The nodes, each wrapping the layer of the same name.
std::unique_ptr<GraphNode> mul_node();                 // MulLayer (x, y) → out        book 5.4.1
std::unique_ptr<GraphNode> add_node();                 // AddLayer (x, y) → out        book 5.4.2
std::unique_ptr<GraphNode> square_node();              // Square t → t²                book 5.2
std::unique_ptr<GraphNode> branch_node(int copies);    // Branch x → copies            vol. 2 1.3.4
std::unique_ptr<GraphNode> repeat_node(int n);         // Repeat x (1, D) → (n, D)     vol. 2 1.3.4
std::unique_ptr<GraphNode> sum_node();                 // Sum x (N, D) → (1, D)        vol. 2 1.3.4
std::unique_ptr<GraphNode> matmul_node();              // MatMul (x, W) → x·W          vol. 2 1.3.4
std::unique_ptr<GraphNode> sigmoid_node();             // Sigmoid x → y                book 5.5.2
std::unique_ptr<GraphNode> affine_node();              // Affine (x, W, b) → x·W + b   book 5.6
std::unique_ptr<GraphNode> softmax_with_loss_node();   // SoftmaxWithLoss (x, t) → L   book 5.6.3

class Graph {
 public:
  struct Edge {
    std::string name;
    Index rows = 0, cols = 0;
    bool is_input = false;        // set by the user, computed by no node
    bool is_output = false;       // consumed by no node: where backward starts
    bool differentiable = true;   // false for constants (labels t): no gradient flows to them
    bool has_value = false, has_grad = false;
    MatrixD value, grad;          // grad = ∂L/∂(this edge), same shape as value
  };
  struct Node {
    std::string name;             // the book's variable name: "mul_apple_layer", ...
    std::unique_ptr<GraphNode> op;
    std::vector<int> inputs, outputs;  // edge indices
    bool forward_done = false, backward_done = false;
  };

  // ---- building (the examples in graph_examples.cpp) -----------------------------
  void add_input(const std::string& name, MatrixD value, bool differentiable = true);
  // Inputs must exist already (so nodes arrive in topological order); outputs are new edges.
  void add_node(const std::string& name, std::unique_ptr<GraphNode> op, const std::vector<std::string>& inputs,
                const std::vector<std::string>& outputs);
  // Runs one forward pass to learn every edge's shape, then reset().
  void finish();

  // ---- reading -------------------------------------------------------------------
  const std::vector<Edge>& edges() const { return edges_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const Edge& edge(const std::string& name) const;  // graph.unknown_edge

  // ---- running -------------------------------------------------------------------
  // A new value for an input edge, of the same shape; clears everything computed.
  // graph.unknown_edge, graph.not_input, shape.mismatch, input.not_finite.
  void set_input(const std::string& name, const MatrixD& value);
  // Forgets every computed value and gradient (inputs keep their values).
  void reset();
  // Computes the next node; returns its index, or −1 when every node is done.
  int step_forward();
  // reset(), then every node.
  void forward();

  // dout for the output edges, read when a backward pass starts: one number for
  // every element of every output edge, or a number or matrix for one edge.
  // graph.not_output, shape.mismatch, input.not_finite.
  void set_dout(double fill);
  void set_dout(const std::string& edge, double fill);
  void set_dout(const std::string& edge, const MatrixD& dout);
  // Backpropagates through the next node from the right; returns its index, or
  // −1 when every node is done. The first step puts dout on the output edges.
  // graph.forward_first until every node has run forward.
  int step_backward();
  // Clears the gradients, then every node from the right (graph.forward_first).
  void backward();

  // ∂L/∂(input) for every differentiable input edge by central differences
  // (h = 1e-4, book 4.4), L = Σ over output edges of Σ dout ⊙ value. Leaves
  // the graph exactly as it was (values, gradients, and where the steps are).
  std::vector<std::pair<std::string, MatrixD>> numerical_gradient(double h = 1e-4);

 private:
  int edge_index(const std::string& name) const;  // −1 when unknown
  void run_node(std::size_t k);                   // forward of node k into its output edges
  double weighted_output();                       // a full forward on the current inputs, then Σ dout ⊙ outputs

  std::vector<Edge> edges_;
  std::vector<Node> nodes_;
  std::vector<MatrixD> douts_;  // per edge; only output edges' are used
  std::vector<bool> consumed_;  // per edge: some node reads it
  std::size_t forward_next_ = 0;     // nodes [0, forward_next_) have run forward
  std::size_t backward_done_ = 0;    // that many nodes, counted from the right, have run backward
};

// The examples by name, in the order of the book.
inline constexpr const char* kGraphExampleNames[] = {
    "apple", "apple_orange", "chain", "branch", "repeat", "sum", "matmul", "sigmoid", "affine", "softmax_with_loss"};

// A finished graph with the example's values: graph.unknown_example.
Graph make_graph_example(const std::string& name);

}  // namespace scratchnet
