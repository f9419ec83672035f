#include "core/util/device_id.hpp"

#include <gtest/gtest.h>

namespace r3::util {
namespace {

TEST(ADeviceId, IsMadeFromAnAddressInAnyCase) {
  EXPECT_EQ(to_device_id("C0:FF:EE:00:00:0A"), "r3-c0ffee00000a");
  EXPECT_EQ(to_device_id("c0:ff:ee:00:00:0a"), "r3-c0ffee00000a");
}

TEST(ADeviceId, NamesTheSameContactGivenAsADeviceIdInAnyCase) {
  EXPECT_EQ(to_device_id("r3-c0ffee00000a"), "r3-c0ffee00000a");
  EXPECT_EQ(to_device_id("R3-C0FFEE00000A"), "r3-c0ffee00000a");
}

TEST(ADeviceId, IsRefusedForAnythingThatNamesNoContact) {
  for (const char* bad : {"", "dev-1", "r3-", "r3-c0ffee00000", "r3-c0ffee00000ab",
                          "r3-c0ffee00000g", "x3-c0ffee00000a", "C0:FF:EE:00:00",
                          "C0-FF-EE-00-00-0A", "C0:FF:EE:00:00:0G", "r3-c0ffee00000a/"}) {
    EXPECT_FALSE(to_device_id(bad)) << bad;
  }
}

TEST(ADeviceId, IsPublishedOnlyInItsCanonicalForm) {
  EXPECT_TRUE(is_device_id("r3-c0ffee00000a"));
  EXPECT_FALSE(is_device_id("R3-C0FFEE00000A"));
  EXPECT_FALSE(is_device_id("C0:FF:EE:00:00:0A"));
}

}  // namespace
}  // namespace r3::util
