// Tests of the cue finder: which words of a tiny French sentence form its
// reporting expression, and of which shape (compound, inverted, participle,
// source). The stages before it run as the pipeline chains them, with the
// real patterns/; every sentence holds a quotation, since cues only matter
// around one. Cues are read back as text from their token spans.
#include "cues/cue_finder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cues/lexicon.h"
#include "cues/mention_finder.h"
#include "normalize/tokenize.h"
#include "quotes/quote_finder.h"
#include "cues_support.h"

namespace guillemet::cues {
namespace {

using test::Analysed;

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;
using ::testing::Not;

struct FoundCue {
  std::string words;
  Cue::Form form;
};

std::ostream& operator<<(std::ostream& os, const FoundCue& c) {
  return os << "{\"" << c.words << "\", form " << static_cast<int>(c.form) << "}";
}

class CueFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { lexicon_ = &test::SharedLexicon(); }

  // The analysis up to FindCues.
  static std::unique_ptr<Analysed> Analyse(std::string text) {
    std::unique_ptr<Analysed> out = test::AnalyseThroughMentions(std::move(text));
    FindCues(*lexicon_, &out->a);
    return out;
  }

  // Every cue of the text: its words and its form.
  static std::vector<FoundCue> Cues(std::string text) {
    std::unique_ptr<Analysed> an = Analyse(std::move(text));
    const Analysis& a = an->a;
    std::vector<FoundCue> out;
    for (const Cue& c : a.cues) {
      uint32_t begin = a.tokens[c.first_token].span.begin;
      uint32_t end = a.tokens[c.end_token - 1].span.end;
      out.push_back({std::string(a.text.substr(begin, end - begin)), c.form});
    }
    return out;
  }

  static std::vector<std::string> CueWords(std::string text) {
    std::vector<std::string> out;
    for (const FoundCue& c : Cues(std::move(text))) out.push_back(c.words);
    return out;
  }

