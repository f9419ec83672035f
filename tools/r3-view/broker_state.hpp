#pragma once
// Where r3-view stands with the broker, in words a coach can act on. Pure: the Paho result
// codes and a TCP probe's outcome in, text out (broker_link.cpp does the I/O).

#include <string>
#include <string_view>

namespace r3::view {

struct BrokerState {
  enum class Phase { kConnecting, kConnected, kRetrying, kRefused };
  std::string address;  // "host:port"
  Phase phase = Phase::kConnecting;
  std::string error;            // why the last attempt failed or the link was lost
  int attempts = 0;             // connection attempts made so far
  bool ever_connected = false;  // then a failure means the connection was lost
  double retry_in_s = 0.0;
};

// Why a connection attempt failed, from Paho's return code (MQTT 3.1.1 CONNACK codes 1-5, or
// a negative client error), what a plain TCP connect to the same address said ("" when it
// worked) and whether TLS was on.
std::string explain_connect_failure(int paho_rc, std::string_view tcp_error, bool tls);

// True for a refusal only the user can fix (credentials, authorization): retrying is useless.
bool is_refusal(int paho_rc);

// One line for the screen's header: "broker H:P connected", "broker H:P UNREACHABLE: <why>;
// retrying in 2 s", "broker H:P LOST: <why>; ...", "broker H:P refused: <why>".
std::string describe(const BrokerState& s);

}  // namespace r3::view
