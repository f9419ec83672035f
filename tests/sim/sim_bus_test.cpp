// r3-sim's org.bluez surface, checked with plain D-Bus calls (what bleak does not exercise).
#include <gtest/gtest.h>
#include <sdbus-c++/sdbus-c++.h>

#include <csignal>
#include <map>
#include <thread>

#include "tests/sim/test_support.hpp"

namespace r3::test {
namespace {

using Props = std::map<std::string, sdbus::Variant>;
using Objects = std::map<sdbus::ObjectPath, std::map<std::string, Props>>;
constexpr const char* kContactService = "7a3e0001-5c1d-4b8e-9f2a-3c0b5e1d7f10";

class SimBus : public ::testing::Test {
 protected:
  void start(std::vector<std::string> args) {
    args.insert(args.begin(), R3_SIM_PATH);
    sim_ = std::make_unique<Child>(args, bus_.dir() + "/sim.out", bus_.dir() + "/sim.err");
    ASSERT_TRUE(wait_for([&] { return out().find("ready") != std::string::npos; },
                         std::chrono::seconds(20)));
    conn_ = sdbus::createSystemBusConnection();
  }
  std::string out() const { return read_file(bus_.dir() + "/sim.out"); }
  Objects objects() {
    auto root = sdbus::createProxy(*conn_, "org.bluez", "/");
    Objects all;
    root->callMethod("GetManagedObjects")
        .onInterface("org.freedesktop.DBus.ObjectManager")
        .storeResultsTo(all);
    return all;
  }
  int devices_on(const std::string& adapter) {
    int n = 0;
    for (const auto& [path, itfs] : objects())
      if (itfs.count("org.bluez.Device1") && std::string(path).rfind(adapter + "/", 0) == 0) ++n;
    return n;
  }
  void call(const std::string& path, const char* itf, const char* method) {
    sdbus::createProxy(*conn_, "org.bluez", path)->callMethod(method).onInterface(itf);
  }
  std::string error_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const sdbus::Error& e) {
      return e.getName() + " " + e.getMessage();
    }
    return "";
  }
  void filter(const std::string& adapter, const std::string& uuid) {
    auto p = sdbus::createProxy(*conn_, "org.bluez", adapter);
    Props f = {{"UUIDs", sdbus::Variant(std::vector<std::string>{uuid})},
               {"Transport", sdbus::Variant(std::string("le"))}};
    p->callMethod("SetDiscoveryFilter").onInterface("org.bluez.Adapter1").withArguments(f);
  }

  PrivateBus bus_;
  std::unique_ptr<Child> sim_;
  std::unique_ptr<sdbus::IConnection> conn_;
};

TEST_F(SimBus, ExposesAdaptersAtBluezPathsAndNoDeviceBeforeDiscovery) {
  start({"--contacts", "4", "--adapters", "2"});
  const auto all = objects();
  ASSERT_TRUE(all.count(sdbus::ObjectPath("/org/bluez/hci0")));
  ASSERT_TRUE(all.count(sdbus::ObjectPath("/org/bluez/hci1")));
  const auto& a = all.at(sdbus::ObjectPath("/org/bluez/hci0")).at("org.bluez.Adapter1");
  EXPECT_TRUE(a.at("Powered").get<bool>());
  EXPECT_FALSE(a.at("Discovering").get<bool>());
  EXPECT_EQ(devices_on("/org/bluez/hci0"), 0);
}

TEST_F(SimBus, ShowsDevicesOnlyWhileDiscoveringWithAMatchingFilter) {
  start({"--contacts", "4", "--adapters", "1"});
  filter("/org/bluez/hci0", "0000180d-0000-1000-8000-00805f9b34fb");  // heart rate: not us
  call("/org/bluez/hci0", "org.bluez.Adapter1", "StartDiscovery");
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // eight scans: none may match
  EXPECT_EQ(devices_on("/org/bluez/hci0"), 0);
  filter("/org/bluez/hci0", kContactService);
  ASSERT_TRUE(
      wait_for([&] { return devices_on("/org/bluez/hci0") == 4; }, std::chrono::seconds(10)));
  const auto dev = objects().at(sdbus::ObjectPath("/org/bluez/hci0/dev_C0_FF_EE_00_00_01"));
  EXPECT_EQ(dev.at("org.bluez.Device1").at("Address").get<std::string>(), "C0:FF:EE:00:00:01");
}

