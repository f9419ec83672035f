// r3-view: a live terminal view of a room from the broker (usage: r3-view --help).
// Thin: options, the broker link, the model, the picture; each in its own file.
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "daemon/mqtt/broker_auth.hpp"
#include "tools/r3-view/broker_link.hpp"
#include "tools/r3-view/render.hpp"
#include "tools/r3-view/view_model.hpp"
#include "tools/r3-view/view_options.hpp"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) {
  g_stop = 1;
}

double now_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

winsize terminal_size() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0) return {};
  return ws;
}

int usage_error(const std::string& what) {
  std::fprintf(stderr, "r3-view: %s\n(r3-view --help lists the options)\n", what.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  auto parsed = r3::view::parse_view_options(args);
  if (!parsed) return usage_error(parsed.error());
  auto opt = std::move(parsed.value());
  if (opt.help) {
    std::fputs(r3::view::view_usage().data(), stdout);
    return 0;
  }
  if (!opt.password_file.empty()) {
    std::ifstream in(opt.password_file);
    if (!in || !std::getline(in, opt.broker.password)) {
      return usage_error("cannot read the password file '" + opt.password_file + "'");
    }
  }
  if (const auto problem = r3::mqtt::check_tls(opt.broker.tls); !problem.empty()) {
    return usage_error(problem);
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  const std::string root = "r3/v1/" + opt.gateway + "/";
  r3::view::BrokerLink link(opt.broker,
                            {root + "status", root + "devices/+", root + "users/+/status",
                             root + "users/+/set", root + "users/+/live"});
  r3::view::ViewModel model;
  r3::view::RenderInfo info;
  info.gateway = opt.gateway;
  info.ansi = !opt.plain;
  // A clean screen once, the cursor hidden; frames then overwrite each other.
  if (info.ansi) std::fputs("\x1b[2J\x1b[?25l", stdout);
  const double start = now_s();
  double next_frame = start;
  int connections_seen = 0;
  std::string verdict;  // why r3-view gave up on the broker
  while (g_stop == 0 && (opt.duration_s <= 0.0 || now_s() - start < opt.duration_s)) {
    link.poll(now_s());
    if (link.connections() != connections_seen) {  // retained state arrives afresh
      connections_seen = link.connections();
      model.forget_retained();
    }
    if (auto msg = link.next_message(std::chrono::milliseconds(20))) {
      model.apply(msg->topic, msg->payload, now_s());
    }
    const bool gave_up = link.refused() || (opt.connect_timeout_s > 0 && link.connections() == 0 &&
                                            now_s() - start >= opt.connect_timeout_s);
    if (now_s() >= next_frame || gave_up) {  // 4 frames a second; 1 in plain text
      info.broker = link.state();
      if (info.ansi) {
        const auto size = terminal_size();
        info.rows = size.ws_row;
        info.columns = size.ws_col;
      }
      std::fputs(r3::view::render(model, info, now_s()).c_str(), stdout);
      if (!info.ansi) std::fputs("\n", stdout);
      std::fflush(stdout);
      next_frame = now_s() + (info.ansi ? 0.25 : 1.0);
    }
    if (link.refused() || gave_up) {
      const auto& why = link.state().error;
      char after[64];
      std::snprintf(after, sizeof after, " (gave up after %g s, --connect-timeout)",
                    opt.connect_timeout_s);
      verdict = link.refused() ? why : (why.empty() ? "no answer" : why) + after;
      break;
    }
  }
  if (info.ansi) std::fputs("\x1b[?25h\n", stdout);  // the cursor back, below the picture
  std::fflush(stdout);
  if (!verdict.empty()) {  // the screen stays as it was; the verdict goes below it, on stderr
    std::fprintf(stderr, "r3-view: broker %s: %s\n", link.state().address.c_str(), verdict.c_str());
    return 1;
  }
  return 0;
}
