// User input to index keys: FTS5 query escaping (free words are never FTS5
// syntax) and the folded keys under which a speaker can be found.
#include "db/search_keys.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace guillemet::db {
namespace {

using ::testing::ElementsAre;

std::string Fts(const std::string& words) {
  std::string query;
  Status s = BuildFtsQuery(words, &query);
  EXPECT_TRUE(s.ok()) << s.message();
  return query;
}

TEST(BuildFtsQuery, EachWordBecomesOneQuotedString) {
  struct Case {
    const char* words;
    const char* query;
  } cases[] = {
      {"dépenses", "\"dépenses\""},
      {"  dépenses   publiques ", "\"dépenses\" \"publiques\""},
      {"dépenses\u00a0publiques", "\"dépenses\" \"publiques\""},  // No-break space.
      {"OR NOT AND NEAR", "\"OR\" \"NOT\" \"AND\" \"NEAR\""},
      {"quote:x", "\"quote:x\""},
      {"say \"hello\"", "\"say\" \"\"\"hello\"\"\""},  // Quotes doubled.
      {"(dette)", "\"(dette)\""},
      {"dépens*", "\"dépens\"*"},
      {"dépens**", "\"dépens\"*"},
      {"l'État", "\"l'État\""},
      {"dette « »", "\"dette\""},  // Words without letters or digits are dropped.
      {"2017", "\"2017\""},
  };
  for (const Case& c : cases) EXPECT_EQ(Fts(c.words), c.query) << c.words;
}

TEST(BuildFtsQuery, BlankInputMeansNoTextCondition) {
  EXPECT_EQ(Fts(""), "");
  EXPECT_EQ(Fts(" \t\n"), "");
}

TEST(BuildFtsQuery, InputWithoutAnyWordIsAnError) {
  std::string query = "unchanged";
  Status s = BuildFtsQuery("« * » --", &query);
  EXPECT_EQ(s.message(), "search words \"« * » --\" contain no letter or digit to look for");
  EXPECT_EQ(query, "");
}

TEST(SpeakerKey, IgnoresAccentsCaseHyphensAndSpacing) {
  EXPECT_EQ(SpeakerKey("Jean-Luc Mélenchon"), "jean luc melenchon");
  EXPECT_EQ(SpeakerKey("  JEAN  LUC   MELENCHON "), "jean luc melenchon");
  EXPECT_EQ(SpeakerKey("Çavuşoğlu"), "cavusoglu");
  EXPECT_EQ(SpeakerKey("Q3052772"), "q3052772");
  EXPECT_EQ(SpeakerKey("--"), "");
}

TEST(NameKeys, CoverFullNameAndEverySurnameSuffix) {
  EXPECT_THAT(NameKeys("Marine Le Pen"), ElementsAre("le pen", "marine le pen", "pen"));
  EXPECT_THAT(NameKeys("Charles de Gaulle"),
              ElementsAre("charles de gaulle", "de gaulle", "gaulle"));
  EXPECT_THAT(NameKeys("Nicolas Dupont-Aignan"),
              ElementsAre("aignan", "dupont aignan", "nicolas dupont aignan"));
  EXPECT_THAT(NameKeys("Macron"), ElementsAre("macron"));
  EXPECT_THAT(NameKeys(""), ElementsAre());
}

}  // namespace
}  // namespace guillemet::db
