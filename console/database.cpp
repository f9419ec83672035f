#include "console/database.hpp"

#include "console/crypto.hpp"

namespace r3::console {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS people (
  user_id TEXT PRIMARY KEY, display_name TEXT NOT NULL,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE TABLE IF NOT EXISTS accounts (
  name TEXT PRIMARY KEY, role TEXT NOT NULL, password TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS logins (
  token_hash TEXT PRIMARY KEY, account TEXT NOT NULL, role TEXT NOT NULL, csrf TEXT NOT NULL,
  expires INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

// One prepared statement, finalized on scope exit; binds text and integers by position.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    ok_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) == SQLITE_OK;
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& bind(int i, const std::string& v) {
    if (ok_)
      ok_ = sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) ==
            SQLITE_OK;
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    if (ok_) ok_ = sqlite3_bind_int64(s_, i, v) == SQLITE_OK;
    return *this;
  }
  bool row() { return ok_ && sqlite3_step(s_) == SQLITE_ROW; }
  bool run() { return ok_ && sqlite3_step(s_) == SQLITE_DONE; }
  std::string text(int col) {
    const auto* t = sqlite3_column_text(s_, col);
    return t == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(t));
  }
  std::int64_t integer(int col) { return sqlite3_column_int64(s_, col); }

 private:
  sqlite3_stmt* s_ = nullptr;
  bool ok_ = false;
};

Status failure(sqlite3* db, const std::string& what) {
  return Err{what + ": " + sqlite3_errmsg(db)};
}

Role role_or_screen(const std::string& text) {
  Role r = Role::kScreen;
  (void)parse_role(text, r);
  return r;
}

}  // namespace

Result<std::unique_ptr<Database>, std::string> Database::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Err{"cannot open database '" + path + "': " + why};
  }
  std::unique_ptr<Database> d(new Database(db));
  sqlite3_busy_timeout(db, 2000);
  if (auto s = d->exec(kSchema); !s) return Err{"database '" + path + "': " + s.error()};
  return d;
}

Database::~Database() {
  sqlite3_close(db_);
}

Status Database::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) == SQLITE_OK) return true;
  std::string why = err != nullptr ? err : "unknown error";
  sqlite3_free(err);
  return Err{why};
}

std::vector<Person> Database::people() {
  std::vector<Person> out;
  Stmt s(db_, "SELECT user_id, display_name FROM people ORDER BY display_name COLLATE NOCASE");
  while (s.row()) out.push_back({s.text(0), s.text(1)});
  return out;
}

Result<Person, std::string> Database::add_person(const std::string& display_name) {
  if (auto c = check_display_name(display_name); !c) return Err{c.error()};
  for (int attempt = 0; attempt < 4; ++attempt) {
    // Pseudonymous and unguessable from the name: what goes on MQTT.
    Person p{"p-" + random_hex(5), display_name};
    Stmt s(db_, "INSERT INTO people(user_id, display_name) VALUES(?, ?)");
    if (s.bind(1, p.user_id).bind(2, p.display_name).run()) return p;
  }
  return Err{std::string("could not store the person: ") + sqlite3_errmsg(db_)};
}

Status Database::rename_person(const std::string& user_id, const std::string& display_name) {
  if (auto c = check_display_name(display_name); !c) return c;
  Stmt s(db_, "UPDATE people SET display_name = ? WHERE user_id = ?");
  if (!s.bind(1, display_name).bind(2, user_id).run()) return failure(db_, "rename");
  if (sqlite3_changes(db_) == 0) return Err{"no person with user id '" + user_id + "'"};
  return true;
}

Status Database::remove_person(const std::string& user_id) {
  Stmt s(db_, "DELETE FROM people WHERE user_id = ?");
  if (!s.bind(1, user_id).run()) return failure(db_, "remove");
  if (sqlite3_changes(db_) == 0) return Err{"no person with user id '" + user_id + "'"};
  return true;
}

std::size_t Database::account_count() {
  Stmt s(db_, "SELECT COUNT(*) FROM accounts");
  return s.row() ? static_cast<std::size_t>(s.integer(0)) : 0;
}

