// Tests of attribution through the public Extractor: for a tiny French text,
// who is named as the speaker of each quotation, by which rule (`method`),
// and of which kind the quotation is. One test per construction the rules
// read (incise, colon, headline, passive agent, selon, clause boundaries,
// media relays, continuations...), plus the marks that report nobody's
// words and a quotation nobody can be given.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "guillemet/guillemet.h"
#include "support.h"

namespace guillemet {
namespace {

constexpr char kNone[] = "<none>";

std::string SpeakerOf(const Quotation& q) { return q.speaker.value_or(kNone); }

std::string Describe(const Extraction& e) {
  std::string out;
  for (const Quotation& q : e.quotations) {
    out += "\n  \"" + q.quote + "\" speaker=" + SpeakerOf(q) + " method=" + q.method +
           " kind=" + QuoteKindName(q.kind) + " cue=\"" + q.cue + "\"";
  }
  return out;
}

class AttributionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &test::SharedExtractor(); }

  static Extraction Extract(const std::string& text, const std::string& date = "") {
    Document doc;
    doc.id = "test";
    doc.text = text;
    doc.date = date;
    return extractor_->Extract(doc);
  }

  // The quotation of `text` whose words are `words`; fails the test (and
  // returns an empty one) when there is none.
  static Quotation QuotationOf(const std::string& text, const std::string& words,
                               const std::string& date = "") {
    Extraction e = Extract(text, date);
    for (const Quotation& q : e.quotations) {
      if (q.quote == words) return q;
    }
    ADD_FAILURE() << "no quotation \"" << words << "\" in: " << text << Describe(e);
    Quotation none;
    none.method = "<no such quotation>";
    return none;
  }

  static const Extractor* extractor_;
};
const Extractor* AttributionTest::extractor_ = nullptr;

// --- Incises --------------------------------------------------------------

TEST_F(AttributionTest, InciseWithANameNamesIt) {
  Quotation q =
      QuotationOf("« Nous ne céderons pas », a déclaré Paul Dupont.", "Nous ne céderons pas");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "incise");
  EXPECT_EQ(q.cue, "a déclaré");
  EXPECT_EQ(q.mention, "Paul Dupont");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
}

TEST_F(AttributionTest, NamedClauseLeftInsideTheMarksSplitsTheQuotationAtItsCommas) {
  const std::string text =
      "« Cette décision, estime Paul Dupont, porte-parole du collectif, ne vaut que pour un an. »";
  Quotation first = QuotationOf(text, "Cette décision");
  EXPECT_EQ(SpeakerOf(first), "Paul Dupont");
  Quotation second = QuotationOf(text, "ne vaut que pour un an.");
  EXPECT_EQ(SpeakerOf(second), "Paul Dupont");
}

TEST_F(AttributionTest, AdjunctAfterTheSubjectOfAClauseInsideTheMarksStaysInTheClause) {
  // "à Bruxelles" may be where the clause's subject spoke: the full stop,
  // not the comma, ends the clause.
  const std::string text = "« Nous sommes prêts, a dit Paul Dupont, à Bruxelles. Nous agirons. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Nous sommes prêts")), "Paul Dupont");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Nous agirons.")), "Paul Dupont");
}

TEST_F(AttributionTest, ListOfVerbsInsideTheMarksIsNoReportingClause) {
  Extraction e = Extract("« Il arrive, salue le maire, repart aussitôt. »");
  ASSERT_EQ(e.quotations.size(), 1u) << Describe(e);
  EXPECT_EQ(e.quotations[0].quote, "Il arrive, salue le maire, repart aussitôt.");
}

TEST_F(AttributionTest, ShortQuotationBeforeAnInciseWhoseSubjectNobodyKnowsIsSpeech) {
  // "la police" is no mention the finders make, but the verb right after
  // the quotation that opens the sentence says these are someone's words.
  Quotation q = QuotationOf("« Un suspect a été interpellé », indique la police.",
                            "Un suspect a été interpellé");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(AttributionTest, SubjectNameStandsBeforeALongVerblessApposition) {
  Quotation q = QuotationOf(
      "Mme Odile Ferrand, responsable adjointe du service des relations extérieures de la "
      "direction régionale des affaires culturelles de Bretagne, a salué « un engagement "
      "sans faille » des bénévoles.",
      "un engagement sans faille");
  EXPECT_EQ(SpeakerOf(q), "Odile Ferrand");
  EXPECT_EQ(q.method, "reporting_verb_complement");
}

TEST_F(AttributionTest, ClauseWithAVerbOfItsOwnDoesNotBorrowTheFirstClauseSpeaker) {
  // The subject of "raillaient" is no phrase the finder knows; the words
  // are still not the minister's.
  Quotation q = QuotationOf(
      "Le ministre du Travail, Olivier Dussopt, a salué un texte « juste », tandis que des "
      "figures de la Nupes raillaient une « réforme brutale ».",
      "réforme brutale", "2023-03-20");
  EXPECT_NE(SpeakerOf(q), "Olivier Dussopt");
}

TEST_F(AttributionTest, TandisQueOpensAClauseWithItsOwnApposedSubject) {
  Quotation q = QuotationOf(
      "« Oui », a dit Paul Roux, tandis que le maire, Jean Morel, appelait les habitants à « rester "
      "calmes ».",
      "rester calmes");
  EXPECT_EQ(SpeakerOf(q), "Jean Morel");
}

TEST_F(AttributionTest, HeadlineWordsSomeoneReactsToAreTheBodySpeakers) {
  Quotation q = QuotationOf(
      "Le pont rouvrira « dans un an », la mairie proteste\n« Le pont rouvrira dans un an, pas "
      "avant », a dit l'ingénieur Paul Roux.",
      "dans un an");
  EXPECT_EQ(SpeakerOf(q), "Paul Roux");
}

TEST_F(AttributionTest, InvertedInciseWithANameAfterIt) {
  Quotation q = QuotationOf("« Nous ne céderons pas », affirme Paul Dupont.", "Nous ne céderons pas");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "incise");
}

