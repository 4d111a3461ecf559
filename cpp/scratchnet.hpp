// scratchnet.hpp — the whole public API of the core, in reading order.
//
// Read it like the book: perceptrons (ch. 2) → activation functions (ch. 3)
// → layers with forward/backward (ch. 5; convolution and pooling: ch. 7)
// → a network of layers (ch. 4–5; convnets: ch. 7–8)
// → optimizers (ch. 6) → a Trainer (vol. 2 ch. 1) → data and weight files.
// Nothing here knows about browsers; cpp/bindings/bindings.cpp is the only
// file that talks to JavaScript.
#pragma once

#include "core/build_info.hpp"
#include "core/error.hpp"
#include "core/matrix.hpp"
#include "core/rng.hpp"

#include "core/perceptron.hpp"
#include "core/activations.hpp"

#include "layers/layer.hpp"
#include "layers/affine.hpp"
#include "layers/sigmoid.hpp"
#include "layers/tanh.hpp"
#include "layers/relu.hpp"
#include "layers/leaky_relu.hpp"
#include "layers/identity.hpp"
#include "layers/softmax_with_loss.hpp"
#include "layers/identity_with_loss.hpp"
#include "layers/dropout.hpp"
#include "layers/batch_norm.hpp"
#include "layers/activation_layer.hpp"
#include "layers/im2col.hpp"
#include "layers/convolution.hpp"
#include "layers/pooling.hpp"

#include "calculus/calculus.hpp"
#include "layers/matmul.hpp"
#include "graph/graph.hpp"

#include "net/network.hpp"
#include "net/network_npz.hpp"
#include "net/gradient_check.hpp"
#include "net/neuron_maps.hpp"
#include "net/conv_net.hpp"
#include "net/conv_net_npz.hpp"
#include "net/precision.hpp"
#include "kernels/float16.hpp"
#include "kernels/threads.hpp"

#include "optim/optimizer.hpp"
#include "optim/make_optimizer.hpp"

#include "train/trainer.hpp"

#include "data/dataset.hpp"
#include "data/idx.hpp"
#include "data/array_dataset.hpp"
#include "data/toy_datasets.hpp"
#include "data/split.hpp"
#include "data/features.hpp"
#include "io/npz.hpp"
#include "io/npy_text.hpp"
#include "io/json.hpp"
