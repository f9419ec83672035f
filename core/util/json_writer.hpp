#pragma once
// JsonObjectWriter: appends one flat-or-nested JSON object to a caller-owned std::string.
// Allocation-light: reuse the string (clear() keeps its capacity) and no temporaries are made.
// Numbers go through std::to_chars (locale-independent); NaN and infinities become null, so the
// output is always valid JSON. Keys are trusted literals; string values are escaped.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace r3::util {

class JsonObjectWriter {
 public:
  // Significant digits used by add(key, double): enough for sensor values, short on the wire.
  static constexpr int kDefaultSignificantDigits = 6;

  explicit JsonObjectWriter(std::string& out);  // appends '{'
  JsonObjectWriter(const JsonObjectWriter&) = delete;
  JsonObjectWriter& operator=(const JsonObjectWriter&) = delete;

  JsonObjectWriter& add(std::string_view key, std::string_view value);
  JsonObjectWriter& add(std::string_view key, const char* value);
  JsonObjectWriter& add(std::string_view key, bool value);
  JsonObjectWriter& add(std::string_view key, std::int64_t value);
  JsonObjectWriter& add(std::string_view key, std::uint64_t value);
  JsonObjectWriter& add(std::string_view key, std::int32_t value);
  JsonObjectWriter& add(std::string_view key, std::uint32_t value);
  // Shortest general form with kDefaultSignificantDigits digits; non-finite -> null.
  JsonObjectWriter& add(std::string_view key, double value);
  // Empty -> null.
  JsonObjectWriter& add(std::string_view key, std::optional<double> value);
  // Fixed number of decimals (e.g. 3 for times in seconds: millisecond resolution at any
  // magnitude, where 6 significant digits would lose it after 1000 s); non-finite -> null.
  JsonObjectWriter& add_fixed(std::string_view key, double value, int decimals);
  JsonObjectWriter& add_fixed(std::string_view key, std::optional<double> value, int decimals);
  JsonObjectWriter& add_null(std::string_view key);
  // `json` must already be one valid JSON value (e.g. a nested object written by another writer).
  JsonObjectWriter& add_raw(std::string_view key, std::string_view json);

  // Appends '}'. Idempotent; the destructor closes too, so a scope is enough.
  void close();
  ~JsonObjectWriter();

 private:
  void key(std::string_view k);
  std::string& out_;
  bool first_ = true;
  bool closed_ = false;
};

// Appends `s` as a JSON string literal (quotes included), escaping quotes, backslashes and
// control characters. Bytes >= 0x80 pass through (UTF-8 is the caller's contract).
void append_json_string(std::string& out, std::string_view s);
// Appends a number as the writer does; non-finite -> null. decimals < 0: general form.
void append_json_number(std::string& out, double value, int decimals = -1);

}  // namespace r3::util