TEST_F(AttributionTest, IncisePronounTakesTheLastNamedSpeaker) {
  Quotation q = QuotationOf(
      "Lundi, Paul Dupont est arrivé à Paris.\n« Nous ne céderons pas », a-t-il déclaré.",
      "Nous ne céderons pas");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "incise_pronoun");
}

TEST_F(AttributionTest, PronounGenderChoosesTheWomanOverALaterMan) {
  Quotation q = QuotationOf(
      "Lundi, Marie Durand a reçu Paul Dupont.\n« Nous avancerons ensemble », a-t-elle assuré.",
      "Nous avancerons ensemble");
  EXPECT_EQ(SpeakerOf(q), "Marie Durand");
}

TEST_F(AttributionTest, PronounGenderChoosesTheManOverALaterWoman) {
  Quotation q = QuotationOf(
      "Lundi, Paul Dupont a reçu Marie Durand.\n« Nous avancerons ensemble », a-t-il assuré.",
      "Nous avancerons ensemble");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(AttributionTest, InciseLeftInsideTheMarksSplitsTheQuotationAtItsSentenceEnd) {
  const std::string text =
      "Jens Stoltenberg a parlé. « Nous regrettons cette décision, a-t-il expliqué lors d'une conférence "
      "de presse à la veille d'une réunion des ministres. Mais elle ne change rien. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Nous regrettons cette décision", "2021-10-20")), "Jens Stoltenberg");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Mais elle ne change rien.", "2021-10-20")), "Jens Stoltenberg");
}

TEST_F(AttributionTest, InciseWithItsSubjectAndAnAppositionInsideTheMarksSplitsTheQuotation) {
  const std::string text =
      "« On les a posées dimanche, reconnaît la directrice, Sabrina Lemaire. Le reste suivra. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "On les a posées dimanche")), "Sabrina Lemaire");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Le reste suivra.")), "Sabrina Lemaire");
}

TEST_F(AttributionTest, ShortInciseInsideTheMarksEndsAtItsComma) {
  const std::string text = "Paul Roux est arrivé. « Je suis venu, dit-il, pour vous voir. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Je suis venu")), "Paul Roux");
}

TEST_F(AttributionTest, HundredThousandCommasInsideOneQuotationFinishQuickly) {
  std::string text = "« mot";
  for (int i = 0; i < 100000; ++i) text += ", dit-il mot";
  text += " »";
  Document doc;
  doc.id = "test";
  doc.text = text;
  auto start = std::chrono::steady_clock::now();
  extractor_->Extract(doc);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

TEST_F(AttributionTest, SplitQuotationHasOneSpeakerForBothParts) {
  const std::string text = "« Nous partirons », a dit Paul Dupont, « mais nous reviendrons ».";
  Quotation first = QuotationOf(text, "Nous partirons");
  Quotation second = QuotationOf(text, "mais nous reviendrons");
  EXPECT_EQ(SpeakerOf(first), "Paul Dupont");
  EXPECT_EQ(SpeakerOf(second), "Paul Dupont");
  EXPECT_EQ(second.method, "split_quote");
}

// --- Colons and headlines -------------------------------------------------

TEST_F(AttributionTest, ColonAfterACue) {
  Quotation q = QuotationOf("Lundi, Paul Dupont a déclaré : « Nous partirons demain. »",
                            "Nous partirons demain.");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "colon_after_cue");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
}

TEST_F(AttributionTest, ColonAfterAClauseAboutTheSubjectNamesTheSubject) {
  Quotation q = QuotationOf(
      "Arrivé le dernier, Paul Dupont n'a pas caché sa colère : « Nous partirons demain. »",
      "Nous partirons demain.");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "colon_after_subject");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
}

TEST_F(AttributionTest, ColonAfterSubjectYieldsToAPersonNamedBeforeTheColon) {
  Quotation q = QuotationOf(
      "Le maire, Paul Dupont, a brandi le message de Claire Martin : « Merci pour tout. »",
      "Merci pour tout.");
  EXPECT_NE(SpeakerOf(q), "Paul Dupont");
  EXPECT_NE(q.method, "colon_after_subject");
}

