#pragma once
// A mosquitto of its own for each broker test, plus helpers to run the test publisher
// (r3_mqtt_test_publisher, a stand-in for the daemon) and read what arrived.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "tests/daemon/mqtt/support/broker.hpp"
#include "tests/daemon/mqtt/support/collector.hpp"
#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::test {

using namespace std::chrono_literals;

class BrokerTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Starts the publisher with --port, --gateway gw1, --state <dir>/state and `extra`.
  Process start_publisher(const std::vector<std::string>& extra, const std::string& log = "pub");
  std::unique_ptr<Collector> collector(const std::string& filter, bool v5 = false);
  [[nodiscard]] std::string log_of(const std::string& name = "pub") const;

  std::string dir_;
  std::unique_ptr<Broker> broker_;
  int collectors_ = 0;
};

// The "seq" of every message, in arrival order.
std::vector<std::uint64_t> seqs_of(const std::vector<Received>& messages);
// Payload field `key` as a string ("" when absent).
std::string field(const Received& m, const std::string& key);
bool has_status(const std::vector<Received>& messages, const std::string& state,
                const std::string& reason);

}  // namespace r3::test
