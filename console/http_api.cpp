#include "console/http_api.hpp"

#include <nlohmann/json.hpp>

#include "console/static_files.hpp"

namespace r3::console {
namespace {

using nlohmann::json;

Response make(const Request& req, http::status status, std::string body,
              std::string_view type = "application/json") {
  Response res{status, req.version()};
  res.set(http::field::server, "r3-console");
  res.set(http::field::content_type, boost::beast::string_view(type.data(), type.size()));
  res.set(http::field::cache_control, "no-store");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");  // the screen link's token never leaks
  res.set("X-Frame-Options", "DENY");
  res.set("Content-Security-Policy",
          "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
          "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

Response error(const Request& req, http::status status, const std::string& code,
               const std::string& message) {
  return make(req, status,
              json{{"ok", false}, {"error", {{"code", code}, {"message", message}}}}.dump(
                  -1, ' ', false, json::error_handler_t::replace));
}

std::string field(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string query_param(std::string_view target, std::string_view name) {
  const auto q = target.find('?');
  if (q == std::string_view::npos) return {};
  auto rest = target.substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return {};
}

}  // namespace

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    auto part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    header = header.substr(semi + 1);
  }
  return {};
}

HttpApi::HttpApi(const ConsoleConfig& config, Auth& auth, Metrics& metrics,
                 std::function<nlohmann::json()> console_health)
    : config_(config), auth_(auth), metrics_(metrics), console_health_(std::move(console_health)) {}

std::optional<Login> HttpApi::session_of(const Request& req) {
  const auto it = req.find(http::field::cookie);
  if (it == req.end()) return std::nullopt;
  return auth_.session(
      cookie_value(std::string_view(it->value().data(), it->value().size()), kCookieName));
}

bool HttpApi::same_origin(const Request& req) const {
  // Browsers send Origin on every cross-site POST and WebSocket; tools (curl) send none.
  const auto origin = req.find(http::field::origin);
  if (origin == req.end()) return true;
  const auto host = req.find(http::field::host);
  if (host == req.end()) return false;
  const std::string scheme = config_.https() ? "https://" : "http://";
  return origin->value() == scheme + std::string(host->value());
}

std::optional<Login> HttpApi::websocket_login(const Request& req) {
  if (!same_origin(req)) {
    ++metrics_.csrf_rejected;
    return std::nullopt;
  }
  return session_of(req);
}

Response HttpApi::handle(const Request& req, const HttpContext& ctx) {
  ++metrics_.http_requests;
  const std::string_view target(req.target().data(), req.target().size());
  const auto path = target.substr(0, target.find('?'));
  if (path == "/healthz") {
    const auto h = console_health_();
    const bool ok = h.value("mqtt_connected", false);
    return make(req, ok ? http::status::ok : http::status::service_unavailable,
                json{{"status", ok ? "ok" : "degraded"}, {"mqtt_connected", ok}}.dump());
  }
  if (path == "/metrics") {
    const double up =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    return make(req, http::status::ok, render_prometheus(metrics_, resident_bytes(), up),
                "text/plain; version=0.0.4");
  }
  if (path == "/screen") {
    auto l = auth_.screen_login(query_param(target, "token"));
    if (!l) {
      ++metrics_.http_unauthorized;
      return error(req, http::status::forbidden, l.error().code, l.error().message);
    }
    auto res = login_response(req, *l, ctx);
    res.result(http::status::see_other);
    res.set(http::field::location, "/#room");
    return res;
  }
  if (path.substr(0, 5) == "/api/") return api(req, ctx, path);
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    ++metrics_.http_bad_requests;
    return error(req, http::status::method_not_allowed, "bad_request", "only GET here");
  }
  return static_file(req, path);
}

Response HttpApi::login_response(const Request& req, const Login& l, const HttpContext& ctx) {
  ++metrics_.logins;
  auto res =
      make(req, http::status::ok,
           json{{"ok", true}, {"name", l.account}, {"role", role_name(l.role)}, {"csrf", l.csrf}}
               .dump());
  std::string cookie =
      std::string(kCookieName) + "=" + l.token + "; Path=/; HttpOnly; SameSite=Strict";
  if (ctx.https) cookie += "; Secure";
  res.set(http::field::set_cookie, cookie);
  return res;
}

Response HttpApi::api(const Request& req, const HttpContext& ctx, std::string_view path) {
  const bool post = req.method() == http::verb::post;
  json body = json::object();
  if (post) {
    if (!same_origin(req)) {
      ++metrics_.csrf_rejected;
      return error(req, http::status::forbidden, "forbidden", "request from another site");
    }
    const auto type = req.find(http::field::content_type);
    if (type == req.end() || type->value().substr(0, 16) != "application/json") {
      ++metrics_.http_bad_requests;
      return error(req, http::status::unsupported_media_type, "bad_request",
                   "send JSON (Content-Type: application/json)");
    }
    body = json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      ++metrics_.http_bad_requests;
      return error(req, http::status::bad_request, "bad_request", "the body must be a JSON object");
    }
  } else if (req.method() != http::verb::get) {
    ++metrics_.http_bad_requests;
    return error(req, http::status::method_not_allowed, "bad_request", "GET or POST only");
  }

