// Everything the rules know about French, loaded once from patterns/ and
// compiled into look-up tables: reporting verb forms, auxiliaries, word
// classes, cue templates, first names, nationalities, and the speaker knowledge base with
// its name, epithet and role phrases. Immutable after Load(), so one Lexicon
// is shared by every thread.
#ifndef GUILLEMET_CUES_LEXICON_H_
#define GUILLEMET_CUES_LEXICON_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_map.h"
#include "core/types.h"
#include "cues/conjugate.h"
#include "cues/phrase_edges.h"
#include "cues/speaker_kb.h"
#include "cues/vocabulary.h"
#include "quotes/quote_finder.h"

namespace guillemet::cues {

// Longest-match look-up of multi-word phrases over tokens. Phrases are kept
// in two word tries, one read from the first word and one from the last, so
// that a look-up costs one hash probe per token of the match, and tokens are
// looked up by their norm (or its FoldKey) as a string_view.
class PhraseMatcher {
 public:
  enum class Key { kNorm, kFolded };  // Token::norm, or FoldKey (accents ignored).
  explicit PhraseMatcher(Key key = Key::kNorm) : key_(key) {}
  void Add(const std::vector<std::string>& words, int payload);
  // Length of the longest phrase starting at tokens[i] (0 if none); its
  // payloads in *payloads, in the order added. Quotations and line starts
  // end a phrase.
  // Inline: it is asked at nearly every token by several rules, and most
  // tokens start no phrase, which the vocabulary answers without a call.
  // Forced, as for Norm's comparisons: GCC would call it out of line from
  // the long rule functions (the mention finder's TryAt), where the call
  // cost more than the answer.
  GUILLEMET_NORM_INLINE int LongestAt(const std::vector<Token>& tokens, int i,
                                      std::vector<int>* payloads) const {
    if (payloads != nullptr) payloads->clear();
    const int n = static_cast<int>(tokens.size());
    if (i < 0 || i >= n || !MayStartWith(tokens[i])) return 0;
    return LongestFrom(tokens, i, payloads);
  }
  // Whether a phrase may start with the token: false when the vocabulary
  // says that none does, through the token's cached entry, which costs no
  // hashing. Lets a rule turn a token away before trying its other steps.
  GUILLEMET_NORM_INLINE bool MayStartWith(const Token& t) const {
    if (t.type == Token::kQuote) return false;
    return vocabulary_ == nullptr || Indexed(t.norm, &WordEntry::starts);
  }
  // The same for a word by its vocabulary entry under this matcher's key
  // (Lexicon::EntryOf for Key::kNorm, FoldedEntryOf for kFolded), for a
  // rule that asks several matchers about one token.
  GUILLEMET_NORM_INLINE bool MayStartWith(const WordEntry* entry) const {
    return vocabulary_ == nullptr || (entry != nullptr && (entry->starts & bit_) != 0);
  }
  // Length of the longest phrase ending just before tokens[end].
  int LongestEndingAt(const std::vector<Token>& tokens, int end) const {
    if (end <= 0 || end > static_cast<int>(tokens.size())) return 0;
    if (tokens[end - 1].type == Token::kQuote) return 0;
    if (vocabulary_ != nullptr && !Indexed(tokens[end - 1].norm, &WordEntry::ends)) return 0;
    return LongestEndingFrom(tokens, end);
  }
  bool empty() const { return forward_[0].children.empty(); }
  // Marks in `vocabulary` the words this matcher's phrases start and end
  // with (bit `bit`), so that a token that starts none is turned away
  // without hashing it again. Once all phrases are added.
  void Index(Vocabulary* vocabulary, int bit);

