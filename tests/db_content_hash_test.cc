// Hash64 is stored in every documents row, so its values must never change:
// these pins catch an accidental change of the function.
#include <set>

#include "db/content_hash.h"
#include "gtest/gtest.h"

namespace guillemet::db {
namespace {

TEST(Hash64, ValuesArePinned) {
  EXPECT_EQ(Hash64Hex(""), "476c1ff946ba80ca");
  EXPECT_EQ(Hash64Hex("a"), "03d25f28aeb0477d");
  EXPECT_EQ(Hash64Hex("Le président a déclaré : « Nous partirons »."), "696e93846dce1c15");
}

TEST(Hash64, IsSixteenLowercaseHexDigits) {
  std::string hex = Hash64Hex("texte");
  EXPECT_EQ(hex.size(), 16u);
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(Hash64, SmallEditsChangeTheValue) {
  std::set<uint64_t> seen;
  std::string text = "Le ministre a annoncé une baisse des dépenses publiques.";
  seen.insert(Hash64(text));
  for (size_t i = 0; i < text.size(); ++i) {
    std::string edited = text;
    edited[i] ^= 1;
    seen.insert(Hash64(edited));
  }
  seen.insert(Hash64(text + " "));
  seen.insert(Hash64(text.substr(1)));
  seen.insert(Hash64(std::string("a\0", 2)));
  seen.insert(Hash64("a"));
  EXPECT_EQ(seen.size(), text.size() + 5);
}

}  // namespace
}  // namespace guillemet::db
