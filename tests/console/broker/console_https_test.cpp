// r3-console serving HTTPS with a configured certificate and key (made here by the openssl CLI).
#include <gtest/gtest.h>

#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/daemon/mqtt/support/broker.hpp"
#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::test {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using namespace std::chrono_literals;

class AConsoleOverHttps : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    ASSERT_EQ(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + dir_ +
                           "/key.pem -out " + dir_ + "/cert.pem -days 2 -subj /CN=127.0.0.1 " +
                           "2>/dev/null")
                              .c_str()),
              0);
    broker_ = std::make_unique<Broker>(dir_);
    ASSERT_TRUE(broker_->start());
    port_ = free_port();
    std::ofstream(dir_ + "/console.toml")
        << "[console]\nport = " << port_ << "\ndatabase = \"" << dir_ << "/console.db\"\n"
        << "web_root = \"" << R3_SOURCE_DIR << "/console/web\"\n[https]\ncert_file = \"" << dir_
        << "/cert.pem\"\nkey_file = \"" << dir_ << "/key.pem\"\n[mqtt]\nhost = \"127.0.0.1\"\n"
        << "port = " << broker_->port() << "\n";
    console_ = Process({R3_CONSOLE_BIN, "--config", dir_ + "/console.toml"}, dir_ + "/console.log");
    ASSERT_TRUE(wait_until([&] { return port_accepts(port_); }, 10s))
        << read_file(dir_ + "/console.log");
    ASSERT_TRUE(wait_until(
        [&] {
          return read_file(dir_ + "/console.log").find("mqtt: connected") != std::string::npos;
        },
        10s));
  }
  void TearDown() override {
    console_.signal(SIGTERM);
    EXPECT_EQ(console_.wait(5s), 0) << read_file(dir_ + "/console.log");
    broker_.reset();
    std::filesystem::remove_all(dir_);
  }

  http::response<http::string_body> request(http::verb verb, const std::string& target,
                                            const std::string& body = "") {
    boost::asio::io_context io;
    ssl::context ctx(ssl::context::tls_client);
    ctx.load_verify_file(dir_ + "/cert.pem");  // the self-signed certificate is the CA
    ctx.set_verify_mode(ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> s(io, ctx);
    beast::get_lowest_layer(s).connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                     static_cast<unsigned short>(port_)));
    s.handshake(ssl::stream_base::client);
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
    if (!body.empty()) req.set(http::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
    http::write(s, req);
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(s, buf, res);
    return res;
  }

  std::string dir_;
  int port_ = 0;
  std::unique_ptr<Broker> broker_;
  Process console_;
};

TEST_F(AConsoleOverHttps, ServesTlsAndMarksItsCookiesSecure) {
  EXPECT_EQ(request(http::verb::get, "/healthz").result_int(), 200U);
  const std::regex re("setup\\.html#token=([0-9a-f]+)");
  std::smatch m;
  const auto log = read_file(dir_ + "/console.log");
  ASSERT_TRUE(std::regex_search(log, m, re));
  EXPECT_EQ(m.str().find("https://"), std::string::npos);  // the link itself: in the log line
  EXPECT_NE(log.find("https://127.0.0.1:"), std::string::npos);
  const auto res = request(
      http::verb::post, "/api/setup",
      nlohmann::json{{"token", m[1].str()}, {"name", "admin"}, {"password", "long enough pw"}}
          .dump());
  ASSERT_EQ(res.result_int(), 200U) << res.body();
  EXPECT_NE(std::string(res[http::field::set_cookie]).find("; Secure"), std::string::npos);
}

TEST_F(AConsoleOverHttps, CountsAPlainHttpClientAsAFailedHandshakeAndKeepsServing) {
  const auto failures = [&] {
    const auto m = request(http::verb::get, "/metrics").body();
    const std::string key = "\nr3_console_tls_handshake_failures_total ";
    const auto at = m.find(key);
    return at == std::string::npos ? -1 : std::stoi(m.substr(at + key.size()));
  };
  const int before = failures();  // the start-up probe's connection counts too
  ASSERT_GE(before, 0);
  {
    boost::asio::io_context io;
    beast::tcp_stream s(io);
    s.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                            static_cast<unsigned short>(port_)));
    http::request<http::empty_body> req{http::verb::get, "/healthz", 11};
    http::write(s, req);
    beast::error_code ec;
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(s, buf, res, ec);
    EXPECT_TRUE(ec);  // no HTTP answer on an HTTPS port
  }
  EXPECT_TRUE(wait_until([&] { return failures() == before + 1; }, 5s));
}

}  // namespace
}  // namespace r3::test
