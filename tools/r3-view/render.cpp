#include "tools/r3-view/render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace r3::view {
namespace {

constexpr double kLiveStaleS = 2.0;
constexpr int kGaugeWidth = 10;
constexpr double kGaugeFullN = 300.0;  // the top of the method's range (20-300 N)

// Column widths of a user line; a contact line puts its device id under USER and STATE.
constexpr std::size_t kUserW = 12, kStateW = 7, kLinkW = 11, kBattW = 4, kLossW = 5, kTodayW = 5,
                      kSessionW = 7, kSetW = 3, kSetsW = 4, kLastSetW = 15;
constexpr std::size_t kContactIdW = kUserW + 1 + kStateW - 4;  // indented by 4

// `s` in exactly `width` columns: padded, or cut with a '~' marking the cut.
std::string cell(const std::string& s, std::size_t width, bool right = false) {
  if (s.size() > width) return width == 0 ? std::string() : s.substr(0, width - 1) + "~";
  const std::string pad(width - s.size(), ' ');
  return right ? pad + s : s + pad;
}

// A line as the terminal gets it: printable ASCII only, so text from the broker can neither
// move the cursor (escape sequences) nor make a column wider than it counts (UTF-8), and cut.
std::string clip_line(const std::string& s, std::size_t width) {
  std::string out = s.size() > width ? s.substr(0, width - 1) + "~" : s;
  for (char& c : out) {
    if (c < ' ' || c > '~') c = '?';
  }
  return out;
}

template <typename T>
std::string or_dash(const std::optional<T>& v) {
  return v ? std::to_string(*v) : "-";
}

std::string percent(std::optional<double> fraction) {
  if (!fraction) return "-";
  const double pct = std::clamp(*fraction * 100.0, 0.0, 100.0);
  char buf[16];
  std::snprintf(buf, sizeof buf, pct < 9.95 ? "%.1f%%" : "%.0f%%", pct);
  return buf;
}

std::string battery(std::optional<int> pct) {
  return pct ? std::to_string(*pct) + "%" : "-";
}

std::string link_of(const ContactView& c) {
  return c.link_state.empty() ? "-" : c.link_state;
}

bool link_is_fine(const ContactView& c) {
  return c.link_state == "streaming" || c.link_state == "connected";
}

// What a coach should know about a contact's link: nothing when it streams (a reason then is a
// detail such as the notification method), else the gateway's reason, else a hint.
std::string why(const ContactView& c) {
  if (link_is_fine(c)) return "";
  if (!c.reason.empty()) return c.reason;
  if (c.link_state.empty()) return "no word from the gateway about this contact yet";
  if (c.link_state == "unseen") return "never seen by the gateway: off, flat or out of range?";
  if (c.link_state == "over-budget") return "no free Bluetooth link slot: add an adapter";
  if (c.link_state == "gone") return "left the room";
  if (c.link_state == "backoff") return "link lost, retrying";
  if (c.link_state == "connecting") return "connecting";
  return "";
}

std::string last_set(const std::optional<SetView>& s) {
  if (!s) return "-";
  if (s->rep_count == 0) {  // holds only: say so rather than "0 reps"
    return std::to_string(s->hold_count) + (s->hold_count == 1 ? " hold" : " holds");
  }
  std::string out = std::to_string(s->rep_count) + (s->rep_count == 1 ? " rep" : " reps");
  if (s->rom_mean_deg) {
    char buf[24];
    std::snprintf(buf, sizeof buf, " %.0f deg", *s->rom_mean_deg);
    out += buf;
  }
  return out;
}

std::string gauge(const UserView& u, double now_s) {
  if (!u.live_force_n || now_s - u.live_at_s > kLiveStaleS) {
    return "[" + std::string(kGaugeWidth, ' ') + "]   -";
  }
  const double force = std::max(0.0, *u.live_force_n);
  const auto filled = static_cast<std::size_t>(
      std::lround(std::min(1.0, force / kGaugeFullN) * static_cast<double>(kGaugeWidth)));
  char value[16];
  std::snprintf(value, sizeof value, "%4.0f", std::min(force, 9999.0));
  return "[" + std::string(filled, '#') + std::string(kGaugeWidth - filled, '.') + "]" + value;
}

std::string user_line(const UserView& u, const ContactView* primary, double now_s) {
  std::string s = cell(u.user_id, kUserW) + " " + cell(u.state.empty() ? "-" : u.state, kStateW);
  s += " " + cell(primary ? link_of(*primary) : "-", kLinkW);
  s += " " + cell(primary ? battery(primary->battery_pct) : "-", kBattW, true);
  s += " " + cell(primary ? percent(primary->loss_rate) : "-", kLossW, true);
  s += " " + cell(or_dash(u.reps_today), kTodayW, true);
  s += " " + cell(or_dash(u.reps_session), kSessionW, true);
  s += " " + cell(or_dash(u.reps_set), kSetW, true);
  s += " " + cell(or_dash(u.sets_session), kSetsW, true);
  s += "  " + cell(last_set(u.last_set), kLastSetW) + " " + gauge(u, now_s);
  return s;
}

// `text` in lines of at most `width` columns, broken at spaces; at most `max_lines` of them,
// the last one cut with a '~' if the text goes on.
std::vector<std::string> wrap(const std::string& text, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size() && out.size() < max_lines) {
    std::size_t end = std::min(text.size(), at + width);
    if (end < text.size()) {
      const auto space = text.rfind(' ', end);
      if (space != std::string::npos && space > at) end = space;
    }
    out.push_back(text.substr(at, end - at));
    at = end;
    while (at < text.size() && text[at] == ' ') ++at;
  }
  if (at < text.size() && !out.empty())
    out.back() = cell(out.back() + " " + text.substr(at), width);
  return out;
}

