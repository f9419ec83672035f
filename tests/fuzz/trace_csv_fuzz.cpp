// libFuzzer target: the trace CSV reader on arbitrary text. The first line is the header, the
// rest are rows. Whatever row it accepts must be finite and survive the writer and the reader.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/trace/trace_csv.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool finite(const r3::core::Sample& s) {
  bool ok = std::isfinite(s.t_s) && std::isfinite(s.force_n);
  for (int axis = 0; axis < 3; ++axis) {
    ok = ok && std::isfinite(s.acc_g[axis]) && std::isfinite(s.gyro_dps[axis]);
  }
  return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t eol = text.find('\n');
  const auto reader = r3::core::TraceCsvReader::from_header(text.substr(0, eol));
  if (!reader.ok() || eol == std::string_view::npos) return 0;
  check(reader->column_count() >= r3::core::kTraceRequiredColumns.size());
  const auto canonical = r3::core::TraceCsvReader::from_header(r3::core::trace_csv_header());
  check(canonical.ok());
  text.remove_prefix(eol + 1);
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const auto row = reader->parse_row(text.substr(0, end));
    if (row.ok()) {
      check(finite(*row));
      const auto again = canonical->parse_row(r3::core::trace_csv_row(*row));
      check(again.ok());
    } else {
      check(!row.error().empty());
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return 0;
}
