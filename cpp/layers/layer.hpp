// layer.hpp — the book's layer contract (밑바닥부터 시작하는 딥러닝 1권 5장,
// 2권 1.2.2 "구현 규칙"):
//   * every layer has forward() and backward();
//   * every layer owns its parameters (`params`) and the gradients of the loss
//     with respect to them (`grads`), in the same order and under the same
//     names as the book (W1, b1, ...), so an optimizer can walk both lists.
//   * forward() keeps whatever backward() needs (the input x for Affine, the
//     output y for Sigmoid, the mask for ReLU...).
//
// Shapes: x is (N, in) — one row per sample — and forward returns (N, out).
// backward(dout) takes dL/d(out) of shape (N, out) and returns dL/dx (N, in).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../kernels/finite.hpp"

namespace scratchnet {

// A named parameter: the value and its gradient live side by side so that
// `params[i]` and `grads[i]` in the book become `p.value` and `p.grad` here.
template <class S>
struct Param {
  std::string name;  // "W", "b", "gamma", "beta" — the network prefixes the layer number: "W1"
  Matrix<S>* value;
  Matrix<S>* grad;
};

template <class S>
class Layer {
 public:
  virtual ~Layer() = default;

  // `train` matters only to Dropout and BatchNorm (book 6.4.3 / 6.3).
  virtual Matrix<S> forward(const Matrix<S>& x, bool train) = 0;
  virtual Matrix<S> backward(const Matrix<S>& dout) = 0;

  // Parameters and their gradients; empty for parameter-free layers.
  virtual std::vector<Param<S>> params() { return {}; }

  // "Affine", "Relu", ... — the book's class names, shown in the UI.
  virtual std::string name() const = 0;
};

// The last layer of a network: it turns scores into a loss (book 5.6.3).
// forward(x, t) returns the mean loss over the batch; backward() returns
// dL/dx, already divided by the batch size N.
template <class S>
class LossLayer {
 public:
  virtual ~LossLayer() = default;
  virtual S forward(const Matrix<S>& x, const Matrix<S>& t) = 0;
  virtual Matrix<S> backward() = 0;
  // What the network outputs at inference: softmax probabilities or identity.
  virtual Matrix<S> output(const Matrix<S>& x) const = 0;
  virtual std::string name() const = 0;
};

// Validation helpers shared by every layer. A wrong shape is the most common
// mistake when wiring a network by hand, so the message names the layer and
// prints both shapes the NumPy way: "Affine.forward: x (2, 3) vs W (4, 5)".
// The strings are only built when the check fails: these run on every batch.
template <class A, class B>
void require_shape(bool ok, const char* where, const char* a_name, const A& a, const char* b_name,
                   const B& b) {
  if (!ok) {
    throw Error("shape.mismatch", std::string(where) + ": " + a_name + " " + shape_string(a) +
                                      " vs " + b_name + " " + shape_string(b));
  }
}

template <class A, class B>
void require_same_shape(const char* where, const char* a_name, const A& a, const char* b_name,
                        const B& b) {
  require_shape(a.rows() == b.rows() && a.cols() == b.cols(), where, a_name, a, b_name, b);
}

// dout must have the shape forward() returned; an empty cache means backward()
// was called before any forward().
template <class A>
void require_dout_shape(const char* where, const A& dout, Index rows, Index cols) {
  if (dout.rows() != rows || dout.cols() != cols) {
    throw Error("shape.mismatch",
                std::string(where) + ": dout " + shape_string(dout) + " vs forward output (" +
                    std::to_string(rows) + ", " + std::to_string(cols) + ")" +
                    (rows == 0 ? " (was forward() called first?)" : ""));
  }
}

// NaN/inf check: one cheap pass over the data (kernels/finite.hpp), done where a bad value would
// otherwise silently poison every later number (Affine input, loss inputs).
template <class Derived>
void require_finite(const Eigen::MatrixBase<Derived>& m, const char* where) {
  if (!all_finite(m.derived())) {
    throw Error("input.not_finite", std::string(where) + ": input contains NaN or infinity");
  }
}

}  // namespace scratchnet
