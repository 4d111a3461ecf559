#!/usr/bin/env python3
"""The book's optimizer comparison (밑바닥부터 시작하는 딥러닝 1권 6.1.7, figure 6-8,
ch06/optimizer_compare_naive.py): 30 steps on f(x, y) = x²/20 + y² from (−7, 2).

The six update rules are written as in the book's common/optimizer.py (Nesterov
in the book's order: W moves with the old v, then v is updated), in float64.
Prints the positions after steps 1, 2 and 30 for the fixture in
tests/cpp/optim/optimizer_compare_test.cpp. The learning rates are the
script's (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3); Nesterov and
RMSprop, not in the figure, use 0.1 and 0.1.
Run: python3 scripts/book-optimizer-paths.py
"""
import numpy as np


class SGD:
    def __init__(self, lr=0.01): self.lr = lr
    def update(self, params, grads):
        for key in params: params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9): self.lr, self.momentum, self.v = lr, momentum, None
    def update(self, params, grads):
        if self.v is None: self.v = {k: np.zeros_like(v) for k, v in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9): self.lr, self.momentum, self.v = lr, momentum, None
    def update(self, params, grads):
        if self.v is None: self.v = {k: np.zeros_like(v) for k, v in params.items()}
        for key in params:
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]


class AdaGrad:
    def __init__(self, lr=0.01): self.lr, self.h = lr, None
    def update(self, params, grads):
        if self.h is None: self.h = {k: np.zeros_like(v) for k, v in params.items()}
        for key in params:
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99): self.lr, self.decay_rate, self.h = lr, decay_rate, None
    def update(self, params, grads):
        if self.h is None: self.h = {k: np.zeros_like(v) for k, v in params.items()}
        for key in params:
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None
    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(v) for k, v in params.items()}
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in params:
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


optimizers = {'sgd': SGD(0.95), 'momentum': Momentum(0.1), 'nesterov': Nesterov(0.1),
              'adagrad': AdaGrad(1.5), 'rmsprop': RMSprop(0.1), 'adam': Adam(0.3)}
for name, opt in optimizers.items():
    params = {'x': np.array(-7.0), 'y': np.array(2.0)}
    at = {}
    for step in range(1, 31):
        grads = {'x': params['x'] / 10.0, 'y': 2.0 * params['y']}
        opt.update(params, grads)
        if step in (1, 2, 30): at[step] = (float(params['x']), float(params['y']))
    print(f'{{"{name}", {opt.lr}, {{' + ', '.join(f'{{{x!r}, {y!r}}}' for x, y in at.values()) + '}},')
