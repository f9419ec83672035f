#pragma once
// Drives an sdbus-c++ 1.2 connection from a boost::asio::io_context, on the loop's one thread.
// sdbus-c++ 1.2 has no wake-up fd: after any sdbus call made OUTSIDE an sdbus callback (a method
// call, a signal emitted, an object registered), call kick(), or queued messages may stall.

#include <sdbus-c++/IConnection.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

namespace r3::loop {

class DbusLoop {
 public:
  // Borrows both; the connection must outlive this object. Starts watching at once.
  DbusLoop(boost::asio::io_context& io, sdbus::IConnection& connection);
  ~DbusLoop();
  DbusLoop(const DbusLoop&) = delete;
  DbusLoop& operator=(const DbusLoop&) = delete;

  // Schedules a round of processing plus re-arming on the loop (coalesced: cheap to call often).
  void kick();

  [[nodiscard]] sdbus::IConnection& connection() { return connection_; }
  [[nodiscard]] boost::asio::io_context& io() { return io_; }

 private:
  void process();
  void arm();

  boost::asio::io_context& io_;
  sdbus::IConnection& connection_;
  boost::asio::posix::stream_descriptor fd_;
  boost::asio::steady_timer timer_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  bool read_pending_ = false;
  bool write_pending_ = false;
  bool kick_pending_ = false;
};

}  // namespace r3::loop
