#include "tools/r3-view/view_model.hpp"

#include <nlohmann/json.hpp>
#include <vector>

namespace r3::view {
namespace {

// "r3/v1/<gw>/users/<user>/<kind>" -> {gw, user, kind}; empty when not of that shape.
std::vector<std::string_view> split_topic(std::string_view topic) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto slash = topic.find('/');
    parts.push_back(topic.substr(0, slash));
    if (slash == std::string_view::npos) break;
    topic.remove_prefix(slash + 1);
  }
  if (parts.size() != 6 || parts[0] != "r3" || parts[1] != "v1" || parts[3] != "users") return {};
  return parts;
}

std::optional<double> number(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::uint32_t count(const nlohmann::json& j, const char* key) {
  return static_cast<std::uint32_t>(number(j, key).value_or(0.0));
}

}  // namespace

bool ViewModel::apply(std::string_view topic, std::string_view payload, double now_s) {
  ++messages_;
  const auto parts = split_topic(topic);
  const auto json = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (parts.empty() || !json.is_object()) {
    ++ignored_;
    return false;
  }
  const auto kind = parts[5];
  auto& row = rows_[std::string(parts[2]) + "/" + std::string(parts[4])];
  row.gateway_id = parts[2];
  row.user_id = parts[4];
  if (const auto dev = json.find("device_id"); dev != json.end() && dev->is_string()) {
    row.device_id = dev->get<std::string>();
  }
  if (kind == "rep") {
    const auto set_index = count(json, "set_index");
    if (set_index != row.set_index) row.reps_in_set = 0;
    row.set_index = set_index;
    row.reps_in_set = std::max(row.reps_in_set, count(json, "rep_index"));
    ++row.reps_total;
    row.rom_deg = number(json, "rom_deg");
    row.duration_s = number(json, "duration_s");
    row.force_mean_n = number(json, "force_mean_n");
    row.sparc = number(json, "sparc");
  } else if (kind == "set") {
    ++row.sets_done;
  } else if (kind == "live") {
    row.live_force_n = number(json, "force_n");
    row.live_at_s = now_s;
    if (const auto s = json.find("state"); s != json.end() && s->is_string()) {
      row.state = s->get<std::string>();
    }
  } else if (kind == "status") {
    if (const auto s = json.find("state"); s != json.end() && s->is_string()) {
      row.state = s->get<std::string>();
    }
  } else {
    ++ignored_;
    return false;
  }
  return true;
}

}  // namespace r3::view
