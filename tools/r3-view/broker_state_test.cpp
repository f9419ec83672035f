#include "tools/r3-view/broker_state.hpp"

#include <gtest/gtest.h>

namespace r3::view {
namespace {

TEST(ABrokerFailure, IsExplainedByTheNetworkWhenTcpFails) {
  EXPECT_EQ(explain_connect_failure(-1, "Connection refused", false), "Connection refused");
}

TEST(ABrokerFailure, PointsAtTlsWhenTcpWorksButTheHandshakeDoesNot) {
  EXPECT_NE(explain_connect_failure(-1, "", true).find("TLS handshake failed"), std::string::npos);
  EXPECT_NE(explain_connect_failure(-1, "", false).find("--tls"), std::string::npos);
}

TEST(ABrokerFailure, NamesARefusalOfTheCredentialsAndDoesNotRetryIt) {
  EXPECT_EQ(explain_connect_failure(4, "", false), "refused: bad user name or password");
  EXPECT_NE(explain_connect_failure(5, "", false).find("not authorized"), std::string::npos);
  EXPECT_TRUE(is_refusal(4));
  EXPECT_TRUE(is_refusal(5));
  EXPECT_FALSE(is_refusal(-1));
  EXPECT_FALSE(is_refusal(3));  // unavailable: may come back
}

TEST(ABrokerState, ReadsAsOneLine) {
  BrokerState s;
  s.address = "pi.local:1883";
  EXPECT_EQ(describe(s), "broker pi.local:1883 connecting...");
  s.phase = BrokerState::Phase::kRetrying;
  s.error = "unknown host 'pi.local': Name or service not known";
  s.retry_in_s = 4.5;
  EXPECT_EQ(describe(s),
            "broker pi.local:1883 UNREACHABLE: unknown host 'pi.local': Name or service not known; "
            "retrying in 5 s");
  s.phase = BrokerState::Phase::kConnecting;  // the reason stays while the next attempt runs
  EXPECT_EQ(describe(s),
            "broker pi.local:1883 UNREACHABLE: unknown host 'pi.local': Name or service not known; "
            "trying again...");
  s.phase = BrokerState::Phase::kConnected;
  EXPECT_EQ(describe(s), "broker pi.local:1883 connected");
  s.ever_connected = true;
  s.phase = BrokerState::Phase::kRetrying;
  s.error = "Connection refused";
  s.retry_in_s = 0.5;
  EXPECT_EQ(describe(s), "broker pi.local:1883 LOST: Connection refused; retrying in 1 s");
  s.phase = BrokerState::Phase::kRefused;
  s.error = "refused: bad user name or password";
  EXPECT_EQ(describe(s), "broker pi.local:1883 refused: bad user name or password");
}

}  // namespace
}  // namespace r3::view
