// Notifications: AcquireNotify sockets, the StartNotify fallback, the start command, packets.
#include <boost/asio/post.hpp>

#include "core/protocol/gatt_profile.hpp"
#include "daemon/bluez/links_impl.hpp"

namespace r3::bluez {

namespace {
// EOF and the Connected=false signal race; wait a moment before calling an EOF a bad peripheral.
constexpr auto kEofGrace = std::chrono::milliseconds(300);

double monotonic_s() {
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}
}  // namespace

void ContactLinks::Impl::maybe_setup_notifications(Contact& c) {
  if (c.state != LinkState::kConnected || c.streaming_requested) return;
  auto dev = objects.devices.find(c.device_path);
  if (dev == objects.devices.end() || !dev->second.services_resolved) return;
  // ServicesResolved may come before the GATT objects: wait for both characteristics.
  const auto* stream =
      objects.find_characteristic(c.device_path, core::gatt::kStreamCharacteristic);
  const auto* control =
      objects.find_characteristic(c.device_path, core::gatt::kControlCharacteristic);
  if (stream == nullptr || control == nullptr) return;
  c.stream_char = stream->path;
  c.control_char = control->path;
  c.streaming_requested = true;
  c.have_sequence = false;
  c.last_packet = Clock::now();
  if (dev->second.battery) {
    c.stats.battery_percent = dev->second.battery;
    listener.on_battery(c.id, *dev->second.battery);
  }
  if (config.use_acquire_notify && !c.acquire_broken)
    acquire_notify(c);
  else
    start_notify(c);
}

void ContactLinks::Impl::acquire_notify(Contact& c) {
  const auto id = c.id;
  const auto epoch = c.epoch;
  try {
    proxy(c.stream_char)
        .callMethodAsync("AcquireNotify")
        .onInterface(kCharItf)
        .withArguments(Properties{})
        .uponReplyInvoke([this, id, epoch](const sdbus::Error* e, sdbus::UnixFd fd, std::uint16_t) {
          auto it = contacts.find(id);
          if (it == contacts.end() || it->second.epoch != epoch) return;
          Contact& ct = it->second;
          if (e != nullptr) {
            log_line("%s AcquireNotify: %s: falling back to StartNotify", id.c_str(),
                     e->getMessage().c_str());
            ct.acquire_broken = true;
            start_notify(ct);
            return;
          }
          Contact* cp = &ct;  // std::map nodes are stable and contacts are never erased
          ct.socket = std::make_unique<NotifySocket>(
              io, fd.release(), [this, cp](std::span<const std::uint8_t> b) { on_packet(*cp, b); },
              [this, id, epoch, alive = std::weak_ptr<bool>(alive)] {
                // Not from inside the socket's own callback: it is about to be destroyed.
                boost::asio::post(io, [this, id, epoch, alive] {
                  if (alive.expired()) return;  // the links were destroyed meanwhile
                  auto ci = contacts.find(id);
                  if (ci == contacts.end() || ci->second.epoch != epoch) return;
                  ci->second.socket.reset();
                  auto t = std::make_shared<boost::asio::steady_timer>(io, kEofGrace);
                  t->async_wait([this, t, id, epoch, alive](const boost::system::error_code&) {
                    if (alive.expired()) return;
                    auto cj = contacts.find(id);
                    if (cj == contacts.end() || cj->second.epoch != epoch) return;
                    Contact& cc = cj->second;
                    log_line("%s AcquireNotify socket ended early: StartNotify from now on",
                             id.c_str());
                    cc.acquire_broken = true;
                    start_notify(cc);
                  });
                });
              });
          ct.path = NotifyPath::kAcquireNotify;
          start_streaming(ct);
        });
  } catch (const sdbus::Error& e) {
    fail(c, FailureKind::kOther, e.getMessage());
  }
  kick();
}

void ContactLinks::Impl::start_notify(Contact& c) {
  const auto id = c.id;
  const auto epoch = c.epoch;
  by_stream_char[c.stream_char] = id;
  try {
    proxy(c.stream_char)
        .callMethodAsync("StartNotify")
        .onInterface(kCharItf)
        .uponReplyInvoke([this, id, epoch](const sdbus::Error* e) {
          auto it = contacts.find(id);
          if (it == contacts.end() || it->second.epoch != epoch) return;
          if (e != nullptr) {
            fail(it->second, classify_failure(e->getName(), e->getMessage()),
                 "StartNotify: " + e->getMessage());
            return;
          }
          it->second.path = NotifyPath::kStartNotify;
          start_streaming(it->second);
        });
  } catch (const sdbus::Error& e) {
    fail(c, FailureKind::kOther, e.getMessage());
  }
  kick();
}

void ContactLinks::Impl::start_streaming(Contact& c) {
  const std::vector<std::uint8_t> cmd = {1, config.rate_code, config.samples_per_packet};
  const auto id = c.id;
  const auto epoch = c.epoch;
  try {
    proxy(c.control_char)
        .callMethodAsync("WriteValue")
        .onInterface(kCharItf)
        .withArguments(cmd, Properties{{"type", sdbus::Variant(std::string("request"))}})
        .uponReplyInvoke([this, id, epoch](const sdbus::Error* e) {
          auto it = contacts.find(id);
          if (it == contacts.end() || it->second.epoch != epoch) return;
          Contact& c2 = it->second;
          if (e != nullptr) {
            fail(c2, classify_failure(e->getName(), e->getMessage()), "start: " + e->getMessage());
            return;
          }
          c2.last_packet = Clock::now();
          c2.attempt = 0;
          set_state(c2, LinkState::kStreaming, to_string(c2.path));
        });
  } catch (const sdbus::Error& e) {
    fail(c, FailureKind::kOther, e.getMessage());
  }
  kick();
}

void ContactLinks::Impl::on_packet(Contact& c, std::span<const std::uint8_t> bytes) {
  ++c.stats.packets;
  c.stats.bytes += bytes.size();
  c.last_packet = Clock::now();
  // Sequence gaps from the header (u16 at [2..3]) of well-formed version-1 packets only.
  if (bytes.size() >= 6 && bytes[0] == 1) {
    const auto seq = static_cast<std::uint16_t>(bytes[2] | (bytes[3] << 8));
    if (c.have_sequence) {
      const auto gap = static_cast<std::uint16_t>(seq - c.last_sequence - 1U);
      if (gap != 0 && gap < 0x8000U) {
        ++c.stats.sequence_gaps;
        c.stats.packets_missing += gap;
      }
    }
    c.last_sequence = seq;
    c.have_sequence = true;
  }
  listener.on_packet(c.id, bytes, monotonic_s());
}

void ContactLinks::Impl::on_value(const std::string& char_path, const Properties& changed) {
  auto it = by_stream_char.find(char_path);
  if (it == by_stream_char.end()) return;
  auto v = changed.find("Value");
  if (v == changed.end() || !v->second.containsValueOfType<std::vector<std::uint8_t>>()) return;
  auto c = contacts.find(it->second);
  if (c == contacts.end() || c->second.path != NotifyPath::kStartNotify) return;
  const auto bytes = v->second.get<std::vector<std::uint8_t>>();
  on_packet(c->second, bytes);
}

void ContactLinks::Impl::drop_notifications(Contact& c) {
  c.socket.reset();
  if (!c.stream_char.empty()) by_stream_char.erase(c.stream_char);
  c.path = NotifyPath::kNone;
  c.streaming_requested = false;
  c.have_sequence = false;
}

bool ContactLinks::Impl::write_control(const ContactId& id, std::span<const std::uint8_t> bytes) {
  auto it = contacts.find(id);
  if (it == contacts.end() || it->second.control_char.empty()) return false;
  const std::vector<std::uint8_t> v(bytes.begin(), bytes.end());
  try {
    proxy(it->second.control_char)
        .callMethodAsync("WriteValue")
        .onInterface(kCharItf)
        .withArguments(v, Properties{{"type", sdbus::Variant(std::string("request"))}})
        .uponReplyInvoke([id](const sdbus::Error* e) {
          if (e != nullptr) log_line("%s control write: %s", id.c_str(), e->getMessage().c_str());
        });
  } catch (const sdbus::Error& e) {
    log_line("%s control write: %s", id.c_str(), e.getMessage().c_str());
    return false;
  }
  kick();
  return true;
}

}  // namespace r3::bluez
