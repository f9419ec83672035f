#include "console/mirror.hpp"

namespace r3::console {

void Mirror::keep(const std::string& topic, Frame frame) {
  frames_[topic] = std::move(frame);
}

void Mirror::forget(const std::string& topic) {
  frames_.erase(topic);
}

const Mirror::Frame* Mirror::find(const std::string& topic) const {
  const auto it = frames_.find(topic);
  return it == frames_.end() ? nullptr : &it->second;
}

}  // namespace r3::console
