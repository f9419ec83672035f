#include "console/console_app.hpp"

#include <csignal>

#include "console/crypto.hpp"
#include "daemon/app/log.hpp"

namespace r3::console {

ConsoleApp::ConsoleApp(boost::asio::io_context& io, ConsoleConfig config,
                       std::unique_ptr<Database> db)
    : io_(io),
      config_(std::move(config)),
      db_(std::move(db)),
      auth_(*db_),
      mqtt_(std::make_shared<MqttLink>(
          io, config_,
          MqttLink::Handlers{
              [this](const std::string& t, const std::string& p) { hub_.on_mqtt_message(t, p); },
              [this](bool reconnect) { hub_.on_mqtt_connected(reconnect); },
              [this] { hub_.on_mqtt_lost(); }})),
      hub_(
          HubOptions{config_.base_topic,
                     std::chrono::milliseconds(static_cast<long>(config_.request_timeout_s * 1000)),
                     4000},
          *db_, metrics_,
          [this](const std::string& t, const std::string& p) { return mqtt_->publish(t, p); },
          random_hex(4)),
      api_(config_, auth_, metrics_, [this] { return health(); }),
      server_(io, config_, api_, hub_, metrics_),
      notifier_(io),
      flush_timer_(io),
      expire_timer_(io),
      signals_(io, SIGINT, SIGTERM),
      flush_period_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::duration<double>(1.0 / config_.frame_rate_hz))) {}

ConsoleApp::~ConsoleApp() = default;

bool ConsoleApp::start() {
  (void)auth_.screen_token();  // made before serving, so --print-screen-link and the UI agree
  if (auto s = server_.start(); !s) {
    app::log_error("console: " + s.error());
    return false;
  }
  mqtt_->start();
  arm_flush();
  arm_expire();
  signals_.async_wait([this](const boost::system::error_code& ec, int) {
    if (!ec) stop();
  });
  const auto url = config_.url();
  app::log_info("console: serving " + url + " (port " + std::to_string(server_.port()) + ")");
  if (!auth_.setup_token().empty()) {
    // The only way in on a fresh install: no default password.
    app::log(app::LogLevel::kWarning, "console: first start: create the admin account at " + url +
                                          "/setup.html#token=" + auth_.setup_token() +
                                          " (a one-time link)");
  }
  notifier_.ready();
  notifier_.start_watchdog();
  notifier_.status("serving " + url);
  return true;
}

void ConsoleApp::stop() {
  app::log_info("console: stopping");
  notifier_.stopping();
  notifier_.stop_watchdog();
  server_.stop();
  flush_timer_.cancel();
  expire_timer_.cancel();
  mqtt_->stop();
  io_.stop();
}

void ConsoleApp::arm_flush() {
  flush_timer_.expires_after(flush_period_);
  flush_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    hub_.flush();
    arm_flush();
  });
}

void ConsoleApp::arm_expire() {
  expire_timer_.expires_after(std::chrono::milliseconds(250));
  expire_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    hub_.expire(std::chrono::steady_clock::now());
    arm_expire();
  });
}

nlohmann::json ConsoleApp::health() {
  return {{"mqtt_connected", metrics_.mqtt_connected},
          {"uptime_s",
           std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count()},
          {"rss_bytes", resident_bytes()},
          {"browsers", metrics_.ws_clients},
          {"mirror_topics", metrics_.mirror_topics},
          {"mqtt_messages", metrics_.mqtt_messages},
          {"mqtt_bad_payloads", metrics_.mqtt_bad_payloads},
          {"ws_bad_frames", metrics_.ws_bad_frames},
          {"request_timeouts", metrics_.request_timeouts},
          {"version", R3_VERSION}};
}

}  // namespace r3::console
