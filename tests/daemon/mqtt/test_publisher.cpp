// r3_mqtt_test_publisher: a stand-in for the daemon in the broker tests. Runs r3::mqtt::Publisher
// on an io_context, publishes --reps reps (one every --interval-ms, with a live sample each),
// answers commands through a fake room model, and on SIGTERM stops cleanly and prints its stats.
//   --port P --gateway G [--state DIR] [--client-id C] [--reps N] [--interval-ms MS]
//   [--start-file F (reps begin once F exists)]
//   [--max-buffered K] [--queue-sync-ms MS (the queue's durability window)] [--username U]
//   [--password P] [--all-kinds] [--v5] [--keepalive S]
//   [--tls-port P --ca F
//   --cert F --key F]

#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include "daemon/mqtt/publisher.hpp"

namespace {

using r3::mqtt::CommandError;
using r3::mqtt::CommandResult;

// Knows one contact, "r3-0000000000d1"; one session at a time.
class FakeRoom : public r3::mqtt::CommandTarget {
 public:
  CommandResult bind(const std::string& device, const std::string& user) override {
    if (device != "r3-0000000000d1")
      return CommandResult::failure(CommandError::kUnknownDevice, device);
    return CommandResult::success("bound to " + user);
  }
  CommandResult unbind(const std::string& device) override { return known(device); }
  CommandResult start_session(const std::optional<std::string>& id) override {
    if (!session_.empty()) {
      return CommandResult::failure(CommandError::kConflict, "session " + session_ + " running");
    }
    session_ = id.value_or("s-auto");
    auto r = CommandResult::success();
    r.session_id = session_;
    return r;
  }
  CommandResult stop_session(const std::optional<std::string>& id) override {
    if (session_.empty() || (id && *id != session_)) {
      return CommandResult::failure(CommandError::kUnknownSession, "no such session");
    }
    auto r = CommandResult::success();
    r.session_id = session_;
    session_.clear();
    return r;
  }
  CommandResult tare(const std::string& device) override { return known(device); }
  CommandResult identify(const std::string& device, double) override { return known(device); }
  CommandResult set_thresholds(const std::string&, const r3::mqtt::ThresholdsPatch& p) override {
    if (p.load_on_n && p.load_off_n && *p.load_off_n >= *p.load_on_n) {
      return CommandResult::failure(CommandError::kBadRequest, "load_off_n must be < load_on_n");
    }
    return CommandResult::success();
  }

 private:
  static CommandResult known(const std::string& device) {
    if (device != "r3-0000000000d1")
      return CommandResult::failure(CommandError::kUnknownDevice, device);
    return CommandResult::success();
  }
  std::string session_;
};

r3::core::RepEvent rep_number(std::uint32_t n) {
  r3::core::RepEvent r;
  r.set_index = 1 + (n - 1) / 10;
  r.rep_index = 1 + (n - 1) % 10;
  r.placement_index = n;
  r.start_s = n * 5.0;
  r.end_s = r.start_s + 3.0;
  r.duration_s = 3.0;
  r.time_under_load_s = 3.0;
  r.force_mean_n = 80.0 + n;
  r.force_peak_n = 120.0;
  r.impulse_ns = 240.0;
  r.force_cv_pct = 4.0;
  r.rom_deg = 30.0;
  r.angular_speed_mean_dps = 15.0;
  r.angular_speed_peak_dps = 35.0;
  r.sparc = -1.5;
  r.placement_tilt_deg = 10.0;
  r.samples = 300;
  if (n % 2 == 0) r.pressure_kept_ratio = 0.9;
  return r;
}

void publish_all_kinds(r3::mqtt::Publisher& p, const r3::mqtt::EventContext& ctx) {
  p.publish_device(
      {"r3-0000000000d1", "C0:FF:EE:00:00:01", "streaming", "", "hci0", -60, 87, 0.01, "u-1"});
  p.publish_device({"r3-0000000000d2", "", "backoff", "le-connection-abort-by-local", "",
                    std::nullopt, std::nullopt, 0.0, ""});
  p.publish_user_status(
      {"u-1", "r3-0000000000d1", {"r3-0000000000d1"}, ctx.session_id, "moving", 7, 3, 1, 2});
  p.publish_user_status(
      {"u-2", "r3-0000000000d2", {"r3-0000000000d2"}, "", "away", 0, 0, 0, 0});
  p.publish_hold(ctx, {1, 2, 10.0, 16.0, 6.0, 50.0, 3.0});
  r3::core::SetSummary set;
  set.set_index = 1;
  set.rep_count = 3;
  set.rom_cv_pct = 5.0;
  p.publish_set(ctx, set);
  r3::mqtt::SessionSummary s{"s-1", 1700000000000, 1700000600000, {{"u-1", 3, 1, 1}}};
  p.publish_session(s);
  p.publish_live(ctx, {12.5, 60.0, 20.0, r3::core::ContactState::kMoving});
}

}  // namespace

