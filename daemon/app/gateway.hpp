#pragma once
// r3-gatewayd assembled: contact links -> one pipeline per contact -> publisher, commands ->
// room model, on one Asio loop. Owns the lifecycle: start (READY=1 last), SIGHUP reload,
// SIGTERM/SIGINT shutdown that flushes open reps and the publisher's queue.

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "daemon/app/config.hpp"
#include "daemon/app/contact_router.hpp"
#include "daemon/app/room_commands.hpp"
#include "daemon/app/room_model.hpp"
#include "daemon/app/status_board.hpp"
#include "daemon/app/systemd_notifier.hpp"
#include "daemon/app/tallies.hpp"
#include "daemon/bluez/contact_links.hpp"
#include "daemon/mqtt/publisher.hpp"

namespace r3::app {

class Gateway {
 public:
  // `config` is valid (load_config_file succeeded); `config_path` is re-read on SIGHUP.
  Gateway(boost::asio::io_context& io, Config config, std::string config_path);
  ~Gateway();
  Gateway(const Gateway&) = delete;
  Gateway& operator=(const Gateway&) = delete;

  // Builds and starts everything, then READY=1. False (logged) when the daemon cannot run.
  [[nodiscard]] bool start();

 private:
  void wait_for_signal();
  void on_signal(int signal);
  void arm_second_stop();  // while stopping: a second SIGTERM/SIGINT stops at once
  void reload();
  void shutdown();
  void load_room();
  void report_status();
  void save_tallies();
  [[nodiscard]] std::filesystem::path tallies_file() const;

  boost::asio::io_context& io_;
  Config config_;  // updated in place on reload: the router reads it by reference
  std::string config_path_;
  RoomModel room_;
  Tallies tallies_;
  SystemdNotifier notifier_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer status_timer_;
  std::unique_ptr<RoomCommands> commands_;
  std::unique_ptr<mqtt::Publisher> publisher_;
  std::unique_ptr<StatusBoard> board_;
  std::unique_ptr<ContactRouter> router_;
  std::unique_ptr<bluez::ContactLinks> links_;
  bool stopping_ = false;
};

}  // namespace r3::app
