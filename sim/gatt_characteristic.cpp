#include "sim/gatt_characteristic.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>

#include "sim/bluez_api.hpp"

namespace r3::sim {

using Options = std::map<std::string, sdbus::Variant>;

GattCharacteristic::GattCharacteristic(sdbus::IConnection& bus, boost::asio::io_context& io,
                                       CharacteristicSpec spec)
    : io_(io), spec_(std::move(spec)), object_(sdbus::createObject(bus, spec_.path)) {
  const char* itf = bluez::kGattCharacteristic;
  auto has = [this](const char* f) {
    return std::find(spec_.flags.begin(), spec_.flags.end(), f) != spec_.flags.end();
  };
  auto& o = *object_;
  o.registerMethod("ReadValue")
      .onInterface(itf)
      .withInputParamNames("options")
      .withOutputParamNames("value")
      .implementedAs([this, has](const Options&) {
        if (!has("read")) throw sdbus::Error(bluez::kErrNotPermitted, "Read not permitted");
        return spec_.value;
      });
  o.registerMethod("WriteValue")
      .onInterface(itf)
      .withInputParamNames("value", "options")
      .implementedAs([this, has](const std::vector<std::uint8_t>& v, const Options&) {
        if (!has("write") && !has("write-without-response"))
          throw sdbus::Error(bluez::kErrNotPermitted, "Write not permitted");
        if (spec_.on_write) spec_.on_write(v);
      });
  // Notify sessions are per client, as in bluetoothd: Notifying while any client has one.
  auto sender = [this] { return object_->getCurrentlyProcessedMessage()->getSender(); };
  o.registerMethod("StartNotify").onInterface(itf).implementedAs([this, has, sender]() {
    if (!has("notify")) throw sdbus::Error(bluez::kErrNotSupported, "Operation is not supported");
    if (socket_) throw sdbus::Error(bluez::kErrNotPermitted, "Notify acquired");
    notify_clients_.insert(sender());
    set_notifying(true);
  });
  o.registerMethod("StopNotify").onInterface(itf).implementedAs([this, sender]() {
    if (notify_clients_.erase(sender()) == 0)
      throw sdbus::Error(bluez::kErrFailed, "No notify session started");
    set_notifying(!notify_clients_.empty());
  });
  o.registerMethod("AcquireNotify")
      .onInterface(itf)
      .withInputParamNames("options")
      .withOutputParamNames("fd", "mtu")
      .implementedAs([this, has](const Options&) {
        if (!has("notify"))
          throw sdbus::Error(bluez::kErrNotSupported, "Operation is not supported");
        if (socket_) throw sdbus::Error(bluez::kErrNotPermitted, "Notify acquired");
        if (notifying_) throw sdbus::Error(bluez::kErrInProgress, "In Progress");
        return acquire_notify();
      });
  o.registerMethod("AcquireWrite")
      .onInterface(itf)
      .withInputParamNames("options")
      .withOutputParamNames("fd", "mtu")
      .implementedAs([this, has](const Options&) {
        if (!has("write-without-response"))
          throw sdbus::Error(bluez::kErrNotSupported, "Operation is not supported");
        if (write_socket_) throw sdbus::Error(bluez::kErrNotPermitted, "Write acquired");
        return acquire_write();
      });
  o.registerProperty("UUID").onInterface(itf).withGetter([this] { return spec_.uuid; });
  o.registerProperty("Service").onInterface(itf).withGetter(
      [this] { return sdbus::ObjectPath(spec_.service_path); });
  o.registerProperty("Value").onInterface(itf).withGetter([this] { return spec_.value; });
  o.registerProperty("Flags").onInterface(itf).withGetter([this] { return spec_.flags; });
  o.registerProperty("MTU").onInterface(itf).withGetter([] { return kMtu; });
  if (has("write-without-response")) {
    o.registerProperty("WriteAcquired").onInterface(itf).withGetter([this] {
      return static_cast<bool>(write_socket_);
    });
  }
  if (has("notify")) {
    o.registerProperty("Notifying").onInterface(itf).withGetter([this] { return notifying_; });
    o.registerProperty("NotifyAcquired").onInterface(itf).withGetter([this] {
      return static_cast<bool>(socket_);
    });
  }
  o.finishRegistration();
}

GattCharacteristic::~GattCharacteristic() {
  *alive_ = false;
  close_socket();
  if (write_socket_) {
    boost::system::error_code ec;
    write_socket_->close(ec);
  }
}

void GattCharacteristic::announce() {
  object_->emitInterfacesAddedSignal({bluez::kGattCharacteristic});
}
void GattCharacteristic::withdraw() {
  object_->emitInterfacesRemovedSignal({bluez::kGattCharacteristic});
}

std::tuple<sdbus::UnixFd, std::uint16_t> GattCharacteristic::acquire_notify() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
    throw sdbus::Error(bluez::kErrFailed, "socketpair failed");
  socket_ = std::make_unique<boost::asio::posix::stream_descriptor>(io_, fds[0]);
  socket_packets_ = 0;
  watch_socket();
  // The reply carries a duplicate of the client's end; ours is closed once it is sent.
  sdbus::UnixFd client(fds[1], sdbus::adopt_fd);
  object_->emitPropertiesChangedSignal(bluez::kGattCharacteristic, {"NotifyAcquired"});
  return {std::move(client), kMtu};
}

