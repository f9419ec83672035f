#pragma once
// What a browser needs on connect: the retained state of every gateway (status, devices, user
// status) and the last rep / set / hold / session per topic, as ready-made frames. Pure.

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace r3::console {

class Mirror {
 public:
  using Frame = std::shared_ptr<const std::string>;
  // Keeps `frame` under `topic`; an empty payload (a cleared retained topic) forgets it.
  void keep(const std::string& topic, Frame frame);
  void forget(const std::string& topic);
  // Everything kept about one gateway goes when the broker connection is rebuilt.
  void clear() { frames_.clear(); }
  [[nodiscard]] std::size_t size() const { return frames_.size(); }
  // In topic order: a gateway's status before its devices and users.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (const auto& [topic, frame] : frames_) fn(topic, frame);
  }
  [[nodiscard]] const Frame* find(const std::string& topic) const;

 private:
  std::map<std::string, Frame, std::less<>> frames_;
};

}  // namespace r3::console
