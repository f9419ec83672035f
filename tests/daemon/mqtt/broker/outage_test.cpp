// Nothing lost across a broker outage: the publisher keeps publishing reps (and live samples)
// while the broker is stopped for R3_MQTT_OUTAGE_S seconds (10 by default; the "slow" ctest
// entry runs the 60 s), then every rep arrives, in order, duplicates only as QoS 1 allows.

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

using ABrokerOutage = BrokerTest;

int outage_seconds() {
  const char* s = std::getenv("R3_MQTT_OUTAGE_S");
  return s != nullptr ? static_cast<int>(std::strtol(s, nullptr, 10)) : 10;
}

TEST_F(ABrokerOutage, LosesNoRepAndKeepsTheirOrder) {
  const int outage = outage_seconds();
  const int per_second = 50;
  const std::uint64_t total = static_cast<std::uint64_t>(outage + 8) * per_second;
  auto c = collector("r3/v1/gw1/users/u-1/rep");
  auto pub = start_publisher(
      {"--reps", std::to_string(total), "--interval-ms", std::to_string(1000 / per_second)});
  ASSERT_TRUE(c->wait_for([](auto& m) { return m.size() >= 100; }, 60s));

  const auto before = seqs_of(c->messages());
  const std::uint64_t seen_before_stop = *std::max_element(before.begin(), before.end());
  broker_->stop();
  const auto stopped_at = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(outage));
  ASSERT_TRUE(broker_->start());
  const auto restarted_at = std::chrono::steady_clock::now();

  const bool all = c->wait_for(
      [&](auto& m) {
        auto s = seqs_of(m);
        std::sort(s.begin(), s.end());
        s.erase(std::unique(s.begin(), s.end()), s.end());
        return s.size() >= total;
      },
      std::chrono::seconds(outage + 180));
  const auto messages = c->messages();
  const auto seqs = seqs_of(messages);
  std::vector<std::uint64_t> first_seen;
  std::uint64_t duplicates = 0;
  std::uint64_t highest = 0;
  for (const auto s : seqs) {
    if (s <= highest) {
      ++duplicates;  // QoS 1 redelivery: a consumer drops it by seq
      EXPECT_TRUE(std::find(first_seen.begin(), first_seen.end(), s) != first_seen.end())
          << "seq " << s << " arrived after a later one: out of order";
      continue;
    }
    first_seen.push_back(s);
    highest = s;
  }
  ASSERT_TRUE(all) << "received " << first_seen.size() << " of " << total;
  ASSERT_EQ(first_seen.size(), total);
  for (std::uint64_t i = 0; i < total; ++i) ASSERT_EQ(first_seen[i], i + 1);
  EXPECT_LE(duplicates, 50U);

  // Live samples are never queued: those of the outage were dropped and counted.
  pub.signal(SIGTERM);
  EXPECT_EQ(pub.wait(30s), 0);
  const auto log = log_of();
  EXPECT_NE(log.find("dropped_events=0"), std::string::npos) << log;
  EXPECT_EQ(log.find("dropped_live=0 "), std::string::npos) << log;

  // The backlog: what was published while the broker was away (at least outage * rate).
  const std::uint64_t backlog_end = std::min<std::uint64_t>(
      total, seen_before_stop + static_cast<std::uint64_t>(outage * per_second));
  auto backlog_at = messages.back().at;
  for (const auto& m : messages) {
    const auto s = seqs_of({m});
    if (!s.empty() && s.front() >= backlog_end) {
      backlog_at = m.at;
      break;
    }
  }
  std::cout << "[ MEASURE  ] backlog of " << backlog_end - seen_before_stop << " reps delivered "
            << std::chrono::duration<double>(backlog_at - restarted_at).count()
            << " s after the broker restart" << std::endl;
  const auto last = messages.back().at;
  std::cout << "[ MEASURE  ] outage " << outage << " s; " << total << " reps, 0 lost, "
            << duplicates << " duplicates; all delivered "
            << std::chrono::duration<double>(last - restarted_at).count()
            << " s after the broker restart ("
            << std::chrono::duration<double>(last - stopped_at).count() << " s after it stopped)"
            << std::endl;
}

}  // namespace
}  // namespace r3::test