TEST_F(AttributionTest, PersonBroughtInByParBeforeTheColonTakesTheQuotationFromTheVerbsSubject) {
  // The agent may be who speaks next, or whoever asked: no speaker at all
  // rather than the subject of the verb before.
  Quotation q = QuotationOf(
      "« Nous tenons bon », a lancé Claire Martin, rejointe au micro par son collègue Paul Dupont : "
      "« Sans renforts, nous fermerons des lits. »",
      "Sans renforts, nous fermerons des lits.");
  EXPECT_NE(SpeakerOf(q), "Claire Martin");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
}

TEST_F(AttributionTest, VerbOfSpeechInAClauseAfterQueTakesTheWordsFromTheMainSubject) {
  // "les syndicats" are no mention the rules name: no speaker rather than
  // the minister, who only recalls what they said.
  Quotation q = QuotationOf(
      "Le ministre Paul Dupont a rappelé que les syndicats avaient qualifié la réforme de « provocation inutile ».",
      "provocation inutile");
  EXPECT_NE(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.kind, QuoteKind::kPartial);
}

TEST_F(AttributionTest, StanceInAClauseAfterQueLeavesTheWordsToTheMainSubject) {
  Quotation q = QuotationOf(
      "Paul Dupont a assuré que les deux pays s'étaient engagés à « coopérer pleinement ».",
      "coopérer pleinement");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(AttributionTest, PronounWithAFirstPersonObjectBeforeTheColonIsNotTheNarrator) {
  // In someone's own account, "il m'a dit :" gives another's words.
  Quotation q = QuotationOf(
      "Paul Dupont raconte son appel. « J'ai appelé mon homologue. » Lorsque je l'ai appelé, il m'a dit : "
      "« Nous agissons pour notre sécurité. »",
      "Nous agissons pour notre sécurité.");
  EXPECT_NE(SpeakerOf(q), "Paul Dupont");
}

TEST_F(AttributionTest, ABodyAfterAuIsNeverTheSubjectOfTheVerb) {
  // "depuis son passage au ministère": the body is the object of "au".
  Quotation q = QuotationOf(
      "Celle que la presse surnomme la Dame de fer depuis son passage au ministère des Transports "
      "a promis un budget « sans surprise ».",
      "sans surprise");
  EXPECT_NE(SpeakerOf(q), "ministère des Transports");
}

TEST_F(AttributionTest, AgentBeforeTheSpeakerOfTheColonKeepsThatSpeaker) {
  Quotation q = QuotationOf("Interrogé par un journaliste, Paul Dupont a répondu : « Nous partirons demain. »",
                            "Nous partirons demain.");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(AttributionTest, AEnCroireIntroducesTheSource) {
  Quotation q = QuotationOf("Le projet, à en croire Paul Dupont, « n'a jamais été réaliste ».",
                            "n'a jamais été réaliste");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "source_preposition");
  EXPECT_EQ(q.cue, "à en croire");
}

TEST_F(AttributionTest, HeadlineNameColonQuotation) {
  Quotation q = QuotationOf(
      "Jens Stoltenberg : « Nous ne céderons jamais »\nLe Norvégien s'exprimait lundi à Bruxelles.",
      "Nous ne céderons jamais");
  EXPECT_EQ(SpeakerOf(q), "Jens Stoltenberg");
  EXPECT_EQ(q.method, "headline_colon");
}

// Instead: the speaker is "Dupont": a name unknown to the knowledge base that
// starts a line loses its first word (so also its gender).
TEST_F(AttributionTest, HeadlineWithAnUnknownNameKeepsTheWholeName) {
  Quotation q = QuotationOf(
      "Paul Dupont : « Nous ne céderons jamais »\nLe maire s'exprimait lundi devant la presse.",
      "Nous ne céderons jamais");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "headline_colon");
}

// Offsets refer to Document::text only, so a title is carried through but
// not searched for quotations: a headline to analyse belongs in the text.
TEST_F(AttributionTest, TitleIsNotSearchedForQuotations) {
  Document doc;
  doc.id = "test";
  doc.title = "Paul Dupont : « Nous ne céderons jamais »";
  doc.text = "Le maire s'exprimait lundi devant la presse.";
  Extraction e = extractor_->Extract(doc);
  EXPECT_TRUE(e.quotations.empty()) << Describe(e);
}

// --- Reporting clauses away from the quotation ----------------------------

TEST_F(AttributionTest, PostposedReportingClauseBeatsTheNearestName) {
  Quotation q = QuotationOf(
      "Donald Trump avait été « très direct » sur ce point, a déclaré Paul Dupont.",
      "très direct");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "postposed_reporting_clause");
}

TEST_F(AttributionTest, PassiveAgentSpeaks) {
  Quotation q = QuotationOf("L'Otan a été qualifiée d'« obsolète » par Donald Trump.", "obsolète");
  EXPECT_EQ(SpeakerOf(q), "Donald Trump");
  EXPECT_EQ(q.method, "passive_agent");
}

TEST_F(AttributionTest, SelonNamesTheSource) {
  Quotation q = QuotationOf("« La situation est très grave », selon Paul Dupont.",
                            "La situation est très grave");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "source_preposition");
  EXPECT_EQ(q.cue, "selon");
}

TEST_F(AttributionTest, PourAtTheStartOfTheSentenceNamesTheSource) {
  Quotation q = QuotationOf("Pour Marie Durand, « la situation est très grave ».",
                            "la situation est très grave");
  EXPECT_EQ(SpeakerOf(q), "Marie Durand");
  EXPECT_EQ(q.method, "source_preposition");
}

