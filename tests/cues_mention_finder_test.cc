// Tests of the mention finder: which words of a tiny French sentence may
// name a speaker, of which kind (name, office, epithet, description,
// pronoun), and which office and name stand in apposition. The stages before
// it run as the pipeline chains them, with the real patterns/; every
// sentence holds a quotation, since mentions only matter around one.
// Mentions are read back as text from their token spans.
#include "cues/mention_finder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cues/cue_finder.h"
#include "cues/lexicon.h"
#include "normalize/tokenize.h"
#include "quotes/quote_finder.h"
#include "cues_support.h"

namespace guillemet::cues {
namespace {

using test::Analysed;

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Field;
using ::testing::Not;

// A mention as text, with what the finder says about it.
struct FoundMention {
  std::string words;
  Mention::Kind kind;
  char gender;
  std::string apposed;  // The words of the mention in apposition, or "".
  bool former;
  bool is_org;
};

std::ostream& operator<<(std::ostream& os, const FoundMention& m) {
  return os << "{\"" << m.words << "\", kind " << static_cast<int>(m.kind) << ", gender '"
            << (m.gender ? m.gender : '-') << "', apposed \"" << m.apposed << "\"}";
}

class MentionFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { lexicon_ = &test::SharedLexicon(); }

  static std::unique_ptr<Analysed> Analyse(std::string text) {
    return test::AnalyseThroughMentions(std::move(text));
  }

  static std::string WordsOf(const Analysis& a, const Mention& m) {
    uint32_t begin = a.tokens[m.first_token].span.begin;
    uint32_t end = a.tokens[m.end_token - 1].span.end;
    return std::string(a.text.substr(begin, end - begin));
  }

  static std::vector<FoundMention> Mentions(std::string text) {
    std::unique_ptr<Analysed> an = Analyse(std::move(text));
    const Analysis& a = an->a;
    std::vector<FoundMention> out;
    for (const Mention& m : a.mentions) {
      out.push_back({WordsOf(a, m), m.kind, m.gender,
                     m.apposed >= 0 ? WordsOf(a, a.mentions[m.apposed]) : "", m.former,
                     m.is_org});
    }
    return out;
  }

