#include "daemon/mqtt/queue_sync.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <filesystem>

#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::mqtt {
namespace {

using std::chrono::milliseconds;

class AQueueSync : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // Runs the loop until `sync` has flushed `n` times (or 30 s pass: a loaded machine is slow).
  void run_until_syncs(const QueueSync& sync, std::uint64_t n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (sync.syncs() < n && std::chrono::steady_clock::now() < deadline) {
      io_.run_for(milliseconds(10));
      io_.restart();
    }
  }
  boost::asio::io_context io_;
  std::string dir_ = test::make_temp_dir();
  std::vector<std::string> errors_;
  QueueSync::LogFn log_ = [this](const std::string& m) { errors_.push_back(m); };
};

TEST_F(AQueueSync, FlushesAWholeWindowOfMessagesAtOnce) {
  QueueSync sync(io_, dir_, milliseconds(50), log_);
  for (int i = 0; i < 100; ++i) sync.written();
  EXPECT_EQ(sync.syncs(), 0U) << "nothing flushed before the window ends";
  run_until_syncs(sync, 1);
  EXPECT_EQ(sync.syncs(), 1U);
  sync.written();
  run_until_syncs(sync, 2);
  EXPECT_EQ(sync.syncs(), 2U) << "the next message opens the next window";
  EXPECT_TRUE(errors_.empty());
}

TEST_F(AQueueSync, FlushesNothingWhileIdle) {
  QueueSync sync(io_, dir_, milliseconds(10), log_);
  io_.run_for(milliseconds(100));
  EXPECT_EQ(sync.syncs(), 0U);
}

TEST_F(AQueueSync, FlushesEveryMessageWithAZeroWindow) {
  QueueSync sync(io_, dir_, milliseconds(0), log_);
  for (int i = 0; i < 3; ++i) sync.written();
  EXPECT_EQ(sync.syncs(), 3U);
}

TEST_F(AQueueSync, NeverFlushesWithANegativeWindowOrWithoutADirectory) {
  QueueSync never(io_, dir_, milliseconds(-1), log_);
  QueueSync memory_only(io_, "", milliseconds(0), log_);
  never.written();
  memory_only.written();
  io_.run_for(milliseconds(50));
  EXPECT_EQ(never.syncs() + memory_only.syncs(), 0U);
}

TEST_F(AQueueSync, FlushesWhatIsPendingAtStop) {
  QueueSync sync(io_, dir_, std::chrono::hours(1), log_);
  sync.written();
  sync.flush();
  EXPECT_EQ(sync.syncs(), 1U);
  sync.flush();
  EXPECT_EQ(sync.syncs(), 1U) << "nothing new to flush";
}

TEST_F(AQueueSync, LogsAFailingFlush) {
  QueueSync sync(io_, dir_ + "/missing", milliseconds(0), log_);
  sync.written();
  ASSERT_EQ(errors_.size(), 1U);
  EXPECT_NE(errors_.front().find("queue flush"), std::string::npos) << errors_.front();
  EXPECT_EQ(sync.errors(), 1U);
}

}  // namespace
}  // namespace r3::mqtt
