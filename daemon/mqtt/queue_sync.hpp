#pragma once
// The durability window of Paho's on-disk QoS 1 queue. Paho writes one file per queued message
// (in the publishing thread, inside publish()) and never flushes it: without this, a power cut
// loses whatever the kernel had not written back yet (up to ~30 s of reps). QueueSync is a group
// commit, as databases do: the first message of a window wakes a flusher thread which, `window`
// later, makes every file written meanwhile durable with one syncfs(). The flush runs off the
// loop thread: it can take seconds on a busy disk (measured: 3 s on a shared VM) and the loop
// must never wait for it. Loss on a power cut: at most the last window's messages plus the
// flush in progress (a seq gap). Nothing is flushed while idle.
//   window > 0: group commit every `window`; 0: a flush right after every message; < 0: never
//   (the kernel's writeback only).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace r3::mqtt {

class QueueSync {
 public:
  using LogFn = std::function<void(const std::string&)>;
  // `log_error` is called on the caller's thread (from written() and flush()), never the flusher's.
  QueueSync(std::string dir, std::chrono::milliseconds window, LogFn log_error);
  ~QueueSync();
  QueueSync(const QueueSync&) = delete;
  QueueSync& operator=(const QueueSync&) = delete;

  // A message was just handed to the client (its file written). Never blocks on the disk.
  void written();
  // Flushes now what is pending and waits for it (at stop).
  void flush();

  [[nodiscard]] std::uint64_t syncs() const { return syncs_; }
  [[nodiscard]] std::uint64_t errors() const { return errors_; }

 private:
  void run();
  void sync_once();
  void report_errors();

  std::string dir_;
  std::chrono::milliseconds window_;
  LogFn log_error_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool dirty_ = false;  // a message written since the flusher last started a flush
  bool stopping_ = false;
  std::string last_error_;  // under mutex_
  std::atomic<std::uint64_t> syncs_{0};
  std::atomic<std::uint64_t> errors_{0};
  std::uint64_t errors_reported_ = 0;  // caller's thread only
  std::thread flusher_;                // last: started once everything above exists
};

}  // namespace r3::mqtt