  static const Lexicon* lexicon_;
};
const Lexicon* MentionFinderTest::lexicon_ = nullptr;

auto IsMention(const std::string& words, Mention::Kind kind) {
  return AllOf(Field(&FoundMention::words, words), Field(&FoundMention::kind, kind));
}

auto HasWords(const std::string& words) { return Field(&FoundMention::words, words); }

// --- Names ----------------------------------------------------------------

TEST_F(MentionFinderTest, NameWithATitle) {
  EXPECT_THAT(Mentions("« Rien ne change », a dit M. Paul Dupont."),
              Contains(IsMention("M. Paul Dupont", Mention::kName)));
}

TEST_F(MentionFinderTest, NameAfterThePrepositionDeStartsAfterIt) {
  EXPECT_THAT(Mentions("Aux yeux de Paul Dupont, c'est « une erreur »."),
              Contains(IsMention("Paul Dupont", Mention::kName)));
  EXPECT_THAT(Mentions("Le discours d'Anne Roy a été « une erreur »."),
              Contains(IsMention("Anne Roy", Mention::kName)));
}

TEST_F(MentionFinderTest, TitleGivesTheGender) {
  EXPECT_THAT(Mentions("« Rien ne change », a dit Mme Dupont."),
              Contains(AllOf(IsMention("Mme Dupont", Mention::kName),
                             Field(&FoundMention::gender, 'f'))));
}

TEST_F(MentionFinderTest, FirstNameGivesTheGender) {
  EXPECT_THAT(Mentions("« Rien ne change », a dit Marie Dupont."),
              Contains(AllOf(IsMention("Marie Dupont", Mention::kName),
                             Field(&FoundMention::gender, 'f'))));
}

TEST_F(MentionFinderTest, NameWithParticles) {
  struct Case {
    const char* text;
    const char* name;
  } cases[] = {
      {"« Rien ne change », a dit Jan van Dijk.", "Jan van Dijk"},
      {"« Rien ne change », a dit Youssef ben Amar.", "Youssef ben Amar"},
      {"« Rien ne change », a dit Ursula von der Leyen.", "Ursula von der Leyen"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Mentions(c.text), Contains(IsMention(c.name, Mention::kName))) << c.text;
  }
}

TEST_F(MentionFinderTest, NameWithAHyphenatedParticle) {
  EXPECT_THAT(Mentions("« Oui », a dit Adel al-Jubeir hier."),
              Contains(IsMention("Adel al-Jubeir", Mention::kName)));
}

TEST_F(MentionFinderTest, NameWithAnInitial) {
  EXPECT_THAT(Mentions("« Rien ne change », a dit Donald J. Trump."),
              Contains(IsMention("Donald J. Trump", Mention::kName)));
}

TEST_F(MentionFinderTest, KnownNameAtTheStartOfALine) {
  EXPECT_THAT(Mentions("Jens Stoltenberg a déclaré « nous partirons »."),
              Contains(IsMention("Jens Stoltenberg", Mention::kName)));
}

TEST_F(MentionFinderTest, LoneCapitalOpeningASentenceIsNoName) {
  EXPECT_THAT(Mentions("Plusieurs heures après, le maire a répondu : « Non »."),
              Not(Contains(HasWords("Plusieurs"))));
}

TEST_F(MentionFinderTest, LoneCapitalOpeningASentenceIsANameIfCapitalisedElsewhere) {
  EXPECT_THAT(Mentions("Selon Paul Garnier, rien ne presse. Garnier a ajouté : « Attendons »."),
              Contains(IsMention("Garnier", Mention::kName)));
}

TEST_F(MentionFinderTest, ClauseBetweenANameAndACommaBreaksTheApposition) {
  EXPECT_THAT(Mentions("Le salon Terres Vives ouvre ses portes, la présidente en visite. « Bienvenue », "
                       "a dit la présidente."),
              Contains(AllOf(HasWords("Terres Vives"), Field(&FoundMention::apposed, ""))));
}

TEST_F(MentionFinderTest, APartyInBracketsStaysInsideAnApposition) {
  EXPECT_THAT(Mentions("« Non », a dit le maire (PS), Jean Roux, hier."),
              Contains(AllOf(HasWords("Jean Roux"), Field(&FoundMention::apposed, "le maire"))));
  EXPECT_THAT(Mentions("« Non », a dit Jean Roux (PS), le maire, hier."),
              Contains(AllOf(HasWords("Jean Roux"), Field(&FoundMention::apposed, "le maire"))));
}

TEST_F(MentionFinderTest, OfficeWithoutArticleAfterAWordIsNotInAppositionToTheNextName) {
  EXPECT_THAT(Mentions("Paul Roux élu président, Rennes conteste le vote."),
              Not(Contains(AllOf(HasWords("Rennes"), Field(&FoundMention::apposed, "président")))));
  EXPECT_THAT(Mentions("Président depuis 2014, Paul Roux a dit « non »."),
              Contains(AllOf(HasWords("Paul Roux"), Field(&FoundMention::apposed, "Président"))));
}

TEST_F(MentionFinderTest, OfficeWithTwoPortfoliosStaysInAppositionToItsName) {
  EXPECT_THAT(Mentions("« Non », a dit la ministre du Logement et de la Ruralité, Anne Roux, hier."),
              Contains(AllOf(HasWords("Anne Roux"),
                             Field(&FoundMention::apposed, "la ministre du Logement et de la Ruralité"))));
}

TEST_F(MentionFinderTest, PartyLabelOfTwoWordsBetweenOfficeAndNameSpeaksForNobody) {
  EXPECT_THAT(Mentions("« Non », a dit le député Rassemblement national Paul Roux, hier."),
              Contains(AllOf(HasWords("Paul Roux"), Field(&FoundMention::apposed, "le député"))));
}

TEST_F(MentionFinderTest, CapitalisedBodyRunsToTheShortNameInBrackets) {
  EXPECT_THAT(Mentions("La Fédération nationale des jardins partagés (Fnjp) a regretté « un gâchis »."),
              Contains(AllOf(HasWords("La Fédération nationale des jardins partagés (Fnjp)"),
                             Field(&FoundMention::is_org, true))));
  // A place in brackets does not shorten the body's name.
  EXPECT_THAT(Mentions("La Fédération nationale des jardins partagés (Rennes) a regretté « un gâchis »."),
              Not(Contains(HasWords("La Fédération nationale des jardins partagés (Rennes)"))));
}

TEST_F(MentionFinderTest, OfficeSpeltInCapitalsIsADescriptionNotAName) {
  EXPECT_THAT(Mentions("« Non », a dit la PDG, Anne Roux, hier."),
              Contains(AllOf(HasWords("la PDG"), Field(&FoundMention::kind, Mention::kDescription),
                             Field(&FoundMention::apposed, "Anne Roux"))));
}

TEST_F(MentionFinderTest, OfficeAlreadyApposedToANameKeepsItAgainstTheUnionAfterIt) {
  EXPECT_THAT(Mentions("« Non », a dit Anne Roux, déléguée CGT de l'usine."),
              Contains(AllOf(HasWords("déléguée"), Field(&FoundMention::apposed, "Anne Roux"))));
}

TEST_F(MentionFinderTest, CapitalisedBodyTakesItsAdjectivesButNotTheVerb) {
  EXPECT_THAT(Mentions("La Fédération portuaire dénonce « un accord injuste »."),
              Contains(AllOf(HasWords("La Fédération portuaire"), Field(&FoundMention::is_org, true))));
}

TEST_F(MentionFinderTest, PortfolioAfterAuBelongsToTheOffice) {
  EXPECT_THAT(Mentions("« Non », a dit le commissaire au Marché intérieur, Paul Roux, hier."),
              Contains(AllOf(HasWords("Paul Roux"),
                             Field(&FoundMention::apposed, "le commissaire au Marché intérieur"))));
}

TEST_F(MentionFinderTest, DemonymBeforeAnUnknownNameIsApposedToIt) {
  EXPECT_THAT(Mentions("L'Italien Tancredi Bersani a dit « non »."),
              Contains(AllOf(HasWords("Tancredi Bersani"), Field(&FoundMention::is_org, false),
                             Field(&FoundMention::apposed, "L'Italien"))));
}

TEST_F(MentionFinderTest, UnnamedSourceAfterSelonIsNotInAppositionToTheNameAfterItsComma) {
  EXPECT_THAT(Mentions("Selon un élu, Claire Roux « n'a plus les voix »."),
              Contains(AllOf(HasWords("Claire Roux"), Field(&FoundMention::apposed, ""))));
  EXPECT_THAT(Mentions("Un élu, Paul Roux, a dit « non »."),
              Contains(AllOf(HasWords("Paul Roux"), Field(&FoundMention::apposed, "Un élu"))));
}

TEST_F(MentionFinderTest, CountryEndingLikeADemonymIsNoPerson) {
  for (const char* text : {"Il connaît l'Ukraine. Il a dit « non ».", "Il connaît l'Irlande. Il a dit « non ».",
                           "Il veut le Groenland. Il a dit « non »."}) {
    EXPECT_THAT(Mentions(text), Not(Contains(Field(&FoundMention::kind, Mention::kDescription)))) << text;
  }
}

TEST_F(MentionFinderTest, NameStartingWithAPlaceNounIsNoPerson) {
  EXPECT_THAT(Mentions("Lycée Condorcet : la proviseure a dit « non »."),
              Contains(AllOf(HasWords("Lycée Condorcet"), Field(&FoundMention::is_org, true))));
}

TEST_F(MentionFinderTest, OfficeWithAnOrganisationInItsComplementIsApposedToTheName) {
  EXPECT_THAT(Mentions("L'ambassadeur de Russie auprès de l'Alliance, Oleg Tchernov, a dit « non »."),
              Contains(AllOf(HasWords("Oleg Tchernov"), Field(&FoundMention::apposed, "L'ambassadeur de Russie auprès de l'Alliance"))));
}

TEST_F(MentionFinderTest, EpithetNounWithANationalityIsADescription) {
  EXPECT_THAT(Mentions("Le diplomate russe a dénoncé « une provocation »."),
              Contains(AllOf(HasWords("Le diplomate russe"), Field(&FoundMention::kind, Mention::kDescription))));
}

TEST_F(MentionFinderTest, ComplementKeepsAProperNounOfSeveralCapitalisedWords) {
  EXPECT_THAT(Mentions("La direction de SNCF Voyageurs a regretté « ce mouvement »."),
              Contains(HasWords("La direction de SNCF Voyageurs")));
  // A first name after the complement starts the name of the office's holder.
  EXPECT_THAT(Mentions("« Non », a dit le patron du Pentagone Jeff Davis, hier."),
              Contains(HasWords("Jeff Davis")));
}

TEST_F(MentionFinderTest, DescriptionStopsBeforeAReflexivePronoun) {
  EXPECT_THAT(Mentions("Le technicien se défend : « Non »."), Contains(HasWords("Le technicien")));
}

TEST_F(MentionFinderTest, UnnamedSourceKeepsWhereItServes) {
  EXPECT_THAT(Mentions("« Non », a dit un ambassadeur auprès de l'Union européenne."),
              Contains(HasWords("un ambassadeur auprès de l'Union européenne")));
  EXPECT_THAT(Mentions("« Non », a dit un diplomate en poste à Bruxelles."),
              Contains(HasWords("un diplomate en poste à Bruxelles")));
}

TEST_F(MentionFinderTest, NameAfterDeIsNotInAppositionToTheNextOffice) {
  EXPECT_THAT(Mentions("Interrogé sur les propos de M. Dupont, le porte-parole a répondu : « Non »."),
              Not(Contains(Field(&FoundMention::apposed, "le porte-parole"))));
}

TEST_F(MentionFinderTest, InstitutionKeepsTheAdjectiveOfItsPluralName) {
  EXPECT_THAT(Mentions("Le ministère des Affaires étrangères a dénoncé « une provocation »."),
              Contains(HasWords("Le ministère des Affaires étrangères")));
  EXPECT_THAT(Mentions("La préfecture de la Vienne invoque « la sécurité »."),
              Contains(HasWords("La préfecture de la Vienne")));
}

TEST_F(MentionFinderTest, InstitutionNameKeepsItsLowercaseAdjective) {
  EXPECT_THAT(Mentions("Le Conseil constitutionnel a jugé la loi « conforme »."),
              Contains(HasWords("Le Conseil constitutionnel")));
  EXPECT_THAT(Mentions("Le Conseil estime que « rien ne s'y oppose »."),
              Contains(HasWords("Le Conseil")));
}

TEST_F(MentionFinderTest, SecondHalfOfACamelCaseWordIsNoName) {
  EXPECT_THAT(Mentions("L'ancien patron d'ExxonMobil a dit « non »."),
              Not(Contains(HasWords("Mobil"))));
}

// Instead: only "Dupont" is found (without the gender of "Paul"): a name unknown
// to the knowledge base loses its first word when it starts a line.
TEST_F(MentionFinderTest, UnknownNameAtTheStartOfALineKeepsItsFirstWord) {
  EXPECT_THAT(Mentions("Paul Dupont a déclaré « nous partirons »."),
              Contains(AllOf(IsMention("Paul Dupont", Mention::kName),
                             Field(&FoundMention::gender, 'm'))));
  EXPECT_THAT(Mentions("Le maire est venu.\nPaul Dupont a déclaré « nous partirons »."),
              Contains(IsMention("Paul Dupont", Mention::kName)));
}

TEST_F(MentionFinderTest, FirstNameStartsANewName) {
  std::vector<FoundMention> mentions =
      Mentions("« Nous partirons », a écrit sur sa page Facebook Christian Dupont.");
  EXPECT_THAT(mentions, Contains(IsMention("Christian Dupont", Mention::kName)));
  EXPECT_THAT(mentions, Not(Contains(HasWords("Facebook Christian Dupont"))));
}

TEST_F(MentionFinderTest, CountryWithAnArticleIsAnOrganisationNotAPerson) {
  EXPECT_THAT(Mentions("« Tout va bien », a assuré la Russie."),
              Contains(AllOf(IsMention("la Russie", Mention::kName),
                             Field(&FoundMention::is_org, true))));
}

TEST_F(MentionFinderTest, NameAfterAIsAPlace) {
  EXPECT_THAT(Mentions("« Tout va bien », a dit un diplomate à Ankara."),
              Contains(AllOf(HasWords("Ankara"), Field(&FoundMention::is_org, true))));
}

// --- Offices and appositions ----------------------------------------------

TEST_F(MentionFinderTest, OfficeThenNameInApposition) {
  EXPECT_THAT(
      Mentions("« Nous partirons », a déclaré le secrétaire général de l'Otan, Jens Stoltenberg."),
      Contains(AllOf(IsMention("le secrétaire général de l'Otan", Mention::kRole),
                     Field(&FoundMention::apposed, "Jens Stoltenberg"))));
}

TEST_F(MentionFinderTest, OfficeSkipsAPartyLabelToReachTheNameAfterIt) {
  EXPECT_THAT(Mentions("« Non », a répondu la députée PS Hélène Carvalho."),
              Contains(AllOf(IsMention("la députée", Mention::kDescription),
                             Field(&FoundMention::apposed, "Hélène Carvalho"))));
}

TEST_F(MentionFinderTest, NameThenOfficeInApposition) {
  EXPECT_THAT(
      Mentions("Jens Stoltenberg, secrétaire général de l'Otan, a déclaré « nous partirons »."),
      Contains(AllOf(IsMention("Jens Stoltenberg", Mention::kName),
                     Field(&FoundMention::apposed, "secrétaire général de l'Otan"))));
}

TEST_F(MentionFinderTest, OfficeDirectlyBeforeAName) {
  EXPECT_THAT(Mentions("« Nous partirons », a déclaré le patron de l'Otan Jens Stoltenberg."),
              Contains(AllOf(IsMention("le patron de l'Otan", Mention::kRole),
                             Field(&FoundMention::apposed, "Jens Stoltenberg"))));
}

TEST_F(MentionFinderTest, FormerOfficeIsMarked) {
  EXPECT_THAT(
      Mentions("« Nous partirons », a déclaré l'ancien secrétaire général de l'Otan."),
      Contains(AllOf(IsMention("l'ancien secrétaire général de l'Otan", Mention::kRole),
                     Field(&FoundMention::former, true))));
}

// --- Epithets and descriptions --------------------------------------------

TEST_F(MentionFinderTest, EpithetThatStartsWithAncienIsWhole) {
  EXPECT_THAT(Mentions("« Oui », a dit l'ancien agent du KGB."),
              Contains(IsMention("l'ancien agent du KGB", Mention::kEpithet)));
}

TEST_F(MentionFinderTest, EpithetWithADefiniteArticle) {
  EXPECT_THAT(Mentions("« Nous partirons », a dit le Norvégien."),
              Contains(IsMention("le Norvégien", Mention::kEpithet)));
}

TEST_F(MentionFinderTest, EpithetNeedsADefiniteArticle) {
  EXPECT_THAT(Mentions("« Nous partirons », a dit un Norvégien."),
              Not(Contains(Field(&FoundMention::kind, Mention::kEpithet))));
}

TEST_F(MentionFinderTest, DescriptionOfAnUnnamedSource) {
  EXPECT_THAT(Mentions("« Nous partirons », a dit un diplomate européen."),
              Contains(IsMention("un diplomate européen", Mention::kDescription)));
}

TEST_F(MentionFinderTest, DescriptionKeepsItsComplementsWhole) {
  std::vector<FoundMention> mentions =
      Mentions("« Nous partirons », a dit un porte-parole du département d'État américain.");
  EXPECT_THAT(mentions, Contains(HasWords("un porte-parole du département d'État américain")));
  EXPECT_THAT(mentions, Not(Contains(HasWords("État"))));
}

TEST_F(MentionFinderTest, CommuniqueIsADocumentOfAnOrganisation) {
  EXPECT_THAT(Mentions("« Nous partirons », affirme le communiqué."),
              Contains(AllOf(IsMention("le communiqué", Mention::kDescription),
                             Field(&FoundMention::is_org, true))));
}

TEST_F(MentionFinderTest, AVerbThatReportsNothingEndsADescription) {
  EXPECT_THAT(Mentions("Un éleveur reste prudent : « Tout dépendra des prix. »"),
              Contains(HasWords("Un éleveur")));
}

TEST_F(MentionFinderTest, AnImperfectOrConditionalEndingEndsADescription) {
  EXPECT_THAT(Mentions("Un retraité de Granville restait sur sa faim : « Rien. »"),
              Contains(HasWords("Un retraité de Granville")));
  EXPECT_THAT(Mentions("Son conseil d'administration examinerait le texte, selon un porte-parole."),
              Not(Contains(HasWords("Son conseil d'administration examinerait"))));
  // "satisfait", "distrait": adjectives, though they end in -ait.
  EXPECT_THAT(Mentions("Un client satisfait a déclaré : « Les prix sont bas. »"),
              Contains(HasWords("Un client satisfait")));
}

TEST_F(MentionFinderTest, APluralParticipleAfterDesIsANounOfTheDescription) {
  EXPECT_THAT(Mentions("« Rien », a répliqué un avocat des accusés."),
              Contains(HasWords("un avocat des accusés")));
}

// --- Pronouns -------------------------------------------------------------

TEST_F(MentionFinderTest, Pronouns) {
  struct Case {
    const char* text;
    const char* pronoun;
    char gender;
  } cases[] = {
      {"« Nous partirons », a-t-il dit.", "-t-il", 'm'},
      {"« Nous partirons », dit-elle.", "-elle", 'f'},
      {"Elle a dit « nous partirons ».", "Elle", 'f'},
      {"Il a dit « nous partirons ».", "Il", 'm'},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Mentions(c.text), Contains(AllOf(IsMention(c.pronoun, Mention::kPronoun),
                                                 Field(&FoundMention::gender, c.gender))))
        << c.text;
  }
}

