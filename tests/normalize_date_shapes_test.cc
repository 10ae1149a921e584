// Tests of the date shapes: the offsets each shape lets through and those
// it refuses, the digit runs (against a plain byte loop, for every byte
// value) and the years read without a regular expression.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/date_shapes.h"

namespace guillemet::normalize {
namespace {

std::vector<size_t> Starts(std::string_view line, DateShape shape) {
  std::vector<DigitRun> runs;
  FindDigitRuns(line, &runs);
  std::vector<size_t> starts;
  FindDateStarts(line, runs, shape, &starts);
  return starts;
}

struct ShapeCase {
  const char* line;
  DateShape shape;
  std::vector<size_t> starts;
};

TEST(FindDateStarts, LetsThroughWhereEachShapeMayStart) {
  const std::vector<ShapeCase> cases = {
      {"le 25 mai 2017", DateShape::kDayMonth, {3}},
      {"1er février", DateShape::kDayMonth, {0}},
      {"1ᵉʳ\xC2\xA0"
       "février",
       DateShape::kDayMonth,
       {0}},
      {"15th March", DateShape::kDayMonth, {0}},
      {"3 ſeptembre", DateShape::kDayMonth, {0}},
      {"3 DÉC.", DateShape::kDayMonth, {0}},
      {"3\t\xE2\x80\xAF"
       "aoÛt",
       DateShape::kDayMonth,
       {0}},
      {"June 18, 2021", DateShape::kMonthDay, {0}},
      {"Sept. 5", DateShape::kMonthDay, {0}},
      {"l’avril 5", DateShape::kMonthDay, {4}},
      {"DÉCEMBRE\xE2\x80\x89"
       "3",
       DateShape::kMonthDay,
       {0}},
      {"2017-05-25 et 2017/05/25", DateShape::kYearFirstNumeric, {0, 14}},
      {"25/05/2017, 5.5.2017, 25-5-2017", DateShape::kDayFirstNumeric, {0, 12, 22}},
  };
  for (const ShapeCase& c : cases) EXPECT_EQ(Starts(c.line, c.shape), c.starts) << c.line;
}

TEST(FindDateStarts, RefusesWhatNoPatternCanMatch) {
  const std::vector<ShapeCase> cases = {
      {"12 morts, 3 millions, 2 ans", DateShape::kDayMonth, {}},
      {"125 mai", DateShape::kDayMonth, {}},  // A day has one or two digits.
      {"25mai", DateShape::kDayMonth, {}},
      {"25 xe mai", DateShape::kDayMonth, {}},
      {"le 12, à 15 h", DateShape::kMonthDay, {}},
      {"mai 125", DateShape::kMonthDay, {}},
      {"mai5", DateShape::kMonthDay, {}},
      // Inside a word the month would follow a letter, which is refused.
      {"xmars 5", DateShape::kMonthDay, {}},
      {"20170-05-25 2017-5-25 2017-05/25", DateShape::kYearFirstNumeric, {}},
      {"1.5 million, 12-15 ans, 3/4, 1/2/201, 123/05/2017", DateShape::kDayFirstNumeric, {}},
  };
  for (const ShapeCase& c : cases) EXPECT_EQ(Starts(c.line, c.shape), c.starts) << c.line;
}

TEST(FindDigitRuns, AgreesWithAByteLoopForEveryByte) {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 20; ++at) {
      std::string line(20, 'a');
      line[at] = static_cast<char>(byte);
      line[19 - at] = '7';
      std::vector<DigitRun> expected;
      for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] < '0' || line[i] > '9') continue;
        size_t j = i;
        while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
        expected.push_back({i, j});
        i = j;
      }
      std::vector<DigitRun> runs;
      FindDigitRuns(line, &runs);
      ASSERT_EQ(runs.size(), expected.size()) << byte << " at " << at;
      for (size_t k = 0; k < runs.size(); ++k) {
        EXPECT_EQ(runs[k].begin, expected[k].begin) << byte << " at " << at;
        EXPECT_EQ(runs[k].end, expected[k].end) << byte << " at " << at;
      }
    }
  }
}

TEST(FirstYearIn, ReadsAYearThatTouchesNoOtherNumber) {
  EXPECT_EQ(FirstYearIn("2017"), 2017);
  EXPECT_EQ(FirstYearIn("le 3 mai, en 1999 puis 2004"), 1999);
  EXPECT_EQ(FirstYearIn("©2019 Le Journal"), 2019);
  EXPECT_EQ(FirstYearIn("12019 20171 2017"), 2017);
  EXPECT_EQ(FirstYearIn("1899 2100 2099"), 2099);
  EXPECT_EQ(FirstYearIn("²2017 ٢2018 2019"), 2019);  // Other numbers count too.
  EXPECT_EQ(FirstYearIn("é2017é"), 2017);
  EXPECT_EQ(FirstYearIn("no year, 17 or 201"), 0);
  // An invalid byte is no boundary, as for the regular expression.
  EXPECT_EQ(FirstYearIn("2017\xff"), 0);
  EXPECT_EQ(FirstYearIn("\xff"
                        "2017 2018"),
            2018);
  EXPECT_EQ(FirstYearIn("\xEF\xBF\xBD"
                        "2017"),
            2017);  // A real U+FFFD is one.
}

}  // namespace
}  // namespace guillemet::normalize
