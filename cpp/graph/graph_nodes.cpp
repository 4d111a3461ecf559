// graph_nodes.cpp — each graph node is a thin adapter around the layer of the
// same name: the layer does the math (and keeps what its backward needs), the
// adapter only turns "n matrices in, m out" into the layer's own signature.
// Layers that own parameters (MatMul's W, Affine's W and b) get them from their
// input edges, so the graph can show ∂L/∂W on the W edge like any other gradient.
#include <memory>
#include <string>
#include <vector>

#include "../layers/affine.hpp"
#include "../layers/matmul.hpp"
#include "../layers/sigmoid.hpp"
#include "../layers/softmax_with_loss.hpp"
#include "copy_nodes.hpp"
#include "graph.hpp"
#include "simple_layers.hpp"

namespace scratchnet {

namespace {

using Mats = std::vector<MatrixD>;

// Two inputs, one output: MulLayer and AddLayer have the same shape of call.
template <class L>
class BinaryNode final : public GraphNode {
 public:
  explicit BinaryNode(const char* op) : op_(op) {}
  Mats forward(const Mats& in) override { return {layer_.forward(in[0], in[1])}; }
  Mats backward(const Mats& dout) override {
    auto [dx, dy] = layer_.backward(dout[0]);
    return {std::move(dx), std::move(dy)};
  }
  std::string op() const override { return op_; }
  int input_count() const override { return 2; }
  int output_count() const override { return 1; }

 private:
  L layer_;
  const char* op_;
};

// One input, one output: Square, Repeat, Sum.
template <class L>
class UnaryNode final : public GraphNode {
 public:
  UnaryNode(const char* op, L layer) : layer_(std::move(layer)), op_(op) {}
  Mats forward(const Mats& in) override { return {layer_.forward(in[0])}; }
  Mats backward(const Mats& dout) override { return {layer_.backward(dout[0])}; }
  std::string op() const override { return op_; }
  int input_count() const override { return 1; }
  int output_count() const override { return 1; }

 private:
  L layer_;
  const char* op_;
};

class BranchNode final : public GraphNode {
 public:
  explicit BranchNode(int copies) : layer_(copies) {}
  Mats forward(const Mats& in) override { return layer_.forward(in[0]); }
  Mats backward(const Mats& dout) override { return {layer_.backward(dout)}; }
  std::string op() const override { return "Branch"; }
  int input_count() const override { return 1; }
  int output_count() const override { return layer_.copies(); }

 private:
  Branch<double> layer_;
};

class SigmoidNode final : public GraphNode {
 public:
  Mats forward(const Mats& in) override { return {layer_.forward(in[0], true)}; }
  Mats backward(const Mats& dout) override { return {layer_.backward(dout[0])}; }
  std::string op() const override { return "Sigmoid"; }
  int input_count() const override { return 1; }
  int output_count() const override { return 1; }

 private:
  Sigmoid<double> layer_;
};

// (x, W) → x·W with a MatMul layer built on the W edge's current value.
class MatMulNode final : public GraphNode {
 public:
  Mats forward(const Mats& in) override {
    layer_ = std::make_unique<MatMul<double>>(in[1]);
    return {layer_->forward(in[0], true)};
  }
  Mats backward(const Mats& dout) override {
    MatrixD dx = layer_->backward(dout[0]);
    return {std::move(dx), *layer_->params()[0].grad};  // dx, dW
  }
  std::string op() const override { return "MatMul"; }
  int input_count() const override { return 2; }
  int output_count() const override { return 1; }

 private:
  std::unique_ptr<MatMul<double>> layer_;
};

// (x, W, b) → x·W + b with the Affine layer of the networks.
class AffineNode final : public GraphNode {
 public:
  Mats forward(const Mats& in) override {
    layer_ = std::make_unique<Affine<double>>(in[1], in[2]);
    return {layer_->forward(in[0], true)};
  }
  Mats backward(const Mats& dout) override {
    MatrixD dx = layer_->backward(dout[0]);
    const auto p = layer_->params();
    return {std::move(dx), *p[0].grad, *p[1].grad};  // dx, dW, db
  }
  std::string op() const override { return "Affine"; }
  int input_count() const override { return 3; }
  int output_count() const override { return 1; }

 private:
  std::unique_ptr<Affine<double>> layer_;
};

// (x, t) → L. The labels t are constants: no gradient goes back to them.
class SoftmaxWithLossNode final : public GraphNode {
 public:
  Mats forward(const Mats& in) override { return {MatrixD::Constant(1, 1, layer_.forward(in[0], in[1]))}; }
  Mats backward(const Mats& dout) override {
    // the book's backward(dout=1): dx = (y − t) · dout / N
    return {layer_.backward() * dout[0](0, 0), MatrixD()};
  }
  std::string op() const override { return "SoftmaxWithLoss"; }
  int input_count() const override { return 2; }
  int output_count() const override { return 1; }

 private:
  SoftmaxWithLoss<double> layer_;
};

}  // namespace

std::unique_ptr<GraphNode> mul_node() { return std::make_unique<BinaryNode<MulLayer<double>>>("MulLayer"); }
std::unique_ptr<GraphNode> add_node() { return std::make_unique<BinaryNode<AddLayer<double>>>("AddLayer"); }
std::unique_ptr<GraphNode> square_node() {
  return std::make_unique<UnaryNode<Square<double>>>("Square", Square<double>());
}
std::unique_ptr<GraphNode> branch_node(int copies) { return std::make_unique<BranchNode>(copies); }
std::unique_ptr<GraphNode> repeat_node(int n) {
  return std::make_unique<UnaryNode<Repeat<double>>>("Repeat", Repeat<double>(n));
}
std::unique_ptr<GraphNode> sum_node() { return std::make_unique<UnaryNode<Sum<double>>>("Sum", Sum<double>()); }
std::unique_ptr<GraphNode> matmul_node() { return std::make_unique<MatMulNode>(); }
std::unique_ptr<GraphNode> sigmoid_node() { return std::make_unique<SigmoidNode>(); }
std::unique_ptr<GraphNode> affine_node() { return std::make_unique<AffineNode>(); }
std::unique_ptr<GraphNode> softmax_with_loss_node() { return std::make_unique<SoftmaxWithLossNode>(); }

}  // namespace scratchnet