TEST_F(MentionFinderTest, CeDernierIsAPronounWithAGender) {
  EXPECT_THAT(Mentions("« Nous partirons », a répondu ce dernier."),
              Contains(AllOf(IsMention("ce dernier", Mention::kPronoun),
                             Field(&FoundMention::gender, 'm'))));
  EXPECT_THAT(Mentions("« Nous partirons », a répondu cette dernière."),
              Contains(AllOf(IsMention("cette dernière", Mention::kPronoun),
                             Field(&FoundMention::gender, 'f'))));
}

TEST_F(MentionFinderTest, StressedPronounAfterSelon) {
  EXPECT_THAT(Mentions("« Tout va bien », selon lui."),
              Contains(AllOf(IsMention("lui", Mention::kPronoun),
                             Field(&FoundMention::gender, 'm'))));
}

TEST_F(MentionFinderTest, StressedPronounElsewhereIsNoMention) {
  EXPECT_THAT(Mentions("Il a parlé avec lui de « la paix »."),
              Not(Contains(HasWords("lui"))));
}

TEST_F(MentionFinderTest, NoMentionInsideAQuotation) {
  EXPECT_THAT(Mentions("Il a dit « Paul Dupont est parti »."),
              Not(Contains(HasWords("Paul Dupont"))));
}