std::vector<Account> Database::accounts() {
  std::vector<Account> out;
  Stmt s(db_, "SELECT name, role FROM accounts ORDER BY name");
  while (s.row()) out.push_back({s.text(0), role_or_screen(s.text(1)), {}});
  return out;
}

std::optional<Account> Database::account(const std::string& name) {
  Stmt s(db_, "SELECT name, role, password FROM accounts WHERE name = ?");
  s.bind(1, name);
  if (!s.row()) return std::nullopt;
  return Account{s.text(0), role_or_screen(s.text(1)), s.text(2)};
}

Status Database::add_account(const std::string& name, Role role, const std::string& hash) {
  Stmt s(db_, "INSERT INTO accounts(name, role, password) VALUES(?, ?, ?)");
  if (!s.bind(1, name).bind(2, std::string(role_name(role))).bind(3, hash).run()) {
    if (sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_PRIMARYKEY)
      return Err{"an account named '" + name + "' exists"};
    return failure(db_, "add account");
  }
  return true;
}

Status Database::remove_account(const std::string& name) {
  Stmt s(db_, "DELETE FROM accounts WHERE name = ?");
  if (!s.bind(1, name).run()) return failure(db_, "remove account");
  if (sqlite3_changes(db_) == 0) return Err{"no account named '" + name + "'"};
  remove_logins_of(name);
  return true;
}

Status Database::add_login(const std::string& token_hash, const LoginRecord& rec) {
  Stmt s(db_, "INSERT INTO logins(token_hash, account, role, csrf, expires) VALUES(?,?,?,?,?)");
  if (!s.bind(1, token_hash)
           .bind(2, rec.account)
           .bind(3, std::string(role_name(rec.role)))
           .bind(4, rec.csrf)
           .bind(5, rec.expires_unix)
           .run())
    return failure(db_, "add login");
  return true;
}

std::optional<LoginRecord> Database::login(const std::string& token_hash, std::int64_t now_unix) {
  {
    Stmt purge(db_, "DELETE FROM logins WHERE expires <= ?");
    purge.bind(1, now_unix).run();
  }
  Stmt s(db_, "SELECT account, role, csrf, expires FROM logins WHERE token_hash = ?");
  s.bind(1, token_hash);
  if (!s.row()) return std::nullopt;
  return LoginRecord{s.text(0), role_or_screen(s.text(1)), s.text(2), s.integer(3)};
}

void Database::remove_login(const std::string& token_hash) {
  Stmt s(db_, "DELETE FROM logins WHERE token_hash = ?");
  s.bind(1, token_hash).run();
}

void Database::remove_logins_of(const std::string& account) {
  Stmt s(db_, "DELETE FROM logins WHERE account = ?");
  s.bind(1, account).run();
}

std::optional<std::string> Database::setting(const std::string& key) {
  Stmt s(db_, "SELECT value FROM settings WHERE key = ?");
  s.bind(1, key);
  if (!s.row()) return std::nullopt;
  return s.text(0);
}

Status Database::set_setting(const std::string& key, const std::string& value) {
  Stmt s(db_,
         "INSERT INTO settings(key, value) VALUES(?, ?) "
         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!s.bind(1, key).bind(2, value).run()) return failure(db_, "setting");
  return true;
}

Status check_display_name(const std::string& name) {
  if (name.empty()) return Err{std::string("the display name is empty")};
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80         ? 1
                            : (c >> 5) == 6  ? 2
                            : (c >> 4) == 14 ? 3
                            : (c >> 3) == 30 ? 4
                                             : 0;
    if (len == 0 || i + len > name.size())
      return Err{std::string("the display name is not valid UTF-8")};
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(name[i + k]) >> 6) != 2)
        return Err{std::string("the display name is not valid UTF-8")};
    }
    if (c < 0x20 || c == 0x7f)
      return Err{std::string("the display name holds a control character")};
    i += len;
    ++chars;
  }
  if (chars > 60) return Err{std::string("the display name is longer than 60 characters")};
  return true;
}

}  // namespace r3::console
