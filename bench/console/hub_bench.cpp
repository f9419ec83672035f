// The console's CPU per live message: one MQTT message through the hub (topic check, JSON
// validation, frame, mirror / batch with coalescing) and its share of the 20 Hz flush, for 30
// users x 10 Hz with 1 and 4 browsers connected.
#include <benchmark/benchmark.h>

#include "console/hub.hpp"

namespace {

using namespace r3::console;

struct Sink : ClientSink {
  std::size_t bytes = 0;
  [[nodiscard]] bool busy() const override { return false; }
  void send(std::string m) override { bytes += m.size(); }
  void close(std::string) override {}
};

const std::string kLive =
    R"({"gateway_id":"room-1","user_id":"p-0123456789","device_id":"r3-c0ffee000001",)"
    R"("session_id":"s-20261201-1","t_s":123.456,"force_n":87.25,"angle_deg":31.5,)"
    R"("state":"moving","ts":"2026-12-01T21:00:00.123Z"})";

void BM_LiveMessageThroughTheHub(benchmark::State& state) {
  auto db = std::move(Database::open(":memory:").value());
  Metrics metrics;
  Hub hub(
      HubOptions{}, *db, metrics, [](const std::string&, const std::string&) { return true; },
      "bench");
  std::vector<std::shared_ptr<Sink>> sinks;
  for (int i = 0; i < state.range(0); ++i) {
    sinks.push_back(std::make_shared<Sink>());
    hub.add_client(Role::kScreen, sinks.back());
  }
  std::vector<std::string> topics;
  for (int u = 0; u < 30; ++u)
    topics.push_back("r3/v1/room-1/users/p-" + std::to_string(u) + "/live");
  std::size_t n = 0;
  for (auto _ : state) {
    hub.on_mqtt_message(topics[n % 30], kLive);
    // 300 messages/s and 20 flushes/s: one flush every 15 messages.
    if (++n % 15 == 0) hub.flush();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(n));
  // CPU seconds per message x 300 messages/s x 100: the share of one core at 30 users x 10 Hz.
  state.counters["core_pct_at_300_per_s"] = benchmark::Counter(
      1.0 / 30000.0, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_LiveMessageThroughTheHub)->Arg(1)->Arg(4);

}  // namespace
