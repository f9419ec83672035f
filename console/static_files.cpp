#include "console/static_files.hpp"

#include <fstream>
#include <sstream>

namespace r3::console {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<std::string> asset_path(std::string_view url_path) {
  const auto q = url_path.find_first_of("?#");
  if (q != std::string_view::npos) url_path = url_path.substr(0, q);
  if (url_path.empty() || url_path[0] != '/' || url_path.size() > 200) return std::nullopt;
  if (url_path == "/") return std::string("index.html");
  std::string_view rel = url_path.substr(1);
  for (const char c : rel) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '/';
    if (!ok) return std::nullopt;
  }
  // No empty, hidden or parent segments.
  std::size_t start = 0;
  while (start <= rel.size()) {
    const auto end = std::min(rel.find('/', start), rel.size());
    const auto seg = rel.substr(start, end - start);
    if (seg.empty() || seg[0] == '.') return std::nullopt;
    start = end + 1;
  }
  return std::string(rel);
}

std::string_view content_type(std::string_view path) {
  if (ends_with(path, ".html")) return "text/html; charset=utf-8";
  if (ends_with(path, ".js")) return "text/javascript; charset=utf-8";
  if (ends_with(path, ".css")) return "text/css; charset=utf-8";
  if (ends_with(path, ".json")) return "application/json";
  if (ends_with(path, ".svg")) return "image/svg+xml";
  if (ends_with(path, ".png")) return "image/png";
  if (ends_with(path, ".ico")) return "image/x-icon";
  return "application/octet-stream";
}

std::optional<std::string> read_asset(const std::string& web_root, const std::string& relative) {
  std::ifstream in(web_root + "/" + relative, std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0 || size > 4 * 1024 * 1024) return std::nullopt;
  in.seekg(0);
  std::string data(static_cast<std::size_t>(size), '\0');
  if (!in.read(data.data(), size)) return std::nullopt;  // a directory reads as an error too
  return data;
}

}  // namespace r3::console