TEST_F(AttributionTest, ComplementOfAReportingVerb) {
  Quotation q = QuotationOf("Mardi, Paul Dupont a jugé « très préoccupante » la situation du pays.",
                            "très préoccupante");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "reporting_verb_complement");
  EXPECT_EQ(q.kind, QuoteKind::kPartial);
}

TEST_F(AttributionTest, ClauseBoundaryKeepsTheSubjectOfTheQuotationsOwnClause) {
  Quotation q = QuotationOf(
      "Le ministre français a critiqué la décision, alors que la Russie a salué un « diagnostic "
      "honnête ».",
      "diagnostic honnête");
  EXPECT_EQ(SpeakerOf(q), "Russie");
}

TEST_F(AttributionTest, MediaRelayYieldsToTheReportedSpeaker) {
  Quotation q = QuotationOf(
      "Mardi, Paul Dupont a déclaré que la crise était « plus dangereuse que jamais », a rapporté la "
      "chaîne NRK.",
      "plus dangereuse que jamais");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(AttributionTest, NameInsideTheSubjectsComplementIsNotTheSubject) {
  // The subject is the owner, whom the sentence does not name; "Bellerive"
  // is where she works.
  Quotation q = QuotationOf(
      "La propriétaire du château Bellerive estime avoir perdu « à peine dix pour cent » de sa "
      "récolte.",
      "à peine dix pour cent");
  EXPECT_NE(SpeakerOf(q), "Bellerive");
}

// --- Across sentences -----------------------------------------------------

TEST_F(AttributionTest, QuotationAloneInTheNextParagraphContinuesTheSpeaker) {
  const std::string text =
      "« Nous partirons demain », a déclaré Paul Dupont.\n« Personne ne nous retiendra. »";
  Quotation q = QuotationOf(text, "Personne ne nous retiendra.");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "continuation");
}

TEST_F(AttributionTest, SameWordsTwiceInAnArticleGetOneSpeaker) {
  const std::string text =
      "Mardi, Paul Dupont a dénoncé « une trahison pure et simple ».\n"
      "Plus tard dans la soirée, « une trahison pure et simple » était sur toutes les lèvres.";
  Extraction e = Extract(text);
  int found = 0;
  for (const Quotation& q : e.quotations) {
    if (q.quote != "une trahison pure et simple") continue;
    ++found;
    EXPECT_EQ(SpeakerOf(q), "Paul Dupont") << Describe(e);
  }
  EXPECT_EQ(found, 2) << Describe(e);
}

// --- Quotations repaired or found without marks ---------------------------

TEST_F(AttributionTest, LostOpeningMarkIsRepairedAndAttributedByItsReportingClause) {
  Quotation q = QuotationOf("Nous ne partirons pas », a expliqué lundi Paul Dupont.",
                            "Nous ne partirons pas");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "incise");
}

TEST_F(AttributionTest, EmbeddedPostIsATweetOfTheAuthorLine) {
  Quotation q = QuotationOf(
      "Le maire a réagi en ligne.\n"
      "Nous serons au rendez-vous demain matin.\n"
      "— Paul Dupont (@pauldupont) 3 mars 2017\n",
      "Nous serons au rendez-vous demain matin.");
  EXPECT_EQ(q.kind, QuoteKind::kTweet);
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
  EXPECT_EQ(q.method, "tweet_author_line");
}

// --- Marks that report nobody's words -------------------------------------

TEST_F(AttributionTest, SousLeNomDeIntroducesAName) {
  Quotation q = QuotationOf(
      "Paul Dupont a annoncé une réunion mensuelle, sous le nom de « comité des crues ».",
      "comité des crues");
  EXPECT_EQ(q.kind, QuoteKind::kMention);
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(AttributionTest, NamingContextsAndCapitalisedLabelsAreMentions) {
  struct Case {
    const char* text;
    const char* words;
  } cases[] = {
      {"Le projet, baptisé « Bouclier de l'Est », a été présenté lundi.", "Bouclier de l'Est"},
      {"Il est surnommé le « Tigre » par ses proches.", "Tigre"},
      {"Le groupe « État islamique » a revendiqué l'attaque.", "État islamique"},
      {"Donald Trump a de nouveau traité Kim Jong-un de « Rocket Man » mardi.", "Rocket Man"},
      {"Kim Jong-un a hérité de « Rocket Man », le surnom donné par Donald Trump.", "Rocket Man"},
      {"Paul Dupont a visité une brigade dite « tête de pont », dont il a vanté la « rapidité ».",
       "tête de pont"},
      {"Paul Dupont a dénoncé ce que le maire appelle son « plan de sauvetage ».", "plan de sauvetage"},
      {"Paul Dupont a parlé de ce que les élus appellent déjà le « pacte de la vallée ».",
       "pacte de la vallée"},
      {"Paul Dupont a réuni le groupe dit des « cinq de Vilnius ».", "cinq de Vilnius"},
  };
  for (const Case& c : cases) {
    Quotation q = QuotationOf(c.text, c.words);
    EXPECT_EQ(q.kind, QuoteKind::kMention) << c.text << " method=" << q.method;
    EXPECT_EQ(SpeakerOf(q), kNone) << c.text;
  }
}

TEST_F(AttributionTest, SelonReportsTheWordsOfTheVerbThatGovernsTheQuotation) {
  Quotation q = QuotationOf("Selon un conseiller, Paul Dupont a jugé « irréaliste » le projet.",
                            "irréaliste");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont") << q.method;
}

TEST_F(AttributionTest, SelonKeepsAMannerWordThatNoVerbGoverns) {
  Quotation q = QuotationOf(
      "Marc Petit a rencontré le ministre. Selon lui, Paul Dupont a parlé de façon « franche » "
      "de la crise.",
      "franche");
  EXPECT_EQ(SpeakerOf(q), "Marc Petit") << q.method;
}

TEST_F(AttributionTest, ReflexiveDireReportsItsSubjectsWords) {
  Quotation q = QuotationOf("Paul Dupont s'est dit « très satisfait » du résultat.", "très satisfait");
  EXPECT_EQ(q.kind, QuoteKind::kPartial) << q.method;
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(AttributionTest, InvoquerAndDiagnostiquerReportWords) {
  const std::string text =
      "Dans un communiqué, le groupe Lambertin invoque « une concurrence devenue insoutenable ». "
      "Marie Roux avait diagnostiqué une « crise de confiance ».";
  Quotation invoked = QuotationOf(text, "une concurrence devenue insoutenable");
  EXPECT_EQ(invoked.kind, QuoteKind::kPartial) << invoked.method;
  EXPECT_EQ(SpeakerOf(invoked), "Lambertin");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "crise de confiance")), "Marie Roux");
}

