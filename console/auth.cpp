#include "console/auth.hpp"

#include "console/crypto.hpp"
#include "core/util/safe_id.hpp"

namespace r3::console {
namespace {

using std::chrono::hours;
constexpr auto kPersonLifetime = std::chrono::duration_cast<std::chrono::seconds>(hours(12));
constexpr auto kScreenLifetime = std::chrono::duration_cast<std::chrono::seconds>(hours(24 * 365));
constexpr const char* kScreenAccount = "screen-link";

std::int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

AuthError error(int status, const char* code, std::string message) {
  return AuthError{status, code, std::move(message), 0};
}

}  // namespace

std::optional<std::string> password_problem(const std::string& password) {
  if (password.size() < 10) return "the password must have at least 10 characters";
  if (password.size() > 200) return "the password must have at most 200 characters";
  return std::nullopt;
}

Auth::Auth(Database& db, int scrypt_log2_n)
    : db_(db), log2_n_(scrypt_log2_n), limiter_(5, std::chrono::minutes(1)) {
  if (db_.account_count() == 0) setup_token_ = random_hex(16);
  dummy_hash_ = hash_password(random_hex(8), log2_n_);
}

bool Auth::setup_needed() {
  return db_.account_count() == 0;
}

Result<Login, AuthError> Auth::setup(const std::string& token, const std::string& name,
                                     const std::string& password) {
  if (!setup_needed() || setup_token_.empty())
    return Err{error(409, "conflict", "the console is already set up: log in")};
  if (!same_secret(token, setup_token_))
    return Err{error(403, "forbidden", "the setup link is not valid: use the one in the log")};
  if (auto added = add_account(name, password, "admin"); !added) return Err{added.error()};
  setup_token_.clear();  // one time only
  return start_session(name, Role::kAdmin, kPersonLifetime);
}

Result<Login, AuthError> Auth::login(const std::string& client, const std::string& name,
                                     const std::string& password) {
  const auto now = RateLimiter::Clock::now();
  if (const auto wait = limiter_.wait_time(client, now); wait > wait.zero()) {
    auto e = error(429, "rate_limited", "too many failed logins: try again in a minute");
    e.retry_after_s = static_cast<int>(std::chrono::ceil<std::chrono::seconds>(wait).count());
    return Err{e};
  }
  const auto account = db_.account(name);
  // The KDF runs for unknown names too, so timing does not tell which names exist.
  const bool ok = account ? verify_password(password, account->password_hash)
                          : (verify_password(password, dummy_hash_), false);
  if (!ok) {
    limiter_.failed(client, now);
    return Err{error(401, "unauthorized", "wrong name or password")};
  }
  limiter_.succeeded(client);
  return start_session(account->name, account->role, kPersonLifetime);
}

Result<Login, AuthError> Auth::screen_login(const std::string& screen_token) {
  const auto stored = db_.setting("screen_token");
  if (!stored || screen_token.empty() || !same_secret(screen_token, *stored))
    return Err{error(403, "forbidden", "this screen link is not valid (it may have been renewed)")};
  return start_session(kScreenAccount, Role::kScreen, kScreenLifetime);
}

std::optional<Login> Auth::session(const std::string& cookie_token) {
  if (cookie_token.empty() || cookie_token.size() > 128) return std::nullopt;
  const auto rec = db_.login(sha256_hex(cookie_token), now_unix());
  if (!rec) return std::nullopt;
  return Login{cookie_token, rec->account, rec->role, rec->csrf};
}

void Auth::logout(const std::string& cookie_token) {
  db_.remove_login(sha256_hex(cookie_token));
}

Result<bool, AuthError> Auth::add_account(const std::string& name, const std::string& password,
                                          const std::string& role_text) {
  Role role = Role::kScreen;
  if (!util::is_safe_id(name) || name == kScreenAccount)
    return Err{
        error(400, "bad_request", "the account name must be 1-64 characters of A-Z a-z 0-9 _ . -")};
  if (!parse_role(role_text, role))
    return Err{error(400, "bad_request", "the role must be screen, coach or admin")};
  if (auto p = password_problem(password)) return Err{error(400, "bad_request", *p)};
  const auto hash = hash_password(password, log2_n_);
  if (hash.empty()) return Err{error(500, "internal", "could not hash the password")};
  if (auto s = db_.add_account(name, role, hash); !s) return Err{error(409, "conflict", s.error())};
  return true;
}

Result<bool, AuthError> Auth::remove_account(const std::string& name, const std::string& self) {
  if (name == self) return Err{error(400, "bad_request", "you cannot remove your own account")};
  if (auto s = db_.remove_account(name); !s) return Err{error(404, "not_found", s.error())};
  return true;
}

std::string Auth::screen_token() {
  if (auto t = db_.setting("screen_token")) return *t;
  return rotate_screen_token();
}

std::string Auth::rotate_screen_token() {
  const auto token = random_hex(16);
  (void)db_.set_setting("screen_token", token);
  db_.remove_logins_of(kScreenAccount);
  return token;
}

Result<Login, AuthError> Auth::start_session(const std::string& account, Role role,
                                             std::chrono::seconds lifetime) {
  Login l{random_hex(32), account, role, random_hex(16)};
  if (l.token.empty() || l.csrf.empty())
    return Err{error(500, "internal", "no random numbers available")};
  const LoginRecord rec{account, role, l.csrf, now_unix() + lifetime.count()};
  if (auto s = db_.add_login(sha256_hex(l.token), rec); !s)
    return Err{error(500, "internal", s.error())};
  return l;
}

}  // namespace r3::console
