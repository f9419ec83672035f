// A fake gateway for the console's benchmarks: retained status, N contacts bound to N users,
// live samples at R Hz per user, a rep every few seconds per user (its ts = publish time, so a
// browser can measure rep-to-highlight latency).
//   r3_console_live_load --port P [--users 30] [--rate 10] [--seconds 30] [--gateway bench]
#include <mqtt/async_client.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <thread>

namespace {

std::string iso_now() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t t = system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 1883, users = 30, seconds = 30;
  double rate = 10.0;
  std::string gw = "bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--port")
      port = std::stoi(argv[i + 1]);
    else if (k == "--users")
      users = std::stoi(argv[i + 1]);
    else if (k == "--rate")
      rate = std::stod(argv[i + 1]);
    else if (k == "--seconds")
      seconds = std::stoi(argv[i + 1]);
    else if (k == "--gateway")
      gw = argv[i + 1];
  }
  mqtt::create_options co(MQTTVERSION_3_1_1);
  co.set_max_buffered_messages(100000);  // Paho's default of 100 refuses bursts of 30
  co.set_send_while_disconnected(true);
  mqtt::async_client c("tcp://127.0.0.1:" + std::to_string(port), "r3-live-load", co);
  c.connect()->wait();
  long refused = 0;
  const std::string base = "r3/v1/" + gw + "/";
  auto pub = [&](const std::string& topic, const std::string& payload, int qos, bool retained) {
    try {
      c.publish(base + topic, payload.data(), payload.size(), qos, retained);
    } catch (const mqtt::exception&) {
      ++refused;
    }
  };
  pub("status",
      R"({"gateway_id":")" + gw +
          R"(","state":"online","reason":"connected","version":"bench","uptime_s":1,"dropped_live":0,"dropped_events":0,"ts":")" +
          iso_now() + "\"}",
      1, true);
  for (int u = 0; u < users; ++u) {
    char dev[32], user[32];
    std::snprintf(dev, sizeof dev, "r3-c0ffee%06x", u);
    std::snprintf(user, sizeof user, "bench-%02d", u);
    pub(std::string("devices/") + dev,
        std::string(R"({"gateway_id":")") + gw + R"(","device_id":")" + dev +
            R"(","address":null,"link_state":"streaming","adapter":"hci0","rssi_dbm":-60,"battery_pct":80,"loss_rate":0.0,"user_id":")" +
            user + R"(","ts":")" + iso_now() + "\"}",
        1, true);
    pub(std::string("users/") + user + "/status",
        std::string(R"({"gateway_id":")") + gw + R"(","user_id":")" + user + R"(","device_id":")" +
            dev + R"(","session_id":null,"state":"idle","ts":")" + iso_now() + "\"}",
        1, true);
  }
  const auto period = std::chrono::duration<double>(1.0 / rate);
  const auto start = std::chrono::steady_clock::now();
  auto next = start;
  long tick = 0, lives = 0, reps = 0;
  std::vector<int> seq(static_cast<std::size_t>(users), 0);
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(seconds)) {
    const double t = static_cast<double>(tick) / rate;
    for (int u = 0; u < users; ++u) {
      char user[32];
      std::snprintf(user, sizeof user, "bench-%02d", u);
      char live[256];
      std::snprintf(
          live, sizeof live,
          R"({"gateway_id":"%s","user_id":"%s","device_id":null,"session_id":null,"t_s":%.2f,"force_n":%.1f,"angle_deg":%.1f,"state":"moving","ts":"%s"})",
          gw.c_str(), user, t, 80.0 + 40.0 * static_cast<double>((tick + u) % 20) / 20.0,
          30.0 * static_cast<double>((tick + 2 * u) % 30) / 30.0, iso_now().c_str());
      pub(std::string("users/") + user + "/live", live, 0, false);
      ++lives;
      // A rep every 3 s per user, staggered.
      if ((tick + u * 3) % static_cast<long>(3 * rate) == 0) {
        const int s = ++seq[static_cast<std::size_t>(u)];
        char rep[512];
        std::snprintf(
            rep, sizeof rep,
            R"({"gateway_id":"%s","user_id":"%s","device_id":"x","session_id":null,"set_id":"x-1-1","seq":%d,"type":"rep","set_index":1,"rep_index":%d,"rom_deg":42.0,"duration_s":2.1,"sparc":-1.7,"force_cv_pct":8.0,"placement_error_deg":3.0,"ts":"%s"})",
            gw.c_str(), user, s, s, iso_now().c_str());
        pub(std::string("users/") + user + "/rep", rep, 1, false);
        ++reps;
      }
    }
    ++tick;
    next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(period);
    std::this_thread::sleep_until(next);
  }
  c.disconnect()->wait();
  std::printf("live_load: %ld live, %ld reps in %d s, %ld refused by the client\n", lives, reps,
              seconds, refused);
  return 0;
}
