// r3-console as a process against a real mosquitto: a fake gateway (a test MQTT client)
// publishes retained state and answers commands; the test is a browser speaking HTTP and
// WebSocket to the console.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "tests/daemon/mqtt/support/broker.hpp"
#include "tests/daemon/mqtt/support/collector.hpp"
#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::test {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;
using nlohmann::json;
using namespace std::chrono_literals;

struct HttpResult {
  int status = 0;
  std::string body;
  std::string set_cookie;
};

class AConsoleOnABroker : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    broker_ = std::make_unique<Broker>(dir_);
    ASSERT_TRUE(broker_->start());
    port_ = free_port();
    std::ofstream(dir_ + "/console.toml")
        << "[console]\nport = " << port_ << "\ndatabase = \"" << dir_ << "/console.db\"\n"
        << "web_root = \"" << R3_SOURCE_DIR << "/console/web\"\nframe_rate_hz = 20.0\n"
        << "request_timeout_s = 2.0\n[mqtt]\nhost = \"127.0.0.1\"\nport = " << broker_->port()
        << "\n";
    console_ = Process({R3_CONSOLE_BIN, "--config", dir_ + "/console.toml"}, dir_ + "/console.log");
    ASSERT_TRUE(wait_until([&] { return port_accepts(port_); }, 10s))
        << read_file(dir_ + "/console.log");
    gateway_ = std::make_unique<Collector>(broker_->port(), "fake-gateway", "r3/v1/room-1/cmd/#");
    ASSERT_TRUE(gateway_->connect());
    ASSERT_TRUE(wait_until(
        [&] {
          return read_file(dir_ + "/console.log").find("mqtt: connected") != std::string::npos;
        },
        10s));
  }
  void TearDown() override {
    console_.signal(SIGTERM);
    EXPECT_EQ(console_.wait(5s), 0) << read_file(dir_ + "/console.log");
    gateway_.reset();
    broker_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string setup_token() {
    const std::regex re("setup\\.html#token=([0-9a-f]+)");
    std::smatch m;
    const auto log = read_file(dir_ + "/console.log");
    return std::regex_search(log, m, re) ? m[1].str() : std::string();
  }

  HttpResult request(http::verb verb, const std::string& target, const std::string& body = "",
                     const std::string& cookie = "", const std::string& csrf = "") {
    boost::asio::io_context io;
    beast::tcp_stream s(io);
    s.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                            static_cast<unsigned short>(port_)));
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
    if (!body.empty()) req.set(http::field::content_type, "application/json");
    if (!cookie.empty()) req.set(http::field::cookie, cookie);
    if (!csrf.empty()) req.set("X-CSRF-Token", csrf);
    req.body() = body;
    req.prepare_payload();
    http::write(s, req);
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(s, buf, res);
    const std::string c(res[http::field::set_cookie]);
    return {static_cast<int>(res.result_int()), res.body(), c.substr(0, c.find(';'))};
  }

  // Setup and login: the admin's cookie.
  std::string login() {
    const auto r = request(
        http::verb::post, "/api/setup",
        json{{"token", setup_token()}, {"name", "admin"}, {"password", "long enough pw"}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.set_cookie;
  }

  std::string dir_;
  int port_ = 0;
  std::unique_ptr<Broker> broker_;
  Process console_;
  std::unique_ptr<Collector> gateway_;
};

class Browser {
 public:
  Browser(int port, const std::string& cookie) : ws_(io_) {
    beast::get_lowest_layer(ws_).connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                       static_cast<unsigned short>(port)));
    ws_.set_option(websocket::stream_base::decorator([cookie](websocket::request_type& r) {
      if (!cookie.empty()) r.set(http::field::cookie, cookie);
    }));
    ws_.handshake("127.0.0.1:" + std::to_string(port), "/api");
  }
  // One WebSocket message: a batch of frames.
  json read(std::chrono::milliseconds timeout = 5s) {
    beast::get_lowest_layer(ws_).expires_after(timeout);
    beast::flat_buffer b;
    ws_.read(b);
    return json::parse(beast::buffers_to_string(b.data()));
  }
  // Reads batches until one holds a frame matching `pred`; returns that frame.
  json read_until(const std::function<bool(const json&)>& pred,
                  std::chrono::milliseconds timeout = 5s) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
      for (const auto& f : read(timeout))
        if (pred(f)) return f;
    }
    return nullptr;
  }
  void send(const json& j) { ws_.write(boost::asio::buffer(j.dump())); }

 private:
  boost::asio::io_context io_;
  websocket::stream<beast::tcp_stream> ws_;
};

TEST_F(AConsoleOnABroker, PrintsAOneTimeSetupLinkAndServesHealth) {
  EXPECT_EQ(setup_token().size(), 32U);
  EXPECT_EQ(request(http::verb::get, "/healthz").status, 200);
  EXPECT_NE(request(http::verb::get, "/metrics").body.find("r3_console_mqtt_connected 1"),
            std::string::npos);
}

TEST_F(AConsoleOnABroker, RefusesAWebSocketWithoutALogin) {
  EXPECT_THROW(Browser(port_, ""), beast::system_error);
  EXPECT_THROW(Browser(port_, "r3_session=forged"), beast::system_error);
}

