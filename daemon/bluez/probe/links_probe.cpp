// r3-links-probe: connects every contact in reach through ContactLinks and measures the
// notification rate and the CPU spent per notification (this process, and optionally the
// simulator's and the bus daemon's, by PID). Used by bench/bluez_notify.sh.
#include <sys/resource.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "daemon/bluez/contact_links.hpp"

namespace {

struct Counter : r3::bluez::ContactListener {
  std::uint64_t packets = 0;
  void on_packet(const r3::bluez::ContactId&, std::span<const std::uint8_t>, double) override {
    ++packets;
  }
  void on_link_state(const r3::bluez::ContactId&, r3::bluez::LinkState, std::string_view) override {
  }
  void on_over_budget(const r3::bluez::ContactId&, std::string_view) override {}
};

double self_cpu_s() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// utime + stime of another process, from /proc/PID/stat; 0 when unknown.
double process_cpu_s(long pid) {
  if (pid <= 0) return 0.0;
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = s.rfind(')');
  if (close == std::string::npos) return 0.0;
  std::istringstream rest(s.substr(close + 2));
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stod(field);
    if (i == 15) stime = std::stod(field);
  }
  return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

}  // namespace

int main(int argc, char** argv) {
  int contacts = 16;
  double seconds = 10.0;
  long sim_pid = 0, bus_pid = 0;
  r3::bluez::LinkConfig config;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--contacts")
      contacts = std::atoi(v.c_str());
    else if (a == "--seconds")
      seconds = std::atof(v.c_str());
    else if (a == "--path")
      config.use_acquire_notify = v != "start";
    else if (a == "--sim-pid")
      sim_pid = std::atol(v.c_str());
    else if (a == "--bus-pid")
      bus_pid = std::atol(v.c_str());
    else if (a == "--slots")
      config.slots_per_adapter = std::atoi(v.c_str());
    else {
      std::fprintf(stderr,
                   "usage: r3-links-probe [--contacts N] [--seconds S] [--path acquire|start] "
                   "[--slots K] [--sim-pid PID] [--bus-pid PID]\n");
      return 2;
    }
  }
  boost::asio::io_context io;
  Counter counter;
  r3::bluez::ContactLinks links(io, config, counter);
  std::string error;
  if (!links.start(&error)) {
    std::fprintf(stderr, "r3-links-probe: %s\n", error.c_str());
    return 1;
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto streaming = [&] {
    int n = 0;
    for (const auto& c : links.contacts()) n += c.state == r3::bluez::LinkState::kStreaming ? 1 : 0;
    return n;
  };
  while (streaming() < contacts) {
    io.run_for(std::chrono::milliseconds(10));
    if (Clock::now() - t0 > std::chrono::seconds(60)) {
      std::fprintf(stderr, "r3-links-probe: only %d of %d contacts streaming\n", streaming(),
                   contacts);
      return 1;
    }
  }
  const double connect_s = std::chrono::duration<double>(Clock::now() - t0).count();
  io.run_for(std::chrono::seconds(1));  // settle
  const auto p0 = counter.packets;
  const double c0 = self_cpu_s(), s0 = process_cpu_s(sim_pid), b0 = process_cpu_s(bus_pid);
  const auto m0 = Clock::now();
  io.run_for(std::chrono::microseconds(static_cast<long>(seconds * 1e6)));
  const double wall = std::chrono::duration<double>(Clock::now() - m0).count();
  const double n = static_cast<double>(counter.packets - p0);
  const double self = self_cpu_s() - c0, sim = process_cpu_s(sim_pid) - s0,
               bus = process_cpu_s(bus_pid) - b0;
  std::printf(
      "{\"path\":\"%s\",\"contacts\":%d,\"connect_s\":%.3f,\"seconds\":%.2f,"
      "\"notifications\":%.0f,\"per_s\":%.0f,\"links_cpu_us_per_notification\":%.2f,"
      "\"sim_cpu_us_per_notification\":%.2f,\"bus_cpu_us_per_notification\":%.2f,"
      "\"links_cpu_pct\":%.1f}\n",
      config.use_acquire_notify ? "acquire-notify" : "start-notify", contacts, connect_s, wall, n,
      n / wall, n > 0 ? self / n * 1e6 : 0.0, n > 0 ? sim / n * 1e6 : 0.0,
      n > 0 ? bus / n * 1e6 : 0.0, self / wall * 100.0);
  return 0;
}
