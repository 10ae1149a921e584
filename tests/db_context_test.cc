// ContextSentence: the sentence(s) around a quotation, found by expanding
// its byte span to sentence boundaries, capped on each side.
#include <string>

#include "core/unicode.h"
#include "db/context.h"
#include "gtest/gtest.h"

namespace guillemet::db {
namespace {

// Context of the first occurrence of `quote` in `text`.
std::string ContextOf(const std::string& text, const std::string& quote,
                      size_t max_side = kMaxContextSide) {
  size_t at = text.find(quote);
  EXPECT_NE(at, std::string::npos) << quote;
  return ContextSentence(text, at, at + quote.size(), max_side);
}

TEST(ContextSentence, ExpandsToTheSurroundingSentence) {
  struct Case {
    const char* text;
    const char* quote;
    const char* context;
  } cases[] = {
      {"Avant. Il a dit : « Nous partirons », puis il est sorti. Après.", "Nous partirons",
       "Il a dit : « Nous partirons », puis il est sorti."},
      // Abbreviations and decimals are not sentence ends.
      {"Début. M. Macron a déclaré : « Le taux passe à 3.5 % », hier. Fin.",
       "Le taux passe à 3.5 %", "M. Macron a déclaré : « Le taux passe à 3.5 % », hier."},
      // The closing mark after a final "!" or "?" stays, with its French space.
      {"Elle demande : « Pourquoi pas ? » Puis elle se tait.", "Pourquoi pas ?",
       "Elle demande : « Pourquoi pas ? »"},
      // ...unless a lowercase word carries the sentence on.
      {"Avant. « Pourquoi pas ? » demande-t-elle. Après.", "Pourquoi pas ?",
       "« Pourquoi pas ? » demande-t-elle."},
      {"Il cite la dette, les impôts, etc. et conclut : « Assez » ici. Fin.", "Assez",
       "Il cite la dette, les impôts, etc. et conclut : « Assez » ici."},
      {"Il a crié : « Assez !\u00a0»\nLa suite.", "Assez", "Il a crié : « Assez !\u00a0»"},
      // A newline ends a sentence even without punctuation.
      {"Titre sans point\n« Bonjour » a-t-il lancé\nParagraphe suivant", "Bonjour",
       "« Bonjour » a-t-il lancé"},
      // Sentence ends inside the quotation do not cut it.
      {"Avant. Il a dit : « Un. Deux ! Trois ? » Ensuite.", "Un. Deux ! Trois ?",
       "Il a dit : « Un. Deux ! Trois ? »"},
      // Text edges are boundaries.
      {"« Seul »", "Seul", "« Seul »"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ContextOf(c.text, c.quote), c.context) << c.text;
  }
}

TEST(ContextSentence, LongSentenceIsCutNearTheCapBeforeAWord) {
  std::string before(1000, 'x');
  for (size_t i = 0; i < before.size(); i += 10) before[i] = ' ';
  std::string text = before + "« Citation »" + before;
  std::string context = ContextOf(text, "Citation", 100);
  EXPECT_NE(context.find("« Citation »"), std::string::npos);
  EXPECT_LE(context.size(), 100 + 8 + 100);
  EXPECT_GE(context.size(), 100 + 8 + 100 - 2 * 40);
  EXPECT_EQ(context.front(), 'x');  // Starts on a word, after a space.
  EXPECT_EQ(context.back(), 'x');
}

TEST(ContextSentence, CutNeverSplitsAUtf8Character) {
  // No spaces at all: the cut falls wherever the cap says, then moves to a
  // character boundary.
  std::string accents;
  for (int i = 0; i < 300; ++i) accents += "é";  // 2 bytes each.
  std::string text = accents + "«Q»" + accents;
  for (size_t cap : {99, 100, 101, 399}) {
    std::string context = ContextOf(text, "Q", cap);
    for (size_t i = 0; i < context.size();) {
      size_t at = i;
      EXPECT_NE(DecodeUtf8(context, &i), 0xFFFDu) << "cap " << cap << ", byte " << at;
    }
    EXPECT_LE(context.size(), 2 * cap + 1);
  }
}

TEST(ContextSentence, OutOfRangeOffsetsAreClamped) {
  EXPECT_EQ(ContextSentence("Une phrase. Deux.", 50, 60), "");
  EXPECT_EQ(ContextSentence("Une phrase. Deux.", 14, 3), "Deux.");
  EXPECT_EQ(ContextSentence("", 0, 0), "");
}

TEST(ContextSentence, OffsetInsideACharacterIsWidened) {
  std::string text = "Il dit « déjà » ici.";
  size_t at = text.find("déjà");
  // at + 2 falls inside "é".
  EXPECT_EQ(ContextSentence(text, at + 2, at + 3), "Il dit « déjà » ici.");
}

TEST(ContextSentence, InvalidUtf8IsTolerated) {
  std::string text = "Avant. \xff\xfe Il dit « oui » \xc3. Fin.";
  size_t at = text.find("oui");
  EXPECT_EQ(ContextSentence(text, at, at + 3), "\xff\xfe Il dit « oui » \xc3.");
}

}  // namespace
}  // namespace guillemet::db
