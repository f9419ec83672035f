#pragma once
// What r3-view knows about the room, built only from the gateway's MQTT messages
// (docs/mqtt-api.md): r3/v1/<gw>/status, devices/<id>, users/<id>/{status,set,live}.
// Pure: topic + payload + arrival time in, state out. Malformed messages are counted, ignored.
//
// The retained messages are the truth: a user is on screen while its retained
// users/<id>/status is non-empty (an empty retained payload removes it), and the rep totals
// are the status's own, so a viewer that subscribes late shows what the gateway counted.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r3::view {

// devices/<device_id>: one contact's link.
struct ContactView {
  std::string device_id;
  std::string link_state;  // "unseen", "connecting", ..., "over-budget", "gone"
  std::string reason;      // why the link is in that state; empty: none given
  std::optional<int> battery_pct;
  std::optional<double> loss_rate;  // 0..1
  std::string user_id;              // bound user; empty: none
};

// users/<id>/set: the last closed set.
struct SetView {
  std::uint32_t set_index = 0;
  std::uint32_t rep_count = 0;
  std::uint32_t hold_count = 0;
  std::optional<double> rom_mean_deg;
  std::string end_reason;  // "rest", "command", "stream_end"
};

struct UserView {
  std::string gateway_id;
  std::string user_id;
  bool has_status = false;              // a non-empty retained status: the user is bound
  std::string state;                    // "idle", "loaded", "moving", "away"
  std::string device_id;                // the most active contact; empty: none
  std::vector<std::string> device_ids;  // every bound contact, as the status lists them
  std::string session_id;
  // Totals as the gateway counts them; absent from a gateway that does not send them.
  std::optional<std::uint32_t> reps_today, reps_session, reps_set, sets_session;
  std::optional<SetView> last_set;
  std::optional<double> live_force_n;
  double live_at_s = -1e9;  // arrival time of the last live sample
};

struct GatewayView {
  std::string state;   // "online", "offline"; empty: no status seen
  std::string reason;  // "connected", "shutdown", "connection_lost"
};

class ViewModel {
 public:
  // now_s: any monotonic clock, used to age live samples. True when the message was used.
  bool apply(std::string_view topic, std::string_view payload, double now_s);

  // Users with a retained status (bound users), by gateway then user id.
  [[nodiscard]] std::vector<const UserView*> users() const;
  // The contacts of a user: its status's device ids, else the contacts whose device message
  // names it. Unknown ones (no devices/<id> message yet) have an empty link_state.
  [[nodiscard]] std::vector<ContactView> contacts_of(const UserView& u) const;
  // Contacts on `gateway_id` bound to no one and not gone.
  [[nodiscard]] std::vector<const ContactView*> unbound_contacts(
      const std::string& gateway_id) const;
  // Every gateway heard of (status, a device or a user), by id.
  [[nodiscard]] std::vector<std::string> gateways() const;
  [[nodiscard]] const GatewayView* gateway(const std::string& id) const;

  // Before a (re)subscription: the broker sends every retained message again, and one removed
  // meanwhile must not linger. Users keep their last set and live gauge, hidden until their
  // status comes back.
  void forget_retained();

  [[nodiscard]] std::uint64_t messages() const { return messages_; }
  [[nodiscard]] std::uint64_t ignored() const { return ignored_; }

 private:
  bool apply_user(std::string_view gw, std::string_view user, std::string_view kind,
                  std::string_view payload, double now_s);
  bool apply_device(std::string_view gw, std::string_view device, std::string_view payload);
  bool apply_gateway(std::string_view gw, std::string_view payload);

  std::map<std::string, UserView> users_;        // "<gw>/<user>"
  std::map<std::string, ContactView> contacts_;  // "<gw>/<device>"
  std::map<std::string, GatewayView> gateways_;  // "<gw>"
  std::uint64_t messages_ = 0;
  std::uint64_t ignored_ = 0;
};

}  // namespace r3::view
