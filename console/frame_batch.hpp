#pragma once
// One browser's outgoing frames between two flushes. The hub flushes at most frame_rate_hz
// times a second, so a browser gets at most ~20 WebSocket messages a second, each a JSON array
// of frames. Live frames are coalesced per topic (a gauge needs only the newest); every other
// frame is kept, in order. Pure: no I/O.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace r3::console {

class FrameBatch {
 public:
  using Frame = std::shared_ptr<const std::string>;
  explicit FrameBatch(std::size_t max_frames = 4000) : max_frames_(max_frames) {}

  // False when the batch is full: the browser is not keeping up (the caller drops it).
  bool push(Frame frame);
  // `key`: the live topic; replaces the pending frame of the same topic if there is one.
  bool push_coalesced(const std::string& key, Frame frame);
  [[nodiscard]] bool empty() const { return frames_.empty(); }
  [[nodiscard]] std::size_t size() const { return frames_.size(); }
  [[nodiscard]] std::size_t coalesced() const { return coalesced_; }
  // "[frame,frame,...]" and an empty batch.
  std::string take();

 private:
  std::size_t max_frames_;
  std::vector<Frame> frames_;
  std::unordered_map<std::string, std::size_t> live_index_;  // topic -> slot in frames_
  std::size_t coalesced_ = 0;
};

}  // namespace r3::console
