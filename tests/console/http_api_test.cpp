#include "console/http_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "console/static_files.hpp"

namespace r3::console {
namespace {

using nlohmann::json;

struct AnHttpApi : ::testing::Test {
  ConsoleConfig config = [] {
    ConsoleConfig c;
    c.web_root = R3_CONSOLE_WEB_ROOT;
    return c;
  }();
  std::unique_ptr<Database> db = std::move(Database::open(":memory:").value());
  Auth auth{*db, 10};
  Metrics metrics;
  bool mqtt_up = true;
  HttpApi api{config, auth, metrics, [this] { return json{{"mqtt_connected", mqtt_up}}; }};
  HttpContext ctx{"127.0.0.1", false};

  Response get(const std::string& target, const std::string& cookie = "") {
    Request r{http::verb::get, target, 11};
    r.set(http::field::host, "127.0.0.1:8080");
    if (!cookie.empty()) r.set(http::field::cookie, cookie);
    return api.handle(r, ctx);
  }
  Response post(const std::string& target, const json& body, const std::string& cookie = "",
                const std::string& csrf = "", const std::string& origin = "") {
    Request r{http::verb::post, target, 11};
    r.set(http::field::host, "127.0.0.1:8080");
    r.set(http::field::content_type, "application/json");
    if (!cookie.empty()) r.set(http::field::cookie, cookie);
    if (!csrf.empty()) r.set("X-CSRF-Token", csrf);
    if (!origin.empty()) r.set(http::field::origin, origin);
    r.body() = body.dump();
    r.prepare_payload();
    return api.handle(r, ctx);
  }
  static std::string cookie_of(const Response& r) {
    const std::string c(r[http::field::set_cookie]);
    return c.substr(0, c.find(';'));
  }
  // An admin's cookie and CSRF token after the first-start setup.
  std::pair<std::string, std::string> admin() {
    auto r =
        post("/api/setup",
             {{"token", auth.setup_token()}, {"name", "admin"}, {"password", "long enough pw"}});
    return {cookie_of(r), json::parse(r.body())["csrf"]};
  }
};

TEST_F(AnHttpApi, ReportsHealthAndMetricsWithoutALogin) {
  EXPECT_EQ(get("/healthz").result(), http::status::ok);
  mqtt_up = false;
  EXPECT_EQ(get("/healthz").result(), http::status::service_unavailable);
  const auto m = get("/metrics");
  EXPECT_EQ(m.result(), http::status::ok);
  EXPECT_NE(m.body().find("# TYPE r3_console_http_requests_total counter"), std::string::npos);
  EXPECT_NE(m.body().find("process_resident_memory_bytes"), std::string::npos);
}

TEST_F(AnHttpApi, SetsUpOnceThenSetsAnHttpOnlySameSiteCookie) {
  EXPECT_EQ(json::parse(get("/api/setup").body())["needed"], true);
  auto r = post("/api/setup",
                {{"token", auth.setup_token()}, {"name", "admin"}, {"password", "long enough pw"}});
  ASSERT_EQ(r.result(), http::status::ok) << r.body();
  const std::string cookie(r[http::field::set_cookie]);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(json::parse(get("/api/me", cookie_of(r)).body())["role"], "admin");
  EXPECT_EQ(json::parse(get("/api/setup").body())["needed"], false);
}

TEST_F(AnHttpApi, RefusesAStateChangeWithoutTheCsrfToken) {
  const auto [cookie, csrf] = admin();
  const json body = {{"name", "coach"}, {"password", "long enough pw"}, {"role", "coach"}};
  EXPECT_EQ(post("/api/accounts", body, cookie).result(), http::status::forbidden);
  EXPECT_EQ(post("/api/accounts", body, cookie, "wrong").result(), http::status::forbidden);
  EXPECT_EQ(metrics.csrf_rejected, 2U);
  EXPECT_EQ(post("/api/accounts", body, cookie, csrf).result(), http::status::ok);
}

TEST_F(AnHttpApi, RefusesAPostFromAnotherSite) {
  const auto [cookie, csrf] = admin();
  const auto r = post("/api/logout", json::object(), cookie, csrf, "http://evil.example");
  EXPECT_EQ(r.result(), http::status::forbidden);
  EXPECT_EQ(post("/api/logout", json::object(), cookie, csrf, "http://127.0.0.1:8080").result(),
            http::status::ok);
}

TEST_F(AnHttpApi, KeepsCoachesOutOfAdminWork) {
  const auto [cookie, csrf] = admin();
  ASSERT_EQ(
      post("/api/accounts", {{"name", "coach"}, {"password", "long enough pw"}, {"role", "coach"}},
           cookie, csrf)
          .result(),
      http::status::ok);
  const auto login = post("/api/login", {{"name", "coach"}, {"password", "long enough pw"}});
  ASSERT_EQ(login.result(), http::status::ok);
  EXPECT_EQ(get("/api/accounts", cookie_of(login)).result(), http::status::forbidden);
  EXPECT_EQ(get("/api/screen-link", cookie_of(login)).result(), http::status::ok);
}

TEST_F(AnHttpApi, AnswersBadInputWithAClearErrorAndACounter) {
  Request r{http::verb::post, "/api/login", 11};
  r.set(http::field::content_type, "text/plain");
  r.body() = "x";
  EXPECT_EQ(api.handle(r, ctx).result(), http::status::unsupported_media_type);
  r.set(http::field::content_type, "application/json");
  r.body() = "{nope";
  const auto res = api.handle(r, ctx);
  EXPECT_EQ(res.result(), http::status::bad_request);
  EXPECT_EQ(json::parse(res.body())["error"]["message"], "the body must be a JSON object");
  EXPECT_EQ(metrics.http_bad_requests, 2U);
  EXPECT_EQ(get("/api/me").result(), http::status::unauthorized);
  EXPECT_EQ(get("/../etc/passwd").result(), http::status::not_found);
}

TEST_F(AnHttpApi, LogsATvInWithTheScreenLinkAsReadOnly) {
  const auto r = get("/screen?token=" + auth.screen_token());
  ASSERT_EQ(r.result(), http::status::see_other);
  EXPECT_EQ(r[http::field::location], "/#room");
  EXPECT_EQ(json::parse(get("/api/me", cookie_of(r)).body())["role"], "screen");
  EXPECT_EQ(get("/screen?token=guess").result(), http::status::forbidden);
}

TEST_F(AnHttpApi, ServesTheWebAssetsWithTheirTypes) {
  const auto r = get("/");
  ASSERT_EQ(r.result(), http::status::ok);
  EXPECT_EQ(r[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(get("/js/app.js")[http::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_NE(std::string(r["Content-Security-Policy"]).find("default-src 'self'"),
            std::string::npos);
}

TEST(AnAssetPath, RefusesEverythingOutsideTheWebRoot) {
  EXPECT_EQ(asset_path("/").value(), "index.html");
  EXPECT_EQ(asset_path("/js/app.js?v=1").value(), "js/app.js");
  EXPECT_FALSE(asset_path("/../secret"));
  EXPECT_FALSE(asset_path("/js/../../x"));
  EXPECT_FALSE(asset_path("/.hidden"));
  EXPECT_FALSE(asset_path("//etc/passwd"));
  EXPECT_FALSE(asset_path("/a%2e%2e/b"));
  EXPECT_FALSE(asset_path("relative"));
}

TEST(ACookieHeader, YieldsTheNamedValue) {
  EXPECT_EQ(cookie_value("a=1; r3_session=abc; b=2", "r3_session"), "abc");
  EXPECT_EQ(cookie_value("a=1", "r3_session"), "");
}

}  // namespace
}  // namespace r3::console
