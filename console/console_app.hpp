#pragma once
// r3-console's wiring: database, auth, hub, broker link, HTTP server, timers, signals, systemd
// notifications, all on one Asio loop.

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "console/auth.hpp"
#include "console/config.hpp"
#include "console/database.hpp"
#include "console/http_api.hpp"
#include "console/http_server.hpp"
#include "console/hub.hpp"
#include "console/metrics.hpp"
#include "console/mqtt_link.hpp"
#include "daemon/app/systemd_notifier.hpp"

namespace r3::console {

class ConsoleApp {
 public:
  ConsoleApp(boost::asio::io_context& io, ConsoleConfig config, std::unique_ptr<Database> db);
  ~ConsoleApp();
  bool start();

 private:
  void arm_flush();
  void arm_expire();
  void stop();
  nlohmann::json health();

  boost::asio::io_context& io_;
  ConsoleConfig config_;
  std::unique_ptr<Database> db_;
  Metrics metrics_;
  Auth auth_;
  std::shared_ptr<MqttLink> mqtt_;
  Hub hub_;
  HttpApi api_;
  HttpServer server_;
  app::SystemdNotifier notifier_;
  boost::asio::steady_timer flush_timer_;
  boost::asio::steady_timer expire_timer_;
  boost::asio::signal_set signals_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::duration flush_period_;
};

}  // namespace r3::console
