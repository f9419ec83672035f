#include "console/hub.hpp"

#include <vector>

#include "console/topic_frames.hpp"

namespace r3::console {
namespace {

Mirror::Frame share(std::string s) {
  return std::make_shared<const std::string>(std::move(s));
}

}  // namespace

Hub::Hub(HubOptions options, Database& db, Metrics& metrics, Publish publish, std::string instance)
    : options_(std::move(options)),
      db_(db),
      metrics_(metrics),
      publish_(std::move(publish)),
      pending_(std::move(instance)) {}

std::uint64_t Hub::add_client(Role role, std::weak_ptr<ClientSink> sink) {
  const auto id = next_client_++;
  auto& c =
      clients_.emplace(id, Client{role, std::move(sink), FrameBatch(options_.max_batch_frames)})
          .first->second;
  // The replay: who we are, the roster, then the retained state of every gateway.
  enqueue(id, c, console_status_frame(), nullptr);
  enqueue(id, c, roster_frame(), nullptr);
  mirror_.for_each([&](const std::string&, const Mirror::Frame& f) { enqueue(id, c, f, nullptr); });
  metrics_.ws_clients = clients_.size();
  ++metrics_.ws_connections;
  return id;
}

void Hub::remove_client(std::uint64_t id) {
  clients_.erase(id);
  pending_.drop_client(id);
  metrics_.ws_clients = clients_.size();
  metrics_.pending_requests = pending_.size();
}

void Hub::on_mqtt_message(const std::string& topic, const std::string& payload) {
  ++metrics_.mqtt_messages;
  const auto rel = relative_topic(options_.base_topic, topic);
  const auto kind = rel ? classify(*rel) : TopicKind::kIgnored;
  if (kind == TopicKind::kIgnored) {
    ++metrics_.mqtt_ignored;
    return;
  }
  const std::string relative(*rel);
  if (payload.empty()) {  // a cleared retained topic: forget it and tell the browsers
    mirror_.forget(relative);
    metrics_.mirror_topics = mirror_.size();
    broadcast(share(make_frame(relative, "null")), nullptr);
    return;
  }
  if (!valid_json_object(payload)) {
    ++metrics_.mqtt_bad_payloads;
    return;
  }
  if (kind == TopicKind::kReply) {
    const auto parts = split_topic(relative);
    const std::string request_id(parts->rest.substr(6));
    if (auto p = pending_.take(request_id)) {
      ++metrics_.replies;
      metrics_.pending_requests = pending_.size();
      const auto it = clients_.find(p->client);
      if (it != clients_.end())
        enqueue(it->first, it->second, share(make_tx_frame(p->tx, relative, payload)), nullptr);
    }
    return;  // replies to others' requests are theirs
  }
  auto frame = share(make_frame(relative, payload));
  if (kind == TopicKind::kLive) {
    broadcast(frame, &relative);
    return;
  }
  // A retained replay and a fresh change are mirrored alike.
  mirror_.keep(relative, frame);
  metrics_.mirror_topics = mirror_.size();
  broadcast(frame, nullptr);
}

void Hub::on_mqtt_connected(bool reconnect) {
  metrics_.mqtt_connected = true;
  if (reconnect) {
    ++metrics_.mqtt_reconnects;
    // The broker replays the retained state on subscribe: rebuild from it, so nothing cleared
    // while we were away lingers.
    mirror_.clear();
    metrics_.mirror_topics = 0;
  }
  broadcast_console_status();
}

void Hub::on_mqtt_lost() {
  metrics_.mqtt_connected = false;
  broadcast_console_status();
}

void Hub::on_client_text(std::uint64_t id, std::string_view text, Clock::time_point now) {
  const auto it = clients_.find(id);
  if (it == clients_.end()) return;
  auto parsed = parse_client_request(text);
  if (!parsed) {
    ++metrics_.ws_bad_frames;
    reply_error(id, "", "console/error", "bad_request", parsed.error());
    return;
  }
  auto& r = *parsed;
  ++metrics_.requests;
  if (!may_send(it->second.role, r.topic)) {
    ++metrics_.requests_forbidden;
    reply_error(id, r.tx, r.topic, "forbidden", "this screen is read-only: log in as a coach");
    return;
  }
  if (r.topic.rfind("console/roster/", 0) == 0) {
    handle_roster(id, r);
  } else {
    handle_command(id, std::move(r), now);
  }
}

void Hub::handle_command(std::uint64_t id, ClientRequest r, Clock::time_point now) {
  auto cmd = parse_gateway_command(r.topic);
  if (!cmd) {
    ++metrics_.ws_bad_frames;
    reply_error(id, r.tx, r.topic, "bad_request", cmd.error());
    return;
  }
  const auto request_id = pending_.add(id, r.tx, r.topic, now + options_.request_timeout);
  metrics_.pending_requests = pending_.size();
  r.payload["request_id"] = request_id;  // ours, whatever the browser sent
  const auto topic = options_.base_topic + "/" + r.topic;
  if (!publish_(topic, r.payload.dump())) {
    pending_.take(request_id);
    metrics_.pending_requests = pending_.size();
    reply_error(id, r.tx, r.topic, "unavailable", "the broker is not reachable right now");
  }
}

void Hub::handle_roster(std::uint64_t id, const ClientRequest& r) {
  const auto& p = r.payload;
  auto text = [&](const char* key) -> std::string {
    const auto f = p.find(key);
    return f != p.end() && f->is_string() ? f->get<std::string>() : std::string();
  };
  Status status = true;
  nlohmann::json extra = nlohmann::json::object();
  if (r.topic == "console/roster/add") {
    auto added = db_.add_person(text("display_name"));
    if (added) {
      extra["user_id"] = added->user_id;
    } else {
      status = Err{added.error()};
    }
  } else if (r.topic == "console/roster/rename") {
    status = db_.rename_person(text("user_id"), text("display_name"));
  } else if (r.topic == "console/roster/remove") {
    status = db_.remove_person(text("user_id"));
  } else {
    ++metrics_.ws_bad_frames;
    reply_error(id, r.tx, r.topic, "bad_request", "unknown topic '" + r.topic + "'");
    return;
  }
  if (!status) {
    ++metrics_.ws_bad_frames;
    reply_error(id, r.tx, r.topic, "bad_request", status.error());
    return;
  }
  reply_ok(id, r.tx, r.topic, std::move(extra));
  broadcast_roster();
}

void Hub::flush() {
  std::vector<std::uint64_t> gone;
  for (auto& [id, c] : clients_) {
    if (c.batch.empty()) continue;
    auto sink = c.sink.lock();
    if (!sink) {
      gone.push_back(id);
      continue;
    }
    if (sink->busy()) continue;
    metrics_.ws_frames_sent += c.batch.size();
    ++metrics_.ws_messages_sent;
    sink->send(c.batch.take());
  }
  for (const auto id : gone) remove_client(id);
}

void Hub::expire(Clock::time_point now) {
  for (auto& p : pending_.expire(now)) {
    ++metrics_.request_timeouts;
    reply_error(p.client, p.tx, p.topic, "timeout",
                "the gateway did not answer in time: is it online?");
  }
  metrics_.pending_requests = pending_.size();
}

void Hub::broadcast(const Mirror::Frame& frame, const std::string* live_key) {
  std::vector<std::uint64_t> slow;
  for (auto& [id, c] : clients_) {
    const auto before = c.batch.coalesced();
    const bool ok =
        live_key != nullptr ? c.batch.push_coalesced(*live_key, frame) : c.batch.push(frame);
    metrics_.ws_live_coalesced += c.batch.coalesced() - before;
    if (!ok) slow.push_back(id);
  }
  for (const auto id : slow) drop(id, "it does not keep up");
}

void Hub::enqueue(std::uint64_t id, Client& c, const Mirror::Frame& frame, const std::string* key) {
  const auto before = c.batch.coalesced();
  const bool ok = key != nullptr ? c.batch.push_coalesced(*key, frame) : c.batch.push(frame);
  metrics_.ws_live_coalesced += c.batch.coalesced() - before;
  if (!ok) drop(id, "it does not keep up");
}

void Hub::drop(std::uint64_t id, const char* why) {
  const auto it = clients_.find(id);
  if (it == clients_.end()) return;
  ++metrics_.ws_slow_clients_dropped;
  if (auto sink = it->second.sink.lock()) sink->close(why);
  remove_client(id);
}

void Hub::reply_error(std::uint64_t id, const std::string& tx, const std::string& topic,
                      const std::string& code, const std::string& message) {
  const auto it = clients_.find(id);
  if (it == clients_.end()) return;
  const nlohmann::json payload = {{"ok", false}, {"error", {{"code", code}, {"message", message}}}};
  const auto dumped = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  enqueue(id, it->second, share(make_tx_frame(tx, topic, dumped)), nullptr);
}

void Hub::reply_ok(std::uint64_t id, const std::string& tx, const std::string& topic,
                   nlohmann::json extra) {
  const auto it = clients_.find(id);
  if (it == clients_.end()) return;
  extra["ok"] = true;
  extra["error"] = nullptr;
  enqueue(id, it->second, share(make_tx_frame(tx, topic, extra.dump())), nullptr);
}

Mirror::Frame Hub::roster_frame() {
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : db_.people())
    people.push_back({{"user_id", p.user_id}, {"display_name", p.display_name}});
  const nlohmann::json payload = {{"people", std::move(people)}};
  return share(make_frame("console/roster",
                          payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
}

Mirror::Frame Hub::console_status_frame() {
  const nlohmann::json payload = {{"mqtt_connected", metrics_.mqtt_connected},
                                  {"base_topic", options_.base_topic}};
  return share(make_frame("console/status", payload.dump()));
}

void Hub::broadcast_roster() {
  broadcast(roster_frame(), nullptr);
}

void Hub::broadcast_console_status() {
  broadcast(console_status_frame(), nullptr);
}

}  // namespace r3::console
