#include "daemon/mqtt/command_handler.hpp"

#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/util/device_id.hpp"
#include "core/util/json_writer.hpp"
#include "daemon/mqtt/payloads.hpp"
#include "daemon/mqtt/topics.hpp"

namespace r3::mqtt {
namespace {

using nlohmann::json;
constexpr std::size_t kRemembered = 64;

struct BadRequest {
  std::string message;
};

void only_fields(const json& j, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : j.items()) {
    bool known = key == "request_id";
    for (const auto a : allowed) known = known || key == a;
    if (!known) throw BadRequest{"unknown field '" + key + "'"};
  }
}

const std::string& string_field(const json& j, const char* name) {
  const auto it = j.find(name);
  if (it == j.end()) throw BadRequest{std::string("missing field '") + name + "'"};
  if (!it->is_string()) throw BadRequest{std::string("'") + name + "' must be a string"};
  return it->get_ref<const std::string&>();
}

std::string id_field(const json& j, const char* name) {
  const auto& s = string_field(j, name);
  if (!is_safe_id(s)) {
    throw BadRequest{std::string("'") + name + "' must be 1-64 characters of A-Z a-z 0-9 _ . -"};
  }
  return s;
}

// Every verb names a contact the same way: an address or a device id, turned into the device id.
std::string device_field(const json& j) {
  auto id = util::to_device_id(string_field(j, "device_id"));
  if (!id) throw BadRequest{"'device_id' must be " + std::string(util::kDeviceRule)};
  return *id;
}

std::optional<std::string> optional_id(const json& j, const char* name) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return id_field(j, name);
}

std::optional<double> number_field(const json& j, const std::string& name, double lo, double hi) {
  const auto it = j.find(name);
  if (it == j.end()) return std::nullopt;
  if (!it->is_number()) throw BadRequest{"'" + name + "' must be a number"};
  const double v = it->get<double>();
  if (!std::isfinite(v) || v < lo || v > hi) {
    throw BadRequest{"'" + name + "' must be between " + std::to_string(lo) + " and " +
                     std::to_string(hi)};
  }
  return v;
}

ThresholdsPatch parse_thresholds(const json& t) {
  if (!t.is_object()) throw BadRequest{"'thresholds' must be an object"};
  ThresholdsPatch p;
  const std::pair<const char*, std::optional<double> ThresholdsPatch::*> fields[] = {
      {"load_on_n", &ThresholdsPatch::load_on_n},
      {"load_off_n", &ThresholdsPatch::load_off_n},
      {"load_debounce_s", &ThresholdsPatch::load_debounce_s},
      {"rep_min_duration_s", &ThresholdsPatch::rep_min_duration_s},
      {"rep_min_rom_deg", &ThresholdsPatch::rep_min_rom_deg},
      {"rep_max_duration_s", &ThresholdsPatch::rep_max_duration_s},
      {"move_start_deg", &ThresholdsPatch::move_start_deg},
      {"still_dps", &ThresholdsPatch::still_dps},
      {"stop_s", &ThresholdsPatch::stop_s},
      {"hold_min_s", &ThresholdsPatch::hold_min_s},
      {"set_gap_s", &ThresholdsPatch::set_gap_s}};
  for (const auto& [key, value] : t.items()) {
    bool known = key == "reference_tilt_deg";
    for (const auto& [name, member] : fields) known = known || key == name;
    if (!known) throw BadRequest{"unknown threshold '" + key + "'"};
  }
  for (const auto& [name, member] : fields) p.*member = number_field(t, name, 0.0, 10000.0);
  if (const auto it = t.find("reference_tilt_deg"); it != t.end() && it->is_null()) {
    p.clear_reference_tilt = true;
  } else {
    p.reference_tilt_deg = number_field(t, "reference_tilt_deg", 0.0, 180.0);
  }
  if (t.empty()) throw BadRequest{"'thresholds' is empty"};
  return p;
}

