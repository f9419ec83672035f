#pragma once
// Every HTTP request but the WebSocket upgrade: /healthz, /metrics, the JSON API under /api/
// (setup, login, logout, me, accounts, screen link, health) and the static assets. Checks
// sessions, roles, CSRF tokens and origins. No sockets here: a request in, a response out.

#include <boost/beast/http.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "console/auth.hpp"
#include "console/config.hpp"
#include "console/metrics.hpp"

namespace r3::console {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

inline constexpr std::size_t kMaxBodyBytes = 16 * 1024;
inline constexpr const char* kCookieName = "r3_session";

struct HttpContext {
  std::string client_address;  // for the login rate limit
  bool https = false;
};

class HttpApi {
 public:
  // console_health(): the console's own state for /api/health and /healthz.
  HttpApi(const ConsoleConfig& config, Auth& auth, Metrics& metrics,
          std::function<nlohmann::json()> console_health);

  Response handle(const Request& req, const HttpContext& ctx);
  // The session a WebSocket upgrade may use, or nullopt (unauthenticated or foreign origin).
  std::optional<Login> websocket_login(const Request& req);

 private:
  Response api(const Request& req, const HttpContext& ctx, std::string_view path);
  Response static_file(const Request& req, std::string_view path);
  Response login_response(const Request& req, const Login& l, const HttpContext& ctx);
  std::optional<Login> session_of(const Request& req);
  bool same_origin(const Request& req) const;

  const ConsoleConfig& config_;
  Auth& auth_;
  Metrics& metrics_;
  std::function<nlohmann::json()> console_health_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

std::string cookie_value(std::string_view cookie_header, std::string_view name);

}  // namespace r3::console
