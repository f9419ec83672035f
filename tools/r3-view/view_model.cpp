#include "tools/r3-view/view_model.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace r3::view {
namespace {

using nlohmann::json;

// "r3/v1/<gw>/<rest...>" split on '/'; empty when not of that shape.
std::vector<std::string_view> split_topic(std::string_view topic) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto slash = topic.find('/');
    parts.push_back(topic.substr(0, slash));
    if (slash == std::string_view::npos) break;
    topic.remove_prefix(slash + 1);
  }
  if (parts.size() < 4 || parts[0] != "r3" || parts[1] != "v1" || parts[2].empty()) return {};
  return parts;
}

std::optional<double> number(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::optional<std::uint32_t> count(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number_unsigned()) return std::nullopt;
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(it->get<std::uint64_t>(), UINT32_MAX));
}

// A string field; empty when absent, null or not a string.
std::string text(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string key_of(std::string_view gw, std::string_view id) {
  return std::string(gw) + "/" + std::string(id);
}

}  // namespace

bool ViewModel::apply(std::string_view topic, std::string_view payload, double now_s) {
  ++messages_;
  const auto parts = split_topic(topic);
  bool used = false;
  if (parts.size() == 3 + 1 && parts[3] == "status") {
    used = apply_gateway(parts[2], payload);
  } else if (parts.size() == 5 && parts[3] == "devices" && !parts[4].empty()) {
    used = apply_device(parts[2], parts[4], payload);
  } else if (parts.size() == 6 && parts[3] == "users" && !parts[4].empty()) {
    used = apply_user(parts[2], parts[4], parts[5], payload, now_s);
  }
  if (!used) ++ignored_;
  return used;
}

bool ViewModel::apply_gateway(std::string_view gw, std::string_view payload) {
  const auto j = json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  auto& g = gateways_[std::string(gw)];
  g.state = text(j, "state");
  g.reason = text(j, "reason");
  return true;
}

bool ViewModel::apply_device(std::string_view gw, std::string_view device,
                             std::string_view payload) {
  if (payload.empty()) {  // the retained message was removed
    contacts_.erase(key_of(gw, device));
    return true;
  }
  const auto j = json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  ContactView c;
  c.device_id = device;
  c.link_state = text(j, "link_state");
  c.reason = text(j, "reason");
  if (const auto b = number(j, "battery_pct")) c.battery_pct = static_cast<int>(*b);
  c.loss_rate = number(j, "loss_rate");
  c.user_id = text(j, "user_id");
  contacts_[key_of(gw, device)] = std::move(c);
  return true;
}

bool ViewModel::apply_user(std::string_view gw, std::string_view user, std::string_view kind,
                           std::string_view payload, double now_s) {
  const auto key = key_of(gw, user);
  if (kind == "status" && payload.empty()) {  // no contact bound any more: the user leaves
    users_.erase(key);
    return true;
  }
  // rep and hold are not used: the totals come with the status, never counted here.
  if (kind != "status" && kind != "set" && kind != "live") return false;
  const auto j = json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  auto& u = users_[key];
  u.gateway_id = gw;
  u.user_id = user;
  if (kind == "status") {
    u.has_status = true;
    u.state = text(j, "state");
    u.device_id = text(j, "device_id");
    u.session_id = text(j, "session_id");
    u.device_ids.clear();
    if (const auto ids = j.find("device_ids"); ids != j.end() && ids->is_array()) {
      for (const auto& id : *ids) {
        if (id.is_string()) u.device_ids.push_back(id.get<std::string>());
      }
    }
    u.reps_today = count(j, "reps_today");
    u.reps_session = count(j, "reps_session");
    u.reps_set = count(j, "reps_set");
    u.sets_session = count(j, "sets_session");
  } else if (kind == "set") {
    SetView s;
    s.set_index = count(j, "set_index").value_or(0);
    s.rep_count = count(j, "rep_count").value_or(0);
    s.hold_count = count(j, "hold_count").value_or(0);
    s.rom_mean_deg = number(j, "rom_mean_deg");
    s.end_reason = text(j, "end_reason");
    u.last_set = s;
  } else if (kind == "live") {
    u.live_force_n = number(j, "force_n");
    u.live_at_s = now_s;
  }
  return true;
}

void ViewModel::forget_retained() {
  for (auto& [key, u] : users_) u.has_status = false;
  contacts_.clear();
  gateways_.clear();
}

std::vector<const UserView*> ViewModel::users() const {
  std::vector<const UserView*> out;
  for (const auto& [key, u] : users_) {
    if (u.has_status) out.push_back(&u);
  }
  return out;
}

std::vector<ContactView> ViewModel::contacts_of(const UserView& u) const {
  std::vector<std::string> ids = u.device_ids;
  if (ids.empty()) {  // a status without the list: its device_id and the devices naming the user
    if (!u.device_id.empty()) ids.push_back(u.device_id);
    for (const auto& [key, c] : contacts_) {
      if (key.starts_with(u.gateway_id + "/") && c.user_id == u.user_id &&
          c.device_id != u.device_id) {
        ids.push_back(c.device_id);
      }
    }
  }
  // The most active contact first: it is the one the user line shows.
  if (const auto it = std::find(ids.begin(), ids.end(), u.device_id); it != ids.end()) {
    std::rotate(ids.begin(), it, it + 1);
  }
  std::vector<ContactView> out;
  for (const auto& id : ids) {
    const auto it = contacts_.find(key_of(u.gateway_id, id));
    if (it != contacts_.end()) {
      out.push_back(it->second);
    } else {
      ContactView unknown;
      unknown.device_id = id;
      out.push_back(std::move(unknown));
    }
  }
  return out;
}

std::vector<const ContactView*> ViewModel::unbound_contacts(const std::string& gateway_id) const {
  std::vector<const ContactView*> out;
  for (const auto& [key, c] : contacts_) {
    if (key.starts_with(gateway_id + "/") && c.user_id.empty() && c.link_state != "gone") {
      out.push_back(&c);
    }
  }
  return out;
}

std::vector<std::string> ViewModel::gateways() const {
  std::set<std::string> ids;
  for (const auto& [id, g] : gateways_) ids.insert(id);
  for (const auto& [key, c] : contacts_) ids.insert(key.substr(0, key.find('/')));
  for (const auto* u : users()) ids.insert(u->gateway_id);
  return {ids.begin(), ids.end()};
}

const GatewayView* ViewModel::gateway(const std::string& id) const {
  const auto it = gateways_.find(id);
  return it == gateways_.end() ? nullptr : &it->second;
}

}  // namespace r3::view