 private:
  struct Node {
    StringMap<int> children;    // Next word -> node; 0 (the root) is never a child.
    bool ends = false;          // A phrase ends here.
    std::vector<int> payloads;  // Its payloads (forward trie only).
  };
  // Whether the vocabulary marks the word (by its key) as starting or
  // ending (`bits`) a phrase of this matcher.
  GUILLEMET_NORM_INLINE bool Indexed(const Norm& norm, uint64_t WordEntry::*bits) const {
    const WordEntry* e = key_ == Key::kNorm ? vocabulary_->Of(norm) : vocabulary_->FoldedOf(norm);
    return e != nullptr && (e->*bits & bit_) != 0;
  }
  // LongestAt and LongestEndingAt once the first word may start a phrase.
  int LongestFrom(const std::vector<Token>& tokens, int i, std::vector<int>* payloads) const;
  int LongestEndingFrom(const std::vector<Token>& tokens, int end) const;
  // The child of a trie node by a token's word: through the edges keyed by
  // vocabulary entries once indexed, else by the word's string; -1 if none.
  int Child(const std::vector<Node>& trie, const PhraseEdges& edges, int node, const Token& t) const;
  // Appends `words` (in the given order) to a trie; returns the last node.
  static int Insert(std::vector<Node>* trie, const std::vector<std::string>& words, bool reversed);
  // The token's key: its norm, or the norm's FoldKey (valid until the
  // next call).
  std::string_view KeyOf(const Token& t) const;
  Key key_;
  const Vocabulary* vocabulary_ = nullptr;  // Set by Index().
  uint64_t bit_ = 0;
  std::vector<Node> forward_ = std::vector<Node>(1);
  std::vector<Node> backward_ = std::vector<Node>(1);
  // The same tries' edges by vocabulary entry, filled by Index().
  PhraseEdges forward_edges_, backward_edges_;
};

struct WordFeatures {
  char gender = 0;  // 'm', 'f', 0
  bool plural = false;
  bool definite = false;
  // "son", "leur": the noun names someone related to another person.
  bool possessive = false;
  // party_noun: the sides of a trial the noun may name, a bit each (0: none).
  uint8_t side = 0;
  // party_verb: only a participle in apposition ("X, jugé pour vol"),
  // whose person is the one before its comma.
  bool apposed = false;
  // position_noun: the position the noun names (1, 2 …; 0: none). Nouns of
  // one position name the same person ("le PDG", "le patron").
  uint8_t position = 0;
};

// A line of nationalities.tsv, and one spelling of it ("américaines").
struct Nationality {
  std::string masculine, feminine;
  std::string country;  // The prefix of the country's office ids: "us".
};
struct NationalityForm {
  int nationality = -1;
  char gender = 0;
  bool plural = false;
};

// The word classes of words.tsv, which the rules ask about by this name
// rather than by string: a look-up is then an array index, not a hash.
// clang-format off
enum class WordClass : uint8_t {
  kTitle, kParticle, kNotName, kPronoun, kDemonstrative, kAdverb, kTime, kPreposition, kDeterminer,
  kModal, kNaming, kNamingAfter, kNegation, kSourceNoun, kDocumentNoun, kRelative, kClauseBoundary,
  kMedia, kNotCue, kPredecessor, kSuccessor, kBodyNoun, kBackReference, kWorkNoun, kManagementNoun,
  kOrgAnaphor, kHomeCountry, kCounterpart, kPseudonym, kPlaceNoun, kBylineNoun, kImpersonal,
  kSpeechNoun, kSpeakerLink, kPostedBodyNoun, kOriginNoun, kPartyNoun, kPartyVerb, kPersonNoun,
  kGuestNoun, kKinNoun, kProtagonist, kVictoryVerb, kWinnerNoun, kElectedNoun, kElectedOffice,
  kPlainVerb, kCompanyNoun, kFieldNoun, kResumption, kPositionNoun, kMetParticiple, kSourceAnaphor, kChargeWord,
  kAnyBodyOffice, kNameSuffix, kOfficeVerb, kCount
};
// clang-format on
// Its name in words.tsv: "title", "not_name", "clause_boundary"...
const char* WordClassName(WordClass word_class);

class Lexicon {
 public:
  Lexicon() = default;
  Lexicon(const Lexicon&) = delete;  // Matchers point into the vocabulary.
  Lexicon& operator=(const Lexicon&) = delete;

  static Status Load(const std::string& patterns_dir, Lexicon* out);