std::tuple<sdbus::UnixFd, std::uint16_t> GattCharacteristic::acquire_write() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
    throw sdbus::Error(bluez::kErrFailed, "socketpair failed");
  write_socket_ = std::make_unique<boost::asio::posix::stream_descriptor>(io_, fds[0]);
  read_writes();
  object_->emitPropertiesChangedSignal(bluez::kGattCharacteristic, {"WriteAcquired"});
  return {sdbus::UnixFd(fds[1], sdbus::adopt_fd), kMtu};
}

// Each datagram the client writes is one write-without-response; EOF releases the socket.
void GattCharacteristic::read_writes() {
  write_socket_->async_wait(
      boost::asio::posix::stream_descriptor::wait_read,
      [this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
        auto a = alive.lock();
        if (!a || !*a || ec || !write_socket_) return;
        std::uint8_t buf[kMtu];
        const auto n = ::recv(write_socket_->native_handle(), buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0 || (n < 0 && errno == EAGAIN)) {
          if (n > 0 && spec_.on_write) {
            try {
              spec_.on_write(std::span<const std::uint8_t>(buf, static_cast<std::size_t>(n)));
            } catch (const sdbus::Error&) {
              // No reply channel on this path: a bad command is dropped, as by the peripheral.
            }
          }
          read_writes();
          return;
        }
        boost::system::error_code ignored;
        write_socket_->close(ignored);
        write_socket_.reset();
        object_->emitPropertiesChangedSignal(bluez::kGattCharacteristic, {"WriteAcquired"});
      });
}

// The client closing its end (or exiting) is how bluetoothd learns the subscription ended.
void GattCharacteristic::watch_socket() {
  socket_->async_wait(
      boost::asio::posix::stream_descriptor::wait_read,
      [this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
        auto a = alive.lock();
        if (!a || !*a || ec || !socket_) return;
        char buf[16];
        const auto n = ::recv(socket_->native_handle(), buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0 || (n < 0 && errno == EAGAIN)) {
          watch_socket();
          return;
        }
        close_socket();
        object_->emitPropertiesChangedSignal(bluez::kGattCharacteristic, {"NotifyAcquired"});
      });
}

void GattCharacteristic::close_socket() {
  backlog_.clear();
  if (!socket_) return;
  boost::system::error_code ec;
  socket_->close(ec);
  socket_.reset();
}

namespace {
constexpr std::size_t kMaxBacklog = 4096;
}  // namespace

bool GattCharacteristic::send_one(std::span<const std::uint8_t> bytes) {
  const auto n =
      ::send(socket_->native_handle(), bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  if (n >= 0) {
    if (spec_.acquire_eof_after > 0 && ++socket_packets_ >= spec_.acquire_eof_after) {
      close_socket();  // the misbehaving peripheral: the socket ends, the link stays
      object_->emitPropertiesChangedSignal(bluez::kGattCharacteristic, {"NotifyAcquired"});
    }
    return true;
  }
  if (errno == EAGAIN || errno == EWOULDBLOCK) return false;
  close_socket();  // the client went away
  object_->emitPropertiesChangedSignal(bluez::kGattCharacteristic, {"NotifyAcquired"});
  return true;
}

void GattCharacteristic::notify(std::span<const std::uint8_t> bytes) {
  if (socket_) {
    while (socket_ && !backlog_.empty() && send_one(backlog_.front())) backlog_.pop_front();
    if (socket_ && backlog_.empty() && send_one(bytes)) return;
    if (!socket_) return;
    if (backlog_.size() >= kMaxBacklog) {
      ++dropped_;  // far behind: the notification is lost, as over the air
      return;
    }
    backlog_.emplace_back(bytes.begin(), bytes.end());
    return;
  }
  if (!notifying_) return;
  spec_.value.assign(bytes.begin(), bytes.end());
  object_->emitPropertiesChangedSignal(bluez::kGattCharacteristic, {"Value"});
}

void GattCharacteristic::end_notifications() {
  close_socket();
  notify_clients_.clear();
  notifying_ = false;
}

void GattCharacteristic::set_notifying(bool on) {
  if (on == notifying_) return;
  notifying_ = on;
  object_->emitPropertiesChangedSignal(bluez::kGattCharacteristic, {"Notifying"});
}

void GattCharacteristic::client_gone(const std::string& name) {
  if (notify_clients_.erase(name) != 0) set_notifying(!notify_clients_.empty());
}

}  // namespace r3::sim
