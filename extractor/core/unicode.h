// Unicode helpers shared by every stage: UTF-8 decoding that never fails,
// character classes, and the accent- and case-insensitive keys used to
// compare names ("Çavuşoğlu" and "cavusoglu" fold to the same key).
#ifndef GUILLEMET_CORE_UNICODE_H_
#define GUILLEMET_CORE_UNICODE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace guillemet {

// Decodes the code point at text[*pos] and advances *pos past it. An invalid
// or truncated sequence yields U+FFFD and advances by exactly one byte, so
// that every byte belongs to exactly one code point. ASCII is decoded inline:
// it is nearly every byte of French text; so are sequences of two bytes
// (U+0080 to U+07FF: every accented letter of French), which cannot be
// overlong or surrogates once the lead byte is C2 to DF.
char32_t DecodeUtf8Multibyte(std::string_view text, size_t* pos);
inline char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const unsigned char b = static_cast<unsigned char>(text[*pos]);
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  if (b >= 0xC2 && b <= 0xDF && *pos + 1 < text.size()) {
    const unsigned char next = static_cast<unsigned char>(text[*pos + 1]);
    if ((next & 0xC0) == 0x80) {
      *pos += 2;
      return static_cast<char32_t>((b & 0x1F) << 6 | (next & 0x3F));
    }
  }
  return DecodeUtf8Multibyte(text, pos);
}

// Decodes the code point that ends just before text[pos] (pos > 0) and
// returns its first byte's index in *start.
char32_t DecodeUtf8Before(std::string_view text, size_t pos, size_t* start);

void AppendUtf8(char32_t c, std::string* out);

// Number of code points in text[0, byte_offset), with the same convention
// as DecodeUtf8 (an invalid byte is one code point).
size_t CountCodePoints(std::string_view text);

// The first byte at or after `from` that DecodeUtf8 reads alone as U+FFFD
// (an invalid or truncated sequence), or text.size(). Skips plain ASCII
// eight bytes at a time: nearly all of a French text.
size_t NextInvalidByte(std::string_view text, size_t from);

// Character classes as ICU defines them; ASCII is answered inline, the
// Latin blocks (U+0080 to U+024F) from a table without calling ICU.
namespace unicode_internal {
bool IsLetterNonAscii(char32_t c);
bool IsUpperNonAscii(char32_t c);
bool IsLowerNonAscii(char32_t c);
bool IsDigitNonAscii(char32_t c);
bool IsSpaceNonAscii(char32_t c);
}  // namespace unicode_internal

inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return unicode_internal::IsLetterNonAscii(c);
}
// Uppercase or titlecase letter.
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return unicode_internal::IsUpperNonAscii(c);
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return unicode_internal::IsLowerNonAscii(c);
}
inline bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return unicode_internal::IsDigitNonAscii(c);
}
// Includes no-break and narrow no-break spaces.
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return unicode_internal::IsSpaceNonAscii(c);
}
// ' ’ ‘ ʼ
inline bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x2BC;
}

// Lowercase, accents removed, apostrophes unified to ', runs of white space
// and hyphens kept as single spaces/hyphens: the key for name look-ups.
// ASCII and the Latin blocks are folded from a table built with ICU on first
// use, so the result is ICU's without a call to ICU per character.
std::string FoldKey(std::string_view text);

// Whether FoldKey(text) == text, answered without building it: true for
// lowercase ASCII with no white space and no backquote, which is most norms.
bool FoldKeyIsIdentity(std::string_view text);

// Lowercase only (accents kept): for verb forms and function words. Same
// tables as FoldKey.
std::string FoldCase(std::string_view text);
// The same, appended to *out.
void AppendFoldCase(std::string_view text, std::string* out);

// What a word's letters say of its case: whether its first character is
// uppercase or titlecase (IsUpper), and how many of its characters are
// letters (IsLetter) and uppercase letters.
struct CaseShape {
  bool first_upper = false;
  int letters = 0;
  int upper = 0;
};
// AppendFoldCase(text, out), and text's CaseShape, in one pass over its
// characters: the tokenizer needs both of each word that is not ASCII.
void AppendFoldCaseWithShape(std::string_view text, std::string* out, CaseShape* shape);

// A lowercase French vowel, accented or not ("a", "é", "œ"), and whether a
// lowercase word starts with one: for elision and euphony ("son amie").
bool IsVowel(char32_t c);
bool StartsWithVowel(std::string_view word);

// Damerau-Levenshtein distance over code points (transpositions count 1).
int EditDistance(std::string_view a, std::string_view b);

// Whether a and b have as many space-separated words, each starting with
// the same byte. A misspelt name keeps its initials (« Soltenberg »): a
// name that differs from a known one by its first letter (« Garnier »,
// « Barnier ») is another name.
bool SameWordInitials(std::string_view a, std::string_view b);

// How many letters a misspelling of a folded name may change: one from six
// letters, two from ten, none below (« Kelly » is not a misspelt « Kerry »).
int MisspellingAllowance(std::string_view folded);

// Whether two folded names of as many words differ in each word by no more
// than that word's allowance: « John Kelly » is within two letters of
// « John Kerry », but its surname is another name.
bool EachWordWithinMisspellingAllowance(std::string_view a, std::string_view b);

}  // namespace guillemet

#endif  // GUILLEMET_CORE_UNICODE_H_
