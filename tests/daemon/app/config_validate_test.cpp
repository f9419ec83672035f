#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daemon/app/config_parse.hpp"

namespace r3::app {
namespace {

using ::testing::HasSubstr;

std::string all_errors(std::string_view text) {
  const auto config = load_config_text(text, "g.toml");
  if (config.ok()) return "valid";
  std::string out;
  for (const auto& e : config.error()) out += e.to_string() + "\n";
  return out;
}

TEST(ConfigValidate, InconsistentThresholdsPointAtTheOffendingField) {
  EXPECT_THAT(all_errors("[thresholds]\nload_on_n = 10.0\nload_off_n = 12.0\n"),
              HasSubstr("g.toml:3:14: thresholds: load_off_n must be >= 0 and < load_on_n"));
}

TEST(ConfigValidate, AUsersBadThresholdNamesTheUser) {
  EXPECT_THAT(all_errors("[users.p-1]\nrep_min_rom_deg = 200\n"),
              HasSubstr("g.toml:2:19: users.p-1: rep_min_rom_deg must be in (0, 180)"));
}

TEST(ConfigValidate, AUserIdThatCannotBeATopicLevelIsRejected) {
  EXPECT_THAT(all_errors("[users.\"a+b\"]\nload_on_n = 20\n"),
              HasSubstr("users.a+b is not a valid user id"));
}

TEST(ConfigValidate, ABindingNeedsExactlyOneOfAddressAndDeviceId) {
  EXPECT_THAT(all_errors("[[contacts]]\nuser = \"u1\"\n"),
              HasSubstr("g.toml:1:1: contacts[0] needs exactly one of address or device_id"));
  EXPECT_THAT(
      all_errors(
          "[[contacts]]\naddress = \"C0:FF:EE:00:00:01\"\ndevice_id = \"x\"\nuser = \"u1\"\n"),
      HasSubstr("contacts[0] needs exactly one of address or device_id"));
}

TEST(ConfigValidate, ABadAddressOrUserInABindingIsRejectedAtTheValue) {
  const auto errors = all_errors("[[contacts]]\naddress = \"C0:FF:EE\"\nuser = \"Jane Doe\"\n");
  EXPECT_THAT(errors, HasSubstr("g.toml:2:11: contacts[0].address must look like"));
  EXPECT_THAT(errors, HasSubstr("g.toml:3:8: contacts[0].user must be a user id"));
}

TEST(ConfigValidate, BindingTheSameContactTwiceIsRejectedWhateverTheCase) {
  EXPECT_THAT(all_errors("[[contacts]]\naddress = \"c0:ff:ee:00:00:01\"\nuser = \"a\"\n"
                         "[[contacts]]\naddress = \"C0:FF:EE:00:00:01\"\nuser = \"b\"\n"),
              HasSubstr("g.toml:4:1: contacts[1] binds r3-c0ffee000001 a second time"));
}

TEST(ConfigValidate, MqttPortOutOfRangeIsRejected) {
  EXPECT_THAT(all_errors("[mqtt]\nport = 70000\n"),
              HasSubstr("g.toml:2:8: mqtt.port must be in 1..65535"));
  EXPECT_THAT(all_errors("[mqtt]\nport = 0\n"), HasSubstr("mqtt.port must be in 1..65535"));
}

TEST(ConfigValidate, APasswordWithoutAUsernameIsRejected) {
  EXPECT_THAT(all_errors("[mqtt]\npassword = \"x\"\n"),
              HasSubstr("mqtt.password needs mqtt.username"));
}

TEST(ConfigValidate, TlsFilesMustExistWhenTlsIsOn) {
  EXPECT_THAT(all_errors("[mqtt.tls]\nenabled = true\nca_file = \"/nonexistent/ca.pem\"\n"),
              HasSubstr("g.toml:3:11: mqtt.tls.ca_file names a file that does not exist"));
  EXPECT_THAT(all_errors("[mqtt.tls]\ncert_file = \"/etc/hostname\"\n"),
              HasSubstr("mqtt.tls.key_file and mqtt.tls.cert_file go together"));
}

TEST(ConfigValidate, AdaptersMustBeHciNames) {
  EXPECT_THAT(all_errors("[ble]\nadapters = [\"hci0\", \"usb1\"]\n"),
              HasSubstr("g.toml:2:21: ble.adapters[1] must look like hci0"));
}

TEST(ConfigValidate, TheStateDirectoryMustBeAbsolute) {
  EXPECT_THAT(all_errors("[gateway]\nstate_directory = \"state\"\n"),
              HasSubstr("gateway.state_directory must be an absolute path"));
}

TEST(ConfigValidate, AValidFileIsValid) {
  EXPECT_EQ(all_errors("[gateway]\nid = \"room-1\"\n[[contacts]]\naddress = \"C0:FF:EE:00:00:01\"\n"
                       "user = \"u1\"\n"),
            "valid");
}

}  // namespace
}  // namespace r3::app
