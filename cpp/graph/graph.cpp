// graph.cpp — Graph: building, stepping forward and backward, and the
// numerical gradient that checks the backward. See graph.hpp.
#include "graph.hpp"

#include <cmath>

#include "../core/error.hpp"
#include "../layers/layer.hpp"

namespace scratchnet {

int Graph::edge_index(const std::string& name) const {
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    if (edges_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const Graph::Edge& Graph::edge(const std::string& name) const {
  const int i = edge_index(name);
  if (i < 0) {
    std::string known;
    for (const auto& e : edges_) known += (known.empty() ? "" : ", ") + e.name;
    throw Error("graph.unknown_edge", "this graph has no edge '" + name + "' (it has " + known + ")");
  }
  return edges_[static_cast<std::size_t>(i)];
}

void Graph::add_input(const std::string& name, MatrixD value, bool differentiable) {
  require(edge_index(name) < 0, "graph.bad_node", "edge '" + name + "' exists already");
  Edge e;
  e.name = name;
  e.rows = value.rows();
  e.cols = value.cols();
  e.is_input = true;
  e.differentiable = differentiable;
  e.has_value = true;
  e.value = std::move(value);
  edges_.push_back(std::move(e));
  consumed_.push_back(false);
  douts_.emplace_back();
}

void Graph::add_node(const std::string& name, std::unique_ptr<GraphNode> op, const std::vector<std::string>& inputs,
                     const std::vector<std::string>& outputs) {
  require(static_cast<int>(inputs.size()) == op->input_count() &&
              static_cast<int>(outputs.size()) == op->output_count(),
          "graph.bad_node", "node '" + name + "' (" + op->op() + ") has the wrong number of edges");
  Node node;
  node.name = name;
  for (const auto& in : inputs) {
    const int i = edge_index(in);
    require(i >= 0, "graph.bad_node", "node '" + name + "' reads '" + in + "', which no earlier node makes");
    // One reader per edge: a value used twice must pass a Branch, where its gradients add up.
    require(!consumed_[static_cast<std::size_t>(i)], "graph.bad_node",
            "edge '" + in + "' is read twice; put a Branch node in between");
    consumed_[static_cast<std::size_t>(i)] = true;
    node.inputs.push_back(i);
  }
  for (const auto& out : outputs) {
    require(edge_index(out) < 0, "graph.bad_node", "edge '" + out + "' exists already");
    Edge e;
    e.name = out;
    node.outputs.push_back(static_cast<int>(edges_.size()));
    edges_.push_back(std::move(e));
    consumed_.push_back(false);
    douts_.emplace_back();
  }
  node.op = std::move(op);
  nodes_.push_back(std::move(node));
}

void Graph::finish() {
  forward();
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    auto& e = edges_[i];
    e.rows = e.value.rows();
    e.cols = e.value.cols();
    e.is_output = !consumed_[i] && !e.is_input;
    if (e.is_output) douts_[i] = MatrixD::Ones(e.rows, e.cols);  // L = Σ outputs until set_dout says otherwise
  }
  reset();
}

void Graph::reset() {
  for (auto& e : edges_) {
    if (!e.is_input) {
      e.has_value = false;
      e.value.resize(0, 0);
    }
    e.has_grad = false;
    e.grad.resize(0, 0);
  }
  for (auto& n : nodes_) n.forward_done = n.backward_done = false;
  forward_next_ = 0;
  backward_done_ = 0;
}

void Graph::set_input(const std::string& name, const MatrixD& value) {
  const Edge& e = edge(name);
  require(e.is_input, "graph.not_input", "edge '" + name + "' is computed by a node; only inputs can be set");
  require(value.rows() == e.rows && value.cols() == e.cols, "shape.mismatch",
          "edge '" + name + "' is (" + std::to_string(e.rows) + ", " + std::to_string(e.cols) + "), got " +
              shape_string(value));
  require_finite(value, ("Graph.set_input(" + name + ")").c_str());
  reset();
  edges_[static_cast<std::size_t>(edge_index(name))].value = value;
}

void Graph::run_node(std::size_t k) {
  Node& node = nodes_[k];
  std::vector<MatrixD> in;
  in.reserve(node.inputs.size());
  for (int i : node.inputs) in.push_back(edges_[static_cast<std::size_t>(i)].value);
  auto out = node.op->forward(in);
  for (std::size_t j = 0; j < node.outputs.size(); ++j) {
    Edge& e = edges_[static_cast<std::size_t>(node.outputs[j])];
    e.value = std::move(out[j]);
    e.has_value = true;
  }
  node.forward_done = true;
}

int Graph::step_forward() {
  if (forward_next_ >= nodes_.size()) return -1;
  run_node(forward_next_);
  return static_cast<int>(forward_next_++);
}

void Graph::forward() {
  reset();
  while (step_forward() >= 0) {
  }
}

void Graph::set_dout(double fill) {
  require(std::isfinite(fill), "input.not_finite", "dout must be a finite number");
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    if (edges_[i].is_output) douts_[i].setConstant(fill);
  }
}

void Graph::set_dout(const std::string& name, double fill) {
  const Edge& e = edge(name);
  set_dout(name, MatrixD::Constant(e.rows, e.cols, fill));
}

void Graph::set_dout(const std::string& name, const MatrixD& dout) {
  const Edge& e = edge(name);
  require(e.is_output, "graph.not_output", "edge '" + name + "' is read by a node; dout is set on output edges only");
  require(dout.rows() == e.rows && dout.cols() == e.cols, "shape.mismatch",
          "dout for '" + name + "' must be (" + std::to_string(e.rows) + ", " + std::to_string(e.cols) + "), got " +
              shape_string(dout));
  require_finite(dout, "Graph.set_dout");
  douts_[static_cast<std::size_t>(edge_index(name))] = dout;
}

int Graph::step_backward() {
  require(forward_next_ == nodes_.size(), "graph.forward_first",
          "backward needs every node's forward first (" + std::to_string(forward_next_) + " of " +
              std::to_string(nodes_.size()) + " done)");
  if (backward_done_ >= nodes_.size()) return -1;
  if (backward_done_ == 0) {
    // dL/d(output) = dout: where the chain rule starts
    for (std::size_t i = 0; i < edges_.size(); ++i) {
      if (!edges_[i].is_output) continue;
      edges_[i].grad = douts_[i];
      edges_[i].has_grad = true;
    }
  }
  const std::size_t k = nodes_.size() - 1 - backward_done_;
  Node& node = nodes_[k];
  // Every edge this node wrote is read by a later node (already done) or is an output: all have grads.
  std::vector<MatrixD> dout;
  dout.reserve(node.outputs.size());
  for (int o : node.outputs) dout.push_back(edges_[static_cast<std::size_t>(o)].grad);
  auto din = node.op->backward(dout);
  for (std::size_t j = 0; j < node.inputs.size(); ++j) {
    Edge& e = edges_[static_cast<std::size_t>(node.inputs[j])];
    if (!e.differentiable || din[j].size() == 0) continue;
    e.grad = std::move(din[j]);
    e.has_grad = true;
  }
  node.backward_done = true;
  ++backward_done_;
  return static_cast<int>(k);
}

void Graph::backward() {
  require(forward_next_ == nodes_.size(), "graph.forward_first",
          "backward needs every node's forward first (" + std::to_string(forward_next_) + " of " +
              std::to_string(nodes_.size()) + " done)");
  for (auto& e : edges_) {
    e.has_grad = false;
    e.grad.resize(0, 0);
  }
  for (auto& n : nodes_) n.backward_done = false;
  backward_done_ = 0;
  while (step_backward() >= 0) {
  }
}

double Graph::weighted_output() {
  for (std::size_t k = 0; k < nodes_.size(); ++k) run_node(k);
  double L = 0.0;
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    if (edges_[i].is_output) L += edges_[i].value.cwiseProduct(douts_[i]).sum();
  }
  return L;
}

