// The byte scans of date_shapes.h. Each check follows one part of the
// patterns of article_date.cc; the comments quote the part they follow.
#include "normalize/date_shapes.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <cstring>

#include "core/unicode.h"

namespace guillemet::normalize {

namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Bytes of the character at line[pos] if it is one of the patterns' spaces,
// [ \t\x{00A0}\x{202F}\x{2009}], else 0.
size_t SpaceAt(std::string_view line, size_t pos) {
  const std::string_view rest = line.substr(pos);
  if (rest.empty()) return 0;
  if (rest[0] == ' ' || rest[0] == '\t') return 1;
  if (rest.substr(0, 2) == "\xC2\xA0") return 2;
  if (rest.substr(0, 3) == "\xE2\x80\xAF" || rest.substr(0, 3) == "\xE2\x80\x89") return 3;
  return 0;
}

// The same, for the character that ends just before line[pos]. In valid
// UTF-8 these byte strings can only be those characters.
size_t SpaceBefore(std::string_view line, size_t pos) {
  const std::string_view head = line.substr(0, pos);
  if (head.empty()) return 0;
  if (head.back() == ' ' || head.back() == '\t') return 1;
  if (head.size() >= 2 && head.substr(head.size() - 2) == "\xC2\xA0") return 2;
  if (head.size() >= 3 && (head.substr(head.size() - 3) == "\xE2\x80\xAF" ||
                           head.substr(head.size() - 3) == "\xE2\x80\x89")) {
    return 3;
  }
  return 0;
}

// Bytes of an ordinal suffix at line[pos], (?i:er|ᵉʳ|st|nd|rd|th), else 0.
// Case folding makes "ſt" (long s) one of them too.
size_t OrdinalAt(std::string_view line, size_t pos) {
  const std::string_view rest = line.substr(pos);
  if (rest.substr(0, 5) == "ᵉʳ") return 5;
  if (rest.substr(0, 2) == "ſ" && rest.size() >= 3 && (rest[2] | 0x20) == 't') return 3;
  if (rest.size() < 2) return 0;
  const char a = static_cast<char>(rest[0] | 0x20), b = static_cast<char>(rest[1] | 0x20);
  const bool ordinal = (a == 'e' && b == 'r') || (a == 's' && b == 't') || (a == 'n' && b == 'd') ||
                       (a == 'r' && b == 'd') || (a == 't' && b == 'h');
  return ordinal ? 2 : 0;
}

// One letter of a month name at line[pos], lowercased as (?i) matches it
// ('E' stands for é or É, 'U' for û or Û, and the long s "ſ" is an s), and
// its length in *bytes; '\0' for any other character.
char MonthLetterAt(std::string_view line, size_t pos, size_t* bytes) {
  const std::string_view rest = line.substr(pos);
  if (rest.empty()) return '\0';
  const char c = static_cast<char>(rest[0] | 0x20);
  if (c >= 'a' && c <= 'z') {
    *bytes = 1;
    return c;
  }
  *bytes = 2;
  const std::string_view two = rest.substr(0, 2);
  if (two == "é" || two == "É") return 'E';
  if (two == "û" || two == "Û") return 'U';
  if (two == "ſ") return 's';
  return '\0';
}

// Whether a month name may start at line[pos]: its first three letters
// begin one of the names of the patterns (all have at least three).
bool MonthNameAt(std::string_view line, size_t pos) {
  char prefix[4] = {};
  for (int k = 0; k < 3; ++k) {
    size_t bytes = 0;
    prefix[k] = MonthLetterAt(line, pos, &bytes);
    if (prefix[k] == '\0') return false;
    pos += bytes;
  }
  // janvier january janv jan, f[ée]vrier february f[ée]vr f[ée]v feb, mars
  // march mar, avril avr, april apr, mai, may, juin juillet juil, june jun,
  // july jul, ao[ûu]t, august aug, septembre september sept sep, octobre
  // october oct, novembre november nov, d[ée]cembre december d[ée]c.
  static const char* const kPrefixes[] = {"jan", "fev", "fEv", "feb", "mar", "avr", "apr",
                                          "mai", "may", "jui", "jun", "jul", "aou", "aoU",
                                          "aug", "sep", "oct", "nov", "dec", "dEc"};
  for (const char* known : kPrefixes) {
    if (std::memcmp(prefix, known, 3) == 0) return true;
  }
  return false;
}

// "(\d{1,2})(?i:er|ᵉʳ|st|nd|rd|th)?" + space+ + month.
bool DayMonthFollows(std::string_view line, const DigitRun& run) {
  size_t pos = run.end;
  if (SpaceAt(line, pos) == 0) pos += OrdinalAt(line, pos);
  size_t space = SpaceAt(line, pos);
  if (space == 0) return false;
  while (space != 0) {
    pos += space;
    space = SpaceAt(line, pos);
  }
  return MonthNameAt(line, pos);
}

// month + "(\.)?" + space+ + "(\d{1,2})": where the month word before the
// day's digits begins, or npos. A month preceded by a letter is never
// accepted, so its only possible start is that of the whole run of letters
// before the period and spaces.
size_t MonthStartBefore(std::string_view line, const DigitRun& run) {
  size_t pos = run.begin;
  size_t space = SpaceBefore(line, pos);
  if (space == 0) return std::string_view::npos;
  while (space != 0) {
    pos -= space;
    space = SpaceBefore(line, pos);
  }
  if (pos > 0 && line[pos - 1] == '.') --pos;
  const size_t word_end = pos;
  while (pos > 0) {
    const unsigned char before = static_cast<unsigned char>(line[pos - 1]);
    if (before < 0x80) {
      if (!IsLetter(before)) break;
      --pos;
      continue;
    }
    size_t start = 0;
    if (!IsLetter(DecodeUtf8Before(line, pos, &start))) break;
    pos = start;
  }
  return pos < word_end && MonthNameAt(line, pos) ? pos : std::string_view::npos;
}

// Whether line[pos, pos + length) are ASCII digits.
bool DigitsAt(std::string_view line, size_t pos, size_t length) {
  if (pos + length > line.size()) return false;
  for (size_t k = 0; k < length; ++k) {
    if (!IsAsciiDigit(line[pos + k])) return false;
  }
  return true;
}

// "(\d{4})-(\d{2})-(\d{2})" and the same with '/', from the year's run.
bool YearMonthDayFollows(std::string_view line, const DigitRun& run) {
  if (run.end - run.begin != 4 || run.end >= line.size()) return false;
  const char separator = line[run.end];
  if (separator != '-' && separator != '/') return false;
  return DigitsAt(line, run.end + 1, 2) && run.end + 3 < line.size() &&
         line[run.end + 3] == separator && DigitsAt(line, run.end + 4, 2);
}

// "(\d{1,2})/(\d{1,2})/(\d{4})" and the same with '.' and '-', from the
// day's run.
bool NumericDayMonthYearFollows(std::string_view line, const DigitRun& run) {
  if (run.end - run.begin > 2 || run.end >= line.size()) return false;
  const char separator = line[run.end];
  if (separator != '/' && separator != '.' && separator != '-') return false;
  size_t pos = run.end + 1;
  if (!DigitsAt(line, pos, 1)) return false;
  pos += DigitsAt(line, pos + 1, 1) ? 2 : 1;
  return pos < line.size() && line[pos] == separator && DigitsAt(line, pos + 1, 4);
}

// Whether the 8 bytes at p hold an ASCII digit: the test "has a byte
// between m and n" of Bit Twiddling Hacks, with m = '0' - 1, n = '9' + 1.
bool HasDigitIn8(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  constexpr uint64_t kOnes = ~uint64_t{0} / 255;
  const uint64_t low7 = x & kOnes * 127;
  return ((kOnes * (127 + '9' + 1) - low7) & ~x & (low7 + kOnes * (127 - ('0' - 1))) &
          kOnes * 128) != 0;
}

// RE2's \pN: a Unicode number of any kind (digit, letter-like, other).
bool IsNumber(char32_t c) {
  if (c < 0x80) return IsAsciiDigit(static_cast<char>(c));
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_N_MASK) != 0;
}

