// r3_loop: two sdbus-c++ connections on one io_context, one thread, on a private bus.
#include "daemon/loop/dbus_loop.hpp"

#include <gtest/gtest.h>
#include <sdbus-c++/sdbus-c++.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "tests/sim/test_support.hpp"

namespace r3::loop {
namespace {

constexpr const char* kItf = "org.r3.Test";

class ADbusLoop : public ::testing::Test {
 protected:
  bool run_until(const std::function<bool()>& pred, std::chrono::seconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (!pred() && std::chrono::steady_clock::now() < end) {
      io_.restart();
      io_.run_for(std::chrono::milliseconds(20));
    }
    return pred();
  }

  r3::test::PrivateBus bus_;
  boost::asio::io_context io_;
  std::unique_ptr<sdbus::IConnection> server_conn_ =
      sdbus::createSystemBusConnection("org.r3.Test");
  std::unique_ptr<sdbus::IConnection> client_conn_ = sdbus::createSystemBusConnection();
  DbusLoop server_loop_{io_, *server_conn_};
  DbusLoop client_loop_{io_, *client_conn_};
};

TEST_F(ADbusLoop, DeliversEverySignalEmittedOutsideCallbacksWhenKicked) {
  auto object = sdbus::createObject(*server_conn_, "/org/r3/test");
  object->registerSignal("Tick").onInterface(kItf).withParameters<std::uint32_t>();
  object->finishRegistration();
  auto proxy = sdbus::createProxy(*client_conn_, "org.r3.Test", "/org/r3/test");
  std::uint32_t received = 0;
  proxy->uponSignal("Tick").onInterface(kItf).call([&](std::uint32_t) { ++received; });
  proxy->finishRegistration();
  client_loop_.kick();
  constexpr std::uint32_t kSignals = 5000;
  // Emitted from a plain Asio handler, as the simulator's stream timer does.
  boost::asio::post(io_, [&] {
    for (std::uint32_t i = 0; i < kSignals; ++i)
      object->emitSignal("Tick").onInterface(kItf).withArguments(i);
    server_loop_.kick();
  });
  EXPECT_TRUE(run_until([&] { return received == kSignals; }, std::chrono::seconds(20)))
      << received;
}

TEST_F(ADbusLoop, CompletesAsyncMethodCallsBothWaysOnOneThread) {
  auto object = sdbus::createObject(*server_conn_, "/org/r3/test");
  object->registerMethod("Twice").onInterface(kItf).implementedAs(
      [](std::int32_t x) { return 2 * x; });
  object->finishRegistration();
  server_loop_.kick();
  auto proxy = sdbus::createProxy(*client_conn_, "org.r3.Test", "/org/r3/test");
  proxy->finishRegistration();
  int replies = 0;
  for (std::int32_t i = 0; i < 100; ++i) {
    proxy->callMethodAsync("Twice").onInterface(kItf).withArguments(i).uponReplyInvoke(
        [&replies, i](const sdbus::Error* e, std::int32_t r) {
          if (e == nullptr && r == 2 * i) ++replies;
        });
  }
  client_loop_.kick();
  EXPECT_TRUE(run_until([&] { return replies == 100; }, std::chrono::seconds(20))) << replies;
}

TEST_F(ADbusLoop, TimesOutAnUnansweredCallThroughTheTimer) {
  auto proxy = sdbus::createProxy(*client_conn_, "org.r3.Test", "/org/r3/nothing");
  proxy->finishRegistration();
  std::string error;
  auto object = sdbus::createObject(*server_conn_, "/org/r3/nothing");
  std::vector<sdbus::Result<>> held;  // never answered
  object->registerMethod("Hang").onInterface(kItf).implementedAs(
      [&held](sdbus::Result<>&& r) { held.push_back(std::move(r)); });
  object->finishRegistration();
  server_loop_.kick();
  proxy->callMethodAsync("Hang")
      .onInterface(kItf)
      .withTimeout(std::chrono::milliseconds(200))
      .uponReplyInvoke(
          [&error](const sdbus::Error* e) { error = e != nullptr ? e->getName() : "none"; });
  client_loop_.kick();
  EXPECT_TRUE(run_until([&] { return !error.empty(); }, std::chrono::seconds(10)));
  EXPECT_NE(error, "none");
}

}  // namespace
}  // namespace r3::loop
