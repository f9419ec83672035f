#include "sim/room.hpp"

#include <chrono>
#include <cstdio>

#include "sim/bluez_api.hpp"

namespace r3::sim {

namespace {
constexpr auto kStreamTick = std::chrono::milliseconds(5);
constexpr auto kScanTick = std::chrono::milliseconds(100);

double wall_now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Room::Room(boost::asio::io_context& io, Scenario scenario)
    : io_(io), stream_timer_(io), scan_timer_(io), restart_timer_(io) {
  world_.scenario = std::move(scenario);
  world_.rng.seed(world_.scenario.seed);
}

Room::~Room() {
  tear_down();
}

bool Room::start(std::string& error) {
  const int n = world_.scenario.contacts;
  for (int i = 0; i < n; ++i)
    world_.contacts.push_back(std::make_unique<ContactModel>(i, world_.scenario));
  world_.connected_on.assign(static_cast<std::size_t>(n), -1);
  losses_left_.assign(static_cast<std::size_t>(n), world_.scenario.faults.link_losses);
  loss_at_session_s_.assign(static_cast<std::size_t>(n), -1.0);
  if (!world_.scenario.truth_path.empty() &&
      !write_truth(world_.scenario.truth_path, world_, error))
    return false;
  if (!bring_up(error)) return false;
  stream_tick();
  scan_tick();
  const double at = world_.scenario.faults.restart_at_s;
  if (at >= 0.0) {
    restart_timer_.expires_after(std::chrono::microseconds(static_cast<long>(at * 1e6)));
    restart_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (!ec) restart_bluetoothd();
    });
  }
  return true;
}

bool Room::bring_up(std::string& error) {
  try {
    bus_ = sdbus::createSystemBusConnection();
    bus_->addObjectManager("/", sdbus::floating_slot);
    for (int a = 0; a < world_.scenario.adapters; ++a) {
      adapters_.push_back(std::make_unique<SimAdapter>(*bus_, io_, a, world_, [this] {
        if (loop_) loop_->kick();
      }));
    }
    clients_match_ = bus_->addMatch(
        "type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged'",
        [this](sdbus::Message& msg) {
          std::string name, old_owner, new_owner;
          try {
            msg >> name >> old_owner >> new_owner;
          } catch (const sdbus::Error&) {
            return;
          }
          if (name.empty() || name[0] != ':' || !new_owner.empty()) return;
          try {
            for (auto& a : adapters_) a->client_gone(name);
          } catch (const sdbus::Error& e) {
            std::fprintf(stderr, "r3-sim: client gone: %s\n", e.getMessage().c_str());
          }
        });
    bus_->requestName(bluez::kService);
    loop_ = std::make_unique<loop::DbusLoop>(io_, *bus_);
  } catch (const sdbus::Error& e) {
    error = e.getName() + ": " + e.getMessage();
    adapters_.clear();
    clients_match_.reset();
    bus_.reset();
    return false;
  }
  down_ = false;
  std::printf("ready %s\n", bus_->getUniqueName().c_str());
  std::fflush(stdout);
  return true;
}

void Room::tear_down() {
  // bluetoothd dying emits nothing: its objects vanish with its connection.
  for (auto& c : world_.contacts) c->stop_streaming();
  world_.connected_on.assign(world_.connected_on.size(), -1);
  adapters_.clear();
  clients_match_.reset();
  loop_.reset();
  bus_.reset();
}

void Room::restart_bluetoothd() {
  if (down_) return;
  down_ = true;
  std::printf("restart bluetoothd\n");
  std::fflush(stdout);
  tear_down();
  const double down_s = world_.scenario.faults.restart_down_s;
  restart_timer_.expires_after(std::chrono::microseconds(static_cast<long>(down_s * 1e6)));
  restart_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    std::string error;
    if (!bring_up(error)) std::fprintf(stderr, "r3-sim: bring up: %s\n", error.c_str());
  });
}

void Room::schedule_link_losses(double now_wall_s) {
  for (std::size_t i = 0; i < world_.contacts.size(); ++i) {
    auto& c = *world_.contacts[i];
    if (!c.streaming() || world_.connected_on[i] < 0) continue;
    const double t = c.session_time(now_wall_s);
    if (loss_at_session_s_[i] < 0.0) {
      if (losses_left_[i] <= 0) continue;
      // Not right after connecting: a rep that starts a moment later.
      const auto mid = c.next_rep_middle_after(t + 0.5);
      loss_at_session_s_[i] = mid ? *mid : 1e300;
      continue;
    }
    if (t < loss_at_session_s_[i]) continue;
    loss_at_session_s_[i] = -1.0;
    --losses_left_[i];
    adapters_[static_cast<std::size_t>(world_.connected_on[i])]->drop_link(static_cast<int>(i),
                                                                           "link-loss");
  }
}

void Room::stream_tick() {
  if (!down_) {
    const double now = wall_now_s();
    try {
      schedule_link_losses(now);
      for (auto& a : adapters_) a->stream_tick(now);
    } catch (const sdbus::Error& e) {
      std::fprintf(stderr, "r3-sim: stream: %s\n", e.getMessage().c_str());
    }
    if (loop_) loop_->kick();
  }
  stream_timer_.expires_after(kStreamTick);
  stream_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) stream_tick();
  });
}

void Room::scan_tick() {
  if (!down_) {
    try {
      for (auto& a : adapters_) a->scan_tick();
    } catch (const sdbus::Error& e) {
      std::fprintf(stderr, "r3-sim: scan: %s\n", e.getMessage().c_str());
    }
    if (loop_) loop_->kick();
  }
  scan_timer_.expires_after(kScanTick);
  scan_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) scan_tick();
  });
}

}  // namespace r3::sim
