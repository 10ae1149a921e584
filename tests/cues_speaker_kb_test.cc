// Tests of the speaker knowledge base: look-ups against the real
// patterns/speakers.jsonl and roles.tsv (the facts the extractor relies on),
// then {org:ID} expansion and every load error on small pattern files
// written to a temporary directory, pinning the exact "path:line: ..." text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cues/speaker_kb.h"

namespace guillemet::cues {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Ids(const std::vector<const Speaker*>& speakers) {
  std::vector<std::string> ids;
  for (const Speaker* s : speakers) ids.push_back(s->id);
  return ids;
}

// The real knowledge base, loaded once for the whole suite.
class RealKbTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    kb_ = new SpeakerKb;
    Status status = SpeakerKb::Load(GUILLEMET_SOURCE_DIR "/patterns", kb_);
    ASSERT_TRUE(status.ok()) << status.message();
  }
  static void TearDownTestSuite() {
    delete kb_;
    kb_ = nullptr;
  }
  static std::vector<std::string> HolderIds(const char* role, const char* date) {
    return Ids(kb_->HoldersOn(role, date));
  }
  static SpeakerKb* kb_;
};
SpeakerKb* RealKbTest::kb_ = nullptr;

TEST_F(RealKbTest, NatoSecretaryGeneralFollowsTheHandOvers) {
  EXPECT_THAT(HolderIds("nato-secretary-general", "2017-05-25"), ElementsAre("jens-stoltenberg"));
  EXPECT_THAT(HolderIds("nato-secretary-general", "2024-11-01"), ElementsAre("mark-rutte"));
  EXPECT_THAT(HolderIds("nato-secretary-general", "2014-09-30"),
              ElementsAre("anders-fogh-rasmussen"));
  EXPECT_THAT(HolderIds("nato-secretary-general", "2014-10-01"), ElementsAre("jens-stoltenberg"));
  EXPECT_THAT(HolderIds("nato-secretary-general", "2024-09-30"), ElementsAre("jens-stoltenberg"));
}

// "son secrétaire général" after "l'Otan": the office an organisation's
// possessive names is the one whose phrases write that organisation.
TEST_F(RealKbTest, TiesAnOfficeToTheOrganisationItsPhrasesName) {
  EXPECT_TRUE(kb_->RoleOfOrganisation("nato-secretary-general", "otan"));
  EXPECT_FALSE(kb_->RoleOfOrganisation("un-secretary-general", "otan"));
  EXPECT_TRUE(kb_->RoleOfOrganisation("un-secretary-general", "onu"));
  EXPECT_FALSE(kb_->RoleOfOrganisation("no-such-role", "otan"));
}

// The file's own rule, so that a linguist finds a person where the
// header says: within each "#" section, lines sorted by id.
TEST(PatternsSpeakers, AreSortedByIdWithinEachSection) {
  std::ifstream in(GUILLEMET_SOURCE_DIR "/patterns/speakers.jsonl");
  ASSERT_TRUE(in);
  std::string line, previous;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("#", 0) == 0 || line.empty()) {
      previous.clear();
      continue;
    }
    const size_t start = line.find("\"id\": \"");
    ASSERT_NE(start, std::string::npos) << "line " << number;
    const size_t from = start + 7;
    const std::string id = line.substr(from, line.find('"', from) - from);
    EXPECT_LT(previous, id) << "line " << number;
    previous = id;
  }
}

TEST_F(RealKbTest, TillersonIsSecretaryOfStateUntilMarch2018Only) {
  EXPECT_THAT(HolderIds("us-secretary-of-state", "2018-02-16"), ElementsAre("rex-tillerson"));
  EXPECT_THAT(HolderIds("us-secretary-of-state", "2018-05-01"), Not(Contains("rex-tillerson")));
  EXPECT_THAT(HolderIds("us-secretary-of-state", "2018-05-01"), ElementsAre("mike-pompeo"));
}

TEST_F(RealKbTest, TimestampIsCutToItsDate) {
  EXPECT_THAT(HolderIds("us-secretary-of-state", "2018-02-16T11:59:00Z"),
              ElementsAre("rex-tillerson"));
}

