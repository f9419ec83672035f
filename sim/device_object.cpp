#include "sim/device_object.hpp"

#include <chrono>
#include <cstdio>

#include "core/protocol/control_command.hpp"
#include "core/protocol/gatt_profile.hpp"
#include "sim/bluez_api.hpp"

namespace r3::sim {

namespace gatt = core::gatt;
namespace proto = core::protocol;

namespace {
std::vector<std::uint8_t> bytes_of(const std::string& s) {
  return {s.begin(), s.end()};
}

double wall_now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

SimDevice::SimDevice(sdbus::IConnection& bus, boost::asio::io_context& io, std::string adapter_path,
                     ContactModel& contact, std::int16_t rssi, int acquire_eof_after,
                     bool late_gatt, Hooks hooks)
    : bus_(bus),
      io_(io),
      adapter_path_(std::move(adapter_path)),
      path_(bluez::device_path(adapter_path_, contact.address())),
      contact_(contact),
      rssi_(rssi),
      acquire_eof_after_(acquire_eof_after),
      hooks_(std::move(hooks)),
      late_gatt_(late_gatt),
      object_(sdbus::createObject(bus, path_)) {
  const char* itf = bluez::kDevice;
  auto& o = *object_;
  o.registerMethod("Connect").onInterface(itf).implementedAs(
      [this](sdbus::Result<>&& r) { hooks_.connect(*this, std::move(r)); });
  o.registerMethod("Disconnect").onInterface(itf).implementedAs([this](sdbus::Result<>&& r) {
    hooks_.disconnect(*this, std::move(r));
  });
  o.registerProperty("Address").onInterface(itf).withGetter([this] { return contact_.address(); });
  o.registerProperty("AddressType").onInterface(itf).withGetter([] {
    return std::string("random");
  });
  o.registerProperty("Name").onInterface(itf).withGetter([this] { return contact_.name(); });
  o.registerProperty("Alias").onInterface(itf).withGetter([this] { return contact_.name(); });
  o.registerProperty("Paired").onInterface(itf).withGetter([] { return false; });
  o.registerProperty("Bonded").onInterface(itf).withGetter([] { return false; });
  o.registerProperty("Trusted").onInterface(itf).withGetter([] { return false; });
  o.registerProperty("Blocked").onInterface(itf).withGetter([] { return false; });
  o.registerProperty("LegacyPairing").onInterface(itf).withGetter([] { return false; });
  o.registerProperty("Connected").onInterface(itf).withGetter([this] { return connected_; });
  o.registerProperty("ServicesResolved").onInterface(itf).withGetter([this] {
    return services_resolved_;
  });
  o.registerProperty("UUIDs").onInterface(itf).withGetter([] {
    return std::vector<std::string>{std::string(gatt::kContactService),
                                    std::string(gatt::kBatteryService),
                                    std::string(gatt::kDeviceInformationService)};
  });
  o.registerProperty("Adapter").onInterface(itf).withGetter(
      [this] { return sdbus::ObjectPath(adapter_path_); });
  o.registerProperty("RSSI").onInterface(itf).withGetter([this] { return rssi_; });
  o.finishRegistration();
}

SimDevice::~SimDevice() = default;

void SimDevice::announce() {
  object_->emitInterfacesAddedSignal({bluez::kDevice});
}

void SimDevice::withdraw() {
  drop_gatt();
  object_->emitInterfacesRemovedSignal({bluez::kDevice});
}

void SimDevice::client_gone(const std::string& name) {
  for (auto& c : chars_) c->client_gone(name);
}

void SimDevice::set_rssi(std::int16_t rssi) {
  if (rssi == rssi_) return;
  rssi_ = rssi;
  object_->emitPropertiesChangedSignal(bluez::kDevice, {"RSSI"});
}

void SimDevice::set_connected(bool connected) {
  if (connected == connected_) return;
  if (connected) {
    connected_ = true;
    object_->emitPropertiesChangedSignal(bluez::kDevice, {"Connected"});
    if (late_gatt_) {
      // Seen with BlueZ: ServicesResolved first, the GATT objects a moment later.
      services_resolved_ = true;
      object_->emitPropertiesChangedSignal(bluez::kDevice, {"ServicesResolved"});
      gatt_timer_ =
          std::make_unique<boost::asio::steady_timer>(io_, std::chrono::milliseconds(150));
      gatt_timer_->async_wait([this](const boost::system::error_code& ec) {
        if (ec || !connected_ || !chars_.empty()) return;
        try {
          build_gatt();
        } catch (const sdbus::Error& e) {
          std::fprintf(stderr, "r3-sim: late gatt: %s\n", e.getMessage().c_str());
        }
        if (hooks_.kick) hooks_.kick();
      });
      return;
    }
    build_gatt();
    services_resolved_ = true;
    object_->emitPropertiesChangedSignal(bluez::kDevice, {"ServicesResolved"});
    return;
  }
  if (gatt_timer_) gatt_timer_->cancel();
  // The peripheral's firmware stops streaming when its link drops.
  contact_.stop_streaming();
  if (stream_ != nullptr) stream_->end_notifications();
  services_resolved_ = false;
  object_->emitPropertiesChangedSignal(bluez::kDevice, {"ServicesResolved"});
  drop_gatt();
  connected_ = false;
  object_->emitPropertiesChangedSignal(bluez::kDevice, {"Connected"});
}

void SimDevice::build_gatt() {
  auto service = [this](const std::string& handle, std::string_view uuid) {
    std::string spath = path_ + "/service" + handle;
    auto s = sdbus::createObject(bus_, spath);
    const std::string u(uuid);
    s->registerProperty("UUID").onInterface(bluez::kGattService).withGetter([u] { return u; });
    s->registerProperty("Device").onInterface(bluez::kGattService).withGetter([this] {
      return sdbus::ObjectPath(path_);
    });
    s->registerProperty("Primary").onInterface(bluez::kGattService).withGetter([] { return true; });
    s->registerProperty("Includes").onInterface(bluez::kGattService).withGetter([] {
      return std::vector<sdbus::ObjectPath>{};
    });
    s->finishRegistration();
    s->emitInterfacesAddedSignal({bluez::kGattService});
    services_.push_back(std::move(s));
    return spath;
  };
  auto chr = [this](const std::string& spath, const std::string& handle, std::string_view uuid,
                    std::vector<std::string> flags, std::vector<std::uint8_t> value) {
    CharacteristicSpec c;
    c.path = spath + "/char" + handle;
    c.uuid = std::string(uuid);
    c.service_path = spath;
    c.flags = std::move(flags);
    c.value = std::move(value);
    chars_.push_back(std::make_unique<GattCharacteristic>(bus_, io_, std::move(c)));
    chars_.back()->announce();
    return chars_.back().get();
  };
  const auto contact = service("000a", gatt::kContactService);
  auto add = [this](CharacteristicSpec c) {
    chars_.push_back(std::make_unique<GattCharacteristic>(bus_, io_, std::move(c)));
    chars_.back()->announce();
    return chars_.back().get();
  };
  CharacteristicSpec stream;
  stream.path = contact + "/char000b";
  stream.uuid = std::string(gatt::kStreamCharacteristic);
  stream.service_path = contact;
  stream.flags = {"notify"};
  stream.acquire_eof_after = acquire_eof_after_;
  stream_ = add(std::move(stream));
  CharacteristicSpec control;
  control.path = contact + "/char000e";
  control.uuid = std::string(gatt::kControlCharacteristic);
  control.service_path = contact;
  control.flags = {"write", "write-without-response"};
  control.on_write = [this](std::span<const std::uint8_t> b) { on_control(b); };
  add(std::move(control));
  const auto battery = service("0010", gatt::kBatteryService);
  chr(battery, "0011", gatt::kBatteryLevel, {"read", "notify"}, {contact_.battery_percent()});
  const auto info = service("0014", gatt::kDeviceInformationService);
  chr(info, "0015", gatt::kManufacturerName, {"read"}, bytes_of("R3 LOAD (simulated)"));
  chr(info, "0017", gatt::kModelNumber, {"read"}, bytes_of("R3-C1"));
  chr(info, "0019", gatt::kSerialNumber, {"read"}, bytes_of(contact_.address()));
  chr(info, "001b", gatt::kFirmwareRevision, {"read"}, bytes_of("1.0.0-sim"));
  // bluetoothd's battery plugin adds Battery1 to the device once the service is found.
  battery_ = sdbus::createObject(bus_, path_);
  battery_->registerProperty("Percentage").onInterface(bluez::kBattery).withGetter([this] {
    return contact_.battery_percent();
  });
  battery_->registerProperty("Source").onInterface(bluez::kBattery).withGetter([] {
    return std::string("org.bluetooth.battery");
  });
  battery_->finishRegistration();
  battery_->emitInterfacesAddedSignal({bluez::kBattery});
}

void SimDevice::drop_gatt() {
  if (battery_) {
    battery_->emitInterfacesRemovedSignal({bluez::kBattery});
    battery_.reset();
  }
  for (auto& c : chars_) {
    if (c) c->withdraw();
  }
  chars_.clear();
  stream_ = nullptr;
  for (auto& s : services_) s->emitInterfacesRemovedSignal({bluez::kGattService});
  services_.clear();
}

void SimDevice::notify_stream(std::span<const std::uint8_t> bytes) {
  if (stream_ != nullptr) stream_->notify(bytes);
}

void SimDevice::on_control(std::span<const std::uint8_t> bytes) {
  const auto cmd = proto::decode_control(bytes);
  if (!cmd.ok()) throw sdbus::Error(bluez::kErrFailed, "Operation failed with ATT error: 0x80");
  switch (cmd->opcode) {
    case proto::Opcode::kStartStreaming:
      contact_.start_streaming(wall_now_s());
      break;
    case proto::Opcode::kStopStreaming:
      contact_.stop_streaming();
      break;
    case proto::Opcode::kTare:
      contact_.tare();
      break;
    case proto::Opcode::kIdentify:
      contact_.identify(cmd->identify_seconds);
      break;
  }
}

}  // namespace r3::sim
