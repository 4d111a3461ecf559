// batch_norm.hpp — Batch Normalization.
//
// 밑바닥부터 시작하는 딥러닝 1권 6.3 "배치 정규화" and its common/layers.py
// `BatchNormalization` (the backward below follows that code step by step).
//
// Shapes: x (N, D) → y (N, D); gamma, beta, running mean/var (1, D);
//         dout (N, D) → dx (N, D), dgamma (1, D), dbeta (1, D).
//
// Training mode, per feature column over the minibatch:
//   μ = mean(x)   xc = x − μ   σ² = mean(xc²)   std = √(σ² + ε)   xn = xc/std
//   y = γ ⊙ xn + β
// and the running averages  running = momentum·running + (1 − momentum)·batch
// remember the statistics for inference, where a single sample has no batch:
//   y = γ ⊙ (x − running_mean)/√(running_var + ε) + β.
//
// Choices, stated so nobody has to guess:
//   * ε = 1e-7 by default. (The book writes `10e-7`, which is 1e-6; the
//     difference is invisible unless a feature is constant over the batch.)
//   * momentum = 0.9 like the book.
//   * running_var starts at 1, not at 0 as in the book. With 0 an untrained
//     network in inference mode divides by √ε ≈ 3e-4 and its step-by-step
//     forward view shows values thousands of times too large; 1 (the choice of
//     PyTorch and Keras) leaves them as they are until training has filled in
//     the real statistics. running_mean starts at 0 like the book.
//   * Like the book, only a training forward stores what backward needs;
//     an inference forward leaves those caches alone.
#pragma once

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "layer.hpp"

namespace scratchnet {

template <class S>
class BatchNorm final : public Layer<S> {
 public:
  using Row = Eigen::Array<S, 1, Eigen::Dynamic, Eigen::RowMajor>;

  BatchNorm(Matrix<S> gamma, Matrix<S> beta, double momentum = 0.9, double eps = 1e-7)
      : gamma_(std::move(gamma)), beta_(std::move(beta)), momentum_(momentum), eps_(eps) {
    require_shape(gamma_.rows() == 1 && beta_.rows() == 1 && gamma_.cols() == beta_.cols(),
                  "BatchNorm", "gamma", gamma_, "beta", beta_);
    require(momentum >= 0.0 && momentum <= 1.0 && eps > 0.0, "batch_norm.bad_hyperparameter",
            "BatchNorm: momentum must be in [0, 1] and eps > 0");
    dgamma_ = Matrix<S>::Zero(1, gamma_.cols());
    dbeta_ = Matrix<S>::Zero(1, gamma_.cols());
    running_mean_ = Matrix<S>::Zero(1, gamma_.cols());
    running_var_ = Matrix<S>::Ones(1, gamma_.cols());
  }

  // x (N, D) → y (N, D)
  Matrix<S> forward(const Matrix<S>& x, bool train) override {
    require_shape(x.cols() == gamma_.cols(), "BatchNorm.forward", "x", x, "gamma", gamma_);
    const auto gamma = gamma_.row(0).array();
    const auto beta = beta_.row(0).array();
    if (!train) {
      const Row inv_std = (running_var_.row(0).array() + S(eps_)).rsqrt();
      Matrix<S> y = x.rowwise() - running_mean_.row(0);
      y.array().rowwise() *= inv_std * gamma;
      y.array().rowwise() += beta;
      return y;
    }
    require(x.rows() > 0, "input.empty", "BatchNorm.forward: the batch has no rows");
    const S n = static_cast<S>(x.rows());
    const Row mu = x.colwise().mean().array();
    xc_ = x.rowwise() - mu.matrix();
    const Row var = xc_.array().square().colwise().sum() / n;
    std_ = (var + S(eps_)).sqrt();
    xn_ = xc_;
    xn_.array().rowwise() /= std_;
    // The running statistics move 10% of the way towards this batch's (momentum 0.9).
    const S m = static_cast<S>(momentum_);
    running_mean_.row(0).array() = m * running_mean_.row(0).array() + (S(1) - m) * mu;
    running_var_.row(0).array() = m * running_var_.row(0).array() + (S(1) - m) * var;
    Matrix<S> y = xn_;
    y.array().rowwise() *= gamma;
    y.array().rowwise() += beta;
    return y;
  }

  // dout (N, D) → dx (N, D); fills dgamma, dbeta (1, D). Needs a training forward.
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("BatchNorm.backward", dout, xn_.rows(), xn_.cols());
    const S n = static_cast<S>(dout.rows());
    // y = γ·xn + β: β was broadcast over rows → dβ = Σ_rows dout; dγ = Σ_rows xn ⊙ dout
    dbeta_ = dout.colwise().sum();
    dgamma_ = xn_.cwiseProduct(dout).colwise().sum();
    // back through the scale: dxn = γ ⊙ dout
    Eigen::Array<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> dxn = dout.array();
    dxn.rowwise() *= gamma_.row(0).array();
    // xn = xc / std has two inputs. Via xc directly: dxc = dxn / std ...
    Eigen::Array<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> dxc = dxn;
    dxc.rowwise() /= std_;
    // ... and via std: ∂xn/∂std = −xc/std²  →  dstd = −Σ_rows dxn ⊙ xc / std²
    const Row dstd = -(dxn * xc_.array()).colwise().sum() / (std_ * std_);
    // std = √(σ² + ε): ∂std/∂σ² = 0.5/std  →  dvar = 0.5·dstd/std
    const Row dvar = S(0.5) * dstd / std_;
    // σ² = Σ_rows xc²/N: ∂σ²/∂xc = 2·xc/N  →  dxc += (2/N)·xc ⊙ dvar
    Eigen::Array<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> xc_dvar = xc_.array();
    xc_dvar.rowwise() *= dvar;
    dxc += (S(2) / n) * xc_dvar;
    // xc = x − μ with μ = Σ_rows x/N: each x_n reaches xc_n directly (+dxc_n)
    // and, through μ, every row of xc (−1/N each)  →  dx = dxc − Σ_rows dxc / N
    const Row dmu = dxc.colwise().sum();
    dxc.rowwise() -= dmu / n;
    return dxc.matrix();
  }

  std::vector<Param<S>> params() override {
    return {{"gamma", &gamma_, &dgamma_}, {"beta", &beta_, &dbeta_}};
  }
  std::string name() const override { return "BatchNorm"; }

  const Matrix<S>& running_mean() const { return running_mean_; }
  const Matrix<S>& running_var() const { return running_var_; }
  // Restore statistics (e.g. loading a trained network or casting float → double).
  void set_running_stats(const Matrix<S>& mean, const Matrix<S>& var) {
    require_same_shape("BatchNorm.set_running_stats", "mean", mean, "gamma", gamma_);
    require_same_shape("BatchNorm.set_running_stats", "var", var, "gamma", gamma_);
    running_mean_ = mean;
    running_var_ = var;
  }
  double momentum() const { return momentum_; }
  double eps() const { return eps_; }

 private:
  Matrix<S> gamma_, beta_;                // parameters (1, D)
  Matrix<S> dgamma_, dbeta_;              // their gradients
  Matrix<S> running_mean_, running_var_;  // inference statistics (1, D)
  double momentum_, eps_;
  // Training-forward caches for backward (book: self.xc, self.xn, self.std)
  Matrix<S> xc_, xn_;
  Row std_;
};

}  // namespace scratchnet