TEST_F(AttributionTest, SavourerIsAReportingVerb) {
  Quotation q = QuotationOf("« On a écrit l'histoire du club », savourait l'entraîneur Paul Dupont.",
                            "On a écrit l'histoire du club");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont") << q.method;
}

TEST_F(AttributionTest, ShortExclamationWithNoSpeakerIsACryNotALabel) {
  Quotation q = QuotationOf("Au fond de la salle, un « Démission ! » a fusé.", "Démission !");
  EXPECT_EQ(q.kind, QuoteKind::kDirect) << q.method;
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(AttributionTest, UnattributableQuotationKeepsNoSpeaker) {
  Quotation q = QuotationOf(
      "La tension monte dans la capitale.\n« Rien ne sera plus jamais comme avant dans ce pays. »",
      "Rien ne sera plus jamais comme avant dans ce pays.");
  EXPECT_EQ(SpeakerOf(q), kNone);
  EXPECT_FALSE(q.speaker_id.has_value());
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
}

// --- What a Quotation reports ---------------------------------------------

TEST_F(AttributionTest, OffsetsCountCodePointsAndBytes) {
  const std::string text = "Hier, Élise Durand a déclaré : « Ça ira. »";
  Quotation q = QuotationOf(text, "Ça ira.");
  // "Hier, Élise Durand a déclaré : « " is 33 code points (and 37 bytes).
  EXPECT_EQ(q.start, 33u);
  EXPECT_EQ(q.end, 40u);
  EXPECT_EQ(q.byte_start, 37u);
  EXPECT_EQ(text.substr(q.byte_start, q.byte_end - q.byte_start), "Ça ira.");
  EXPECT_EQ(q.mention, "Élise Durand");
  ASSERT_TRUE(q.mention_start.has_value());
  EXPECT_EQ(*q.mention_start, 6u);
  EXPECT_EQ(*q.mention_end, 18u);
}

TEST_F(AttributionTest, QuotationsComeInTextOrder) {
  Extraction e = Extract(
      "« Un », a dit Paul Dupont. « Deux », a dit Marie Durand. « Trois », a dit Luc Martin.");
  std::vector<std::string> quotes, speakers;
  for (const Quotation& q : e.quotations) {
    quotes.push_back(q.quote);
    speakers.push_back(SpeakerOf(q));
  }
  EXPECT_THAT(quotes, ::testing::ElementsAre("Un", "Deux", "Trois"));
  EXPECT_THAT(speakers, ::testing::ElementsAre("Paul Dupont", "Marie Durand", "Luc Martin"));
}

TEST_F(AttributionTest, HundredThousandUnbalancedGuillemetsDoNotCrash) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "«";
  Extraction e = Extract(text);
  EXPECT_TRUE(e.quotations.empty());
}

TEST_F(AttributionTest, HeadlineWordsFoundInALongerQuotationTakeItsSpeaker) {
  const std::string text =
      "Football : Rivemont chute à Valbrune : « Nous avons été trop tendres »\n\n"
      "« Nous avons été trop tendres en défense, il faudra tout revoir », a regretté "
      "l'entraîneur Paul Ferrand.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Nous avons été trop tendres")), "Paul Ferrand");
}

TEST_F(AttributionTest, HeadlinePlaceBeforeTheColonIsNoSpeaker) {
  Extraction e = Extract("Rivemont chute à Valbrune : « Une soirée à oublier »\n\nLe match a été arrêté.");
  for (const Quotation& q : e.quotations) EXPECT_NE(SpeakerOf(q), "Valbrune");
}

