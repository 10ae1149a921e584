// Tests of FindArticleDate: one table of texts with the date each must give
// ("" when none may be read), then the preferences between several dates
// and a no-crash pass over junk bytes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/article_date.h"

namespace guillemet::normalize {
namespace {

struct DateCase {
  const char* text;
  const char* date;
};

TEST(FindArticleDate, ReadsEachWrittenForm) {
  const std::vector<DateCase> cases = {
      {"Publié le 25 mai 2017", "2017-05-25"},
      {"Bruxelles, le 1er février 2018 (AFP) - L'Otan a dit...", "2018-02-01"},
      {"24 janvier 2017 - 10h50", "2017-01-24"},
      {"(©AFP / 16 février 2018 11h59)", "2018-02-16"},
      {"2017-05-25", "2017-05-25"},
      {"Mis à jour : 2017-05-25T10:50:00Z", "2017-05-25"},
      {"25/05/2017", "2017-05-25"},
      {"25.05.2017 à 10:50", "2017-05-25"},
      {"June 18, 2021", "2021-06-18"},
      {"WASHINGTON, October 7, 2020 (Reuters) -", "2020-10-07"},
      {"Updated 18 June 2021", "2021-06-18"},
      {"Sept. 5, 2019", "2019-09-05"},
      {"MARDI 3 DÉCEMBRE 2019", "2019-12-03"},
      {"le 3 decembre 2019", "2019-12-03"},
      {"le 15 août 2021", "2021-08-15"},
      {"le 15 aout 2021", "2021-08-15"},
      {"3 janv 2018", "2018-01-03"},
      {"https://www.example.fr/international/article/2017/05/25/otan-trump", "2017-05-25"},
      // An American month-first date when day-first is impossible.
      {"05/25/2017", "2017-05-25"},
      // Leap years.
      {"29 février 2016", "2016-02-29"},
  };
  for (const DateCase& c : cases) EXPECT_EQ(FindArticleDate(c.text), c.date) << c.text;
}

TEST(FindArticleDate, CompletesAbbreviatedMonthWithNearbyYear) {
  const std::vector<DateCase> cases = {
      {"Posted 15 Mar. 2018", "2018-03-15"},
      {"Bruxelles, 15 Mar. (AFP) - Les ministres de 2018 se réunissent", "2018-03-15"},
      {"Publié le 3 janv. à 10h50\n© 2019 Le Journal", "2019-01-03"},
      {"Mis à jour le 12 déc.\n\nSociété\n2020", "2020-12-12"},
      {"Mar. 15\n2018", "2018-03-15"},
  };
  for (const DateCase& c : cases) EXPECT_EQ(FindArticleDate(c.text), c.date) << c.text;
}

TEST(FindArticleDate, ReadsNoDateGluedToALetterOrANumber) {
  const std::vector<DateCase> cases = {
      {"x25 mai 2017", ""},
      {"125 mai 2017", ""},
      {"25 mai 20171", ""},
      {"²5 mai 2017", ""},
      // Numeric dates only need no number or date sign before them.
      {"\u00e925/05/2017", "2017-05-25"},
      {"1.25/05/2017", ""},
      {"-25-05-2017", ""},
      {"Ⅻ2017-05-25", ""},
      {"n\u00b02017-05-25", "2017-05-25"},
      {"é2017-05-25", "2017-05-25"},
      {"/2017-05-25", "2017-05-25"},
      // A month whose period is glued to a word is read without its period.
      {"le 15 mars.Suite 2018", "2018-03-15"},
      {"le 15 mar.Suite 2018", ""},
      {"March 15thx 2018", ""},
      // A date with its year is read even glued to a date without one.
      {"15 mars.12 avril 2017", "2017-04-12"},
  };
  for (const DateCase& c : cases) EXPECT_EQ(FindArticleDate(c.text), c.date) << c.text;
}

TEST(FindArticleDate, NeverReturnsABareDayAndMonthOrAnImpossibleDate) {
  const std::vector<DateCase> cases = {
      {"", ""},
      {"Le sommet aura lieu le 15 mars.", ""},
      {"Publié le 3 janv. à 10h50", ""},
      // The year is too far from the day and month to be theirs.
      {"Le 15 mars\na\nb\nc\nd\nLe budget de 2018", ""},
      // "sept" without its period is also the number seven.
      {"Les 10 sept ministres se réunissent en 2018.", ""},
      {"31 février 2018", ""},
      {"2017-13-45", ""},
      {"2017-25-05", ""},  // ISO is never read month last.
      {"32/01/2018", ""},
      {"Il y a 25 ans et 3 mois.", ""},
      {"Tél. 01.23.45.67.89", ""},
      {"Score: 3-2, 2018 spectateurs", ""},
  };
  for (const DateCase& c : cases) EXPECT_EQ(FindArticleDate(c.text), c.date) << c.text;
}

TEST(FindArticleDate, DatelineBeatsAHistoricalDateInTheLead) {
  EXPECT_EQ(FindArticleDate("Le 4 avril 1949, douze pays fondaient l'Alliance atlantique, "
                            "a rappelé son secrétaire général devant la presse.\n"
                            "Suite de l'article.\n"
                            "(©AFP / 16 février 2018 11h59)"),
            "2018-02-16");
}

TEST(FindArticleDate, TopPublicationLineBeatsBodyDates) {
  EXPECT_EQ(FindArticleDate("Otan : le sommet de Bruxelles\n"
                            "Publié le 25 mai 2017 à 10h50\n"
                            "Le sommet du 11 juillet 2018 se tiendra aussi à Bruxelles.\n"
                            "a\nb\nc\nd\ne\nf\n"),
            "2017-05-25");
}

TEST(FindArticleDate, WrittenYearBeatsBorrowedYearOnTheSameLine) {
  EXPECT_EQ(FindArticleDate("mar. 15 mai 2018"), "2018-05-15");
}

TEST(FindArticleDate, FirstOfEqualDatesWins) {
  EXPECT_EQ(
      FindArticleDate("x\ny\nz\nw\nv\nu\n"
                      "Le 3 mars 2016, il a dit une chose, puis une autre encore plus longue.\n"
                      "Le 4 mars 2017, il a dit une chose, puis une autre encore plus longue.\n"
                      "a\nb\nc\n"),
      "2016-03-03");
}

TEST(FindArticleDate, SkipsTheMiddleOfAHugeText) {
  std::string text = "Un titre\n";
  text += std::string(70 * 1024, 'x') + "\nLe 3 mars 2016, au milieu.\n";
  text += std::string(10 * 1024, 'y') + "\nfin";
  EXPECT_EQ(FindArticleDate(text), "");
}

TEST(FindArticleDate, JunkBytesDoNotCrash) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  junk += "\n25 mai 2017\xff\xfe";
  EXPECT_EQ(FindArticleDate(junk), "2017-05-25");
}

}  // namespace
}  // namespace guillemet::normalize
