#include "daemon/mqtt/publisher_impl.hpp"

#include <algorithm>
#include <filesystem>

#include "daemon/mqtt/client_setup.hpp"
#include "daemon/mqtt/payloads.hpp"

namespace r3::mqtt {

std::int64_t now_unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool Publisher::Impl::start() {
  if (client_) return true;
  if (!opt_.state_dir.empty()) {
    std::error_code ec;  // a failure shows up as "not writable" just below
    std::filesystem::create_directories(opt_.state_dir, ec);
  }
  if (const auto problem = check_options(opt_); !problem.empty()) {
    log(kError, "mqtt: " + problem);
    return false;
  }
  const GatewayStatus will{false, "connection_lost", opt_.version, 0.0, 0, 0};
  try {
    const auto dir = persistence_dir(opt_);
    if (!dir.empty()) std::filesystem::create_directories(dir);
    connect_options_ = make_connect_options(
        opt_, topics_.status(), gateway_status_payload(opt_.gateway_id, will, now_unix_ms()));
    bridge_ = std::make_shared<PahoBridge>(io_, weak_from_this());
    if (dir.empty()) {
      client_ = std::make_unique<::mqtt::async_client>(
          opt_.server_uri(), opt_.effective_client_id(), make_create_options(opt_), nullptr);
    } else {
      client_ = std::make_unique<::mqtt::async_client>(
          opt_.server_uri(), opt_.effective_client_id(), make_create_options(opt_), dir);
    }
    client_->set_callback(*bridge_);
    client_->connect(connect_options_, nullptr, bridge_->connect_listener());
  } catch (const ::mqtt::exception& e) {
    log(kError, std::string("mqtt: cannot start the client: ") + e.what());
    client_.reset();
    return false;
  } catch (const std::exception& e) {  // filesystem errors
    log(kError, std::string("mqtt: cannot start: ") + e.what());
    client_.reset();
    return false;
  }
  log(kInfo, "mqtt: connecting to " + opt_.server_uri() + " as " + opt_.effective_client_id());
  return true;
}

void Publisher::Impl::on_connect_failed(const std::string& why) {
  if (stopping_) return;  // the drain owns retry_timer_ now; a late failure changes nothing
  // Paho's automatic reconnect only covers a connection that once succeeded: retry the first,
  // backing off like Paho does, and logging the first failure and then every tenth.
  const int attempt = ++connect_failures_;
  const int delay = std::min(std::max(1, opt_.max_retry_interval_s),
                             std::max(1, opt_.min_retry_interval_s) << std::min(attempt - 1, 10));
  if (attempt % 10 == 1) {
    log(kWarn, "mqtt: " + why + "; retrying every " + std::to_string(delay) + " s or less");
  }
  retry_timer_.expires_after(std::chrono::seconds(delay));
  retry_timer_.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
    auto self = weak.lock();
    if (ec || !self || self->stopping_ || !self->client_ || self->stats_.connected) return;
    try {
      self->client_->connect(self->connect_options_, nullptr, self->bridge_->connect_listener());
    } catch (const ::mqtt::exception& e) {
      self->on_connect_failed(e.what());
    }
  });
}

void Publisher::Impl::on_connected() {
  stats_.connected = true;
  ++stats_.connects;
  log(kInfo, "mqtt: connected to " + opt_.server_uri());
  // Connected while stopping: the drain can now deliver, but nothing may say "online" again.
  if (stopping_) return;
  try {
    client_->subscribe(topics_.command_filter(), 1);
  } catch (const ::mqtt::exception& e) {
    log(kError, std::string("mqtt: cannot subscribe to commands: ") + e.what());
  }
  publish_status(true, "connected");
  arm_status_timer();
}

void Publisher::Impl::on_connection_lost(const std::string& cause) {
  stats_.connected = false;
  ++stats_.connection_losses;
  log(kWarn, "mqtt: connection lost (" + cause + "); messages are kept until it is back");
}

void Publisher::Impl::on_publish_done(bool ok) {
  if (stats_.pending > 0) --stats_.pending;
  if (ok) {
    ++stats_.acknowledged;
  } else {
    ++stats_.publish_failed;
  }
}

void Publisher::Impl::on_message(const IncomingMessage& m) {
  const auto verb = topics_.verb_of(m.topic);
  if (verb.empty()) return;  // not a command topic of ours (the subscription allows none)
  const auto reply = commands_.handle(verb, m.payload, now_unix_ms());
  if (!reply.repeated) ++(reply.ok ? stats_.commands_ok : stats_.commands_failed);
  if (!reply.ok && (stats_.commands_failed <= 20 || stats_.commands_failed % 100 == 0)) {
    log(kWarn, "mqtt: command " + std::string(verb) + " refused (" +
                   std::to_string(stats_.commands_failed) + " so far): " + reply.payload);
  }
  send(topics_.reply(reply.reply_id), reply.payload, 1, false, Kind::kControl);
  // MQTT 5: also answer where the requester asked, with its correlation data.
  if (opt_.mqtt_v5 && !m.response_topic.empty() &&
      m.response_topic.find_first_of("+#") == std::string::npos) {
    ::mqtt::properties props;
    if (!m.correlation_data.empty()) {
      props.add({::mqtt::property::CORRELATION_DATA, m.correlation_data});
    }
    send(m.response_topic, reply.payload, 1, false, Kind::kControl, &props);
  }
}

