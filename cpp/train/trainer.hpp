// trainer.hpp — the training loop, one minibatch at a time.
//
// 밑바닥부터 시작하는 딥러닝 2권 1.4.4 "Trainer 클래스" (common/trainer.py):
//
//   for epoch in range(max_epoch):
//       idx = np.random.permutation(data_size); x = x[idx]; t = t[idx]
//       for iters in range(max_iters):
//           batch_x = x[iters*batch_size:(iters+1)*batch_size]; batch_t = ...
//           loss = model.forward(batch_x, batch_t); model.backward()
//           optimizer.update(model.params, model.grads)
//
// The book's fit() runs the whole double loop and returns when training is
// over. A browser page cannot wait that long — the tab would freeze — so this
// Trainer is *steppable*: step() does one iteration of the inner loop and
// returns, run(n) does n of them; the caller draws the loss curve or the
// decision boundary in between and calls again. Stopping, changing the
// learning rate, and continuing are therefore free.
//
// Differences from the book, each on purpose:
//   * the last, smaller minibatch of an epoch is used, not dropped — an epoch
//     takes ceil(N / batch_size) steps, so every sample is seen every epoch;
//   * shuffling uses our own seeded Rng (core/rng.hpp): the same seed gives
//     the same batches natively and in the browser;
//   * a step whose loss or gradient is NaN/inf does not touch the weights
//     ("divergence guard", see step()).
//
// The trainer keeps references: the network, the optimizer and the data sets
// must outlive it, and the network's list of layers must not change while a
// trainer uses it (the parameter pointers are taken once).
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "../core/matrix.hpp"
#include "../core/rng.hpp"
#include "../data/dataset.hpp"
#include "../layers/batch_norm.hpp"
#include "../layers/layer.hpp"
#include "../net/conv_net.hpp"
#include "../net/network.hpp"
#include "../optim/optimizer.hpp"

namespace scratchnet {

struct TrainerConfig {
  int batch_size = 100;       // rows per step; larger than the data set means "full batch"
  bool shuffle = true;        // new random order at the start of every epoch
  std::uint64_t seed = 0;     // seeds the shuffling, nothing else
  int eval_max_samples = 0;   // accuracy on the first k rows only; 0 = whole set
};

// What one step did. Accuracies are measured only when an epoch ends.
struct StepResult {
  std::int64_t step = 0;      // 1 for the first step ever taken by this trainer
  int epoch = 0;              // 1-based epoch this step belongs to
  // Minibatch loss (NaN if not computable), with weight decay's ½λ·Σ‖W‖² as the
  // book's MultiLayerNet.loss has it — λ of the network or of the optimizer —
  // and with the optimizer's L1 term λ₁·Σ|W|.
  double loss = std::numeric_limits<double>::quiet_NaN();
  double epoch_loss = std::numeric_limits<double>::quiet_NaN();  // mean step loss of the epoch; NaN unless epoch_end
  bool epoch_end = false;     // this step used the last rows of the epoch
  double train_acc = std::numeric_limits<double>::quiet_NaN();  // NaN unless epoch_end
  double test_acc = std::numeric_limits<double>::quiet_NaN();   // NaN unless epoch_end and a test set
  bool diverged = false;      // NaN/inf met: the update was not applied (or was rolled back)
};

template <class S>
class Trainer {
 public:
  // Classification (output "softmax"): the targets are one_hot(labels).
  // Regression (any other output, MSE): the targets are `train.targets`;
  // a set with labels only is used as one-hot rows, or as the 0/1 value
  // itself when the network has a single output.
  // Weight decay may be set on the network (spec.weight_decay) or on the
  // optimizer, not on both: that would decay twice ("trainer.bad_config").
  // Throws Error "trainer.bad_config" / "trainer.bad_data" on a mismatch, and
  // "size.too_large" when batch size × layer widths would not fit in memory
  // (require_activation_memory), before any batch buffer is allocated.
  Trainer(Network<S>& net, Optimizer<S>& opt, const Dataset& train, const Dataset* test = nullptr,
          TrainerConfig config = {});
  // The same loop for a convnet (book 7.5, SimpleConvNet trained by the book's
  // common/trainer.py): always softmax, so the targets are one_hot(labels).
  // Weight decay goes on the optimizer only (a ConvNet has no λ of its own).
  Trainer(ConvNet<S>& net, Optimizer<S>& opt, const Dataset& train, const Dataset* test = nullptr,
          TrainerConfig config = {});