TEST_F(SimBus, AnswersDiscoveryMisuseWithBluezErrors) {
  start({"--contacts", "1", "--adapters", "1"});
  call("/org/bluez/hci0", "org.bluez.Adapter1", "StartDiscovery");
  EXPECT_EQ(error_of([&] { call("/org/bluez/hci0", "org.bluez.Adapter1", "StartDiscovery"); }),
            "org.bluez.Error.InProgress Operation already in progress");
  call("/org/bluez/hci0", "org.bluez.Adapter1", "StopDiscovery");
  EXPECT_EQ(error_of([&] { call("/org/bluez/hci0", "org.bluez.Adapter1", "StopDiscovery"); }),
            "org.bluez.Error.Failed No discovery started");
}

TEST_F(SimBus, RefusesConnectionsPastTheControllerLimitLikeBluez) {
  start({"--contacts", "2", "--adapters", "1", "--slots", "1"});
  filter("/org/bluez/hci0", kContactService);
  call("/org/bluez/hci0", "org.bluez.Adapter1", "StartDiscovery");
  ASSERT_TRUE(
      wait_for([&] { return devices_on("/org/bluez/hci0") == 2; }, std::chrono::seconds(10)));
  call("/org/bluez/hci0/dev_C0_FF_EE_00_00_00", "org.bluez.Device1", "Connect");
  const auto all = objects();
  EXPECT_TRUE(
      all.count(sdbus::ObjectPath("/org/bluez/hci0/dev_C0_FF_EE_00_00_00/service000a/char000b")));
  EXPECT_EQ(error_of([&] {
              call("/org/bluez/hci0/dev_C0_FF_EE_00_00_01", "org.bluez.Device1", "Connect");
            }),
            "org.bluez.Error.Failed le-connection-abort-by-local");
  call("/org/bluez/hci0/dev_C0_FF_EE_00_00_00", "org.bluez.Device1", "Disconnect");
  EXPECT_FALSE(
      objects().count(sdbus::ObjectPath("/org/bluez/hci0/dev_C0_FF_EE_00_00_00/service000a")));
  call("/org/bluez/hci0/dev_C0_FF_EE_00_00_01", "org.bluez.Device1", "Connect");
}

TEST_F(SimBus, RemovesADeviceOnceAndThenSaysItDoesNotExist) {
  start({"--contacts", "1", "--adapters", "1"});
  filter("/org/bluez/hci0", kContactService);
  call("/org/bluez/hci0", "org.bluez.Adapter1", "StartDiscovery");
  ASSERT_TRUE(
      wait_for([&] { return devices_on("/org/bluez/hci0") == 1; }, std::chrono::seconds(10)));
  call("/org/bluez/hci0", "org.bluez.Adapter1", "StopDiscovery");
  auto remove = [&] {
    sdbus::createProxy(*conn_, "org.bluez", "/org/bluez/hci0")
        ->callMethod("RemoveDevice")
        .onInterface("org.bluez.Adapter1")
        .withArguments(sdbus::ObjectPath("/org/bluez/hci0/dev_C0_FF_EE_00_00_00"));
  };
  remove();
  EXPECT_EQ(devices_on("/org/bluez/hci0"), 0);
  EXPECT_EQ(error_of(remove), "org.bluez.Error.DoesNotExist Does Not Exist");
}

TEST_F(SimBus, ComesBackWithANewOwnerAndFreshObjectsAfterARestart) {
  start({"--contacts", "1", "--adapters", "1", "--restart-down", "0.3"});
  auto dbus = sdbus::createProxy(*conn_, "org.freedesktop.DBus", "/org/freedesktop/DBus");
  auto owner = [&] {
    std::string o;
    dbus->callMethod("GetNameOwner")
        .onInterface("org.freedesktop.DBus")
        .withArguments(std::string("org.bluez"))
        .storeResultsTo(o);
    return o;
  };
  const auto before = owner();
  sim_->signal(SIGUSR1);
  ASSERT_TRUE(wait_for(
      [&] {
        try {
          return owner() != before;
        } catch (const sdbus::Error&) {
          return false;  // no owner while "bluetoothd" is down
        }
      },
      std::chrono::seconds(10)));
  EXPECT_TRUE(objects().count(sdbus::ObjectPath("/org/bluez/hci0")));
}

TEST_F(SimBus, EndsTheDiscoverySessionOfAClientThatLeavesTheBus) {
  start({"--contacts", "1", "--adapters", "1"});
  auto discovering = [&] {
    return objects()
        .at(sdbus::ObjectPath("/org/bluez/hci0"))
        .at("org.bluez.Adapter1")
        .at("Discovering")
        .get<bool>();
  };
  {
    auto other = sdbus::createSystemBusConnection();
    sdbus::createProxy(*other, "org.bluez", "/org/bluez/hci0")
        ->callMethod("StartDiscovery")
        .onInterface("org.bluez.Adapter1");
    EXPECT_TRUE(discovering());
  }
  EXPECT_TRUE(wait_for([&] { return !discovering(); }, std::chrono::seconds(10)));
}

}  // namespace
}  // namespace r3::test