int run(int argc, char** argv) {
  std::map<std::string, std::string> a;
  for (int i = 1; i < argc; ++i) {
    const std::string key = argv[i];
    const bool flag = key == "--all-kinds" || key == "--v5";
    a[key] = flag ? "1" : (i + 1 < argc ? argv[++i] : "");
  }
  const auto get = [&](const char* k, const char* d) { return a.count(k) ? a[k] : d; };
  r3::mqtt::Options o;
  o.gateway_id = get("--gateway", "gw-test");
  o.host = "127.0.0.1";
  o.port = std::stoi(get("--port", "1883"));
  o.client_id = get("--client-id", "");
  o.state_dir = get("--state", "");
  o.mqtt_v5 = a.count("--v5") > 0;
  o.username = get("--username", "");
  o.password = get("--password", "");
  o.keepalive_s = std::stoi(get("--keepalive", "5"));
  o.max_buffered_messages = std::stoul(get("--max-buffered", "100000"));
  o.queue_sync_ms = std::stoi(get("--queue-sync-ms", "200"));
  o.live_rate_hz = 1000.0;  // every live sample of this program is wanted
  o.version = "test";
  if (a.count("--tls-port")) {
    o.port = std::stoi(a["--tls-port"]);
    o.tls = {true, a["--ca"], a["--cert"], a["--key"], true};
  }
  const auto reps = static_cast<std::uint32_t>(std::stoul(get("--reps", "0")));
  const auto interval = std::chrono::milliseconds(std::stoi(get("--interval-ms", "20")));

  boost::asio::io_context io;
  FakeRoom room;
  r3::mqtt::Publisher publisher(io, o, &room, [](int level, std::string_view m) {
    std::cout << "log" << level << ": " << m << std::endl;
  });
  if (!publisher.start()) return 2;
  const r3::mqtt::EventContext ctx{"u-1", "r3-0000000000d1", a.count("--all-kinds") ? "s-1" : "",
                                   7};
  if (a.count("--all-kinds")) publish_all_kinds(publisher, ctx);

  boost::asio::steady_timer timer(io);
  std::uint32_t n = 0;
  const std::string start_file = get("--start-file", "");
  std::function<void()> tick = [&] {
    if (!start_file.empty() && ::access(start_file.c_str(), F_OK) != 0) {  // not yet
      timer.expires_after(std::chrono::milliseconds(20));
      timer.async_wait([&](const boost::system::error_code& ec) {
        if (!ec) tick();
      });
      return;
    }
    if (n >= reps) {
      std::cout << "published " << n << " reps" << std::endl;
      return;
    }
    ++n;
    publisher.publish_rep(ctx, rep_number(n));
    publisher.publish_live(ctx, {n * 5.0, 80.0, 10.0, r3::core::ContactState::kLoaded});
    timer.expires_after(interval);
    timer.async_wait([&](const boost::system::error_code& ec) {
      if (!ec) tick();
    });
  };
  tick();

  // --all-kinds: a live sample every 100 ms for as long as it runs (live is never queued, so
  // the ones before the connection are dropped; these make sure some are seen).
  boost::asio::steady_timer live_timer(io);
  std::function<void()> live_tick = [&] {
    publisher.publish_live(ctx, {1.0, 70.0, 5.0, r3::core::ContactState::kLoaded});
    live_timer.expires_after(std::chrono::milliseconds(100));
    live_timer.async_wait([&](const boost::system::error_code& ec) {
      if (!ec) live_tick();
    });
  };
  if (a.count("--all-kinds")) live_tick();

  boost::asio::signal_set signals(io, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code&, int) {
    timer.cancel();
    live_timer.cancel();
    publisher.stop([&] { io.stop(); }, 3000);
  });
  io.run();
  const auto s = publisher.stats();
  std::cout << "stats published=" << s.published << " acknowledged=" << s.acknowledged
            << " dropped_live=" << s.dropped_live << " dropped_events=" << s.dropped_events
            << " commands_ok=" << s.commands_ok << " commands_failed=" << s.commands_failed
            << " connects=" << s.connects << std::endl;
  return 0;
}

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {  // a bad argument (std::stoi) or the like
    std::cerr << "r3_mqtt_test_publisher: " << e.what() << std::endl;
    return 2;
  }
}
