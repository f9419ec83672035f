#include "tools/r3-view/broker_link.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

#include "daemon/mqtt/broker_auth.hpp"

namespace r3::view {
namespace {

constexpr auto kProbeTimeout = std::chrono::milliseconds(3000);
constexpr double kMaxRetryS = 5.0;  // as the gateway's own reconnect back-off

// Unique on the broker even for two viewers on two machines with the same pid.
std::string client_id() {
  char host[64] = "host";
  ::gethostname(host, sizeof host - 1);
  std::random_device rd;
  return "r3-view-" + std::string(host).substr(0, 32) + "-" + std::to_string(::getpid()) + "-" +
         std::to_string(rd() % 100000);
}

std::string connect_error(int fd, const sockaddr* addr, socklen_t len,
                          std::chrono::milliseconds timeout) {
  if (::connect(fd, addr, len) == 0) return {};
  if (errno != EINPROGRESS) return std::strerror(errno);
  pollfd p{fd, POLLOUT, 0};
  const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (ready == 0) {
    return "no answer within " + std::to_string(timeout.count() / 1000) + " s";
  }
  int err = 0;
  socklen_t err_len = sizeof err;
  if (ready < 0 || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &err_len) != 0) {
    return std::strerror(errno);
  }
  return err == 0 ? std::string() : std::strerror(err);
}

}  // namespace

std::string probe_tcp(const std::string& host, int port, std::chrono::milliseconds timeout) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
      rc != 0) {
    return "unknown host '" + host + "': " + ::gai_strerror(rc);
  }
  std::string error = "no address";
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      error = std::strerror(errno);
      continue;
    }
    error = connect_error(fd, a->ai_addr, a->ai_addrlen, timeout);
    ::close(fd);
    if (error.empty()) break;
  }
  ::freeaddrinfo(found);
  return error;
}

BrokerLink::BrokerLink(const mqtt::Options& options, std::vector<std::string> topics)
    : options_(options),
      topics_(std::move(topics)),
      client_(options.server_uri(), client_id(), ::mqtt::create_options(MQTTVERSION_3_1_1)) {
  state_.address = options.host + ":" + std::to_string(options.port);
  connect_options_.set_mqtt_version(MQTTVERSION_3_1_1);
  connect_options_.set_clean_session(true);  // a viewer keeps nothing: retained state is enough
  connect_options_.set_keep_alive_interval(std::chrono::seconds(20));
  connect_options_.set_connect_timeout(std::chrono::seconds(5));
  mqtt::apply_auth(connect_options_, options_);
  client_.start_consuming();
}

BrokerLink::~BrokerLink() {
  try {
    client_.stop_consuming();
    if (client_.is_connected()) client_.disconnect()->wait_for(std::chrono::seconds(2));
  } catch (const ::mqtt::exception&) {
    // Leaving anyway.
  }
}

void BrokerLink::attempt(double now_s) {
  ++state_.attempts;
  state_.phase = BrokerState::Phase::kConnecting;
  try {
    pending_ = client_.connect(connect_options_);
  } catch (const ::mqtt::exception& e) {
    pending_.reset();
    failed(e.get_error_str().empty() ? e.what() : e.get_error_str(), now_s);
  }
}

void BrokerLink::failed(const std::string& why, double now_s) {
  state_.phase = BrokerState::Phase::kRetrying;
  state_.error = why;
  const double delay =
      std::min(kMaxRetryS, static_cast<double>(1 << std::min(state_.attempts, 4)) / 2);
  next_attempt_s_ = now_s + delay;
  state_.retry_in_s = delay;
}

void BrokerLink::poll(double now_s) {
  if (refused_) return;
  if (pending_ && pending_->is_complete()) {
    const int rc = pending_->get_return_code();
    pending_.reset();
    if (rc == 0 && client_.is_connected()) {
      state_.phase = BrokerState::Phase::kConnected;
      state_.error.clear();
      state_.ever_connected = true;
      ++connections_;
      try {
        client_.subscribe(::mqtt::string_collection::create(topics_),
                          std::vector<int>(topics_.size(), 1));
      } catch (const ::mqtt::exception& e) {
        state_.error = std::string("subscribe failed: ") + e.what();
      }
    } else {
      const auto tcp = rc >= 1 && rc <= 5 ? std::string()
                                          : probe_tcp(options_.host, options_.port, kProbeTimeout);
      failed(explain_connect_failure(rc, tcp, options_.tls.enabled), now_s);
      if (is_refusal(rc)) {
        refused_ = true;
        state_.phase = BrokerState::Phase::kRefused;
      }
    }
  }
  switch (state_.phase) {
    case BrokerState::Phase::kConnected:
      if (!client_.is_connected()) {
        const auto tcp = probe_tcp(options_.host, options_.port, kProbeTimeout);
        state_.attempts = 0;
        failed(tcp.empty() ? "the connection dropped" : tcp, now_s);
      }
      break;
    case BrokerState::Phase::kRetrying:
      state_.retry_in_s = next_attempt_s_ - now_s;
      if (now_s >= next_attempt_s_) attempt(now_s);
      break;
    case BrokerState::Phase::kConnecting:
      if (!pending_) attempt(now_s);
      break;
    case BrokerState::Phase::kRefused:
      break;
  }
}

std::optional<Message> BrokerLink::next_message(std::chrono::milliseconds wait) {
  ::mqtt::const_message_ptr msg;
  if (!client_.try_consume_message_for(&msg, wait) || !msg) return std::nullopt;
  return Message{msg->get_topic(), msg->to_string()};
}

}  // namespace r3::view
