// The shapes of the dates FindArticleDate reads, checked by a plain byte
// scan: where on a line a date may start, so that its regular expressions
// run only there (anchored) instead of over every line with a digit, and
// where a year is written, read in code instead of by a regular expression.
//
// MUST CHANGE WHENEVER THE PATTERNS OF article_date.cc CHANGE: every offset
// where one of them can match and be accepted must be found here, or that
// date is silently lost. Finding too many offsets only costs time.
#ifndef GUILLEMET_NORMALIZE_DATE_SHAPES_H_
#define GUILLEMET_NORMALIZE_DATE_SHAPES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace guillemet::normalize {

// What a date pattern starts with, and what follows that.
enum class DateShape : unsigned char {
  // 1 or 2 digits, an optional ordinal ("1er", "1ᵉʳ", "15th"), spaces and a
  // letter: "25 mai 2017", "le 1er février", "18 June".
  kDayMonth,
  // A word, an optional period, spaces and a digit: "June 18, 2021",
  // "Sept. 5", "Mar. 15". The date starts at the word.
  kMonthDay,
  // 4 digits then - or /: "2017-05-25", "2017/05/25".
  kYearFirstNumeric,
  // 1 or 2 digits then / . or -: "25/05/2017", "25.05.2017", "25-05-2017".
  kDayFirstNumeric,
};

// A run of ASCII digits, line[begin, end).
struct DigitRun {
  size_t begin;
  size_t end;
};

// Replaces *runs with the maximal runs of ASCII digits of `line`, in order.
// Every date pattern needs one, and none starts inside one (a digit before
// a date is forbidden), so a line without any holds no date.
void FindDigitRuns(std::string_view line, std::vector<DigitRun>* runs);

// Replaces *starts with the byte offsets of `line`, increasing, where a date
// of `shape` may start, given the line's digit runs. It holds every offset
// where a pattern of that shape matches with nothing forbidden before it (a
// letter or a number before a word date, a number before any date), and
// possibly others. `line` must be valid UTF-8 (see Repaired in
// article_date.cc).
void FindDateStarts(std::string_view line, const std::vector<DigitRun>& runs, DateShape shape,
                    std::vector<size_t>* starts);

// The first year from 1900 to 2099 written in `text` between an end of
// `text` or a character that is neither a number (Unicode \pN) nor an
// invalid byte; 0 if there is none. The same as a search for
// (?:^|[^\pN])((?:19|20)\d{2})(?:[^\pN]|$), without a regular expression.
int FirstYearIn(std::string_view text);

}  // namespace guillemet::normalize

#endif  // GUILLEMET_NORMALIZE_DATE_SHAPES_H_
