#include "daemon/bluez/ladder.hpp"

#include <algorithm>
#include <cmath>

namespace r3::bluez {

FailureKind classify_failure(std::string_view name, std::string_view message) {
  auto has = [](std::string_view s, std::string_view what) { return s.find(what) != s.npos; };
  if (name.empty()) return FailureKind::kAdapter;  // our own connect timeout
  if (name == "org.bluez.Error.InProgress" || name == "org.bluez.Error.AlreadyExists")
    return FailureKind::kBusy;
  if (name == "org.bluez.Error.NotReady" || name == "org.freedesktop.DBus.Error.NoReply" ||
      name == "org.freedesktop.DBus.Error.Timeout" || has(message, "Timeout") ||
      has(message, "timed out"))
    return FailureKind::kAdapter;
  if (name == "org.bluez.Error.DoesNotExist" ||
      name == "org.freedesktop.DBus.Error.UnknownObject" ||
      name == "org.freedesktop.DBus.Error.UnknownMethod" ||
      name == "org.freedesktop.DBus.Error.ServiceUnknown")
    return FailureKind::kGone;
  if (has(message, "abort") || has(message, "Software caused connection abort") ||
      has(message, "le-connection"))
    return FailureKind::kAborted;
  return FailureKind::kOther;
}

std::string_view to_string(FailureKind kind) {
  switch (kind) {
    case FailureKind::kAborted:
      return "aborted";
    case FailureKind::kBusy:
      return "busy";
    case FailureKind::kAdapter:
      return "adapter";
    case FailureKind::kGone:
      return "gone";
    case FailureKind::kLinkLost:
      return "link-lost";
    case FailureKind::kOther:
      return "other";
  }
  return "other";
}

std::chrono::milliseconds retry_delay(const LadderPolicy& policy, FailureKind kind, int attempt,
                                      double unit_random) {
  // A busy adapter or a dropped link is worth retrying at once-ish; the rest back off.
  const double base_ms = static_cast<double>(policy.initial.count());
  double ms = 0.0;
  switch (kind) {
    case FailureKind::kBusy:
      ms = base_ms;
      break;
    case FailureKind::kLinkLost:
      ms = attempt <= 1 ? base_ms / 2.0 : base_ms * std::exp2(attempt - 2);
      break;
    default:
      ms = base_ms * std::exp2(std::max(0, attempt - 1));
      break;
  }
  ms = std::min(ms, static_cast<double>(policy.max.count()));
  const double j = std::clamp(policy.jitter, 0.0, 1.0);
  ms *= 1.0 + j * (2.0 * std::clamp(unit_random, 0.0, 1.0) - 1.0);
  return std::chrono::milliseconds(std::max<long>(1, std::lround(ms)));
}

}  // namespace r3::bluez
