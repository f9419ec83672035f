#include "console/frame_batch.hpp"

#include <gtest/gtest.h>

namespace r3::console {
namespace {

FrameBatch::Frame f(const char* s) {
  return std::make_shared<const std::string>(s);
}

TEST(AFrameBatch, JoinsFramesInOrderIntoOneJsonArray) {
  FrameBatch b;
  EXPECT_TRUE(b.push(f("{\"a\":1}")));
  EXPECT_TRUE(b.push(f("{\"b\":2}")));
  EXPECT_EQ(b.take(), "[{\"a\":1},{\"b\":2}]");
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(b.take(), "[]");
}

TEST(AFrameBatch, KeepsOnlyTheNewestLiveFramePerTopicInItsPlace) {
  FrameBatch b;
  b.push_coalesced("g/users/a/live", f("1"));
  b.push(f("rep"));
  b.push_coalesced("g/users/a/live", f("2"));
  b.push_coalesced("g/users/b/live", f("3"));
  EXPECT_EQ(b.coalesced(), 1U);
  EXPECT_EQ(b.take(), "[2,rep,3]");
  // After a take, the next live frame of the same topic starts a new slot.
  b.push_coalesced("g/users/a/live", f("4"));
  EXPECT_EQ(b.take(), "[4]");
}

TEST(AFrameBatch, RefusesFramesBeyondItsBoundSoASlowBrowserIsNoticed) {
  FrameBatch b(2);
  EXPECT_TRUE(b.push(f("1")));
  EXPECT_TRUE(b.push(f("2")));
  EXPECT_FALSE(b.push(f("3")));
  EXPECT_FALSE(b.push_coalesced("k", f("4")));
}

}  // namespace
}  // namespace r3::console
