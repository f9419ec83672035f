#pragma once
// The durability window of Paho's on-disk QoS 1 queue. Paho writes one file per queued message
// (in the publishing thread, inside publish()) and never flushes it: without this, a power cut
// loses whatever the kernel had not written back yet (up to ~30 s of reps). QueueSync is a group
// commit, as databases do: the first message of a window arms a timer and, when it fires, one
// syncfs() makes every file written meanwhile durable. Cost: one flush per window while messages
// flow, none when idle. Loss on a power cut: at most the last window's messages (a seq gap).
//   window > 0: group commit every `window`; 0: flush after every message (synchronous, on the
//   loop); < 0: never (the kernel's writeback only).

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace r3::mqtt {

class QueueSync {
 public:
  using LogFn = std::function<void(const std::string&)>;
  QueueSync(boost::asio::io_context& io, std::string dir, std::chrono::milliseconds window,
            LogFn log_error);

  // A message was just handed to the client (its file written).
  void written();
  // Flush now what is pending (at stop).
  void flush();

  [[nodiscard]] std::uint64_t syncs() const { return syncs_; }
  [[nodiscard]] std::uint64_t errors() const { return errors_; }

 private:
  void sync();
  std::string dir_;
  std::chrono::milliseconds window_;
  LogFn log_error_;
  boost::asio::steady_timer timer_;
  bool dirty_ = false;
  std::uint64_t syncs_ = 0;
  std::uint64_t errors_ = 0;
};

}  // namespace r3::mqtt