TEST_F(AttributionTest, CeDernierSkipsALoneCapitalisedWordThatMayBeAPlace) {
  const std::string text =
      "Oriel Dastre a quitté le stade de Valbrune. « Rien n'est perdu », a assuré ce dernier.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Rien n'est perdu")), "Oriel Dastre");
}

TEST_F(AttributionTest, UnnamedSourceKeepsItsIndefiniteOrigin) {
  const std::string text =
      "« Les stocks s'effondrent », a averti un pêcheur d'un port de l'Ouest.\n\n"
      "« Rien ne bouge », soupire une élue d'une commune du littoral.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Les stocks s'effondrent")), "un pêcheur d'un port de l'Ouest");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Rien ne bouge")), "une élue d'une commune du littoral");
}

TEST_F(AttributionTest, MemberOfThePublicIsAnUnnamedSource) {
  const std::string text =
      "« Je reviens chaque été », raconte une spectatrice venue de Lyon.\n\n"
      "« Le quartier a changé », dit un passant.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Je reviens chaque été")), "une spectatrice venue de Lyon");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Le quartier a changé")), "un passant");
}

TEST_F(AttributionTest, OccupationNounNamesThePersonOfTheStory) {
  Quotation q = QuotationOf(
      "Sur le parking, Marc Vidal, 54 ans, attend la relève. « Qui va m'embaucher ? », lâche le "
      "soudeur.",
      "Qui va m'embaucher ?");
  EXPECT_EQ(SpeakerOf(q), "Marc Vidal") << q.method;
}

TEST_F(AttributionTest, InvertedPronounInsideAVerbOfSeveralWordsIsACue) {
  const std::string text =
      "« Le dossier avance », fait-on valoir dans l'entourage de la ministre.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Le dossier avance")), "l'entourage de la ministre");
}

TEST_F(AttributionTest, ObjectPronounBetweenSubjectAndVerbKeepsTheCue) {
  const std::string text =
      "La directrice de l'école, Claire Vasseur, a reçu les parents.\n\n"
      "Karim Benali : La directrice me disait hier : « Les travaux seront finis lundi. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Les travaux seront finis lundi.")), "Claire Vasseur");
}

TEST_F(AttributionTest, PronounBeforeAFirstPersonObjectIsNotThePersonAnswering) {
  const std::string text =
      "Karim Benali : J'ai croisé un voisin. Il m'a dit : « Partez vite. »";
  EXPECT_NE(SpeakerOf(QuotationOf(text, "Partez vite.")), "Karim Benali");
}

TEST_F(AttributionTest, NarrativeInfinitiveAfterEtIsACue) {
  const std::string text =
      "Le président du club, Hervé Dantec, a présenté le budget. Et M. Dantec d'ajouter : "
      "« Nous ne vendrons personne cet hiver. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Nous ne vendrons personne cet hiver.")), "Hervé Dantec");
}

TEST_F(AttributionTest, OrganisationDescribedWithItsShortNameSpeaksByThatName) {
  const std::string text =
      "« Les relevés sont normaux », indique l'office départemental de l'eau (ODE) dans une note.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Les relevés sont normaux")), "ODE");
}

TEST_F(AttributionTest, OrganisationDescribedWithAComplementSpeaksByItsDescription) {
  const std::string text = "« La route restera fermée », a annoncé la préfecture de l'Aude.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "La route restera fermée")), "préfecture de l'Aude");
}

TEST_F(AttributionTest, BareBodyNounNamesNobody) {
  const std::string text = "Jeanne Morel a quitté la réunion. « Rien n'est décidé », répond la direction.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Rien n'est décidé")), kNone);
}

TEST_F(AttributionTest, BareDocumentNounContinuesTheOrganisationThatIssuedIt) {
  const std::string text =
      "Dans un communiqué, la SNCF a promis des trains supplémentaires. "
      "« Les réservations ouvrent lundi », précise le texte.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Les réservations ouvrent lundi")), "SNCF");
}

TEST_F(AttributionTest, DocumentNounWithAComplementIsAnotherDocument) {
  const std::string text =
      "Dans un communiqué, la SNCF a promis des trains supplémentaires. "
      "La déclaration finale des syndicats juge ces promesses « insuffisantes ».";
  EXPECT_NE(SpeakerOf(QuotationOf(text, "insuffisantes")), "SNCF");
}

TEST_F(AttributionTest, ReportingClauseInsideTheMarksSplitsTheQuotation) {
  const std::string text =
      "« Le pont tiendra, a affirmé l'ingénieur Paul Lenoir. Les essais sont formels. »";
  Extraction e = Extract(text);
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Le pont tiendra")), "Paul Lenoir");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Les essais sont formels.")), "Paul Lenoir");
  for (const Quotation& q : e.quotations) EXPECT_EQ(q.quote.find("affirmé"), std::string::npos);
}

TEST_F(AttributionTest, ElidedArticleTakesTheGenderOfItsNoun) {
  const std::string text =
      "Léa Morin, adjointe au maire, a présenté le budget. Marc Dupuis a protesté. "
      "« C'est injuste », a-t-il dit. « Le budget est juste », a répondu l'adjointe.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Le budget est juste")), "Léa Morin");
}

