// r3-view: a live terminal table of each user's reps, from any broker carrying the r3/v1 API.
//   r3-view --host H --port P [--gateway ID] [--plain] [--duration S]
#include <mqtt/async_client.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "tools/r3-view/render.hpp"
#include "tools/r3-view/view_model.hpp"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) {
  g_stop = 1;
}

struct Args {
  std::string host = "localhost";
  int port = 1883;
  std::string gateway = "+";
  bool plain = false;
  double duration_s = 0.0;  // 0: until Ctrl-C
};

const char* kUsage =
    "usage: r3-view [--host H] [--port P] [--gateway ID] [--plain] [--duration S]\n"
    "  Shows each user's reps live from r3/v1/<gateway>/users/+/{rep,set,live,status}.\n"
    "  --plain: no screen control (for logs); --duration: quit after S seconds.\n";

bool parse(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    const bool has_value = i + 1 < argc;
    try {
      if (k == "--host" && has_value)
        a.host = argv[++i];
      else if (k == "--port" && has_value)
        a.port = std::stoi(argv[++i]);
      else if (k == "--gateway" && has_value)
        a.gateway = argv[++i];
      else if (k == "--duration" && has_value)
        a.duration_s = std::stod(argv[++i]);
      else if (k == "--plain")
        a.plain = true;
      else
        return false;
    } catch (const std::exception&) {
      return false;
    }
  }
  return a.port > 0 && a.port < 65536;
}

double now_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!parse(argc, argv, args)) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  const std::string uri = "tcp://" + args.host + ":" + std::to_string(args.port);
  const std::string root = "r3/v1/" + args.gateway + "/users/+/";
  const auto topics =
      mqtt::string_collection::create({root + "rep", root + "set", root + "live", root + "status"});
  const std::vector<int> qos = {1, 1, 0, 1};
  mqtt::async_client client(uri, "r3-view-" + std::to_string(::getpid()),
                            mqtt::create_options(MQTTVERSION_3_1_1));
  // Paho calls back on its own thread; messages wait in its queue for this one.
  client.start_consuming();
  client.set_connected_handler([&](const std::string&) {
    try {
      client.subscribe(topics, qos);
    } catch (const mqtt::exception& e) {
      std::fprintf(stderr, "r3-view: subscribe failed: %s\n", e.what());
    }
  });
  auto opts = mqtt::connect_options_builder()
                  .clean_session(true)
                  .automatic_reconnect(std::chrono::seconds(1), std::chrono::seconds(5))
                  .keep_alive_interval(std::chrono::seconds(20))
                  .finalize();
  try {
    client.connect(opts);
  } catch (const mqtt::exception& e) {
    std::fprintf(stderr, "r3-view: cannot connect to %s: %s\n", uri.c_str(), e.what());
    return 1;
  }

  r3::view::ViewModel model;
  const r3::view::RenderInfo base{args.host + ":" + std::to_string(args.port), args.gateway, false,
                                  !args.plain};
  const double start = now_s();
  double next_frame = start;
  while (g_stop == 0 && (args.duration_s <= 0.0 || now_s() - start < args.duration_s)) {
    mqtt::const_message_ptr msg;
    if (client.try_consume_message_for(&msg, std::chrono::milliseconds(20)) && msg) {
      model.apply(msg->get_topic(), msg->to_string(), now_s());
    }
    if (now_s() >= next_frame) {  // ~4 Hz
      auto info = base;
      info.connected = client.is_connected();
      std::fputs(r3::view::render(model, info, now_s()).c_str(), stdout);
      std::fflush(stdout);
      next_frame += 0.25;
    }
  }
  try {
    client.stop_consuming();
    if (client.is_connected()) client.disconnect()->wait_for(std::chrono::seconds(2));
  } catch (const mqtt::exception&) {
    // Leaving anyway.
  }
  return 0;
}
