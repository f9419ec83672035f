#pragma once
// Per-user sequence numbers that continue across restarts and never go backwards, whatever the
// power does. Each user's messages on rep, hold and set carry seq = 1, 2, 3, ... so a consumer
// can drop the duplicates QoS 1 allows (anything not above the highest it saw).
//
// Durability, as databases do for sequences: the file holds, per user, a high-water mark
// reserved AHEAD of the numbers handed out, written with the one atomic writer (fsync, rename,
// fsync of the directory) before any number above the old mark is returned. One flush per block
// of `block` numbers, not per rep. After a crash or power cut a user continues above its mark:
// a forward jump of at most `block`, never a reused number. A clean shutdown (flush(), the
// destructor) writes the exact values, so a clean restart leaves no jump at all.
//
// File (<state>/mqtt/seq.txt): "r3-seq 1", then "<user-id> <mark>" lines (and "* <floor>" after
// a recovery), then "end <n>" with the number of those lines. A file without the header is the old
// format (exact values, written without fsync). A file that is empty, torn (no end line) or
// otherwise unreadable is damage: it is reported (load_errors(), last_error()) and every user
// continues above the recovery floor (by default the wall clock in ms: above anything issued at
// under one number per ms).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace r3::mqtt {

struct SeqStoreOptions {
  std::uint64_t block = 1000;  // numbers reserved per flush; also the largest jump after a crash
  std::uint64_t recovery_floor = 0;  // after damage, everyone continues above this (0: clock ms)
  // Writes the file; empty on success. Default: platform::write_file_atomically. Tests replace
  // it to stop at a crash point.
  std::function<std::string(const std::filesystem::path&, std::string_view)> write = {};
};

class SeqStore {
 public:
  // `path` empty: memory only. Loads the file if it exists (see above).
  explicit SeqStore(std::string path, SeqStoreOptions options = {});
  ~SeqStore();
  SeqStore(const SeqStore&) = delete;
  SeqStore& operator=(const SeqStore&) = delete;

  // The next number for this user (1 for a new one); its mark is durable before it is returned.
  // If the mark cannot be written the number is still unique while the process runs (counted).
  std::uint64_t next(const std::string& user_id);
  [[nodiscard]] std::uint64_t current(const std::string& user_id) const;
  // Writes the exact values (a clean shutdown): a restart then continues without a jump.
  bool flush();

  [[nodiscard]] std::uint64_t load_errors() const { return load_errors_; }
  [[nodiscard]] std::uint64_t save_errors() const { return save_errors_; }
  [[nodiscard]] std::uint64_t flushes() const { return flushes_; }
  [[nodiscard]] const std::string& last_error() const { return last_error_; }

 private:
  struct Entry {
    std::uint64_t issued = 0;    // the last number handed out
    std::uint64_t reserved = 0;  // durable mark: nothing above it was handed out
  };
  void load();
  void damaged(const std::string& why, std::uint64_t highest_seen);
  bool save(bool exact);

  std::string path_;
  SeqStoreOptions opt_;
  std::map<std::string, Entry> seq_;
  std::uint64_t floor_ = 0;  // after a damaged file: new users start above this
  std::uint64_t load_errors_ = 0;
  std::uint64_t save_errors_ = 0;
  std::uint64_t flushes_ = 0;
  std::string last_error_;
};

// The loader's parsing, pure (also what the fuzz target drives): the users' marks, or why the
// text is damaged. `legacy` is set for the old header-less format.
struct SeqFile {
  std::map<std::string, std::uint64_t> marks;
  std::uint64_t floor = 0;  // the "* <n>" line: new users start above it (after a recovery)
  bool legacy = false;
  std::string error;          // empty: the whole file is sound
  std::uint64_t highest = 0;  // highest number seen, even in a damaged file
};
SeqFile parse_seq_file(std::string_view text);

}  // namespace r3::mqtt
