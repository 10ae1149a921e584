// Tests of the string hash and the StringMap built on it: every length reads
// only the bytes of its string (the sanitized run checks this on buffers of
// exactly that size), equal strings hash alike wherever they lie, and the
// map finds what it was given through its growth.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/string_map.h"

namespace guillemet {
namespace {

TEST(HashString, ReadsOnlyTheBytesOfItsStringAtEveryLength) {
  for (size_t n = 0; n <= 80; ++n) {
    // A heap buffer of exactly n bytes: a read past its end is caught under
    // AddressSanitizer.
    std::unique_ptr<char[]> exact(new char[n == 0 ? 1 : n]);
    for (size_t i = 0; i < n; ++i) exact[i] = static_cast<char>('a' + (i * 7 + n) % 26);
    const std::string copy(exact.get(), n);
    EXPECT_EQ(HashString(std::string_view(exact.get(), n)), HashString(copy)) << n;
  }
}

TEST(HashString, TellsApartStringsThatDifferInTheirLastByte) {
  for (size_t n = 1; n <= 40; ++n) {
    std::string a(n, 'x'), b(n, 'x');
    b.back() = 'y';
    EXPECT_NE(HashString(a), HashString(b)) << n;
  }
}

TEST(StringMap, FindsEveryKeyAfterGrowing) {
  StringMap<int> map;
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back("clé numéro " + std::to_string(i * 7919));
  for (size_t i = 0; i < keys.size(); ++i) map[keys[i]] = static_cast<int>(i);
  for (size_t i = 0; i < keys.size(); ++i) {
    const int* found = map.Find(keys[i]);
    ASSERT_NE(found, nullptr) << keys[i];
    EXPECT_EQ(*found, static_cast<int>(i));
  }
  EXPECT_EQ(map.Find("absente"), nullptr);
}

}  // namespace
}  // namespace guillemet