  // Without a session.
  if (path == "/api/setup" && !post)
    return make(req, http::status::ok, json{{"needed", auth_.setup_needed()}}.dump());
  if (path == "/api/setup" && post) {
    auto l = auth_.setup(field(body, "token"), field(body, "name"), field(body, "password"));
    if (!l) {
      ++metrics_.http_bad_requests;
      return error(req, static_cast<http::status>(l.error().http_status), l.error().code,
                   l.error().message);
    }
    return login_response(req, *l, ctx);
  }
  if (path == "/api/login" && post) {
    auto l = auth_.login(ctx.client_address, field(body, "name"), field(body, "password"));
    if (!l) {
      auto e = l.error();
      if (e.http_status == 429) {
        ++metrics_.login_rate_limited;
      } else {
        ++metrics_.login_failures;
      }
      auto res = error(req, static_cast<http::status>(e.http_status), e.code, e.message);
      if (e.retry_after_s > 0) res.set(http::field::retry_after, std::to_string(e.retry_after_s));
      return res;
    }
    return login_response(req, *l, ctx);
  }

  const auto login = session_of(req);
  if (!login) {
    ++metrics_.http_unauthorized;
    return error(req, http::status::unauthorized, "unauthorized", "log in first");
  }
  if (post) {
    const auto token = req.find("X-CSRF-Token");
    if (token == req.end() || token->value() != login->csrf) {
      ++metrics_.csrf_rejected;
      return error(req, http::status::forbidden, "forbidden",
                   "missing or wrong CSRF token: reload the page");
    }
  }
  auto need = [&](Role r) { return static_cast<int>(login->role) >= static_cast<int>(r); };
  auto forbidden = [&] {
    ++metrics_.requests_forbidden;
    return error(req, http::status::forbidden, "forbidden", "your role does not allow this");
  };
  auto from = [&](Result<bool, AuthError> r) {
    if (r) return make(req, http::status::ok, json{{"ok", true}}.dump());
    ++metrics_.http_bad_requests;
    return error(req, static_cast<http::status>(r.error().http_status), r.error().code,
                 r.error().message);
  };

  if (path == "/api/me" && !post)
    return make(
        req, http::status::ok,
        json{{"name", login->account}, {"role", role_name(login->role)}, {"csrf", login->csrf}}
            .dump());
  if (path == "/api/logout" && post) {
    auth_.logout(login->token);
    auto res = make(req, http::status::ok, json{{"ok", true}}.dump());
    res.set(http::field::set_cookie,
            std::string(kCookieName) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    return res;
  }
  if (path == "/api/health" && !post) return make(req, http::status::ok, console_health_().dump());
  if (path == "/api/screen-link" && !post) {
    if (!need(Role::kCoach)) return forbidden();
    return make(req, http::status::ok,
                json{{"url", config_.url() + "/screen?token=" + auth_.screen_token()}}.dump());
  }
  if (path == "/api/screen-link/renew" && post) {
    if (!need(Role::kAdmin)) return forbidden();
    return make(
        req, http::status::ok,
        json{{"url", config_.url() + "/screen?token=" + auth_.rotate_screen_token()}}.dump());
  }
  if (path == "/api/accounts" && !post) {
    if (!need(Role::kAdmin)) return forbidden();
    json list = json::array();
    for (const auto& a : auth_.accounts())
      list.push_back({{"name", a.name}, {"role", role_name(a.role)}});
    return make(req, http::status::ok, json{{"accounts", list}}.dump());
  }
  if (path == "/api/accounts" && post) {
    if (!need(Role::kAdmin)) return forbidden();
    return from(
        auth_.add_account(field(body, "name"), field(body, "password"), field(body, "role")));
  }
  if (path == "/api/accounts/remove" && post) {
    if (!need(Role::kAdmin)) return forbidden();
    return from(auth_.remove_account(field(body, "name"), login->account));
  }
  ++metrics_.http_not_found;
  return error(req, http::status::not_found, "not_found", "no such API");
}

Response HttpApi::static_file(const Request& req, std::string_view path) {
  const auto rel = asset_path(path);
  std::optional<std::string> data;
  if (rel) data = read_asset(config_.web_root, *rel);
  if (!data) {
    ++metrics_.http_not_found;
    return error(req, http::status::not_found, "not_found", "no such page");
  }
  auto res = make(req, http::status::ok, std::move(*data), content_type(*rel));
  res.set(http::field::cache_control, "no-cache");
  return res;
}

}  // namespace r3::console
