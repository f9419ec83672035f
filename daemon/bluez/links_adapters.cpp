// Adapters: power, discovery (with the contact service filter), power cycles.
#include "core/protocol/gatt_profile.hpp"
#include "daemon/bluez/links_impl.hpp"

namespace r3::bluez {

namespace {
std::string name_of(const std::string& adapter_path) {
  return adapter_path.substr(adapter_path.rfind('/') + 1);
}
}  // namespace

void ContactLinks::Impl::adapter_seen_unguarded(const std::string& path) {
  auto [it, fresh] = adapters.try_emplace(path);
  Adapter& a = it->second;
  a.path = path;
  if (!fresh) return;
  log_line("adapter %s", name_of(path).c_str());
  if (!objects.adapters[path].powered) {
    proxy(path)
        .callMethodAsync("Set")
        .onInterface("org.freedesktop.DBus.Properties")
        .withArguments(std::string(kAdapterItf), std::string("Powered"), sdbus::Variant(true))
        .uponReplyInvoke([path](const sdbus::Error* e) {
          if (e != nullptr) log_line("%s power on: %s", path.c_str(), e->getMessage().c_str());
        });
  }
  discovery(a, true);
}

void ContactLinks::Impl::discovery_unguarded(Adapter& a, bool on) {
  if (a.discovery_call) return;
  a.discovery_call = true;
  a.last_discovery_try = Clock::now();
  const auto path = a.path;
  const auto epoch = bluez_epoch;
  auto done = [this, path, epoch](const sdbus::Error* e) {
    if (epoch != bluez_epoch) return;
    auto it = adapters.find(path);
    if (it != adapters.end()) it->second.discovery_call = false;
    // InProgress / "No discovery started": already in the state we asked for.
    if (e != nullptr && e->getName() != "org.bluez.Error.InProgress" &&
        e->getMessage() != "No discovery started")
      log_line("%s discovery: %s", name_of(path).c_str(), e->getMessage().c_str());
  };
  auto& p = proxy(path);
  if (!on) {
    p.callMethodAsync("StopDiscovery").onInterface(kAdapterItf).uponReplyInvoke(done);
  } else {
    // The filter first (per client in BlueZ, and lost when the adapter is power-cycled).
    const Properties filter = {
        {"UUIDs",
         sdbus::Variant(std::vector<std::string>{std::string(core::gatt::kContactService)})},
        {"Transport", sdbus::Variant(std::string("le"))}};
    p.callMethodAsync("SetDiscoveryFilter")
        .onInterface(kAdapterItf)
        .withArguments(filter)
        .uponReplyInvoke([path](const sdbus::Error* e) {
          if (e != nullptr) log_line("%s filter: %s", path.c_str(), e->getMessage().c_str());
        });
    p.callMethodAsync("StartDiscovery").onInterface(kAdapterItf).uponReplyInvoke(done);
  }
  kick();
}

void ContactLinks::Impl::power_cycle_unguarded(Adapter& a) {
  if (a.power_cycling) return;
  a.power_cycling = true;
  log_line("%s: power-cycling the adapter", name_of(a.path).c_str());
  const auto path = a.path;
  const auto epoch = bluez_epoch;
  auto set = [this, path](bool on, auto then) {
    proxy(path)
        .callMethodAsync("Set")
        .onInterface("org.freedesktop.DBus.Properties")
        .withArguments(std::string(kAdapterItf), std::string("Powered"), sdbus::Variant(on))
        .uponReplyInvoke(then);
  };
  set(false, [this, path, epoch, set](const sdbus::Error* e) {
    if (epoch != bluez_epoch) return;
    if (e != nullptr) log_line("%s power off: %s", path.c_str(), e->getMessage().c_str());
    set(true, [this, path, epoch](const sdbus::Error* e2) {
      if (epoch != bluez_epoch) return;
      if (e2 != nullptr) log_line("%s power on: %s", path.c_str(), e2->getMessage().c_str());
      auto it = adapters.find(path);
      if (it == adapters.end()) return;
      it->second.power_cycling = false;
      it->second.timeouts = it->second.busy = 0;
      it->second.discovery_call = false;
      discovery(it->second, true);
      schedule();
    });
  });
  kick();
}

}  // namespace r3::bluez
