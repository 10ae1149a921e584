// Tests of speaker resolution through the public Extractor: once the words
// naming a speaker are chosen, which person or organisation they stand for:
// an office to the name beside it or to its holder on the article's date, a
// short or misspelt name to the full one, a communiqué to its organisation,
// pronouns and "ce dernier" to the right person, unnamed sources as written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "guillemet/guillemet.h"
#include "support.h"

namespace guillemet {
namespace {

constexpr char kNone[] = "<none>";

std::string SpeakerOf(const Quotation& q) { return q.speaker.value_or(kNone); }
std::string SpeakerIdOf(const Quotation& q) { return q.speaker_id.value_or(kNone); }

std::string Describe(const Extraction& e) {
  std::string out;
  for (const Quotation& q : e.quotations) {
    out += "\n  \"" + q.quote + "\" speaker=" + SpeakerOf(q) + " id=" + SpeakerIdOf(q) +
           " method=" + q.method + " mention=\"" + q.mention + "\"";
  }
  return out;
}

class ResolutionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &test::SharedExtractor(); }

  // The quotation of `text` whose words are `words`, the article dated
  // `date`; fails the test (and returns an empty one) when there is none.
  static Quotation QuotationOf(const std::string& text, const std::string& words,
                               const std::string& date = "") {
    Document doc;
    doc.id = "test";
    doc.text = text;
    doc.date = date;
    Extraction e = extractor_->Extract(doc);
    for (const Quotation& q : e.quotations) {
      if (q.quote == words) return q;
    }
    ADD_FAILURE() << "no quotation \"" << words << "\" in: " << text << Describe(e);
    return Quotation();
  }

  static const Extractor* extractor_;
};
const Extractor* ResolutionTest::extractor_ = nullptr;

// --- Offices --------------------------------------------------------------

TEST_F(ResolutionTest, OfficeResolvesToTheApposedNameRatherThanTheHolderOfTheDay) {
  // In 2025 the office is Mark Rutte's, but the article names someone else.
  Quotation q = QuotationOf(
      "« Nous resterons unis », a déclaré le secrétaire général de l'Otan, Jens Stoltenberg.",
      "Nous resterons unis", "2025-03-01");
  EXPECT_EQ(SpeakerOf(q), "Jens Stoltenberg");
  EXPECT_EQ(SpeakerIdOf(q), "jens-stoltenberg");
}