CommandResult execute(CommandTarget& target, std::string_view verb, const json& j) {
  if (verb == "bind") {
    only_fields(j, {"device_id", "user_id"});
    return target.bind(device_field(j), id_field(j, "user_id"));
  }
  if (verb == "unbind") {
    only_fields(j, {"device_id"});
    return target.unbind(device_field(j));
  }
  if (verb == "start_session") {
    only_fields(j, {"session_id"});
    return target.start_session(optional_id(j, "session_id"));
  }
  if (verb == "stop_session") {
    only_fields(j, {"session_id"});
    return target.stop_session(optional_id(j, "session_id"));
  }
  if (verb == "tare") {
    only_fields(j, {"device_id"});
    return target.tare(device_field(j));
  }
  if (verb == "identify") {
    only_fields(j, {"device_id", "duration_s"});
    const auto device = device_field(j);
    return target.identify(device, number_field(j, "duration_s", 0.1, 60.0).value_or(5.0));
  }
  if (verb == "set_thresholds") {
    only_fields(j, {"user_id", "thresholds"});
    const auto user = id_field(j, "user_id");
    const auto t = j.find("thresholds");
    if (t == j.end()) throw BadRequest{"missing field 'thresholds'"};
    return target.set_thresholds(user, parse_thresholds(*t));
  }
  return CommandResult::failure(CommandError::kBadRequest,
                                "unknown verb '" + std::string(verb) +
                                    "' (bind, unbind, start_session, stop_session, tare, "
                                    "identify, set_thresholds)");
}

std::string reply_json(const std::optional<std::string>& request_id, std::string_view verb,
                       const CommandResult& r, std::int64_t unix_ms) {
  std::string out;
  util::JsonObjectWriter w(out);
  if (request_id) {
    w.add("request_id", *request_id);
  } else {
    w.add_null("request_id");
  }
  w.add("verb", verb).add("ok", r.ok());
  if (r.ok()) {
    w.add_null("error");
  } else {
    std::string err;
    util::JsonObjectWriter(err).add("code", to_string(r.error)).add("message", r.message);
    w.add_raw("error", err);
  }
  if (r.session_id.empty()) {
    w.add_null("session_id");
  } else {
    w.add("session_id", r.session_id);
  }
  if (!r.message.empty() && r.ok()) w.add("message", r.message);
  if (r.ok() && r.previous_user_id) {
    if (*r.previous_user_id) {
      w.add("previous_user_id", **r.previous_user_id);
    } else {
      w.add_null("previous_user_id");
    }
  }
  w.add("ts", iso8601_utc(unix_ms));
  w.close();
  return out;
}

}  // namespace

std::string_view to_string(CommandError e) {
  switch (e) {
    case CommandError::kNone:
      return "none";
    case CommandError::kBadRequest:
      return "bad_request";
    case CommandError::kUnknownDevice:
      return "unknown_device";
    case CommandError::kUnknownUser:
      return "unknown_user";
    case CommandError::kUnknownSession:
      return "unknown_session";
    case CommandError::kConflict:
      return "conflict";
    case CommandError::kUnavailable:
      return "unavailable";
    case CommandError::kInternal:
      return "internal";
  }
  return "internal";
}

CommandReply CommandHandler::handle(std::string_view verb, std::string_view payload,
                                    std::int64_t unix_ms) {
  std::optional<std::string> request_id;
  CommandResult result;
  try {
    if (payload.size() > kMaxCommandBytes) {
      throw BadRequest{"request larger than " + std::to_string(kMaxCommandBytes) + " bytes"};
    }
    const json j = json::parse(payload.begin(), payload.end(), nullptr, false);
    if (j.is_discarded()) throw BadRequest{"request is not valid JSON"};
    if (!j.is_object()) throw BadRequest{"request must be a JSON object"};
    request_id = id_field(j, "request_id");
    for (const auto& [id, reply] : recent_) {
      if (id == *request_id) {
        CommandReply again = reply;
        again.repeated = true;
        return again;
      }
    }
    if (target_ == nullptr) {
      result = CommandResult::failure(CommandError::kUnavailable, "no room model attached");
    } else {
      result = execute(*target_, verb, j);
    }
  } catch (const BadRequest& e) {
    result = CommandResult::failure(CommandError::kBadRequest, e.message);
  } catch (const std::exception& e) {  // nlohmann type errors, bad_alloc: still an answer
    result = CommandResult::failure(CommandError::kInternal, e.what());
  } catch (...) {  // a target breaking its no-throw contract with something exotic
    result = CommandResult::failure(CommandError::kInternal, "unexpected exception");
  }
  CommandReply reply{request_id.value_or(std::string(kInvalidRequestId)),
                     reply_json(request_id, verb, result, unix_ms), result.ok(), false};
  if (request_id) {
    recent_.emplace_back(*request_id, reply);
    if (recent_.size() > kRemembered) recent_.pop_front();
  }
  return reply;
}

}  // namespace r3::mqtt
