#include "core/util/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace r3::util {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (u < 0x20 || u == 0x7f) {
          out += "\\u00";
          out.push_back(kHex[u >> 4]);
          out.push_back(kHex[u & 0xf]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void append_json_number(std::string& out, double value, int decimals) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  if (value == 0.0) value = 0.0;  // prints -0 as 0: same value, less surprise for consumers
  std::array<char, 64> buf{};
  std::to_chars_result r{};
  if (decimals >= 0) {
    r = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed,
                      decimals);
  }
  if (decimals < 0 || r.ec != std::errc{}) {
    // General form; also the fallback for a value too large for 64 chars in fixed form.
    r = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::general,
                      JsonObjectWriter::kDefaultSignificantDigits);
  }
  out.append(buf.data(), r.ptr);
}

JsonObjectWriter::JsonObjectWriter(std::string& out) : out_(out) {
  out_.push_back('{');
}

JsonObjectWriter::~JsonObjectWriter() {
  close();
}

void JsonObjectWriter::close() {
  if (closed_) return;
  out_.push_back('}');
  closed_ = true;
}

void JsonObjectWriter::key(std::string_view k) {
  if (!first_) out_.push_back(',');
  first_ = false;
  append_json_string(out_, k);
  out_.push_back(':');
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, std::string_view value) {
  key(k);
  append_json_string(out_, value);
  return *this;
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, const char* value) {
  if (value == nullptr) return add_null(k);
  return add(k, std::string_view(value));
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, bool value) {
  key(k);
  out_ += value ? "true" : "false";
  return *this;
}

namespace {
template <typename Int>
void append_int(std::string& out, Int v) {
  std::array<char, 24> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  out.append(buf.data(), r.ptr);
}
}  // namespace

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, std::int64_t value) {
  key(k);
  append_int(out_, value);
  return *this;
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, std::uint64_t value) {
  key(k);
  append_int(out_, value);
  return *this;
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, std::int32_t value) {
  return add(k, static_cast<std::int64_t>(value));
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, std::uint32_t value) {
  return add(k, static_cast<std::uint64_t>(value));
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, double value) {
  key(k);
  append_json_number(out_, value);
  return *this;
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view k, std::optional<double> value) {
  if (!value) return add_null(k);
  return add(k, *value);
}

JsonObjectWriter& JsonObjectWriter::add_fixed(std::string_view k, double value, int decimals) {
  key(k);
  append_json_number(out_, value, decimals < 0 ? 0 : decimals);
  return *this;
}

JsonObjectWriter& JsonObjectWriter::add_fixed(std::string_view k, std::optional<double> value,
                                              int decimals) {
  if (!value) return add_null(k);
  return add_fixed(k, *value, decimals);
}

JsonObjectWriter& JsonObjectWriter::add_null(std::string_view k) {
  key(k);
  out_ += "null";
  return *this;
}

JsonObjectWriter& JsonObjectWriter::add_raw(std::string_view k, std::string_view json) {
  key(k);
  out_ += json;
  return *this;
}

}  // namespace r3::util
