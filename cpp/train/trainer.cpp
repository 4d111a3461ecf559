// trainer.cpp — see trainer.hpp (밑바닥부터 시작하는 딥러닝 2권 1.4.4 "Trainer 클래스").
// The member functions live here and are compiled once for float (training)
// and double (tests), instead of in every file that includes the header.
#include "trainer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <type_traits>

#include "../core/error.hpp"
#include "../kernels/finite.hpp"
#include "../kernels/parallel_for.hpp"
#include "../optim/param_ranges.hpp"
#include "../optim/weight_decay.hpp"

namespace scratchnet {

namespace {

// A layer refuses NaN/inf input with this code (layers/layer.hpp
// require_finite). The data set is checked once in the constructor, so
// during training this error can only come from the weights: divergence.
bool is_not_finite_error(const Error& e) { return e.code() == "input.not_finite"; }

// all_finite of n contiguous values: a range of a parameter (see gradients_finite).
template <class S>
bool range_finite(const S* p, Index n) {
  if constexpr (std::is_same_v<S, float>) {
#if defined(__wasm_simd128__)
    return kernels::all_finite(p, static_cast<std::size_t>(n));
#endif
  }
  return all_finite(Eigen::Map<const Eigen::Array<S, Eigen::Dynamic, 1>>(p, n));
}

}  // namespace

template <class S>
Trainer<S>::Trainer(Network<S>& net, Optimizer<S>& opt, const Dataset& train,
                    const Dataset* test, TrainerConfig config)
    : net_(&net), opt_(opt), train_(train), test_(test), config_(config), rng_(config.seed) {
  const NetSpec& spec = net.spec();
  require(spec.sizes.size() >= 2, "trainer.bad_config", "Trainer: the network has no layers");
  require(spec.weight_decay == 0.0 || opt_.weight_decay() == 0.0, "trainer.bad_config",
          "Trainer: weight decay is set on the network and on the optimizer; set it once");
  init(spec.sizes.front(), spec.sizes.back(), spec.output == "softmax");
}

template <class S>
Trainer<S>::Trainer(ConvNet<S>& net, Optimizer<S>& opt, const Dataset& train,
                    const Dataset* test, TrainerConfig config)
    : conv_net_(&net), opt_(opt), train_(train), test_(test), config_(config), rng_(config.seed) {
  init(net.input_size(), net.classes(), true);
}

template <class S>
void Trainer<S>::init(Index inputs, Index outputs, bool softmax) {
  require(config_.batch_size >= 1, "trainer.bad_config",
          "Trainer: batch size must be at least 1, got " + std::to_string(config_.batch_size));
  require(config_.eval_max_samples >= 0, "trainer.bad_config",
          "Trainer: eval_max_samples must be >= 0 (0 = whole set)");

  const Index n = train_.size();
  require(n > 0, "trainer.bad_data", "Trainer: the training set is empty");
  require(train_.features() == inputs, "trainer.bad_data",
          "Trainer: the data has " + std::to_string(train_.features()) +
              " features but the network's input size is " + std::to_string(inputs));
  // Checked once here so that, later, a NaN can only mean the weights diverged.
  require(all_finite(train_.x), "trainer.bad_data", "Trainer: the training data contains NaN or inf");
  outputs_ = outputs;

  const bool has_labels = !train_.labels.empty();
  if (has_labels) {
    require(Index(train_.labels.size()) == n, "trainer.bad_data",
            "Trainer: " + std::to_string(train_.labels.size()) + " labels for " +
                std::to_string(n) + " rows");
  }
  if (softmax) {
    // Softmax + cross-entropy wants a probability row per sample: one-hot.
    require(has_labels, "trainer.bad_data", "Trainer: a softmax network needs labels");
    kind_ = TargetKind::OneHot;
  } else if (train_.targets.size() > 0) {
    // MSE regression against the given numbers (the XOR of 모두의 딥러닝).
    require(train_.targets.rows() == n && train_.targets.cols() == outputs_, "trainer.bad_data",
            "Trainer: targets are (" + std::to_string(train_.targets.rows()) + ", " +
                std::to_string(train_.targets.cols()) + ") but the network needs (" +
                std::to_string(n) + ", " + std::to_string(outputs_) + ")");
    require(all_finite(train_.targets), "trainer.bad_data",
            "Trainer: the targets contain NaN or inf");
    kind_ = TargetKind::Targets;
  } else {
    require(has_labels, "trainer.bad_data", "Trainer: the data set has neither labels nor targets");
    kind_ = outputs_ == 1 ? TargetKind::LabelValue : TargetKind::OneHot;
  }
  if (kind_ != TargetKind::Targets) {
    const Index classes = kind_ == TargetKind::LabelValue ? 2 : outputs_;
    for (auto label : train_.labels) {
      require(label >= 0 && label < classes, "trainer.bad_data",
              "Trainer: label " + std::to_string(label) + " is outside 0.." +
                  std::to_string(classes - 1));
    }
  }
  if (test_ != nullptr) {
    require(test_->features() == train_.features(), "trainer.bad_data",
            "Trainer: the test set has " + std::to_string(test_->features()) +
                " features, the training set " + std::to_string(train_.features()));
  }

  // ceil(N / batch): the last batch holds the remaining rows.
  const Index batch = std::min<Index>(config_.batch_size, n);
  // Batch size × layer widths, before the batch buffers below are allocated.
  // (A convnet checks its own, im2col included, on every forward: ConvNet::predict.)
  if (net_ != nullptr)
    require_activation_memory(net_->spec(), static_cast<std::uint64_t>(batch), true, sizeof(S), "a training step");
  steps_per_epoch_ = static_cast<int>((n + batch - 1) / batch);
  const Index tail = n - (steps_per_epoch_ - 1) * batch;  // rows of the last step, 1..batch
  batch_x_.resize(batch, train_.features());
  batch_t_.resize(batch, outputs_);
  if (tail != batch) {
    tail_x_.resize(tail, train_.features());
    tail_t_.resize(tail, outputs_);
  }

  order_.resize(static_cast<std::size_t>(n));
  std::iota(order_.begin(), order_.end(), Index(0));

  // Network::params() promises stable pointers, so one copy of the list serves
  // every step (no vector rebuilt per step).
  params_ = net_ != nullptr ? net_->params() : conv_net_->params();
  backup_.resize(params_.size());
  for (auto& layer : net_ != nullptr ? net_->layers() : conv_net_->layers()) {
    if (auto* bn = dynamic_cast<BatchNorm<S>*>(layer.get())) batch_norms_.push_back(bn);
  }
  bn_backup_.resize(batch_norms_.size());
}

template <class S>
S Trainer<S>::net_gradient(const Matrix<S>& x, const Matrix<S>& t) {
  return net_ != nullptr ? net_->gradient(x, t) : conv_net_->gradient(x, t);
}

template <class S>
double Trainer<S>::net_accuracy(const Matrix<S>& x, const std::vector<std::int32_t>& labels, Index rows) {
  if (net_ != nullptr) return net_->accuracy(x, labels, rows);
  return conv_net_->accuracy(x, labels, 100, rows);  // 100 rows at a time: im2col of all would be huge
}

template <class S>
void Trainer<S>::fill_batch(Index first, Index rows, Matrix<S>& bx, Matrix<S>& bt) const {
  // The book's x[idx][iters*batch_size:(iters+1)*batch_size], copied row by
  // row into the preallocated buffers (and cast to S for a double network);
  // the rows are independent, so the threads of the pool share them out.
  if (kind_ != TargetKind::Targets) bt.setZero();
  const Index grain = std::max<Index>(1, kernels::kParallelGrain / std::max<Index>(1, bx.cols()));
  kernels::parallel_for(rows, grain, [&](Index begin, Index end) {
    for (Index r = begin; r < end; ++r) {
      const Index src = order_[static_cast<std::size_t>(first + r)];
      if constexpr (std::is_same_v<S, float>) {
        // a plain copy of the row (memcpy: wasm's memory.copy, not Eigen's scalar loop)
        std::copy_n(train_.x.row(src).data(), bx.cols(), bx.row(r).data());
      } else {
        bx.row(r) = train_.x.row(src).template cast<S>();
      }
      switch (kind_) {
        case TargetKind::OneHot:  // one_hot(labels): t[r, label] = 1
          bt(r, train_.labels[static_cast<std::size_t>(src)]) = S(1);
          break;
        case TargetKind::LabelValue:  // a single output learns the 0/1 label itself
          bt(r, 0) = static_cast<S>(train_.labels[static_cast<std::size_t>(src)]);
          break;
        case TargetKind::Targets:
          bt.row(r) = train_.targets.row(src).template cast<S>();
          break;
      }
    }
  });
}

// The guard's passes read every parameter: split across threads (param_ranges.hpp).
template <class S>
bool Trainer<S>::gradients_finite() const {
  return parallel_all_params(params_, [&](std::size_t i, Index lo, Index hi) {
    return range_finite(params_[i].grad->data() + lo, hi - lo);
  });
}

template <class S>
bool Trainer<S>::values_finite() const {
  return parallel_all_params(params_, [&](std::size_t i, Index lo, Index hi) {
    return range_finite(params_[i].value->data() + lo, hi - lo);
  });
}

template <class S>
StepResult Trainer<S>::step() {
  const Index n = train_.size();
  // np.random.permutation at the start of each epoch. Shuffling `order_` in
  // place composes the permutations, exactly as the book's `x = x[idx]` does.
  if (need_shuffle_) {
    if (config_.shuffle) rng_.shuffle(order_.begin(), order_.end());
    need_shuffle_ = false;
  }
  const Index rows = std::min<Index>(batch_x_.rows(), n - cursor_);
  const bool full = rows == batch_x_.rows();
  Matrix<S>& bx = full ? batch_x_ : tail_x_;
  Matrix<S>& bt = full ? batch_t_ : tail_t_;
  fill_batch(cursor_, rows, bx, bt);

  StepResult r;
  // BatchNorm's running mean/variance change during the forward pass itself
  // (they are not parameters, the optimizer never sees them). Keep a copy so
  // that a diverged step can restore them too.
  if (guard_divergence_) {
    for (std::size_t i = 0; i < batch_norms_.size(); ++i) {
      bn_backup_[i].first = batch_norms_[i]->running_mean();
      bn_backup_[i].second = batch_norms_[i]->running_var();
    }
  }
  // loss = model.forward(batch_x, batch_t); model.backward()
  bool finite = true;
  try {
    // + ½λΣ‖W‖² of the optimizer's decay, at the weights the gradient saw
    // (the network's own λ is already in its loss)
    // and + λ₁Σ|W| of its L1 term
    r.loss = static_cast<double>(net_gradient(bx, bt)) + weight_decay_loss(params_, opt_.weight_decay()) +
             l1_loss(params_, opt_.l1());
  } catch (const Error& e) {
    // Any other error (a shape mismatch...) is a bug in the setup: rethrow,
    // with the trainer's counters untouched.
    if (!is_not_finite_error(e)) throw;
    finite = false;  // some layer met an inf: the loss is not computable
  }

  // The divergence guard, part 1 — check *before* updating. A NaN gradient
  // would write NaN into every weight it touches, and no later step can
  // recover from that, so such an update is simply skipped.
  finite = finite && std::isfinite(r.loss) && gradients_finite();

  if (finite) {
    if (guard_divergence_) {
      // Same shapes every step, so these copies reuse their memory.
      for (std::size_t i = 0; i < params_.size(); ++i) backup_[i].resize(params_[i].value->rows(), params_[i].value->cols());
      parallel_over_params(params_, [&](std::size_t i, Index lo, Index hi) {
        std::copy(params_[i].value->data() + lo, params_[i].value->data() + hi, backup_[i].data() + lo);
      });
    }
    // optimizer.update(model.params, model.grads)
    opt_.update(params_);
    // Part 2: finite gradients can still produce inf weights (lr·g overflows).
    if (!values_finite()) {
      finite = false;
      if (guard_divergence_) {
        for (std::size_t i = 0; i < params_.size(); ++i) *params_[i].value = backup_[i];
        // The optimizer's memory (Momentum's v, Adam's m and v) took part in
        // the bad update and may hold inf itself; keeping it would make every
        // later step diverge again. Start its memory afresh.
        opt_.reset();
      }
    }
  }
  r.diverged = !finite;
  if (r.diverged && guard_divergence_) {
    for (std::size_t i = 0; i < batch_norms_.size(); ++i)
      batch_norms_[i]->set_running_stats(bn_backup_[i].first, bn_backup_[i].second);
  }

  // Commit the step.
  cursor_ += rows;
  ++steps_;
  r.step = steps_;
  r.epoch = epochs_done_ + 1;
  loss_history_.push_back(r.loss);
  if (std::isfinite(r.loss)) {
    epoch_loss_sum_ += r.loss;
    ++epoch_loss_count_;
  }
  if (cursor_ == n) {
    r.epoch_end = true;
    r.epoch_loss = epoch_loss_count_ > 0 ? epoch_loss_sum_ / epoch_loss_count_
                                         : std::numeric_limits<double>::quiet_NaN();
    epoch_loss_history_.push_back(r.epoch_loss);
    epoch_loss_sum_ = 0.0;
    epoch_loss_count_ = 0;
    ++epochs_done_;
    cursor_ = 0;
    need_shuffle_ = true;
    // The book's Trainer evaluates every eval_interval iterations; we measure
    // accuracy once per epoch, when every sample has been seen once more.
    r.train_acc = evaluate(train_);
    train_acc_history_.push_back(r.train_acc);
    if (test_ != nullptr) {
      r.test_acc = evaluate(*test_);
      test_acc_history_.push_back(r.test_acc);
    }
  }
  return r;
}

template <class S>
std::vector<StepResult> Trainer<S>::run(int steps, bool stop_at_divergence) {
  require(steps >= 0, "trainer.bad_config", "Trainer.run: steps must be >= 0");
  require(steps <= kMaxRunSteps, "trainer.bad_steps", "Trainer.run: steps must be at most 1000000");
  std::vector<StepResult> results;
  results.reserve(static_cast<std::size_t>(steps));
  for (int i = 0; i < steps; ++i) {
    results.push_back(step());
    if (stop_at_divergence && results.back().diverged) break;
  }
  return results;
}

template <class S>
double Trainer<S>::gradient(const Matrix<S>& x, const Matrix<S>& t) {
  // the data loss's backprop (+ the network's own weight decay, if its spec has one)
  const double loss = static_cast<double>(net_gradient(x, t));
  // ∂/∂W (L + λ₁Σ|W| + ½λΣ‖W‖²) = ∂L/∂W + λ₁·sign(W) + λW, as update() adds them
  opt_.add_regularization_gradient(params_);
  return loss + weight_decay_loss(params_, opt_.weight_decay()) + l1_loss(params_, opt_.l1());
}

template <class S>
void Trainer<S>::set_learning_rate(double lr) {
  opt_.set_lr(lr);
}

template <class S>
double Trainer<S>::learning_rate() const {
  return opt_.lr();
}

template <class S>
double Trainer<S>::evaluate(const Dataset& data) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (data.labels.empty() || data.size() == 0) return kNaN;
  const Index k = config_.eval_max_samples > 0
                      ? std::min<Index>(config_.eval_max_samples, data.size())
                      : data.size();
  try {
    if constexpr (std::is_same_v<S, float>) {
      return net_accuracy(data.x, data.labels, k);  // no copy: the data already is float
    } else {
      const std::vector<std::int32_t> labels(data.labels.begin(), data.labels.begin() + k);
      return net_accuracy(data.x.topRows(k).template cast<S>(), labels, k);
    }
  } catch (const Error& e) {
    if (!is_not_finite_error(e)) throw;
    return kNaN;  // weights left non-finite (guard off): no meaningful accuracy
  }
}

template class Trainer<float>;
template class Trainer<double>;

}  // namespace scratchnet