TEST_F(AConsoleOnABroker, ReplaysRetainedStateThenStreamsChanges) {
  gateway_->retain("r3/v1/room-1/status", R"({"gateway_id":"room-1","state":"online"})");
  gateway_->retain("r3/v1/room-1/devices/r3-c0ffee000001",
                   R"({"link_state":"streaming","user_id":null})");
  ASSERT_TRUE(wait_until(
      [&] {
        return request(http::verb::get, "/metrics").body.find("r3_console_mirror_topics 2") !=
               std::string::npos;
      },
      5s));
  Browser b(port_, login());
  const auto replay = b.read();
  std::vector<std::string> topics;
  for (const auto& f : replay) topics.push_back(f["topic"]);
  EXPECT_EQ(topics, (std::vector<std::string>{"console/status", "console/roster",
                                              "room-1/devices/r3-c0ffee000001", "room-1/status"}));
  gateway_->publish("r3/v1/room-1/users/p-1/rep", R"({"seq":1,"rep_index":1})");
  const auto rep = b.read_until([](const json& f) { return f["topic"] == "room-1/users/p-1/rep"; });
  EXPECT_EQ(rep["payload"]["seq"], 1);
}

TEST_F(AConsoleOnABroker, ForwardsACommandAndReturnsTheGatewaysReply) {
  Browser b(port_, login());
  b.read();
  b.send({{"tx", "t1"},
          {"topic", "room-1/cmd/identify"},
          {"payload", {{"device_id", "r3-c0ffee000001"}}}});
  ASSERT_TRUE(gateway_->wait_for([](const auto& m) { return !m.empty(); }, 5s));
  const auto cmd = json::parse(gateway_->messages()[0].payload);
  EXPECT_EQ(gateway_->messages()[0].topic, "r3/v1/room-1/cmd/identify");
  EXPECT_EQ(cmd["device_id"], "r3-c0ffee000001");
  const std::string rid = cmd["request_id"];
  gateway_->publish(
      "r3/v1/room-1/reply/" + rid,
      json{{"request_id", rid}, {"verb", "identify"}, {"ok", true}, {"error", nullptr}}.dump());
  const auto reply = b.read_until([](const json& f) { return f.value("tx", "") == "t1"; });
  EXPECT_EQ(reply["payload"]["ok"], true);
  EXPECT_EQ(reply["topic"], "room-1/reply/" + rid);
}

TEST_F(AConsoleOnABroker, TimesOutACommandNobodyAnswers) {
  Browser b(port_, login());
  b.read();
  b.send({{"tx", "t2"}, {"topic", "room-9/cmd/tare"}, {"payload", {{"device_id", "x"}}}});
  const auto reply = b.read_until([](const json& f) { return f.value("tx", "") == "t2"; }, 6s);
  EXPECT_EQ(reply["payload"]["error"]["code"], "timeout");
}

TEST_F(AConsoleOnABroker, SendsAtMostAboutTwentyMessagesASecondHoweverFastLiveDataComes) {
  Browser b(port_, login());
  b.read();
  std::atomic<bool> done{false};
  std::thread pub([&] {
    const auto end = std::chrono::steady_clock::now() + 2s;
    int i = 0;
    while (std::chrono::steady_clock::now() < end) {
      for (int u = 0; u < 30; ++u)
        gateway_->publish("r3/v1/room-1/users/p-" + std::to_string(u) + "/live",
                          R"({"force_n":)" + std::to_string(i) + "}");
      ++i;
    }
    done = true;
  });
  int messages = 0, frames = 0;
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < 2s) {
    frames += static_cast<int>(b.read(3s).size());
    ++messages;
  }
  pub.join();
  EXPECT_GT(frames, 30);
  EXPECT_LE(messages, 2 * 21 + 2);  // 20 per second, with a little slack for timer phase
}

TEST_F(AConsoleOnABroker, AnswersMalformedBrowserFramesAndKeepsServing) {
  Browser b(port_, login());
  b.read();
  b.send(json("just a string"));
  const auto err = b.read_until([](const json& f) { return f["topic"] == "console/error"; });
  EXPECT_EQ(err["payload"]["error"]["message"], "request must be a JSON object");
  gateway_->publish("r3/v1/room-1/users/p-1/rep", "not json");
  gateway_->publish("r3/v1/room-1/users/p-1/rep", R"({"seq":2})");
  const auto rep = b.read_until([](const json& f) { return f["topic"] == "room-1/users/p-1/rep"; });
  EXPECT_EQ(rep["payload"]["seq"], 2);
  const auto metrics = request(http::verb::get, "/metrics").body;
  EXPECT_NE(metrics.find("r3_console_ws_bad_frames_total 1"), std::string::npos);
  EXPECT_NE(metrics.find("r3_console_mqtt_bad_payloads_total 1"), std::string::npos);
}

TEST_F(AConsoleOnABroker, RefusesAnOversizedHttpBodyWithA413) {
  const auto r = request(http::verb::post, "/api/login", std::string(20000, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(request(http::verb::get, "/healthz").status, 200);
}

}  // namespace
}  // namespace r3::test
