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
      return "refused: bad user name or password (--username, --password)";
    case 5:
      return "refused: not authorized (check the user name and the broker's ACL)";
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
  switch (s.phase) {
    case BrokerState::Phase::kConnected:
      return head + " connected";
    case BrokerState::Phase::kConnecting:
      return head + (s.attempts > 1 ? " connecting (attempt " + std::to_string(s.attempts) + ")..."
                                    : " connecting...");
    case BrokerState::Phase::kRetrying:
      break;
  }
  const auto in_s = static_cast<long>(std::ceil(std::max(0.0, s.retry_in_s)));
  return head + " UNREACHABLE: " + s.error + "; retrying in " + std::to_string(in_s) + " s";
}

}  // namespace r3::view
