#include "tools/r3-view/view_options.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace r3::view {
namespace {

Result<ViewOptions, std::string> parse(std::vector<std::string_view> args) {
  return parse_view_options(args);
}

TEST(ViewOptions, DefaultToEveryGatewayOnTheLocalBroker) {
  auto o = parse({});
  ASSERT_TRUE(o.ok()) << o.error();
  EXPECT_EQ(o->broker.host, "localhost");
  EXPECT_EQ(o->broker.port, 1883);
  EXPECT_EQ(o->gateway, "+");
  EXPECT_FALSE(o->broker.tls.enabled);
  EXPECT_DOUBLE_EQ(o->connect_timeout_s, 0.0);
}

TEST(ViewOptions, TakeTheBrokerCredentialsAndTlsFilesLikeTheGateway) {
  auto o = parse({"--host", "broker.lan", "--username", "coach", "--password", "pw", "--ca-file",
                  "ca.crt", "--cert-file", "me.crt", "--key-file", "me.key", "--gateway", "room-1",
                  "--connect-timeout", "10"});
  ASSERT_TRUE(o.ok()) << o.error();
  EXPECT_EQ(o->broker.username, "coach");
  EXPECT_EQ(o->broker.password, "pw");
  EXPECT_TRUE(o->broker.tls.enabled);  // a CA file means TLS
  EXPECT_EQ(o->broker.tls.ca_file, "ca.crt");
  EXPECT_EQ(o->broker.tls.cert_file, "me.crt");
  EXPECT_EQ(o->broker.tls.key_file, "me.key");
  EXPECT_EQ(o->broker.port, 8883);  // the TLS port unless told
  EXPECT_EQ(o->broker.server_uri(), "ssl://broker.lan:8883");
  EXPECT_EQ(o->gateway, "room-1");
  EXPECT_DOUBLE_EQ(o->connect_timeout_s, 10.0);
}

TEST(ViewOptions, KeepAnExplicitPortWithTls) {
  auto o = parse({"--tls", "--port", "1884"});
  ASSERT_TRUE(o.ok()) << o.error();
  EXPECT_EQ(o->broker.port, 1884);
  EXPECT_TRUE(o->broker.tls.enabled);
}

TEST(ViewOptions, AnswerHelpBeforeAnythingElse) {
  auto o = parse({"--help", "--bogus"});
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o->help);
  EXPECT_NE(view_usage().find("--connect-timeout"), std::string_view::npos);
  EXPECT_NE(view_usage().find("--ca-file"), std::string_view::npos);
  EXPECT_NE(view_usage().find("Exit status"), std::string_view::npos);
}

TEST(ViewOptions, NameWhatIsWrong) {
  const auto error = [](std::vector<std::string_view> args) {
    auto o = parse_view_options(args);
    return o.ok() ? std::string("accepted") : o.error();
  };
  EXPECT_EQ(error({"--bogus"}), "unknown option '--bogus'");
  EXPECT_EQ(error({"--host"}), "--host needs a value");
  EXPECT_EQ(error({"--port", "http"}), "--port 'http' is not a port (1-65535)");
  EXPECT_EQ(error({"--port", "70000"}), "--port '70000' is not a port (1-65535)");
  EXPECT_EQ(error({"--duration", "-1"}), "--duration '-1' is not seconds >= 0");
  EXPECT_NE(error({"--gateway", "a/b"}).find("--gateway 'a/b'"), std::string::npos);
  EXPECT_EQ(error({"--cert-file", "c.crt"}), "--cert-file and --key-file go together");
  EXPECT_EQ(error({"--password", "x"}), "a password needs --username");
  EXPECT_EQ(error({"--username", "u", "--password", "x", "--password-file", "f"}),
            "--password and --password-file: give one");
}

}  // namespace
}  // namespace r3::view
