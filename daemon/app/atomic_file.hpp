#pragma once
// Writes a whole file so that a crash or power cut leaves either the old or the new content,
// never a mix: a temporary file in the same directory, fsync, rename over, fsync the directory.

#include <filesystem>
#include <string>
#include <string_view>

namespace r3::app {

// Empty on success, else what failed (with strerror).
[[nodiscard]] std::string write_file_atomically(const std::filesystem::path& path,
                                                std::string_view content);

}  // namespace r3::app