TEST_F(RealKbTest, NoDateOrABadDateHasNoHolder) {
  EXPECT_THAT(HolderIds("us-president", ""), IsEmpty());
  EXPECT_THAT(HolderIds("us-president", "2018-02-30"), IsEmpty());
  EXPECT_THAT(HolderIds("us-president", "hier"), IsEmpty());
  EXPECT_THAT(HolderIds("no-such-role", "2018-02-16"), IsEmpty());
}

TEST_F(RealKbTest, TrumpHoldsBothTermsButNotTheGap) {
  const Speaker* trump = kb_->FindById("donald-trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_TRUE(SpeakerKb::Holds(*trump, "us-president", "2018-02-16"));
  EXPECT_FALSE(SpeakerKb::Holds(*trump, "us-president", "2022-06-01"));
  EXPECT_TRUE(SpeakerKb::Holds(*trump, "us-president", "2025-06-01"));
  EXPECT_TRUE(SpeakerKb::Holds(*trump, "us-president", ""));  // Ever.
  EXPECT_FALSE(SpeakerKb::Holds(*trump, "us-secretary-of-state", ""));
  EXPECT_FALSE(SpeakerKb::Holds(*trump, "us-president", "not a date"));
}

// Shoigu's departure is recorded as "2024-05": every day of May counts, so
// a May date yields both ministers and the caller sees the ambiguity.
TEST_F(RealKbTest, MonthOnlyHandOverYieldsBothHolders) {
  EXPECT_THAT(HolderIds("russia-defense-minister", "2024-05-20"),
              UnorderedElementsAre("serguei-choigou", "andrei-belooussov"));
  EXPECT_THAT(HolderIds("russia-defense-minister", "2024-06-01"), ElementsAre("andrei-belooussov"));
}

TEST_F(RealKbTest, SoltenbergIsClosestToJensStoltenberg) {
  const Speaker* closest = kb_->FindClosest("Soltenberg", 2);
  ASSERT_NE(closest, nullptr);
  EXPECT_EQ(closest->name, "Jens Stoltenberg");
  EXPECT_EQ(kb_->FindClosest("Soltenberg", 0), nullptr);
  EXPECT_EQ(kb_->FindClosest("Xyzzyplugh", 2), nullptr);
}

TEST_F(RealKbTest, ANameThatDiffersByAnInitialIsAnotherName) {
  EXPECT_EQ(kb_->FindClosest("Michel Garnier", 2), nullptr);
  EXPECT_EQ(kb_->FindClosest("Moltenberg", 2), nullptr);
  ASSERT_NE(kb_->FindClosest("Jens Soltenberg", 2), nullptr);
}

TEST_F(RealKbTest, JohnKellyIsNotAMisspeltJohnKerry) {
  // Two letters from « John Kerry » as a whole, but each word is spelt right.
  const Speaker* kelly = kb_->FindClosest("John Kelly", 2);
  ASSERT_NE(kelly, nullptr);
  EXPECT_EQ(kelly->name, "John Kelly");
  EXPECT_EQ(kb_->FindClosest("Jean Kerry", 2), nullptr);
  ASSERT_NE(kb_->FindClosest("Rex Tilerson", 2), nullptr);
  EXPECT_EQ(kb_->FindClosest("Rex Tilerson", 2)->name, "Rex Tillerson");
}

// An organisation's name is compared without its article, so that its
// initial is the one after "la ", not the "l" of the article.
TEST_F(RealKbTest, MisspeltOrganisationAfterItsArticleIsFound) {
  const Speaker* commission = kb_->FindClosest("la Comission europ\xC3\xA9" "enne", 2);
  ASSERT_NE(commission, nullptr);
  EXPECT_EQ(commission->id, "commission-europeenne");
  EXPECT_EQ(kb_->FindClosest("la Somission europ\xC3\xA9" "enne", 2), nullptr);
}

TEST_F(RealKbTest, CavusogluWithoutDiacriticsFindsCavusoglu) {
  EXPECT_THAT(Ids(kb_->FindByName("cavusoglu")), ElementsAre("mevlut-cavusoglu"));
  EXPECT_THAT(Ids(kb_->FindByName("Mevlut Cavusoglu")), ElementsAre("mevlut-cavusoglu"));
  EXPECT_THAT(Ids(kb_->FindBySurname("CAVUSOGLU")), ElementsAre("mevlut-cavusoglu"));
  EXPECT_EQ(kb_->FindById("mevlut-cavusoglu")->name, "Mevlüt Çavuşoğlu");
}

TEST_F(RealKbTest, AliasesFromTheBrief) {
  EXPECT_THAT(Ids(kb_->FindByName("Putin")), ElementsAre("vladimir-poutine"));
  EXPECT_THAT(Ids(kb_->FindByName("Jim Mattis")), ElementsAre("james-mattis"));
  EXPECT_THAT(Ids(kb_->FindByName("Donald J. Trump")), ElementsAre("donald-trump"));
  EXPECT_THAT(Ids(kb_->FindByName("Zelenski")), ElementsAre("volodymyr-zelensky"));
  EXPECT_THAT(Ids(kb_->FindByName("Ine Eriksen Soreide")), ElementsAre("ine-eriksen-soreide"));
  EXPECT_EQ(kb_->FindById("vladimir-poutine")->name, "Vladimir Poutine");
}

TEST_F(RealKbTest, PatronDeLOtanNamesNatoSecretaryGeneral) {
  EXPECT_THAT(kb_->RolesOfPhrase("le patron de l'OTAN"), ElementsAre("nato-secretary-general"));
  EXPECT_THAT(kb_->RolesOfPhrase("secrétaire général de l’Alliance atlantique"),
              ElementsAre("nato-secretary-general"));
  EXPECT_THAT(kb_->RolesOfPhrase("chef du Pentagone"), ElementsAre("us-secretary-of-defense"));
  EXPECT_THAT(kb_->RolesOfPhrase("secrétaire d'Etat américain"),
              ElementsAre("us-secretary-of-state"));
  EXPECT_THAT(kb_->RolesOfPhrase("porte-parole du Kremlin"),
              ElementsAre("russia-kremlin-spokesperson"));
  EXPECT_THAT(kb_->RolesOfPhrase("la chancelière"), ElementsAre("germany-chancellor"));
  EXPECT_THAT(kb_->RolesOfPhrase("le chancelier de l'Échiquier"), IsEmpty());
}

TEST_F(RealKbTest, UnqualifiedPhraseNamesEveryMatchingOffice) {
  EXPECT_THAT(kb_->RolesOfPhrase("le secrétaire général"),
              UnorderedElementsAre("nato-secretary-general", "un-secretary-general"));
  std::vector<std::string> ministers = kb_->RolesOfPhrase("ministre des Affaires étrangères");
  EXPECT_THAT(ministers, Contains("turkey-foreign-minister"));
  EXPECT_THAT(ministers, Contains("norway-foreign-minister"));
  // French copy calls the American « secrétaire d'État »: only the qualified
  // « ministre américain des Affaires étrangères » names that office.
  EXPECT_THAT(ministers, Not(Contains("us-secretary-of-state")));
}

TEST_F(RealKbTest, OrganisationNamesIgnoreTheirArticle) {
  EXPECT_THAT(Ids(kb_->FindByName("l'Alliance atlantique")), ElementsAre("otan"));
  EXPECT_THAT(Ids(kb_->FindByName("Otan")), ElementsAre("otan"));
  EXPECT_THAT(Ids(kb_->FindByName("l'OTAN")), ElementsAre("otan"));
  EXPECT_THAT(Ids(kb_->FindByName("le Pentagone")), ElementsAre("pentagone"));
  EXPECT_THAT(Ids(kb_->FindByName("Quai d’Orsay")), ElementsAre("quai-d-orsay"));
  EXPECT_TRUE(kb_->FindById("otan")->is_org);
}

TEST_F(RealKbTest, AliasEndingTheNameIsASurname) {
  EXPECT_THAT(Ids(kb_->FindBySurname("Le Drian")), ElementsAre("jean-yves-le-drian"));
  EXPECT_THAT(Ids(kb_->FindBySurname("von der Leyen")), ElementsAre("ursula-von-der-leyen"));
  EXPECT_THAT(Ids(kb_->FindBySurname("Stoltenberg")), ElementsAre("jens-stoltenberg"));
  EXPECT_THAT(kb_->FindBySurname("Otan"), IsEmpty());  // Organisations have no surname.
}

TEST_F(RealKbTest, EpithetsIgnoreTheirArticle) {
  EXPECT_THAT(Ids(kb_->FindByEpithet("l’ex-PDG d'ExxonMobil")), ElementsAre("rex-tillerson"));
  EXPECT_THAT(Ids(kb_->FindByEpithet("le général Mattis")), ElementsAre("james-mattis"));
  EXPECT_THAT(Ids(kb_->FindByEpithet("Norvégien")), Contains("jens-stoltenberg"));
  EXPECT_THAT(kb_->FindByEpithet("le Martien"), IsEmpty());
}

TEST_F(RealKbTest, EveryPersonHasAGenderAndExpandedPhrasesAreClean) {
  for (const Speaker& speaker : kb_->speakers()) {
    if (!speaker.is_org) {
      EXPECT_NE(speaker.gender, 0) << speaker.id;
    }
  }
  std::vector<std::string> phrases;
  for (const RolePhrase& phrase : kb_->role_phrases()) {
    EXPECT_EQ(phrase.phrase.find('{'), std::string::npos) << phrase.phrase;
    EXPECT_EQ(phrase.phrase.find("de le "), std::string::npos) << phrase.phrase;
    EXPECT_EQ(phrase.phrase.find("de les "), std::string::npos) << phrase.phrase;
    phrases.push_back(phrase.phrase);
  }
  EXPECT_THAT(phrases, Contains("secrétaire général de l'Otan"));
  EXPECT_THAT(phrases, Contains("chef du Pentagone"));
}

// Pattern files written to a fresh temporary directory.
class SmallKbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "speaker_kb_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const char* file, const std::string& text) {
    std::ofstream(dir_ + "/" + file) << text;
  }
  // Loads speakers.jsonl and roles.tsv made of these texts; returns the
  // error message, or "" on success.
  std::string Load(const std::string& speakers, const std::string& roles) {
    Write("speakers.jsonl", speakers);
    Write("roles.tsv", roles);
    Status status = SpeakerKb::Load(dir_, &kb_);
    return status.ok() ? "" : status.message();
  }
  std::vector<std::string> Phrases() const {
    std::vector<std::string> phrases;
    for (const RolePhrase& p : kb_.role_phrases()) phrases.push_back(p.phrase);
    return phrases;
  }

  std::string dir_;
  SpeakerKb kb_;
};