  // A reporting verb form found under a token's norm.
  struct FormRef {
    int verb;
    const VerbForm* form;
  };
  const std::vector<FormRef>* FormsOf(std::string_view norm) const;
  const AuxiliaryForm* AuxiliaryOf(std::string_view norm) const;
  // The same for a token's norm, through the vocabulary's cache. Inline,
  // as the vocabulary's look-ups (see PhraseMatcher::LongestAt): the cue
  // finder asks them of nearly every token.
  GUILLEMET_NORM_INLINE const std::vector<FormRef>* FormsOf(const Norm& norm) const {
    const WordEntry* e = vocabulary_->Of(norm);
    return e == nullptr || e->forms < 0 ? nullptr : &forms_.entries()[e->forms].second;
  }
  GUILLEMET_NORM_INLINE const AuxiliaryForm* AuxiliaryOf(const Norm& norm) const {
    const WordEntry* e = vocabulary_->Of(norm);
    return e == nullptr || e->auxiliary < 0 ? nullptr : &auxiliaries_[e->auxiliary];
  }
  const ReportingVerb& verb(int i) const { return verbs_[i]; }
  // The vocabulary's entry of a token's norm, or of the norm's FoldKey;
  // nullptr for a word that no pattern has. For a rule that asks many
  // questions of one token (the finders' gates): each question below
  // fetches the entry from the token's cache again, which costs more than
  // the question itself.
  GUILLEMET_NORM_INLINE const WordEntry* EntryOf(const Norm& norm) const { return vocabulary_->Of(norm); }
  GUILLEMET_NORM_INLINE const WordEntry* FoldedEntryOf(const Norm& norm) const {
    return vocabulary_->FoldedOf(norm);
  }
  // Questions of an entry by norm: whether the word is a verb form, an
  // auxiliary, in a word class.
  static bool IsVerbForm(const WordEntry& e) { return e.forms >= 0; }
  static bool IsAuxiliary(const WordEntry& e) { return e.auxiliary >= 0; }
  static bool Is(WordClass word_class, const WordEntry& e) {
    return (e.classes >> static_cast<int>(word_class) & 1) != 0;
  }
  // Word classes of words.tsv: the phrases of a class, and whether a token
  // alone is one of its words.
  const PhraseMatcher& words(WordClass word_class) const {
    return word_class_matchers_[static_cast<int>(word_class)];
  }
  // The length of the adverb or time phrase at tokens[k] ("encore",
  // "hier soir", "jeudi"), 0 if none: what may stand between a verb and
  // what it governs.
  int AdverbOrTimeAt(const std::vector<Token>& tokens, int k) const {
    const int len = words(WordClass::kAdverb).LongestAt(tokens, k, nullptr);
    return len > 0 ? len : words(WordClass::kTime).LongestAt(tokens, k, nullptr);
  }
  // Forced inline for the same reason as PhraseMatcher::LongestAt.
  GUILLEMET_NORM_INLINE bool Is(WordClass word_class, const Token& t) const {
    if (t.type == Token::kQuote) return false;
    const WordEntry* e = vocabulary_->Of(t.norm);
    return e != nullptr && (e->classes >> static_cast<int>(word_class) & 1) != 0;
  }
  // The features of a word (or phrase, its words joined by spaces) of the
  // class, or nullptr if the class has no such word.
  const WordFeatures* FeaturesOf(WordClass word_class, std::string_view norm) const;
  // The same for a token's norm, through the vocabulary's cache: no
  // hashing, where the rules ask it of every determiner and pronoun.
  GUILLEMET_NORM_INLINE const WordFeatures* FeaturesOf(WordClass word_class, const Norm& norm) const {
    const WordEntry* e = vocabulary_->Of(norm);
    const int c = static_cast<int>(word_class);
    if (e == nullptr || (e->classes >> c & 1) == 0) return nullptr;
    return &class_features_[e->FeaturesIndex(c)];
  }

  // Cue templates: kind "source", "source_of", "source_comma" or "channel"
  // by payload.
  const PhraseMatcher& cue_templates() const { return cue_templates_; }
  const std::string& template_kind(int payload) const { return template_kinds_[payload]; }

