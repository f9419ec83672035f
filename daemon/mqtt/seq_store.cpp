#include "daemon/mqtt/seq_store.hpp"

#include <charconv>
#include <chrono>
#include <vector>

#include "daemon/mqtt/topics.hpp"
#include "daemon/platform/atomic_file.hpp"

namespace r3::mqtt {
namespace {

constexpr std::string_view kHeader = "r3-seq 1";
constexpr std::string_view kFloorKey = "*";  // never a user id: where new users start
// Consumers read seq as a JSON number: anything above 2^53 would not survive a double.
constexpr std::uint64_t kMaxSeq = (std::uint64_t{1} << 53) - 1;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// "<word> <number>" with exactly one space, the number plain decimal.
bool split_pair(std::string_view line, std::string_view& word, std::uint64_t& number) {
  const auto space = line.find(' ');
  if (space == std::string_view::npos || space == 0) return false;
  word = line.substr(0, space);
  const auto digits = line.substr(space + 1);
  if (digits.empty()) return false;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  return ec == std::errc() && end == digits.data() + digits.size() && number <= kMaxSeq;
}

std::uint64_t clock_floor() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

}  // namespace

SeqFile parse_seq_file(std::string_view text) {
  SeqFile f;
  if (text.empty()) {
    f.error = "empty";
    return f;
  }
  auto lines = split_lines(text);
  f.legacy = lines.front() != kHeader;
  if (f.legacy && lines.front().starts_with("r3-seq")) {
    f.error = "unknown format '" + std::string(lines.front().substr(0, 20)) + "'";
    return f;
  }
  std::size_t first = f.legacy ? 0 : 1;
  std::size_t last = lines.size();  // one past the user lines
  if (!f.legacy) {
    std::string_view word;
    std::uint64_t count = 0;
    if (text.back() != '\n' || !split_pair(lines.back(), word, count) || word != "end" ||
        count != lines.size() - 2) {
      f.error = "torn (no complete end line)";
    } else {
      last = lines.size() - 1;
    }
  }
  for (std::size_t i = first; i < last; ++i) {
    std::string_view user;
    std::uint64_t seq = 0;
    if (split_pair(lines[i], user, seq) && user == kFloorKey) {
      f.floor = std::max(f.floor, seq);
      f.highest = std::max(f.highest, seq);
      continue;
    }
    if (!split_pair(lines[i], user, seq) || !is_safe_id(user)) {
      if (f.error.empty()) f.error = "line " + std::to_string(i + 1) + ": not \"<user-id> <seq>\"";
      continue;
    }
    auto& mark = f.marks[std::string(user)];
    mark = std::max(mark, seq);
    f.highest = std::max(f.highest, seq);
  }
  return f;
}

SeqStore::SeqStore(std::string path, SeqStoreOptions options)
    : path_(std::move(path)), opt_(std::move(options)) {
  if (opt_.block == 0) opt_.block = 1;
  if (!opt_.write) opt_.write = platform::write_file_atomically;
  load();
}

SeqStore::~SeqStore() {
  flush();  // failure is already counted; nothing more a destructor can do
}

void SeqStore::damaged(const std::string& why, std::uint64_t highest_seen) {
  ++load_errors_;
  const auto recovery = opt_.recovery_floor != 0 ? opt_.recovery_floor : clock_floor();
  floor_ = std::max(recovery, highest_seen + opt_.block);
  last_error_ = path_ + ": " + why + "; every user continues above " + std::to_string(floor_);
}

void SeqStore::load() {
  if (path_.empty()) return;
  auto text = platform::read_whole_file(path_);
  if (!text) {
    if (text.error().problem == platform::ReadProblem::kMissing) return;  // first start
    damaged(text.error().message, 0);
  } else {
    const auto file = parse_seq_file(*text);
    // The old format was written without fsync: its values may be a writeback delay stale.
    const std::uint64_t margin = file.legacy ? opt_.block : 0;
    for (const auto& [user, mark] : file.marks) seq_[user] = Entry{mark + margin, mark + margin};
    floor_ = file.floor;
    if (!file.error.empty()) damaged(file.error, file.highest);
  }
  for (auto& [user, e] : seq_) e.issued = e.reserved = std::max(e.reserved, floor_);
  // What we start from must be durable before anything above it goes out.
  if (!seq_.empty() || floor_ != 0) save(true);
}

bool SeqStore::save(bool exact) {
  if (path_.empty()) return true;
  std::string text = std::string(kHeader) + "\n";
  if (floor_ != 0) text += std::string(kFloorKey) + ' ' + std::to_string(floor_) + '\n';
  for (auto& [user, e] : seq_) {
    if (exact) e.reserved = e.issued;
    text += user + ' ' + std::to_string(e.reserved) + '\n';
  }
  text += "end " + std::to_string(seq_.size() + (floor_ != 0 ? 1 : 0)) + "\n";
  ++flushes_;
  if (auto error = opt_.write(path_, text); !error.empty()) {
    ++save_errors_;
    last_error_ = std::move(error);
    return false;
  }
  return true;
}

bool SeqStore::flush() {
  return (seq_.empty() && floor_ == 0) || save(true);
}

std::uint64_t SeqStore::next(const std::string& user_id) {
  auto& e = seq_.try_emplace(user_id, Entry{floor_, floor_}).first->second;
  if (e.issued + 1 > e.reserved) {
    e.reserved = e.issued + opt_.block;
    save(false);  // a failure is counted; the number is still unique while the process runs
  }
  return ++e.issued;
}

std::uint64_t SeqStore::current(const std::string& user_id) const {
  const auto it = seq_.find(user_id);
  return it == seq_.end() ? 0 : it->second.issued;
}

}  // namespace r3::mqtt
