// The reconnect ladder: BlueZ errors to kinds, kinds to delays.
#include "daemon/bluez/ladder.hpp"

#include <gtest/gtest.h>

namespace r3::bluez {
namespace {

using std::chrono::milliseconds;

TEST(TheLadder, ClassifiesBluezConnectErrorsByWhatToDoNext) {
  EXPECT_EQ(classify_failure("org.bluez.Error.Failed", "le-connection-abort-by-local"),
            FailureKind::kAborted);
  EXPECT_EQ(classify_failure("org.bluez.Error.Failed", "Software caused connection abort"),
            FailureKind::kAborted);
  EXPECT_EQ(classify_failure("org.bluez.Error.InProgress", "In Progress"), FailureKind::kBusy);
  EXPECT_EQ(classify_failure("org.bluez.Error.NotReady", "Resource Not Ready"),
            FailureKind::kAdapter);
  EXPECT_EQ(classify_failure("org.freedesktop.DBus.Error.NoReply", "Method call timed out"),
            FailureKind::kAdapter);
  EXPECT_EQ(classify_failure("org.freedesktop.DBus.Error.UnknownObject", ""), FailureKind::kGone);
  EXPECT_EQ(classify_failure("org.bluez.Error.Failed", "Operation failed"), FailureKind::kOther);
}

TEST(TheLadder, DoublesTheDelayPerAttemptUpToTheMaximum) {
  LadderPolicy p;
  p.initial = milliseconds(500);
  p.max = milliseconds(4000);
  p.jitter = 0.0;
  EXPECT_EQ(retry_delay(p, FailureKind::kAborted, 1, 0.5), milliseconds(500));
  EXPECT_EQ(retry_delay(p, FailureKind::kAborted, 2, 0.5), milliseconds(1000));
  EXPECT_EQ(retry_delay(p, FailureKind::kAborted, 3, 0.5), milliseconds(2000));
  EXPECT_EQ(retry_delay(p, FailureKind::kAborted, 10, 0.5), milliseconds(4000));
}

TEST(TheLadder, RetriesABusyAdapterAndALostLinkSoon) {
  LadderPolicy p;
  p.jitter = 0.0;
  EXPECT_EQ(retry_delay(p, FailureKind::kBusy, 5, 0.5), p.initial);
  EXPECT_EQ(retry_delay(p, FailureKind::kLinkLost, 1, 0.5), p.initial / 2);
}

TEST(TheLadder, SpreadsRetriesWithJitterWithinItsBounds) {
  LadderPolicy p;
  p.initial = milliseconds(1000);
  p.jitter = 0.25;
  EXPECT_EQ(retry_delay(p, FailureKind::kOther, 1, 0.0), milliseconds(750));
  EXPECT_EQ(retry_delay(p, FailureKind::kOther, 1, 0.5), milliseconds(1000));
  EXPECT_EQ(retry_delay(p, FailureKind::kOther, 1, 0.999999), milliseconds(1250));
}

}  // namespace
}  // namespace r3::bluez
