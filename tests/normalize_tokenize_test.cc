// Tests of the tokeniser and the sentence splitter on tiny French texts:
// which words come out (read back from their spans, so that the tests do
// not depend on how a token stores its normal form) and where sentences
// start. Quotations are given by hand as the quote finder would give them.
#include "normalize/tokenize.h"

#include "core/unicode.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace guillemet::normalize {
namespace {

using ::testing::ElementsAre;

// A top-level quotation covering text[begin, end), marks included.
Quote QuoteAt(std::string_view text, std::string_view marked) {
  Quote q;
  size_t begin = text.find(marked);
  q.outer = {static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + marked.size())};
  return q;
}

std::vector<Token> TokensOf(std::string_view text, const std::vector<Quote>& quotes = {}) {
  return Tokenize(text, {0, static_cast<uint32_t>(text.size())}, quotes);
}

// The text of every token, in order.
std::vector<std::string> Words(std::string_view text, const std::vector<Quote>& quotes = {}) {
  std::vector<std::string> words;
  for (const Token& t : TokensOf(text, quotes)) {
    words.emplace_back(text.substr(t.span.begin, t.span.size()));
  }
  return words;
}

// The text of every sentence, from its first token to its last.
std::vector<std::string> Sentences(std::string_view text, const std::vector<Quote>& quotes = {}) {
  std::vector<Token> tokens = TokensOf(text, quotes);
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text, &tokens)) {
    uint32_t begin = tokens[s.first_token].span.begin;
    uint32_t end = tokens[s.end_token - 1].span.end;
    out.emplace_back(text.substr(begin, end - begin));
  }
  return out;
}

TEST(Tokenize, ElisionIsSplitFromItsWord) {
  EXPECT_THAT(Words("l'Otan"), ElementsAre("l'", "Otan"));
  std::vector<Token> tokens = TokensOf("l'Otan");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_TRUE(tokens[0].elided);
  EXPECT_FALSE(tokens[1].elided);
  EXPECT_TRUE(tokens[1].capitalized);
}

TEST(Tokenize, ElisionsWithEveryPrefixAndTypographicApostrophe) {
  struct Case {
    const char* text;
    std::vector<std::string> words;
  } cases[] = {
      {"d'accord", {"d'", "accord"}},
      {"qu'il", {"qu'", "il"}},
      {"jusqu'ici", {"jusqu'", "ici"}},
      {"l\xE2\x80\x99" "Otan", {"l\xE2\x80\x99", "Otan"}},
      {"s'est", {"s'", "est"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Words(c.text), c.words) << c.text;
  }
}

TEST(Tokenize, AujourdhuiStaysOneWord) {
  EXPECT_THAT(Words("aujourd'hui"), ElementsAre("aujourd'hui"));
}

TEST(Tokenize, InversionCliticIsSplitFromItsVerb) {
  std::vector<Token> tokens = TokensOf("a-t-il");
  ASSERT_THAT(Words("a-t-il"), ElementsAre("a", "-t-il"));
  EXPECT_EQ(tokens[0].type, Token::kWord);
  EXPECT_EQ(tokens[1].type, Token::kClitic);
}

TEST(Tokenize, InversionCliticWithoutEuphonicT) {
  std::vector<Token> tokens = TokensOf("dit-elle");
  ASSERT_THAT(Words("dit-elle"), ElementsAre("dit", "-elle"));
  EXPECT_EQ(tokens[0].type, Token::kWord);
  EXPECT_EQ(tokens[1].type, Token::kClitic);
}

TEST(Tokenize, CapitalisedHyphenatedNameIsNotAnInversion) {
  std::vector<Token> tokens = TokensOf("Saint-On");
  EXPECT_THAT(Words("Saint-On"), ElementsAre("Saint-On"));
  EXPECT_EQ(tokens[0].type, Token::kWord);
}

TEST(Tokenize, WordsGluedByScrapingAreSplitAtTheCapital) {
  EXPECT_THAT(Words("Article suivantPaul Casey"), ElementsAre("Article", "suivant", "Paul", "Casey"));
}

TEST(Tokenize, ShortLowercaseRunBeforeACapitalStaysWhole) {
  EXPECT_THAT(Words("McDonald iPhone"), ElementsAre("McDonald", "iPhone"));
}

TEST(Tokenize, TitleGluedToANameIsSplit) {
  EXPECT_THAT(Words("M.Stoltenberg"), ElementsAre("M", ".", "Stoltenberg"));
}

TEST(Tokenize, NumberWithInnerPeriodStaysWhole) {
  EXPECT_THAT(Words("12.000 soldats"), ElementsAre("12.000", "soldats"));
}

// Words of ASCII and Latin-1 letters take a path of their own (its own
// tables of case): their norm and case must be what folding and ICU's
// classes give, for every character of Latin-1, inside a word or first.
TEST(Tokenize, EveryLatin1LetterIsLowercasedAndClassedAsIcuDoes) {
  for (char32_t c = 0xC0; c <= 0xFF; ++c) {
    std::string letter;
    AppendUtf8(c, &letter);
    const std::string inside = "ab" + letter + "cd", first = letter + "ab";
    if (!IsLetter(c)) {  // × and ÷ cut the word.
      EXPECT_THAT(Words(inside), ElementsAre("ab", letter, "cd")) << inside;
      continue;
    }
    for (const std::string& word : {inside, first}) {
      std::vector<Token> tokens = TokensOf(word);
      ASSERT_EQ(tokens.size(), 1u) << word;
      EXPECT_EQ(tokens[0].norm.str(), FoldCase(word)) << word;
      EXPECT_EQ(tokens[0].capitalized, word == first && IsUpper(c)) << word;
      EXPECT_FALSE(tokens[0].all_caps) << word;
    }
  }
}

TEST(Tokenize, AccentedWordInCapitalsIsAllCaps) {
  // "L'ÉTAT Élysée"
  std::vector<Token> tokens = TokensOf("L'\xC3\x89TAT \xC3\x89lys\xC3\xA9" "e");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].norm.str(), "\xC3\xA9tat");
  EXPECT_TRUE(tokens[1].all_caps);
  EXPECT_EQ(tokens[2].norm.str(), "\xC3\xA9lys\xC3\xA9" "e");
  EXPECT_TRUE(tokens[2].capitalized);
  EXPECT_FALSE(tokens[2].all_caps);
}

