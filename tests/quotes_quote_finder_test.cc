// Tests of the quote finder against the real patterns/quote_marks.tsv: every
// style of mark, apostrophes that are not marks, nesting, the broken marks
// of real pages and how they are repaired, quotations continued over
// paragraphs, embedded posts, and a no-crash test over unbalanced marks.
// The reporting-clause probe that the pipeline takes from the cue finder is
// stubbed here with a fixed phrase, so that only the finder is tested.
#include "quotes/quote_finder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace guillemet::quotes {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

#define LAQUO "\xC2\xAB"       // «
#define RAQUO "\xC2\xBB"       // »
#define NBSP "\xC2\xA0"        // U+00A0
#define NNBSP "\xE2\x80\xAF"   // U+202F
#define LSAQUO "\xE2\x80\xB9"  // ‹
#define RSAQUO "\xE2\x80\xBA"  // ›
#define LDQUO "\xE2\x80\x9C"   // “
#define RDQUO "\xE2\x80\x9D"   // ”
#define BDQUO "\xE2\x80\x9E"   // „
#define LSQUO "\xE2\x80\x98"   // ‘
#define RSQUO "\xE2\x80\x99"   // ’

class QuoteFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    marks_ = new QuoteMarks;
    Status s = QuoteMarks::Load(GUILLEMET_SOURCE_DIR "/patterns/quote_marks.tsv", marks_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static void TearDownTestSuite() {
    delete marks_;
    marks_ = nullptr;
  }

  // No reporting clause anywhere, unless the test says otherwise.
  static QuoteFinderResult Find(std::string_view text, const ReportingClauseProbe& probe = {}) {
    return FindQuotes(text, *marks_, probe);
  }

  // The text of every quotation found, in order.
  static std::vector<std::string> Texts(std::string_view text,
                                        const ReportingClauseProbe& probe = {}) {
    std::vector<std::string> out;
    for (const Quote& q : Find(text, probe).quotes) out.push_back(q.text);
    return out;
  }

  // A stand-in for the cue finder: a reporting clause is exactly
  // ", a expliqué" right after the mark.
  static ReportingClauseProbe ExpliqueFollows(std::string_view text) {
    return [text](uint32_t pos) { return text.substr(pos).rfind(", a expliqu", 0) == 0; };
  }

  static std::string Trimmed(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    return s;
  }

  static QuoteMarks* marks_;
};
QuoteMarks* QuoteFinderTest::marks_ = nullptr;

// --- Every style of mark -------------------------------------------------

TEST_F(QuoteFinderTest, EveryStyleOfMarkQuotesTheSameWords) {
  struct Case {
    const char* style;
    const char* text;
  } cases[] = {
      {"guillemets with spaces", "Il a dit " LAQUO " non merci " RAQUO " hier."},
      {"guillemets without spaces", "Il a dit " LAQUO "non merci" RAQUO " hier."},
      {"guillemets with no-break spaces", "Il a dit " LAQUO NBSP "non merci" NBSP RAQUO " hier."},
      {"guillemets with narrow no-break spaces",
       "Il a dit " LAQUO NNBSP "non merci" NNBSP RAQUO " hier."},
      {"single guillemets", "Il a dit " LSAQUO " non merci " RSAQUO " hier."},
      {"straight double quotes", "Il a dit \"non merci\" hier."},
      {"English double quotes", "Il a dit " LDQUO "non merci" RDQUO " hier."},
      {"German double quotes", "Il a dit " BDQUO "non merci" LDQUO " hier."},
      {"two apostrophes as a double mark", "Il a dit ''non merci'' hier."},
      {"single quotes", "Il a dit " LSQUO "non merci" RSQUO " hier."},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Texts(c.text), ElementsAre("non merci")) << c.style << ": " << c.text;
  }
}

TEST_F(QuoteFinderTest, OuterSpanIncludesTheMarksAndPartExcludesTheSpaces) {
  const std::string_view text = "Il a dit " LAQUO NBSP "non" NBSP RAQUO " hier.";
  QuoteFinderResult r = Find(text);
  ASSERT_EQ(r.quotes.size(), 1u);
  const Quote& q = r.quotes[0];
  EXPECT_EQ(text.substr(q.outer.begin, q.outer.size()), LAQUO NBSP "non" NBSP RAQUO);
  ASSERT_EQ(q.parts.size(), 1u);
  EXPECT_EQ(text.substr(q.parts[0].begin, q.parts[0].size()), "non");
  EXPECT_EQ(q.depth, 0);
  EXPECT_FALSE(q.repaired);
  EXPECT_FALSE(q.tweet);
}

TEST_F(QuoteFinderTest, TwoQuotationsInOneSentence) {
  EXPECT_THAT(Texts("Il parle de " LAQUO "paix" RAQUO " et de " LAQUO "justice" RAQUO "."),
              ElementsAre("paix", "justice"));
}

