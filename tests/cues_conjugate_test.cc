// Tests of cues/conjugate: the forms generated for each conjugation class of
// patterns/conjugations.tsv, checked against French conjugation tables, the
// loading of patterns/verbs.tsv and auxiliaries.tsv, and the "path:line:
// message" errors of malformed pattern files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/unicode.h"
#include "cues/conjugate.h"

namespace guillemet::cues {
namespace {

using ::testing::StartsWith;

constexpr char kPatterns[] = GUILLEMET_SOURCE_DIR "/patterns";

// The conjugator of the repository's patterns, loaded once.
const Conjugator& Patterns() {
  static const Conjugator* conjugator = [] {
    auto* c = new Conjugator;
    Status status = Conjugator::Load(std::string(kPatterns) + "/conjugations.tsv", c);
    EXPECT_TRUE(status.ok()) << status.message();
    return c;
  }();
  return *conjugator;
}

ReportingVerb Conjugate(const std::string& head, const std::string& class_name) {
  ReportingVerb verb;
  verb.head = head;
  Status status = Patterns().Conjugate(class_name, &verb);
  EXPECT_TRUE(status.ok()) << head << " in " << class_name << ": " << status.message();
  return verb;
}

// The forms of one slot, two spellings joined by '|': "balaie|balaye".
std::string Slot(const ReportingVerb& verb, FormKind kind, const std::string& tense, bool plural,
                 bool feminine = false) {
  std::string spellings;
  for (const VerbForm& form : verb.forms) {
    if (form.kind != kind || form.tense != tense || form.plural != plural ||
        form.feminine != feminine) {
      continue;
    }
    if (!spellings.empty()) spellings += "|";
    spellings += form.word;
  }
  return spellings;
}

// One line of a Bescherelle-like table: the singular and plural of present,
// imparfait, passé simple, futur and conditionnel, then the masculine past
// participle and the present participle.
std::string Summary(const ReportingVerb& verb) {
  std::string out;
  auto append = [&](const std::string& slot) { out += (out.empty() ? "" : " ") + slot; };
  for (const char* tense : {"present", "imparfait", "passe_simple", "futur", "conditionnel"}) {
    append(Slot(verb, FormKind::kFinite, tense, false));
    append(Slot(verb, FormKind::kFinite, tense, true));
  }
  append(Slot(verb, FormKind::kPastParticiple, "", false));
  append(Slot(verb, FormKind::kPresentParticiple, "", false));
  return out;
}

struct Expected {
  const char* head;
  const char* class_name;
  const char* summary;  // As written by Summary().
};

void ExpectSummaries(const std::vector<Expected>& table) {
  for (const Expected& row : table) {
    SCOPED_TRACE(std::string(row.head) + " in " + row.class_name);
    EXPECT_EQ(Summary(Conjugate(row.head, row.class_name)), row.summary);
  }
}

TEST(Conjugate, FirstGroupVerbsTakeTheErEndings) {
  ExpectSummaries({
      {"déclarer", "er",
       "déclare déclarent déclarait déclaraient déclara déclarèrent déclarera déclareront "
       "déclarerait déclareraient déclaré déclarant"},
      {"tweeter", "er",
       "tweete tweetent tweetait tweetaient tweeta tweetèrent tweetera tweeteront tweeterait "
       "tweeteraient tweeté tweetant"},
      {"nier", "er",
       "nie nient niait niaient nia nièrent niera nieront nierait nieraient nié niant"},
      {"maugréer", "er",
       "maugrée maugréent maugréait maugréaient maugréa maugréèrent maugréera maugréeront "
       "maugréerait maugréeraient maugréé maugréant"},
      {"arguer", "er",
       "argue arguent arguait arguaient argua arguèrent arguera argueront arguerait "
       "argueraient argué arguant"},
      {"interpeller", "er",
       "interpelle interpellent interpellait interpellaient interpella interpellèrent "
       "interpellera interpelleront interpellerait interpelleraient interpellé interpellant"},
  });
}

TEST(Conjugate, CerVerbsTakeACedillaBeforeAAndO) {
  ExpectSummaries({
      {"lancer", "er:cer",
       "lance lancent lançait lançaient lança lancèrent lancera lanceront lancerait lanceraient "
       "lancé lançant"},
      {"annoncer", "er:cer",
       "annonce annoncent annonçait annonçaient annonça annoncèrent annoncera annonceront "
       "annoncerait annonceraient annoncé annonçant"},
      {"acquiescer", "er:cer",
       "acquiesce acquiescent acquiesçait acquiesçaient acquiesça acquiescèrent acquiescera "
       "acquiesceront acquiescerait acquiesceraient acquiescé acquiesçant"},
  });
}

TEST(Conjugate, GerVerbsKeepAnEBeforeAAndO) {
  ExpectSummaries({
      {"juger", "er:ger",
       "juge jugent jugeait jugeaient jugea jugèrent jugera jugeront jugerait jugeraient jugé "
       "jugeant"},
      {"interroger", "er:ger",
       "interroge interrogent interrogeait interrogeaient interrogea interrogèrent interrogera "
       "interrogeront interrogerait interrogeraient interrogé interrogeant"},
  });
}

TEST(Conjugate, DoublesTheLOfRappelerBeforeAMuteE) {
  ExpectSummaries({
      {"rappeler", "er:eler",
       "rappelle rappellent rappelait rappelaient rappela rappelèrent rappellera rappelleront "
       "rappellerait rappelleraient rappelé rappelant"},
      {"renouveler", "er:eler",
       "renouvelle renouvellent renouvelait renouvelaient renouvela renouvelèrent renouvellera "
       "renouvelleront renouvellerait renouvelleraient renouvelé renouvelant"},
      {"grommeler", "er:eler",
       "grommelle grommellent grommelait grommelaient grommela grommelèrent grommellera "
       "grommelleront grommellerait grommelleraient grommelé grommelant"},
  });
}

TEST(Conjugate, DoublesTheTOfJeterBeforeAMuteE) {
  ExpectSummaries({
      {"jeter", "er:eter",
       "jette jettent jetait jetaient jeta jetèrent jettera jetteront jetterait jetteraient jeté "
       "jetant"},
      {"rejeter", "er:eter",
       "rejette rejettent rejetait rejetaient rejeta rejetèrent rejettera rejetteront "
       "rejetterait rejetteraient rejeté rejetant"},
  });
}

TEST(Conjugate, TurnsTheEOfLeverIntoEGraveBeforeAMuteE) {
  ExpectSummaries({
      {"lever", "er:e.er",
       "lève lèvent levait levaient leva levèrent lèvera lèveront lèverait lèveraient levé "
       "levant"},
      {"relever", "er:e.er",
       "relève relèvent relevait relevaient releva relevèrent relèvera relèveront relèverait "
       "relèveraient relevé relevant"},
      // Marteler follows modeler, not appeler: "il martèle".
      {"marteler", "er:e.er",
       "martèle martèlent martelait martelaient martela martelèrent martèlera martèleront "
       "martèlerait martèleraient martelé martelant"},
      {"acheter", "er:e.er",
       "achète achètent achetait achetaient acheta achetèrent achètera achèteront achèterait "
       "achèteraient acheté achetant"},
  });
}

TEST(Conjugate, TurnsTheEAcuteOfRepeterIntoEGraveBeforeAFinalMuteE) {
  // The futur keeps é in the traditional spelling; the 1990 reform's è is
  // accepted as a second spelling.
  ExpectSummaries({
      {"répéter", "er:é.er",
       "répète répètent répétait répétaient répéta répétèrent répétera|répètera "
       "répéteront|répèteront répéterait|répèterait répéteraient|répèteraient répété répétant"},
      {"inquiéter", "er:é.er",
       "inquiète inquiètent inquiétait inquiétaient inquiéta inquiétèrent "
       "inquiétera|inquiètera inquiéteront|inquièteront inquiéterait|inquièterait "
       "inquiéteraient|inquièteraient inquiété inquiétant"},
      {"réitérer", "er:é.er",
       "réitère réitèrent réitérait réitéraient réitéra réitérèrent réitérera|réitèrera "
       "réitéreront|réitèreront réitérerait|réitèrerait réitéreraient|réitèreraient réitéré "
       "réitérant"},
      // Two consonants (br) and the gu of a hard g both belong to the * group.
      {"célébrer", "er:é.er",
       "célèbre célèbrent célébrait célébraient célébra célébrèrent célébrera|célèbrera "
       "célébreront|célèbreront célébrerait|célèbrerait célébreraient|célèbreraient célébré "
       "célébrant"},
      {"alléguer", "er:é.er",
       "allègue allèguent alléguait alléguaient allégua alléguèrent alléguera|allèguera "
       "allégueront|allègueront alléguerait|allèguerait allégueraient|allègueraient allégué "
       "alléguant"},
  });
}

TEST(Conjugate, YerVerbsWriteIBeforeAMuteE) {
  ExpectSummaries({
      {"employer", "er:yer",
       "emploie emploient employait employaient employa employèrent emploiera emploieront "
       "emploierait emploieraient employé employant"},
      {"appuyer", "er:yer",
       "appuie appuient appuyait appuyaient appuya appuyèrent appuiera appuieront appuierait "
       "appuieraient appuyé appuyant"},
      {"balayer", "er:ayer",
       "balaie|balaye balaient|balayent balayait balayaient balaya balayèrent balaiera|balayera "
       "balaieront|balayeront balaierait|balayerait balaieraient|balayeraient balayé balayant"},
      {"renvoyer", "envoyer",
       "renvoie renvoient renvoyait renvoyaient renvoya renvoyèrent renverra renverront "
       "renverrait renverraient renvoyé renvoyant"},
  });
}

TEST(Conjugate, SecondGroupVerbsInsertIss) {
  ExpectSummaries({
      {"avertir", "ir",
       "avertit avertissent avertissait avertissaient avertit avertirent avertira avertiront "
       "avertirait avertiraient averti avertissant"},
      {"réagir", "ir",
       "réagit réagissent réagissait réagissaient réagit réagirent réagira réagiront réagirait "
       "réagiraient réagi réagissant"},
      {"réjouir", "ir",
       "réjouit réjouissent réjouissait réjouissaient réjouit réjouirent réjouira réjouiront "
       "réjouirait réjouiraient réjoui réjouissant"},
  });
}

TEST(Conjugate, DreVerbsEndTheSingularWithD) {
  ExpectSummaries({
      {"répondre", "dre",
       "répond répondent répondait répondaient répondit répondirent répondra répondront "
       "répondrait répondraient répondu répondant"},
      {"prétendre", "dre",
       "prétend prétendent prétendait prétendaient prétendit prétendirent prétendra prétendront "
       "prétendrait prétendraient prétendu prétendant"},
      {"sous-entendre", "dre",
       "sous-entend sous-entendent sous-entendait sous-entendaient sous-entendit "
       "sous-entendirent sous-entendra sous-entendront sous-entendrait sous-entendraient "
       "sous-entendu sous-entendant"},
  });
}

TEST(Conjugate, IrregularModelsConjugateTheVerbsDerivedFromThem) {
  ExpectSummaries({
      {"dire", "dire",
       "dit disent disait disaient dit dirent dira diront dirait diraient dit disant"},
      {"redire", "dire",
       "redit redisent redisait redisaient redit redirent redira rediront redirait rediraient "
       "redit redisant"},
      {"contredire", "dire",
       "contredit contredisent contredisait contredisaient contredit contredirent contredira "
       "contrediront contredirait contrediraient contredit contredisant"},
      {"écrire", "écrire",
       "écrit écrivent écrivait écrivaient écrivit écrivirent écrira écriront écrirait "
       "écriraient écrit écrivant"},
      {"décrire", "écrire",
       "décrit décrivent décrivait décrivaient décrivit décrivirent décrira décriront décrirait "
       "décriraient décrit décrivant"},
      {"inscrire", "écrire",
       "inscrit inscrivent inscrivait inscrivaient inscrivit inscrivirent inscrira inscriront "
       "inscrirait inscriraient inscrit inscrivant"},
      {"prendre", "prendre",
       "prend prennent prenait prenaient prit prirent prendra prendront prendrait prendraient "
       "pris prenant"},
      {"reprendre", "prendre",
       "reprend reprennent reprenait reprenaient reprit reprirent reprendra reprendront "
       "reprendrait reprendraient repris reprenant"},
      {"mettre", "mettre",
       "met mettent mettait mettaient mit mirent mettra mettront mettrait mettraient mis "
       "mettant"},
      {"admettre", "mettre",
       "admet admettent admettait admettaient admit admirent admettra admettront admettrait "
       "admettraient admis admettant"},
      {"promettre", "mettre",
       "promet promettent promettait promettaient promit promirent promettra promettront "
       "promettrait promettraient promis promettant"},
      {"prévenir", "venir",
       "prévient préviennent prévenait prévenaient prévint prévinrent préviendra préviendront "
       "préviendrait préviendraient prévenu prévenant"},
      {"convenir", "venir",
       "convient conviennent convenait convenaient convint convinrent conviendra conviendront "
       "conviendrait conviendraient convenu convenant"},
      {"tenir", "tenir",
       "tient tiennent tenait tenaient tint tinrent tiendra tiendront tiendrait tiendraient "
       "tenu tenant"},
      {"maintenir", "tenir",
       "maintient maintiennent maintenait maintenaient maintint maintinrent maintiendra "
       "maintiendront maintiendrait maintiendraient maintenu maintenant"},
      {"soutenir", "tenir",
       "soutient soutiennent soutenait soutenaient soutint soutinrent soutiendra soutiendront "
       "soutiendrait soutiendraient soutenu soutenant"},
      {"conclure", "conclure",
       "conclut concluent concluait concluaient conclut conclurent conclura concluront "
       "conclurait concluraient conclu concluant"},
      {"exclure", "conclure",
       "exclut excluent excluait excluaient exclut exclurent exclura excluront exclurait "
       "excluraient exclu excluant"},
      {"poursuivre", "suivre",
       "poursuit poursuivent poursuivait poursuivaient poursuivit poursuivirent poursuivra "
       "poursuivront poursuivrait poursuivraient poursuivi poursuivant"},
      {"connaître", "connaître",
       "connaît connaissent connaissait connaissaient connut connurent connaîtra connaîtront "
       "connaîtrait connaîtraient connu connaissant"},
      {"reconnaître", "connaître",
       "reconnaît reconnaissent reconnaissait reconnaissaient reconnut reconnurent reconnaîtra "
       "reconnaîtront reconnaîtrait reconnaîtraient reconnu reconnaissant"},
      {"paraître", "connaître",
       "paraît paraissent paraissait paraissaient parut parurent paraîtra paraîtront paraîtrait "
       "paraîtraient paru paraissant"},
      {"croire", "croire",
       "croit croient croyait croyaient crut crurent croira croiront croirait croiraient cru "
       "croyant"},
      {"faire", "faire",
       "fait font faisait faisaient fit firent fera feront ferait feraient fait faisant"},
      {"satisfaire", "faire",
       "satisfait satisfont satisfaisait satisfaisaient satisfit satisfirent satisfera "
       "satisferont satisferait satisferaient satisfait satisfaisant"},
      {"voir", "voir",
       "voit voient voyait voyaient vit virent verra verront verrait verraient vu voyant"},
      {"revoir", "voir",
       "revoit revoient revoyait revoyaient revit revirent reverra reverront reverrait "
       "reverraient revu revoyant"},
      {"vouloir", "vouloir",
       "veut veulent voulait voulaient voulut voulurent voudra voudront voudrait voudraient "
       "voulu voulant"},
      {"craindre", "craindre",
       "craint craignent craignait craignaient craignit craignirent craindra craindront "
       "craindrait craindraient craint craignant"},
      {"plaindre", "craindre",
       "plaint plaignent plaignait plaignaient plaignit plaignirent plaindra plaindront "
       "plaindrait plaindraient plaint plaignant"},
      {"enjoindre", "craindre",
       "enjoint enjoignent enjoignait enjoignaient enjoignit enjoignirent enjoindra enjoindront "
       "enjoindrait enjoindraient enjoint enjoignant"},
      {"débattre", "battre",
       "débat débattent débattait débattaient débattit débattirent débattra débattront "
       "débattrait débattraient débattu débattant"},
      {"lire", "lire",
       "lit lisent lisait lisaient lut lurent lira liront lirait liraient lu lisant"},
      {"élire", "lire",
       "élit élisent élisait élisaient élut élurent élira éliront élirait éliraient élu élisant"},
      {"sourire", "rire",
       "sourit sourient souriait souriaient sourit sourirent sourira souriront sourirait "
       "souriraient souri souriant"},
      {"interrompre", "rompre",
       "interrompt interrompent interrompait interrompaient interrompit interrompirent "
       "interrompra interrompront interromprait interrompraient interrompu interrompant"},
      {"convaincre", "convaincre",
       "convainc convainquent convainquait convainquaient convainquit convainquirent "
       "convaincra convaincront convaincrait convaincraient convaincu convainquant"},
      {"démentir", "mentir",
       "dément démentent démentait démentaient démentit démentirent démentira démentiront "
       "démentirait démentiraient démenti démentant"},
      {"sentir", "mentir",
       "sent sentent sentait sentaient sentit sentirent sentira sentiront sentirait sentiraient "
       "senti sentant"},
      {"accueillir", "cueillir",
       "accueille accueillent accueillait accueillaient accueillit accueillirent accueillera "
       "accueilleront accueillerait accueilleraient accueilli accueillant"},
      {"émouvoir", "émouvoir",
       "émeut émeuvent émouvait émouvaient émut émurent émouvra émouvront émouvrait "
       "émouvraient ému émouvant"},
      {"enquérir", "acquérir",
       "enquiert enquièrent enquérait enquéraient enquit enquirent enquerra enquerront "
       "enquerrait enquerraient enquis enquérant"},
  });
}

TEST(Conjugate, PastParticipleAgreesInGenderAndNumber) {
  struct Row {
    const char* head;
    const char* class_name;
    const char* forms;  // Masculine, feminine, masculine plural, feminine plural.
  };
  for (const Row& row : std::vector<Row>{
           {"déclarer", "er", "déclaré déclarée déclarés déclarées"},
           {"admettre", "mettre", "admis admise admis admises"},
           {"écrire", "écrire", "écrit écrite écrits écrites"},
           {"conclure", "conclure", "conclu conclue conclus conclues"},
           {"prévenir", "venir", "prévenu prévenue prévenus prévenues"},
           {"faire", "faire", "fait faite faits faites"},
           {"enquérir", "acquérir", "enquis enquise enquis enquises"},
           {"émouvoir", "émouvoir", "ému émue émus émues"},
       }) {
    SCOPED_TRACE(row.head);
    ReportingVerb verb = Conjugate(row.head, row.class_name);
    EXPECT_EQ(Slot(verb, FormKind::kPastParticiple, "", false, false) + " " +
                  Slot(verb, FormKind::kPastParticiple, "", false, true) + " " +
                  Slot(verb, FormKind::kPastParticiple, "", true, false) + " " +
                  Slot(verb, FormKind::kPastParticiple, "", true, true),
              row.forms);
  }
}

TEST(Conjugate, InversionNeedsTAfterAVowelOrCOnly) {
  struct Row {
    const char* head;
    const char* class_name;
    const char* tense;
    const char* word;
    bool needs_t;
  };
  for (const Row& row : std::vector<Row>{
           {"déclarer", "er", "present", "déclare", true},       // déclare-t-il
           {"déclarer", "er", "passe_simple", "déclara", true},  // déclara-t-il
           {"déclarer", "er", "futur", "déclarera", true},       // déclarera-t-il
           {"déclarer", "er", "imparfait", "déclarait", false},  // déclarait-il
           {"déclarer", "er", "conditionnel", "déclarerait", false},
           {"dire", "dire", "present", "dit", false},                  // dit-il
           {"dire", "dire", "futur", "dira", true},                    // dira-t-il
           {"répondre", "dre", "present", "répond", false},            // répond-elle
           {"convaincre", "convaincre", "present", "convainc", true},  // convainc-t-il
           {"reconnaître", "connaître", "present", "reconnaît", false},
       }) {
    SCOPED_TRACE(row.word);
    ReportingVerb verb = Conjugate(row.head, row.class_name);
    bool found = false;
    for (const VerbForm& form : verb.forms) {
      if (form.kind == FormKind::kFinite && form.tense == row.tense && !form.plural) {
        EXPECT_EQ(form.word, row.word);
        EXPECT_EQ(form.needs_t, row.needs_t);
        found = true;
      }
    }
    EXPECT_TRUE(found);
  }
  for (const VerbForm& form : Conjugate("déclarer", "er").forms) {
    if (form.plural || form.kind != FormKind::kFinite) {
      EXPECT_FALSE(form.needs_t) << form.word;
    }
  }
}

TEST(Conjugate, GeneratesThirdPersonSlotsThenParticiplesThenTheInfinitive) {
  ReportingVerb verb = Conjugate("déclarer", "er");
  ASSERT_EQ(verb.forms.size(), 16u);  // 5 tenses x 2 numbers, 4 participles, -ant, infinitive.
  const std::vector<std::string> tenses = {"present",      "present",      "imparfait", "imparfait",
                                           "passe_simple", "passe_simple", "futur",     "futur",
                                           "conditionnel", "conditionnel"};
  for (size_t i = 0; i < tenses.size(); ++i) {
    EXPECT_EQ(verb.forms[i].kind, FormKind::kFinite);
    EXPECT_EQ(verb.forms[i].tense, tenses[i]);
    EXPECT_EQ(verb.forms[i].plural, i % 2 == 1);
    EXPECT_FALSE(verb.forms[i].feminine);
  }
  for (size_t i = 10; i < 14; ++i) {
    EXPECT_EQ(verb.forms[i].kind, FormKind::kPastParticiple);
    EXPECT_EQ(verb.forms[i].tense, "");
  }
  EXPECT_EQ(verb.forms[14].kind, FormKind::kPresentParticiple);
  EXPECT_EQ(verb.forms[14].word, "déclarant");
  EXPECT_EQ(verb.forms[15].kind, FormKind::kInfinitive);
  EXPECT_EQ(verb.forms[15].word, "déclarer");
}

TEST(Conjugate, RejectsAnUnknownClass) {
  ReportingVerb verb;
  verb.head = "déclarer";
  Status status = Patterns().Conjugate("zz", &verb);
  EXPECT_EQ(status.message(), "unknown conjugation class \"zz\"");
  EXPECT_TRUE(verb.forms.empty());
}

TEST(Conjugate, RejectsAHeadThatDoesNotEndAsTheClassRequires) {
  struct Row {
    const char* head;
    const char* class_name;
    const char* message;
  };
  for (const Row& row : std::vector<Row>{
           {"finir", "er", "\"finir\" does not end in \"er\" as class \"er\" requires"},
           {"parler", "er:e.er",
            "\"parler\" does not end in \"e*er\" (* = consonants) as class \"er:e.er\" requires"},
           // No consonant between é and -er: créer is a plain "er" verb.
           {"créer", "er:é.er",
            "\"créer\" does not end in \"é*er\" (* = consonants) as class \"er:é.er\" requires"},
           {"dire", "prendre",
            "\"dire\" does not end in \"prendre\" as class \"prendre\" requires"},
       }) {
    ReportingVerb verb;
    verb.head = row.head;
    verb.forms.push_back(VerbForm{"kept", FormKind::kInfinitive, ""});
    Status status = Patterns().Conjugate(row.class_name, &verb);
    EXPECT_EQ(status.message(), row.message);
    ASSERT_EQ(verb.forms.size(), 1u);  // Left as it was.
  }
}

// A patterns directory of its own, removed at the end of the test. It starts
// with small valid files; each test overwrites the one it breaks.
class TempPatterns {
 public:
  TempPatterns() {
    std::string tmpl = ::testing::TempDir() + "/guillemet_conjugate_XXXXXX";
    dir_ = mkdtemp(tmpl.data()) ? tmpl : "";
    EXPECT_FALSE(dir_.empty());
    Write("conjugations.tsv", kErClass);
    Write("verbs.tsv", "# verbs\nparler\ter\tsay\n");
    Write("auxiliaries.tsv", "a\tavoir\tpresent\tsg\tt\n");
  }
  ~TempPatterns() { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << text;
  }
  const std::string& dir() const { return dir_; }

