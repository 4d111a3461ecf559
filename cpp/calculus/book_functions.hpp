// book_functions.hpp — the functions the book differentiates, with their
// values and their gradients worked out by hand.
//
// 밑바닥부터 시작하는 딥러닝 1권 4.3.2 "수치 미분의 예" (function_1),
// 4.3.3 "편미분" and 4.4 "기울기" (function_2), 6.1.3 "SGD의 단점"
// (f(x, y) = x²/20 + y², the bowl every optimizer of figure 6-8 walks down).
//
//   function_1(x)      = 0.01x² + 0.1x        f′(x) = 0.02x + 0.1
//   function_2(x0, x1) = x0² + x1²            ∇f    = (2x0, 2x1)
//   x2_20_plus_y2(x, y) = x²/20 + y²          ∇f    = (x/10, 2y)
//
// The values are templated on the scalar and written with the book's
// operations in the book's order (x**2 is x·x, NumPy's square), so that
// float shows what float32 does to a derivative and double gives the book's
// digits to the last place.
#pragma once

#include <string>

#include "../core/error.hpp"
#include "../core/matrix.hpp"

namespace scratchnet {

enum class BookFunction { Function1, Function2, X2Over20PlusY2 };

// The names the JavaScript API and the UI use, in the book's order.
inline constexpr const char* kBookFunctionNames[] = {"function_1", "function_2", "x2_20_plus_y2"};

inline const char* book_function_name(BookFunction f) {
  return kBookFunctionNames[static_cast<int>(f)];
}

// "function_1" → BookFunction::Function1; anything else throws calculus.unknown_function.
inline BookFunction book_function_from_name(const std::string& name) {
  if (name == "function_1") return BookFunction::Function1;
  if (name == "function_2") return BookFunction::Function2;
  if (name == "x2_20_plus_y2") return BookFunction::X2Over20PlusY2;
  throw Error("calculus.unknown_function",
              "unknown function '" + name + "' (expected function_1, function_2 or x2_20_plus_y2)");
}

// How many variables the function takes: 1 for function_1, 2 for the others.
inline int book_function_dims(BookFunction f) { return f == BookFunction::Function1 ? 1 : 2; }

// x has book_function_dims(f) entries (checked by the callers in calculus.hpp).
template <class S>
S book_function_value(BookFunction f, const RowVector<S>& x) {
  switch (f) {
    case BookFunction::Function1:
      // return 0.01*x**2 + 0.1*x
      return S(0.01) * (x(0) * x(0)) + S(0.1) * x(0);
    case BookFunction::Function2:
      // return x[0]**2 + x[1]**2
      return x(0) * x(0) + x(1) * x(1);
    case BookFunction::X2Over20PlusY2:
      // return x**2 / 20.0 + y**2
      return x(0) * x(0) / S(20) + x(1) * x(1);
  }
  return S(0);
}

// ∇f by hand: what the numerical gradient approximates.
template <class S>
RowVector<S> book_function_gradient(BookFunction f, const RowVector<S>& x) {
  RowVector<S> g(x.size());
  switch (f) {
    case BookFunction::Function1:
      // d/dx (0.01x² + 0.1x) = 0.02x + 0.1
      g(0) = S(0.02) * x(0) + S(0.1);
      break;
    case BookFunction::Function2:
      // ∂/∂x_i (x0² + x1²) = 2x_i
      g(0) = S(2) * x(0);
      g(1) = S(2) * x(1);
      break;
    case BookFunction::X2Over20PlusY2:
      // ∂/∂x (x²/20) = x/10, ∂/∂y (y²) = 2y  (the book's df)
      g(0) = x(0) / S(10);
      g(1) = S(2) * x(1);
      break;
  }
  return g;
}

}  // namespace scratchnet
