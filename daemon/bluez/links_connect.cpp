// Adapters, slots and the reconnect ladder.
#include <algorithm>
#include <cctype>

#include "core/protocol/gatt_profile.hpp"
#include "daemon/bluez/links_impl.hpp"

namespace r3::bluez {

namespace {
constexpr auto kTick = std::chrono::milliseconds(500);
constexpr auto kDiscoveryRetry = std::chrono::seconds(2);
constexpr int kBusyBeforePowerCycle = 4;
constexpr int kReservedAttempts = 3;

std::string name_of(const std::string& adapter_path) {
  return adapter_path.substr(adapter_path.rfind('/') + 1);
}
}  // namespace

void ContactLinks::Impl::set_state(Contact& c, LinkState state, std::string_view reason) {
  if (c.state == state) return;
  c.state = state;
  log_line("%s %s: %.*s", c.id.c_str(), std::string(to_string(state)).c_str(),
           static_cast<int>(reason.size()), reason.data());
  listener.on_link_state(c.id, state, reason);
}

int ContactLinks::Impl::slots_used(const std::string& adapter_path) const {
  return static_cast<int>(std::count_if(contacts.begin(), contacts.end(), [&](const auto& kv) {
    return kv.second.adapter_path == adapter_path;
  }));
}

void ContactLinks::Impl::device_seen(const DeviceObject& d) {
  const auto& uuids = d.uuids;
  const bool contact_service =
      std::find(uuids.begin(), uuids.end(), core::gatt::kContactService) != uuids.end();
  const auto id = contact_id_for_address(d.address);
  const auto& allow = config.allow_list;
  const bool allowed = allow.empty() || std::find(allow.begin(), allow.end(), id) != allow.end();
  if (!contact_service || !allowed || d.address.empty()) return;
  auto [it, fresh] = contacts.try_emplace(id);
  Contact& c = it->second;
  if (fresh) {
    c.id = id;
    c.address = d.address;
    log_line("%s seen on %s", id.c_str(), name_of(d.adapter_path).c_str());
  }
  if (d.rssi) c.stats.rssi_dbm = d.rssi;
  // Already connected (we restarted, BlueZ did not): adopt the link.
  if (d.connected && c.adapter_path.empty() && !c.waiting_retry && adapters.count(d.adapter_path)) {
    c.adapter_path = d.adapter_path;
    c.device_path = d.path;
    set_state(c, LinkState::kConnected, "already connected");
    maybe_setup_notifications(c);
  }
}

void ContactLinks::Impl::schedule_unguarded() {
  if (!bluez_up) return;
  // Contacts that had a link go first: a reconnect is worth more than a newcomer.
  std::vector<Contact*> order;
  for (auto& [id, c] : contacts) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const Contact* a, const Contact* b) {
    return a->ever_connected > b->ever_connected;
  });
  int free_total = 0;
  for (const auto& [path, a] : adapters)
    free_total += std::max(0, config.slots_per_adapter - slots_used(path));
  // A contact whose link just dropped keeps a slot for its first retries: a newcomer beyond
  // the budget must not take it while it backs off.
  int reserved = 0;
  for (const auto& [id, c] : contacts) {
    if (c.ever_connected && c.adapter_path.empty() && c.state == LinkState::kBackoff &&
        c.attempt <= kReservedAttempts)
      ++reserved;
  }
  for (Contact* cp : order) {
    Contact& c = *cp;
    const bool held =
        c.ever_connected && c.state == LinkState::kBackoff && c.attempt <= kReservedAttempts;
    if (!c.adapter_path.empty() || c.waiting_retry) continue;
    Adapter* best = nullptr;
    int best_free = 0;
    bool seen = false;
    for (auto& [path, a] : adapters) {
      auto dev = objects.devices.find(bluez_device_path(path, c.address));
      if (dev == objects.devices.end()) continue;
      seen = true;
      const int free = config.slots_per_adapter - slots_used(path);
      if (free <= 0 || a.power_cycling || !objects.adapters[path].powered) continue;
      const int score = free * 2 + (path != c.avoid_adapter ? 1 : 0);
      if (best == nullptr || score > best_free) {
        best = &a;
        best_free = score;
      }
    }
    if (!seen) continue;
    if (!c.ever_connected && free_total <= reserved) best = nullptr;
    if (best == nullptr) {
      // Another adapter has room: it will see the contact.
      if (free_total > (c.ever_connected ? 0 : reserved)) continue;
      set_state(c, LinkState::kOverBudget, "no free slot on any adapter");
      if (!c.over_budget_reported) {
        c.over_budget_reported = true;
        log_line("%s over budget: every adapter holds %d contacts", c.id.c_str(),
                 config.slots_per_adapter);
        listener.on_over_budget(c.id, c.address);
      }
      continue;
    }
    if (best->connecting) continue;  // one attempt at a time per adapter
    if (try_connect(c, *best)) {
      --free_total;
      if (held) --reserved;
    }
  }
}

