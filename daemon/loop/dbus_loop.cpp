#include "daemon/loop/dbus_loop.hpp"

#include <poll.h>
#include <sdbus-c++/Error.h>

#include <boost/asio/post.hpp>
#include <chrono>
#include <cstdio>

namespace r3::loop {

namespace {
// Bounded so a flood of messages (StartNotify at kHz) cannot starve the loop's other handlers.
constexpr int kMaxMessagesPerRound = 256;
}  // namespace

DbusLoop::DbusLoop(boost::asio::io_context& io, sdbus::IConnection& connection)
    : io_(io), connection_(connection), fd_(io), timer_(io) {
  kick();
}

DbusLoop::~DbusLoop() {
  *alive_ = false;
  try {
    boost::system::error_code ec;
    fd_.cancel(ec);
    // sd-bus owns the descriptor: release it, never close it.
    if (fd_.is_open()) (void)fd_.release();
    timer_.cancel();
  } catch (const boost::system::system_error&) {
    // Nothing left to do: the handlers see alive_ == false and return.
  }
}

void DbusLoop::kick() {
  if (kick_pending_) return;
  kick_pending_ = true;
  boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
    auto a = alive.lock();
    if (!a || !*a) return;
    kick_pending_ = false;
    process();
  });
}

void DbusLoop::process() {
  try {
    int n = 0;
    while (connection_.processPendingRequest()) {
      if (++n >= kMaxMessagesPerRound) {
        kick();  // more may be queued: continue after other handlers had a turn
        break;
      }
    }
  } catch (const sdbus::Error& e) {
    std::fprintf(stderr, "dbus loop: %s: %s\n", e.getName().c_str(), e.getMessage().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dbus loop: %s\n", e.what());
  }
  arm();
}

void DbusLoop::arm() {
  sdbus::IConnection::PollData pd{};
  try {
    pd = connection_.getEventLoopPollData();
  } catch (const sdbus::Error& e) {
    std::fprintf(stderr, "dbus loop: poll data: %s\n", e.getMessage().c_str());
    return;
  }
  if (!fd_.is_open()) {
    boost::system::error_code ec;
    fd_.assign(pd.fd, ec);  // never throw out of an Asio handler
    if (ec) {
      std::fprintf(stderr, "dbus loop: cannot watch the bus fd: %s\n", ec.message().c_str());
      return;
    }
  }
  std::weak_ptr<bool> alive = alive_;
  if ((pd.events & POLLIN) != 0 && !read_pending_) {
    read_pending_ = true;
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                   [this, alive](const boost::system::error_code& ec) {
                     auto a = alive.lock();
                     if (!a || !*a) return;
                     read_pending_ = false;
                     if (ec == boost::asio::error::operation_aborted) return;
                     process();
                   });
  }
  if ((pd.events & POLLOUT) != 0 && !write_pending_) {
    write_pending_ = true;
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_write,
                   [this, alive](const boost::system::error_code& ec) {
                     auto a = alive.lock();
                     if (!a || !*a) return;
                     write_pending_ = false;
                     if (ec == boost::asio::error::operation_aborted) return;
                     process();
                   });
  }
  const auto rel = pd.getRelativeTimeout();
  if (!rel) {
    timer_.cancel();
    return;
  }
  if (rel->count() <= 0) {
    kick();  // messages already queued inside sd-bus: the fd will not wake us for them
    return;
  }
  timer_.expires_after(*rel);
  timer_.async_wait([this, alive](const boost::system::error_code& ec) {
    auto a = alive.lock();
    if (!a || !*a || ec) return;
    process();
  });
}

}  // namespace r3::loop
