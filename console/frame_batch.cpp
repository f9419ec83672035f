#include "console/frame_batch.hpp"

namespace r3::console {

bool FrameBatch::push(Frame frame) {
  if (frames_.size() >= max_frames_) return false;
  frames_.push_back(std::move(frame));
  return true;
}

bool FrameBatch::push_coalesced(const std::string& key, Frame frame) {
  if (const auto it = live_index_.find(key); it != live_index_.end()) {
    frames_[it->second] = std::move(frame);
    ++coalesced_;
    return true;
  }
  if (!push(std::move(frame))) return false;
  live_index_.emplace(key, frames_.size() - 1);
  return true;
}

std::string FrameBatch::take() {
  std::size_t bytes = 2;
  for (const auto& f : frames_) bytes += f->size() + 1;
  std::string out;
  out.reserve(bytes);
  out.push_back('[');
  for (std::size_t i = 0; i < frames_.size(); ++i) {
    if (i != 0) out.push_back(',');
    out.append(*frames_[i]);
  }
  out.push_back(']');
  frames_.clear();
  live_index_.clear();
  return out;
}

}  // namespace r3::console