TEST_F(AttributionTest, HeadlineQuotationGivenToADescriptionTakesTheBodySpeaker) {
  const std::string text =
      "Le boulanger avait vendu du pain rassis : « Quelle erreur »\n\n"
      "Marc Tellier, 40 ans, tient une boulangerie du centre.\n\n"
      "« Quelle erreur de ma part, je le regrette », a admis le prévenu.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Quelle erreur")), "Marc Tellier");
}

TEST_F(AttributionTest, ColonEndingTheParagraphBeforeIntroducesTheQuotation) {
  const std::string text =
      "La directrice, Sophie Garnier, a longuement défendu le plan devant les salariés :\n\n"
      "« Nous avons trouvé un repreneur sérieux. »\n\n"
      "Les syndicats restent prudents.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Nous avons trouvé un repreneur sérieux.")), "Sophie Garnier");
}

TEST_F(AttributionTest, SentencePointingBackAtTheQuotationGivesItsSpeaker) {
  const std::string text =
      "Le directeur, Paul Martin, a parlé le premier.\n\n"
      "« Personne ne sera laissé au bord du chemin. » C'est en ces termes que la déléguée "
      "syndicale Claire Moreau a conclu la réunion.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Personne ne sera laissé au bord du chemin.")), "Claire Moreau");
}

TEST_F(AttributionTest, NameBeforeAnAppositionEndingOnAQuotedLabelIsTheSubject) {
  const std::string text =
      "Morgane Kervella, conseillère de la liste « Lannion ensemble », a dénoncé des choix "
      "« dictés par l'urgence ».";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "dictés par l'urgence")), "Morgane Kervella");
}

TEST_F(AttributionTest, PluralAddresseesBeforeTheColonDoNotSpeak) {
  const std::string text =
      "Le principal, Gildas Le Roux, a eu un mot pour les habitants du quartier : "
      "« Les salles sont chauffées. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Les salles sont chauffées.")), "Gildas Le Roux");
}

TEST_F(AttributionTest, InvertedIncisePronounInsideTheMarksSplitsBeforeAComma) {
  const std::string text =
      "Hugo Lefebvre a défendu la dépense. « Les voyageurs attendent, a-t-il expliqué en séance, "
      "et nous ne pouvons plus attendre. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Les voyageurs attendent")), "Hugo Lefebvre");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "et nous ne pouvons plus attendre.")), "Hugo Lefebvre");
}

TEST_F(AttributionTest, NameBeforeALongRelativeClauseIsTheSubjectAndSelonSesTermesIsItsWords) {
  const std::string text =
      "Catherine Rouvière, qui se battait pour que le bassin reste, selon ses termes, "
      "« un droit pour tous » de la ville, a estimé que la commune devait « trouver l'argent ».";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "un droit pour tous")), "Catherine Rouvière");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "trouver l'argent")), "Catherine Rouvière");
}

TEST_F(AttributionTest, SourceAfterAQuotationAndBeforeAnotherLeavesTheFirstToTheVerb) {
  const std::string text =
      "L'élue Sophie Garnaud a défendu le projet. La Fédération nationale des jardins partagés "
      "(Fnjp) a regretté « une décision brutale », qui privera selon elle « des retraités d'un "
      "lieu de rencontre ».";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "une décision brutale")), "Fnjp");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "des retraités d'un lieu de rencontre")), "Fnjp");
}

TEST_F(AttributionTest, SelonLesMotsDeAfterAQuotationNamesItsSpeaker) {
  Quotation q = QuotationOf(
      "Varsovie a salué l'arrivée d'un dirigeant « qui connaît le dossier », selon les mots du "
      "ministre polonais des Affaires étrangères, Jan Kowal.",
      "qui connaît le dossier");
  EXPECT_EQ(SpeakerOf(q), "Jan Kowal");
}

TEST_F(AttributionTest, ThingNamedAfterItsNounAndAConceptAreMentions) {
  Quotation named = QuotationOf(
      "Selon lui, les riverains avaient surnommé la friche « le terrain vague ».", "le terrain vague");
  EXPECT_EQ(named.kind, QuoteKind::kMention);
  Quotation concept = QuotationOf(
      "L'adjoint, Karim Benali, a défendu son concept de « ville du quart d'heure ».",
      "ville du quart d'heure");
  EXPECT_EQ(concept.kind, QuoteKind::kMention);
}

TEST_F(AttributionTest, WorkNounBeforeWordsOpeningOnAVerbIsNoTitle) {
  Quotation predicate = QuotationOf(
      "La réalisatrice, Jeanne Roux, était ravie. Selon elle, le film « n'aurait pas existé sans "
      "eux ».",
      "n'aurait pas existé sans eux");
  EXPECT_EQ(predicate.kind, QuoteKind::kPartial);
  Quotation title = QuotationOf("Elle a tourné le film « Trois étés » l'an dernier.", "Trois étés");
  EXPECT_EQ(title.kind, QuoteKind::kMention);
}

TEST_F(AttributionTest, NameApposedToAnObjectIsNotTheSubjectBeforeTheColon) {
  Quotation q = QuotationOf(
      "Interrogé sur le projet de confier le dossier au directeur de l'Unédic, Hugues Marland, le "
      "ministre du Travail s'est contenté d'une phrase : « Je suis au travail. »",
      "Je suis au travail.", "2023-05-10");
  EXPECT_EQ(SpeakerOf(q), "Olivier Dussopt");
}

