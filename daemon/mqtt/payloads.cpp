#include "daemon/mqtt/payloads.hpp"

#include <array>
#include <cstdio>
#include <ctime>

#include "core/events/event_json.hpp"
#include "core/util/json_writer.hpp"

namespace r3::mqtt {
namespace {

using util::JsonObjectWriter;

void add_or_null(JsonObjectWriter& w, std::string_view key, std::string_view value) {
  if (value.empty()) {
    w.add_null(key);
  } else {
    w.add(key, value);
  }
}

template <typename Event>
std::string envelope(std::string_view gateway_id, const EventContext& ctx, std::uint64_t seq,
                     std::int64_t unix_ms, const Event& e) {
  std::string out;
  out.reserve(768);
  JsonObjectWriter w(out);
  w.add("gateway_id", gateway_id).add("user_id", ctx.user_id).add("device_id", ctx.device_id);
  add_or_null(w, "session_id", ctx.session_id);
  if constexpr (requires { e.set_index; }) w.add("set_id", set_id_of(ctx, e.set_index));
  if (seq != 0) w.add("seq", seq);
  w.add("ts", iso8601_utc(unix_ms));
  core::write_fields(w, e);
  w.close();
  return out;
}

}  // namespace

std::string iso8601_utc(std::int64_t unix_ms) {
  const auto secs = static_cast<std::time_t>(unix_ms / 1000);
  const auto ms = static_cast<int>(unix_ms % 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  std::array<char, 96> buf{};  // room for any int the compiler can imagine in each field
  std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms < 0 ? 0 : ms);
  return buf.data();
}

std::string set_id_of(const EventContext& ctx, std::uint32_t set_index) {
  return ctx.device_id + "-" + std::to_string(ctx.stream_id) + "-" + std::to_string(set_index);
}

std::string event_payload(std::string_view gw, const EventContext& ctx, std::uint64_t seq,
                          std::int64_t unix_ms, const core::RepEvent& e) {
  return envelope(gw, ctx, seq, unix_ms, e);
}
std::string event_payload(std::string_view gw, const EventContext& ctx, std::uint64_t seq,
                          std::int64_t unix_ms, const core::HoldEvent& e) {
  return envelope(gw, ctx, seq, unix_ms, e);
}
std::string event_payload(std::string_view gw, const EventContext& ctx, std::uint64_t seq,
                          std::int64_t unix_ms, const core::SetSummary& e) {
  return envelope(gw, ctx, seq, unix_ms, e);
}
std::string event_payload(std::string_view gw, const EventContext& ctx, std::uint64_t seq,
                          std::int64_t unix_ms, const core::LiveSample& e) {
  return envelope(gw, ctx, seq, unix_ms, e);
}

std::string gateway_status_payload(std::string_view gateway_id, const GatewayStatus& s,
                                   std::int64_t unix_ms) {
  std::string out;
  JsonObjectWriter w(out);
  w.add("gateway_id", gateway_id)
      .add("state", s.online ? "online" : "offline")
      .add("reason", s.reason)
      .add("version", s.version)
      .add_fixed("uptime_s", s.uptime_s, 3)
      .add("dropped_live", s.dropped_live)
      .add("dropped_events", s.dropped_events)
      .add("ts", iso8601_utc(unix_ms));
  w.close();
  return out;
}

std::string device_payload(std::string_view gateway_id, const DeviceStatus& s,
                           std::int64_t unix_ms) {
  std::string out;
  JsonObjectWriter w(out);
  w.add("gateway_id", gateway_id).add("device_id", s.device_id);
  add_or_null(w, "address", s.address);
  w.add("link_state", s.link_state);
  add_or_null(w, "reason", s.reason);
  add_or_null(w, "adapter", s.adapter);
  if (s.rssi_dbm) {
    w.add("rssi_dbm", static_cast<std::int32_t>(*s.rssi_dbm));
  } else {
    w.add_null("rssi_dbm");
  }
  if (s.battery_percent) {
    w.add("battery_pct", static_cast<std::int32_t>(*s.battery_percent));
  } else {
    w.add_null("battery_pct");
  }
  w.add("loss_rate", s.loss_rate);
  add_or_null(w, "user_id", s.user_id);
  w.add("ts", iso8601_utc(unix_ms));
  w.close();
  return out;
}

std::string user_status_payload(std::string_view gateway_id, const UserStatus& s,
                                std::int64_t unix_ms) {
  std::string out;
  JsonObjectWriter w(out);
  w.add("gateway_id", gateway_id).add("user_id", s.user_id);
  add_or_null(w, "device_id", s.device_id);
  std::string devices = "[";
  for (const auto& d : s.device_ids) {
    if (devices.size() > 1) devices.push_back(',');
    devices += '"' + d + '"';  // device ids are [a-z0-9-]: nothing to escape
  }
  devices.push_back(']');
  w.add_raw("device_ids", devices);
  add_or_null(w, "session_id", s.session_id);
  w.add("state", s.state)
      .add("reps_today", s.reps_today)
      .add("reps_session", s.reps_session)
      .add("sets_session", s.sets_session)
      .add("reps_set", s.reps_set)
      .add("ts", iso8601_utc(unix_ms));
  w.close();
  return out;
}

std::string session_payload(std::string_view gateway_id, const SessionSummary& s,
                            std::int64_t unix_ms) {
  std::string users = "[";
  for (const auto& u : s.users) {
    if (users.size() > 1) users.push_back(',');
    JsonObjectWriter(users)
        .add("user_id", u.user_id)
        .add("rep_count", u.rep_count)
        .add("set_count", u.set_count)
        .add("hold_count", u.hold_count);
  }
  users.push_back(']');
  std::string out;
  JsonObjectWriter w(out);
  w.add("gateway_id", gateway_id)
      .add("session_id", s.session_id)
      .add("started", iso8601_utc(s.started_unix_ms))
      .add("stopped", iso8601_utc(s.stopped_unix_ms))
      .add_fixed("duration_s", static_cast<double>(s.stopped_unix_ms - s.started_unix_ms) / 1000.0,
                 3)
      .add_raw("users", users)
      .add("ts", iso8601_utc(unix_ms));
  w.close();
  return out;
}

}  // namespace r3::mqtt
