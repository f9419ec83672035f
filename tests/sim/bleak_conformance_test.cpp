// Conformance: bleak, the BlueZ client library under Home Assistant, against r3-sim.
// Where bleak fails, the simulator is wrong.
#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/sim/test_support.hpp"

namespace r3::test {
namespace {

TEST(BleakAgainstTheSimulator,
     DiscoversConnectsReadsAndReceivesThroughStartNotifyAndAcquireNotify) {
  if (::access("/usr/bin/python3", X_OK) != 0 ||
      std::system("/usr/bin/python3 -c 'import bleak' 2>/dev/null") != 0)
    GTEST_SKIP() << "python3-bleak is not installed (scripts/install-deps installs it)";
  PrivateBus bus;
  const auto dir = bus.dir();
  Child sim({R3_SIM_PATH, "--contacts", "3", "--adapters", "2"}, dir + "/sim.out",
            dir + "/sim.err");
  ASSERT_TRUE(
      wait_for([&] { return read_file(dir + "/sim.out").find("ready") != std::string::npos; },
               std::chrono::seconds(20)));
  Child client({"/usr/bin/python3", R3_BLEAK_SCRIPT}, dir + "/bleak.out", dir + "/bleak.err");
  const int status = client.wait(std::chrono::seconds(90));
  EXPECT_EQ(status, 0) << read_file(dir + "/bleak.out") << read_file(dir + "/bleak.err");
  const auto out = read_file(dir + "/bleak.out");
  EXPECT_NE(out.find("ok: StartNotify"), std::string::npos) << out;
  EXPECT_NE(out.find("ok: AcquireNotify: 20 datagrams"), std::string::npos) << out;
}

}  // namespace
}  // namespace r3::test