TEST_F(AttributionTest, SubjectOfADontClauseFollowsItsVerb) {
  Quotation q = QuotationOf(
      "Les éleveurs y voient un « ballon d'oxygène » dont se réjouissait mardi la présidente de "
      "la fédération, Odile Garnier.",
      "ballon d'oxygène", "2016-03-15");
  EXPECT_EQ(SpeakerOf(q), "Odile Garnier");
}

TEST_F(AttributionTest, HeadlineWordFoundWholeInABodyQuotationIsItsSpeakers) {
  const std::string text =
      "Climat : de la « constance » face aux industriels\n\n« J'attends de vous la même constance "
      "», a déclaré Anne Roux.\n\nUn « cap » inconstant.";
  Quotation word = QuotationOf(text, "constance");
  EXPECT_EQ(SpeakerOf(word), "Anne Roux");
  EXPECT_EQ(word.kind, QuoteKind::kPartial);
}

TEST_F(AttributionTest, ShortQuestionOrClauseWithNoSpeakerIsAnUtteranceNotALabel) {
  const std::string text =
      "Les commentaires allaient bon train. « Et après, ce sera qui ? » « Ils ont tout fermé. » "
      "Sur la vitrine, une affiche proclame « On ne lâchera rien ».";
  EXPECT_EQ(QuotationOf(text, "Et après, ce sera qui ?").kind, QuoteKind::kDirect);
  EXPECT_EQ(QuotationOf(text, "Ils ont tout fermé.").kind, QuoteKind::kDirect);
  EXPECT_EQ(QuotationOf(text, "On ne lâchera rien").kind, QuoteKind::kMention);
}

TEST_F(AttributionTest, AgeBetweenTheNameAndItsAppositionKeepsTheNameTheSubject) {
  const std::string text =
      "Le jury a rendu son verdict.\n\n"
      "« Je n'y croyais plus du tout ce matin. » C'est par ces mots que Mathieu Roblin, 52 ans, "
      "boulanger à Plourin, a accueilli sa victoire.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Je n'y croyais plus du tout ce matin.")), "Mathieu Roblin");
}

TEST_F(AttributionTest, ASourceNounWithItsComplementIsAnUnnamedSource) {
  const std::string text =
      "« Trois bulletins nuls, c'est peu », plaisantait un assesseur. « On a attendu le train », "
      "confiait une habituée de la ligne.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Trois bulletins nuls, c'est peu")), "un assesseur");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "On a attendu le train")), "une habituée de la ligne");
}

TEST_F(AttributionTest, SentenceSayingWhoseWordsTheyWereNamesTheSpeaker) {
  const std::string text =
      "Le cortège a traversé la ville.\n\n"
      "« On nous demande de faire quarante minutes de route. » La phrase, lancée au micro, est de "
      "Gaëlle Morvan, sage-femme.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "On nous demande de faire quarante minutes de route.")),
            "Gaëlle Morvan");
}

TEST_F(AttributionTest, PlaceNounAndCapitalisedWordsAreAPlacesName) {
  const std::string text =
      "Sur l'ancienne « place Royale », les Kotorans ont accueilli les croisiéristes.";
  EXPECT_EQ(QuotationOf(text, "place Royale").kind, QuoteKind::kMention);
}

TEST_F(AttributionTest, WordGlossedAfterItsMarkIsAMention) {
  const std::string text = "La baie, dont le nom local, « Boka », signifie Bouche, attire les voiliers.";
  EXPECT_EQ(QuotationOf(text, "Boka").kind, QuoteKind::kMention);
}

TEST_F(AttributionTest, SourceBeforeAColonEndingTheParagraphSpeaksTheNextOne) {
  const std::string text =
      "Pour Aino Virtanen, chercheuse, la question reste ouverte à Helsinki :\n\n"
      "« Le pays a besoin de cette électricité, mais pas de ses déchets. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Le pays a besoin de cette électricité, mais pas de ses déchets.")),
            "Aino Virtanen");
}

TEST_F(AttributionTest, LoneQuotationCommentedAsAPhraseDoesNotContinueTheSpeakerBefore) {
  const std::string text =
      "« On l'a appris par un courriel », raconte Sébastien Morin.\n\n"
      "« Trente ans de maison, et tout s'arrête. » La phrase tournait en boucle devant les grilles.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Trente ans de maison, et tout s'arrête.")), kNone);
}

TEST_F(AttributionTest, StressedPronounBetweenCommasKeepsTheSubjectBeforeAColon) {
  const std::string text =
      "Camille hésite encore. Nadia Ferrand, elle, a déjà trouvé une solution : « Je prendrai le train de six heures. »";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Je prendrai le train de six heures.")), "Nadia Ferrand");
}

TEST_F(AttributionTest, ParticipleAndAdjunctBetweenADescriptionAndItsVerbKeepTheSubject) {
  const std::string text = "Une bénévole postée au col a affirmé avoir vu le coureur passer « par l'autre versant ».";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "par l'autre versant")), "une bénévole");
}

}  // namespace
}  // namespace guillemet
