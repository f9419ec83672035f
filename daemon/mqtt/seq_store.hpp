#pragma once
// Per-user sequence numbers that continue across restarts. Each user's messages on rep, hold
// and set carry seq = 1, 2, 3, ... so a consumer can drop the duplicates QoS 1 allows and see
// a gap if something was lost. The number is persisted BEFORE the message is handed to the
// client: a crash in between leaves a gap, never a reused number that a consumer would drop.

#include <cstdint>
#include <map>
#include <string>

namespace r3::mqtt {

class SeqStore {
 public:
  // `path` empty: memory only. Loads the file if it exists; a damaged line is skipped and
  // reported through load_errors() (its user then continues from the highest number seen, +1000,
  // so a consumer never takes a fresh message for a duplicate).
  explicit SeqStore(std::string path);

  // The next number for this user (1 for a new one), persisted before it is returned.
  std::uint64_t next(const std::string& user_id);
  [[nodiscard]] std::uint64_t current(const std::string& user_id) const;

  [[nodiscard]] std::uint64_t load_errors() const { return load_errors_; }
  [[nodiscard]] std::uint64_t save_errors() const { return save_errors_; }
  [[nodiscard]] const std::string& last_error() const { return last_error_; }

 private:
  void load();
  bool save();
  std::string path_;
  std::map<std::string, std::uint64_t> seq_;
  std::uint64_t floor_ = 0;  // after a damaged file: new users start above this
  std::uint64_t load_errors_ = 0;
  std::uint64_t save_errors_ = 0;
  std::string last_error_;
};

}  // namespace r3::mqtt
