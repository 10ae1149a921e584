#include "core/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace guillemet {

char32_t DecodeUtf8Multibyte(std::string_view text, size_t* pos) {
  const size_t n = text.size();
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = *pos;
  unsigned char b0 = s[i];
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  int len;
  char32_t c;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    c = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    c = b0 & 0x07;
  } else {
    *pos = i + 1;
    return 0xFFFD;
  }
  if (i + len > n) {
    *pos = i + 1;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char b = s[i + k];
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF)) {
    *pos = i + 1;
    return 0xFFFD;
  }
  *pos = i + len;
  return c;
}

char32_t DecodeUtf8Before(std::string_view text, size_t pos, size_t* start) {
  // Try the longest well-formed sequence ending at pos, from 4 bytes down.
  for (size_t len = std::min<size_t>(4, pos); len >= 2; --len) {
    size_t p = pos - len;
    size_t q = p;
    char32_t c = DecodeUtf8(text, &q);
    if (q == pos && c != 0xFFFD) {
      *start = p;
      return c;
    }
  }
  *start = pos - 1;
  size_t q = pos - 1;
  return DecodeUtf8(text, &q);
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t NextInvalidByte(std::string_view text, size_t from) {
  for (size_t i = from; i < text.size();) {
    if (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      const uint64_t high = word & 0x8080808080808080ull;
      if (high == 0) {
        i += 8;
        continue;
      }
      // Else straight to the first byte past ASCII (the lowest bit set
      // when the machine loads bytes little-end first), not a byte at a
      // time, each retrying eight.
      constexpr bool kLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
      i += static_cast<size_t>(kLittleEndian ? __builtin_ctzll(high) : __builtin_clzll(high)) / 8;
    } else if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t before = i;
    if (DecodeUtf8(text, &i) == 0xFFFD && i == before + 1) return before;
  }
  return text.size();
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
    } else {
      DecodeUtf8(text, &i);
    }
    ++count;
  }
  return count;
}

