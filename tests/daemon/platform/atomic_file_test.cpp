#include "daemon/platform/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace r3::platform {
namespace {

class AnAtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/r3-atomic-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(AnAtomicFile, ReplacesTheWholeContentAndLeavesNoTemporaryFile) {
  const auto path = dir_ / "state.json";
  ASSERT_EQ(write_file_atomically(path, "first, longer content\n"), "");
  ASSERT_EQ(write_file_atomically(path, "second\n"), "");
  auto text = read_whole_file(path);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "second\n");
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
}

TEST_F(AnAtomicFile, IsPrivateToItsOwner) {
  const auto path = dir_ / "seq.txt";
  ASSERT_EQ(write_file_atomically(path, "x\n"), "");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
}

TEST_F(AnAtomicFile, OverwritesATemporaryFileLeftByACrash) {
  const auto path = dir_ / "seq.txt";
  std::ofstream(path.string() + ".tmp") << "half of a previous wri";
  ASSERT_EQ(write_file_atomically(path, "new\n"), "");
  EXPECT_EQ(*read_whole_file(path), "new\n");
}

TEST_F(AnAtomicFile, ReportsWhatFailedWhenTheDirectoryIsMissing) {
  const auto error = write_file_atomically(dir_ / "missing" / "seq.txt", "x");
  EXPECT_NE(error.find("cannot create"), std::string::npos) << error;
}

TEST_F(AnAtomicFile, ReaderTellsAMissingFileFromAnEmptyOne) {
  const auto missing = read_whole_file(dir_ / "nothing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().problem, ReadProblem::kMissing);

  std::ofstream(dir_ / "empty").flush();
  const auto empty = read_whole_file(dir_ / "empty");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().problem, ReadProblem::kEmpty);
  EXPECT_NE(empty.error().message.find("empty"), std::string::npos);
}

TEST_F(AnAtomicFile, ReaderCallsADirectoryUnreadable) {
  const auto result = read_whole_file(dir_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().problem, ReadProblem::kUnreadable);
}

TEST_F(AnAtomicFile, SyncsTheFilesystemOfADirectory) {
  EXPECT_EQ(sync_filesystem_of(dir_), "");
  EXPECT_NE(sync_filesystem_of(dir_ / "missing"), "");
}

}  // namespace
}  // namespace r3::platform
