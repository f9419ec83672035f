// TLS with client certificates made by the openssl CLI (support/pki.hpp). The broker requires a
// client certificate.

#include <filesystem>

#include "tests/daemon/mqtt/broker/fixture.hpp"
#include "tests/daemon/mqtt/support/pki.hpp"

namespace r3::test {
namespace {

class ATlsConnection : public BrokerTest {
 protected:
  void SetUp() override {
    BrokerTest::SetUp();
    pki_ = dir_ + "/pki";
    std::filesystem::create_directories(pki_);
    ASSERT_TRUE(make_test_pki(pki_, pki_files_)) << read_file(pki_ + "/openssl.log");
    tls_.ca_file = pki_files_.ca_file;
    tls_.cert_file = pki_files_.server_cert;
    tls_.key_file = pki_files_.server_key;
    tls_.port = free_port();
    std::filesystem::create_directories(dir_ + "/tlsbroker");
    tls_broker_ = std::make_unique<Broker>(dir_ + "/tlsbroker", &tls_);
    ASSERT_TRUE(tls_broker_->start()) << read_file(tls_broker_->log_file());
    ASSERT_TRUE(wait_until([this] { return port_accepts(tls_.port); }, 20s));
  }
  void TearDown() override {
    tls_broker_.reset();
    BrokerTest::TearDown();
  }
  std::unique_ptr<Collector> plain_collector() {
    auto c = std::make_unique<Collector>(tls_broker_->port(), "tls-col-" + pki_.substr(5, 20),
                                         "r3/v1/gw1/status");
    EXPECT_TRUE(c->connect());
    return c;
  }

  std::string pki_;
  TestPki pki_files_;
  BrokerTls tls_;
  std::unique_ptr<Broker> tls_broker_;
};

TEST_F(ATlsConnection, ConnectsWithAClientCertificateSignedByTheCa) {
  auto pub = start_publisher({"--tls-port", std::to_string(tls_.port), "--ca", pki_ + "/ca.crt",
                              "--cert", pki_ + "/client.crt", "--key", pki_ + "/client.key"});
  auto c = plain_collector();
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s))
      << log_of();
  EXPECT_NE(log_of().find("connected to ssl://127.0.0.1"), std::string::npos) << log_of();
}

TEST_F(ATlsConnection, IsRefusedWithoutAClientCertificate) {
  auto pub = start_publisher({"--tls-port", std::to_string(tls_.port), "--ca", pki_ + "/ca.crt",
                              "--cert", "", "--key", ""});
  auto c = plain_collector();
  ASSERT_TRUE(wait_until([&] { return log_of().find("connect failed") != std::string::npos; }, 30s))
      << log_of();
  EXPECT_FALSE(has_status(c->messages(), "online", "connected"));
  EXPECT_TRUE(pub.running());  // it keeps retrying, nothing crashed
}

}  // namespace
}  // namespace r3::test