namespace {

// The Latin blocks (Latin-1 Supplement, Latin Extended-A and -B) hold every
// accented letter of French and of most names in the French press; their
// classes and folds are computed once with ICU and then read from tables.
constexpr char32_t kLatinEnd = 0x250;

bool IsLetterIcu(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsUpperIcu(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsLowerIcu(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool IsDigitIcu(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
char32_t FoldCaseIcu(char32_t c) {
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}
void AppendFoldKeyIcu(char32_t c, std::string* out);

struct LatinTables {
  enum : uint8_t { kLetter = 1, kUpper = 2, kLower = 4, kDigit = 8 };
  uint8_t classes[kLatinEnd] = {};
  char32_t case_folded[kLatinEnd] = {};
  std::string key[kLatinEnd];  // What FoldKey appends for a code point.
  char single_key[kLatinEnd] = {};  // key[c] when it is one byte (é -> e), else 0.
};

const LatinTables& Latin() {
  static const LatinTables* tables = [] {
    auto* t = new LatinTables;
    for (char32_t c = 0x80; c < kLatinEnd; ++c) {
      t->classes[c] = (IsLetterIcu(c) ? LatinTables::kLetter : 0) |
                      (IsUpperIcu(c) ? LatinTables::kUpper : 0) |
                      (IsLowerIcu(c) ? LatinTables::kLower : 0) |
                      (IsDigitIcu(c) ? LatinTables::kDigit : 0);
      t->case_folded[c] = FoldCaseIcu(c);
      AppendFoldKeyIcu(c, &t->key[c]);
      if (t->key[c].size() == 1) t->single_key[c] = t->key[c][0];
    }
    return t;
  }();
  return *tables;
}

}  // namespace

namespace unicode_internal {

bool IsLetterNonAscii(char32_t c) {
  if (c < kLatinEnd) return Latin().classes[c] & LatinTables::kLetter;
  return IsLetterIcu(c);
}
bool IsUpperNonAscii(char32_t c) {
  if (c < kLatinEnd) return Latin().classes[c] & LatinTables::kUpper;
  return IsUpperIcu(c);
}
bool IsLowerNonAscii(char32_t c) {
  if (c < kLatinEnd) return Latin().classes[c] & LatinTables::kLower;
  return IsLowerIcu(c);
}
bool IsDigitNonAscii(char32_t c) {
  if (c < kLatinEnd) return Latin().classes[c] & LatinTables::kDigit;
  return IsDigitIcu(c);
}
bool IsSpaceNonAscii(char32_t c) {
  return c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x200A || c == 0x2007 ||
         c == 0x2002 || c == 0x2003 || c == 0x3000 || c == 0x2028 || c == 0x2029 ||
         c == 0x85 || c == 0x200B || c == 0xFEFF;
}

}  // namespace unicode_internal

namespace {

const icu::Normalizer2* Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  return U_SUCCESS(status) ? nfd : nullptr;
}

}  // namespace

namespace {

bool IsAsciiSpace(unsigned char b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

// The one byte FoldKey writes for a code point past ASCII, or 0 when it
// writes none (a space) or several (a key of two bytes or more, or one
// from ICU): apostrophes and hyphens unified, most accented letters.
char SingleByteKey(char32_t c, const LatinTables& latin) {
  if (IsApostrophe(c) || c == 0xB4) return '\'';
  if (c == 0x2010 || c == 0x2011 || c == 0x2013) return '-';
  return c < kLatinEnd ? latin.single_key[c] : 0;
}

// What FoldKey writes for a code point past ASCII: from the table for the
// Latin blocks, else from ICU in *scratch.
std::string_view KeyOf(char32_t c, const LatinTables& latin, std::string* scratch) {
  if (c < kLatinEnd) return latin.key[c];
  scratch->clear();
  AppendFoldKeyIcu(c, scratch);
  return *scratch;
}

// Bit 7 of each of eight ASCII bytes set when the byte is in [lo, hi]:
// adding 80 - lo sets it from lo on, adding 7F - hi from past hi on, and
// no byte of an ASCII word carries into the next.
uint64_t AsciiBytesInRange(uint64_t word, unsigned char lo, unsigned char hi) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  return (word + (0x80 - lo) * kOnes) & ~(word + (0x7F - hi) * kOnes) & 0x80 * kOnes;
}

// FoldKey of eight bytes of plain ASCII text (no byte past ASCII, no white
// space but single spaces, no backquote), most of a quotation's bytes:
// lowercased all at once, written at key[*w]. Returns false, writing
// nothing, for any other eight bytes, and for a space first that would
// lead the key or continue the white space before.
bool FoldPlainAsciiChunk(const unsigned char* in, char* key, size_t* w, bool* pending_space) {
  uint64_t chunk;
  std::memcpy(&chunk, in, 8);
  if ((chunk & 0x8080808080808080ULL) != 0) return false;
  const uint64_t spaces = AsciiBytesInRange(chunk, ' ', ' ');
  if ((AsciiBytesInRange(chunk, '\t', '\r') | AsciiBytesInRange(chunk, '`', '`')) != 0 ||
      (spaces & (spaces << 8)) != 0) {
    return false;
  }
  if (in[0] == ' ' && (*pending_space || *w == 0)) return false;
  if (*pending_space) {
    key[(*w)++] = ' ';
    *pending_space = false;
  }
  const uint64_t lowered = chunk | AsciiBytesInRange(chunk, 'A', 'Z') >> 2;  // 80 >> 2 = 20
  std::memcpy(key + *w, &lowered, 8);
  *w += 8;
  // A space last is written only before what follows it, as in FoldKey.
  if (in[7] == ' ') {
    --*w;
    *pending_space = true;
  }
  return true;
}

}  // namespace

// One pass that writes into a string sized to the text, rather than
// appending a byte or a run at a time: FoldKey runs on every quotation and
// on many words. What is written never outgrows what is read (a run of
// white space becomes at most one space, an ASCII byte one byte, and most
// other characters one byte), so the room left stays at least the bytes
// left to read; a key of several bytes (« », ICU's) is copied in after
// making sure of the room for it.
std::string FoldKey(std::string_view text) {
  const LatinTables& latin = Latin();
  const size_t n = text.size();
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::string out(n, '\0');
  char* key = out.data();
  size_t w = 0;
  bool pending_space = false;  // White space read since the last byte written.
  std::string icu_key;
  for (size_t i = 0; i < n;) {
    if (i + 8 <= n && FoldPlainAsciiChunk(bytes + i, key, &w, &pending_space)) {
      i += 8;
      continue;
    }
    // Any other eight bytes, a character at a time (not retrying the
    // chunk at every byte), but only up to the first character past
    // ASCII when there is one: most often an accented letter, the one
    // that stopped the chunk, and the bytes after it are tried eight at a
    // time again.
    size_t slow_end = std::min(n, i + 8);
    if (i + 8 <= n) {
      uint64_t chunk;
      std::memcpy(&chunk, bytes + i, 8);
      if (const uint64_t high = chunk & 0x8080808080808080ULL; high != 0) {
        constexpr bool kLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
        slow_end = i + (kLittleEndian ? __builtin_ctzll(high) : __builtin_clzll(high)) / 8 + 1;
      }
    }
    while (i < slow_end) {
      const unsigned char b = bytes[i];
      if (b < 0x80) {
        ++i;
        if (IsAsciiSpace(b)) {
          pending_space = w != 0;
          continue;
        }
        if (pending_space) {
          key[w++] = ' ';
          pending_space = false;
        }
        key[w++] = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b == '`' ? '\'' : static_cast<char>(b);
        continue;
      }
      const char32_t c = DecodeUtf8(text, &i);
      if (IsSpace(c)) {
        pending_space = w != 0;
        continue;
      }
      if (pending_space) {
        key[w++] = ' ';
        pending_space = false;
      }
      if (const char single = SingleByteKey(c, latin)) {
        key[w++] = single;
        continue;
      }
      const std::string_view long_key = KeyOf(c, latin, &icu_key);
      // Room for the key and for all that is left to read; grown by doubling,
      // so that a text full of such characters stays linear.
      const size_t needed = w + long_key.size() + (n - i);
      if (needed > out.size()) {
        out.resize(std::max(needed, 2 * out.size()));
        key = out.data();
      }
      std::memcpy(key + w, long_key.data(), long_key.size());
      w += long_key.size();
    }
  }
  out.resize(w);
  return out;
}

namespace {

// Decompose, drop combining marks, fold case.
void AppendFoldKeyIcu(char32_t c, std::string* out) {
  icu::UnicodeString us(static_cast<UChar32>(c));
  const icu::Normalizer2* nfd = Nfd();
  if (nfd != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd->normalize(us, status);
    if (U_SUCCESS(status)) us = decomposed;
  }
  us.foldCase();
  for (int32_t k = 0; k < us.length();) {
    UChar32 d = us.char32At(k);
    k += U16_LENGTH(d);
    int8_t type = u_charType(d);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) continue;
    if (d == 0xF8) d = 'o';  // ø does not decompose
    if (d == 0xE6) {         // æ
      *out += "ae";
      continue;
    }
    if (d == 0x153) {  // œ
      *out += "oe";
      continue;
    }
    if (d == 0xDF) {
      *out += "ss";
      continue;
    }
    AppendUtf8(static_cast<char32_t>(d), out);
  }
}

}  // namespace

bool FoldKeyIsIdentity(std::string_view text) {
  // The bytes FoldKey may change: non-ASCII, capitals, backquote, white space.
  static constexpr std::array<bool, 256> kChanged = [] {
    std::array<bool, 256> changed{};
    for (int b = 0x80; b < 0x100; ++b) changed[b] = true;
    for (int b = 'A'; b <= 'Z'; ++b) changed[b] = true;
    for (int b = '\t'; b <= '\r'; ++b) changed[b] = true;
    changed['`'] = changed[' '] = true;
    return changed;
  }();
  for (char c : text) {
    if (kChanged[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

std::string FoldCase(std::string_view text) {
  std::string out;
  AppendFoldCase(text, &out);
  return out;
}

void AppendFoldCase(std::string_view text, std::string* out) {
  out->reserve(out->size() + text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out->push_back(static_cast<char>((b >= 'A' && b <= 'Z') ? b + 32 : b));
      ++i;
      continue;
    }
    char32_t c = DecodeUtf8(text, &i);
    if (IsApostrophe(c)) {
      out->push_back('\'');
      continue;
    }
    const char32_t folded = c < kLatinEnd ? Latin().case_folded[c] : FoldCaseIcu(c);
    // Two bytes, as for every accented letter of French: written here
    // rather than through a call to AppendUtf8 per character.
    if (folded >= 0x80 && folded < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (folded >> 6)));
      out->push_back(static_cast<char>(0x80 | (folded & 0x3F)));
      continue;
    }
    AppendUtf8(folded, out);
  }
}

void AppendFoldCaseWithShape(std::string_view text, std::string* out, CaseShape* shape) {
  const LatinTables& latin = Latin();
  out->reserve(out->size() + text.size());
  *shape = CaseShape();
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      const bool upper = b >= 'A' && b <= 'Z';
      if (start == 0) shape->first_upper = upper;
      if (upper || (b >= 'a' && b <= 'z')) {
        ++shape->letters;
        shape->upper += upper;
      }
      out->push_back(static_cast<char>(upper ? b + 32 : b));
      ++i;
      continue;
    }
    const char32_t c = DecodeUtf8(text, &i);
    // The classes as IsUpper and IsLetter answer them, from the table when
    // the character is in it.
    const bool in_table = c < kLatinEnd;
    const bool upper = in_table ? (latin.classes[c] & LatinTables::kUpper) != 0 : IsUpperIcu(c);
    const bool letter = in_table ? (latin.classes[c] & LatinTables::kLetter) != 0 : IsLetterIcu(c);
    if (start == 0) shape->first_upper = upper;
    if (letter) {
      ++shape->letters;
      shape->upper += upper;
    }
    if (IsApostrophe(c)) {
      out->push_back('\'');
      continue;
    }
    const char32_t folded = in_table ? latin.case_folded[c] : FoldCaseIcu(c);
    if (folded >= 0x80 && folded < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (folded >> 6)));
      out->push_back(static_cast<char>(0x80 | (folded & 0x3F)));
      continue;
    }
    AppendUtf8(folded, out);
  }
}

