// r3-sim: a simulated room of R3 LOAD contacts behind a BlueZ-compatible org.bluez.
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdio>

#include "sim/room.hpp"

int main(int argc, char** argv) {
  r3::sim::Scenario scenario;
  std::string error;
  bool help = false;
  if (!r3::sim::parse_scenario(argc, argv, scenario, error, help)) {
    std::fprintf(stderr, "r3-sim: %s\n%s", error.c_str(), r3::sim::scenario_usage().c_str());
    return 2;
  }
  if (help) {
    std::printf("%s", r3::sim::scenario_usage().c_str());
    return 0;
  }
  boost::asio::io_context io;
  r3::sim::Room room(io, scenario);
  if (!room.start(error)) {
    std::fprintf(stderr, "r3-sim: %s\n", error.c_str());
    return 1;
  }
  boost::asio::signal_set stop(io, SIGINT, SIGTERM);
  stop.async_wait([&io](const boost::system::error_code&, int) { io.stop(); });
  // SIGUSR1: a bluetoothd restart, on demand (tests, demos).
  boost::asio::signal_set usr(io, SIGUSR1);
  std::function<void()> wait_usr = [&] {
    usr.async_wait([&](const boost::system::error_code& ec, int) {
      if (ec) return;
      room.restart_bluetoothd();
      wait_usr();
    });
  };
  wait_usr();
  io.run();
  return 0;
}
