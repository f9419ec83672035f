// libFuzzer target: gateway.toml through the real parser and validator. Whatever the text, the
// result is a config or a list of errors, each naming the file; nothing throws or crashes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "daemon/app/config_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = r3::app::load_config_text(text, "fuzz.toml");
  if (!result.ok()) {
    if (result.error().empty()) __builtin_trap();  // a refusal always says why
    for (const auto& e : result.error()) {
      if (e.file != "fuzz.toml" || e.message.empty()) __builtin_trap();
    }
  }
  return 0;
}