const char kPerson[] =
    R"({"id": "ann-smith", "name": "Ann Smith", "type": "person", "gender": "f", )"
    R"("roles": [{"role": "boss", "start": "2001-02-03"}]})"
    "\n";

TEST_F(SmallKbTest, OrgPlaceholderTakesEachFormWithContractedArticle) {
  std::string speakers = std::string(kPerson) +
                         R"({"id": "pent", "name": "Pentagone", "type": "org", )"
                         R"("aliases": ["le Pentagone", "Pentagon", "les Services"]})"
                         "\n"
                         R"({"id": "ana", "name": "Anadolu", "type": "org"})"
                         "\n";
  ASSERT_EQ(Load(speakers,
                 "boss\tchef de {org:pent}\n"
                 "boss\tcorrespondant de {org:ana}\n"
                 "boss\tdélégué à {org:pent}\n"
                 "boss\t{org:pent} en chef\n"),
            "");
  EXPECT_THAT(Phrases(),
              ElementsAre("chef du Pentagone", "chef des Services", "correspondant d'Anadolu",
                          "délégué au Pentagone", "délégué aux Services", "Pentagone en chef",
                          "Services en chef"));
  EXPECT_THAT(kb_.role_phrases()[2].line, 2);
}

TEST_F(SmallKbTest, TwoSpeakersEquallyCloseGiveNoClosest) {
  ASSERT_EQ(Load(R"({"id": "ann-brennan", "name": "Ann Brennan", "type": "person"})"
                 "\n"
                 R"({"id": "bob-brennan", "name": "Bob Brennan", "type": "person"})"
                 "\n",
                 "boss\tpatron\n"),
            "");
  EXPECT_EQ(kb_.FindClosest("Brenan", 1), nullptr);
  EXPECT_EQ(kb_.FindClosest("Bob Brenan", 1)->id, "bob-brennan");
  EXPECT_THAT(Ids(kb_.FindBySurname("brennan")), ElementsAre("ann-brennan", "bob-brennan"));
}

