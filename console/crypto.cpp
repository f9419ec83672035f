#include "console/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>
#include <cstdint>
#include <vector>

namespace r3::console {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string to_hex(const unsigned char* data, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 15];
  }
  return out;
}

bool from_hex(std::string_view hex, std::vector<unsigned char>& out) {
  if (hex.size() % 2 != 0) return false;
  out.resize(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned v = 0;
    const auto* b = hex.data() + 2 * i;
    if (std::from_chars(b, b + 2, v, 16).ptr != b + 2) return false;
    out[i] = static_cast<unsigned char>(v);
  }
  return true;
}

bool scrypt(std::string_view pw, const std::vector<unsigned char>& salt, int log2_n, int r, int p,
            unsigned char* out, std::size_t out_len) {
  const std::uint64_t n = std::uint64_t{1} << log2_n;
  const std::uint64_t maxmem = 128 * n * static_cast<std::uint64_t>(r) + (16U << 20);
  return EVP_PBE_scrypt(pw.data(), pw.size(), salt.data(), salt.size(), n,
                        static_cast<std::uint64_t>(r), static_cast<std::uint64_t>(p), maxmem, out,
                        out_len) == 1;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool to_int(std::string_view s, int& v) {
  return std::from_chars(s.data(), s.data() + s.size(), v).ptr == s.data() + s.size();
}

}  // namespace

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(buf.size())) != 1) return {};
  return to_hex(buf.data(), buf.size());
}

std::string sha256_hex(std::string_view text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  if (EVP_Digest(text.data(), text.size(), md, &len, EVP_sha256(), nullptr) != 1) return {};
  return to_hex(md, len);
}

std::string hash_password(std::string_view password, int log2_n) {
  std::vector<unsigned char> salt(kSaltBytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) return {};
  unsigned char out[kHashBytes];
  if (!scrypt(password, salt, log2_n, 8, 1, out, sizeof out)) return {};
  return "scrypt$" + std::to_string(log2_n) + "$8$1$" + to_hex(salt.data(), salt.size()) + "$" +
         to_hex(out, sizeof out);
}

bool verify_password(std::string_view password, std::string_view stored) {
  const auto parts = split(stored, '$');
  int log2_n = 0, r = 0, p = 0;
  if (parts.size() != 6 || parts[0] != "scrypt" || !to_int(parts[1], log2_n) ||
      !to_int(parts[2], r) || !to_int(parts[3], p) || log2_n < 1 || log2_n > 20 || r < 1 ||
      r > 32 || p < 1 || p > 16)
    return false;
  std::vector<unsigned char> salt, want;
  if (!from_hex(parts[4], salt) || !from_hex(parts[5], want) || want.empty()) return false;
  std::vector<unsigned char> got(want.size());
  if (!scrypt(password, salt, log2_n, r, p, got.data(), got.size())) return false;
  return CRYPTO_memcmp(got.data(), want.data(), want.size()) == 0;
}

bool same_secret(std::string_view a, std::string_view b) {
  // Hash both first, so the comparison takes the same time whatever the lengths.
  const auto ha = sha256_hex(a), hb = sha256_hex(b);
  return !ha.empty() && ha.size() == hb.size() &&
         CRYPTO_memcmp(ha.data(), hb.data(), ha.size()) == 0;
}

}  // namespace r3::console
