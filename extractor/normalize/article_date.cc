// FindArticleDate: every date written on a line is a candidate, scored by
// where it sits (top or bottom of the article, a publication line, a line
// that is little more than the date) and by whether its year was written
// beside it or had to be borrowed from a nearby line.
//
// The patterns run anchored, only where date_shapes.h finds a date could
// start: searching every line that has a digit for all of them (an RE2::Set,
// then each pattern found) made this file cost 2.4 times as much. Any change
// to the patterns must be followed there.
#include "normalize/article_date.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/unicode.h"
#include "normalize/date_shapes.h"

namespace guillemet::normalize {

namespace {

// How much of a text is read: see the header.
constexpr size_t kHeadBytes = 64 * 1024;
constexpr size_t kTailBytes = 4 * 1024;
// Lines counted as the top and the bottom of an article (non-empty lines).
constexpr int kTopLines = 6;
constexpr int kBottomLines = 3;
// A day and month without year borrow one from this many following lines.
constexpr int kYearLookahead = 3;

// Candidate scores. A date with its own year always beats a borrowed one on
// the same kind of line; position and publication cues then decide.
constexpr int kWrittenYear = 100;
constexpr int kBorrowedYear = 40;
constexpr int kTopBonus = 30;
constexpr int kBottomBonus = 20;
constexpr int kMarkerBonus = 25;
constexpr int kShortLineBonus = 15;
constexpr size_t kShortLineSlack = 40;  // Bytes of a line that are not the date.

struct MonthName {
  const char* folded;  // FoldKey, without a period.
  int month;
  bool abbreviation;  // Only trusted without a year when it ends with a period.
};

const MonthName kMonths[] = {
    {"janvier", 1, false},   {"january", 1, false},   {"janv", 1, true},
    {"jan", 1, true},        {"fevrier", 2, false},   {"february", 2, false},
    {"fevr", 2, true},       {"fev", 2, true},        {"feb", 2, true},
    {"mars", 3, false},      {"march", 3, false},     {"mar", 3, true},
    {"avril", 4, false},     {"april", 4, false},     {"avr", 4, true},
    {"apr", 4, true},        {"mai", 5, false},       {"may", 5, false},
    {"juin", 6, false},      {"june", 6, false},      {"jun", 6, true},
    {"juillet", 7, false},   {"july", 7, false},      {"juil", 7, true},
    {"jul", 7, true},        {"aout", 8, false},      {"august", 8, false},
    {"aug", 8, true},        {"septembre", 9, false}, {"september", 9, false},
    {"sept", 9, true},       {"sep", 9, true},        {"octobre", 10, false},
    {"october", 10, false},  {"oct", 10, true},       {"novembre", 11, false},
    {"november", 11, false}, {"nov", 11, true},       {"decembre", 12, false},
    {"december", 12, false}, {"dec", 12, true},
};

// Which capture group holds what, 0 when absent.
struct Layout {
  int day, month, period, year;
  bool numeric_month;
  bool may_swap;  // "05/25/2017": day-first unless only month-first is a date.
};

// The characters that may not touch a date, checked in code on each side of
// a match rather than written into the patterns: RE2 compiles a Unicode
// class such as \pL into hundreds of states, which cost most of start-up.
enum Edge : unsigned char {
  kNoEdge = 0,
  kLetter = 1,
  kNumber = 2,
  kDateSign = 4,  // . / -
};

struct PatternSource {
  std::string regex;
  DateShape shape;  // Where it may start: see date_shapes.h.
  Layout layout;
  unsigned char forbidden_before;  // Edge bits.
  unsigned char forbidden_after;
};

struct Pattern {
  const RE2* re;
  const PatternSource* source;
};

// The Unicode classes RE2 calls \pL and \pN (general categories L* and N*).
bool IsForbidden(char32_t c, unsigned char edges) {
  if (c < 0x80) {
    if ((edges & kLetter) && (c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
    if ((edges & kNumber) && c >= '0' && c <= '9') return true;
    return (edges & kDateSign) && (c == '.' || c == '/' || c == '-');
  }
  const uint32_t category = U_GET_GC_MASK(static_cast<UChar32>(c));
  return ((edges & kLetter) && (category & U_GC_L_MASK)) ||
         ((edges & kNumber) && (category & U_GC_N_MASK));
}

// Whether a date may start at `begin`: at the start of the line, or after a
// character that starts at or after `floor` and is not forbidden.
bool StartsCleanly(std::string_view line, size_t begin, size_t floor, unsigned char forbidden) {
  if (begin == 0) return true;
  size_t previous = 0;
  const char32_t c = DecodeUtf8Before(line, begin, &previous);
  return previous >= floor && !IsForbidden(c, forbidden);
}

// Whether a date may end at `end`: at the end of the line, or before a
// character that is not forbidden.
bool EndsCleanly(std::string_view line, size_t end, unsigned char forbidden) {
  if (end >= line.size()) return true;
  return !IsForbidden(DecodeUtf8(line, &end), forbidden);
}

// The date patterns as text. Each change here must be followed in
// date_shapes.cc, which finds where they may start.
const std::vector<PatternSource>& PatternSources() {
  static const std::vector<PatternSource>* sources = [] {
    // Longer names first: RE2 prefers the earlier alternative.
    // Only the words ignore case: a case-insensitive class costs RE2 much
    // of its compile time (start-up), for nothing a date needs.
    const std::string month =
        "(?i:(janvier|january|f[ée]vrier|february|mars|march|avril|april|mai|may|juin|june|juillet|"
        "july|ao[ûu]t|august|septembre|september|octobre|october|novembre|november|"
        "d[ée]cembre|december|janv|jan|f[ée]vr|f[ée]v|feb|mar|avr|apr|juil|jul|jun|aug|sept|"
        "sep|oct|nov|d[ée]c))(\\.)?";
    const std::string space = "[ \\t\\x{00A0}\\x{202F}\\x{2009}]+";
    const std::string day = "(\\d{1,2})(?i:er|ᵉʳ|st|nd|rd|th)?";
    const unsigned char word = kLetter | kNumber;
    const unsigned char numeral = kNumber | kDateSign;
    return new std::vector<PatternSource>{
        // With a year: these come first so that their day and month are not
        // taken again as a date without year.
        {day + space + month + "(?:" + space + "|," + space + ")(\\d{4})",
         DateShape::kDayMonth,
         {1, 2, 3, 4, false, false},
         word,
         kNumber},
        {month + space + day + "(?:,?" + space + "|,)(\\d{4})",
         DateShape::kMonthDay,
         {3, 1, 2, 4, false, false},
         word,
         kNumber},
        {"(\\d{4})-(\\d{2})-(\\d{2})",
         DateShape::kYearFirstNumeric,
         {3, 2, 0, 1, true, false},
         kNumber,
         kNumber},
        {"(\\d{4})/(\\d{2})/(\\d{2})",
         DateShape::kYearFirstNumeric,
         {3, 2, 0, 1, true, false},
         kNumber,
         kNumber},
        {"(\\d{1,2})/(\\d{1,2})/(\\d{4})",
         DateShape::kDayFirstNumeric,
         {1, 2, 0, 3, true, true},
         numeral,
         kNumber},
        {"(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})",
         DateShape::kDayFirstNumeric,
         {1, 2, 0, 3, true, true},
         numeral,
         kNumber},
        {"(\\d{1,2})-(\\d{1,2})-(\\d{4})",
         DateShape::kDayFirstNumeric,
         {1, 2, 0, 3, true, true},
         numeral,
         kNumber},
        // Without a year.
        {day + space + month, DateShape::kDayMonth, {1, 2, 3, 0, false, false}, word, kLetter},
        {month + space + day, DateShape::kMonthDay, {3, 1, 2, 0, false, false}, word, word},
    };
  }();
  return *sources;
}

const std::vector<Pattern>& Patterns() {
  static const std::vector<Pattern>* patterns = [] {
    auto* compiled = new std::vector<Pattern>;
    for (const PatternSource& source : PatternSources()) {
      compiled->push_back({new RE2(source.regex, RE2::Options()), &source});
    }
    return compiled;
  }();
  return *patterns;
}

// Words and signs of a publication line: a dateline, a time of day, a
// copyright or an agency.
const RE2& MarkerRe() {
  static const RE2* re = [] {
    RE2::Options options;
    options.set_case_sensitive(false);
    return new RE2(
        "publi[ée]|mis[e]? à jour|modifi[ée] le|actualis[ée]|updated|published|posted|©|"
        "\\((?:afp|reuters|ap|belga|ats)\\)|\\bafp\\b|\\d{1,2} ?h ?\\d{2}|\\d{1,2}:\\d{2}|"
        "\\bgmt\\b|\\butc\\b",
        options);
  }();
  return *re;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsValid(int year, int month, int day) {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

int ToInt(re2::StringPiece s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// Month number of a matched name, and whether it is an abbreviation.
const MonthName* LookUpMonth(re2::StringPiece name) {
  const std::string folded = FoldKey(std::string_view(name.data(), name.size()));
  for (const MonthName& m : kMonths) {
    if (folded == m.folded) return &m;
  }
  return nullptr;
}

struct Line {
  std::string_view text;
  size_t start = 0;         // Byte offset in the whole text.
  int nonempty_index = -1;  // -1 for a blank line.
};

// RE2 matches no character class on an invalid UTF-8 byte, so "2017\xff"
// would lose the boundary after its year: each invalid byte becomes one '?',
// which keeps every byte offset.
std::string_view Repaired(std::string_view line, std::string* storage) {
  size_t pos = NextInvalidByte(line, 0);
  if (pos >= line.size()) return line;
  storage->assign(line.data(), line.size());
  for (; pos < line.size(); pos = NextInvalidByte(line, pos + 1)) (*storage)[pos] = '?';
  return *storage;
}

// The first year on `line` at or after byte `from`, else the first before it.
int YearOnLine(std::string_view line, size_t from) {
  if (const int year = FirstYearIn(line.substr(from)); year != 0) return year;
  return FirstYearIn(line.substr(0, from));
}

struct Candidate {
  int year, month, day;
  int score;
  size_t offset;  // In the text, to prefer the first of equal candidates.
};

std::string Format(const Candidate& c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buffer;
}

}  // namespace

void CompileArticleDatePatterns(DatePatterns which) {
  if (which != DatePatterns::kDates) MarkerRe();
  if (which != DatePatterns::kPublicationLine) Patterns();
}

std::string FindArticleDate(std::string_view text) {
  std::vector<Line> lines;
  int nonempty = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    Line line;
    line.start = start;
    // Lines wholly between the head and the tail are not read.
    if (start < kHeadBytes || end + kTailBytes > text.size()) {
      line.text = text.substr(start, end - start);
      if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
    }
    if (text.substr(start, end - start).find_first_not_of(" \t\r") != std::string_view::npos) {
      line.nonempty_index = nonempty++;
    }
    lines.push_back(line);
    start = end + 1;
  }

  bool found = false;
  Candidate best{0, 0, 0, 0, 0};
  std::string storage;
  std::vector<DigitRun> digit_runs;  // Of the line being read.
  // Where a date of each shape may start on it, found for the first
  // pattern of that shape.
  constexpr size_t kShapes = static_cast<size_t>(DateShape::kDayFirstNumeric) + 1;
  std::vector<size_t> starts[kShapes];
  bool starts_found[kShapes];
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.empty() || lines[i].nonempty_index < 0) continue;
    int bonus = 0;
    if (lines[i].nonempty_index < kTopLines) {
      bonus += kTopBonus;
    } else if (lines[i].nonempty_index >= nonempty - kBottomLines) {
      bonus += kBottomBonus;
    }
    // The best any date of this line could score; a tie goes to the
    // earlier candidate, so a line that cannot beat the best is skipped:
    // once the top lines gave a dated dateline, the body is not searched.
    if (found && bonus + kWrittenYear + kMarkerBonus + kShortLineBonus <= best.score) continue;
    // Every pattern needs an ASCII digit (RE2's \d): most lines have none.
    // The repair below changes no digit and no offset.
    FindDigitRuns(lines[i].text, &digit_runs);
    if (digit_runs.empty()) continue;
    const std::string_view line = Repaired(lines[i].text, &storage);
    const re2::StringPiece piece(line.data(), line.size());
    std::vector<std::pair<size_t, size_t>> taken;  // Byte spans of dates with a year.
    // The publication-line bonus, looked for once a date is found: most
    // lines with a digit have none.
    bool marker_known = false;
    std::fill(std::begin(starts_found), std::end(starts_found), false);

    for (size_t k = 0; k < Patterns().size(); ++k) {
      const Pattern& pattern = Patterns()[k];
      const PatternSource& source = *pattern.source;
      const Layout& at = source.layout;
      re2::StringPiece groups[6];
      const int ngroups = pattern.re->NumberOfCapturingGroups() + 1;
      // A date found before is not read again: the character before the
      // next one must start at or after `floor`, as if the search began there.
      // Trying each possible start in turn, anchored, finds what a search
      // from `from` would, less the matches StartsCleanly would refuse.
      size_t floor = 0, from = 0;
      const size_t shape = static_cast<size_t>(source.shape);
      if (!starts_found[shape]) {
        FindDateStarts(line, digit_runs, source.shape, &starts[shape]);
        starts_found[shape] = true;
      }
      for (const size_t start : starts[shape]) {
        if (start < from ||
            !pattern.re->Match(piece, start, line.size(), RE2::ANCHOR_START, groups, ngroups)) {
          continue;
        }
        // The date runs from its first to its last captured group; an
        // uncaptured tail ("1er", "15th") only has to be followed well.
        const size_t begin = groups[0].data() - line.data();
        size_t end = 0;
        for (int g = 1; g < ngroups; ++g) {
          if (groups[g].data() == nullptr) continue;
          end =
              std::max(end, static_cast<size_t>(groups[g].data() + groups[g].size() - line.data()));
        }
        if (!StartsCleanly(line, begin, floor, source.forbidden_before)) continue;
        if (!EndsCleanly(line, groups[0].data() + groups[0].size() - line.data(),
                         source.forbidden_after)) {
          // Without its optional period ("mars.") the month may end well.
          const bool period_ends_match = at.period != 0 && !groups[at.period].empty() &&
                                         groups[at.period].data() + groups[at.period].size() ==
                                             groups[0].data() + groups[0].size();
          if (!period_ends_match ||
              !EndsCleanly(line, groups[at.period].data() - line.data(), source.forbidden_after)) {
            continue;
          }
          end = groups[at.period].data() - line.data();
          groups[at.period] = re2::StringPiece();
        }
        floor = from = end;
        bool inside_taken = false;
        for (const auto& span : taken) inside_taken |= begin >= span.first && begin < span.second;
        if (inside_taken) continue;

        int day = ToInt(groups[at.day]);
        int month = 0;
        if (at.numeric_month) {
          month = ToInt(groups[at.month]);
        } else {
          const MonthName* name = LookUpMonth(groups[at.month]);
          if (name == nullptr) continue;
          // "le 10 sept" may be "le 10 sept(embre)" or a count of seven;
          // without a year only a full name or an abbreviation with its
          // period is taken as a month.
          if (at.year == 0 && name->abbreviation && groups[at.period].empty()) continue;
          month = name->month;
        }
        if (!marker_known) {
          marker_known = true;
          if (RE2::PartialMatch(piece, MarkerRe())) bonus += kMarkerBonus;
        }
        int year = 0;
        int score = bonus;
        if (at.year != 0) {
          year = ToInt(groups[at.year]);
          score += kWrittenYear;
          taken.emplace_back(begin, end);
        } else {
          year = YearOnLine(line, end);
          for (size_t j = i + 1, seen = 0; year == 0 && j < lines.size() && seen < kYearLookahead;
               ++j) {
            if (lines[j].nonempty_index < 0) continue;
            ++seen;
            std::string next_storage;
            year = YearOnLine(Repaired(lines[j].text, &next_storage), 0);
          }
          if (year == 0) continue;  // Never a bare day and month.
          score += kBorrowedYear;
        }
        // "25/05/2017" is read day first, as in French; "05/25/2017" can
        // only be American.
        if (at.may_swap && !IsValid(year, month, day) && IsValid(year, day, month)) {
          std::swap(day, month);
        }
        if (!IsValid(year, month, day)) continue;
        if (line.size() - (end - begin) <= kShortLineSlack) score += kShortLineBonus;
        const size_t offset = lines[i].start + begin;
        if (!found || score > best.score || (score == best.score && offset < best.offset)) {
          found = true;
          best = Candidate{year, month, day, score, offset};
        }
      }
    }
  }
  return found ? Format(best) : "";
}

}  // namespace guillemet::normalize
