#include "daemon/app/gateway.hpp"

#include <chrono>
#include <csignal>
#include <filesystem>

#include "daemon/app/config_diff.hpp"
#include "daemon/app/config_mapping.hpp"
#include "daemon/app/config_parse.hpp"
#include "daemon/app/log.hpp"

namespace r3::app {
namespace {

constexpr auto kStatusPeriod = std::chrono::seconds(10);

std::int64_t unix_ms_now() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void publisher_log(int level, std::string_view message) {
  log(level == 0 ? LogLevel::kError : level == 1 ? LogLevel::kWarning : LogLevel::kInfo, message);
}

}  // namespace

Gateway::Gateway(boost::asio::io_context& io, Config config, std::string config_path)
    : io_(io),
      config_(std::move(config)),
      config_path_(std::move(config_path)),
      room_(std::filesystem::path(config_.state_directory) / "room.json"),
      notifier_(io),
      signals_(io, SIGTERM, SIGINT, SIGHUP),
      status_timer_(io) {}

Gateway::~Gateway() = default;

void Gateway::load_room() {
  room_.set_static_bindings(config_.contacts);
  if (auto loaded = room_.load(); !loaded) {
    // Keep the unreadable file for a human; the next save would otherwise overwrite it.
    const auto bad = std::filesystem::path(config_.state_directory) / "room.json.bad";
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(config_.state_directory) / "room.json", bad, ec);
    log_error("room state unreadable (" + loaded.error() +
              "): starting with the config's bindings only; the file was moved to " + bad.string());
  } else {
    for (const auto& note : *loaded) log_info("room: " + note);
  }
  if (auto error = tallies_.load(tallies_file()); !error.empty()) {
    log_warning("running totals unreadable, counting from zero: " + error);
  }
  log_info("room: " + std::to_string(room_.bindings().size()) + " bindings" +
           (room_.session() ? ", session " + room_.session()->id + " running" : ""));
}

bool Gateway::start() {
  set_log_level(config_.log_level);
  log_info("r3-gatewayd " R3_VERSION " starting: gateway " + config_.gateway_id + ", config " +
           config_path_);
  // The publisher keeps its queue in <state>/mqtt: both must exist before it starts.
  const auto mqtt_state = mqtt_options(config_).state_dir;
  for (const auto& dir : {config_.state_directory, mqtt_state}) {
    std::error_code ec;
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    if (ec) {
      log_error("cannot create the state directory " + dir + ": " + ec.message());
      return false;
    }
  }
  load_room();
  if (!config_.ble.adapters.empty()) {
    log_warning("ble.adapters is not applied yet: every adapter BlueZ offers is used");
  }

  commands_ = std::make_unique<RoomCommands>(room_, tallies_, unix_ms_now);
  publisher_ =
      std::make_unique<mqtt::Publisher>(io_, mqtt_options(config_), commands_.get(), publisher_log);
  board_ = std::make_unique<StatusBoard>(
      room_, tallies_, *publisher_,
      std::filesystem::path(config_.state_directory) / "retained.json");
  if (auto error = board_->load(); !error.empty()) {
    log_warning("the list of retained topics published before is unreadable: " + error);
  }
  router_ = std::make_unique<ContactRouter>(
      config_, room_, ChannelServices{*publisher_, tallies_, *board_, unix_ms_now});
  links_ = std::make_unique<bluez::ContactLinks>(io_, link_config(config_), *router_);
  router_->attach(links_.get());
  commands_->attach(publisher_.get(), links_.get(), router_.get());

  if (!publisher_->start()) {
    log_error("the MQTT publisher cannot start (see above)");
    return false;
  }
  // The retained state says what this run knows, whatever an earlier run left behind.
  router_->publish_devices();
  board_->refresh();
  std::string error;
  if (!links_->start(&error)) {
    log_error("cannot reach the system D-Bus: " + error);
    return false;
  }
  wait_for_signal();
  notifier_.start_watchdog();
  notifier_.ready();
  report_status();
  log_info("ready: broker " + config_.mqtt.host + ":" + std::to_string(config_.mqtt.port));
  return true;
}

void Gateway::wait_for_signal() {
  signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    on_signal(signal);
    if (!stopping_) wait_for_signal();
  });
}

void Gateway::on_signal(int signal) {
  if (signal == SIGHUP) {
    reload();
  } else {
    log_info(std::string("received ") + (signal == SIGTERM ? "SIGTERM" : "SIGINT") +
             ": shutting down");
    shutdown();
  }
}

void Gateway::reload() {
  notifier_.reloading();
  log_info("SIGHUP: reloading " + config_path_);
  auto loaded = load_config_file(config_path_);
  if (!loaded) {
    for (const auto& e : loaded.error()) log_error(e.to_string());
    log_error("configuration not reloaded: keeping the running one");
    notifier_.ready();
    return;
  }
  for (const auto& key : changes_needing_restart(config_, *loaded)) {
    log_warning(key + " changed: restart r3-gateway to apply it");
  }
  // What cannot change while running keeps its running value.
  Config next = std::move(*loaded);
  next.gateway_id = config_.gateway_id;
  next.state_directory = config_.state_directory;
  next.live_rate_hz = config_.live_rate_hz;
  next.mqtt = config_.mqtt;
  next.ble = config_.ble;
  config_ = std::move(next);
  set_log_level(config_.log_level);
  room_.set_static_bindings(config_.contacts);
  router_->refresh();
  log_info("configuration reloaded");
  notifier_.ready();
  report_status();
}

void Gateway::shutdown() {
  if (stopping_) {
    io_.stop();  // a second signal: stop waiting for the broker
    return;
  }
  stopping_ = true;
  notifier_.stopping();
  notifier_.status("stopping: flushing open reps and queued messages");
  status_timer_.cancel();
  // Open reps and sets are closed and published before the links and the broker go; no user
  // is left looking loaded or moving.
  router_->flush();
  board_->all_away();
  save_tallies();
  links_->stop();
  publisher_->stop([this] {
    notifier_.stop_watchdog();
    signals_.cancel();
    log_info("stopped");
    io_.stop();
  });
  // Signals stay armed so a second SIGTERM or SIGINT cuts the wait short; a SIGHUP (a reload
  // while stopping) must not, or queued events would be cut off.
  arm_second_stop();
}

void Gateway::arm_second_stop() {
  signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    if (signal == SIGHUP) {
      arm_second_stop();
      return;
    }
    io_.stop();
  });
}

std::filesystem::path Gateway::tallies_file() const {
  return std::filesystem::path(config_.state_directory) / "tallies.json";
}

void Gateway::save_tallies() {
  if (!tallies_.dirty()) return;
  if (auto error = tallies_.save(tallies_file()); !error.empty()) {
    log_warning("cannot save the running totals: " + error);
  }
}

void Gateway::report_status() {
  if (tallies_.roll_day(local_day(unix_ms_now()))) board_->refresh();
  save_tallies();
  const auto s = publisher_->stats();
  notifier_.status(std::to_string(router_->streaming()) + " of " + std::to_string(router_->size()) +
                   " contacts streaming; broker " + (s.connected ? "connected" : "disconnected") +
                   "; " + std::to_string(s.acknowledged) + " messages delivered, " +
                   std::to_string(s.pending) + " queued");
  status_timer_.expires_after(kStatusPeriod);
  status_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec && !stopping_) report_status();
  });
}

}  // namespace r3::app
