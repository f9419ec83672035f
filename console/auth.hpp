#pragma once
// Who may do what: first-start setup (a one-time link, no default password), logins with a slow
// KDF and a rate limit, cookie sessions with a CSRF token, and the read-only screen link.

#include <chrono>
#include <optional>
#include <string>

#include "console/database.hpp"
#include "console/rate_limiter.hpp"

namespace r3::console {

struct AuthError {
  int http_status = 400;
  std::string code;  // bad_request, unauthorized, forbidden, rate_limited, conflict
  std::string message;
  int retry_after_s = 0;
};

struct Login {
  std::string token;  // the cookie value (only its hash is stored)
  std::string account;
  Role role = Role::kScreen;
  std::string csrf;
};

class Auth {
 public:
  Auth(Database& db, int scrypt_log2_n = kDefaultLog2N);
  static constexpr int kDefaultLog2N = 15;

  // A one-time token while no account exists (empty otherwise); valid until used.
  [[nodiscard]] const std::string& setup_token() const { return setup_token_; }
  [[nodiscard]] bool setup_needed();
  Result<Login, AuthError> setup(const std::string& token, const std::string& name,
                                 const std::string& password);
  Result<Login, AuthError> login(const std::string& client, const std::string& name,
                                 const std::string& password);
  Result<Login, AuthError> screen_login(const std::string& screen_token);
  std::optional<Login> session(const std::string& cookie_token);
  void logout(const std::string& cookie_token);

  Result<bool, AuthError> add_account(const std::string& name, const std::string& password,
                                      const std::string& role);
  Result<bool, AuthError> remove_account(const std::string& name, const std::string& self);
  std::vector<Account> accounts() { return db_.accounts(); }
  // The screen link's token, made on first use; rotating it logs every screen out.
  std::string screen_token();
  std::string rotate_screen_token();

 private:
  Result<Login, AuthError> start_session(const std::string& account, Role role,
                                         std::chrono::seconds lifetime);
  Database& db_;
  int log2_n_;
  std::string setup_token_;
  std::string dummy_hash_;  // verified for unknown names: same time as for known ones
  RateLimiter limiter_;
};

// 10-200 characters: long enough that the rate limit and the KDF make guessing hopeless.
std::optional<std::string> password_problem(const std::string& password);

}  // namespace r3::console