  static const Lexicon* lexicon_;
};
const Lexicon* CueFinderTest::lexicon_ = nullptr;

auto IsCue(const std::string& words, Cue::Form form) {
  return ::testing::AllOf(Field(&FoundCue::words, words), Field(&FoundCue::form, form));
}

// --- Compound forms -------------------------------------------------------

TEST_F(CueFinderTest, CompoundFormWithAnAdverbBetweenAuxiliaryAndParticiple) {
  EXPECT_THAT(Cues("« Nous partirons », a également déclaré Paul Dupont."),
              ElementsAre(IsCue("a également déclaré", Cue::kFinite)));
}

TEST_F(CueFinderTest, ObjectPronounBeforeASimpleFormMakesItAVerb) {
  EXPECT_THAT(Cues("« Non », lui répond la maire."), ElementsAre(IsCue("répond", Cue::kFinite)));
}

TEST_F(CueFinderTest, StressedPronounBetweenAuxiliaryAndParticiple) {
  EXPECT_THAT(CueWords("La maire avait elle-même jugé le projet « trop cher »."),
              ElementsAre("avait elle-même jugé"));
}

TEST_F(CueFinderTest, AdverbBetweenCommasBetweenAuxiliaryAndParticiple) {
  EXPECT_THAT(CueWords("Le maire a, de son côté, dénoncé une « méthode brutale »."),
              ElementsAre("a, de son côté, dénoncé"));
}

TEST_F(CueFinderTest, ModalLocutionWithAnElidedTailTakesTheInfinitive) {
  EXPECT_THAT(CueWords("La gérante s'est contentée d'évoquer un « immense gâchis »."),
              ElementsAre("s'est contentée d'évoquer"));
}

TEST_F(CueFinderTest, InvertedCompoundFormWithAnAdverb) {
  EXPECT_THAT(Cues("« Rien n'est joué », a-t-il ainsi observé."),
              ElementsAre(IsCue("a-t-il ainsi observé", Cue::kInverted)));
}

TEST_F(CueFinderTest, ModalVerbWithAnAdverbBeforeItsParticipleTakesTheInfinitive) {
  EXPECT_THAT(CueWords("Le maire a toutefois tenu à rappeler les règles."),
              ElementsAre("a toutefois tenu à rappeler"));
}

TEST_F(CueFinderTest, ModalVerbInTheImperfectTakesTheInfinitive) {
  EXPECT_THAT(CueWords("Le maire tenait à rappeler les règles."),
              ElementsAre("tenait à rappeler"));
}

TEST_F(CueFinderTest, InvertedCueKnowsItsClitic) {
  std::unique_ptr<Analysed> an = Analyse("« Rien n'est joué », a-t-il ainsi observé.");
  ASSERT_EQ(an->a.cues.size(), 1u);
  int clitic = an->a.cues[0].clitic_token;
  ASSERT_GE(clitic, 0);
  Span s = an->a.tokens[clitic].span;
  EXPECT_EQ(an->text.substr(s.begin, s.size()), "-t-il");
}

TEST_F(CueFinderTest, PronominalCompoundForm) {
  EXPECT_THAT(CueWords("Paul Dupont s'est dit « très inquiet » hier."), ElementsAre("s'est dit"));
}

TEST_F(CueFinderTest, LocutionWithAFixedTail) {
  EXPECT_THAT(CueWords("Paul Dupont a mis en garde contre « une grave erreur »."),
              ElementsAre("a mis en garde"));
}

TEST_F(CueFinderTest, NegatedCompoundFormIsMarked) {
  std::unique_ptr<Analysed> an = Analyse("Paul Dupont n'a pas déclaré « la guerre ».");
  ASSERT_EQ(an->a.cues.size(), 1u);
  EXPECT_TRUE(an->a.cues[0].negated);
}

TEST_F(CueFinderTest, CueFollowedByQueIsMarked) {
  std::unique_ptr<Analysed> an = Analyse("Paul Dupont a affirmé que « tout va bien ».");
  ASSERT_EQ(an->a.cues.size(), 1u);
  EXPECT_TRUE(an->a.cues[0].followed_by_que);
}

// --- Simple forms ---------------------------------------------------------

TEST_F(CueFinderTest, InvertedSimpleForms) {
  struct Case {
    const char* text;
    const char* cue;
  } cases[] = {
      {"« Rien n'est joué », estime-t-elle.", "estime-t-elle"},
      {"« Nous partirons », dit-il.", "dit-il"},
      {"« Nous partirons », affirme-t-on à Paris.", "affirme-t-on"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Cues(c.text), ElementsAre(IsCue(c.cue, Cue::kInverted))) << c.text;
  }
}

TEST_F(CueFinderTest, SimpleFormAfterAQuotationWithItsSubjectAfter) {
  EXPECT_THAT(Cues("« Nous partirons », déclare le ministre."),
              ElementsAre(IsCue("déclare", Cue::kFinite)));
}

TEST_F(CueFinderTest, SimpleFormRightAfterItsSubject) {
  EXPECT_THAT(CueWords("Paul Dupont estime que « rien n'est joué »."), ElementsAre("estime"));
}

// --- Participles and infinitives ------------------------------------------

TEST_F(CueFinderTest, PresentParticipleAfterAComma) {
  EXPECT_THAT(Cues("Paul Dupont a quitté la salle, ajoutant : « Rien ne change »."),
              Contains(IsCue("ajoutant", Cue::kParticiple)));
}

TEST_F(CueFinderTest, GerundWithEn) {
  EXPECT_THAT(Cues("Paul Dupont a quitté la salle en précisant : « Rien ne change »."),
              Contains(IsCue("en précisant", Cue::kParticiple)));
}

TEST_F(CueFinderTest, ModalFollowedByAnInfinitiveIsOneCue) {
  EXPECT_THAT(CueWords("Paul Dupont a tenu à souligner « le rôle de chacun »."),
              ElementsAre("a tenu à souligner"));
}

TEST_F(CueFinderTest, ModalWithoutAReportingInfinitiveIsNoCue) {
  EXPECT_THAT(CueWords("Paul Dupont a tenu à visiter « la maison bleue »."), IsEmpty());
}

// --- Prepositional cues ---------------------------------------------------

TEST_F(CueFinderTest, SourcePrepositions) {
  struct Case {
    const char* text;
    const char* cue;
  } cases[] = {
      {"« Tout va bien », selon Paul Dupont.", "selon"},
      {"« Tout va bien », d'après le ministre.", "d'après"},
      {"Pour Paul Dupont, « tout va bien ».", "Pour"},
      {"Selon lui, « tout va bien ».", "Selon"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Cues(c.text), ElementsAre(IsCue(c.cue, Cue::kSource))) << c.text;
  }
}

TEST_F(CueFinderTest, PourInsideAClauseIsNoSource) {
  EXPECT_THAT(CueWords("Il a voté pour Paul Dupont, « le meilleur »."), IsEmpty());
}

// --- Words that look like cues but are not --------------------------------

TEST_F(CueFinderTest, NounsAreNotCues) {
  struct Case {
    const char* text;
    const char* noun;
  } cases[] = {
      {"La note évoque « une erreur ».", "note"},
      {"Le juge reste « prudent ».", "juge"},
      {"Une note du ministère parle de « faute ».", "note"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(CueWords(c.text), Not(Contains(c.noun))) << c.text;
  }
}

TEST_F(CueFinderTest, MaintenantInsideAClauseIsNotAParticipleCue) {
  EXPECT_THAT(CueWords("Il faut maintenant « agir vite »."), Not(Contains("maintenant")));
}

// Instead: after a comma or "et", "maintenant" is read as the participle of
// "maintenir" and emitted as a kParticiple cue.
TEST_F(CueFinderTest, MaintenantAfterACommaOrEtIsNotAParticipleCue) {
  const char* const texts[] = {
      "« Nous partirons », et maintenant le ministre attend.",
      "La réunion est finie, maintenant « tout commence ».",
  };
  for (const char* text : texts) {
    EXPECT_THAT(CueWords(text), Not(Contains("maintenant"))) << text;
  }
}

TEST_F(CueFinderTest, NoCueInsideAQuotation) {
  EXPECT_THAT(CueWords("Il part. « Paul a déclaré la guerre »."), IsEmpty());
}

// --- The probe used to confirm a lost opening mark ------------------------

TEST_F(CueFinderTest, ReportingClauseFollowsAClosingMark) {
  const std::string text = "Nous partirons », a expliqué Paul Dupont.";
  uint32_t after_mark = static_cast<uint32_t>(text.find("»") + std::string("»").size());
  EXPECT_TRUE(ReportingClauseFollows(*lexicon_, text, after_mark));
}

TEST_F(CueFinderTest, NoReportingClauseAfterAClosingMark) {
  const std::string text = "Nous partirons », et la suite.";
  uint32_t after_mark = static_cast<uint32_t>(text.find("»") + std::string("»").size());
  EXPECT_FALSE(ReportingClauseFollows(*lexicon_, text, after_mark));
}

TEST_F(CueFinderTest, ReportingClauseIsFoundBeforeAVeryLongWord) {
  // The window is bounded in bytes as well as in words, after a space.
  const std::string text =
      "Nous partirons », a expliqué Paul Dupont " + std::string(5000, 'x') + " fin.";
  uint32_t after_mark = static_cast<uint32_t>(text.find("»") + std::string("»").size());
  EXPECT_TRUE(ReportingClauseFollows(*lexicon_, text, after_mark));
}

// Quadratic instead: the probe tokenised the rest of the paragraph at each
// orphan closing mark (over 100 s through the pipeline for 100 000 marks).
TEST_F(CueFinderTest, HundredThousandStraightQuotesAreProbedQuickly) {
  const std::string text(100000, '"');
  const std::string_view view = text;
  const Lexicon& lex = *lexicon_;
  int probes = 0;
  auto start = std::chrono::steady_clock::now();
  quotes::QuoteFinderResult found =
      quotes::FindQuotes(view, lex.quote_marks(), [&](uint32_t pos) {
        ++probes;
        return ReportingClauseFollows(lex, view, pos);
      });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GT(probes, 10000);
  EXPECT_THAT(found.quotes, ::testing::IsEmpty());
  if (std::getenv("GUILLEMET_SKIP_TIMING_TESTS") == nullptr) {
    EXPECT_LT(seconds, 5.0);
  }
}

}  // namespace
}  // namespace guillemet::cues
