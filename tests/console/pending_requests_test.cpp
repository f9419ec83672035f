#include "console/pending_requests.hpp"

#include <gtest/gtest.h>

namespace r3::console {
namespace {

using namespace std::chrono_literals;
const auto t0 = PendingRequests::Clock::time_point{} + 1h;

TEST(PendingRequestsTable, MakesUniqueIdsWithTheInstancePrefix) {
  PendingRequests p("ab12");
  const auto a = p.add(1, "t1", "g/cmd/bind", t0 + 5s);
  const auto b = p.add(1, "t2", "g/cmd/bind", t0 + 5s);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.rfind("console-ab12-", 0), 0U);
}

TEST(PendingRequestsTable, HandsARequestBackOnceByItsId) {
  PendingRequests p("x");
  const auto id = p.add(7, "tx", "g/cmd/tare", t0 + 5s);
  auto got = p.take(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->client, 7U);
  EXPECT_EQ(got->tx, "tx");
  EXPECT_FALSE(p.take(id));
}

TEST(PendingRequestsTable, ExpiresOnlyWhatIsPastItsDeadline) {
  PendingRequests p("x");
  p.add(1, "early", "g/cmd/a", t0 + 1s);
  p.add(1, "late", "g/cmd/b", t0 + 10s);
  const auto gone = p.expire(t0 + 2s);
  ASSERT_EQ(gone.size(), 1U);
  EXPECT_EQ(gone[0].tx, "early");
  EXPECT_EQ(p.size(), 1U);
}

TEST(PendingRequestsTable, ForgetsADisconnectedBrowsersRequests) {
  PendingRequests p("x");
  p.add(1, "a", "g/cmd/a", t0);
  p.add(2, "b", "g/cmd/b", t0);
  p.drop_client(1);
  EXPECT_EQ(p.size(), 1U);
}

}  // namespace
}  // namespace r3::console
