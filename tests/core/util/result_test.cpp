#include "core/util/result.hpp"

#include <gtest/gtest.h>

#include <string>

namespace r3 {
namespace {

Result<int, std::string> half(int x) {
  if (x % 2 != 0) return Err{std::string("odd")};
  return x / 2;
}

TEST(AResult, HoldsTheValueOnSuccess) {
  auto r = half(8);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 4);
}

TEST(AResult, HoldsTheErrorOnFailure) {
  auto r = half(3);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "odd");
}

}  // namespace
}  // namespace r3
