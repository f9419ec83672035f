#include "daemon/mqtt/seq_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::mqtt {
namespace {

class ASeqStore : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_ = test::make_temp_dir();
  std::string path_ = dir_ + "/seq.txt";
};

TEST_F(ASeqStore, CountsEachUserFromOne) {
  SeqStore s(path_);
  EXPECT_EQ(s.next("a"), 1U);
  EXPECT_EQ(s.next("a"), 2U);
  EXPECT_EQ(s.next("b"), 1U);
  EXPECT_EQ(s.current("a"), 2U);
  EXPECT_EQ(s.current("nobody"), 0U);
}

TEST_F(ASeqStore, ContinuesWhereTheLastRunStopped) {
  {
    SeqStore s(path_);
    for (int i = 0; i < 5; ++i) s.next("a");
    s.next("b");
  }
  SeqStore again(path_);
  EXPECT_EQ(again.next("a"), 6U);
  EXPECT_EQ(again.next("b"), 2U);
  EXPECT_EQ(again.load_errors(), 0U);
}

TEST_F(ASeqStore, FlushesOncePerBlockNotPerNumber) {
  SeqStore s(path_, {.block = 100});
  for (int i = 0; i < 250; ++i) s.next("a");
  EXPECT_EQ(s.flushes(), 3U);  // marks 100, 200, 300
  EXPECT_EQ(test::read_file(path_), "r3-seq 1\na 300\nend 1\n");
}

TEST_F(ASeqStore, AfterACrashContinuesAboveTheReservedMark) {
  std::string crashed;
  {
    SeqStore s(path_, {.block = 100});
    for (int i = 0; i < 42; ++i) s.next("a");
    crashed = test::read_file(path_);  // what the disk holds at a kill -9
  }                                    // the destructor's clean flush, which a kill -9 never runs:
  std::ofstream(path_, std::ios::trunc) << crashed;
  SeqStore again(path_, {.block = 100});
  EXPECT_EQ(again.next("a"), 101U);
  EXPECT_EQ(again.load_errors(), 0U);
}

TEST_F(ASeqStore, TreatsAnEmptyFileAsDamageAndContinuesAboveTheRecoveryFloor) {
  std::ofstream(path_).flush();
  SeqStore s(path_, {.block = 100, .recovery_floor = 5000});
  EXPECT_EQ(s.load_errors(), 1U);
  EXPECT_NE(s.last_error().find("empty"), std::string::npos) << s.last_error();
  EXPECT_EQ(s.next("a"), 5001U);
}

TEST_F(ASeqStore, RecoversAboveTheWallClockByDefault) {
  std::ofstream(path_).flush();
  SeqStore s(path_);
  EXPECT_GT(s.next("a"), 1'700'000'000'000U);  // ms since 1970, Nov 2023
}

TEST_F(ASeqStore, TreatsATornFileAsDamage) {
  std::ofstream(path_) << "r3-seq 1\na 3000\nb 20";  // cut in the middle of "b 2000"
  SeqStore s(path_, {.block = 100, .recovery_floor = 10});
  EXPECT_EQ(s.load_errors(), 1U);
  EXPECT_NE(s.last_error().find("torn"), std::string::npos) << s.last_error();
  EXPECT_GT(s.next("b"), 3000U);  // above the highest number seen anywhere
}

TEST_F(ASeqStore, KeepsTheRecoveryFloorForUsersNotYetSeen) {
  std::ofstream(path_).flush();
  { SeqStore s(path_, {.block = 100, .recovery_floor = 5000}); }
  SeqStore again(path_, {.block = 100, .recovery_floor = 1});
  EXPECT_EQ(again.load_errors(), 0U);
  EXPECT_EQ(again.next("late-user"), 5001U);
}

TEST_F(ASeqStore, SkipsADamagedLineAndKeepsEveryoneAboveWhatItSaw) {
  std::ofstream(path_) << "r3-seq 1\na 10\ngarbage line here\nb/x 3\nend 3\n";
  SeqStore s(path_, {.block = 100, .recovery_floor = 1});
  EXPECT_EQ(s.load_errors(), 1U);
  EXPECT_EQ(s.next("a"), 111U);
  EXPECT_GT(s.next("new-user"), 10U);  // it may have been on the damaged line
}

TEST_F(ASeqStore, ReadsTheOldFormatWithAMarginForItsMissingFsync) {
  std::ofstream(path_) << "a 10\nb 3\n";
  SeqStore s(path_, {.block = 100});
  EXPECT_EQ(s.load_errors(), 0U);
  EXPECT_EQ(s.next("a"), 111U);
  EXPECT_EQ(s.next("b"), 104U);
}

TEST_F(ASeqStore, KeepsCountingInMemoryWhenTheFileCannotBeWritten) {
  SeqStore s(dir_ + "/missing-dir/seq.txt", {.block = 1});
  EXPECT_EQ(s.next("a"), 1U);
  EXPECT_EQ(s.next("a"), 2U);
  EXPECT_EQ(s.save_errors(), 2U);
  EXPECT_FALSE(s.last_error().empty());
}

TEST_F(ASeqStore, WorksWithoutAFileAtAll) {
  SeqStore s("");
  EXPECT_EQ(s.next("a"), 1U);
  EXPECT_EQ(s.save_errors(), 0U);
}

}  // namespace
}  // namespace r3::mqtt
