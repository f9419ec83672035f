#pragma once
// ContactLinks' insides, shared by links_bus.cpp (bus, signals, BlueZ restarts),
// links_connect.cpp (adapters, slots, the ladder) and links_stream.cpp (notifications).

#include <sdbus-c++/sdbus-c++.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "daemon/bluez/bluez_objects.hpp"
#include "daemon/bluez/contact_links.hpp"
#include "daemon/bluez/ladder.hpp"
#include "daemon/bluez/notify_socket.hpp"
#include "daemon/loop/dbus_loop.hpp"

namespace r3::bluez {

void log_line(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// Runs f; an sdbus::Error (the bus connection broke) is logged, never thrown into Asio or sd-bus.
template <typename F>
void guarded(const char* what, F&& f) noexcept {
  try {
    f();
  } catch (const sdbus::Error& e) {
    log_line("%s: %s: %s", what, e.getName().c_str(), e.getMessage().c_str());
  } catch (const std::exception& e) {
    log_line("%s: %s", what, e.what());
  }
}

using Clock = std::chrono::steady_clock;

struct Contact {
  ContactId id;
  std::string address;
  LinkState state = LinkState::kBackoff;
  NotifyPath path = NotifyPath::kNone;
  ContactStats stats;
  std::string adapter_path;  // the adapter holding its slot, empty if none
  std::string device_path;   // on that adapter
  std::string stream_char, control_char;
  std::unique_ptr<NotifySocket> socket;
  std::unique_ptr<boost::asio::steady_timer> timer;  // retry, connect timeout
  std::uint64_t epoch = 0;  // bumped whenever the link is torn down: stale replies are ignored
  int attempt = 0;          // failures since the last good link
  bool ever_connected = false;
  bool acquire_broken = false;  // AcquireNotify failed or ended early: StartNotify from now on
  bool waiting_retry = false;
  bool over_budget_reported = false;
  bool streaming_requested = false;
  std::string avoid_adapter;  // refused there last time: prefer another
  Clock::time_point last_packet{};
  bool have_sequence = false;
  std::uint16_t last_sequence = 0;
};

struct Adapter {
  std::string path;
  bool connecting = false;      // one Connect at a time per adapter
  std::uint64_t attempt = 0;    // which Connect `connecting` is about: a reply for it frees us
  bool want_discovery = true;   // false while a Connect runs
  bool discovery_call = false;  // a Start/StopDiscovery is in flight
  bool power_cycling = false;
  int timeouts = 0;  // consecutive adapter-class failures
  int busy = 0;      // consecutive InProgress answers although we serialise: stuck
  Clock::time_point last_discovery_try{};
};

struct ContactLinks::Impl {
  Impl(boost::asio::io_context& io_, LinkConfig config_, ContactListener& listener_);

  boost::asio::io_context& io;
  LinkConfig config;
  ContactListener& listener;
  LadderPolicy ladder;
  std::mt19937_64 rng;
  // Lives as long as Impl: handlers that outlive a scope check it before touching anything.
  std::shared_ptr<bool> alive = std::make_shared<bool>(true);

  std::unique_ptr<sdbus::IConnection> bus;
  std::unique_ptr<loop::DbusLoop> loop;
  std::unique_ptr<sdbus::IProxy> root;  // org.bluez "/": ObjectManager
  std::unique_ptr<sdbus::IProxy> dbus;  // org.freedesktop.DBus: NameOwnerChanged
  std::map<std::string, std::unique_ptr<sdbus::IProxy>> proxies;  // by object path
  sdbus::Slot properties_match;
  boost::asio::steady_timer tick_timer;
  BluezObjects objects;
  bool bluez_up = false;
  std::uint64_t bluez_epoch = 0;

  std::map<ContactId, Contact> contacts;
  std::map<std::string, Adapter> adapters;
  std::map<std::string, ContactId> by_stream_char;  // StartNotify path: Value -> contact

  // links_bus.cpp
  bool open(std::string* error);
  void close();
  sdbus::IProxy& proxy(const std::string& path);
  void load_objects() {
    guarded("GetManagedObjects", [&] { load_objects_unguarded(); });
  }
  void load_objects_unguarded();
  void on_interfaces_added(const std::string& path, const InterfaceMap& interfaces);
  void on_interfaces_removed(const std::string& path, const std::vector<std::string>& interfaces);
  void on_properties_changed(sdbus::Message& msg);
  void on_bluez_owner(const std::string& new_owner);
  void forget_bluez(const char* reason);

  // links_connect.cpp
  void adapter_seen(const std::string& path) {
    guarded("adapter", [&] { adapter_seen_unguarded(path); });
  }
  void adapter_seen_unguarded(const std::string& path);
  void device_seen(const DeviceObject& device);
  void schedule() {
    guarded("schedule", [&] { schedule_unguarded(); });
  }
  void schedule_unguarded();
  bool try_connect(Contact& c, Adapter& a);
  void on_connect_reply(const ContactId& id, std::uint64_t epoch, const std::string& adapter_path,
                        std::uint64_t attempt, const sdbus::Error* error);
  void release_adapter(Adapter& a);
  void fail(Contact& c, FailureKind kind, std::string_view reason);
  void release_slot(Contact& c);
  void set_state(Contact& c, LinkState state, std::string_view reason);
  void discovery(Adapter& a, bool on) {
    guarded("discovery", [&] { discovery_unguarded(a, on); });
  }
  void discovery_unguarded(Adapter& a, bool on);
  void power_cycle(Adapter& a) {
    guarded("power cycle", [&] { power_cycle_unguarded(a); });
  }
  void power_cycle_unguarded(Adapter& a);
  void tick();
  void check_links();
  [[nodiscard]] int slots_used(const std::string& adapter_path) const;

  // links_stream.cpp
  void maybe_setup_notifications(Contact& c);
  void acquire_notify(Contact& c);
  void start_notify(Contact& c);
  void start_streaming(Contact& c);
  void on_packet(Contact& c, std::span<const std::uint8_t> bytes);
  void on_value(const std::string& char_path, const Properties& changed);
  void drop_notifications(Contact& c);
  bool write_control(const ContactId& id, std::span<const std::uint8_t> bytes);

  double jitter_draw() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); }
  void kick() {
    if (loop) loop->kick();
  }
};

}  // namespace r3::bluez
