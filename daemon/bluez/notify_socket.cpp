#include "daemon/bluez/notify_socket.hpp"

#include <sys/socket.h>

#include <array>
#include <cerrno>

namespace r3::bluez {

NotifySocket::NotifySocket(boost::asio::io_context& io, int fd, PacketFn on_packet, EndFn on_end)
    : fd_(io, fd), on_packet_(std::move(on_packet)), on_end_(std::move(on_end)) {
  wait();
}

NotifySocket::~NotifySocket() {
  *alive_ = false;
  boost::system::error_code ec;
  fd_.close(ec);
}

void NotifySocket::wait() {
  fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                 [this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
                   auto a = alive.lock();
                   if (!a || !*a) return;
                   if (ec) {
                     if (ec != boost::asio::error::operation_aborted) on_end_();
                     return;
                   }
                   drain();
                 });
}

// Every datagram queued now, then back to waiting: one wake-up can carry many notifications.
void NotifySocket::drain() {
  std::array<std::uint8_t, 1024> buf{};
  std::weak_ptr<bool> alive = alive_;
  for (int i = 0; i < 256; ++i) {
    const auto n = ::recv(fd_.native_handle(), buf.data(), buf.size(), MSG_DONTWAIT);
    if (n > 0) {
      on_packet_(std::span<const std::uint8_t>(buf.data(), static_cast<std::size_t>(n)));
      auto a = alive.lock();  // the callback may have destroyed us
      if (!a || !*a) return;
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    if (n < 0 && errno == EINTR) continue;
    on_end_();  // 0: EOF, the other end closed; <0: the socket broke
    return;
  }
  wait();
}

}  // namespace r3::bluez
