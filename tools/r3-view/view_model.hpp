#pragma once
// What r3-view shows, built from the MQTT messages of r3/v1/<gw>/users/<user>/{rep,set,live,
// status}. Pure: topic + JSON text + the time of arrival in, rows out. Unknown or malformed
// messages are counted and ignored.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace r3::view {

struct UserRow {
  std::string gateway_id;
  std::string user_id;
  std::string device_id;
  std::string state = "-";  // idle, loaded, moving, away
  std::uint32_t set_index = 0;
  std::uint32_t reps_in_set = 0;
  std::uint32_t reps_total = 0;
  std::uint32_t sets_done = 0;
  std::optional<double> rom_deg;  // of the last rep
  std::optional<double> duration_s;
  std::optional<double> force_mean_n;
  std::optional<double> sparc;
  std::optional<double> live_force_n;
  double live_at_s = -1e9;  // arrival time of the last live sample
};

class ViewModel {
 public:
  // now_s: any monotonic clock, used to age live samples. True when the message was used.
  bool apply(std::string_view topic, std::string_view payload, double now_s);

  // Rows by gateway then user.
  [[nodiscard]] const std::map<std::string, UserRow>& rows() const { return rows_; }
  [[nodiscard]] std::uint64_t messages() const { return messages_; }
  [[nodiscard]] std::uint64_t ignored() const { return ignored_; }

 private:
  std::map<std::string, UserRow> rows_;
  std::uint64_t messages_ = 0;
  std::uint64_t ignored_ = 0;
};

}  // namespace r3::view
