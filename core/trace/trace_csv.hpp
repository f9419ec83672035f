#pragma once
// The trace CSV format read by r3-analyze (docs/trace-format.md): a header line naming the
// columns; required t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps in any order; other columns
// ignored. Pure: lines in, samples or errors out.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/protocol/sample.hpp"
#include "core/util/result.hpp"

namespace r3::core {

inline constexpr std::array<std::string_view, 8> kTraceRequiredColumns = {
    "t_s", "force_n", "ax_g", "ay_g", "az_g", "gx_dps", "gy_dps", "gz_dps"};

class TraceCsvReader {
 public:
  // Parses the header line; the error names the missing or duplicated column. A UTF-8 byte
  // order mark, a trailing '\r' and blanks around names are tolerated; there is no quoting.
  static Result<TraceCsvReader, std::string> from_header(std::string_view header_line);
  // Parses one data row; the error says what is wrong (the caller adds the line number).
  // Blank lines are the caller's to skip. Does not allocate unless it fails.
  [[nodiscard]] Result<Sample, std::string> parse_row(std::string_view line) const;
  [[nodiscard]] std::size_t column_count() const { return column_count_; }

 private:
  std::array<std::size_t, 8> index_{};  // position of each required column
  std::size_t column_count_ = 0;
};

// Writes the header line and rows in the same format (for r3-synth and tests), without a line
// terminator. t_s has 6 decimals (microseconds); the others 6 significant digits, which keeps
// every raw count of the contact (0.1 N, 1/2048 g, 1/16 deg/s) through a write and a read.
std::string trace_csv_header();
std::string trace_csv_row(const Sample& sample);

}  // namespace r3::core
