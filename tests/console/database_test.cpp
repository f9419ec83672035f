#include "console/database.hpp"

#include <gtest/gtest.h>

namespace r3::console {
namespace {

struct ADatabase : ::testing::Test {
  std::unique_ptr<Database> db = std::move(Database::open(":memory:").value());
};

TEST_F(ADatabase, GivesEachPersonAPseudonymousIdNeverTheirName) {
  auto p = db->add_person("Ana Müller");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->user_id.rfind("p-", 0), 0U);
  EXPECT_EQ(p->user_id.find("Ana"), std::string::npos);
  ASSERT_EQ(db->people().size(), 1U);
  EXPECT_EQ(db->people()[0].display_name, "Ana Müller");
}

TEST_F(ADatabase, RenamesAndRemovesPeopleAndSaysWhenThereIsNoSuchPerson) {
  auto p = db->add_person("Bo");
  ASSERT_TRUE(db->rename_person(p->user_id, "Bob").ok());
  EXPECT_EQ(db->people()[0].display_name, "Bob");
  EXPECT_EQ(db->rename_person("p-none", "X").error(), "no person with user id 'p-none'");
  ASSERT_TRUE(db->remove_person(p->user_id).ok());
  EXPECT_TRUE(db->people().empty());
}

TEST_F(ADatabase, RefusesBadDisplayNames) {
  EXPECT_EQ(db->add_person("").error(), "the display name is empty");
  EXPECT_EQ(db->add_person("a\nb").error(), "the display name holds a control character");
  EXPECT_EQ(db->add_person("\xff").error(), "the display name is not valid UTF-8");
  EXPECT_EQ(db->add_person(std::string(61, 'x')).error(),
            "the display name is longer than 60 characters");
  EXPECT_TRUE(db->add_person(std::string(60, 'x')).ok());
}

TEST_F(ADatabase, KeepsAccountNamesUnique) {
  ASSERT_TRUE(db->add_account("a", Role::kCoach, "h").ok());
  EXPECT_EQ(db->add_account("a", Role::kAdmin, "h").error(), "an account named 'a' exists");
  EXPECT_EQ(db->account("a")->role, Role::kCoach);
}

TEST_F(ADatabase, ForgetsExpiredLogins) {
  ASSERT_TRUE(db->add_login("h1", {"a", Role::kCoach, "c", 100}).ok());
  EXPECT_TRUE(db->login("h1", 99));
  EXPECT_FALSE(db->login("h1", 100));
}

TEST(ADatabaseFile, ReportsAnUnopenablePath) {
  auto d = Database::open("/nonexistent-dir/x/console.db");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().find("cannot open database"), std::string::npos);
}

}  // namespace
}  // namespace r3::console
