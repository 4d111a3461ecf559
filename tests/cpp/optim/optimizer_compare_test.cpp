// The book's optimizer comparison (밑바닥부터 시작하는 딥러닝 1권 6.1.7, figure 6-8,
// ch06/optimizer_compare_naive.py): 30 steps on f(x, y) = x²/20 + y² from (−7, 2)
// with the script's learning rates (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3;
// Nesterov and RMSprop, not in the figure, 0.1).
//
// The expected positions come from scripts/book-optimizer-paths.py, which runs the
// update rules of the book's common/optimizer.py in float64 NumPy. Every optimizer
// is built by name through make_optimizer, as the UI and the CLI build them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "optim/make_optimizer.hpp"

namespace {

using scratchnet::Matrix;
using scratchnet::Param;

struct Point {
  double x, y;
};
struct BookPath {
  const char* name;
  double lr;
  Point step1, step2, step30;
};

// python3 scripts/book-optimizer-paths.py
const BookPath kBook[] = {
    {"sgd", 0.95, {-6.335, -1.7999999999999998}, {-5.733175, 1.6199999999999997}, {-0.3503929957523197, 0.0847823165504322}},
    {"momentum", 0.1, {-6.93, 1.6}, {-6.7977, 0.9199999999999999}, {0.896413858493733, 0.08808560171506971}},
    {"nesterov", 0.1, {-6.867, 1.24}, {-6.6798269999999995, 0.4447999999999999}, {0.6896149016966209, -0.0006799058361171969}},
    {"adagrad", 1.5, {-5.500000214285683, 0.5000000374999991}, {-4.573267968164272, 0.13619658308878757}, {-0.12016232231416045, 2.486389893984459e-17}},
    {"rmsprop", 0.1, {-6.000001428569388, 1.000000249999938}, {-5.347326716177816, 0.5509870061178768}, {-0.6974203096807907, 1.4834621508315574e-08}},
    {"adam", 0.3, {-6.700001355255732, 1.700000237170637}, {-6.400416624043272, 1.4022457408988034}, {0.13600685239498186, 0.31824537553721943}},
};

TEST(OptimizerCompare, AllSixFollowTheBooksPathOnXSquaredOver20PlusYSquared) {
  for (const BookPath& book : kBook) {
    Matrix<double> x = Matrix<double>::Constant(1, 1, -7.0), y = Matrix<double>::Constant(1, 1, 2.0);
    Matrix<double> gx(1, 1), gy(1, 1);
    std::vector<Param<double>> params{{"x", &x, &gx}, {"y", &y, &gy}};
    auto opt = scratchnet::make_optimizer<double>(book.name, book.lr);
    for (int step = 1; step <= 30; ++step) {
      gx(0, 0) = x(0, 0) / 10.0;  // ∂f/∂x = x/10
      gy(0, 0) = 2.0 * y(0, 0);   // ∂f/∂y = 2y
      opt->update(params);
      const Point* want = step == 1 ? &book.step1 : step == 2 ? &book.step2 : step == 30 ? &book.step30 : nullptr;
      if (want == nullptr) continue;
      EXPECT_NEAR(x(0, 0), want->x, 1e-9) << book.name << " step " << step;
      EXPECT_NEAR(y(0, 0), want->y, 1e-9) << book.name << " step " << step;
    }
  }
}

}  // namespace