bool ContactLinks::Impl::try_connect(Contact& c, Adapter& a) {
  const auto dev_path = bluez_device_path(a.path, c.address);
  a.connecting = true;
  const auto attempt = ++a.attempt;
  const auto adapter_path = a.path;
  c.adapter_path = a.path;
  c.device_path = dev_path;
  ++c.epoch;
  const auto epoch = c.epoch;
  const auto id = c.id;
  set_state(c, LinkState::kConnecting, "connecting on " + name_of(a.path));
  try {
    // Scanning and connecting compete for the radio: pause discovery while connecting.
    if (objects.adapters[a.path].discovering) discovery(a, false);
    a.want_discovery = false;
    proxy(dev_path)
        .callMethodAsync("Connect")
        .onInterface(kDeviceItf)
        .withTimeout(std::chrono::duration_cast<std::chrono::microseconds>(config.connect_timeout))
        .uponReplyInvoke([this, id, epoch, adapter_path, attempt](const sdbus::Error* e) {
          on_connect_reply(id, epoch, adapter_path, attempt, e);
        });
  } catch (const sdbus::Error& e) {
    release_adapter(a);
    fail(c, FailureKind::kOther, e.getMessage());
    return false;
  }
  kick();
  return true;
}

void ContactLinks::Impl::release_adapter(Adapter& a) {
  a.connecting = false;
  a.want_discovery = true;
  a.discovery_call = false;
  discovery(a, true);
}

void ContactLinks::Impl::on_connect_reply(const ContactId& id, std::uint64_t epoch,
                                          const std::string& adapter_path, std::uint64_t attempt,
                                          const sdbus::Error* error) {
  // The adapter is free again whatever became of the contact meanwhile (removed, restarted):
  // otherwise a stale reply would leave it "connecting" with discovery paused for good.
  auto ait = adapters.find(adapter_path);
  if (ait != adapters.end() && ait->second.connecting && ait->second.attempt == attempt) {
    release_adapter(ait->second);
  }
  auto it = contacts.find(id);
  if (it == contacts.end() || it->second.epoch != epoch) return;
  Contact& c = it->second;
  if (error != nullptr) {
    const auto kind = classify_failure(error->getName(), error->getMessage());
    if (ait != adapters.end() && kind == FailureKind::kBusy &&
        ++ait->second.busy >= kBusyBeforePowerCycle) {
      // We never run two Connects on one adapter: InProgress again and again is a stuck
      // controller (a Connect that never completed), not a busy one.
      power_cycle(ait->second);
    }
    if (ait != adapters.end() && kind == FailureKind::kAdapter) {
      Adapter& a = ait->second;
      // NotReady means it now; timeouts may be the peripheral: power-cycle after a few.
      if (error->getName() == "org.bluez.Error.NotReady" ||
          ++a.timeouts >= config.timeouts_before_power_cycle)
        power_cycle(a);
    }
    ++c.stats.connect_failures;
    fail(c, kind, error->getName() + ": " + error->getMessage());
  } else {
    if (ait != adapters.end()) ait->second.timeouts = ait->second.busy = 0;
    if (c.ever_connected) ++c.stats.reconnects;
    c.ever_connected = true;
    c.over_budget_reported = false;
    set_state(c, LinkState::kConnected, "connected on " + name_of(c.adapter_path));
    maybe_setup_notifications(c);
  }
  schedule();
}

void ContactLinks::Impl::release_slot(Contact& c) {
  c.adapter_path.clear();
  c.device_path.clear();
  c.stream_char.clear();
  c.control_char.clear();
}

void ContactLinks::Impl::fail(Contact& c, FailureKind kind, std::string_view reason) {
  drop_notifications(c);
  ++c.epoch;
  if (kind == FailureKind::kAborted) c.avoid_adapter = c.adapter_path;
  release_slot(c);
  ++c.attempt;
  const auto delay = retry_delay(ladder, kind, c.attempt, jitter_draw());
  set_state(c, LinkState::kBackoff, reason);
  c.waiting_retry = true;
  if (!c.timer) c.timer = std::make_unique<boost::asio::steady_timer>(io);
  c.timer->expires_after(delay);
  const auto id = c.id;
  const auto epoch = c.epoch;
  c.timer->async_wait([this, id, epoch](const boost::system::error_code& ec) {
    if (ec) return;
    auto it = contacts.find(id);
    if (it == contacts.end() || it->second.epoch != epoch) return;
    it->second.waiting_retry = false;
    schedule();
  });
}

void ContactLinks::Impl::check_links() {
  const auto now = Clock::now();
  for (auto& [id, c] : contacts) {
    if (c.state == LinkState::kStreaming && now - c.last_packet > config.silence_timeout) {
      // Connected but silent: the link is dead whatever BlueZ says. Drop it and start over.
      const auto dev = c.device_path;
      fail(c, FailureKind::kLinkLost, "no packets: link dead");
      try {
        proxy(dev)
            .callMethodAsync("Disconnect")
            .onInterface(kDeviceItf)
            .uponReplyInvoke([](const sdbus::Error*) {});
      } catch (const sdbus::Error& e) {
        log_line("Disconnect: %s", e.getMessage().c_str());
      }
    }
  }
  for (auto& [path, a] : adapters) {
    // Check that discovery really resumed after a connection attempt.
    const auto& mirror = objects.adapters[path];
    if (a.want_discovery && !a.connecting && !a.power_cycling && !a.discovery_call &&
        mirror.powered && !mirror.discovering && now - a.last_discovery_try > kDiscoveryRetry)
      discovery(a, true);
  }
}

void ContactLinks::Impl::tick() {
  guarded("tick", [&] { check_links(); });
  schedule();
  kick();
  tick_timer.expires_after(kTick);
  tick_timer.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) tick();
  });
}

}  // namespace r3::bluez