TEST_F(ResolutionTest, OfficeResolvesToAnApposedNameUnknownToTheBase) {
  Quotation q = QuotationOf(
      "« Nous resterons unis », a déclaré le secrétaire général de l'Otan, Paul Dupont.",
      "Nous resterons unis", "2017-05-25");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(ResolutionTest, OfficeAfterAPossessiveIsNotResolvedByTheDate) {
  // "son président" is the president of whatever "son" stands for (here a
  // club), not the head of state on the article's date.
  Quotation q = QuotationOf("Le club doit « changer d'échelle », plaide son président.", "changer d'échelle",
                            "2025-09-11");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, BareDescriptionOfOneSideOfATrialNeverNamesAPersonOfAnother) {
  // The lawyer is not the witness who spoke just before (party_noun in
  // words.tsv): no speaker rather than the wrong one.
  Quotation q = QuotationOf(
      "Le témoin principal, Julien Roche, a raconté la nuit du drame. « J'ai entendu deux détonations », "
      "a-t-il déclaré.\n\nEt l'avocat de relancer : « Vous étiez pourtant à cent mètres. »",
      "Vous étiez pourtant à cent mètres.", "2026-03-04");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, ProsecutorNeverResolvesToThePresidingJudge) {
  // Bench and prosecution are two sides of a trial ("magistrat" may be
  // either): the prosecutor, never named, is nobody rather than the judge
  // heard before her.
  Quotation q = QuotationOf(
      "La présidente du tribunal, Nathalie Dorval, l'a longuement interrogé. "
      "« Vous avez attendu vingt minutes », a-t-elle relevé.\n\n"
      "La procureure a requis cinq ans de prison. "
      "« Ces vingt minutes ont coûté une vie », a-t-elle lancé.",
      "Ces vingt minutes ont coûté une vie", "2024-06-12");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, DescriptionNeverResolvesToTheWriterOfTheByline) {
  // "Par Claire Dumas" signs the article: she is no person of the story,
  // even when nobody else of that gender is named.
  Quotation q = QuotationOf(
      "Le budget adopté sans débat\n\nPar Claire Dumas\n\n"
      "Le conseil municipal a adopté lundi son budget. "
      "« Nous tiendrons le cap sans augmenter les impôts », a assuré la maire.",
      "Nous tiendrons le cap sans augmenter les impôts", "2024-05-01");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, OfficeNeverNamedResolvesToItsHolderOnTheArticleDate) {
  struct Case {
    const char* date;
    const char* speaker;
  } cases[] = {
      {"2016-05-10", "Jens Stoltenberg"},
      {"2025-03-01", "Mark Rutte"},
      {"2016-05-10T08:30:00Z", "Jens Stoltenberg"},
  };
  for (const Case& c : cases) {
    Quotation q = QuotationOf("« Nous resterons unis », a déclaré le secrétaire général de l'Otan.",
                              "Nous resterons unis", c.date);
    EXPECT_EQ(SpeakerOf(q), c.speaker) << c.date;
    EXPECT_EQ(q.date, std::string(c.date).substr(0, 10));
  }
}

TEST_F(ResolutionTest, UsSecretaryOfStateOnTheArticleDate) {
  Quotation q = QuotationOf("« Rien n'est exclu », a affirmé le secrétaire d'État américain.",
                            "Rien n'est exclu", "2017-06-15");
  EXPECT_EQ(SpeakerOf(q), "Rex Tillerson");
  EXPECT_EQ(SpeakerIdOf(q), "rex-tillerson");
}

TEST_F(ResolutionTest, FrenchMinisterOnTheArticleDate) {
  Quotation q = QuotationOf("« Nous agirons », a déclaré le ministre de l'Intérieur.",
                            "Nous agirons", "2019-03-01");
  EXPECT_EQ(SpeakerOf(q), "Christophe Castaner");
  EXPECT_EQ(SpeakerIdOf(q), "christophe-castaner");
}

TEST_F(ResolutionTest, ABarePrimeMinisterIsTheHomeCountrysUnlessTheArticleIsAboutAnother) {
  // « Premier ministre » is an office of many countries: France's by
  // default, the country of the article's adjectives otherwise, and nobody
  // when the article speaks of several.
  EXPECT_EQ(SpeakerOf(QuotationOf("« Nous tiendrons », a déclaré la Première ministre.",
                                  "Nous tiendrons", "2023-03-16")),
            "Élisabeth Borne");
  EXPECT_EQ(SpeakerOf(QuotationOf("Le gouvernement belge se réunit. « Nous tiendrons », a "
                                  "déclaré le Premier ministre.",
                                  "Nous tiendrons", "2016-06-01")),
            "Charles Michel");
  EXPECT_EQ(SpeakerOf(QuotationOf("Le ministre marocain est venu. Un diplomate marocain a "
                                  "suivi. « Nous tiendrons », a déclaré le Premier ministre.",
                                  "Nous tiendrons", "2016-06-01")),
            kNone);
  EXPECT_EQ(SpeakerOf(QuotationOf("Les dirigeants belge et canadien sont là. « Nous tiendrons », "
                                  "a déclaré le Premier ministre.",
                                  "Nous tiendrons", "2016-06-01")),
            kNone);
}

TEST_F(ResolutionTest, AForeignMinisterIsNotTheFrenchHolder) {
  // The bare phrases name France's offices; a nationality adjective or a
  // country after them makes another country's.
  for (const char* text : {
           "« Nous agirons », a déclaré le ministre de l'Intérieur allemand.",
           "« Nous agirons », a déclaré le ministre allemand de l'Intérieur.",
           "« Nous agirons », a déclaré la ministre de la Santé espagnole.",
           "« Nous agirons », a déclaré la ministre espagnole de la Santé.",
           "« Nous agirons », a déclaré le ministre de l'Intérieur de l'Allemagne.",
       }) {
    Quotation q = QuotationOf(text, "Nous agirons", "2019-03-01");
    EXPECT_EQ(SpeakerOf(q), kNone) << text;
  }
  // Nor the French minister the article names.
  Quotation q = QuotationOf(
      "Christophe Castaner a reçu son homologue. « Nous agirons », a déclaré le ministre de "
      "l'Intérieur allemand.",
      "Nous agirons", "2019-03-01");
  EXPECT_NE(SpeakerOf(q), "Christophe Castaner");
}

TEST_F(ResolutionTest, MinisterAndDelegateSharingAnOfficeAreToldApartByGender) {
  // In 2025 Catherine Vautrin was minister of Labour and Health, Yannick
  // Neuder her delegate for Health, Astrid Panosyan-Bouvet for Labour.
  EXPECT_EQ(SpeakerOf(QuotationOf("« Nous agirons », a déclaré le ministre de la Santé.",
                                  "Nous agirons", "2025-03-01")),
            "Yannick Neuder");
  EXPECT_EQ(SpeakerOf(QuotationOf("« Nous agirons », a déclaré la ministre de la Santé.",
                                  "Nous agirons", "2025-03-01")),
            "Catherine Vautrin");
  EXPECT_EQ(SpeakerOf(QuotationOf("« Nous agirons », a déclaré la ministre du Travail.",
                                  "Nous agirons", "2025-03-01")),
            kNone);
}

TEST_F(ResolutionTest, BareOfficeNounIsTheUnnamedHolderOfTheOfficeBeforeIt) {
  // Not the professor who spoke last.
  Quotation q = QuotationOf(
      "Le ministre des Solidarités et de la Santé a annoncé de nouvelles mesures. « Nous devons "
      "freiner », a expliqué le ministre. « Nous sommes prêts », assure le professeur Paul "
      "Dumas. Le ministre a enfin appelé à « ne pas céder à la panique ».",
      "ne pas céder à la panique", "2020-03-09");
  EXPECT_EQ(SpeakerOf(q), "Olivier Véran");
}

TEST_F(ResolutionTest, ApposedNameBindsOnlyTheOfficeThatPersonHolds) {
  // "ministre des Affaires étrangères" may name several countries' offices,
  // the American secretary of State's among them; Le Drian held France's.
  Quotation q = QuotationOf(
      "Le ministre des Affaires étrangères, Jean-Yves Le Drian, a reçu son invité. "
      "« Rien n'est exclu », a ensuite affirmé le secrétaire d'État.",
      "Rien n'est exclu", "2017-06-15");
  EXPECT_EQ(SpeakerOf(q), "Rex Tillerson");
}

TEST_F(ResolutionTest, BareOfficeAfterTheSameOfficeLeftUnnamedIsNobody) {
  // "vice-président" alone may be the American office; here it is the
  // councillor in charge of transport, whom the article never names.
  Quotation q = QuotationOf(
      "Le vice-président chargé des mobilités a présenté le projet. Marie Roux, de "
      "l'association des usagers, a salué l'effort. Le vice-président a promis de « revoir les "
      "horaires ».",
      "revoir les horaires", "2024-12-12");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, BareDescriptionAfterTheSameDescriptionLeftUnnamedIsNobody) {
  Quotation q = QuotationOf(
      "Le directeur de la maison de retraite a confirmé trois cas. Paul Martin, médecin "
      "coordonnateur, a détaillé les mesures. Le directeur a appelé les familles à « ne pas "
      "s'inquiéter ».",
      "ne pas s'inquiéter", "2024-12-12");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, EpithetGivenToSomeoneOfTheArticleIsThatPerson) {
  // "la Norvégienne" is also an epithet of people of the base; the article
  // gave it to someone the base does not know.
  Quotation q = QuotationOf(
      "Deuxième, la Norvégienne Kari Lunde a salué sa rivale. « Elle était la plus forte », a "
      "reconnu la Norvégienne.",
      "Elle était la plus forte", "2024-02-10");
  EXPECT_EQ(SpeakerOf(q), "Kari Lunde");
}

TEST_F(ResolutionTest, SpeltOutOfficeAgainInFewerWordsIsThePersonApposedToIt) {
  const std::string text =
      "« Rien n'est prêt », résume Marie Roux, présidente du comité des fêtes de Bellac. "
      "Le maire, Paul Dupont, promet des moyens. « Nous resterons », prévient la présidente du "
      "comité. « Nous verrons », répond la présidente du club.";
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Nous resterons")), "Marie Roux");
  EXPECT_EQ(SpeakerOf(QuotationOf(text, "Nous verrons")), kNone);
}

TEST_F(ResolutionTest, OfficeWithoutADateHasNoHolder) {
  Quotation q = QuotationOf("« Nous resterons unis », a déclaré le secrétaire général de l'Otan.",
                            "Nous resterons unis");
  EXPECT_NE(SpeakerOf(q), "Jens Stoltenberg");
  EXPECT_NE(SpeakerOf(q), "Mark Rutte");
}

TEST_F(ResolutionTest, FormerOfficeIsNotResolvedByDate) {
  Quotation q =
      QuotationOf("« Nous resterons unis », a déclaré l'ancien secrétaire général de l'Otan.",
                  "Nous resterons unis", "2017-05-25");
  EXPECT_NE(SpeakerOf(q), "Jens Stoltenberg");
  EXPECT_NE(SpeakerIdOf(q), "jens-stoltenberg");
}

// --- Names ----------------------------------------------------------------

TEST_F(ResolutionTest, SurnameAloneResolvesToTheFullNameGivenEarlier) {
  Quotation q = QuotationOf(
      "Lundi, Paul Dupont a quitté la réunion.\n« Nous partirons », a déclaré Dupont.",
      "Nous partirons");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(ResolutionTest, TitleAndSurnameResolveToTheKnownPerson) {
  Quotation q = QuotationOf("« Rien n'est exclu », a affirmé M. Tillerson.", "Rien n'est exclu");
  EXPECT_EQ(SpeakerOf(q), "Rex Tillerson");
  EXPECT_EQ(SpeakerIdOf(q), "rex-tillerson");
}

TEST_F(ResolutionTest, KnownSurnameAfterAnotherFirstNameIsSomeoneElse) {
  // The base knows Jean Castex; an ordinary woman with his surname is not him.
  Quotation q = QuotationOf("« Nous tiendrons jusqu'à l'automne », a dit Josiane Castex, éleveuse.",
                            "Nous tiendrons jusqu'à l'automne");
  EXPECT_EQ(SpeakerOf(q), "Josiane Castex");
  EXPECT_EQ(SpeakerIdOf(q), kNone);
}

TEST_F(ResolutionTest, KnownSurnameAfterTheKnownFirstNameAndAnInitialIsTheKnownPerson) {
  Quotation q = QuotationOf("« Le dialogue reste ouvert », a dit Rex W. Tillerson.",
                            "Le dialogue reste ouvert", "2017-06-01");
  EXPECT_EQ(SpeakerIdOf(q), "rex-tillerson");
}

TEST_F(ResolutionTest, MisspeltSurnameResolvesToTheKnownPerson) {
  Quotation q = QuotationOf("« Nous resterons unis », a déclaré M. Stoltenbreg.",
                            "Nous resterons unis");
  EXPECT_EQ(SpeakerOf(q), "Jens Stoltenberg");
}

TEST_F(ResolutionTest, MisspeltSurnameResolvesToThePersonNamedEarlier) {
  Quotation q = QuotationOf(
      "Mardi, Jens Stoltenberg est arrivé à Bruxelles.\n« Nous resterons unis », a déclaré "
      "Stoltenbreg.",
      "Nous resterons unis");
  EXPECT_EQ(SpeakerOf(q), "Jens Stoltenberg");
}

TEST_F(ResolutionTest, ASurnameThatDiffersFromAnEarlierOneByItsInitialIsAnotherPerson) {
  Quotation q = QuotationOf(
      "Mardi, Paul Martineau a ouvert la séance.\n« Nous voterons contre », a déclaré Bartineau.",
      "Nous voterons contre");
  EXPECT_EQ(SpeakerOf(q), "Bartineau");
}

TEST_F(ResolutionTest, SelonElleAfterTheColonOfItsSubjectIsThatSubject) {
  Quotation q = QuotationOf(
      "« Non », a dit Anne Roux.\nLa maire, Julie Morel, a voulu rassurer : selon elle, tout sera "
      "« prêt en mai ».",
      "prêt en mai");
  EXPECT_EQ(SpeakerOf(q), "Julie Morel");
}

TEST_F(ResolutionTest, SelonLuiInsideTheClauseOfItsSubjectIsSomeoneElse) {
  Quotation q = QuotationOf(
      "« Non », a dit Paul Roux.\nLe président n'a, selon lui, « aucune intention » de céder.",
      "aucune intention");
  EXPECT_EQ(SpeakerOf(q), "Paul Roux");
}

TEST_F(ResolutionTest, ADescriptionWithANationalityNamesTheOnePersonOfThatNationality) {
  Quotation q = QuotationOf(
      "Paul Roux a reçu son homologue belge, Jan Peeters. « Oui », a dit M. Roux.\n"
      "Le ministre belge a salué « un bon accord ».",
      "un bon accord");
  EXPECT_EQ(SpeakerOf(q), "Jan Peeters");
}

TEST_F(ResolutionTest, SonHomologueIsNeverTheStorysOwnPerson) {
  Quotation q = QuotationOf("« Oui », a dit Paul Roux.\nSon homologue a jugé l'accord « fragile ».",
                            "fragile");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, AnOfficeOfOneGenderIsNotItsHolderOfTheOther) {
  Quotation q = QuotationOf("« Nous continuerons », a déclaré la présidente.", "Nous continuerons",
                            "2020-03-10");
  EXPECT_NE(SpeakerOf(q), "Emmanuel Macron");
}

TEST_F(ResolutionTest, APseudonymNamesThePersonNamedBeforeIt) {
  Quotation q = QuotationOf(
      "Le mur est signé Hugo Lambert, connu sous le nom de Kraft.\n« Regardez », dit Kraft.",
      "Regardez");
  EXPECT_EQ(SpeakerOf(q), "Hugo Lambert");
}

TEST_F(ResolutionTest, UnknownPersonGetsTheFullestNameOfTheArticle) {
  Quotation q = QuotationOf(
      "« Nous partirons », a déclaré M. Dupont.\nLe maire, Paul Dupont, dirige la ville depuis "
      "2010.",
      "Nous partirons");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

// --- Organisations --------------------------------------------------------

TEST_F(ResolutionTest, CommuniqueResolvesToItsOrganisation) {
  const std::string text =
      "« Nous restons vigilants », a indiqué l'Alliance atlantique dans un communiqué.\n"
      "« La sécurité de tous est en jeu », poursuit le communiqué.";
  Quotation first = QuotationOf(text, "Nous restons vigilants");
  Quotation second = QuotationOf(text, "La sécurité de tous est en jeu");
  EXPECT_EQ(SpeakerOf(first), "OTAN");
  EXPECT_EQ(SpeakerOf(second), "OTAN");
  EXPECT_EQ(SpeakerIdOf(second), "otan");
}

TEST_F(ResolutionTest, CommuniqueResolvesToTheSameSpeakerAsItsOrganisation) {
  const std::string text =
      "« Nous restons vigilants », a indiqué l'Otan dans un communiqué.\n"
      "« La sécurité de tous est en jeu », poursuit le communiqué.";
  Quotation first = QuotationOf(text, "Nous restons vigilants");
  Quotation second = QuotationOf(text, "La sécurité de tous est en jeu");
  EXPECT_NE(SpeakerOf(second), kNone);
  EXPECT_EQ(SpeakerOf(second), SpeakerOf(first));
}

// Instead: the speaker is "Otan" with no id. "l'Otan" matches both the name
// "OTAN" and the alias "l'Otan" of the same entry, and two candidates are
// read as an ambiguous name (same for "le Pentagone").
TEST_F(ResolutionTest, OrganisationNamedWithItsArticleResolvesToTheBase) {
  const std::string text =
      "« Nous restons vigilants », a indiqué l'Otan dans un communiqué.\n"
      "« La sécurité de tous est en jeu », poursuit le communiqué.";
  Quotation first = QuotationOf(text, "Nous restons vigilants");
  Quotation second = QuotationOf(text, "La sécurité de tous est en jeu");
  EXPECT_EQ(SpeakerOf(first), "OTAN");
  EXPECT_EQ(SpeakerIdOf(first), "otan");
  EXPECT_EQ(SpeakerOf(second), "OTAN");
  EXPECT_EQ(SpeakerIdOf(second), "otan");
  Quotation pentagon = QuotationOf("« Aucune troupe ne partira », a indiqué le Pentagone.",
                                   "Aucune troupe ne partira");
  EXPECT_EQ(SpeakerIdOf(pentagon), "pentagone");
}

TEST_F(ResolutionTest, OnWithAPlaceResolvesToThePlace) {
  Quotation q = QuotationOf("« Nous restons attentifs », indiquait-on à Washington.",
                            "Nous restons attentifs");
  EXPECT_EQ(SpeakerOf(q), "Washington");
}

TEST_F(ResolutionTest, UnnamedSourceIsNamedAsWritten) {
  Quotation q = QuotationOf("« La situation est grave », a confié un diplomate européen.",
                            "La situation est grave");
  EXPECT_EQ(SpeakerOf(q), "un diplomate européen");
  EXPECT_FALSE(q.speaker_id.has_value());
}

TEST_F(ResolutionTest, PresidentOfAnotherBodyIsNotThePresidentOfTheRepublic) {
  Quotation q = QuotationOf(
      "Le président du conseil départemental, Paul Dupont, a salué l'annonce. Le président de "
      "la République a promis « une aide rapide » aux communes.",
      "une aide rapide", "2024-02-10");
  EXPECT_EQ(SpeakerOf(q), "Emmanuel Macron");
}

TEST_F(ResolutionTest, SpeltOutOfficeIsNotTheLastSpeakerDescribedByAnotherNoun) {
  Quotation q = QuotationOf(
      "« Nous voterons ce texte », a assuré le député Paul Dupont.\nLe ministre délégué chargé "
      "des Transports a pour sa part vanté « un budget sérieux ».",
      "un budget sérieux");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, FormerOfficeMayStillNameTheLastSpeaker) {
  Quotation q = QuotationOf(
      "« Rien n'est décidé », a déclaré la présidente de la fondation, Claire Martin.\n"
      "L'ancienne ministre des Sports a ensuite promis « une réponse rapide ».",
      "une réponse rapide");
  EXPECT_EQ(SpeakerOf(q), "Claire Martin");
}

TEST_F(ResolutionTest, OccupationNounNamesThePersonOfTheStory) {
  Quotation q = QuotationOf(
      "Paul Dupont comparaissait mardi pour vol.\n« Je regrette », a reconnu le prévenu.",
      "Je regrette");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(ResolutionTest, DefiniteDescriptionIsNotAnUnnamedSourceOfAnotherNoun) {
  Quotation q = QuotationOf(
      "« Personne n'a rien vu », raconte une salariée du magasin.\n« La peine doit être "
      "lourde », a plaidé la magistrate du parquet.",
      "La peine doit être lourde");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

// --- Pronouns -------------------------------------------------------------

TEST_F(ResolutionTest, OpeningPronounResolvesToASpeakerNamedLater) {
  Quotation q = QuotationOf(
      "« Nous ne partirons pas », dit-il.\n"
      "« Nous resterons jusqu'au bout », a assuré lundi Paul Dupont, maire de la ville.",
      "Nous ne partirons pas");
  EXPECT_EQ(SpeakerOf(q), "Paul Dupont");
}

TEST_F(ResolutionTest, CeDernierResolvesToTheLastPersonOfThatGender) {
  Quotation q = QuotationOf(
      "Lundi, Marie Durand a appelé Paul Dupont puis Luc Martin.\n"
      "« Nous allons travailler ensemble », a répondu cette dernière.",
      "Nous allons travailler ensemble");
  EXPECT_EQ(SpeakerOf(q), "Marie Durand");
}

TEST_F(ResolutionTest, CeDernierResolvesToTheLastManMentioned) {
  Quotation q = QuotationOf(
      "Lundi, Paul Dupont a appelé Marie Durand puis Luc Martin.\n"
      "« Nous allons travailler ensemble », a répondu ce dernier.",
      "Nous allons travailler ensemble");
  EXPECT_EQ(SpeakerOf(q), "Luc Martin");
}

TEST_F(ResolutionTest, CeDernierAfterSomeoneDescribedButNotNamedReachesNoOneBefore) {
  // "son homologue roumain" is the last person mentioned, whom the article
  // never names: not Paul Dupont.
  Quotation q = QuotationOf(
      "Paul Dupont a reçu jeudi son homologue roumain.\n"
      "Ce dernier a salué « une coopération exemplaire entre nos deux pays ».",
      "une coopération exemplaire entre nos deux pays");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, PronounWithoutAnyAntecedentStaysUnresolved) {
  Quotation q = QuotationOf("« Nous ne partirons pas », a-t-il dit.", "Nous ne partirons pas");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, PredecessorIsTheHolderOfTheOfficeBeforeThePersonOfTheStory) {
  Quotation q = QuotationOf(
      "Mark Rutte a pris ses fonctions à l'Otan. « Je pars serein », a confié son prédécesseur.",
      "Je pars serein", "2024-10-01");
  EXPECT_EQ(SpeakerOf(q), "Jens Stoltenberg");
  EXPECT_EQ(q.method, "incise");
}

TEST_F(ResolutionTest, SuccessorIsTheNextHolderOfTheOfficeOnTheArticleDate) {
  Quotation q = QuotationOf(
      "Rex Tillerson a quitté le département d'État. « Le travail continue », a assuré son "
      "successeur.",
      "Le travail continue", "2018-04-30");
  EXPECT_EQ(SpeakerOf(q), "Mike Pompeo");
}

TEST_F(ResolutionTest, SuccessionOfSomeoneUnknownToTheBaseHasNoSpeaker) {
  Quotation q = QuotationOf(
      "Paul Dupont a quitté la mairie. « Le travail continue », a assuré son successeur.",
      "Le travail continue", "2018-04-30");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, NationalityNounIsThePersonOfThatNationalityNotTheLastSpeaker) {
  Quotation q = QuotationOf(
      "Le médiateur canadien Paul Gagnon et le ministre serbe Milan Ilić ont parlé longtemps. "
      "« Tout reste ouvert », a résumé le Canadien.",
      "Tout reste ouvert");
  EXPECT_EQ(SpeakerOf(q), "Paul Gagnon");
  EXPECT_EQ(q.method, "incise");
}

TEST_F(ResolutionTest, NationalityNounTakesTheCountryOfAnOfficeOfTheBase) {
  Quotation q = QuotationOf(
      "Sergueï Lavrov a reçu Antony Blinken à Genève. « Nous avons été francs », a dit "
      "l'Américain.",
      "Nous avons été francs", "2022-01-21");
  EXPECT_EQ(SpeakerOf(q), "Antony Blinken");
}

TEST_F(ResolutionTest, NationalityNounNobodyHasStaysUnresolvedIfTheLastSpeakerHasAnother) {
  Quotation q = QuotationOf(
      "Sergueï Lavrov a parlé longuement. « Nous avons été francs », a dit l'Italien.",
      "Nous avons été francs", "2022-01-21");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, MasculineEpithetIsNotTheFeminineEpithetOfAWoman) {
  Quotation q = QuotationOf(
      "Catherine Colonna a reçu Paul Dupont. « Rien n'est réglé », a répondu le diplomate.",
      "Rien n'est réglé", "2023-03-01");
  EXPECT_NE(SpeakerOf(q), "Catherine Colonna");
}

TEST_F(ResolutionTest, AuthorLineInTwoScriptsResolvesToThePersonOfTheBase) {
  Quotation q = QuotationOf(
      "Le ministre a réagi :\n\nThe convoy has left the port.\n\n"
      "— Dmytro Kuleba / Дмитро Кулеба (@DmytroKuleba) 14 septembre 2023\n",
      "The convoy has left the port.", "2023-09-14");
  EXPECT_EQ(SpeakerOf(q), "Dmytro Kouleba");
  EXPECT_EQ(SpeakerIdOf(q), "dmytro-kouleba");
}

TEST_F(ResolutionTest, BareBodyNounIsTheBodyNamedBeforeWithIt) {
  Quotation q = QuotationOf(
      "La préfecture du Cher a pris un arrêté.\n\n"
      "« L'arrosage est interdit », précise la préfecture dans un communiqué.",
      "L'arrosage est interdit", "2025-07-25");
  EXPECT_EQ(SpeakerOf(q), "préfecture du Cher");
}

TEST_F(ResolutionTest, DemonstrativeDescriptionIsTheUnnamedPersonIntroducedWithItsNoun) {
  Quotation q = QuotationOf(
      "Le conservateur, Julien Ferrié, a présenté l'œuvre. « C'est une pièce majeure », "
      "a-t-il dit. Elle a été retrouvée par un collectionneur belge.\n\n"
      "« Je suis content », raconte ce collectionneur.",
      "Je suis content", "2024-05-14");
  EXPECT_EQ(SpeakerOf(q), "un collectionneur belge");
}

TEST_F(ResolutionTest, PersonAfterTheDatelineIsTheParagraphsSubject) {
  Quotation q = QuotationOf(
      "Tours (Indre-et-Loire) - Martine Boisseau part à la retraite après trente ans.\n\n"
      "Une fête a été organisée.\n\n"
      "« La nuit, on voit tout », sourit la sexagénaire.",
      "La nuit, on voit tout", "2023-06-30");
  EXPECT_EQ(SpeakerOf(q), "Martine Boisseau");
}

TEST_F(ResolutionTest, OfficeAfterANameThatHasItsOfficeIsTheSubjectOfTheVerb) {
  Quotation q = QuotationOf(
      "Lors d'une conférence avec le ministre estonien de la Défense, Tarmo Kruus, le "
      "secrétaire général de l'Otan a qualifié cet effort d'« exemple pour les alliés ».",
      "exemple pour les alliés", "2023-03-09");
  EXPECT_EQ(SpeakerOf(q), "Jens Stoltenberg");
}

TEST_F(ResolutionTest, ShortOfficeIsThePersonNamedWithItsFullForm) {
  Quotation q = QuotationOf(
      "Le président de la Commission de l'Union africaine, Amadou Kouyaté, a ouvert la séance. "
      "Le président de la Commission a jugé la situation « plus grave ».",
      "plus grave", "2021-02-09");
  EXPECT_EQ(SpeakerOf(q), "Amadou Kouyaté");
}

TEST_F(ResolutionTest, MiddleWordOfALongNameIsASurname) {
  Quotation q = QuotationOf(
      "Le ministre, Ibrahima Sarr Ndiaye, a ouvert les travaux. « Une épidémie ne s'arrête pas "
      "aux frontières », a déclaré M. Sarr.",
      "Une épidémie ne s'arrête pas aux frontières", "2023-02-13");
  EXPECT_EQ(SpeakerOf(q), "Ibrahima Sarr Ndiaye");
}

TEST_F(ResolutionTest, OfficeWithAnotherCountrysAdjectiveBindsNoOfficeOfThatCountry) {
  Quotation q = QuotationOf(
      "Ils ont été accueillis par le président lituanien, Gitanas Nausėda. "
      "« Nous ne laisserons personne seul », a déclaré plus tard le président américain.",
      "Nous ne laisserons personne seul", "2023-07-11");
  EXPECT_EQ(SpeakerOf(q), "Joe Biden");
}

TEST_F(ResolutionTest, PronounAfterQueIsTheSubjectOfTheMainClause) {
  Quotation q = QuotationOf(
      "Alain Le Floch a présenté les étapes. « Le final sera dur », a-t-il prévenu. "
      "Son adjoint, Mathieu Guéguen, ne cachait pas qu'il aurait souhaité « garder le littoral ».",
      "garder le littoral", "2025-02-19");
  EXPECT_EQ(SpeakerOf(q), "Mathieu Guéguen");
}

TEST_F(ResolutionTest, OutgoingOfficeHolderIsThePersonWhoHeldItBeforeTheDate) {
  Quotation q = QuotationOf(
      "Mark Rutte a succédé mardi à Jens Stoltenberg. « J'ai servi dix ans », a déclaré le "
      "secrétaire général sortant.",
      "J'ai servi dix ans", "2024-10-01");
  EXPECT_EQ(SpeakerOf(q), "Jens Stoltenberg");
}

TEST_F(ResolutionTest, PronounAfterQuantATopicIsThatTopic) {
  Quotation q = QuotationOf(
      "Le club prolonge son entraîneur, Jean-Noël Le Corre. Le président, Olivier Cadoret, a parlé. "
      "« Nous voulions de la stabilité », a-t-il dit. Quant à l'entraîneur, il est resté discret. "
      "« On verra », a-t-il glissé.",
      "On verra", "2025-01-23");
  EXPECT_EQ(SpeakerOf(q), "Jean-Noël Le Corre");
}

TEST_F(ResolutionTest, PronounAfterAQuantATopicAndItsAppositionIsThatTopic) {
  Quotation q = QuotationOf(
      "La maire, Anne Roux, a parlé. « Nous verrons », a-t-elle dit. Quant à Lucie, maraîchère "
      "depuis vingt ans, elle juge la mesure « absurde ».",
      "absurde", "2022-07-19");
  EXPECT_EQ(SpeakerOf(q), "Lucie");
}

TEST_F(ResolutionTest, IncisePronounIsTheOnePersonNamedInASentenceWithNoSpeakerJustBefore) {
  Quotation q = QuotationOf(
      "« Nous tiendrons », a dit Nadia Benamar. Une réponse qui ne rassure pas Martine Rochas. "
      "« Je n'y crois pas », ajoute-t-elle.",
      "Je n'y crois pas", "2024-01-08");
  EXPECT_EQ(SpeakerOf(q), "Martine Rochas");
}

TEST_F(ResolutionTest, IncisePronounStaysWithTheSubjectWhenTheSentenceBeforeNamesSomeoneElse) {
  Quotation q = QuotationOf(
      "« Nous tiendrons », a dit Nadia Benamar. Elle a croisé Martine Rochas hier. "
      "« Je n'y crois pas », ajoute-t-elle.",
      "Je n'y crois pas", "2024-01-08");
  EXPECT_EQ(SpeakerOf(q), "Nadia Benamar");
}

TEST_F(ResolutionTest, SurnameOpeningOnAnArticleIsThePersonNamedInFull) {
  Quotation q = QuotationOf(
      "« Nous gagnerons », a déclaré Yannick Le Goff devant ses militants. « Rien n'est joué », a "
      "ajouté Le Goff.",
      "Rien n'est joué", "2024-10-07");
  EXPECT_EQ(SpeakerOf(q), "Yannick Le Goff");
}

TEST_F(ResolutionTest, ClosingIncisePronounIsTheSubjectWhoseClauseTheColonEnds) {
  Quotation q = QuotationOf(
      "La ministre, Odile Varenne, a reçu les syndicats. La négociatrice, Claire Dumont, a quitté "
      "la salle, mais s'est voulue apaisante : « Rien n'est rompu », a-t-elle assuré.",
      "Rien n'est rompu", "2024-02-28");
  EXPECT_EQ(SpeakerOf(q), "Claire Dumont");
}

TEST_F(ResolutionTest, OfficeWithAProperNounIsNotTheLastPersonOfTheStory) {
  Quotation q = QuotationOf(
      "Yannick Abgrall, qui gère un camping, a découvert les dégâts. En déplacement à Brest, "
      "le ministre de l'Intérieur a salué « la mobilisation exceptionnelle » des secours.",
      "la mobilisation exceptionnelle", "2023-11-02");
  EXPECT_NE(SpeakerOf(q), "Yannick Abgrall");
}

TEST_F(ResolutionTest, FormerOfficeWithAProperNounIsStillSomeoneOfTheStory) {
  Quotation q = QuotationOf(
      "Rex Tillerson a achevé sa visite à Moscou. L'ancien patron d'ExxonMobil a jugé la relation "
      "« au plus bas ».",
      "au plus bas", "2017-04-12");
  EXPECT_EQ(SpeakerOf(q), "Rex Tillerson");
}

TEST_F(ResolutionTest, CeDernierSkipsAGroupNamedAfterThePerson) {
  Quotation q = QuotationOf(
      "Le directeur, Olivier Brunet, a dit que les primes des dirigeants seraient gelées. "
      "Ce dernier a jugé les demandes « légitimes ».",
      "légitimes", "2024-01-15");
  EXPECT_EQ(SpeakerOf(q), "Olivier Brunet");
}

TEST_F(ResolutionTest, BodyNamedByItsAdjectiveIsTheLongNameOfItsFirstWordAlone) {
  Quotation q = QuotationOf(
      "L'Autorité portuaire a publié un avis. Dans ce document, l'Autorité juge le projet « trop "
      "coûteux ».",
      "trop coûteux", "2024-01-15");
  EXPECT_EQ(SpeakerOf(q), "Autorité portuaire");
}

TEST_F(ResolutionTest, DemonstrativeNounIsTheUnnamedSourceIntroducedWithIt) {
  Quotation q = QuotationOf(
      "Selon un diplomate occidental, les pays ont travaillé sur un texte. « Rien n'est joué », a "
      "résumé ce diplomate.",
      "Rien n'est joué", "2017-11-22");
  EXPECT_EQ(SpeakerOf(q), "un diplomate occidental");
}

TEST_F(ResolutionTest, OfficeOfOneCountryIsNotWhomTheArticleGaveTheSameOfficeOfAnyCountry) {
  Quotation q = QuotationOf(
      "Le ministre des Affaires étrangères, Milo Radović, a remercié ses partenaires. Le "
      "secrétaire d'État américain a salué « un choix courageux ».",
      "un choix courageux", "2017-06-08");
  EXPECT_EQ(SpeakerOf(q), "Rex Tillerson");
}

TEST_F(ResolutionTest, TextOfAPersonsStatementContinuesIt) {
  Quotation q = QuotationOf(
      "La ministre des Armées a salué dans un communiqué « le courage des secouristes ». « Deux "
      "avions sont prêts », poursuit le texte.",
      "Deux avions sont prêts", "2017-09-20");
  EXPECT_EQ(SpeakerOf(q), "Florence Parly");
}

TEST_F(ResolutionTest, OfficeOfTheSameBodyNamesThePersonNamedWithTheFirst) {
  Quotation q = QuotationOf(
      "La secrétaire générale de l'Unsa-Ferroviaire, Nadia Lebrun, a parlé la première. Son "
      "homologue, Pierre Amsellem, s'est tu. « Nous serons là », a promis la dirigeante de "
      "l'Unsa-Ferroviaire.",
      "Nous serons là", "2023-03-16");
  EXPECT_EQ(SpeakerOf(q), "Nadia Lebrun");
}

TEST_F(ResolutionTest, OfficeWithAPoliticalLeaningIsThePersonOfTheStory) {
  Quotation q = QuotationOf(
      "Le Premier ministre hongrois Viktor Orban a quitté la salle. « Nous nous sommes tenus à "
      "l'écart », a expliqué le dirigeant nationaliste.",
      "Nous nous sommes tenus à l'écart", "2023-12-14");
  EXPECT_EQ(SpeakerOf(q), "Viktor Orban");
}

TEST_F(ResolutionTest, PronounWithNoPersonOfItsGenderIsTheOrganisationSubjectBefore) {
  Quotation q = QuotationOf(
      "Paul Roux a parlé. La Région a pris acte du report. « Chaque année perdue coûte cher », "
      "déplore-t-elle.",
      "Chaque année perdue coûte cher", "2024-02-13");
  EXPECT_EQ(SpeakerOf(q), "Région");
}

TEST_F(ResolutionTest, IncisePronounIsTheOrganisationThatReportedInTheSentenceBefore) {
  Quotation q = QuotationOf(
      "« Tout a été emporté », raconte Sylvie Gourmelon. La préfecture du Morbihan a confirmé la "
      "levée de l'alerte. « Le niveau est redescendu », a-t-elle précisé.",
      "Le niveau est redescendu", "2024-01-12");
  EXPECT_EQ(SpeakerOf(q), "préfecture du Morbihan");
}

TEST_F(ResolutionTest, IncisePronounStaysWithTheWomanWhenTheOrganisationOnlyActed) {
  Quotation q = QuotationOf(
      "« Tout a été emporté », raconte Sylvie Gourmelon. La préfecture a levé l'alerte. « On "
      "repart de zéro », a-t-elle soupiré.",
      "On repart de zéro", "2024-01-12");
  EXPECT_EQ(SpeakerOf(q), "Sylvie Gourmelon");
}

TEST_F(ResolutionTest, SecondDescriptionAfterABracketedPartyNamesTheSamePerson) {
  Quotation q = QuotationOf(
      "Julie Fabre a battu le sortant, Paul Verdier (divers gauche), un pharmacien à la retraite. "
      "« Je le respecte », a reconnu l'ancien pharmacien.",
      "Je le respecte", "2023-03-26");
  EXPECT_EQ(SpeakerOf(q), "Paul Verdier");
}

TEST_F(ResolutionTest, NationalMinisterIsNotTheMinisterOfNoStatedCountryBoundBefore) {
  Quotation q = QuotationOf(
      "Sergueï Lavrov a vu ses homologues. L'Estonie a été réservée. Son ministre des Affaires "
      "étrangères, Urmas Paet, a parlé. Le ministre russe a réclamé « des engagements écrits ».",
      "des engagements écrits", "2009-03-05");
  EXPECT_EQ(SpeakerOf(q), "Sergueï Lavrov");
}

TEST_F(ResolutionTest, CompoundFirstNameTakesTheGenderOfItsFirstPart) {
  Quotation q = QuotationOf(
      "Anne-Sophie Lemarchand a guidé les visiteurs. Le chantier a été confié au verrier Julien "
      "Corbel. « Je n'ai fait que suivre les cartons », a-t-il répondu.",
      "Je n'ai fait que suivre les cartons", "2021-09-19");
  EXPECT_EQ(SpeakerOf(q), "Julien Corbel");
}

TEST_F(ResolutionTest, TitlePereKeepsTheNameInAppositionToTheOffice) {
  Quotation q = QuotationOf(
      "Pour le recteur du sanctuaire, le père Yves Le Guen, « cette foule dit un besoin ».",
      "cette foule dit un besoin", "2022-08-15");
  EXPECT_EQ(SpeakerOf(q), "Yves Le Guen");
}

TEST_F(ResolutionTest, OfficeOfABodyNamedByItsShortNameInBrackets) {
  Quotation q = QuotationOf(
      "Le président de l'Association des maires ruraux (AMR), Gérard Pellerin, a voté. Le chef de "
      "l'AMR a accueilli le résultat. « Nous travaillerons avec elle », a-t-il déclaré.",
      "Nous travaillerons avec elle", "2021-07-02");
  EXPECT_EQ(SpeakerOf(q), "Gérard Pellerin");
}

TEST_F(ResolutionTest, PostAfterAuPosteDeIsNoPersonForCeDernier) {
  Quotation q = QuotationOf(
      "L'assemblée a élu Abdel Karim Salem au poste de Premier ministre. « Notre priorité, ce sont "
      "les salaires », a déclaré ce dernier.",
      "Notre priorité, ce sont les salaires", "2011-10-31");
  EXPECT_EQ(SpeakerOf(q), "Abdel Karim Salem");
}

TEST_F(ResolutionTest, PoliticalLabelAfterTheHeadMakesNoOtherPerson) {
  Quotation q = QuotationOf(
      "Le maire, Paul Roux, a parlé. La maire adjointe, Anne Morel, a répondu. « Nous tiendrons », "
      "sourit l'élue divers gauche.",
      "Nous tiendrons", "2024-06-10");
  EXPECT_EQ(SpeakerOf(q), "Anne Morel");
}

TEST_F(ResolutionTest, PronounAfterAnAssociationIntroducedByItsNounIsTheAssociation) {
  Quotation q = QuotationOf(
      "« Le vote est précipité », a jugé Valérie Roux. L'association Baltic Watch a salué « une "
      "décision lucide ». Elle demande que les itinéraires soient publiés « à l'avance ».",
      "à l'avance", "2023-09-12");
  EXPECT_EQ(SpeakerOf(q), "Baltic Watch");
}

TEST_F(ResolutionTest, BareBodyNounIsAnAnaphorOfTheOrganisationNamedBefore) {
  Quotation q = QuotationOf(
      "La Ligue contre le cancer a salué « une avancée ». « Le tabac tue », insiste l'association.",
      "Le tabac tue", "2025-07-01");
  EXPECT_EQ(SpeakerOf(q), "Ligue contre le cancer");
}

TEST_F(ResolutionTest, PronounThatStoodForAnOrganisationInTheSentenceBeforeStillDoes) {
  Quotation q = QuotationOf(
      "« On voyage debout », témoigne Julie Hennequin. La Société des transports lorrains (STL) "
      "reconnaît la saturation. « Six rames arriveront », indique-t-elle. Selon elle, l'offre "
      "doit augmenter « dès février ».",
      "dès février", "2023-10-05");
  EXPECT_EQ(SpeakerOf(q), "STL");
}

TEST_F(ResolutionTest, BareDescriptionEchoesTheEarlierDescriptionWithItsHead) {
  Quotation q = QuotationOf(
      "Margot Dufresne a gagné. La coureuse de Grenoble parle d'une « course d'usure ». La "
      "directrice, Hélène Carrier, a salué « une belle édition ». La coureuse ne cache pas ses "
      "ambitions. « Je vise le Mont-Blanc », a-t-elle confié.",
      "Je vise le Mont-Blanc", "2024-06-22");
  EXPECT_EQ(SpeakerOf(q), "Margot Dufresne");
}

TEST_F(ResolutionTest, OfficeBeforeAnOfficeWithItsNameIsThatPersonsToo) {
  Quotation q = QuotationOf(
      "Le président de la conférence, le diplomate chilien Rodrigo Alvear, a ouvert la séance. "
      "Selon lui, les négociations sont « au point mort ».",
      "au point mort", "2019-01-21");
  EXPECT_EQ(SpeakerOf(q), "Rodrigo Alvear");
}

TEST_F(ResolutionTest, OfficeAfterANameGovernedByDeAndClosedByARelativeIsHis) {
  Quotation q = QuotationOf(
      "« Rénover coûterait trop cher. » L'argument est de Bertrand Lecomte, le président du syndicat "
      "intercommunal qui gère le bassin. « Nous avons cherché », a répondu le président du syndicat.",
      "Nous avons cherché", "2023-11-09");
  EXPECT_EQ(SpeakerOf(q), "Bertrand Lecomte");
}

TEST_F(ResolutionTest, RankAloneIsTheOfficerNamedWithIt) {
  Quotation q = QuotationOf(
      "L'amiral néerlandais Pieter Hoekstra insiste sur la logistique. « Tout est question de "
      "délais », explique l'amiral.",
      "Tout est question de délais", "2023-10-17");
  EXPECT_EQ(SpeakerOf(q), "Pieter Hoekstra");
}

TEST_F(ResolutionTest, ImpersonalOnSpeaksForTheBodyAfterAu) {
  Quotation q = QuotationOf(
      "« Les stages sont une chance », fait-on valoir au ministère de la Transition professionnelle.",
      "Les stages sont une chance", "2023-10-17");
  EXPECT_EQ(SpeakerOf(q), "ministère de la Transition professionnelle");
}

TEST_F(ResolutionTest, OfficeOfSeveralCountriesGivesNoNationality) {
  Quotation q = QuotationOf(
      "Le drapeau a été hissé en présence de son Premier ministre, Oliver Spasovski. « Notre place "
      "est ici », a-t-il dit. « C'est un aboutissement », a ajouté le dirigeant macédonien.",
      "C'est un aboutissement", "2020-03-27");
  EXPECT_EQ(SpeakerOf(q), "Oliver Spasovski");
}

TEST_F(ResolutionTest, IncisePronounNeverSkipsBackOverAnOfficeThatSpokeUnnamed) {
  Quotation q = QuotationOf(
      "Le maire, Jean Dupuis, a défendu le projet. « Il est prêt », a-t-il déclaré. Même réserve "
      "au "
      "département, où le président du conseil départemental a jugé le calendrier « intenable ». "
      "« On ne fait pas une route en six mois », aurait-il confié à ses proches.",
      "On ne fait pas une route en six mois", "2024-05-14");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, AnotherNounOfThePositionWithAComplementStaysTheNamedPerson) {
  Quotation q = QuotationOf(
      "Le PDG de Valmar, Henri Lussac, a présenté les comptes. « L'export tire la croissance », a "
      "affirmé le patron du fabricant de vannes.",
      "L'export tire la croissance", "2019-02-12");
  EXPECT_EQ(SpeakerOf(q), "Henri Lussac");
}

TEST_F(ResolutionTest, NounOfAnotherPositionWithAComplementIsSomeoneElse) {
  Quotation q = QuotationOf(
      "Le PDG de Valmar, Henri Lussac, a présenté les comptes. « L'export tire la croissance », a "
      "affirmé le délégué du personnel de l'usine.",
      "L'export tire la croissance", "2019-02-12");
  EXPECT_EQ(SpeakerOf(q), kNone);
}

TEST_F(ResolutionTest, SurnameOpeningOnAnArticleAfterATitleKeepsItsArticle) {
  Quotation q = QuotationOf(
      "Selon Mme Le Berre, déléguée du personnel, les salariés restent « inquiets pour la suite ».",
      "inquiets pour la suite", "2023-04-18");
  EXPECT_EQ(SpeakerOf(q), "Le Berre");
}

TEST_F(ResolutionTest, SurnameWithItsArticleAfterATitleIsTheFullNameOfTheArticle) {
  Quotation q = QuotationOf(
      "Yannick Le Goff préside l'association. Selon M. Le Goff, le projet « ne tient pas ».",
      "ne tient pas", "2023-04-18");
  EXPECT_EQ(SpeakerOf(q), "Yannick Le Goff");
}

TEST_F(ResolutionTest, ArticleCapitalisedInsideASentenceIsPartOfTheName) {
  Quotation q = QuotationOf("Selon Le Télégramme, le dossier était « enlisé depuis l'été ».",
                            "enlisé depuis l'été", "2021-02-03");
  EXPECT_EQ(SpeakerOf(q), "Le Télégramme");
}

}  // namespace
}  // namespace guillemet