// --- Apostrophes are not marks --------------------------------------------

TEST_F(QuoteFinderTest, ApostrophesInsideWordsAreNotMarks) {
  EXPECT_THAT(Texts("Le chef de l" RSQUO "Otan est d" LSQUO "accord."), IsEmpty());
}

TEST_F(QuoteFinderTest, ApostropheInsideAWordDoesNotCloseSingleQuotes) {
  EXPECT_THAT(Texts("Il parle d" LSQUO "un " LSQUO "accord d" RSQUO "ensemble" RSQUO " ici."),
              ElementsAre("accord d" RSQUO "ensemble"));
}

// --- Nesting --------------------------------------------------------------

TEST_F(QuoteFinderTest, NestedQuotationHasDepthOne) {
  QuoteFinderResult r =
      Find("Elle raconte : " LAQUO " Il m'a dit " LDQUO "jamais" RDQUO " hier " RAQUO ".");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(r.quotes[0].text, "Il m'a dit " LDQUO "jamais" RDQUO " hier");
  EXPECT_EQ(r.quotes[0].depth, 0);
  EXPECT_EQ(r.quotes[1].text, "jamais");
  EXPECT_EQ(r.quotes[1].depth, 1);
}

TEST_F(QuoteFinderTest, NestedGuillemetsOfTheSameFamily) {
  QuoteFinderResult r = Find("Il a dit " LAQUO " le mot " LAQUO " paix " RAQUO " suffit " RAQUO ".");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(r.quotes[0].depth, 0);
  EXPECT_EQ(r.quotes[1].text, "paix");
  EXPECT_EQ(r.quotes[1].depth, 1);
}

// Real articles nest two or three levels; beyond eight, quotations are
// dropped with a warning, and those kept are found as before.
TEST_F(QuoteFinderTest, QuotationsNestedEightDeepAreKeptDeeperOnesDropped) {
  std::string eight, nine;
  for (int i = 0; i < 8; ++i) eight += LAQUO " mot ";
  for (int i = 0; i < 8; ++i) eight += RAQUO " ";
  nine = LAQUO " " + eight + RAQUO;
  QuoteFinderResult r8 = Find(eight);
  ASSERT_EQ(r8.quotes.size(), 8u);
  EXPECT_THAT(r8.warnings, IsEmpty());
  for (int i = 0; i < 8; ++i) EXPECT_EQ(r8.quotes[i].depth, i);
  EXPECT_EQ(r8.quotes[7].text, "mot");
  QuoteFinderResult r9 = Find(nine);
  ASSERT_EQ(r9.quotes.size(), 8u);
  EXPECT_THAT(r9.warnings, ElementsAre("1 quotation nested more than 8 deep ignored"));
  // The top level is the new outer quotation; the innermost one is lost.
  EXPECT_EQ(r9.quotes[0].text, Trimmed(eight));
  EXPECT_EQ(r9.quotes[1].text, r8.quotes[0].text);
  EXPECT_EQ(r9.quotes[7].text, r8.quotes[6].text);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(r9.quotes[i].depth, i);
}

// --- Broken marks of real pages -------------------------------------------

TEST_F(QuoteFinderTest, OpeningGuillemetUsedToCloseBeforeAReportingClause) {
  EXPECT_THAT(Texts(LAQUO " Je reste ici " LAQUO ", a dit Paul."), ElementsAre("Je reste ici"));
}

TEST_F(QuoteFinderTest, ClosingGuillemetUsedToOpenAfterAnElision) {
  EXPECT_THAT(Texts("Il d\xC3\xA9nonce l' " RAQUO "agression" RAQUO " de ses voisins."),
              ElementsAre("agression"));
  EXPECT_THAT(Texts("Il d\xC3\xA9nonce l' " RAQUO "agression " RAQUO " de ses voisins."),
              ElementsAre("agression"));
}

TEST_F(QuoteFinderTest, EnglishOpeningMarkUsedToClose) {
  EXPECT_THAT(Texts(LDQUO "Nous partirons" LDQUO ", a expliqu\xC3\xA9 Paul."),
              ElementsAre("Nous partirons"));
}

TEST_F(QuoteFinderTest, MixedFamiliesGuillemetClosedByEnglishMark) {
  EXPECT_THAT(Texts(LAQUO " Nous partirons demain " LDQUO ", a-t-il ajout\xC3\xA9."),
              ElementsAre("Nous partirons demain"));
  EXPECT_THAT(Texts(LAQUO "Nous partirons demain" LDQUO ", a-t-il ajout\xC3\xA9."),
              ElementsAre("Nous partirons demain"));
}

