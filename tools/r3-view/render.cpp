#include "tools/r3-view/render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace r3::view {
namespace {

constexpr double kLiveStaleS = 2.0;
constexpr int kGaugeWidth = 20;
constexpr double kGaugeFullN = 300.0;  // the top of the method's range (20-300 N)

std::string fixed(const std::optional<double>& v, int decimals, int width) {
  char buf[32];
  if (v) {
    std::snprintf(buf, sizeof buf, "%*.*f", width, decimals, *v);
  } else {
    std::snprintf(buf, sizeof buf, "%*s", width, "-");
  }
  return buf;
}

std::string gauge(const UserRow& row, double now_s) {
  if (!row.live_force_n || now_s - row.live_at_s > kLiveStaleS)
    return "[" + std::string(kGaugeWidth, ' ') + "]    -";
  const double force = std::max(0.0, *row.live_force_n);
  const int filled =
      static_cast<int>(std::lround(std::min(1.0, force / kGaugeFullN) * kGaugeWidth));
  char value[16];
  std::snprintf(value, sizeof value, "%5.0f N", force);
  return "[" + std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(kGaugeWidth - filled), '.') + "]" + value;
}

std::string clip(const std::string& s, std::size_t width) {
  auto out = s.size() > width ? s.substr(0, width - 1) + "~" : s;
  out.resize(width, ' ');
  return out;
}

}  // namespace

std::string render(const ViewModel& model, const RenderInfo& info, double now_s) {
  std::string out;
  if (info.ansi) out += "\x1b[H\x1b[2J";  // home, clear
  out += (info.ansi ? "\x1b[1m" : "") + std::string("r3-view") + (info.ansi ? "\x1b[0m" : "") +
         "  broker " + info.broker + (info.connected ? " (connected)" : " (connecting...)") +
         "  gateway " + info.gateway + "  messages " + std::to_string(model.messages()) +
         "  (Ctrl-C quits)\n\n";
  out +=
      "GATEWAY      USER            STATE    SET  REPS TOTAL   ROM deg  DUR s  FORCE N   SPARC  "
      "LIVE FORCE\n";
  for (const auto& [key, row] : model.rows()) {
    char counts[48];
    std::snprintf(counts, sizeof counts, "%4u %5u %5u", row.set_index, row.reps_in_set,
                  row.reps_total);
    out += clip(row.gateway_id, 12) + " " + clip(row.user_id, 15) + " " + clip(row.state, 8) +
           counts + " " + fixed(row.rom_deg, 1, 9) + " " + fixed(row.duration_s, 2, 6) + " " +
           fixed(row.force_mean_n, 1, 8) + " " + fixed(row.sparc, 2, 7) + "  " + gauge(row, now_s) +
           "\n";
  }
  if (model.rows().empty()) out += "(no user has published yet)\n";
  return out;
}

}  // namespace r3::view
