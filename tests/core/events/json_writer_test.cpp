#include "core/util/json_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace r3::util {
namespace {

std::string write(auto&& fill) {
  std::string out;
  {
    JsonObjectWriter w(out);
    fill(w);
  }
  return out;
}

TEST(AJsonObjectWriter, WritesAnEmptyObject) {
  EXPECT_EQ(write([](JsonObjectWriter&) {}), "{}");
}

TEST(AJsonObjectWriter, SeparatesFieldsWithCommasInOrder) {
  const auto s = write([](JsonObjectWriter& w) {
    w.add("a", std::uint32_t{1}).add("b", true).add("c", "x").add_null("d");
  });
  EXPECT_EQ(s, R"({"a":1,"b":true,"c":"x","d":null})");
}

TEST(AJsonObjectWriter, WritesNonFiniteNumbersAsNull) {
  const auto s = write([](JsonObjectWriter& w) {
    w.add("nan", std::numeric_limits<double>::quiet_NaN())
        .add("inf", std::numeric_limits<double>::infinity())
        .add_fixed("ninf", -std::numeric_limits<double>::infinity(), 3);
  });
  EXPECT_EQ(s, R"({"nan":null,"inf":null,"ninf":null})");
}

TEST(AJsonObjectWriter, WritesAnEmptyOptionalAsNullAndAFullOneAsItsValue) {
  const auto s = write([](JsonObjectWriter& w) {
    w.add("none", std::optional<double>{}).add("some", std::optional<double>{2.5});
  });
  EXPECT_EQ(s, R"({"none":null,"some":2.5})");
}

TEST(AJsonObjectWriter, RoundsDoublesToSixSignificantDigits) {
  const auto s = write([](JsonObjectWriter& w) {
    w.add("pi", 3.14159265358979).add("big", 123456789.0).add("small", 0.000012345678);
  });
  const auto j = nlohmann::json::parse(s);
  EXPECT_EQ(s.find("3.14159"), s.find("\"pi\":") + 5);
  EXPECT_DOUBLE_EQ(j["big"].get<double>(), 123457000.0);
  EXPECT_DOUBLE_EQ(j["small"].get<double>(), 0.0000123457);
}

TEST(AJsonObjectWriter, KeepsMillisecondsOfLargeTimesInFixedForm) {
  const auto s = write([](JsonObjectWriter& w) { w.add_fixed("t_s", 86400.1234, 3); });
  EXPECT_EQ(s, R"({"t_s":86400.123})");
}

TEST(AJsonObjectWriter, PrintsNegativeZeroAsZero) {
  EXPECT_EQ(write([](JsonObjectWriter& w) { w.add("z", -0.0); }), R"({"z":0})");
}

TEST(AJsonObjectWriter, FallsBackToGeneralFormForHugeFixedValues) {
  const auto s = write([](JsonObjectWriter& w) { w.add_fixed("h", 1e300, 3); });
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(s)["h"].get<double>(), 1e300);
}

TEST(AJsonObjectWriter, WritesExtremeIntegersExactly) {
  const auto s = write([](JsonObjectWriter& w) {
    w.add("u", std::numeric_limits<std::uint64_t>::max())
        .add("i", std::numeric_limits<std::int64_t>::min());
  });
  EXPECT_EQ(s, R"({"u":18446744073709551615,"i":-9223372036854775808})");
}

TEST(AJsonObjectWriter, EscapesQuotesBackslashesAndControlCharacters) {
  const std::string nasty = std::string("a\"b\\c\nd\te") + '\x01' + '\x7f' + "\xc3\xa9";
  const auto s = write([&](JsonObjectWriter& w) { w.add("s", nasty); });
  EXPECT_EQ(s, "{\"s\":\"a\\\"b\\\\c\\nd\\te\\u0001\\u007f\xc3\xa9\"}");
  EXPECT_EQ(nlohmann::json::parse(s)["s"].get<std::string>(), nasty);
}

TEST(AJsonObjectWriter, NestsAnotherObjectThroughAddRaw) {
  std::string inner;
  { JsonObjectWriter(inner).add("x", std::int32_t{-1}); }
  const auto s = write([&](JsonObjectWriter& w) { w.add_raw("in", inner); });
  EXPECT_EQ(s, R"({"in":{"x":-1}})");
}

TEST(AJsonObjectWriter, ClosesOnlyOnceWhenClosedExplicitly) {
  std::string out;
  {
    JsonObjectWriter w(out);
    w.add("a", false);
    w.close();
    w.close();
  }
  EXPECT_EQ(out, R"({"a":false})");
}

TEST(AJsonObjectWriter, AppendsToWhatTheStringAlreadyHolds) {
  std::string out = "[";
  { JsonObjectWriter(out).add("a", std::uint32_t{1}); }
  out += "]";
  EXPECT_EQ(out, R"([{"a":1}])");
}

}  // namespace
}  // namespace r3::util
