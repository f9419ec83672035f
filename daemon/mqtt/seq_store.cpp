#include "daemon/mqtt/seq_store.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "daemon/mqtt/topics.hpp"

namespace r3::mqtt {

SeqStore::SeqStore(std::string path) : path_(std::move(path)) {
  load();
}

void SeqStore::load() {
  if (path_.empty()) return;
  std::ifstream in(path_);
  if (!in) return;  // first start
  std::string line;
  std::uint64_t highest = 0;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream fields(line);
    std::string user;
    std::uint64_t seq = 0;
    std::string rest;
    if (!(fields >> user >> seq) || (fields >> rest) || !is_safe_id(user)) {
      ++load_errors_;
      last_error_ = path_ + ":" + std::to_string(line_no) + ": not \"<user-id> <seq>\"";
      continue;
    }
    seq_[user] = seq;
    if (seq > highest) highest = seq;
  }
  // A damaged line may have been any user's: keep everyone above what was seen.
  if (load_errors_ > 0) floor_ = highest + 1000;
}

bool SeqStore::save() {
  if (path_.empty()) return true;
  const std::string tmp = path_ + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const auto& [user, seq] : seq_) out << user << ' ' << seq << '\n';
    out.flush();
    if (!out) {
      ++save_errors_;
      last_error_ = "cannot write " + tmp;
      return false;
    }
  }
  // rename() is atomic: a crash leaves the old file or the new one, never half of one.
  if (std::rename(tmp.c_str(), path_.c_str()) != 0) {
    ++save_errors_;
    last_error_ = "cannot rename " + tmp + " to " + path_;
    return false;
  }
  return true;
}

std::uint64_t SeqStore::next(const std::string& user_id) {
  const auto it = seq_.try_emplace(user_id, floor_).first;
  ++it->second;
  save();  // a failure is counted; the number is still unique while the process runs
  return it->second;
}

std::uint64_t SeqStore::current(const std::string& user_id) const {
  const auto it = seq_.find(user_id);
  return it == seq_.end() ? 0 : it->second;
}

}  // namespace r3::mqtt