TEST_F(SmallKbTest, AWordOfFiveLettersIsNeverAnothersMisspelling) {
  ASSERT_EQ(Load(std::string(kPerson), "boss\tpatron\n"), "");
  // Within two letters of « Ann Smith » as a whole, but « Smyth » is
  // another surname.
  EXPECT_EQ(kb_.FindClosest("Ann Smyth", 2), nullptr);
  EXPECT_EQ(kb_.FindClosest("Smyth", 2), nullptr);
}

TEST_F(SmallKbTest, CommentsAndBlankLinesAreSkippedButCounted) {
  ASSERT_EQ(Load("# people\n\n" + std::string(kPerson), "# roles\n\nboss\tpatron\n"), "");
  ASSERT_EQ(kb_.speakers().size(), 1u);
  EXPECT_EQ(kb_.speakers()[0].line, 3);
  EXPECT_EQ(kb_.role_phrases()[0].line, 3);
}

TEST_F(SmallKbTest, FailedLoadLeavesTheKbEmpty) {
  ASSERT_EQ(Load(kPerson, "boss\tpatron\n"), "");
  ASSERT_NE(Load("{", "boss\tpatron\n"), "");
  EXPECT_THAT(kb_.speakers(), IsEmpty());
  EXPECT_EQ(kb_.FindById("ann-smith"), nullptr);
}

