#pragma once
// Test support shared by the simulator's and the BlueZ links' integration tests: a private
// "system" dbus-daemon and child processes (r3-sim, python), each stopped by its own PID.

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace r3::test {

// A temporary directory, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A child process; stdout and stderr go to files. Stopped (SIGTERM, then SIGKILL) on destruction.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const std::string& stdout_path,
        const std::string& stderr_path);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  [[nodiscard]] pid_t pid() const { return pid_; }
  void signal(int sig) const;
  // Waits for the exit; returns the exit status, or -1 on timeout (the child keeps running).
  int wait(std::chrono::milliseconds timeout);
  void stop();

 private:
  pid_t pid_ = -1;
};

// A dbus-daemon of type system on a unix socket in its own temp dir, with a policy allowing
// everything. Sets DBUS_SYSTEM_BUS_ADDRESS for this process (and so for its children).
class PrivateBus {
 public:
  PrivateBus();
  ~PrivateBus();
  PrivateBus(const PrivateBus&) = delete;
  PrivateBus& operator=(const PrivateBus&) = delete;
  [[nodiscard]] const std::string& address() const { return address_; }
  [[nodiscard]] const std::string& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::string address_;
  pid_t pid_ = -1;
};

std::string read_file(const std::string& path);
// Polls pred every 10 ms until it holds or the timeout passes.
bool wait_for(const std::function<bool()>& pred, std::chrono::milliseconds timeout);

}  // namespace r3::test