TEST_F(QuoteFinderTest, UnclosedMarkEndsAtTheLastCommaBeforeTheNextQuotation) {
  QuoteFinderResult r = Find(LAQUO " Nous ne c\xC3\xA9" "derons pas, a dit le maire. Il a ajout\xC3\xA9 " LAQUO
                             " rien ne change " RAQUO ".");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(r.quotes[0].text, "Nous ne c\xC3\xA9" "derons pas");
  EXPECT_TRUE(r.quotes[0].repaired);
  EXPECT_EQ(r.quotes[1].text, "rien ne change");
  EXPECT_EQ(r.quotes[1].depth, 0);
}

TEST_F(QuoteFinderTest, LostOpeningMarkAtParagraphStartIsConfirmedByAReportingClause) {
  const std::string_view text = "Nous ne partirons pas " RAQUO ", a expliqu\xC3\xA9 Paul Dupont.";
  QuoteFinderResult r = Find(text, ExpliqueFollows(text));
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].text, "Nous ne partirons pas");
  EXPECT_TRUE(r.quotes[0].repaired);
}

TEST_F(QuoteFinderTest, LostOpeningMarkWithoutAReportingClauseIsNoQuotation) {
  EXPECT_THAT(Texts("Nous ne partirons pas " RAQUO " et la suite."), IsEmpty());
  const std::string_view text = "Nous ne partirons pas " RAQUO ", et la suite.";
  EXPECT_THAT(Texts(text, ExpliqueFollows(text)), IsEmpty());
}





// --- Paragraphs -----------------------------------------------------------

TEST_F(QuoteFinderTest, QuotationWhoseFirstParagraphEndsOnANestedOneContinues) {
  const std::string_view text = LAQUO " Une dame m'a dit : " LDQUO "Restez." RDQUO "\n\n" LAQUO " Alors je suis rest\xC3\xA9""e. " RAQUO;
  QuoteFinderResult r = Find(text);
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(r.quotes[0].text, "Une dame m'a dit : " LDQUO "Restez." RDQUO " Alors je suis rest\xC3\xA9""e.");
  EXPECT_EQ(r.quotes[0].depth, 0);
  EXPECT_EQ(r.quotes[1].text, "Restez.");
  EXPECT_EQ(r.quotes[1].depth, 1);
}

TEST_F(QuoteFinderTest, QuotationContinuedOverTwoParagraphsIsOneQuote) {
  const std::string_view text = LAQUO " Nous resterons.\n" LAQUO " Nous tiendrons " RAQUO
                                ", a-t-il dit.";
  QuoteFinderResult r = Find(text);
  ASSERT_EQ(r.quotes.size(), 1u);
  const Quote& q = r.quotes[0];
  EXPECT_EQ(q.text, "Nous resterons. Nous tiendrons");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(text.substr(q.parts[0].begin, q.parts[0].size()), "Nous resterons.");
  EXPECT_EQ(text.substr(q.parts[1].begin, q.parts[1].size()), "Nous tiendrons");
  EXPECT_EQ(q.paragraph, 0);
}

TEST_F(QuoteFinderTest, UnclosedQuotationEndsWithItsParagraphWhenTheNextDoesNotContinueIt) {
  QuoteFinderResult r = Find(LAQUO " Nous resterons ici\nLe ministre est parti.");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].text, "Nous resterons ici");
  EXPECT_TRUE(r.quotes[0].repaired);
}

TEST_F(QuoteFinderTest, QuotationKnowsItsParagraph) {
  QuoteFinderResult r = Find("Premier paragraphe.\nIl a dit " LAQUO "oui" RAQUO ".");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].paragraph, 1);
}

// --- Embedded posts -------------------------------------------------------

TEST_F(QuoteFinderTest, EmbeddedPostBeforeAnAuthorLineIsATweet) {
  const std::string_view text =
      "Nous serons au rendez-vous demain.\n"
      "\xE2\x80\x94 Paul Dupont (@pauldupont) 3 mars 2017\n";
  QuoteFinderResult r = Find(text);
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_TRUE(r.quotes[0].tweet);
  EXPECT_EQ(r.quotes[0].text, "Nous serons au rendez-vous demain.");
  ASSERT_EQ(r.tweet_author_of_quote.size(), 1u);
  ASSERT_EQ(r.tweet_author_of_quote[0], 0);
  Span author = r.tweet_authors[0];
  EXPECT_EQ(text.substr(author.begin, author.size()), "Paul Dupont");
}

TEST_F(QuoteFinderTest, LineWithoutAHandleIsNoAuthorLine) {
  QuoteFinderResult r = Find("Nous serons au rendez-vous.\n\xE2\x80\x94 Paul Dupont, 3 mars 2017\n");
  EXPECT_THAT(r.quotes, IsEmpty());
}

// --- Hostile input --------------------------------------------------------