// Whether the character of `bytes` bytes beside a year lets it stand
// alone: [^\pN], which no invalid byte matches either (FindArticleDate
// leaves one unrepaired at the very end of a line).
bool IsYearEdge(char32_t c, size_t bytes) {
  const bool invalid_byte = c == 0xFFFD && bytes == 1;
  return !invalid_byte && !IsNumber(c);
}

}  // namespace

void FindDigitRuns(std::string_view line, std::vector<DigitRun>* runs) {
  runs->clear();
  size_t i = 0;
  while (i < line.size()) {
    // Eight bytes at a time while they hold no digit: most of a line.
    if (i + 8 <= line.size() && !HasDigitIn8(line.data() + i)) {
      i += 8;
      continue;
    }
    if (!IsAsciiDigit(line[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < line.size() && IsAsciiDigit(line[i])) ++i;
    runs->push_back({begin, i});
  }
}

void FindDateStarts(std::string_view line, const std::vector<DigitRun>& runs, DateShape shape,
                    std::vector<size_t>* starts) {
  starts->clear();
  for (const DigitRun& run : runs) {
    const size_t length = run.end - run.begin;
    switch (shape) {
      case DateShape::kDayMonth:
        if (length <= 2 && DayMonthFollows(line, run)) starts->push_back(run.begin);
        break;
      case DateShape::kMonthDay:
        if (length <= 2) {
          const size_t start = MonthStartBefore(line, run);
          if (start != std::string_view::npos) starts->push_back(start);
        }
        break;
      case DateShape::kYearFirstNumeric:
        if (YearMonthDayFollows(line, run)) starts->push_back(run.begin);
        break;
      case DateShape::kDayFirstNumeric:
        if (NumericDayMonthYearFollows(line, run)) starts->push_back(run.begin);
        break;
    }
  }
}

int FirstYearIn(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsAsciiDigit(text[i])) continue;
    const size_t begin = i;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i;
    // Four digits exactly, since an ASCII digit is a number too.
    if (i - begin != 4) continue;
    const std::string_view digits = text.substr(begin, 4);
    if (digits.substr(0, 2) != "19" && digits.substr(0, 2) != "20") continue;
    if (begin > 0) {
      size_t start = 0;
      if (!IsYearEdge(DecodeUtf8Before(text, begin, &start), begin - start)) continue;
    }
    if (i < text.size()) {
      size_t after = i;
      const char32_t c = DecodeUtf8(text, &after);
      if (!IsYearEdge(c, after - i)) continue;
    }
    return (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 +
           (digits[3] - '0');
  }
  return 0;
}

}  // namespace guillemet::normalize
