#pragma once
// Password hashing (OpenSSL's scrypt) and random tokens. Stored form:
// "scrypt$<log2 N>$<r>$<p>$<salt hex>$<hash hex>", so the cost can grow without a migration.

#include <string>
#include <string_view>

namespace r3::console {

inline constexpr int kScryptLog2N = 15;  // ~100 ms on a Pi 4, 32 MiB: slow for a guesser

std::string random_hex(std::size_t bytes);
std::string sha256_hex(std::string_view text);
// Empty on failure (out of memory).
std::string hash_password(std::string_view password, int log2_n = kScryptLog2N);
bool verify_password(std::string_view password, std::string_view stored);
// Constant-time comparison of two strings of any length.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace r3::console
