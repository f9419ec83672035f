// The serializer is allocation-free once the caller's buffer is warm: the daemon writes every
// event into one reused string. Counted by replacing the global operator new in this program.

#include <gtest/gtest.h>

#include <string>

#include "core/events/event_json.hpp"
#include "tests/support/allocation_counter.hpp"

namespace r3::core {
namespace {

TEST(TheEventSerializer, AllocatesNothingWhenTheBufferIsWarm) {
  RepEvent rep;
  rep.pressure_kept_ratio = 0.9;
  rep.engagement_latency_s = 0.25;
  SetSummary set;
  set.rom_cv_pct = 4.0;
  std::string buf;
  buf.reserve(4096);
  const long before = r3::testing::g_allocations.load();
  for (int i = 0; i < 100; ++i) {
    buf.clear();  // keeps the capacity
    {
      util::JsonObjectWriter w(buf);
      w.add("user_id", "u-1").add("seq", static_cast<std::uint64_t>(i));
      write_fields(w, rep);
    }
    {
      util::JsonObjectWriter w(buf);
      write_fields(w, set);
    }
  }
  EXPECT_EQ(r3::testing::g_allocations.load() - before, 0);
  EXPECT_GT(buf.size(), 100U);  // it did write
}

TEST(TheEventSerializer, IsSeenAllocatingWhenTheBufferIsCold) {
  const long before =
      r3::testing::g_allocations.load();  // the counter works: a cold string must grow
  const auto s = to_json(RepEvent{});
  EXPECT_GT(r3::testing::g_allocations.load() - before, 0);
  EXPECT_FALSE(s.empty());
}

}  // namespace
}  // namespace r3::core
