#pragma once
// A private bus, r3-sim on it, and the daemon's ContactLinks driven from this thread's io_context.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "daemon/bluez/contact_links.hpp"
#include "tests/sim/test_support.hpp"

namespace r3::bluez::test {

struct Recorder : ContactListener {
  struct PerContact {
    std::uint64_t packets = 0;
    std::uint64_t malformed = 0;
    std::vector<std::uint16_t> sequences;  // of well-formed packets
    std::vector<LinkState> states;
  };
  std::map<ContactId, PerContact> contacts;
  std::set<ContactId> over_budget;
  std::vector<bool> bluez_available;
  std::map<ContactId, std::uint8_t> battery;
  bool keep_sequences = false;

  void on_packet(const ContactId& id, std::span<const std::uint8_t> bytes, double) override;
  void on_link_state(const ContactId& id, LinkState state, std::string_view) override {
    contacts[id].states.push_back(state);
  }
  void on_over_budget(const ContactId& id, std::string_view) override { over_budget.insert(id); }
  void on_battery(const ContactId& id, std::uint8_t percent) override { battery[id] = percent; }
  void on_bluez_available(bool up) override { bluez_available.push_back(up); }
};

class RoomTest : public ::testing::Test {
 protected:
  void TearDown() override;

  void start_sim(std::vector<std::string> args);
  void start_links(LinkConfig config = {});
  // Runs the loop until pred holds; false on timeout.
  bool run_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout);
  int count_in_state(LinkState state) const;
  bool all_streaming(int n) const { return count_in_state(LinkState::kStreaming) == n; }
  std::map<std::string, int> per_adapter() const;
  std::string sim_output() const;

  std::unique_ptr<r3::test::PrivateBus> bus_ = std::make_unique<r3::test::PrivateBus>();
  std::unique_ptr<r3::test::Child> sim_;
  boost::asio::io_context io_;
  Recorder recorder_;
  std::unique_ptr<ContactLinks> links_;
  std::string truth_path_;
};

}  // namespace r3::bluez::test
