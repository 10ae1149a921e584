// Hash64: eight bytes per step, each word multiplied by an odd constant and
// folded into the state with a rotation, then a final avalanche so that a
// one-byte edit flips about half of the output bits.
#include "db/content_hash.h"

namespace guillemet::db {
namespace {

constexpr uint64_t kMulA = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio, odd.
constexpr uint64_t kMulB = 0xC2B2AE3D27D4EB4Full;
constexpr uint64_t kMulC = 0x165667B19E3779F9ull;

inline uint64_t RotateLeft(uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

// Reads little-endian explicitly so the value does not depend on the host.
inline uint64_t Load(const unsigned char* p, size_t n) {
  uint64_t word = 0;
  for (size_t i = 0; i < n; ++i) word |= static_cast<uint64_t>(p[i]) << (8 * i);
  return word;
}

inline uint64_t Avalanche(uint64_t h) {
  h ^= h >> 31;
  h *= kMulB;
  h ^= h >> 29;
  h *= kMulC;
  h ^= h >> 32;
  return h;
}

}  // namespace

uint64_t Hash64(std::string_view data) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  // Seeding with the length keeps "a" and "a\0" apart.
  uint64_t h = kMulC ^ (static_cast<uint64_t>(n) * kMulA);
  while (n >= 8) {
    h ^= RotateLeft(Load(p, 8) * kMulB, 31) * kMulA;
    h = RotateLeft(h, 27) * kMulA + kMulC;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    h ^= RotateLeft(Load(p, n) * kMulB, 31) * kMulA;
    h = RotateLeft(h, 27) * kMulA + kMulC;
  }
  return Avalanche(h);
}

std::string Hash64Hex(std::string_view data) {
  static const char kDigits[] = "0123456789abcdef";
  uint64_t h = Hash64(data);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kDigits[h & 0xF];
    h >>= 4;
  }
  return out;
}

}  // namespace guillemet::db
