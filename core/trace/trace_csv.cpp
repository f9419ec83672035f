#include "core/trace/trace_csv.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace r3::core {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kColumns = kTraceRequiredColumns.size();

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Calls f(index, field) for each comma-separated field of line.
template <typename F>
void for_each_field(std::string_view line, F&& f) {
  std::size_t index = 0;
  while (true) {
    const std::size_t comma = line.find(',');
    f(index++, trim(line.substr(0, comma)));
    if (comma == std::string_view::npos) return;
    line.remove_prefix(comma + 1);
  }
}

std::size_t count_fields(std::string_view line) {
  std::size_t n = 1;
  for (const char c : line) n += c == ',' ? 1U : 0U;
  return n;
}

std::string column_error(std::size_t column, std::string_view what, std::string_view field) {
  std::string msg = "column '";
  msg += kTraceRequiredColumns[column];
  msg += "': ";
  msg += what;
  if (!field.empty()) {
    msg += ": '";
    msg += field;
    msg += "'";
  }
  return msg;
}

// A finite double; "" on success, else the problem. A leading '+' is accepted, as spreadsheets
// write it, though std::from_chars does not.
std::string_view parse_number(std::string_view field, double& out) {
  if (field.empty()) return "empty";
  std::string_view digits = field;
  if (digits.front() == '+' && digits.size() > 1 && digits[1] != '-') digits.remove_prefix(1);
  const char* end = digits.data() + digits.size();
  const auto [ptr, ec] = std::from_chars(digits.data(), end, out);
  if (ec == std::errc::result_out_of_range) return "out of range";
  if (ec != std::errc{} || ptr != end) return "not a number";
  if (!std::isfinite(out)) return "not finite";
  return {};
}

template <typename T>
void append(std::string& out, T value, std::chars_format format, int precision) {
  std::array<char, 512> buf{};  // room for any double in fixed notation
  const auto [ptr, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, format, precision);
  if (ec == std::errc{}) out.append(buf.data(), ptr);
}

}  // namespace

Result<TraceCsvReader, std::string> TraceCsvReader::from_header(std::string_view header_line) {
  if (header_line.starts_with(kBom)) header_line.remove_prefix(kBom.size());
  if (trim(header_line).empty()) return Err{std::string("empty header line")};
  TraceCsvReader reader;
  std::array<bool, kColumns> seen{};
  std::string duplicate;
  for_each_field(header_line, [&](std::size_t index, std::string_view name) {
    for (std::size_t c = 0; c < kColumns; ++c) {
      if (name != kTraceRequiredColumns[c]) continue;
      if (seen[c] && duplicate.empty()) duplicate = name;
      seen[c] = true;
      reader.index_[c] = index;
    }
  });
  if (!duplicate.empty()) return Err{"duplicate column '" + duplicate + "'"};
  for (std::size_t c = 0; c < kColumns; ++c) {
    if (!seen[c]) return Err{"missing column '" + std::string(kTraceRequiredColumns[c]) + "'"};
  }
  reader.column_count_ = count_fields(header_line);
  return reader;
}

Result<Sample, std::string> TraceCsvReader::parse_row(std::string_view line) const {
  const std::size_t fields = count_fields(line);
  if (fields != column_count_) {
    return Err{"expected " + std::to_string(column_count_) + " fields, got " +
               std::to_string(fields)};
  }
  std::array<double, kColumns> values{};
  std::string error;
  for_each_field(line, [&](std::size_t index, std::string_view field) {
    for (std::size_t c = 0; c < kColumns && error.empty(); ++c) {
      if (index_[c] != index) continue;
      const std::string_view problem = parse_number(field, values[c]);
      if (!problem.empty()) error = column_error(c, problem, field);
    }
  });
  if (!error.empty()) return Err{std::move(error)};

  // Every column but time is stored as float: a value beyond its range is an error, not inf.
  constexpr double kFloatMax = std::numeric_limits<float>::max();
  for (std::size_t c = 1; c < kColumns; ++c) {
    if (std::fabs(values[c]) > kFloatMax) return Err{column_error(c, "out of range", {})};
  }
  Sample s;
  s.t_s = values[0];
  s.force_n = static_cast<float>(values[1]);
  for (std::size_t axis = 0; axis < 3; ++axis) {
    s.acc_g[axis] = static_cast<float>(values[2 + axis]);
    s.gyro_dps[axis] = static_cast<float>(values[5 + axis]);
  }
  return s;
}

std::string trace_csv_header() {
  std::string out;
  for (const std::string_view name : kTraceRequiredColumns) {
    if (!out.empty()) out += ',';
    out += name;
  }
  return out;
}

std::string trace_csv_row(const Sample& sample) {
  std::string out;
  out.reserve(96);
  append(out, sample.t_s, std::chars_format::fixed, 6);
  const std::array<float, kColumns - 1> rest = {
      sample.force_n,     sample.acc_g[0],    sample.acc_g[1],   sample.acc_g[2],
      sample.gyro_dps[0], sample.gyro_dps[1], sample.gyro_dps[2]};
  for (const float v : rest) {
    out += ',';
    append(out, v, std::chars_format::general, 6);
  }
  return out;
}

}  // namespace r3::core