std::vector<std::pair<std::string, MatrixD>> Graph::numerical_gradient(double h) {
  require(std::isfinite(h) && h >= 0.0, "calculus.bad_h", "h must be a finite number ≥ 0");
  // Everything the evaluations below overwrite, to put back afterwards.
  const std::vector<Edge> saved_edges = edges_;
  std::vector<std::pair<bool, bool>> saved_flags;
  for (const auto& n : nodes_) saved_flags.emplace_back(n.forward_done, n.backward_done);

  // The layers keep what their backward needs from the last forward: replay the
  // forwards that had been done, on the original inputs, so a backward step
  // taken next uses the right caches. Then the edges and flags as they were.
  const auto restore = [&] {
    edges_ = saved_edges;
    for (std::size_t k = 0; k < forward_next_; ++k) run_node(k);
    edges_ = saved_edges;
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      nodes_[k].forward_done = saved_flags[k].first;
      nodes_[k].backward_done = saved_flags[k].second;
    }
  };

  std::vector<std::pair<std::string, MatrixD>> result;
  try {
    for (auto& e : edges_) {
      if (!e.is_input || !e.differentiable) continue;
      MatrixD grad(e.rows, e.cols);
      for (Index i = 0; i < e.value.size(); ++i) {
        double& v = e.value.data()[i];
        const double saved = v;
        v = saved + h;
        const double f_plus = weighted_output();
        v = saved - h;
        const double f_minus = weighted_output();
        v = saved;
        // (L(θ + h) − L(θ − h)) / 2h
        grad.data()[i] = (f_plus - f_minus) / (2.0 * h);
      }
      result.emplace_back(e.name, std::move(grad));
    }
  } catch (...) {
    restore();  // e.g. labels t that are not one-hot: the graph stays as it was
    throw;
  }
  restore();
  return result;
}

}  // namespace scratchnet
