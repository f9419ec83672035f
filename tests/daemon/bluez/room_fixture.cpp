#include "tests/daemon/bluez/room_fixture.hpp"

namespace r3::bluez::test {

void Recorder::on_packet(const ContactId& id, std::span<const std::uint8_t> bytes, double) {
  auto& c = contacts[id];
  ++c.packets;
  const bool ok = bytes.size() >= 20 && bytes[0] == 1 && (bytes.size() - 6) % 14 == 0;
  if (!ok) {
    ++c.malformed;
    return;
  }
  if (keep_sequences) c.sequences.push_back(static_cast<std::uint16_t>(bytes[2] | (bytes[3] << 8)));
}

void RoomTest::TearDown() {
  links_.reset();
  sim_.reset();
  bus_.reset();
}

void RoomTest::start_sim(std::vector<std::string> args) {
  truth_path_ = bus_->dir() + "/truth.jsonl";
  std::vector<std::string> argv = {R3_SIM_PATH, "--truth", truth_path_};
  argv.insert(argv.end(), args.begin(), args.end());
  sim_ =
      std::make_unique<r3::test::Child>(argv, bus_->dir() + "/sim.out", bus_->dir() + "/sim.err");
  ASSERT_TRUE(r3::test::wait_for([&] { return sim_output().find("ready") != std::string::npos; },
                                 std::chrono::seconds(20)))
      << r3::test::read_file(bus_->dir() + "/sim.err");
}

void RoomTest::start_links(LinkConfig config) {
  config.jitter_seed = 42;
  links_ = std::make_unique<ContactLinks>(io_, config, recorder_);
  std::string error;
  ASSERT_TRUE(links_->start(&error)) << error;
}

bool RoomTest::run_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > end) return false;
    io_.restart();
    io_.run_for(std::chrono::milliseconds(20));
  }
  return true;
}

int RoomTest::count_in_state(LinkState state) const {
  int n = 0;
  for (const auto& c : links_->contacts()) n += c.state == state ? 1 : 0;
  return n;
}

std::map<std::string, int> RoomTest::per_adapter() const {
  std::map<std::string, int> out;
  for (const auto& c : links_->contacts()) {
    if (!c.adapter.empty()) ++out[c.adapter];
  }
  return out;
}

std::string RoomTest::sim_output() const {
  return r3::test::read_file(bus_->dir() + "/sim.out");
}

}  // namespace r3::bluez::test