  // One minibatch: forward + backward (net.gradient), check, optimizer update.
  // Divergence: if the loss or a gradient is NaN/inf the update is skipped;
  // if the update itself makes a weight NaN/inf it is undone from a copy and
  // the optimizer's memory is reset (guard on). Either way diverged = true,
  // the weights (and BatchNorm's running statistics) are exactly as before
  // the step, and after a lower set_learning_rate() training simply goes on.
  // A diverged step still counts: its batch is used up, step/epoch advance.
  StepResult step();
  // `steps` steps (at most kMaxRunSteps), then return so the caller can update
  // the UI. With stop_at_divergence the run ends right after the first
  // diverged step, so a UI can pause there instead of piling up NaN steps.
  static constexpr int kMaxRunSteps = 1'000'000;
  std::vector<StepResult> run(int steps, bool stop_at_divergence = false);

  // The gradient a step hands the optimizer's formula, on rows (x, t) a page
  // chooses (t as Network::gradient takes it): backprop's ∂L/∂θ of the data loss
  // plus the optimizer's regularization terms (L1: + λ₁·sign(W); L2 weight decay,
  // loss + ½λ‖W‖²: + λW), left in the network's gradient buffers. Returns the
  // regularized loss, as step() reports it. The weights do not move.
  double gradient(const Matrix<S>& x, const Matrix<S>& t);
  // The parameters a step updates, with their gradient buffers (what gradient() fills).
  const std::vector<Param<S>>& params() const { return params_; }

  // Takes effect on the next step (forwards to Optimizer::set_lr).
  void set_learning_rate(double lr);
  double learning_rate() const;

  // On (default): the weights are copied before every update so that an
  // update producing NaN/inf can be undone exactly. Off: no copy (a little
  // faster on big networks); a bad update is still reported as diverged but
  // stays in the weights.
  void set_guard_divergence(bool on) { guard_divergence_ = on; }
  bool guard_divergence() const { return guard_divergence_; }

  // Accuracy of the current network on `data` (its first eval_max_samples
  // rows when that is set): argmax == label, or output > 0.5 == label for a
  // single-output network. NaN for a set without labels or a network whose
  // output is not finite.
  double evaluate(const Dataset& data);

  // One loss per step (NaN for a step whose forward pass overflowed), and one
  // accuracy and one mean loss per completed epoch (the mean of its finite
  // step losses: the number an epoch's log line should show, not its last batch's).
  const std::vector<double>& loss_history() const { return loss_history_; }
  const std::vector<double>& epoch_loss_history() const { return epoch_loss_history_; }
  const std::vector<double>& train_acc_history() const { return train_acc_history_; }
  const std::vector<double>& test_acc_history() const { return test_acc_history_; }
  std::int64_t step_count() const { return steps_; }
  int epoch() const { return epochs_done_; }  // completed epochs
  int steps_per_epoch() const { return steps_per_epoch_; }
  const TrainerConfig& config() const { return config_; }

 private:
  enum class TargetKind { OneHot, Targets, LabelValue };

  // What the constructors share once they know the network's input size, its
  // outputs and whether it ends in softmax.
  void init(Index inputs, Index outputs, bool softmax);
  // The two calls the loop makes on the network, to whichever kind it is.
  S net_gradient(const Matrix<S>& x, const Matrix<S>& t);
  double net_accuracy(const Matrix<S>& x, const std::vector<std::int32_t>& labels, Index rows);

  void fill_batch(Index first, Index rows, Matrix<S>& bx, Matrix<S>& bt) const;
  bool gradients_finite() const;
  bool values_finite() const;

  Network<S>* net_ = nullptr;      // exactly one of these two is set
  ConvNet<S>* conv_net_ = nullptr;
  Optimizer<S>& opt_;
  const Dataset& train_;
  const Dataset* test_;
  TrainerConfig config_;
  TargetKind kind_ = TargetKind::OneHot;
  Index outputs_ = 0;

  Rng rng_;
  std::vector<Index> order_;  // row order of the current epoch
  Index cursor_ = 0;          // rows of this epoch already used
  bool need_shuffle_ = true;
  std::int64_t steps_ = 0;
  int epochs_done_ = 0;
  int steps_per_epoch_ = 0;
  bool guard_divergence_ = true;

  // Allocated once: a full minibatch and the smaller last one of an epoch.
  // Assigning rows into them never reallocates, so a step does not touch the
  // heap for its data (the network's layers still allocate their outputs).
  Matrix<S> batch_x_, batch_t_, tail_x_, tail_t_;
  std::vector<Param<S>> params_;   // taken once from net.params()
  std::vector<Matrix<S>> backup_;  // weights before the update (guard on)
  std::vector<BatchNorm<S>*> batch_norms_;  // their running statistics are guarded too
  std::vector<std::pair<Matrix<S>, Matrix<S>>> bn_backup_;

  std::vector<double> loss_history_, train_acc_history_, test_acc_history_, epoch_loss_history_;
  double epoch_loss_sum_ = 0.0;  // finite step losses of the running epoch
  int epoch_loss_count_ = 0;
};

extern template class Trainer<float>;
extern template class Trainer<double>;

}  // namespace scratchnet
