#pragma once
// The reconnect ladder: what a failure means and how long to wait before the next attempt.
// Pure: the caller passes the random draw, so the policy is testable without a clock.

#include <chrono>
#include <string_view>

namespace r3::bluez {

enum class FailureKind {
  kAborted,   // le-connection-abort-by-local & co: retry soon
  kBusy,      // org.bluez.Error.InProgress: the adapter is busy, wait and serialise
  kAdapter,   // NotReady, timeouts: the adapter needs a power cycle
  kGone,      // the device object vanished: wait for discovery to see it again
  kLinkLost,  // a working link dropped (or went silent): reconnect
  kOther,
};

// From a D-Bus error name and message (empty name: a local timeout or a silent link).
FailureKind classify_failure(std::string_view error_name, std::string_view message);
std::string_view to_string(FailureKind kind);

struct LadderPolicy {
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds max{30'000};
  double jitter = 0.25;  // +- fraction
};

// Delay before attempt number `attempt` (1 = the first retry) after a failure of `kind`.
// unit_random in [0, 1) draws the jitter.
std::chrono::milliseconds retry_delay(const LadderPolicy& policy, FailureKind kind, int attempt,
                                      double unit_random);

}  // namespace r3::bluez
