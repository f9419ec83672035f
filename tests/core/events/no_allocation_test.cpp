// The serializer is allocation-free once the caller's buffer is warm: the daemon writes every
// event into one reused string. Counted by replacing the global operator new in this program.

#include <gtest/gtest.h>

#include <cstdlib>
#include <new>
#include <string>

#include "core/events/event_json.hpp"

namespace {
std::size_t g_allocations = 0;
}

void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

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
  const auto before = g_allocations;
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
  EXPECT_EQ(g_allocations - before, 0U);
  EXPECT_GT(buf.size(), 100U);  // it did write
}

TEST(TheEventSerializer, IsSeenAllocatingWhenTheBufferIsCold) {
  const auto before = g_allocations;  // the counter works: a cold string must grow
  const auto s = to_json(RepEvent{});
  EXPECT_GT(g_allocations - before, 0U);
  EXPECT_FALSE(s.empty());
}

}  // namespace
}  // namespace r3::core
