#pragma once
// Replaces the global operator new / delete to count heap allocations and bytes, for the tests
// and benchmarks that check "no allocation per sample" and "memory per contact". Include it in
// exactly one source file of a program.

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace r3::testing {
inline std::atomic<long> g_allocations{0};
inline std::atomic<long> g_allocated_bytes{0};
}  // namespace r3::testing

// GCC cannot see that these replace the global pair, hence the pragma.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  r3::testing::g_allocations.fetch_add(1, std::memory_order_relaxed);
  r3::testing::g_allocated_bytes.fetch_add(static_cast<long>(size), std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
#pragma GCC diagnostic pop
