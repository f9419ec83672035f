// How fast reps go out through a real broker (QoS 1, the queue's durability window at its default
// of 200 ms), all of them. R3_MQTT_QUEUE_SYNC_MS=0 (flush per message) or -1 (never) measures the
// others (docs/mqtt-api.md, "Power loss").

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

using ThePublisher = BrokerTest;

TEST_F(ThePublisher, DeliversFiveThousandRepsQuicklyAndCompletely) {
  constexpr std::size_t kReps = 5000;
  auto c = collector("r3/v1/gw1/users/u-1/rep");
  const auto start = std::chrono::steady_clock::now();
  const char* sync_ms = std::getenv("R3_MQTT_QUEUE_SYNC_MS");
  auto pub = start_publisher({"--reps", std::to_string(kReps), "--interval-ms", "0",
                              "--queue-sync-ms", sync_ms != nullptr ? sync_ms : "200"});
  ASSERT_TRUE(c->wait_for([](auto& m) { return m.size() >= kReps; }, 120s)) << c->messages().size();
  const auto m = c->messages();
  auto seqs = seqs_of(m);
  EXPECT_TRUE(std::is_sorted(seqs.begin(), seqs.end()));
  std::sort(seqs.begin(), seqs.end());
  seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
  EXPECT_EQ(seqs.size(), kReps);
  const double s = std::chrono::duration<double>(m.back().at - m.front().at).count();
  std::cout << "[ MEASURE  ] queue sync " << (sync_ms != nullptr ? sync_ms : "200")
            << " ms: " << kReps << " reps in " << s << " s: " << kReps / s
            << " messages/s end to end (first arrival "
            << std::chrono::duration<double>(m.front().at - start).count()
            << " s after the process started)" << std::endl;
}

}  // namespace
}  // namespace r3::test
