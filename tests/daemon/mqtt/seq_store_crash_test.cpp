// Power-loss crash points of the seq store: whatever the disk holds after a cut (the last
// durable file, the one before it when a rename was lost, a torn or empty file), the restarted
// store never hands out a number a consumer has already seen.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "daemon/mqtt/seq_store.hpp"
#include "daemon/platform/atomic_file.hpp"
#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::mqtt {
namespace {

using Issued = std::map<std::string, std::uint64_t>;  // highest number handed out per user

// One write of the file, and what had been handed out when it started (a cut during this write
// can only lose it, never what came after: nothing came after).
struct Write {
  std::string content;
  Issued issued_before;
};

class ASeqStoreAtACrashPoint : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Plays a seeded run of three users with a small block, recording every write.
  void play(unsigned seed, int numbers) {
    SeqStoreOptions o;
    o.block = 7;
    o.recovery_floor = 1'000'000;  // a damaged file must recover above everything
    o.write = [this](const std::filesystem::path& p, std::string_view text) {
      writes_.push_back({std::string(text), issued_});
      return platform::write_file_atomically(p, text);
    };
    SeqStore s(dir_ + "/seq.txt", o);
    std::mt19937 rng(seed);
    const std::vector<std::string> users{"ann", "bob", "cy"};
    for (int i = 0; i < numbers; ++i) {
      const auto& u = users[rng() % users.size()];
      const auto seq = s.next(u);
      ASSERT_GT(seq, issued_[u]) << "within one run";
      issued_[u] = seq;
    }
    end_ = issued_;
  }

  // Restarts from `disk` (nullopt: no file) and checks every user continues above `seen`.
  void expect_no_repeat(const std::optional<std::string>& disk, const Issued& seen,
                        const std::string& what) {
    const auto path = dir_ + "/restart.txt";
    std::filesystem::remove(path);
    std::filesystem::remove(path + ".tmp");
    if (disk) std::ofstream(path, std::ios::binary) << *disk;
    SeqStore restarted(path, {.block = 7, .recovery_floor = 1'000'000});
    for (const auto& [user, highest] : seen) {
      EXPECT_GT(restarted.next(user), highest) << what << ", user " << user;
    }
    ++checked_;
  }

  // On tmpfs when there is one: the crash points are simulated, so the thousands of fsyncs need
  // not reach a disk (the writer is the real one all the same).
  static std::string scratch_dir() {
    char pattern[] = "/dev/shm/r3-seq-crash-XXXXXX";
    return ::mkdtemp(pattern) != nullptr ? std::string(pattern) : test::make_temp_dir();
  }
  std::string dir_ = scratch_dir();
  Issued issued_;
  Issued end_;
  std::vector<Write> writes_;
  int checked_ = 0;
};

TEST_F(ASeqStoreAtACrashPoint, NeverRepeatsAfterACutBetweenTwoWrites) {
  play(1, 300);
  ASSERT_GT(writes_.size(), 30U);
  // Disk = write i, complete; everything handed out before write i+1 started is out there.
  for (std::size_t i = 0; i < writes_.size(); ++i) {
    const auto& seen = i + 1 < writes_.size() ? writes_[i + 1].issued_before : end_;
    expect_no_repeat(writes_[i].content, seen, "stale file after write " + std::to_string(i));
  }
}

TEST_F(ASeqStoreAtACrashPoint, NeverRepeatsWhenTheRenameOfAWriteIsLost) {
  play(2, 300);
  // Cut during write i: the disk still holds write i-1 (or nothing before the first).
  for (std::size_t i = 0; i < writes_.size(); ++i) {
    const auto disk = i == 0 ? std::nullopt : std::optional(writes_[i - 1].content);
    expect_no_repeat(disk, writes_[i].issued_before, "rename lost at write " + std::to_string(i));
  }
}

TEST_F(ASeqStoreAtACrashPoint, NeverRepeatsFromAnEmptyOrTornFile) {
  play(3, 300);
  // A filesystem that does not order data before the rename: any prefix of any write.
  for (std::size_t i = 0; i < writes_.size(); i += 5) {
    const auto& content = writes_[i].content;
    for (std::size_t cut = 0; cut < content.size(); ++cut) {
      expect_no_repeat(content.substr(0, cut), end_,
                       "write " + std::to_string(i) + " cut at byte " + std::to_string(cut));
    }
  }
  EXPECT_GT(checked_, 100);
}

TEST_F(ASeqStoreAtACrashPoint, ContinuesWithoutAJumpAfterACleanShutdown) {
  play(4, 50);
  expect_no_repeat(writes_.back().content, end_, "clean shutdown");
  SeqStore again(dir_ + "/seq.txt", {.block = 7});
  EXPECT_EQ(again.next("ann"), end_["ann"] + 1);
}

}  // namespace
}  // namespace r3::mqtt
