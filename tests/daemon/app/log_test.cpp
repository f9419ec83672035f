#include "daemon/app/log.hpp"

#include <gtest/gtest.h>

namespace r3::app {
namespace {

class TheLog : public ::testing::Test {
 protected:
  void TearDown() override { set_log_level(LogLevel::kInfo); }
};

TEST_F(TheLog, PrefixesEachLineWithItsJournaldPriority) {
  set_log_level(LogLevel::kDebug);
  ::testing::internal::CaptureStderr();
  log_error("e");
  log_warning("w");
  log_info("i");
  log_debug("d");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "<3>e\n<4>w\n<6>i\n<7>d\n");
}

TEST_F(TheLog, DropsWhatIsBelowTheConfiguredLevel) {
  set_log_level(LogLevel::kWarning);
  ::testing::internal::CaptureStderr();
  log_debug("d");
  log_info("i");
  log_warning("w");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "<4>w\n");
  EXPECT_FALSE(log_enabled(LogLevel::kInfo));
  EXPECT_TRUE(log_enabled(LogLevel::kError));
}

}  // namespace
}  // namespace r3::app
