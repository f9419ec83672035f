#include "tools/r3-view/broker_state.hpp"

#include <algorithm>
#include <cmath>

namespace r3::view {

std::string explain_connect_failure(int paho_rc, std::string_view tcp_error, bool tls) {
  switch (paho_rc) {  // the broker answered and refused (MQTT 3.1.1 CONNACK return codes)
    case 1:
      return "refused: the broker does not speak MQTT 3.1.1";
    case 2:
      return "refused: client id rejected";
    case 3:
      return "refused: broker unavailable";
    case 4:
      return "refused: bad user name or password";
    case 5:  // mosquitto answers a wrong password with this one too
      return "refused: not authorized: check --username, the password, the broker's ACL";
    default:
      break;
  }
  if (!tcp_error.empty()) return std::string(tcp_error);  // the network said why
  // TCP gets through but MQTT does not.
  if (tls) {
    return "TLS handshake failed (check --ca-file, --cert-file/--key-file, and that the port "
           "speaks TLS)";
  }
  return "no MQTT answer (a TLS port? then add --tls)";
}

bool is_refusal(int paho_rc) {
  return paho_rc == 4 || paho_rc == 5;
}

std::string describe(const BrokerState& s) {
  const std::string head = "broker " + s.address;
  using Phase = BrokerState::Phase;
  if (s.phase == Phase::kConnected) return head + " connected";
  if (s.phase == Phase::kRefused) return head + " " + s.error;
  if (s.error.empty()) return head + " connecting...";
  // The last failure stays on screen while the next attempt runs.
  std::string next = "trying again...";
  if (s.phase == Phase::kRetrying) {
    const auto in_s = static_cast<long>(std::ceil(std::max(0.0, s.retry_in_s)));
    next = "retrying in " + std::to_string(in_s) + " s";
  }
  return head + (s.ever_connected ? " LOST: " : " UNREACHABLE: ") + s.error + "; " + next;
}

}  // namespace r3::view
