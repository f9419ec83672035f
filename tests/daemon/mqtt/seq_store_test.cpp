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

TEST_F(ASeqStore, SkipsADamagedLineAndKeepsEveryoneAboveWhatItSaw) {
  std::ofstream(path_) << "a 10\ngarbage line here\nb/x 3\n";
  SeqStore s(path_);
  EXPECT_EQ(s.load_errors(), 2U);
  EXPECT_EQ(s.next("a"), 11U);
  EXPECT_GT(s.next("new-user"), 10U);  // it may have been on the damaged line
}

TEST_F(ASeqStore, KeepsCountingInMemoryWhenTheFileCannotBeWritten) {
  SeqStore s(dir_ + "/missing-dir/seq.txt");
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
