// Everything the rules know about French, loaded once from patterns/ and
// compiled into look-up tables: reporting verb forms, auxiliaries, word
// classes, cue templates, first names, and the speaker knowledge base with
// its name, epithet and role phrases. Immutable after Load(), so one Lexicon
// is shared by every thread.
#ifndef GUILLEMET_CUES_LEXICON_H_
#define GUILLEMET_CUES_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/types.h"
#include "cues/conjugate.h"
#include "cues/speaker_kb.h"
#include "quotes/quote_finder.h"

namespace guillemet::cues {

// Longest-match look-up of multi-word phrases over tokens.
class PhraseMatcher {
 public:
  enum class Key { kNorm, kFolded };  // Token::norm, or FoldKey (accents ignored).
  explicit PhraseMatcher(Key key = Key::kNorm) : key_(key) {}
  void Add(const std::vector<std::string>& words, int payload);
  // Length of the longest phrase starting at tokens[i] (0 if none); its
  // payloads in *payloads. Quotations and line starts end a phrase.
  int LongestAt(const std::vector<Token>& tokens, int i, std::vector<int>* payloads) const;
  // Length of the longest phrase ending just before tokens[end].
  int LongestEndingAt(const std::vector<Token>& tokens, int end) const;
  bool empty() const { return by_first_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> words;
    int payload;
  };
  std::string KeyOf(const Token& t) const;
  Key key_;
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
  std::unordered_map<std::string, std::vector<Entry>> by_last_;
};

struct WordFeatures {
  char gender = 0;  // 'm', 'f', 0
  bool plural = false;
  bool definite = false;
};

class Lexicon {
 public:
  static Status Load(const std::string& patterns_dir, Lexicon* out);

  // A reporting verb form found under a token's norm.
  struct FormRef {
    int verb;
    const VerbForm* form;
  };
  const std::vector<FormRef>* FormsOf(const std::string& norm) const;
  const AuxiliaryForm* AuxiliaryOf(const std::string& norm) const;
  const ReportingVerb& verb(int i) const { return verbs_[i]; }

  // Word classes of words.tsv ("adverb", "determiner", ...).
  const PhraseMatcher& words(const std::string& word_class) const;
  bool Is(const std::string& word_class, const Token& t) const;
  const WordFeatures* FeaturesOf(const std::string& word_class, const std::string& norm) const;

  // Cue templates: kind "source", "source_comma" or "channel" by payload.
  const PhraseMatcher& cue_templates() const { return cue_templates_; }
  const std::string& template_kind(int payload) const { return template_kinds_[payload]; }

  char FirstNameGender(const std::string& folded) const;  // 0 if not a known first name.

  const SpeakerKb& kb() const { return kb_; }
  const PhraseMatcher& kb_names() const { return kb_names_; }      // Payload: speaker index.
  const PhraseMatcher& kb_epithets() const { return kb_epithets_; }  // Payload: speaker index.
  const PhraseMatcher& role_phrases() const { return role_phrases_; }  // Payload: role_phrases() index.

  const quotes::QuoteMarks& quote_marks() const { return quote_marks_; }

 private:
  std::vector<ReportingVerb> verbs_;
  std::vector<AuxiliaryForm> auxiliaries_;
  std::unordered_map<std::string, std::vector<FormRef>> forms_;
  std::unordered_map<std::string, int> auxiliary_index_;
  std::unordered_map<std::string, PhraseMatcher> word_classes_;
  std::unordered_map<std::string, std::unordered_map<std::string, WordFeatures>> features_;
  PhraseMatcher cue_templates_;
  std::vector<std::string> template_kinds_;
  std::unordered_map<std::string, char> first_names_;
  SpeakerKb kb_;
  PhraseMatcher kb_names_{PhraseMatcher::Key::kFolded};
  PhraseMatcher kb_epithets_{PhraseMatcher::Key::kFolded};
  PhraseMatcher role_phrases_{PhraseMatcher::Key::kFolded};
  quotes::QuoteMarks quote_marks_;
};

}  // namespace guillemet::cues

#endif  // GUILLEMET_CUES_LEXICON_H_
