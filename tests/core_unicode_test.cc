// Tests of FoldKey: pinned keys for what the name look-ups rely on, and the
// whole text folded at once against its characters folded one by one, so
// that the single-pass writer keeps the white space and the keys longer
// than their character exactly as a character-by-character fold would.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/unicode.h"

namespace guillemet {
namespace {

TEST(FoldKey, LowercasesDropsAccentsAndUnifiesMarks) {
  const struct {
    std::string_view text, key;
  } kCases[] = {
      {"", ""},
      {"Jens Stoltenberg", "jens stoltenberg"},
      {"Çavuşoğlu", "cavusoglu"},
      {"  l\xE2\x80\x99Otan\t\n", "l'otan"},           // ’ and the white space at both ends
      {"Sergue\xC3\xAF\xC2\xA0 Lavrov", "serguei lavrov"},  // ï, a no-break space and a space
      {"a`b\xC2\xB4" "c", "a'b'c"},
      {"Jean\xE2\x80\x91Yves", "jean-yves"},            // non-breaking hyphen
      {"\xC5\x92uvre \xC3\x86gir Stra\xC3\x9F" "e", "oeuvre aegir strasse"},
      {"\xC5\x89", "\xCA\xBCn"},                         // ŉ: a key longer than its character
      {"e\xCC\x81t\xC3\xA9", "ete"},                     // a combining accent
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},                // an invalid byte: U+FFFD, three bytes
      {std::string_view("a\0B", 3), std::string_view("a\0b", 3)},
      // Long enough for eight bytes at a time, with spaces at their edges.
      {" Le Premier Ministre a DIT :  \xC2\xAB Nous avons gagn\xC3\xA9 \xC2\xBB  ce soir. ",
       "le premier ministre a dit : \xC2\xAB nous avons gagne \xC2\xBB ce soir."},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(FoldKey(c.text), c.key) << c.text;
  }
}

// FoldKey from the keys of single characters: white space runs make one
// space between two keys that are written, none at either end.
std::string FoldCharacterByCharacter(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t c = DecodeUtf8(text, &i);
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += FoldKey(text.substr(start, i - start));
  }
  return out;
}

TEST(FoldKey, FoldsATextAsItsCharactersOneByOne) {
  const std::vector<std::string> kPieces = {
      "a",  "Z",  "`",  " ",  "\t", "\n", "'",  "\xC3\xA9", "\xC3\x89", "\xC2\xA0",
      "\xE2\x80\xAF", "\xE2\x80\x99", "\xE2\x80\x93", "\xC5\x89", "\xC3\x9F", "\xCC\x81",
      "\xE2\x85\xA0", "\xEF\xAC\x81", "\xFF", "\xC3", "\xF0\x9F\x98\x80", "7"};
  std::mt19937 rng(8);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 40);
    for (int k = 0; k < length; ++k) text += kPieces[rng() % kPieces.size()];
    EXPECT_EQ(FoldKey(text), FoldCharacterByCharacter(text)) << text;
  }
}

// NextInvalidByte skips ASCII eight bytes at a time: an invalid byte must be
// found wherever it falls in or after such a block, and a valid sequence
// right after ASCII must not be taken for one.
TEST(NextInvalidByte, FindsEachInvalidByteWhereverItFalls) {
  for (size_t at = 0; at < 20; ++at) {
    std::string text(20, 'a');
    text[at] = '\xFF';
    text += "é";
    EXPECT_EQ(NextInvalidByte(text, 0), at);
    EXPECT_EQ(NextInvalidByte(text, at + 1), text.size());
  }
  const std::string truncated = "abcdefgh\xC3";
  EXPECT_EQ(NextInvalidByte(truncated, 0), 8u);
  EXPECT_EQ(NextInvalidByte("", 0), 0u);
}

}  // namespace
}  // namespace guillemet