TEST_F(MentionFinderTest, ImpersonalIlIsNoMention) {
  EXPECT_THAT(Mentions("Il faut dire que le sentier était glissant."), Not(Contains(HasWords("Il"))));
  EXPECT_THAT(Mentions("Il n'y a pas eu de blessé."), Not(Contains(HasWords("Il"))));
  EXPECT_THAT(Mentions("Il y avait défendu une alliance « solide »."), Contains(HasWords("Il")));
}

TEST_F(MentionFinderTest, PlaceBeforeTheWritersPostIsADatelineNoPerson) {
  EXPECT_THAT(Mentions("Titre\n\nConcarneau, envoyé spécial\n\nLe port de Concarneau est calme."),
              AllOf(Contains(AllOf(HasWords("Concarneau"), Field(&FoundMention::is_org, true))),
                    Not(Contains(HasWords("envoyé spécial")))));
}

TEST_F(MentionFinderTest, FirstNameAndSurnameAfterAAreAPerson) {
  EXPECT_THAT(Mentions("La victoire revient à Maxime Trémeur."),
              Contains(AllOf(HasWords("Maxime Trémeur"), Field(&FoundMention::is_org, false))));
  EXPECT_THAT(Mentions("Il est arrivé à Saint-Malo."),
              Contains(AllOf(HasWords("Saint-Malo"), Field(&FoundMention::is_org, true))));
}

