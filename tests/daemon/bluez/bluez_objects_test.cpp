// The mirror of BlueZ's objects, fed with what GetManagedObjects and the signals carry.
#include "daemon/bluez/bluez_objects.hpp"

#include <gtest/gtest.h>

#include "daemon/bluez/contact_links.hpp"

namespace r3::bluez {
namespace {

const std::string kDev = "/org/bluez/hci1/dev_C0_FF_EE_00_00_01";

InterfaceMap device_interfaces() {
  return {
      {kDeviceItf,
       {{"Address", sdbus::Variant(std::string("C0:FF:EE:00:00:01"))},
        {"Adapter", sdbus::Variant(sdbus::ObjectPath("/org/bluez/hci1"))},
        {"UUIDs", sdbus::Variant(std::vector<std::string>{"7A3E0001-5C1D-4B8E-9F2A-3C0B5E1D7F10"})},
        {"Connected", sdbus::Variant(false)},
        {"RSSI", sdbus::Variant(std::int16_t{-60})}}}};
}

TEST(TheObjectMirror, ReadsADeviceWithLowerCaseUuids) {
  BluezObjects o;
  o.add(kDev, device_interfaces());
  const auto& d = o.devices.at(kDev);
  EXPECT_EQ(d.address, "C0:FF:EE:00:00:01");
  EXPECT_EQ(d.adapter_path, "/org/bluez/hci1");
  EXPECT_EQ(d.uuids.front(), "7a3e0001-5c1d-4b8e-9f2a-3c0b5e1d7f10");
  EXPECT_EQ(d.rssi, std::int16_t{-60});
}

TEST(TheObjectMirror, FollowsPropertyChangesAndIgnoresWrongTypes) {
  BluezObjects o;
  o.add(kDev, device_interfaces());
  o.change(kDev, kDeviceItf,
           {{"Connected", sdbus::Variant(true)}, {"RSSI", sdbus::Variant(std::string("x"))}});
  EXPECT_TRUE(o.devices.at(kDev).connected);
  EXPECT_EQ(o.devices.at(kDev).rssi, std::int16_t{-60});
}

TEST(TheObjectMirror, FindsCharacteristicsUnderTheirDeviceAndForgetsThemWithIt) {
  BluezObjects o;
  o.add(kDev, device_interfaces());
  const std::string chr = kDev + "/service000a/char000b";
  o.add(chr, {{kCharItf,
               {{"UUID", sdbus::Variant(std::string("7a3e0002-5c1d-4b8e-9f2a-3c0b5e1d7f10"))}}}});
  const auto* c = o.find_characteristic(kDev, "7a3e0002-5c1d-4b8e-9f2a-3c0b5e1d7f10");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->path, chr);
  EXPECT_EQ(o.find_characteristic("/org/bluez/hci0/dev_C0_FF_EE_00_00_01",
                                  "7a3e0002-5c1d-4b8e-9f2a-3c0b5e1d7f10"),
            nullptr);
  o.remove(kDev, {kDeviceItf});
  EXPECT_TRUE(o.characteristics.empty());
}

TEST(TheObjectMirror, KeepsBatteryLevelOnTheDevice) {
  BluezObjects o;
  o.add(kDev, device_interfaces());
  o.add(kDev, {{kBatteryItf, {{"Percentage", sdbus::Variant(std::uint8_t{77})}}}});
  EXPECT_EQ(o.devices.at(kDev).battery, std::uint8_t{77});
  o.change(kDev, kBatteryItf, {{"Percentage", sdbus::Variant(std::uint8_t{76})}});
  EXPECT_EQ(o.devices.at(kDev).battery, std::uint8_t{76});
}

TEST(BluezPaths, MapAddressesAndChildrenToDevicePaths) {
  EXPECT_EQ(bluez_device_path("/org/bluez/hci0", "c0:ff:ee:00:00:0a"),
            "/org/bluez/hci0/dev_C0_FF_EE_00_00_0A");
  EXPECT_EQ(device_path_of("/org/bluez/hci0/dev_AA_BB/service000a/char000b"),
            "/org/bluez/hci0/dev_AA_BB");
  EXPECT_EQ(device_path_of("/org/bluez/hci0"), "");
  EXPECT_EQ(contact_id_for_address("C0:FF:EE:00:00:0A"), "r3-c0ffee00000a");
}

}  // namespace
}  // namespace r3::bluez
