// StringMap: a hash map from strings to values that is looked up with a
// std::string_view, so that matching a token against the pattern tables
// builds no std::string. Tables are filled once when patterns load and then
// read for every token of every article, by many threads at once (const
// methods only). Open addressing with linear probing over a power-of-two
// table, a cheap hash over 8-byte words, no erase. Entries keep their
// insertion order; inserting may move them, so a reference returned by
// operator[] lasts until the next insertion.
#ifndef GUILLEMET_CORE_STRING_MAP_H_
#define GUILLEMET_CORE_STRING_MAP_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guillemet {

// A fast, non-cryptographic hash of a string. Keys are mostly words of a
// few bytes, read with at most two overlapping loads of fixed size (which
// compile to plain moves, where a memcpy of variable size is a call).
inline uint64_t HashMix(uint64_t a, uint64_t b) {
  const unsigned __int128 m = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
}

// Eight and four bytes at p, wherever they stand.
inline uint64_t Load64(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline uint32_t Load32(const char* p) {
  uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

inline uint64_t HashString(std::string_view s) {
  constexpr uint64_t k0 = 0xA0761D6478BD642Full, k1 = 0xE7037ED1A0B428DBull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t seed = k0 ^ n;
  uint64_t a = 0, b = 0;
  if (n > 16) {
    // The last 16 bytes of the whole string close it: after the loop fewer
    // may remain, and reading past the end is not allowed.
    const char* end = p + n;
    do {
      seed = HashMix(Load64(p) ^ k1, Load64(p + 8) ^ seed);
      p += 16;
      n -= 16;
    } while (n > 16);
    a = Load64(end - 16);
    b = Load64(end - 8);
  } else if (n >= 8) {
    a = Load64(p);
    b = Load64(p + n - 8);
  } else if (n >= 4) {
    a = Load32(p);
    b = Load32(p + n - 4);
  } else if (n > 0) {
    a = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
        (uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) | static_cast<unsigned char>(p[n - 1]);
  }
  return HashMix(a ^ k1, b ^ seed);
}

// Whether two strings hold the same bytes. Keys are mostly words of a few
// bytes: up to 16 they are compared with overlapping loads of fixed size,
// as HashString reads them, where memcmp was a call per found key.
inline bool SameBytes(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n > 16) return std::memcmp(p, q, n) == 0;
  if (n >= 8) return Load64(p) == Load64(q) && Load64(p + n - 8) == Load64(q + n - 8);
  if (n >= 4) return Load32(p) == Load32(q) && Load32(p + n - 4) == Load32(q + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != q[i]) return false;
  }
  return true;
}

template <typename V>
class StringMap {
 public:
  using Entry = std::pair<std::string, V>;

  // The position of `key` in entries(), or -1.
  int FindIndex(std::string_view key) const {
    if (slots_.empty()) return -1;
    const uint64_t h = HashString(key);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.index == 0) return -1;
      if (slot.tag == tag && SameBytes(entries_[slot.index - 1].first, key)) {
        return static_cast<int>(slot.index - 1);
      }
    }
  }
  // The value stored under `key`, or nullptr.
  const V* Find(std::string_view key) const {
    const int i = FindIndex(key);
    return i < 0 ? nullptr : &entries_[i].second;
  }
  V* Find(std::string_view key) {
    return const_cast<V*>(static_cast<const StringMap*>(this)->Find(key));
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  // The value stored under `key`, inserted value-initialised if absent.
  V& operator[](std::string_view key) {
    if (V* v = Find(key)) return *v;
    // At most half full: most look-ups miss, and a miss probes up to an empty slot.
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.emplace_back(std::string(key), V());
    Place(HashString(key), static_cast<uint32_t>(entries_.size()));
    return entries_.back().second;
  }

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // Entries in insertion order.
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }

 private:
  struct Slot {
    uint32_t tag = 0;    // High bits of the hash.
    uint32_t index = 0;  // 1 + position in entries_; 0 for an empty slot.
  };

  void Place(uint64_t h, uint32_t index) {
    size_t i = h & mask_;
    while (slots_[i].index != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{static_cast<uint32_t>(h >> 32), index};
  }

  void Grow() {
    size_t size = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(size, Slot());
    mask_ = size - 1;
    for (size_t e = 0; e < entries_.size(); ++e) {
      Place(HashString(entries_[e].first), static_cast<uint32_t>(e + 1));
    }
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace guillemet

#endif  // GUILLEMET_CORE_STRING_MAP_H_
