#pragma once
// The daemon's links to R3 LOAD contacts through BlueZ (org.bluez on the system bus).
// Discovery by the contact service UUID on every adapter, a slot budget per adapter, one
// connection attempt at a time per adapter, the reconnect ladder, notifications through
// AcquireNotify (fallback: StartNotify + PropertiesChanged). See docs/bluez.md.
//
// Threading: everything runs on the io_context given to the constructor, which must be run by
// ONE thread. Listener callbacks are called on that thread; they must not throw.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace r3::bluez {

// Stable, derived from the contact's address: "AA:BB:CC:DD:EE:FF" -> "r3-aabbccddeeff".
using ContactId = std::string;
ContactId contact_id_for_address(std::string_view address);

enum class LinkState : std::uint8_t {
  kConnecting,  // a Connect call is in flight
  kConnected,   // connected, GATT being resolved, notifications being set up
  kStreaming,   // notifications flowing
  kBackoff,     // lost or failed: waiting for the next attempt of the ladder
  kOverBudget,  // seen, but every adapter's slots are taken: not connected (on_over_budget too)
  kGone,        // BlueZ dropped the device object (RemoveDevice, bluetoothd restart)
};
std::string_view to_string(LinkState state);

enum class NotifyPath : std::uint8_t { kNone, kAcquireNotify, kStartNotify };
std::string_view to_string(NotifyPath path);

struct ContactStats {
  std::uint64_t packets = 0;  // notifications received
  std::uint64_t bytes = 0;
  std::uint64_t sequence_gaps = 0;    // gap events in the packet sequence numbers
  std::uint64_t packets_missing = 0;  // packets lost, summed over the gaps
  std::uint64_t reconnects = 0;       // successful connections after the first
  std::uint64_t connect_failures = 0;
  std::optional<std::int16_t> rssi_dbm;
  std::optional<std::uint8_t> battery_percent;
  // packets_missing / (packets + packets_missing), 0 when nothing was received.
  [[nodiscard]] double loss_rate() const;
};

struct ContactInfo {
  ContactId id;
  std::string address;  // "AA:BB:CC:DD:EE:FF"
  std::string adapter;  // "hci0", empty when not placed on an adapter
  LinkState state = LinkState::kBackoff;
  NotifyPath path = NotifyPath::kNone;
  ContactStats stats;
};

struct LinkConfig {
  // Empty: any contact advertising the contact service. Otherwise only these device ids
  // ("r3-c0ffee000001", core/util/device_id.hpp).
  std::vector<std::string> allow_list;
  int slots_per_adapter = 7;
  // Streaming settings written to the control characteristic once notifications are on.
  std::uint8_t rate_code = 2;           // core::protocol::RateCode: 2 = 100 Hz
  std::uint8_t samples_per_packet = 0;  // 0: as many as the MTU allows
  bool use_acquire_notify = true;       // false: StartNotify for every contact
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds silence_timeout{3'000};  // connected, no packet: the link is dead
  std::chrono::milliseconds backoff_initial{500};
  std::chrono::milliseconds backoff_max{30'000};
  double backoff_jitter = 0.25;         // +- fraction of each delay
  int timeouts_before_power_cycle = 2;  // consecutive connect timeouts on one adapter
  std::uint64_t jitter_seed = 0;        // 0: random
};

// What the links report. Called on the loop thread; implementations must not throw.
class ContactListener {
 public:
  virtual ~ContactListener() = default;
  // One notification: the raw bytes (a stream packet) and the receive time, CLOCK_MONOTONIC s.
  virtual void on_packet(const ContactId& id, std::span<const std::uint8_t> bytes,
                         double rx_monotonic_s) = 0;
  // Every state change. reason: a short human text ("connected", the BlueZ error name, ...).
  // A change away from kStreaming means the stream broke: call DevicePipeline::link_lost().
  virtual void on_link_state(const ContactId& id, LinkState state, std::string_view reason) = 0;
  // A contact was seen but no adapter has a free slot. Reported once per sighting episode.
  virtual void on_over_budget(const ContactId& id, std::string_view address) = 0;
  // Battery level read or notified (Battery1.Percentage).
  virtual void on_battery(const ContactId& /*id*/, std::uint8_t /*percent*/) {}
  // bluetoothd went away (false) or came back (true); every link is rebuilt by itself.
  virtual void on_bluez_available(bool /*available*/) {}
};

class ContactLinks {
 public:
  // Borrows io and listener (both must outlive this). Does not touch the bus until start().
  ContactLinks(boost::asio::io_context& io, LinkConfig config, ContactListener& listener);
  ~ContactLinks();
  ContactLinks(const ContactLinks&) = delete;
  ContactLinks& operator=(const ContactLinks&) = delete;

  // Opens the system bus (DBUS_SYSTEM_BUS_ADDRESS if set) and starts discovery on every adapter.
  // False with a message in *error when the bus cannot be opened; a missing bluetoothd is not an
  // error (the links wait for it).
  bool start(std::string* error = nullptr);
  // Stops discovery, disconnects every contact, closes the bus. Also done by the destructor.
  void stop();

  // Commands, written to the contact's control characteristic. False if the contact is not
  // connected; a write that fails later is logged.
  bool tare(const ContactId& id);
  bool identify(const ContactId& id, std::uint8_t seconds);

  [[nodiscard]] std::vector<ContactInfo> contacts() const;
  [[nodiscard]] std::optional<ContactInfo> contact(const ContactId& id) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace r3::bluez
