// r3-view against a real mosquitto: what a late subscriber sees of a retained room, TLS with a
// client certificate, user name and password, and a broker that goes away and comes back.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>

#include "tests/daemon/mqtt/support/broker.hpp"
#include "tests/daemon/mqtt/support/collector.hpp"
#include "tests/daemon/mqtt/support/pki.hpp"
#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::test {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kTs = R"("ts":"2026-11-21T05:30:36.123Z")";

std::string user_status(const std::string& user, const std::string& device,
                        const std::string& state, int today, int session, int sets, int in_set) {
  return R"({"gateway_id":"gw1","user_id":")" + user + R"(","device_id":")" + device +
         R"(","device_ids":[")" + device + R"("],"session_id":"20261121T053012Z","state":")" +
         state + R"(","reps_today":)" + std::to_string(today) + R"(,"reps_session":)" +
         std::to_string(session) + R"(,"sets_session":)" + std::to_string(sets) +
         R"(,"reps_set":)" + std::to_string(in_set) + "," + kTs + "}";
}

std::string device(const std::string& id, const std::string& link, const std::string& user,
                   const std::string& reason) {
  return R"({"gateway_id":"gw1","device_id":")" + id + R"(","address":null,"link_state":")" + link +
         R"(","reason":)" + reason + R"(,"adapter":null,"rssi_dbm":null,)" +
         R"("battery_pct":64,"loss_rate":0.012,"user_id":")" + user + "\"," + kTs + "}";
}

// The last frame r3-view printed in --plain mode.
std::string last_frame(const std::string& log) {
  const auto at = log.rfind("r3-view  gateway");
  return at == std::string::npos ? log : log.substr(at);
}

class AViewOfABroker : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    std::filesystem::create_directories(dir_ + "/broker");
  }
  void TearDown() override {
    broker_.reset();
    if (HasFailure()) std::cerr << "---- broker\n" << read_file(dir_ + "/broker/mosquitto.log");
    std::filesystem::remove_all(dir_);
  }
  void start_broker(const BrokerTls* tls = nullptr, const std::string& conf = "") {
    broker_ = std::make_unique<Broker>(dir_ + "/broker", tls, conf);
    ASSERT_TRUE(broker_->start()) << read_file(broker_->log_file());
  }
  // Retained messages, as a gateway leaves them, published on the plain port.
  void retain(const std::vector<std::pair<std::string, std::string>>& messages,
              const std::string& user = "", const std::string& password = "") {
    Collector publisher(broker_->port(), "pub-" + std::to_string(++publishers_), "r3/v1/none");
    if (!user.empty()) publisher.set_credentials(user, password);
    ASSERT_TRUE(publisher.connect());
    for (const auto& [topic, payload] : messages) publisher.retain("r3/v1/gw1/" + topic, payload);
  }
  Process start_view(std::vector<std::string> args, const std::string& log = "view") {
    std::vector<std::string> argv = {R3_VIEW, "--host", "127.0.0.1", "--plain", "--gateway", "gw1"};
    argv.insert(argv.end(), args.begin(), args.end());
    return Process(argv, dir_ + "/" + log + ".log");
  }
  std::string log_of(const std::string& name = "view") {
    return read_file(dir_ + "/" + name + ".log");
  }

  std::string dir_;
  std::unique_ptr<Broker> broker_;
  int publishers_ = 0;
};

TEST_F(AViewOfABroker, ShowsALateSubscriberEveryBoundUserWithTheGatewaysTotals) {
  start_broker();
  retain({{"status", R"({"gateway_id":"gw1","state":"online","reason":"connected"})"},
          {"users/p-0042/status", user_status("p-0042", "r3-c0ffee000001", "moving", 12, 5, 2, 3)},
          {"devices/r3-c0ffee000001", device("r3-c0ffee000001", "streaming", "p-0042", "null")},
          {"users/p-0043/status", user_status("p-0043", "r3-c0ffee000009", "away", 0, 0, 0, 0)},
          {"devices/r3-c0ffee000009",
           device("r3-c0ffee000009", "over-budget", "p-0043", R"("7 of 7 links in use on hci0")")},
          {"users/p-0044/status", user_status("p-0044", "r3-c0ffee00000a", "away", 0, 0, 0, 0)},
          {"devices/r3-c0ffee00000a", device("r3-c0ffee00000a", "unseen", "p-0044", "null")},
          {"users/p-0041/status", user_status("p-0041", "r3-c0ffee000002", "idle", 1, 1, 0, 1)},
          {"users/p-0041/status", ""}});  // unbound: the gateway removed its status
  auto view = start_view({"--port", std::to_string(broker_->port()), "--duration", "2"});
  ASSERT_EQ(view.wait(20s), 0) << log_of();
  const auto frame = last_frame(log_of());
  EXPECT_THAT(frame,
              HasSubstr("broker 127.0.0.1:" + std::to_string(broker_->port()) + " connected"));
  EXPECT_THAT(frame, HasSubstr("users 3"));
  EXPECT_THAT(frame, HasSubstr("gateway gw1: online  session 20261121T053012Z"));
  EXPECT_THAT(frame,
              HasSubstr("p-0042       moving  streaming    64%  1.2%    12       5   3    2"));
  EXPECT_THAT(frame,
              HasSubstr("r3-c0ffee000009  over-budget  64%  1.2%  7 of 7 links in use on hci0"));
  EXPECT_THAT(frame, HasSubstr("p-0044       away    unseen"));
  EXPECT_THAT(frame, Not(HasSubstr("p-0041")));
}