  // The message of LoadReportingVerbs, which must fail and leave no output.
  std::string LoadError() {
    std::vector<ReportingVerb> verbs = {ReportingVerb()};
    std::vector<AuxiliaryForm> auxiliaries = {AuxiliaryForm()};
    Status status = LoadReportingVerbs(dir_, &verbs, &auxiliaries);
    EXPECT_FALSE(status.ok());
    EXPECT_TRUE(verbs.empty());
    EXPECT_TRUE(auxiliaries.empty());
    return status.message();
  }

  static constexpr char kErClass[] =
      "er\tending\ter\n"
      "er\tpresent\te\tent\n"
      "er\timparfait\tait\taient\n"
      "er\tpasse_simple\ta\tèrent\n"
      "er\tfutur\tera\teront\n"
      "er\tconditionnel\terait\teraient\n"
      "er\tpast_participle\té\n"
      "er\tpresent_participle\tant\n";

 private:
  std::string dir_;
};

TEST(LoadReportingVerbs, LoadsAMinimalPatternsDirectory) {
  TempPatterns patterns;
  std::vector<ReportingVerb> verbs;
  std::vector<AuxiliaryForm> auxiliaries;
  Status status = LoadReportingVerbs(patterns.dir(), &verbs, &auxiliaries);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(verbs.size(), 1u);
  EXPECT_EQ(Summary(verbs[0]),
            "parle parlent parlait parlaient parla parlèrent parlera parleront parlerait "
            "parleraient parlé parlant");
  EXPECT_EQ(verbs[0].line, 2);
  ASSERT_EQ(auxiliaries.size(), 1u);
  EXPECT_EQ(auxiliaries[0].word, "a");
  EXPECT_TRUE(auxiliaries[0].needs_t);
}

TEST(LoadReportingVerbs, ReportsAMalformedVerbLineWithItsPathAndLine) {
  struct Row {
    const char* text;
    const char* error;  // After "<dir>/verbs.tsv:".
  };
  for (const Row& row : std::vector<Row>{
           {"parler\ter\n", "1: expected LEMMA<TAB>CLASS<TAB>CATEGORY[<TAB>FLAGS], got 2 field(s)"},
           {"# comment\n\nparler\tzz\tsay\n", "3: unknown conjugation class \"zz\""},
           {"finir\ter\tsay\n", "1: \"finir\" does not end in \"er\" as class \"er\" requires"},
           {"parler\ter\tsay\nparler\ter\tsay\n", "2: duplicate verb \"parler\" (first at line 1)"},
           {"Parler\ter\tsay\n",
            "1: verb \"Parler\" of \"Parler\" must be lowercase letters (NFC)"},
           // A decomposed é (e + U+0301) would never match NFC text.
           {"re\xcc\x81pe\xcc\x81ter\ter\tsay\n",
            "1: verb \"re\xcc\x81pe\xcc\x81ter\" of \"re\xcc\x81pe\xcc\x81ter\" must be lowercase "
            "letters (NFC)"},
           {"se étonner\ter\tfeel\n", "1: write \"s'étonner\", not \"se étonner\""},
           {"s'parler\ter\tsay\n", "1: write \"se parler\", not \"s'parler\""},
           {"s\xe2\x80\x99\xc3\xa9tonner\ter\tfeel\n",
            "1: write the apostrophe of \"s\xe2\x80\x99\xc3\xa9tonner\" as '"},
           {"parler  fort\ter\tsay\n", "1: lemma \"parler  fort\" has stray spaces"},
           {"parler\ter\tSay\n", "1: category \"Say\" must be a lowercase word"},
           {"parler\ter\tsay\taux=etre\n",
            "1: unknown flag \"aux=etre\" (expected aux=avoir or aux=être)"},
           {"s'étonner\ter\tfeel\taux=avoir\n", "1: a pronominal verb takes être, not avoir"},
       }) {
    SCOPED_TRACE(row.text);
    TempPatterns patterns;
    patterns.Write("verbs.tsv", row.text);
    EXPECT_EQ(patterns.LoadError(), patterns.dir() + "/verbs.tsv:" + row.error);
  }
}

TEST(LoadReportingVerbs, ReportsAMalformedConjugationLineWithItsPathAndLine) {
  const std::string er = TempPatterns::kErClass;
  struct Row {
    std::string text;
    const char* error;  // After "<dir>/conjugations.tsv:".
  };
  for (const Row& row : std::vector<Row>{
           {"er\tpresent\te\tent\n", "1: class \"er\" must start with its \"ending\" line"},
           {"er\tending\n", "1: expected CLASS<TAB>KEY<TAB>VALUE..., got 2 field(s)"},
           {"er\tending\te**er\n",
            "1: bad ending \"e**er\" (lowercase letters, with at most one * for a consonant "
            "group)"},
           {er + "er\tsubjonctif\te\tent\n",
            "9: unknown key \"subjonctif\" (expected ending, present, imparfait, passe_simple, "
            "futur, conditionnel, past_participle or present_participle)"},
           {er + "er\tfutur\tera\n", "9: class \"er\" already has a \"futur\" line"},
           {"er\tending\ter\ner\tfutur\tera\n", "2: \"futur\" takes 2 values (singular, plural)"},
           {"er\tending\ter\ner\tpresent\t*e\t*ent\n",
            "2: form \"*e\" uses *, but the ending of class \"er\" has none"},
           {"er\tending\ter\ner\tpresent\tE\tent\n",
            "2: bad form \"E\" (lowercase letters, * and | between spellings)"},
           {"er\tending\ter\ner\tpresent\te||x\tent\n",
            "2: bad form \"e||x\" (lowercase letters, * and | between spellings)"},
           // A missing line is reported at the class's ending line.
           {"# first group\n" + er.substr(0, er.rfind("er\tpresent_participle")),
            "2: class \"er\" has no \"present_participle\" line"},
       }) {
    SCOPED_TRACE(row.text);
    TempPatterns patterns;
    patterns.Write("conjugations.tsv", row.text);
    EXPECT_EQ(patterns.LoadError(), patterns.dir() + "/conjugations.tsv:" + row.error);
  }
}

TEST(LoadReportingVerbs, ReportsAMalformedAuxiliaryLineWithItsPathAndLine) {
  struct Row {
    const char* text;
    const char* error;  // After "<dir>/auxiliaries.tsv:".
  };
  for (const Row& row : std::vector<Row>{
           {"a\tavoir\tpresent\tsg\n",
            "1: expected WORD<TAB>AUXILIARY<TAB>TENSE<TAB>NUMBER<TAB>INVERSION, got 4 field(s)"},
           {"a\tavior\tpresent\tsg\tt\n", "1: auxiliary must be avoir or être, got \"avior\""},
           {"a\tavoir\tpassé\tsg\tt\n",
            "1: unknown tense \"passé\" (expected present, imparfait, passe_simple, futur or "
            "conditionnel)"},
           {"a\tavoir\tpresent\tsingular\tt\n", "1: number must be sg or pl, got \"singular\""},
           {"a\tavoir\tpresent\tsg\tyes\n", "1: inversion must be t or no_t, got \"yes\""},
           {"A\tavoir\tpresent\tsg\tt\n", "1: word \"A\" must be lowercase"},
           {"a\tavoir\tpresent\tsg\tt\na\tavoir\tpresent\tsg\tt\n",
            "2: duplicate word \"a\" (first at line 1)"},
       }) {
    SCOPED_TRACE(row.text);
    TempPatterns patterns;
    patterns.Write("auxiliaries.tsv", row.text);
    EXPECT_EQ(patterns.LoadError(), patterns.dir() + "/auxiliaries.tsv:" + row.error);
  }
}

TEST(LoadReportingVerbs, ReportsAFileWithoutEntries) {
  TempPatterns patterns;
  patterns.Write("verbs.tsv", "# nothing yet\n");
  EXPECT_EQ(patterns.LoadError(), patterns.dir() + "/verbs.tsv: defines no verb");
}

TEST(LoadReportingVerbs, ReportsAMissingFileByItsPath) {
  TempPatterns patterns;
  std::filesystem::remove(patterns.dir() + "/auxiliaries.tsv");
  EXPECT_THAT(patterns.LoadError(), StartsWith(patterns.dir() + "/auxiliaries.tsv"));
}

TEST(LoadReportingVerbs, JunkFilesFailWithAMessageNotACrash) {
  // Invalid UTF-8, a NUL, control characters and stray tabs.
  const std::string junk("\xff\xfe\t\x00\x01*|\t\t\xc3\n\t\n\xe2\x80\n*\t*\t*\t*\n", 24);
  for (const char* file : {"conjugations.tsv", "verbs.tsv", "auxiliaries.tsv"}) {
    SCOPED_TRACE(file);
    TempPatterns patterns;
    patterns.Write(file, junk);
    EXPECT_THAT(patterns.LoadError(), StartsWith(patterns.dir() + "/" + file + ":"));
  }
}

TEST(Conjugator, ClassMayGiveAnIrregularFeminineParticiple) {
  TempPatterns patterns;
  patterns.Write("conjugations.tsv",
                 "soudre\tending\tsoudre\n"
                 "soudre\tpresent\tsout\tsolvent\n"
                 "soudre\timparfait\tsolvait\tsolvaient\n"
                 "soudre\tpasse_simple\tsolut\tsolurent\n"
                 "soudre\tfutur\tsoudra\tsoudront\n"
                 "soudre\tconditionnel\tsoudrait\tsoudraient\n"
                 "soudre\tpast_participle\tsous\tsoute\n"
                 "soudre\tpresent_participle\tsolvant\n");
  Conjugator conjugator;
  Status status = Conjugator::Load(patterns.dir() + "/conjugations.tsv", &conjugator);
  ASSERT_TRUE(status.ok()) << status.message();
  ReportingVerb verb;
  verb.head = "dissoudre";
  ASSERT_TRUE(conjugator.Conjugate("soudre", &verb).ok());
  EXPECT_EQ(Slot(verb, FormKind::kPastParticiple, "", false, false), "dissous");
  EXPECT_EQ(Slot(verb, FormKind::kPastParticiple, "", false, true), "dissoute");
  EXPECT_EQ(Slot(verb, FormKind::kPastParticiple, "", true, false), "dissous");
  EXPECT_EQ(Slot(verb, FormKind::kPastParticiple, "", true, true), "dissoutes");
}

TEST(Conjugator, FailedLoadLeavesTheConjugatorAsItWas) {
  TempPatterns patterns;
  patterns.Write("conjugations.tsv", "er\tending\ter\n");
  Conjugator conjugator = Patterns();
  EXPECT_FALSE(Conjugator::Load(patterns.dir() + "/conjugations.tsv", &conjugator).ok());
  ReportingVerb verb;
  verb.head = "lancer";
  EXPECT_TRUE(conjugator.Conjugate("er:cer", &verb).ok());
}

// --- The repository's patterns -------------------------------------------

struct Loaded {
  std::vector<ReportingVerb> verbs;
  std::vector<AuxiliaryForm> auxiliaries;
  std::map<std::string, const ReportingVerb*> by_lemma;
};

const Loaded& Repository() {
  static const Loaded* loaded = [] {
    auto* l = new Loaded;
    Status status = LoadReportingVerbs(kPatterns, &l->verbs, &l->auxiliaries);
    EXPECT_TRUE(status.ok()) << status.message();
    for (const ReportingVerb& verb : l->verbs) l->by_lemma[verb.lemma] = &verb;
    return l;
  }();
  return *loaded;
}

TEST(PatternsVerbs, EveryVerbLoadsAndHasEveryForm) {
  const Loaded& loaded = Repository();
  EXPECT_GE(loaded.verbs.size(), 170u);
  for (const ReportingVerb& verb : loaded.verbs) {
    SCOPED_TRACE(verb.lemma);
    EXPECT_FALSE(verb.head.empty());
    EXPECT_FALSE(verb.category.empty());
    EXPECT_GT(verb.line, 0);
    EXPECT_TRUE(verb.auxiliary == "avoir" || verb.auxiliary == "être");
    if (verb.pronominal) {
      EXPECT_EQ(verb.auxiliary, "être");
    }
    // Every slot is filled, and never with an empty word.
    for (const char* tense : {"present", "imparfait", "passe_simple", "futur", "conditionnel"}) {
      EXPECT_NE(Slot(verb, FormKind::kFinite, tense, false), "") << tense;
      EXPECT_NE(Slot(verb, FormKind::kFinite, tense, true), "") << tense;
    }
    for (bool plural : {false, true}) {
      for (bool feminine : {false, true}) {
        EXPECT_NE(Slot(verb, FormKind::kPastParticiple, "", plural, feminine), "");
      }
    }
    EXPECT_NE(Slot(verb, FormKind::kPresentParticiple, "", false), "");
    EXPECT_EQ(Slot(verb, FormKind::kInfinitive, "", false), verb.head);
    for (const VerbForm& form : verb.forms) EXPECT_FALSE(form.word.empty());
  }
}

TEST(PatternsVerbs, ListsTheReportingVerbsOfThePress) {
  const Loaded& loaded = Repository();
  for (const char* lemma : {
           "déclarer",     "indiquer",        "affirmer",     "estimer",      "préciser",
           "ajouter",      "expliquer",       "souligner",    "observer",     "illustrer",
           "rappeler",     "assurer",         "dire",         "confier",      "juger",
           "avertir",      "prévenir",        "marteler",     "insister",     "poursuivre",
           "conclure",     "répondre",        "reconnaître",  "admettre",     "plaider",
           "tweeter",      "écrire",          "lancer",       "ironiser",     "s'inquiéter",
           "se féliciter", "annoncer",        "commenter",    "signaler",     "réitérer",
           "parler",       "évoquer",         "qualifier",    "considérer",   "exhorter",
           "appeler",      "mettre en garde", "prôner",       "se réjouir",   "se dire",
           "saluer",       "réagir",          "condamner",    "dénoncer",     "menacer",
           "réclamer",     "demander",        "exiger",       "promettre",    "regretter",
           "déplorer",     "critiquer",       "accuser",      "souhaiter",    "espérer",
           "nier",         "démentir",        "répliquer",    "rétorquer",    "résumer",
           "relever",      "noter",           "constater",    "raconter",     "confirmer",
           "avancer",      "soutenir",        "maintenir",    "glisser",      "révéler",
           "traiter",      "fustiger",        "s'alarmer",    "s'interroger", "s'étonner",
           "s'indigner",   "se plaindre",     "se montrer",   "se déclarer",  "publier",
           "mentionner",   "faire savoir",    "faire valoir", "tenir à",      "vouloir",
       }) {
    EXPECT_EQ(loaded.by_lemma.count(lemma), 1u) << lemma;
  }
}

TEST(PatternsVerbs, SplitsPronounVerbAndFixedWords) {
  struct Row {
    const char* lemma;
    const char* head;
    const char* tail;
    bool pronominal;
    const char* auxiliary;
  };
  const Loaded& loaded = Repository();
  for (const Row& row : std::vector<Row>{
           {"déclarer", "déclarer", "", false, "avoir"},
           {"s'inquiéter", "inquiéter", "", true, "être"},
           {"se dire", "dire", "", true, "être"},
           {"mettre en garde", "mettre", "en garde", false, "avoir"},
           {"faire savoir", "faire", "savoir", false, "avoir"},
           {"s'inscrire en faux", "inscrire", "en faux", true, "être"},
           {"tenir à", "tenir", "à", false, "avoir"},
           {"revenir sur", "revenir", "sur", false, "être"},
           {"tirer la sonnette d'alarme", "tirer", "la sonnette d'alarme", false, "avoir"},
       }) {
    SCOPED_TRACE(row.lemma);
    auto found = loaded.by_lemma.find(row.lemma);
    ASSERT_NE(found, loaded.by_lemma.end());
    const ReportingVerb& verb = *found->second;
    EXPECT_EQ(verb.head, row.head);
    EXPECT_EQ(verb.tail, row.tail);
    EXPECT_EQ(verb.pronominal, row.pronominal);
    EXPECT_EQ(verb.auxiliary, row.auxiliary);
  }
  // The forms are those of the head alone.
  EXPECT_EQ(Slot(*loaded.by_lemma.at("s'inquiéter"), FormKind::kFinite, "present", false),
            "inquiète");
  EXPECT_EQ(Slot(*loaded.by_lemma.at("mettre en garde"), FormKind::kPastParticiple, "", false),
            "mis");
}

TEST(PatternsVerbs, AreSortedIgnoringAccentsAndUnique) {
  const Loaded& loaded = Repository();
  for (size_t i = 1; i < loaded.verbs.size(); ++i) {
    EXPECT_LT(FoldKey(loaded.verbs[i - 1].lemma), FoldKey(loaded.verbs[i].lemma))
        << "line " << loaded.verbs[i].line;
  }
}

TEST(PatternsAuxiliaries, ListAvoirAndEtreInTheFiveSimpleTenses) {
  struct Row {
    const char* word;
    const char* auxiliary;
    const char* tense;
    bool plural;
    bool needs_t;
  };
  std::map<std::string, AuxiliaryForm> by_word;
  for (const AuxiliaryForm& form : Repository().auxiliaries) by_word[form.word] = form;
  const std::vector<Row> expected = {
      {"a", "avoir", "present", false, true},
      {"ont", "avoir", "present", true, false},
      {"avait", "avoir", "imparfait", false, false},
      {"avaient", "avoir", "imparfait", true, false},
      {"eut", "avoir", "passe_simple", false, false},
      {"eurent", "avoir", "passe_simple", true, false},
      {"aura", "avoir", "futur", false, true},
      {"auront", "avoir", "futur", true, false},
      {"aurait", "avoir", "conditionnel", false, false},
      {"auraient", "avoir", "conditionnel", true, false},
      {"est", "être", "present", false, false},
      {"sont", "être", "present", true, false},
      {"était", "être", "imparfait", false, false},
      {"étaient", "être", "imparfait", true, false},
      {"fut", "être", "passe_simple", false, false},
      {"furent", "être", "passe_simple", true, false},
      {"sera", "être", "futur", false, true},
      {"seront", "être", "futur", true, false},
      {"serait", "être", "conditionnel", false, false},
      {"seraient", "être", "conditionnel", true, false},
  };
  EXPECT_EQ(by_word.size(), expected.size());
  for (const Row& row : expected) {
    SCOPED_TRACE(row.word);
    auto found = by_word.find(row.word);
    ASSERT_NE(found, by_word.end());
    EXPECT_EQ(found->second.auxiliary, row.auxiliary);
    EXPECT_EQ(found->second.tense, row.tense);
    EXPECT_EQ(found->second.plural, row.plural);
    EXPECT_EQ(found->second.needs_t, row.needs_t);
  }
}

}  // namespace
}  // namespace guillemet::cues