TEST_F(SmallKbTest, MalformedJsonNamesItsLine) {
  EXPECT_THAT(Load(std::string(kPerson) + "{\"id\": \"x\",\n", "boss\tpatron\n"),
              StartsWith(dir_ + "/speakers.jsonl:2: invalid JSON: "));
}

TEST_F(SmallKbTest, MissingFileIsReported) {
  std::filesystem::remove(dir_ + "/roles.tsv");
  Write("speakers.jsonl", kPerson);
  Status status = SpeakerKb::Load(dir_, &kb_);
  EXPECT_EQ(status.message(), dir_ + "/roles.tsv: cannot open: No such file or directory");
}

// One bad line each, with the exact message it must give.
struct ErrorCase {
  const char* what;
  std::string speakers;
  std::string roles;
  std::string message;  // After "<dir>/".
};

TEST_F(SmallKbTest, EachMistakeGivesItsMessage) {
  const std::string person = kPerson;
  const std::string roles = "boss\tpatron\n";
  const std::vector<ErrorCase> cases = {
      {"not an object", "[1, 2]\n", roles, "speakers.jsonl:1: a line must be one JSON object"},
      {"unknown field",
       R"({"id": "a", "name": "A", "type": "person", "alias": ["B"]})"
       "\n",
       roles, R"(speakers.jsonl:1: unknown field "alias")"},
      {"aliases not an array",
       R"({"id": "a", "name": "A", "type": "person", "aliases": "B"})"
       "\n",
       roles, R"(speakers.jsonl:1: field "aliases" must be an array of non-empty strings)"},
      {"name not a string",
       R"({"id": "a", "name": 3, "type": "person"})"
       "\n",
       roles, R"(speakers.jsonl:1: field "name" must be a string)"},
      {"field twice",
       R"({"id": "a", "name": "A", "name": "B", "type": "person"})"
       "\n",
       roles, R"(speakers.jsonl:1: field "name" appears twice)"},
      {"missing type",
       R"({"id": "a", "name": "A"})"
       "\n",
       roles, R"(speakers.jsonl:1: missing field "type")"},
      {"bad type",
       R"({"id": "a", "name": "A", "type": "human"})"
       "\n",
       roles, R"(speakers.jsonl:1: type must be "person" or "org", not "human")"},
      {"bad id",
       R"({"id": "Ann Smith", "name": "A", "type": "person"})"
       "\n",
       roles, R"(speakers.jsonl:1: id "Ann Smith" must be lowercase words joined by hyphens)"},
      {"bad gender",
       R"({"id": "a", "name": "A", "type": "person", "gender": "x"})"
       "\n",
       roles, R"(speakers.jsonl:1: gender must be "m" or "f", not "x")"},
      {"org with gender",
       R"({"id": "a", "name": "A", "type": "org", "gender": "f"})"
       "\n",
       roles, "speakers.jsonl:1: an organisation has no gender"},
      {"duplicate id", person + "\n" + person, roles,
       R"(speakers.jsonl:3: duplicate id "ann-smith" (first at line 1))"},
      {"alias repeats name",
       R"({"id": "a", "name": "Ann", "type": "person", "aliases": ["ANN"]})"
       "\n",
       roles, R"(speakers.jsonl:1: alias "ANN" repeats the name)"},
      {"impossible date",
       R"({"id": "a", "name": "A", "type": "person", "roles": [{"role": "boss", "start": "2018-02-30"}]})"
       "\n",
       roles,
       R"(speakers.jsonl:1: bad date "2018-02-30" in role boss (want YYYY-MM-DD, YYYY-MM or YYYY))"},
      {"reversed dates",
       R"({"id": "a", "name": "A", "type": "person", "roles": [{"role": "boss", "start": "2018-02-03", "end": "2017"}]})"
       "\n",
       roles, "speakers.jsonl:1: role boss ends on 2017, before it starts on 2018-02-03"},
      {"overlapping spells",
       R"({"id": "a", "name": "A", "type": "person", "roles": [{"role": "boss", "start": "2010", "end": "2015"}, {"role": "boss", "start": "2015-06"}]})"
       "\n",
       roles,
       "speakers.jsonl:1: role boss is held twice at once (spells from 2010 and 2015-06 overlap)"},
      {"role field unknown",
       R"({"id": "a", "name": "A", "type": "person", "roles": [{"role": "boss", "start": "2010", "until": "2015"}]})"
       "\n",
       roles, R"(speakers.jsonl:1: unknown field "until" in a role)"},
      {"role not in roles.tsv", person, "chief\tpatron\n",
       R"(speakers.jsonl:1: role "boss" is not in roles.tsv)"},
      {"ambiguous surname alias",
       person + R"({"id": "b", "name": "Bob Jones", "type": "person", "aliases": ["Smith"]})"
                "\n",
       roles, R"(speakers.jsonl:2: alias "Smith" is also the surname of ann-smith (line 1))"},
      {"no tab", person, "boss patron\n", "roles.tsv:1: want ROLE_ID<TAB>PHRASE"},
      {"bad role id", person, "# c\nBoss\tpatron\n",
       R"(roles.tsv:2: role id "Boss" must be lowercase words joined by hyphens)"},
      {"article kept", person, "boss\tle patron\n",
       R"(roles.tsv:1: phrase "le patron" must be written without its article)"},
      {"duplicate line", person, "boss\tpatron\nboss\tpatron\n",
       "roles.tsv:2: duplicate of line 1"},
      {"unknown organisation", person, "boss\tchef de {org:otan}\n",
       R"(roles.tsv:1: unknown organisation "otan" in {org:otan})"},
      {"person as organisation", person, "boss\tchef de {org:ann-smith}\n",
       R"(roles.tsv:1: "ann-smith" in {org:ann-smith} is a person, not an organisation)"},
      {"contracted before placeholder",
       person + R"({"id": "otan", "name": "OTAN", "type": "org"})"
                "\n",
       "boss\tchef du {org:otan}\n",
       R"(roles.tsv:1: write "de {org:otan}" or "à {org:otan}": the article comes from the organisation's aliases)"},
      {"unknown placeholder", person, "boss\tchef de {pays:fr}\n",
       "roles.tsv:1: unknown placeholder {pays:fr} (only {org:ID} exists)"},
      {"unclosed placeholder", person, "boss\tchef de {org:otan\n",
       R"(roles.tsv:1: unclosed "{" in "chef de {org:otan")"},
  };
  for (const ErrorCase& c : cases) {
    EXPECT_EQ(Load(c.speakers, c.roles), dir_ + "/" + c.message) << c.what;
  }
}

}  // namespace
}  // namespace guillemet::cues
