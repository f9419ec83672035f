#include "daemon/mqtt/queue_sync.hpp"

#include "daemon/platform/atomic_file.hpp"

namespace r3::mqtt {

QueueSync::QueueSync(boost::asio::io_context& io, std::string dir, std::chrono::milliseconds window,
                     LogFn log_error)
    : dir_(std::move(dir)), window_(window), log_error_(std::move(log_error)), timer_(io) {}

void QueueSync::written() {
  if (dir_.empty() || window_.count() < 0) return;
  if (window_.count() == 0) {
    dirty_ = true;
    sync();
    return;
  }
  if (dirty_) return;  // a flush is already due within the window
  dirty_ = true;
  timer_.expires_after(window_);
  // The timer lives in this object: cancelled (never run) once it is gone.
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) sync();
  });
}

void QueueSync::flush() {
  timer_.cancel();
  if (dirty_) sync();
}

void QueueSync::sync() {
  dirty_ = false;
  ++syncs_;
  if (auto error = platform::sync_filesystem_of(dir_); !error.empty()) {
    // Logged once per hundred: a failing disk must not flood the journal.
    if (errors_++ % 100 == 0 && log_error_) log_error_("mqtt: queue flush: " + error);
  }
}

}  // namespace r3::mqtt
