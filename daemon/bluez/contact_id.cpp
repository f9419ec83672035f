// Small value helpers of the contact links API.
#include <cctype>

#include "core/util/device_id.hpp"
#include "daemon/bluez/contact_links.hpp"

namespace r3::bluez {

ContactId contact_id_for_address(std::string_view address) {
  if (auto id = util::to_device_id(address)) return *id;
  // BlueZ always gives an address; should it not, the contact still gets a stable name.
  ContactId id = "r3-";
  for (const char c : address) {
    if (c == ':' || c == '_' || c == '-') continue;
    id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return id;
}

std::string_view to_string(LinkState state) {
  switch (state) {
    case LinkState::kConnecting:
      return "connecting";
    case LinkState::kConnected:
      return "connected";
    case LinkState::kStreaming:
      return "streaming";
    case LinkState::kBackoff:
      return "backoff";
    case LinkState::kOverBudget:
      return "over-budget";
    case LinkState::kGone:
      return "gone";
  }
  return "unknown";
}

std::string_view to_string(NotifyPath path) {
  switch (path) {
    case NotifyPath::kNone:
      return "none";
    case NotifyPath::kAcquireNotify:
      return "acquire-notify";
    case NotifyPath::kStartNotify:
      return "start-notify";
  }
  return "unknown";
}

double ContactStats::loss_rate() const {
  const auto total = packets + packets_missing;
  return total == 0 ? 0.0 : static_cast<double>(packets_missing) / static_cast<double>(total);
}

}  // namespace r3::bluez
