#pragma once
// The gateway's MQTT API (docs/mqtt-api.md): publishes events and status under
// r3/v1/<gateway-id>/ and answers commands from r3/v1/<gateway-id>/cmd/<verb>.
//
// Threading: construct, call and destroy on the loop thread (the thread running `io`). Paho's
// callbacks are posted onto `io`; nothing here takes a lock. Nothing throws: every failure is
// counted in stats() and logged through the log hook.
//
// Delivery: rep, hold, set, session, status and device messages are QoS 1, persisted in
// options.state_dir and delivered in order after a broker outage or a restart; each user
// message carries a per-user `seq` (persisted) so consumers can drop the duplicates QoS 1 allows.
// Live samples are QoS 0, rate limited per user, and dropped first when the queue is full.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/events/events.hpp"
#include "daemon/mqtt/command_target.hpp"
#include "daemon/mqtt/options.hpp"

namespace boost::asio {
class io_context;
}

namespace r3::mqtt {

// Who an event belongs to. session_id empty: no session running.
struct EventContext {
  std::string user_id;
  std::string device_id;
  std::string session_id;
  // Identifies the device's current stream (e.g. connection start, unix seconds): with the
  // event's set_index it makes the set_id "<device_id>-<stream_id>-<set_index>".
  std::uint64_t stream_id = 0;
};

// devices/<device-id>, retained.
struct DeviceStatus {
  std::string device_id;
  std::string address;     // "AA:BB:CC:DD:EE:FF"
  std::string link_state;  // "unseen", or bluez::to_string(LinkState): "streaming", ...
  std::string reason;      // why the link is in this state; empty: none given
  std::string adapter;     // "hci0"; empty: none
  std::optional<int> rssi_dbm;
  std::optional<int> battery_percent;
  double loss_rate = 0.0;  // 0..1
  std::string user_id;     // bound user; empty: none
};

// users/<user-id>/status, retained: a user bound to at least one contact.
struct UserStatus {
  std::string user_id;
  std::string device_id;                // the most active of its contacts
  std::vector<std::string> device_ids;  // every contact bound to the user, sorted
  std::string session_id;               // empty: none
  std::string state;  // "idle", "loaded", "moving", "away" (bound, no contact streaming)
  std::uint32_t reps_today = 0;
  std::uint32_t reps_session = 0;
  std::uint32_t sets_session = 0;
  std::uint32_t reps_set = 0;  // in the sets open now
};

// sessions/<session-id>, published once when the session stops.
struct SessionSummary {
  std::string session_id;
  std::int64_t started_unix_ms = 0;
  std::int64_t stopped_unix_ms = 0;
  struct User {
    std::string user_id;
    std::uint32_t rep_count = 0;
    std::uint32_t set_count = 0;
    std::uint32_t hold_count = 0;
  };
  std::vector<User> users;
};

struct PublisherStats {
  std::uint64_t published = 0;       // accepted by the client
  std::uint64_t acknowledged = 0;    // QoS 1 acknowledged by the broker (QoS 0: sent)
  std::uint64_t publish_failed = 0;  // refused or failed in the client (counted per message)
  std::uint64_t dropped_live = 0;    // live samples refused: queue full or disconnected
  std::uint64_t dropped_events = 0;  // rep/hold/set/session refused: queue full (reported)
  std::uint64_t live_rate_limited = 0;
  std::uint64_t invalid_ids = 0;  // events with a user/device id unfit for a topic
  std::uint64_t commands_ok = 0;
  std::uint64_t commands_failed = 0;  // answered with an error
  std::uint64_t connects = 0;
  std::uint64_t connection_losses = 0;
  std::uint64_t pending = 0;  // accepted, not yet completed
  bool connected = false;
};

class Publisher {
 public:
  using LogFn = std::function<void(int level, std::string_view message)>;  // 0 err 1 warn 2 info

  // `target` may be null (commands are then answered "unavailable"); it must outlive this.
  Publisher(boost::asio::io_context& io, Options options, CommandTarget* target, LogFn log = {});
  ~Publisher();  // abrupt: no offline message (use stop() first for a clean shutdown)
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  // Connects (and keeps reconnecting). Returns false with a logged reason when the options are
  // unusable (bad gateway id, unreadable TLS files, state directory not writable).
  bool start();
  // Publishes the retained offline status, waits for pending messages up to `timeout_ms`, and
  // disconnects; `done` is posted on the loop afterwards.
  void stop(std::function<void()> done, int timeout_ms = 2000);

  void publish_rep(const EventContext& ctx, const core::RepEvent& e);
  void publish_hold(const EventContext& ctx, const core::HoldEvent& e);
  void publish_set(const EventContext& ctx, const core::SetSummary& e);
  void publish_live(const EventContext& ctx, const core::LiveSample& e);  // rate limited
  void publish_device(const DeviceStatus& s);
  void publish_user_status(const UserStatus& s);
  // Removes users/<user-id>/status (an empty retained message): the user holds no contact.
  void clear_user_status(const std::string& user_id);
  void publish_session(const SessionSummary& s);

  [[nodiscard]] PublisherStats stats() const;
  [[nodiscard]] const Options& options() const;

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace r3::mqtt
