#include "tools/r3-view/view_model.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tools/r3-view/render.hpp"

namespace r3::view {
namespace {

using ::testing::HasSubstr;

std::string rep(int set, int index, double rom) {
  return R"({"device_id":"r3-c0ffee000001","set_index":)" + std::to_string(set) +
         R"(,"rep_index":)" + std::to_string(index) + R"(,"rom_deg":)" + std::to_string(rom) +
         R"(,"duration_s":3.25,"force_mean_n":41.5,"sparc":-1.61})";
}

TEST(AViewModel, CountsRepsPerSetAndInTotalPerUser) {
  ViewModel m;
  EXPECT_TRUE(m.apply("r3/v1/room-1/users/u1/rep", rep(1, 1, 20), 0));
  EXPECT_TRUE(m.apply("r3/v1/room-1/users/u1/rep", rep(1, 2, 30), 0));
  EXPECT_TRUE(m.apply("r3/v1/room-1/users/u1/set", R"({"rep_count":2})", 0));
  EXPECT_TRUE(m.apply("r3/v1/room-1/users/u1/rep", rep(2, 1, 25.5), 0));
  EXPECT_TRUE(m.apply("r3/v1/room-1/users/u2/rep", rep(1, 1, 10), 0));
  ASSERT_EQ(m.rows().size(), 2u);
  const auto& u1 = m.rows().at("room-1/u1");
  EXPECT_EQ(u1.set_index, 2u);
  EXPECT_EQ(u1.reps_in_set, 1u);
  EXPECT_EQ(u1.reps_total, 3u);
  EXPECT_EQ(u1.sets_done, 1u);
  EXPECT_DOUBLE_EQ(*u1.rom_deg, 25.5);
  EXPECT_EQ(u1.device_id, "r3-c0ffee000001");
}

TEST(AViewModel, IgnoresForeignTopicsAndMalformedPayloads) {
  ViewModel m;
  EXPECT_FALSE(m.apply("r3/v1/room-1/devices/x", "{}", 0));
  EXPECT_FALSE(m.apply("r3/v1/room-1/users/u1/rep", "{not json", 0));
  EXPECT_FALSE(m.apply("r3/v1/room-1/users/u1/other", "{}", 0));
  EXPECT_EQ(m.ignored(), 3u);
}

TEST(AViewModel, TakesTheStateFromLiveSamplesAndStatus) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", R"({"state":"idle"})", 0);
  EXPECT_EQ(m.rows().at("g/u1").state, "idle");
  m.apply("r3/v1/g/users/u1/live", R"({"force_n":80.0,"state":"moving"})", 1.0);
  EXPECT_EQ(m.rows().at("g/u1").state, "moving");
  EXPECT_DOUBLE_EQ(*m.rows().at("g/u1").live_force_n, 80.0);
}

TEST(ARenderedView, ShowsOneLinePerUserWithTheLastRepAndALiveGauge) {
  ViewModel m;
  m.apply("r3/v1/g/users/athlete-07/rep", rep(1, 4, 33.3), 0);
  m.apply("r3/v1/g/users/athlete-07/live", R"({"force_n":150.0,"state":"loaded"})", 10.0);
  const auto text = render(m, {"localhost:1883", "+", true, false}, 10.5);
  EXPECT_THAT(text, HasSubstr("athlete-07"));
  EXPECT_THAT(text, HasSubstr("33.3"));
  EXPECT_THAT(text, HasSubstr("[##########..........]  150 N"));
  EXPECT_EQ(text.find("\x1b["), std::string::npos);  // plain: no escape sequences
  // Two seconds later the gauge is stale and shows nothing.
  EXPECT_THAT(render(m, {"b", "+", true, false}, 13.0), HasSubstr("]    -"));
}

}  // namespace
}  // namespace r3::view