TEST_F(MentionFinderTest, BodyRunsOverProperNounsToItsShortName) {
  EXPECT_THAT(Mentions("« Les réseaux s'adaptent », avertit l'Office des Nations unies contre la drogue et le "
                       "crime (ONUDC) dans un rapport."),
              Contains(AllOf(HasWords("l'Office des Nations unies contre la drogue et le crime (ONUDC)"),
                             Field(&FoundMention::is_org, true))));
}

TEST_F(MentionFinderTest, CapitalisedBodyNounWithALowercaseComplementIsAName) {
  EXPECT_THAT(Mentions("« C'est rare », s'est félicitée la Fondation du patrimoine dans un communiqué."),
              Contains(AllOf(HasWords("la Fondation du patrimoine"), Field(&FoundMention::is_org, true))));
}

TEST_F(MentionFinderTest, NameInAppositionToAnOrganisationIsThatOrganisation) {
  EXPECT_THAT(Mentions("La société organisatrice, Neuvième Art Production, a annoncé « une édition »."),
              Contains(AllOf(HasWords("Neuvième Art Production"), Field(&FoundMention::is_org, true))));
}

TEST_F(MentionFinderTest, OrganisationNameGoesOnWithLowercaseWordsBeforeARelativeClause) {
  EXPECT_THAT(Mentions("Le collectif Vilaine au naturel, qui regroupe dix associations, réclame « une enquête »."),
              Contains(AllOf(HasWords("Le collectif Vilaine au naturel"), Field(&FoundMention::is_org, true))));
  EXPECT_THAT(Mentions("Le groupe Vaudrecourt fermera en mars, a annoncé « la direction »."),
              Contains(HasWords("Le groupe Vaudrecourt")));
}

TEST_F(MentionFinderTest, NameAfterALowercasePlaceNounIsThePlace) {
  EXPECT_THAT(Mentions("À l'arrêt Chamars-Rivière, une lycéenne de 16 ans attend. « Rien », dit-elle."),
              AllOf(Contains(AllOf(HasWords("Chamars-Rivière"), Field(&FoundMention::is_org, true))),
                    Contains(HasWords("une lycéenne de 16 ans"))));
}

}  // namespace
}  // namespace guillemet::cues
