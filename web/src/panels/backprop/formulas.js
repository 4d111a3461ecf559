// formulas.js — the formulas of the backprop playground, in 모두의 딥러닝 ch. 3's notation
// (Yo, Yt, Yh, W(t+1) = W(t) − η ∂E/∂W;
//  book ch. 6 optimizers; vol. 2 ch. 1 Affine / Softmax-with-Loss backward).
// Only TeX strings here; they are rendered with katex.render (CSP-safe).

export const FORWARD = String.raw`Y_{h} = f\!\left(x\,W^{(1)} + b^{(1)}\right),\qquad Y_{o} = g\!\left(Y_{h}\,W^{(2)} + b^{(2)}\right)`;

// regression on the plane: identity output + mean squared error (cpp/layers/identity_with_loss.hpp)
export const LOSS_MSE = String.raw`\begin{gathered}Y_o = a,\qquad E = \frac{1}{N}\sum_{n=1}^{N}\frac{1}{2}\left(Y_{o,n} - Y_{t,n}\right)^2,\\ \frac{\partial E}{\partial a_n} = \frac{Y_{o,n} - Y_{t,n}}{N}\end{gathered}`;

// the XOR gate's output (data=xor): one tanh output, squared error on the 0/1 targets (모두의 딥러닝 ch. 3)
export const LOSS_GATE = String.raw`\begin{gathered}Y_o = \tanh a,\qquad E = \frac{1}{N}\sum_{n=1}^{N}\frac{1}{2}\left(Y_{o,n} - Y_{t,n}\right)^2,\\ \frac{\partial E}{\partial a_n} = \frac{\left(Y_{o,n} - Y_{t,n}\right)\left(1 - Y_{o,n}^2\right)}{N}\end{gathered}`;

// TensorFlow Playground's regularization menu as the core's trainer adds it (weights only, not biases)
export const REGULARIZATION = {
  l1: String.raw`L' = L + \lambda\sum|W|,\qquad \frac{\partial L'}{\partial W} = \frac{\partial L}{\partial W} + \lambda\,\operatorname{sign}(W)`,
  l2: String.raw`L' = L + \frac{\lambda}{2}\sum W^2,\qquad \frac{\partial L'}{\partial W} = \frac{\partial L}{\partial W} + \lambda W`,
};

export const HID_DELTA = String.raw`\begin{gathered}\frac{\partial E}{\partial w^{(1)}_{ij}} = \underbrace{\Big(\sum_k \delta_{o_k}\, w^{(2)}_{jk}\Big)\, f'\!\left(a_{h_j}\right)}_{\delta_{h_j}}\; x_i
\\ \left(\text{sigmoid: } (\delta_{o_1} w_{11} + \delta_{o_2} w_{12})\,Y_{h_1}(1-Y_{h_1})\,x_1\right)\end{gathered}`;

export const ACT_DERIV = {
  sigmoid: String.raw`f(a) = \frac{1}{1+e^{-a}},\qquad f'(a) = Y_h\,(1 - Y_h)`,
  tanh: String.raw`f(a) = \tanh a,\qquad f'(a) = 1 - Y_h^2`,
  relu: String.raw`f(a) = \max(0, a),\qquad f'(a) = \begin{cases}1 & a > 0\\ 0 & a \le 0\end{cases}`,
  leaky_relu: String.raw`f(a) = \max(0.01a, a),\qquad f'(a) = \begin{cases}1 & a > 0\\ 0.01 & a \le 0\end{cases}`,
};

export const SOFTMAX = String.raw`\begin{gathered}y_k = \frac{e^{a_k}}{\sum_i e^{a_i}},\quad L = -\frac{1}{N}\sum_n\sum_k t_{nk}\log y_{nk},\\ \frac{\partial L}{\partial a_{nk}} = \frac{y_{nk} - t_{nk}}{N}\end{gathered}`;

export const AFFINE = String.raw`\frac{\partial L}{\partial W} = x^{\mathsf T}\,\frac{\partial L}{\partial a},\qquad \frac{\partial L}{\partial b} = \sum_{n}\frac{\partial L}{\partial a_{n}},\qquad \frac{\partial L}{\partial x} = \frac{\partial L}{\partial a}\,W^{\mathsf T}`;

export const UPDATE = String.raw`W(t+1) = W(t) - \eta\,\frac{\partial E}{\partial W}`;

// book ch. 6 (common/optimizer.py), in the form the core implements (cpp/optim/*.hpp)
export const OPTIMIZER = {
  sgd: String.raw`W \leftarrow W - \eta\,\frac{\partial L}{\partial W}`,
  momentum: String.raw`v \leftarrow \alpha v - \eta\,\frac{\partial L}{\partial W},\qquad W \leftarrow W + v\qquad(\alpha = 0.9)`,
  nesterov: String.raw`v \leftarrow \alpha v - \eta\,\frac{\partial L}{\partial W},\qquad W \leftarrow W + \alpha^2 v - (1+\alpha)\,\eta\,\frac{\partial L}{\partial W}\qquad(\alpha = 0.9)`,
  adagrad: String.raw`h \leftarrow h + \frac{\partial L}{\partial W}\odot\frac{\partial L}{\partial W},\qquad W \leftarrow W - \eta\,\frac{1}{\sqrt{h}+10^{-7}}\,\frac{\partial L}{\partial W}`,
  rmsprop: String.raw`h \leftarrow \rho h + (1-\rho)\,\frac{\partial L}{\partial W}\odot\frac{\partial L}{\partial W},\qquad W \leftarrow W - \eta\,\frac{1}{\sqrt{h}+10^{-7}}\,\frac{\partial L}{\partial W}\qquad(\rho = 0.99)`,
  adam: String.raw`\begin{gathered}g = \frac{\partial L}{\partial W},\quad m \leftarrow m + (1-\beta_1)(g - m),\quad v \leftarrow v + (1-\beta_2)(g^2 - v),\\ W \leftarrow W - \eta\,\frac{\sqrt{1-\beta_2^{\,t}}}{1-\beta_1^{\,t}}\,\frac{m}{\sqrt{v}+10^{-7}}\end{gathered}`,
};
