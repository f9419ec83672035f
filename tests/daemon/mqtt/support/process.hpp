#pragma once
// Child processes for the broker tests: started with fork/exec, output to a file, stopped by PID.

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace r3::test {

class Process {
 public:
  Process() = default;
  // Starts argv[0] with stdout and stderr appended to `log_file`.
  Process(const std::vector<std::string>& argv, const std::string& log_file);
  Process(Process&& other) noexcept;
  Process& operator=(Process&& other) noexcept;
  ~Process();  // SIGKILL if still running

  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] bool running();
  void signal(int sig);
  // Waits for the exit; returns the exit code (128+signal if killed), -1 on timeout.
  int wait(std::chrono::milliseconds timeout);
  void kill9();

 private:
  pid_t pid_ = -1;
  int status_ = 0;
};

// Polls `condition` every 20 ms until it holds or `timeout` passes.
bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout);
// A TCP port on 127.0.0.1 that was free a moment ago.
int free_port();
// A fresh directory under $TMPDIR, removed by the caller.
std::string make_temp_dir();
std::string read_file(const std::string& path);

}  // namespace r3::test
