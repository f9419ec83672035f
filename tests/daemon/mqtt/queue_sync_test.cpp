#include "daemon/mqtt/queue_sync.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>
#include <thread>

#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::mqtt {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

class AQueueSync : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // Waits (an event, bounded generously: a loaded disk is slow) for `n` flushes.
  static bool syncs_reach(const QueueSync& sync, std::uint64_t n) {
    return test::wait_until([&] { return sync.syncs() >= n; }, 60s);
  }
  std::string dir_ = test::make_temp_dir();
  std::mutex mutex_;
  std::vector<std::string> errors_;
  QueueSync::LogFn log_ = [this](const std::string& m) {
    const std::lock_guard lock(mutex_);
    errors_.push_back(m);
  };
};

TEST_F(AQueueSync, FlushesAWholeWindowOfMessagesAtOnce) {
  QueueSync sync(dir_, 300ms, log_);
  for (int i = 0; i < 100; ++i) sync.written();
  ASSERT_TRUE(syncs_reach(sync, 1));
  std::this_thread::sleep_for(400ms);  // no second flush may follow without a new message
  EXPECT_EQ(sync.syncs(), 1U);
  sync.written();
  ASSERT_TRUE(syncs_reach(sync, 2)) << "the next message opens the next window";
  EXPECT_TRUE(errors_.empty());
}

TEST_F(AQueueSync, NeverMakesTheWriterWaitForTheDisk) {
  QueueSync sync(dir_, 0ms, log_);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) sync.written();
  // 1000 synchronous flushes would take seconds (one syncfs took 3 s on a busy VM).
  EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
  ASSERT_TRUE(syncs_reach(sync, 1));
}

TEST_F(AQueueSync, FlushesNothingWhileIdle) {
  QueueSync sync(dir_, 10ms, log_);
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(sync.syncs(), 0U);
}

TEST_F(AQueueSync, NeverFlushesWithANegativeWindowOrWithoutADirectory) {
  QueueSync never(dir_, milliseconds(-1), log_);
  QueueSync memory_only("", 0ms, log_);
  never.written();
  memory_only.written();
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(never.syncs() + memory_only.syncs(), 0U);
}

TEST_F(AQueueSync, FlushesWhatIsPendingAtStop) {
  std::uint64_t syncs = 0;
  {
    QueueSync sync(dir_, std::chrono::hours(1), log_);
    sync.written();
    sync.flush();
    syncs = sync.syncs();
  }
  EXPECT_EQ(syncs, 1U);
}

TEST_F(AQueueSync, LogsAFailingFlushOnTheWritersThread) {
  QueueSync sync(dir_ + "/missing", 0ms, log_);
  sync.written();
  ASSERT_TRUE(syncs_reach(sync, 1));
  ASSERT_TRUE(test::wait_until([&] { return sync.errors() == 1; }, 60s));
  sync.flush();  // reports what the flusher found
  const std::lock_guard lock(mutex_);
  ASSERT_EQ(errors_.size(), 1U);
  EXPECT_NE(errors_.front().find("queue flush failed"), std::string::npos) << errors_.front();
}

}  // namespace
}  // namespace r3::mqtt