// Times FindQuotes over `text` and checks that every span stays inside it.
// The limit is loose (a linear pass takes well under 0.1 s in a release
// build) so that sanitized and debug builds pass too.
void ExpectFastAndInBounds(const QuoteFinderResult& r, const std::string& text, double seconds) {
  // Sanitizers slow everything several times (scripts/test-sanitized sets
  // GUILLEMET_SKIP_TIMING_TESTS); the bounds on offsets still hold there.
  if (std::getenv("GUILLEMET_SKIP_TIMING_TESTS") == nullptr) {
    EXPECT_LT(seconds, 2.0);
  }
  for (const Quote& q : r.quotes) {
    EXPECT_LE(q.outer.begin, q.outer.end);
    EXPECT_LE(q.outer.end, text.size());
    for (const Span& part : q.parts) EXPECT_LE(part.end, text.size());
  }
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}


TEST_F(QuoteFinderTest, HundredThousandBareUnbalancedGuillemetsFinishQuickly) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += LAQUO;
  auto start = std::chrono::steady_clock::now();
  QuoteFinderResult r = Find(text);
  ExpectFastAndInBounds(r, text, SecondsSince(start));
}

// Quadratic instead: each unclosed mark is bounded by scanning every quotation
// recovered before it (0.4 s for 25 000 marks, 1.6 s for 50 000, 6.5 s for 100 000).
TEST_F(QuoteFinderTest, HundredThousandUnbalancedGuillemetsWithWordsFinishQuickly) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += LAQUO " mot ";
  auto start = std::chrono::steady_clock::now();
  QuoteFinderResult r = Find(text);
  ExpectFastAndInBounds(r, text, SecondsSince(start));
}

// Quadratic instead: the quotation carried from line to line copies all its
// earlier parts at every line (0.5 s for 25 000 lines, 1.9 s for 50 000, 7.8 s for 100 000).
TEST_F(QuoteFinderTest, HundredThousandLinesOpeningWithGuillemetsFinishQuickly) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += LAQUO " mot\n";
  auto start = std::chrono::steady_clock::now();
  QuoteFinderResult r = Find(text);
  ExpectFastAndInBounds(r, text, SecondsSince(start));
}

// Quadratic instead: each nested quotation was scanned for a word from its
// start and emitted with a copy of its whole text (290 MB and 1.5 s through
// the pipeline for 10 000 levels).
TEST_F(QuoteFinderTest, TenThousandNestedGuillemetsFinishQuicklyInLittleMemory) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += LAQUO " ";
  text += "mot";
  for (int i = 0; i < 10000; ++i) text += " " RAQUO;
  auto start = std::chrono::steady_clock::now();
  QuoteFinderResult r = Find(text);
  ExpectFastAndInBounds(r, text, SecondsSince(start));
  ASSERT_EQ(r.quotes.size(), 8u);
  EXPECT_THAT(r.warnings, ElementsAre("9992 quotations nested more than 8 deep ignored"));
  size_t bytes = 0;
  for (const Quote& q : r.quotes) bytes += q.text.size();
  EXPECT_LE(bytes, 8 * text.size());
  EXPECT_EQ(r.quotes[0].depth, 0);
  EXPECT_EQ(r.quotes[0].outer.size(), text.size());
}

// Quadratic instead: each closing mark of another family looked for its own
// family through the whole stack of open quotations (with the nested copies,
// 8 s and 1.6 GB through the pipeline for 20 000 pairs).
TEST_F(QuoteFinderTest, FiftyThousandGuillemetsClosedByEnglishMarksFinishQuickly) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += LAQUO " ";
  for (int i = 0; i < 50000; ++i) text += "a" RDQUO " ";
  auto start = std::chrono::steady_clock::now();
  QuoteFinderResult r = Find(text);
  ExpectFastAndInBounds(r, text, SecondsSince(start));
  EXPECT_EQ(r.quotes.size(), 8u);
}

// Quadratic instead: each author line looked through every quotation before
// its post, and each tweet through every author.
TEST_F(QuoteFinderTest, FiftyThousandEmbeddedPostsFinishQuickly) {
  std::string text;
  for (int i = 0; i < 50000; ++i) {
    text += "Un message.\n\xE2\x80\x94 Paul Dupont (@pauldupont) 3 mars 2017\n";
  }
  auto start = std::chrono::steady_clock::now();
  QuoteFinderResult r = Find(text);
  ExpectFastAndInBounds(r, text, SecondsSince(start));
  ASSERT_EQ(r.quotes.size(), 50000u);
  ASSERT_EQ(r.tweet_author_of_quote.size(), 50000u);
  for (int i = 0; i < 50000; ++i) {
    ASSERT_TRUE(r.quotes[i].tweet);
    ASSERT_EQ(r.tweet_author_of_quote[i], i);
  }
}

}  // namespace
}  // namespace guillemet::quotes
