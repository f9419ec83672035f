// libFuzzer target: the persisted files read at start (<state>/room.json by the room model,
// <state>/mqtt/seq.txt by the seq store), as a power cut, a full disk or a hand edit may leave
// them. Input byte 0 picks the file, the rest is its content (on tmpfs). A loader refuses damage
// with a message and never crashes; the seq store then hands out numbers above anything the file
// mentions.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "daemon/app/room_model.hpp"
#include "daemon/mqtt/seq_store.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

std::string scratch(const char* name) {
  return "/dev/shm/r3-state-fuzz-" + std::to_string(::getpid()) + "-" + name;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    const auto path = scratch("room.json");
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
    r3::app::RoomModel room(path);
    const auto loaded = room.load();
    if (content.empty()) check(!loaded.ok());  // an empty file is damage, not a first start
    return 0;
  }
  const auto parsed = r3::mqtt::parse_seq_file(content);
  if (content.empty()) check(!parsed.error.empty());
  const auto path = scratch("seq.txt");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
  r3::mqtt::SeqStore store(path, {.block = 10, .recovery_floor = 1000});
  for (const auto& [user, mark] : parsed.marks) {
    if (mark < UINT64_MAX - 100) check(store.next(user) > mark);
  }
  check(store.next("fresh-user") >= 1);
  return 0;
}
