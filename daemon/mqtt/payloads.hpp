#pragma once
// The JSON payload of every message the gateway publishes (schemas: docs/schemas/). Pure
// functions of their inputs, the wall-clock time included, so tests can check them exactly.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/events/events.hpp"
#include "daemon/mqtt/publisher.hpp"

namespace r3::mqtt {

// "2026-11-21T05:30:36.123Z"
std::string iso8601_utc(std::int64_t unix_ms);

// The common envelope of users/<id>/rep|hold|set|live, followed by the event's own fields.
// seq 0: no seq field (live samples carry none).
std::string event_payload(std::string_view gateway_id, const EventContext& ctx, std::uint64_t seq,
                          std::int64_t unix_ms, const core::RepEvent& e);
std::string event_payload(std::string_view gateway_id, const EventContext& ctx, std::uint64_t seq,
                          std::int64_t unix_ms, const core::HoldEvent& e);
std::string event_payload(std::string_view gateway_id, const EventContext& ctx, std::uint64_t seq,
                          std::int64_t unix_ms, const core::SetSummary& e);
std::string event_payload(std::string_view gateway_id, const EventContext& ctx, std::uint64_t seq,
                          std::int64_t unix_ms, const core::LiveSample& e);

// The set id of an event: "<device_id>-<stream_id>-<set_index>".
std::string set_id_of(const EventContext& ctx, std::uint32_t set_index);

struct GatewayStatus {
  bool online = false;
  std::string reason;  // "connected", "shutdown", "connection_lost" (the last will)
  std::string version;
  double uptime_s = 0.0;
  std::uint64_t dropped_live = 0;
  std::uint64_t dropped_events = 0;
};
std::string gateway_status_payload(std::string_view gateway_id, const GatewayStatus& s,
                                   std::int64_t unix_ms);
std::string device_payload(std::string_view gateway_id, const DeviceStatus& s,
                           std::int64_t unix_ms);
std::string user_status_payload(std::string_view gateway_id, const UserStatus& s,
                                std::int64_t unix_ms);
std::string session_payload(std::string_view gateway_id, const SessionSummary& s,
                            std::int64_t unix_ms);

}  // namespace r3::mqtt
