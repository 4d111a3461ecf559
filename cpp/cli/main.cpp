// scratchnet-cli — train and evaluate a network on IDX files from a terminal.
//
// It runs the same core as the browser, natively, so a result in the
// playground can be checked here (and, later, timed against the wasm build).
//
// The usage text below (kUsage, printed by --help) is the reference.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "scratchnet.hpp"

namespace sn = scratchnet;

namespace {

constexpr const char* kUsage = R"(usage:
  scratchnet-cli train --train-images F --train-labels F [--test-images F --test-labels F]
                       [--classes 10] [--sizes 784,100,10] [--hidden relu] [--output softmax]
                       [--init he] [--batchnorm] [--dropout 0] [--optimizer adam] [--lr 0]
                       [--weight-decay 0] [--batch 100] [--epochs 5] [--seed 1] [--save model.npz]
  scratchnet-cli eval  --model F.npz --images F --labels F [--classes 10] [--hidden sigmoid]
  scratchnet-cli --help

IDX files may be gzipped. --lr 0 means the book's default for the optimizer.
train prints, per epoch, the mean loss of its minibatches (with weight decay's
0.5*lambda*sum(W^2), as the book's MultiLayerNet.loss), the accuracies and the speed.
--batchnorm puts BatchNorm after every hidden Affine; --dropout R drops a share R
of every hidden activation while training. --save writes an .npz that numpy
reads and that holds the architecture, so eval needs no --hidden for it; --hidden
is for files without one (the book's ch. 3 weights: sigmoid).
)";

using Args = std::map<std::string, std::string>;

// Options that take no value.
bool is_flag(const std::string& key) { return key == "--help" || key == "-h" || key == "--batchnorm"; }

Args parse(int argc, char** argv, int first) {
  Args args;
  for (int i = first; i < argc; ++i) {
    std::string key = argv[i];
    if (is_flag(key)) {
      args[key == "-h" ? "help" : key.substr(2)] = "1";
      continue;
    }
    sn::require(key.rfind("--", 0) == 0 && i + 1 < argc, "cli.usage", "expected --option value, got '" + key + "'");
    args[key.substr(2)] = argv[++i];
  }
  return args;
}

std::string get(const Args& a, const std::string& key, const std::string& fallback = "") {
  const auto it = a.find(key);
  if (it != a.end()) return it->second;
  sn::require(!fallback.empty(), "cli.usage", "missing --" + key);
  return fallback;
}

std::vector<int> parse_sizes(const std::string& s) {
  std::vector<int> sizes;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');) sizes.push_back(std::stoi(part));
  return sizes;
}

// Reads --<prefix>images and --<prefix>labels (in that order, so errors are predictable).
sn::Dataset load(const Args& a, const std::string& prefix, const std::string& name) {
  const std::string images = get(a, prefix + "images");
  const std::string labels = get(a, prefix + "labels");
  return sn::make_idx_dataset(sn::read_idx_file(images), sn::read_idx_file(labels),
                              std::stoi(get(a, "classes", "10")), name);
}

int train(const Args& a) {
  const sn::Dataset train_set = load(a, "train-", "train");
  const bool has_test = a.count("test-images") != 0;
  sn::Dataset test_set;
  if (has_test) test_set = load(a, "test-", "test");

  sn::NetSpec spec;
  spec.sizes = parse_sizes(get(a, "sizes", std::to_string(train_set.features()) + ",100," +
                                               std::to_string(train_set.classes)));
  spec.hidden = get(a, "hidden", "relu");
  spec.output = get(a, "output", "softmax");
  spec.init = get(a, "init", "he");
  spec.batch_norm = a.count("batchnorm") != 0;
  spec.dropout = std::stod(get(a, "dropout", "0"));
  const auto seed = std::stoull(get(a, "seed", "1"));
  sn::Network<float> net(spec, seed);
  auto opt = sn::make_optimizer<float>(get(a, "optimizer", "adam"), std::stod(get(a, "lr", "0")),
                                       std::stod(get(a, "weight-decay", "0")));
  sn::TrainerConfig config;
  config.batch_size = std::stoi(get(a, "batch", "100"));
  config.seed = seed;
  sn::Trainer<float> trainer(net, *opt, train_set, has_test ? &test_set : nullptr, config);

  const int epochs = std::stoi(get(a, "epochs", "5"));
  std::printf("epoch  loss      train_acc  test_acc  samples/s\n");
  for (int e = 0; e < epochs; ++e) {
    const auto t0 = std::chrono::steady_clock::now();
    sn::StepResult r;
    do {
      r = trainer.step();
      if (r.diverged) {
        std::fprintf(stderr, "diverged at step %lld (loss %g): lower --lr\n", static_cast<long long>(r.step), r.loss);
        return 3;
      }
    } while (!r.epoch_end);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // the epoch's mean minibatch loss (Trainer::epoch_loss_history), not its last minibatch's
    std::printf("%5d  %.5f  %.4f     %.4f    %.0f\n", r.epoch, r.epoch_loss, r.train_acc, r.test_acc,
                static_cast<double>(train_set.size()) / s);
  }
  if (a.count("save")) {
    sn::save_npz_file(get(a, "save"), sn::network_arrays(net), sn::network_texts(net));
    std::printf("saved %s\n", get(a, "save").c_str());
  }
  return 0;
}

int eval(const Args& a) {
  sn::NetSpec spec;  // for a file without an architecture entry
  spec.hidden = get(a, "hidden", "sigmoid");
  sn::Network<float> net = sn::load_network_npz_file(get(a, "model"), spec);
  const sn::Dataset data = load(a, "", "eval");
  std::printf("accuracy %.4f on %lld samples\n", net.accuracy(data.x, data.labels), static_cast<long long>(data.size()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (command == "train" || command == "eval") {
      const Args args = parse(argc, argv, 2);
      if (args.count("help")) {
        std::fputs(kUsage, stdout);
        return 0;
      }
      return command == "train" ? train(args) : eval(args);
    }
    std::fputs(kUsage, stderr);
    return 2;
  } catch (const sn::Error& e) {
    std::fprintf(stderr, "error [%s]: %s\n", e.code().c_str(), e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  }
  return 1;
}