TEST_F(AViewOfABroker, ConnectsWithTheClientCertificateABrokerRequires) {
  const auto pki_dir = dir_ + "/pki";
  std::filesystem::create_directories(pki_dir);
  TestPki pki;
  ASSERT_TRUE(make_test_pki(pki_dir, pki)) << read_file(pki_dir + "/openssl.log");
  BrokerTls tls{pki.ca_file, pki.server_cert, pki.server_key, free_port()};
  start_broker(&tls);
  ASSERT_TRUE(wait_until([&] { return port_accepts(tls.port); }, 20s));
  retain({{"users/p-0042/status", user_status("p-0042", "r3-c0ffee000001", "idle", 4, 0, 0, 0)}});

  const auto port = std::to_string(tls.port);
  auto with_cert = start_view({"--port", port, "--ca-file", pki.ca_file, "--cert-file",
                               pki.client_cert, "--key-file", pki.client_key, "--duration", "2"},
                              "with-cert");
  auto without = start_view({"--port", port, "--ca-file", pki.ca_file, "--connect-timeout", "2"},
                            "without-cert");
  EXPECT_EQ(with_cert.wait(20s), 0);
  EXPECT_THAT(last_frame(log_of("with-cert")), HasSubstr("connected"));
  EXPECT_THAT(last_frame(log_of("with-cert")), HasSubstr("p-0042       idle"));
  EXPECT_EQ(without.wait(20s), 1);
  EXPECT_THAT(log_of("without-cert"),
              HasSubstr("r3-view: broker 127.0.0.1:" + port + ": TLS handshake failed"));
}

TEST_F(AViewOfABroker, LogsInWithAPasswordFileAndStopsAtOnceWhenThePasswordIsWrong) {
  ASSERT_EQ(std::system(("/usr/bin/mosquitto_passwd -b -c " + dir_ + "/passwd coach s3cret > " +
                         dir_ + "/passwd.log 2>&1")
                            .c_str()),
            0)
      << read_file(dir_ + "/passwd.log");
  start_broker(nullptr, "allow_anonymous false\npassword_file " + dir_ + "/passwd");
  retain({{"users/p-0042/status", user_status("p-0042", "r3-c0ffee000001", "idle", 4, 0, 0, 0)}},
         "coach", "s3cret");
  std::ofstream(dir_ + "/pw") << "s3cret\n";
  const auto port = std::to_string(broker_->port());
  auto right = start_view(
      {"--port", port, "--username", "coach", "--password-file", dir_ + "/pw", "--duration", "2"},
      "right");
  auto wrong = start_view({"--port", port, "--username", "coach", "--password", "guess"}, "wrong");
  EXPECT_EQ(right.wait(20s), 0);
  EXPECT_THAT(last_frame(log_of("right")), HasSubstr("p-0042"));
  EXPECT_EQ(wrong.wait(10s), 1);  // no --connect-timeout: a refusal is not retried
  // mosquitto 2.0 answers a wrong password with "not authorized".
  EXPECT_THAT(log_of("wrong"), HasSubstr("refused: not authorized: check --username"));
}

TEST_F(AViewOfABroker, SaysTheBrokerIsGoneAndComesBackWithIt) {
  start_broker();
  retain({{"users/p-0042/status", user_status("p-0042", "r3-c0ffee000001", "idle", 4, 0, 0, 0)}});
  auto view = start_view({"--port", std::to_string(broker_->port()), "--duration", "30"});
  ASSERT_TRUE(
      wait_until([&] { return last_frame(log_of()).find("p-0042") != std::string::npos; }, 10s))
      << log_of();
  broker_->stop();
  ASSERT_TRUE(wait_until(
      [&] {
        return last_frame(log_of()).find("LOST: Connection refused; retrying in") !=
               std::string::npos;
      },
      15s))
      << log_of();
  EXPECT_TRUE(view.running());
  ASSERT_TRUE(broker_->start());
  EXPECT_TRUE(wait_until(
      [&] {
        const auto frame = last_frame(log_of());
        return frame.find("connected") != std::string::npos &&
               frame.find("p-0042") != std::string::npos;
      },
      15s))
      << log_of();
  view.signal(SIGINT);
  EXPECT_EQ(view.wait(10s), 0);
}

}  // namespace
}  // namespace r3::test
