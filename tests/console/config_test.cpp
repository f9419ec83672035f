#include "console/config.hpp"

#include <gtest/gtest.h>

namespace r3::console {
namespace {

TEST(AConsoleConfig, UsesTheDefaultsWhenEmpty) {
  auto c = parse_console_config("", "console.toml");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->base_topic, "r3/v1");
  EXPECT_FALSE(c->https());
  EXPECT_EQ(c->url(), "http://127.0.0.1:8080");
}

TEST(AConsoleConfig, ReadsEverySection) {
  auto c = parse_console_config(R"(
[console]
listen = "0.0.0.0"
port = 8443
public_url = "https://room.example"
[https]
cert_file = "/etc/ssl/c.pem"
key_file = "/etc/ssl/k.pem"
[mqtt]
host = "broker"
port = 8883
username = "console"
password = "pw"
)",
                                "console.toml");
  ASSERT_TRUE(c.ok()) << c.error()[0].to_string();
  EXPECT_TRUE(c->https());
  EXPECT_EQ(c->url(), "https://room.example");
  EXPECT_EQ(c->mqtt_host, "broker");
}

TEST(AConsoleConfig, PointsAtEachProblemWithLineAndColumn) {
  auto c = parse_console_config("[console]\nport = 70000\nprot = 1\n", "console.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error()[0].to_string().rfind("console.toml:3:", 0), 0U) << c.error()[0].to_string();
  auto d = parse_console_config("[console]\nport = 70000\n", "console.toml");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error()[0].to_string(), "console.toml:2:8: console.port: must be 1..65535");
}

TEST(AConsoleConfig, RefusesACertificateWithoutAKeyAndAWildcardBase) {
  auto c = parse_console_config("[https]\ncert_file = \"c\"\n[mqtt]\nbase_topic = \"r3/#\"\n", "f");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().size(), 2U);
}

TEST(AConsoleConfig, ReportsTomlSyntaxErrors) {
  auto c = parse_console_config("[console\n", "f");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error()[0].pos.line, 1U);
}

}  // namespace
}  // namespace r3::console
