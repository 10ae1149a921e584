// Tests of ByteSet::Find against a plain byte-by-byte scan: every set size
// (the vector path up to four bytes, the table past that), every start and
// end, and buffers of exactly their size, so that the sanitized run catches
// a read past the end of the text.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string_view>
#include <vector>

#include "core/byte_set.h"

namespace guillemet {
namespace {

size_t NaiveFind(std::string_view text, size_t pos, size_t end, const std::vector<unsigned char>& set) {
  for (; pos < end; ++pos) {
    for (unsigned char b : set) {
      if (static_cast<unsigned char>(text[pos]) == b) return pos;
    }
  }
  return end;
}

TEST(ByteSet, FindsWhatAByteByByteScanFinds) {
  std::mt19937 rng(5);
  const unsigned char kAlphabet[] = {'a', ' ', '\n', '\r', '"', '\'', 0xC2, 0xE2, 0x80, 0xAB, 0xFF, 0};
  for (size_t set_size = 0; set_size <= 6; ++set_size) {
    std::vector<unsigned char> bytes(kAlphabet + 2, kAlphabet + 2 + set_size);
    ByteSet set;
    for (unsigned char b : bytes) set.Add(b);
    for (int round = 0; round < 200; ++round) {
      const size_t n = rng() % 70;
      std::unique_ptr<char[]> exact(new char[n == 0 ? 1 : n]);
      for (size_t i = 0; i < n; ++i) {
        // Mostly plain letters, so that hits are rare and the scan runs long.
        exact[i] = static_cast<char>(rng() % 8 == 0 ? kAlphabet[rng() % 12] : 'a');
      }
      const std::string_view text(exact.get(), n);
      for (size_t pos = 0; pos <= n; ++pos) {
        const size_t end = pos + rng() % (n - pos + 1);
        ASSERT_EQ(set.Find(text, pos, end), NaiveFind(text, pos, end, bytes))
            << "set of " << set_size << ", [" << pos << ", " << end << ") of " << n;
      }
    }
  }
}

TEST(ByteSet, AddingAByteTwiceChangesNothing) {
  ByteSet set{'x', 'x', 'y'};
  EXPECT_TRUE(set.Contains('x'));
  EXPECT_TRUE(set.Contains('y'));
  EXPECT_FALSE(set.Contains('z'));
  EXPECT_EQ(set.Find("abcdefghijklmnopqrstuvwxyz", 0, 26), 23u);
}

}  // namespace
}  // namespace guillemet
