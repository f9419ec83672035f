#pragma once
// The one way r3-gatewayd persists a file (room state, seq high-water marks): a crash or a power
// cut leaves either the old or the new content, never a mix and never an empty file. A temporary
// file in the same directory, fsync, rename over, fsync the directory. Also the one way to read
// such a file back, telling "not there" (a first start) from "there but unusable".

#include <filesystem>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace r3::platform {

// Empty on success, else what failed (with strerror).
[[nodiscard]] std::string write_file_atomically(const std::filesystem::path& path,
                                                std::string_view content);

enum class ReadProblem { kMissing, kUnreadable, kEmpty };
struct ReadError {
  ReadProblem problem;
  std::string message;  // "<path>: <why>", for the log
};

// The whole file. A missing file, one that cannot be read and an empty one are told apart: a
// loader treats kMissing as a first start and the others as damage.
[[nodiscard]] Result<std::string, ReadError> read_whole_file(const std::filesystem::path& path);

// Makes everything written so far on the filesystem holding `dir` durable (syncfs): the group
// commit of files written by others (Paho's queue). Empty on success, else why not.
[[nodiscard]] std::string sync_filesystem_of(const std::filesystem::path& dir);

}  // namespace r3::platform
