#pragma once
// The console's SQLite database: the roster (display name -> pseudonymous user id), accounts,
// login sessions (token hashes only) and settings. Display names live here and in the browser,
// never on MQTT and never in the log. One connection, used from the loop thread only.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "console/client_request.hpp"
#include "core/util/result.hpp"

namespace r3::console {

struct Person {
  std::string user_id;
  std::string display_name;
};

struct Account {
  std::string name;
  Role role = Role::kScreen;
  std::string password_hash;
};

struct LoginRecord {
  std::string account;
  Role role = Role::kScreen;
  std::string csrf;
  std::int64_t expires_unix = 0;
};

using Status = Result<bool, std::string>;

class Database {
 public:
  // ":memory:" for tests.
  static Result<std::unique_ptr<Database>, std::string> open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  std::vector<Person> people();
  Result<Person, std::string> add_person(const std::string& display_name);
  Status rename_person(const std::string& user_id, const std::string& display_name);
  Status remove_person(const std::string& user_id);

  std::size_t account_count();
  std::vector<Account> accounts();
  std::optional<Account> account(const std::string& name);
  Status add_account(const std::string& name, Role role, const std::string& password_hash);
  Status remove_account(const std::string& name);

  Status add_login(const std::string& token_hash, const LoginRecord& rec);
  std::optional<LoginRecord> login(const std::string& token_hash, std::int64_t now_unix);
  void remove_login(const std::string& token_hash);
  void remove_logins_of(const std::string& account);

  std::optional<std::string> setting(const std::string& key);
  Status set_setting(const std::string& key, const std::string& value);

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  Status exec(const char* sql);
  sqlite3* db_;
};

// 1-60 characters, valid UTF-8, no control characters; error says which rule failed.
Status check_display_name(const std::string& name);

}  // namespace r3::console