bool IsVowel(char32_t c) {
  static constexpr std::u32string_view kVowels = U"aàâäeéèêëiîïoôöuùûüyÿæœ";
  return kVowels.find(c) != std::u32string_view::npos;
}

bool StartsWithVowel(std::string_view word) {
  size_t pos = 0;
  return !word.empty() && IsVowel(DecodeUtf8(word, &pos));
}

bool SameWordInitials(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] != b[j]) return false;
    i = a.find(' ', i);
    j = b.find(' ', j);
    if (i == std::string_view::npos || j == std::string_view::npos) return i == j;
    ++i;
    ++j;
  }
  return i >= a.size() && j >= b.size();
}

int MisspellingAllowance(std::string_view folded) {
  const size_t letters = CountCodePoints(folded);
  if (letters >= 10) return 2;
  if (letters >= 6) return 1;
  return 0;
}

bool EachWordWithinMisspellingAllowance(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    const size_t a_end = std::min(a.find(' '), a.size());
    const size_t b_end = std::min(b.find(' '), b.size());
    const std::string_view a_word = a.substr(0, a_end), b_word = b.substr(0, b_end);
    if (a_word.empty() != b_word.empty()) return false;
    if (a_word != b_word &&
        EditDistance(a_word, b_word) >
            std::min(MisspellingAllowance(a_word), MisspellingAllowance(b_word))) {
      return false;
    }
    a.remove_prefix(std::min(a_end + 1, a.size()));
    b.remove_prefix(std::min(b_end + 1, b.size()));
  }
  return true;
}

int EditDistance(std::string_view a, std::string_view b) {
  // Three rolling rows (the one before last is needed for transpositions),
  // reused per thread: names are compared by the thousand.
  thread_local std::vector<char32_t> x, y;
  thread_local std::vector<int> rows;
  x.clear();
  y.clear();
  for (size_t i = 0; i < a.size();) x.push_back(DecodeUtf8(a, &i));
  for (size_t i = 0; i < b.size();) y.push_back(DecodeUtf8(b, &i));
  const size_t n = x.size(), m = y.size();
  if (n == 0 || m == 0) return static_cast<int>(n + m);
  rows.assign(3 * (m + 1), 0);
  int* before = rows.data();
  int* prev = before + (m + 1);
  int* cur = prev + (m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      int cost = x[i - 1] == y[j - 1] ? 0 : 1;
      int best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        best = std::min(best, before[j - 2] + 1);
      }
      cur[j] = best;
    }
    int* recycled = before;
    before = prev;
    prev = cur;
    cur = recycled;
  }
  return prev[m];
}

}  // namespace guillemet
