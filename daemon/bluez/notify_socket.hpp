#pragma once
// Reads an AcquireNotify socket (SOCK_SEQPACKET): one datagram per notification, on the Asio loop.
// EOF or an error ends it: the link dropped, or the peripheral mishandles AcquireNotify.

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>

namespace r3::bluez {

class NotifySocket {
 public:
  using PacketFn = std::function<void(std::span<const std::uint8_t>)>;
  using EndFn = std::function<void()>;

  // Takes ownership of fd. on_end is called once, never after the destructor.
  NotifySocket(boost::asio::io_context& io, int fd, PacketFn on_packet, EndFn on_end);
  ~NotifySocket();
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

 private:
  void wait();
  void drain();

  boost::asio::posix::stream_descriptor fd_;
  PacketFn on_packet_;
  EndFn on_end_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace r3::bluez