  // 0 if not a known first name; 'x' for one borne by men and women alike.
  char FirstNameGender(std::string_view folded) const;
  // The same for a token's norm, its FoldKey remembered per thread (the
  // name rules ask it of many capitalised words, the same from article
  // to article).
  char FirstNameGenderOfNorm(const std::string& norm) const;

  // "américain", "Russes" (by norm, lowercase): the nationality it spells, or null.
  const NationalityForm* NationalityOf(std::string_view norm) const {
    return nationality_forms_.Find(norm);
  }
  const Nationality& nationality(int i) const { return nationalities_[i]; }
  int nationality_count() const { return static_cast<int>(nationalities_.size()); }
  // The first nationality of i's country: "anglais" and "britannique"
  // are one country's, counted as one.
  int CountryOf(int i) const {
    return (*nationalities_of_country_.Find(nationalities_[i].country))[0];
  }
  // Whether an office id of roles.tsv belongs to the nationality's country.
  bool OfficeOf(int nationality, const std::string& office) const;
  // The nationalities whose country an office id belongs to ("us" of
  // "us-secretary-of-state"), in order: its prefixes up to a hyphen looked
  // up, rather than every nationality tried.
  template <typename Visit>
  void ForEachNationalityOfOffice(std::string_view office, Visit visit) const {
    for (size_t hyphen = office.find('-'); hyphen != std::string_view::npos;
         hyphen = office.find('-', hyphen + 1)) {
      if (const std::vector<int>* list = nationalities_of_country_.Find(office.substr(0, hyphen))) {
        for (int n : *list) visit(n);
      }
    }
  }

  const SpeakerKb& kb() const { return kb_; }
  const PhraseMatcher& kb_names() const { return kb_names_; }      // Payload: speaker index.
  const PhraseMatcher& kb_epithets() const { return kb_epithets_; }  // Payload: speaker index.
  const PhraseMatcher& role_phrases() const { return role_phrases_; }  // Payload: role_phrases() index.
  // Places standing for a country's government ("Moscou", "le Kremlin",
  // "le Quai d'Orsay"), the fourth column of nationalities.tsv.
  const PhraseMatcher& seats() const { return seats_; }  // Payload: nationality index.
  // The country's own names ("la Belgique"), the fifth column.
  const PhraseMatcher& country_names() const { return country_names_; }  // Payload: nationality index.

  const quotes::QuoteMarks& quote_marks() const { return quote_marks_; }

 private:
  // Fills the vocabulary from everything loaded, once.
  void IndexVocabulary();

  std::unique_ptr<Vocabulary> vocabulary_ = std::make_unique<Vocabulary>();

  std::vector<ReportingVerb> verbs_;
  std::vector<AuxiliaryForm> auxiliaries_;
  StringMap<std::vector<FormRef>> forms_;
  StringMap<int> auxiliary_index_;
  static constexpr int kWordClasses = static_cast<int>(WordClass::kCount);
  static_assert(kWordClasses <= Vocabulary::kBits, "a bit per word class in WordEntry::classes");
  // By WordClass; the bit of class c in WordEntry::classes is c.
  std::array<PhraseMatcher, kWordClasses> word_class_matchers_;
  std::array<StringMap<WordFeatures>, kWordClasses> word_class_features_;
  // The same features by vocabulary entry (WordEntry::features).
  std::vector<WordFeatures> class_features_;
  PhraseMatcher cue_templates_;
  std::vector<std::string> template_kinds_;
  StringMap<char> first_names_;
  std::vector<Nationality> nationalities_;
  StringMap<NationalityForm> nationality_forms_;
  StringMap<std::vector<int>> nationalities_of_country_;  // Country id -> nationalities.
  SpeakerKb kb_;
  PhraseMatcher kb_names_{PhraseMatcher::Key::kFolded};
  PhraseMatcher kb_epithets_{PhraseMatcher::Key::kFolded};
  PhraseMatcher role_phrases_{PhraseMatcher::Key::kFolded};
  PhraseMatcher seats_{PhraseMatcher::Key::kFolded};
  PhraseMatcher country_names_{PhraseMatcher::Key::kFolded};
  quotes::QuoteMarks quote_marks_;
};

}  // namespace guillemet::cues

#endif  // GUILLEMET_CUES_LEXICON_H_
