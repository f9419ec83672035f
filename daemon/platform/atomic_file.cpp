#include "daemon/platform/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace r3::platform {
namespace {

std::string errno_text(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const auto n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::filesystem::path directory_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

}  // namespace

std::string write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const auto tmp = path.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return errno_text("cannot create", tmp);
  if (!write_all(fd, content) || ::fsync(fd) != 0) {
    auto error = errno_text("cannot write", tmp);
    ::close(fd);
    ::unlink(tmp.c_str());
    return error;
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    auto error = errno_text("cannot rename onto", path);
    ::unlink(tmp.c_str());
    return error;
  }
  // The rename itself must reach the disk too: until then a power cut may bring the old file back.
  const auto dir = directory_of(path);
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return errno_text("cannot open directory", dir);
  const bool synced = ::fsync(dfd) == 0;
  auto error = synced ? std::string() : errno_text("cannot fsync directory", dir);
  ::close(dfd);
  return error;
}

Result<std::string, ReadError> read_whole_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const auto problem = errno == ENOENT ? ReadProblem::kMissing : ReadProblem::kUnreadable;
    return Err{ReadError{problem, errno_text("cannot open", path)}};
  }
  std::string content;
  char buffer[4096];
  for (;;) {
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      auto error = errno_text("cannot read", path);
      ::close(fd);
      return Err{ReadError{ReadProblem::kUnreadable, std::move(error)}};
    }
    if (n == 0) break;
    content.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (content.empty()) {
    return Err{
        ReadError{ReadProblem::kEmpty,
                  path.string() + ": empty (a power cut before its data reached the disk?)"}};
  }
  return content;
}

std::string sync_filesystem_of(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno_text("cannot open directory", dir);
  const bool synced = ::syncfs(fd) == 0;
  auto error = synced ? std::string() : errno_text("cannot syncfs", dir);
  ::close(fd);
  return error;
}

}  // namespace r3::platform
