#pragma once
// The web assets under web_root: a safe mapping from a URL path to a file (no "..", no hidden
// files, a short list of characters) and its content type.

#include <optional>
#include <string>
#include <string_view>

namespace r3::console {

// "/" -> "index.html", "/js/app.js" -> "js/app.js"; nullopt for anything unsafe.
std::optional<std::string> asset_path(std::string_view url_path);
std::string_view content_type(std::string_view path);
// The file's bytes, or nullopt if it cannot be read (or is larger than 4 MiB).
std::optional<std::string> read_asset(const std::string& web_root, const std::string& relative);

}  // namespace r3::console
