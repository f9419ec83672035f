#include "daemon/mqtt/topics.hpp"

#include <gtest/gtest.h>

#include <string>

namespace r3::mqtt {
namespace {

TEST(ASafeId, AcceptsLettersDigitsDotsDashesAndUnderscores) {
  EXPECT_TRUE(is_safe_id("u-42"));
  EXPECT_TRUE(is_safe_id("Patient_7.a"));
  EXPECT_TRUE(is_safe_id(std::string(kMaxIdLength, 'x')));
}

TEST(ASafeId, RefusesWildcardsSlashesSpacesControlCharsAndLengthOutOfBounds) {
  const std::string too_long(kMaxIdLength + 1, 'x');
  for (const std::string& bad : std::initializer_list<std::string>{
           "", "a/b", "a+", "#", "a b", "tab\t", "$SYS", "\xc3\xa9", "del\x7f", too_long}) {
    EXPECT_FALSE(is_safe_id(bad)) << bad;
  }
  EXPECT_FALSE(is_safe_id(std::string("a\0b", 3)));
}

TEST(ASafeDeviceId, IsOnlyTheCanonicalDeviceId) {
  EXPECT_TRUE(is_safe_device_id("r3-c0ffee000001"));
  EXPECT_FALSE(is_safe_device_id("C0:FF:EE:00:00:01"));  // an address is turned into one first
  EXPECT_FALSE(is_safe_device_id("r3-C0FFEE000001"));
  EXPECT_FALSE(is_safe_device_id("a/b"));
}

TEST(TheTopicTree, LivesUnderTheGatewaysOwnRoot) {
  const Topics t("gw1");
  EXPECT_EQ(t.status(), "r3/v1/gw1/status");
  EXPECT_EQ(t.device("r3-c0ffee000001"), "r3/v1/gw1/devices/r3-c0ffee000001");
  EXPECT_EQ(t.user("u-1", "rep"), "r3/v1/gw1/users/u-1/rep");
  EXPECT_EQ(t.session("s-1"), "r3/v1/gw1/sessions/s-1");
  EXPECT_EQ(t.command_filter(), "r3/v1/gw1/cmd/+");
  EXPECT_EQ(t.reply("r-1"), "r3/v1/gw1/reply/r-1");
}

TEST(TheTopicTree, FindsTheVerbOfItsOwnCommandTopicsOnly) {
  const Topics t("gw1");
  EXPECT_EQ(t.verb_of("r3/v1/gw1/cmd/bind"), "bind");
  EXPECT_EQ(t.verb_of("r3/v1/gw2/cmd/bind"), "");
  EXPECT_EQ(t.verb_of("r3/v1/gw1/cmd/"), "");
  EXPECT_EQ(t.verb_of("r3/v1/gw1/cmd/bind/x"), "");
  EXPECT_EQ(t.verb_of("r3/v1/gw1/status"), "");
}

}  // namespace
}  // namespace r3::mqtt
