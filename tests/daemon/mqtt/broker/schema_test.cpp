// Everything the publisher puts on a real broker, and the commands sent to it, validated against
// docs/schemas by validate_payloads.py: the documented API is the one on the wire.

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

using TheWire = BrokerTest;

TEST_F(TheWire, CarriesOnlyPayloadsThatMatchTheirSchemas) {
  auto c = collector("r3/v1/gw1/#");
  auto pub = start_publisher({"--all-kinds", "--reps", "5"});
  ASSERT_TRUE(c->wait_for(
      [](auto& m) {
        bool live = false;
        for (const auto& r : m) live = live || r.topic == "r3/v1/gw1/users/u-1/live";
        return live && seqs_of(m).size() >= 7;  // 5 reps, a hold, a set
      },
      30s));
  c->publish("r3/v1/gw1/cmd/bind",
             R"({"request_id":"b1","device_id":"r3-0000000000d1","user_id":"u-1"})");
  c->publish("r3/v1/gw1/cmd/set_thresholds",
             R"({"request_id":"t1","user_id":"u-1","thresholds":{"load_on_n":20}})");
  c->publish("r3/v1/gw1/cmd/tare", R"({"request_id":"t2","device_id":"nope"})");
  c->publish("r3/v1/gw1/cmd/tare", R"(["not an object"])");
  ASSERT_TRUE(c->wait_for(
      [](auto& m) {
        int replies = 0;
        for (const auto& r : m) replies += r.topic.find("/reply/") != std::string::npos;
        return replies >= 4;
      },
      30s));
  pub.signal(SIGTERM);
  EXPECT_EQ(pub.wait(30s), 0);
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "offline", "shutdown"); }, 30s));

  // The last two commands are bad on purpose: leave them out, keep their replies.
  std::vector<Received> kept;
  for (const auto& m : c->messages()) {
    if (m.topic != "r3/v1/gw1/cmd/tare") kept.push_back(m);
  }
  const auto file = dir_ + "/wire.jsonl";
  c->dump_jsonl(file);  // everything, for a look after a failure
  {
    std::ofstream out(file);
    for (const auto& m : kept) {
      out << nlohmann::json{{"topic", m.topic}, {"payload", m.payload}}.dump() << '\n';
    }
  }
  const std::string cmd = std::string("/usr/bin/python3 ") + R3_SOURCE_DIR +
                          "/tests/daemon/mqtt/validate_payloads.py " + R3_SOURCE_DIR +
                          "/docs/schemas " + file +
                          " --require rep,hold,set,live,status,device,user-status,session,reply,"
                          "command > " +
                          dir_ + "/validate.log 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << read_file(dir_ + "/validate.log");
  std::cout << read_file(dir_ + "/validate.log");
}

}  // namespace
}  // namespace r3::test