bool Publisher::Impl::send(const std::string& topic, const std::string& payload, int qos,
                           bool retained, Kind kind, const ::mqtt::properties* props) {
  if (!client_) {
    ++stats_.publish_failed;
    return false;
  }
  if (kind == Kind::kLive && (!stats_.connected || stats_.pending >= opt_.live_queue_limit)) {
    ++stats_.dropped_live;  // live data is worthless late: never queue it
    return false;
  }
  if (kind == Kind::kEvent && stats_.pending >= opt_.max_buffered_messages) {
    if (stats_.dropped_events++ % 1000 == 0) {
      log(kError, "mqtt: outgoing queue full (" + std::to_string(stats_.pending) +
                      " pending): dropping " + topic + " (" +
                      std::to_string(stats_.dropped_events) + " events dropped so far)");
    }
    return false;
  }
  try {
    auto msg = ::mqtt::make_message(topic, payload, qos, retained);
    if (props != nullptr) msg->set_properties(*props);
    client_->publish(msg, nullptr, bridge_->publish_listener());
    ++stats_.published;
    ++stats_.pending;
    if (qos > 0) queue_sync_.written();
    return true;
  } catch (const ::mqtt::exception& e) {
    ++stats_.publish_failed;
    log(kError, "mqtt: publish to " + topic + " failed: " + e.what());
    return false;
  }
}

void Publisher::Impl::publish_status(bool online, const char* reason) {
  const auto up = std::chrono::duration<double>(Clock::now() - started_).count();
  const GatewayStatus s{
      online, reason, opt_.version, up, stats_.dropped_live, stats_.dropped_events};
  send(topics_.status(), gateway_status_payload(opt_.gateway_id, s, now_unix_ms()), 1, true,
       Kind::kControl);
}

void Publisher::Impl::arm_status_timer() {
  if (opt_.status_interval_s <= 0) return;
  status_timer_.expires_after(std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(opt_.status_interval_s)));
  status_timer_.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
    auto self = weak.lock();
    if (ec || !self || self->stopping_) return;
    if (self->stats_.connected) self->publish_status(true, "connected");
    self->arm_status_timer();
  });
}

bool Publisher::Impl::ids_ok(const EventContext& ctx) {
  if (is_safe_id(ctx.user_id) && is_safe_device_id(ctx.device_id) &&
      (ctx.session_id.empty() || is_safe_id(ctx.session_id))) {
    return true;
  }
  if (stats_.invalid_ids++ % 100 == 0) {
    log(kError, "mqtt: event with an unsafe user, device or session id not published");
  }
  return false;
}

std::uint64_t Publisher::Impl::next_seq(const std::string& user) {
  const auto errors = seq_.save_errors();
  const auto seq = seq_.next(user);
  if (seq_.save_errors() != errors) log(kError, "mqtt: " + seq_.last_error());
  return seq;
}

void Publisher::Impl::live(const EventContext& ctx, const core::LiveSample& e) {
  if (opt_.live_rate_hz <= 0.0 || !ids_ok(ctx)) return;
  const auto now = Clock::now();
  const auto min_gap = std::chrono::duration<double>(1.0 / opt_.live_rate_hz);
  auto [it, fresh] = last_live_.try_emplace(ctx.user_id, now);
  if (!fresh) {
    if (now - it->second < min_gap) {
      ++stats_.live_rate_limited;
      return;
    }
    it->second = now;
  }
  send(topics_.user(ctx.user_id, "live"), event_payload(opt_.gateway_id, ctx, 0, now_unix_ms(), e),
       0, false, Kind::kLive);
}

void Publisher::Impl::stop(std::function<void()> done, int timeout_ms) {
  stopping_ = true;
  status_timer_.cancel();
  retry_timer_.cancel();
  if (!client_) {
    boost::asio::post(io_, std::move(done));
    return;
  }
  publish_status(false, "shutdown");
  finish_when_drained(Clock::now() + std::chrono::milliseconds(timeout_ms), std::move(done));
}

// Waits on the loop (never blocking it) until everything is acknowledged or time is up, then
// disconnects. Unacknowledged messages stay in the persistence directory for the next start.
void Publisher::Impl::finish_when_drained(Clock::time_point deadline, std::function<void()> done) {
  if (stats_.pending > 0 && stats_.connected && Clock::now() < deadline) {
    retry_timer_.expires_after(std::chrono::milliseconds(20));
    retry_timer_.async_wait([weak = weak_from_this(), deadline,
                             done = std::move(done)](const boost::system::error_code&) mutable {
      if (auto self = weak.lock()) self->finish_when_drained(deadline, std::move(done));
    });
    return;
  }
  queue_sync_.flush();  // what stays queued must survive a power cut before the next start
  try {
    client_->disconnect(0)->wait_for(std::chrono::seconds(2));
  } catch (const ::mqtt::exception& e) {
    log(kWarn, std::string("mqtt: disconnect: ") + e.what());
  }
  stats_.connected = false;
  boost::asio::post(io_, std::move(done));
}

}  // namespace r3::mqtt
