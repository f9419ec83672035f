#include "tests/sim/test_support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace r3::test {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "r3-test-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

Child::Child(const std::vector<std::string>& argv, const std::string& stdout_path,
             const std::string& stderr_path) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));  // NOLINT: exec API
  args.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int out = ::open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out >= 0) ::dup2(out, 1);
    if (err >= 0) ::dup2(err, 2);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
}

Child::~Child() {
  stop();
}

void Child::signal(int sig) const {
  if (pid_ > 0) ::kill(pid_, sig);
}

int Child::wait(std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (pid_ > 0) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (std::chrono::steady_clock::now() > end) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

void Child::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  if (wait(std::chrono::seconds(5)) == -1 && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    (void)wait(std::chrono::seconds(5));
  }
}

PrivateBus::PrivateBus() {
  const std::string socket = dir_.path() + "/system_bus_socket";
  const std::string conf = dir_.path() + "/bus.conf";
  std::ofstream(conf)
      << "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
         "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
         "<busconfig><type>system</type><listen>unix:path="
      << socket
      << "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
         "<allow user=\"*\"/><allow own=\"*\"/>"
         "<allow send_type=\"method_call\"/><allow send_type=\"signal\"/>"
         "<allow send_type=\"method_return\"/><allow send_type=\"error\"/>"
         "<allow receive_type=\"method_call\"/><allow receive_type=\"signal\"/>"
         "<allow receive_type=\"method_return\"/><allow receive_type=\"error\"/>"
         "</policy></busconfig>\n";
  const std::string pidfile = dir_.path() + "/pid";
  const std::string cmd =
      "dbus-daemon --config-file=" + conf + " --fork --print-pid=1 > " + pidfile;
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("dbus-daemon did not start");
  pid_ = static_cast<pid_t>(std::stol(read_file(pidfile)));
  address_ = "unix:path=" + socket;
  ::setenv("DBUS_SYSTEM_BUS_ADDRESS", address_.c_str(), 1);
}

PrivateBus::~PrivateBus() {
  if (pid_ > 0) ::kill(pid_, SIGTERM);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool wait_for(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace r3::test
