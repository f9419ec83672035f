#include "console/auth.hpp"

#include <gtest/gtest.h>

#include "console/crypto.hpp"

namespace r3::console {
namespace {

constexpr int kFastKdf = 10;  // 2^10: the same code path, quick enough for a unit test

struct AnAuth : ::testing::Test {
  std::unique_ptr<Database> db = std::move(Database::open(":memory:").value());
  Auth auth{*db, kFastKdf};
};

TEST(APasswordHash, VerifiesTheRightPasswordOnly) {
  const auto h = hash_password("correct horse", kFastKdf);
  EXPECT_EQ(h.rfind("scrypt$10$8$1$", 0), 0U);
  EXPECT_TRUE(verify_password("correct horse", h));
  EXPECT_FALSE(verify_password("correct horsf", h));
  EXPECT_FALSE(verify_password("correct horse", "scrypt$10$8$1$zz$00"));
  EXPECT_FALSE(verify_password("x", ""));
  EXPECT_NE(hash_password("same", kFastKdf), hash_password("same", kFastKdf));  // salted
}

TEST_F(AnAuth, OffersAOneTimeSetupLinkOnlyWhileNoAccountExists) {
  ASSERT_TRUE(auth.setup_needed());
  const auto token = auth.setup_token();
  ASSERT_EQ(token.size(), 32U);
  EXPECT_EQ(auth.setup("wrong", "admin", "long enough pw").error().http_status, 403);
  auto l = auth.setup(token, "admin", "long enough pw");
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->role, Role::kAdmin);
  EXPECT_FALSE(auth.setup_needed());
  EXPECT_EQ(auth.setup(token, "other", "long enough pw").error().http_status, 409);
}

TEST_F(AnAuth, RefusesShortPasswordsAndUnsafeNames) {
  EXPECT_EQ(auth.add_account("coach", "short", "coach").error().message,
            "the password must have at least 10 characters");
  EXPECT_EQ(auth.add_account("a b", "long enough pw", "coach").error().code, "bad_request");
  EXPECT_EQ(auth.add_account("c", "long enough pw", "root").error().message,
            "the role must be screen, coach or admin");
}

TEST_F(AnAuth, LogsInWithTheRightPasswordAndKeepsTheSession) {
  ASSERT_TRUE(auth.add_account("coach", "long enough pw", "coach").ok());
  auto l = auth.login("1.2.3.4", "coach", "long enough pw");
  ASSERT_TRUE(l.ok());
  const auto s = auth.session(l->token);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->role, Role::kCoach);
  EXPECT_EQ(s->csrf, l->csrf);
  auth.logout(l->token);
  EXPECT_FALSE(auth.session(l->token));
  EXPECT_FALSE(auth.session("forged"));
}

TEST_F(AnAuth, RateLimitsFailedLoginsPerClient) {
  ASSERT_TRUE(auth.add_account("coach", "long enough pw", "coach").ok());
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(auth.login("9.9.9.9", "coach", "bad").error().http_status, 401);
  const auto limited = auth.login("9.9.9.9", "coach", "long enough pw");
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().http_status, 429);
  EXPECT_GT(limited.error().retry_after_s, 0);
  EXPECT_TRUE(auth.login("8.8.8.8", "coach", "long enough pw").ok());  // others unaffected
}

TEST_F(AnAuth, OpensAReadOnlyScreenSessionWithTheScreenToken) {
  const auto token = auth.screen_token();
  EXPECT_EQ(auth.screen_token(), token);  // stable until renewed
  auto l = auth.screen_login(token);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->role, Role::kScreen);
  EXPECT_FALSE(auth.screen_login("guess").ok());
  auth.rotate_screen_token();
  EXPECT_FALSE(auth.screen_login(token).ok());
  EXPECT_FALSE(auth.session(l->token));  // renewing logs the old screens out
}

TEST(ARateLimiter, AllowsAgainOnceTheWindowHasPassed) {
  using namespace std::chrono_literals;
  RateLimiter r(2, 60s);
  const auto t = RateLimiter::Clock::time_point{} + 1h;
  r.failed("a", t);
  r.failed("a", t + 1s);
  EXPECT_GT(r.wait_time("a", t + 2s), 0s);
  EXPECT_EQ(r.wait_time("a", t + 61s), RateLimiter::Clock::duration::zero());
}

}  // namespace
}  // namespace r3::console