TEST(Tokenize, QuotationIsOneToken) {
  const std::string_view text = "Il a dit \xC2\xAB non, jamais \xC2\xBB hier.";
  std::vector<Quote> quotes = {QuoteAt(text, "\xC2\xAB non, jamais \xC2\xBB")};
  EXPECT_THAT(Words(text, quotes),
              ElementsAre("Il", "a", "dit", "\xC2\xAB non, jamais \xC2\xBB", "hier", "."));
  std::vector<Token> tokens = TokensOf(text, quotes);
  EXPECT_EQ(tokens[3].type, Token::kQuote);
  EXPECT_EQ(tokens[3].quote, 0);
}

TEST(Tokenize, NestedQuotationIsInsideItsParentToken) {
  const std::string_view text = "Il a dit \xC2\xAB le mot \xE2\x80\x9Cnon\xE2\x80\x9D suffit \xC2\xBB.";
  Quote outer = QuoteAt(text, "\xC2\xAB le mot \xE2\x80\x9Cnon\xE2\x80\x9D suffit \xC2\xBB");
  Quote inner = QuoteAt(text, "\xE2\x80\x9Cnon\xE2\x80\x9D");
  inner.depth = 1;
  EXPECT_THAT(Words(text, {outer, inner}),
              ElementsAre("Il", "a", "dit",
                          "\xC2\xAB le mot \xE2\x80\x9Cnon\xE2\x80\x9D suffit \xC2\xBB", "."));
}

TEST(Tokenize, FirstTokenOfEachLineIsMarked) {
  std::vector<Token> tokens = TokensOf("Premier point.\nSecond point.");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_TRUE(tokens[0].line_start);
  EXPECT_FALSE(tokens[1].line_start);
  EXPECT_TRUE(tokens[3].line_start);
}

TEST(SplitSentences, PeriodEndsASentenceBeforeACapital) {
  EXPECT_THAT(Sentences("Il pleut. Paul reste."), ElementsAre("Il pleut.", "Paul reste."));
}

TEST(SplitSentences, NoSentenceEndsAfterMonsieur) {
  EXPECT_THAT(Sentences("Selon M. Dupont, tout va bien."),
              ElementsAre("Selon M. Dupont, tout va bien."));
}

TEST(SplitSentences, NoSentenceEndsAfterGluedMonsieur) {
  EXPECT_THAT(Sentences("Selon M.Stoltenberg, tout va bien."),
              ElementsAre("Selon M.Stoltenberg, tout va bien."));
}

TEST(SplitSentences, NoSentenceEndsAfterAnInitial) {
  EXPECT_THAT(Sentences("Donald J. Trump est parti."), ElementsAre("Donald J. Trump est parti."));
}

TEST(SplitSentences, PeriodGluedToACapitalStillEndsASentence) {
  EXPECT_THAT(Sentences("Il a quitté son poste.Rex Tillerson est parti."),
              ElementsAre("Il a quitté son poste.", "Rex Tillerson est parti."));
}

TEST(SplitSentences, NoSentenceEndsBeforeALowercaseWord) {
  EXPECT_THAT(Sentences("Il a vu 3 p. environ."), ElementsAre("Il a vu 3 p. environ."));
}

TEST(SplitSentences, NeverInsideAQuotation) {
  const std::string_view text = "Il a dit \xC2\xAB Non. Jamais. Pas ici. \xC2\xBB hier soir.";
  std::vector<Quote> quotes = {QuoteAt(text, "\xC2\xAB Non. Jamais. Pas ici. \xC2\xBB")};
  EXPECT_THAT(Sentences(text, quotes), ElementsAre(std::string(text)));
}

TEST(SplitSentences, NewLineAlwaysStartsASentence) {
  EXPECT_THAT(Sentences("Un titre sans point\nle texte suit"),
              ElementsAre("Un titre sans point", "le texte suit"));
}

TEST(SplitSentences, NewLineStartsAParagraph) {
  const std::string_view text = "Un. Deux.\nTrois.";
  std::vector<Token> tokens = TokensOf(text);
  std::vector<Sentence> sentences = SplitSentences(text, &tokens);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].paragraph, 0);
  EXPECT_EQ(sentences[1].paragraph, 0);
  EXPECT_EQ(sentences[2].paragraph, 1);
}

TEST(SplitSentences, EveryTokenKnowsItsSentence) {
  const std::string_view text = "Il pleut. Paul reste.";
  std::vector<Token> tokens = TokensOf(text);
  SplitSentences(text, &tokens);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[2].sentence, 0);
  EXPECT_EQ(tokens[3].sentence, 1);
}

TEST(TokenizePhrase, PatternEndingWithAnElisionKeepsIt) {
  EXPECT_THAT(TokenizePhrase("lors d'"), ElementsAre("lors", "d'"));
  EXPECT_THAT(TokenizePhrase("Secrétaire d'État"), ElementsAre("secrétaire", "d'", "état"));
}

}  // namespace
}  // namespace guillemet::normalize
