#include "daemon/mqtt/queue_sync.hpp"

#include "daemon/platform/atomic_file.hpp"

namespace r3::mqtt {

QueueSync::QueueSync(std::string dir, std::chrono::milliseconds window, LogFn log_error)
    : dir_(std::move(dir)), window_(window), log_error_(std::move(log_error)) {
  if (!dir_.empty() && window_.count() >= 0) flusher_ = std::thread([this] { run(); });
}

QueueSync::~QueueSync() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (flusher_.joinable()) flusher_.join();  // it flushes what is pending first
}

void QueueSync::written() {
  if (!flusher_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    if (dirty_) return;  // a flush is already due within the window
    dirty_ = true;
  }
  wake_.notify_all();
  report_errors();
}

void QueueSync::flush() {
  if (!flusher_.joinable()) return;
  bool pending = false;
  {
    const std::lock_guard lock(mutex_);
    pending = dirty_;
    dirty_ = false;
  }
  if (pending) sync_once();
  report_errors();
}

void QueueSync::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return dirty_ || stopping_; });
    if (!dirty_) return;  // stopping with nothing pending
    // Gather the window: every message written until it ends rides on this one flush.
    if (window_.count() > 0 && !stopping_) {
      wake_.wait_for(lock, window_, [this] { return stopping_; });
    }
    dirty_ = false;
    lock.unlock();
    sync_once();
    lock.lock();
  }
}

void QueueSync::sync_once() {
  auto error = platform::sync_filesystem_of(dir_);
  ++syncs_;
  if (!error.empty()) {
    const std::lock_guard lock(mutex_);
    last_error_ = std::move(error);
    ++errors_;
  }
}

void QueueSync::report_errors() {
  const auto errors = errors_.load();
  if (errors == errors_reported_) return;
  // Once per hundred: a failing disk must not flood the journal.
  if (errors_reported_ / 100 != errors / 100 || errors_reported_ == 0) {
    std::string message;
    {
      const std::lock_guard lock(mutex_);
      message = last_error_;
    }
    if (log_error_) {
      log_error_("mqtt: queue flush failed (" + std::to_string(errors) + " so far): " + message);
    }
  }
  errors_reported_ = errors;
}

}  // namespace r3::mqtt