// A contact's own line, and more if the reason for its link state needs them.
std::vector<std::string> contact_lines(const ContactView& c) {
  std::string s = "    " + cell(c.device_id, kContactIdW) + " " + cell(link_of(c), kLinkW);
  s += " " + cell(battery(c.battery_pct), kBattW, true);
  s += " " + cell(percent(c.loss_rate), kLossW, true) + "  ";
  const auto reason = wrap(why(c), kMaxColumns - s.size(), 3);
  if (reason.empty()) return {s};
  std::vector<std::string> out = {s + reason.front()};
  for (std::size_t i = 1; i < reason.size(); ++i)
    out.push_back(std::string(s.size(), ' ') + reason[i]);
  return out;
}

std::string gateway_line(const ViewModel& model, const std::string& id) {
  std::string s = "gateway " + id;
  const auto* g = model.gateway(id);
  if (g == nullptr || g->state.empty()) {
    s += ": no status yet";
  } else if (g->state == "online") {
    s += ": online";
  } else {
    s += ": " + g->state + (g->reason.empty() ? "" : " (" + g->reason + ")") +
         ", what follows may be out of date";
  }
  for (const auto* u : model.users()) {  // the room's session, as its users' statuses say
    if (u->gateway_id == id && !u->session_id.empty()) return s + "  session " + u->session_id;
  }
  return s + "  no session running";
}

std::string unbound_line(const std::vector<const ContactView*>& contacts) {
  std::string s = "not bound to anyone (" + std::to_string(contacts.size()) + "):";
  for (const auto* c : contacts) s += " " + c->device_id + " (" + link_of(*c) + ")";
  return s;
}

std::string column_titles() {
  return cell("USER", kUserW) + " " + cell("STATE", kStateW) + " " + cell("LINK", kLinkW) + " " +
         cell("BATT", kBattW, true) + " " + cell("LOSS", kLossW, true) + " " +
         cell("TODAY", kTodayW, true) + " " + cell("SESSION", kSessionW, true) + " " +
         cell("SET", kSetW, true) + " " + cell("SETS", kSetsW, true) + "  " +
         cell("LAST SET", kLastSetW) + " LIVE FORCE N";
}

}  // namespace

std::string render(const ViewModel& model, const RenderInfo& info, double now_s) {
  struct Line {
    std::string text;
    bool bold = false;
  };
  std::vector<Line> lines;
  const auto users = model.users();
  lines.push_back({"r3-view  gateway " + (info.gateway == "+" ? "all" : info.gateway) + "  users " +
                       std::to_string(users.size()) + "  messages " +
                       std::to_string(model.messages()) + "  (Ctrl-C quits)",
                   true});
  lines.push_back({describe(info.broker)});  // a line of its own: the reason must not be cut
  for (const auto& gw : model.gateways()) {
    lines.push_back({});
    lines.push_back({gateway_line(model, gw), true});
    lines.push_back({column_titles()});
    bool any = false;
    for (const auto* u : users) {
      if (u->gateway_id != gw) continue;
      any = true;
      const auto contacts = model.contacts_of(*u);
      lines.push_back({user_line(*u, contacts.empty() ? nullptr : &contacts.front(), now_s)});
      for (std::size_t i = 0; i < contacts.size(); ++i) {
        // The first contact is on the user line: it gets a line of its own only to explain.
        if (i == 0 && link_is_fine(contacts[i])) continue;
        for (auto& line : contact_lines(contacts[i])) lines.push_back({std::move(line)});
      }
    }
    if (!any) lines.push_back({"(no bound user: bind contacts with cmd/bind, docs/mqtt-api.md)"});
    if (const auto unbound = model.unbound_contacts(gw); !unbound.empty()) {
      lines.push_back({unbound_line(unbound)});
    }
  }
  if (model.gateways().empty()) {
    lines.push_back({});
    lines.push_back({info.broker.phase == BrokerState::Phase::kConnected
                         ? "(no gateway has published here yet)"
                         : "(waiting for the broker)"});
  }
  if (info.rows > 1 && lines.size() > info.rows) {  // what does not fit is said, not scrolled
    const auto hidden = lines.size() - (info.rows - 1);
    lines.resize(info.rows - 1);
    lines.push_back({"... " + std::to_string(hidden) + " more lines: enlarge the terminal"});
  }

  // A narrower terminal would wrap lines into a jumble: they are cut to its width instead.
  const std::size_t width =
      info.columns > 1 && info.columns < kMaxColumns ? info.columns : kMaxColumns;
  std::string out = info.ansi ? "\x1b[H" : "";  // home; each line then clears its rest
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool bold = info.ansi && lines[i].bold;
    out += (bold ? "\x1b[1m" : "") + clip_line(lines[i].text, width) + (bold ? "\x1b[0m" : "");
    // The last line ends without a newline on a terminal: one more would scroll a full screen.
    const bool last = i + 1 == lines.size();
    out += info.ansi ? (last ? "\x1b[K\x1b[J" : "\x1b[K\n") : "\n";
  }
  return out;
}

}  // namespace r3::view
