// Sequence continuity and stream time of a contact's packet stream.

#include "core/protocol/stream_tracker.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace r3::core::protocol {
namespace {

PacketHeader header(std::uint16_t sequence, std::uint16_t device_ms) {
  PacketHeader h;
  h.rate = RateCode::k100Hz;
  h.sequence = sequence;
  h.device_time_ms = device_ms;
  return h;
}

TEST(AStreamTracker, StartsOnTheDeviceClock) {
  StreamTracker t;
  const TrackResult r = t.track(header(100, 1234), 50.0);
  EXPECT_EQ(r.continuity, Continuity::kFirst);
  EXPECT_DOUBLE_EQ(r.first_sample_t_s, 1.234);
  EXPECT_EQ(t.counters().packets, 1U);
}

TEST(AStreamTracker, FollowsConsecutivePacketsInOrder) {
  StreamTracker t;
  (void)t.track(header(0, 0), 0.0);
  for (std::uint16_t i = 1; i < 20; ++i) {
    const TrackResult r = t.track(header(i, static_cast<std::uint16_t>(i * 10)), i * 0.01);
    EXPECT_EQ(r.continuity, Continuity::kInOrder);
    EXPECT_NEAR(r.first_sample_t_s, i * 0.01, 1e-9);
  }
  EXPECT_EQ(t.counters().packets, 20U);
  EXPECT_EQ(t.counters().gaps, 0U);
}

TEST(AStreamTracker, CountsThePacketsLostInAGap) {
  StreamTracker t;
  (void)t.track(header(5, 50), 0.05);
  const TrackResult r = t.track(header(9, 90), 0.09);
  EXPECT_EQ(r.continuity, Continuity::kGap);
  EXPECT_EQ(r.packets_missing, 3U);
  EXPECT_NEAR(r.first_sample_t_s, 0.09, 1e-9);
  (void)t.track(header(12, 120), 0.12);
  EXPECT_EQ(t.counters().gaps, 2U);
  EXPECT_EQ(t.counters().packets_missing, 5U);
}

TEST(AStreamTracker, DropsADuplicateAndCarriesOn) {
  StreamTracker t;
  (void)t.track(header(5, 50), 0.05);
  EXPECT_EQ(t.track(header(5, 50), 0.051).continuity, Continuity::kDuplicate);
  EXPECT_EQ(t.track(header(6, 60), 0.06).continuity, Continuity::kInOrder);
  EXPECT_EQ(t.counters().duplicates, 1U);
  EXPECT_EQ(t.counters().packets, 2U);
}

TEST(AStreamTracker, DropsAPacketThatArrivesAfterANewerOne) {
  StreamTracker t;
  (void)t.track(header(5, 50), 0.05);
  (void)t.track(header(6, 60), 0.06);
  EXPECT_EQ(t.track(header(8, 80), 0.08).packets_missing, 1U);
  const TrackResult late = t.track(header(7, 70), 0.081);
  EXPECT_EQ(late.continuity, Continuity::kLate);
  EXPECT_NEAR(late.first_sample_t_s, 0.07, 1e-9);
  EXPECT_EQ(t.track(header(9, 90), 0.09).continuity, Continuity::kInOrder);
  EXPECT_EQ(t.counters().late, 1U);
  EXPECT_EQ(t.counters().packets, 4U);
}

TEST(AStreamTracker, CountsAnOlderRepeatAsLateNotDuplicate) {
  StreamTracker t;
  (void)t.track(header(5, 50), 0.0);
  (void)t.track(header(6, 60), 0.0);
  EXPECT_EQ(t.track(header(5, 50), 0.0).continuity, Continuity::kLate);
}

TEST(AStreamTracker, WrapsTheSequenceFrom65535ToZeroInOrder) {
  StreamTracker t;
  (void)t.track(header(65534, 100), 0.0);
  EXPECT_EQ(t.track(header(65535, 110), 0.01).continuity, Continuity::kInOrder);
  EXPECT_EQ(t.track(header(0, 120), 0.02).continuity, Continuity::kInOrder);
  EXPECT_EQ(t.track(header(1, 130), 0.03).continuity, Continuity::kInOrder);
  EXPECT_EQ(t.counters().gaps, 0U);
}

TEST(AStreamTracker, SeesAGapAndALatePacketAcrossTheSequenceWrap) {
  StreamTracker t;
  (void)t.track(header(65534, 100), 0.0);
  const TrackResult gap = t.track(header(1, 130), 0.03);
  EXPECT_EQ(gap.continuity, Continuity::kGap);
  EXPECT_EQ(gap.packets_missing, 2U);
  EXPECT_EQ(t.track(header(65535, 110), 0.031).continuity, Continuity::kLate);
  EXPECT_EQ(t.track(header(0, 120), 0.032).continuity, Continuity::kLate);
}

TEST(AStreamTracker, TakesTheLargestForwardJumpAsAGap) {
  StreamTracker t;
  (void)t.track(header(0, 0), 0.0);
  const TrackResult r = t.track(header(32767, 10), 0.01);
  EXPECT_EQ(r.continuity, Continuity::kGap);
  EXPECT_EQ(r.packets_missing, 32766U);
}

TEST(AStreamTracker, TakesASequenceFarBehindAsARestartedStream) {
  StreamTracker t;
  (void)t.track(header(1000, 5000), 10.0);
  EXPECT_EQ(t.track(header(1000 - StreamTracker::kReorderWindow, 4000), 10.01).continuity,
            Continuity::kLate);
  const TrackResult r = t.track(header(1000 - StreamTracker::kReorderWindow - 1, 0), 12.0);
  EXPECT_EQ(r.continuity, Continuity::kFirst);
  EXPECT_NEAR(r.first_sample_t_s, 5.0 + 2.0, 1e-9);  // continues on the receiver's clock
  EXPECT_EQ(t.counters().restarts, 1U);
  EXPECT_EQ(t.track(header(1000 - StreamTracker::kReorderWindow, 10), 12.01).continuity,
            Continuity::kInOrder);
}

TEST(AStreamTracker, UnwrapsTheDeviceClockEvery65536Milliseconds) {
  StreamTracker t;
  std::uint16_t seq = 0;
  std::uint32_t device_ms = 60000;
  double expected = 60.0;
  (void)t.track(header(seq, static_cast<std::uint16_t>(device_ms)), 0.0);
  // 200 s of packets every 40 ms: the device clock wraps three times.
  for (int i = 1; i <= 5000; ++i) {
    device_ms += 40;
    expected += 0.040;
    const TrackResult r =
        t.track(header(++seq, static_cast<std::uint16_t>(device_ms % 65536)), i * 0.040);
    ASSERT_EQ(r.continuity, Continuity::kInOrder);
    ASSERT_NEAR(r.first_sample_t_s, expected, 1e-6) << i;
  }
  EXPECT_EQ(t.counters().time_wraps, 3U);  // 60 s + 200 s = 260 s, past 65.5, 131.1, 196.6 s
}

TEST(AStreamTracker, ResolvesAWrapAcrossALongSilenceWithTheReceiveTime) {
  StreamTracker t;
  (void)t.track(header(10, 60000), 100.0);
  // The contact was silent for 100 s with its clock running: (60000 + 100000) mod 65536.
  const TrackResult r = t.track(header(11, 28928), 200.0);
  EXPECT_EQ(r.continuity, Continuity::kInOrder);
  EXPECT_NEAR(r.first_sample_t_s, 160.0, 1e-9);
  EXPECT_EQ(t.counters().time_wraps, 2U);
}

TEST(AStreamTracker, ResolvesASilenceOfExactlyOneClockSpanDespiteJitter) {
  StreamTracker t;
  (void)t.track(header(10, 500), 3.0);
  // Same device clock reading 65.536 s later; the receive time is off by 300 ms of jitter.
  const TrackResult r = t.track(header(11, 500), 3.0 + 65.536 + 0.3);
  EXPECT_NEAR(r.first_sample_t_s, 0.5 + 65.536, 1e-9);
  EXPECT_EQ(t.counters().time_wraps, 1U);
}

TEST(AStreamTracker, IgnoresReceiveJitterInShortSteps) {
  StreamTracker t;
  (void)t.track(header(0, 65500), 0.0);
  // Arrivals bunch and stall (BLE connection events) but the device clock is what counts.
  const TrackResult a = t.track(header(1, 65530), 0.9);
  const TrackResult b = t.track(header(2, 24), 0.9);
  EXPECT_NEAR(a.first_sample_t_s, 65.530, 1e-9);
  EXPECT_NEAR(b.first_sample_t_s, 65.560, 1e-9);
  EXPECT_EQ(t.counters().time_wraps, 1U);
}

TEST(AStreamTracker, NeverGoesBackInTimeWhenTheDeviceClockDoes) {
  StreamTracker t;
  (void)t.track(header(0, 1000), 0.0);
  const TrackResult r = t.track(header(1, 990), 0.01);
  EXPECT_EQ(r.continuity, Continuity::kInOrder);
  EXPECT_GE(r.first_sample_t_s, 1.0);
}

TEST(AStreamTracker, StartsAgainAfterAResetWithoutGoingBackInTime) {
  StreamTracker t;
  (void)t.track(header(40, 30000), 10.0);
  (void)t.track(header(41, 30010), 10.01);
  t.reset();
  // The contact rebooted while disconnected: its clock and sequence start over.
  const TrackResult r = t.track(header(0, 20), 14.01);
  EXPECT_EQ(r.continuity, Continuity::kFirst);
  EXPECT_NEAR(r.first_sample_t_s, 30.010 + 4.0, 1e-9);
  EXPECT_NEAR(t.track(header(1, 30), 14.02).first_sample_t_s, 34.020, 1e-9);
  EXPECT_EQ(t.counters().restarts, 0U);
  EXPECT_EQ(t.counters().packets, 4U);
}

TEST(AStreamTracker, FollowsTheDeviceClockAcrossAReconnectWhenItAgreesWithTheReceiver) {
  StreamTracker t;
  (void)t.track(header(40, 65000), 10.0);
  t.reset();
  // 4.5 s on the contact's clock (wrapping), 4.2 s between arrivals: the same clock ran on.
  const TrackResult r = t.track(header(41, 3964), 14.2);
  EXPECT_EQ(r.continuity, Continuity::kFirst);
  EXPECT_NEAR(r.first_sample_t_s, 69.5, 1e-9);
  EXPECT_EQ(t.counters().time_wraps, 1U);
  EXPECT_NEAR(t.track(header(42, 3974), 14.21).first_sample_t_s, 69.51, 1e-9);
}

TEST(AStreamTracker, AdvancesAtLeastOneSamplePeriodAfterAResetWithoutReceiveTime) {
  StreamTracker t;
  (void)t.track(header(1, 100), 0.0);
  t.reset();
  EXPECT_NEAR(t.track(header(1, 100), 0.0).first_sample_t_s, 0.100 + 0.01, 1e-9);
}

TEST(AStreamTracker, StaysFiniteWhateverReceiveTimeItIsGiven) {
  StreamTracker t;
  const double inf = std::numeric_limits<double>::infinity();
  (void)t.track(header(0, 100), 0.0);
  EXPECT_TRUE(std::isfinite(t.track(header(1, 110), inf).first_sample_t_s));
  EXPECT_TRUE(std::isfinite(t.track(header(2, 120), -inf).first_sample_t_s));
  t.reset();
  EXPECT_TRUE(std::isfinite(t.track(header(3, 130), inf).first_sample_t_s));
  EXPECT_TRUE(std::isfinite(t.track(header(4, 140), 1e300).first_sample_t_s));
}

TEST(AStreamTracker, AddsNoWrapWhenTheReceiveTimeIsNotANumber) {
  StreamTracker t;
  (void)t.track(header(0, 100), 0.0);
  const TrackResult r = t.track(header(1, 110), std::numeric_limits<double>::quiet_NaN());
  EXPECT_NEAR(r.first_sample_t_s, 0.110, 1e-9);
}

}  // namespace
}  // namespace r3::core::protocol
