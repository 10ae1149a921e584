#include "cues/lexicon.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/tsv.h"
#include "core/unicode.h"
#include "normalize/tokenize.h"

namespace guillemet::cues {
namespace {

std::vector<std::string> Folded(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(FoldKey(w));
  return out;
}

// Leading articles are not part of a name or an epithet as matched.
std::vector<std::string> WithoutArticle(std::vector<std::string> words) {
  static const char* const kArticles[] = {"le", "la", "les", "l'"};
  if (words.size() > 1) {
    for (const char* a : kArticles) {
      if (words[0] == a) {
        words.erase(words.begin());
        break;
      }
    }
  }
  return words;
}

}  // namespace

void PhraseMatcher::Add(const std::vector<std::string>& words, int payload) {
  if (words.empty()) return;
  forward_[Insert(&forward_, words, false)].payloads.push_back(payload);
  Insert(&backward_, words, true);
}

int PhraseMatcher::Insert(std::vector<Node>* trie, const std::vector<std::string>& words,
                          bool reversed) {
  int node = 0;
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string& word = words[reversed ? words.size() - 1 - w : w];
    if (const int* child = (*trie)[node].children.Find(word)) {
      node = *child;
      continue;
    }
    const int next = static_cast<int>(trie->size());
    trie->emplace_back();  // May move the nodes: index again below.
    (*trie)[node].children[word] = next;
    node = next;
  }
  (*trie)[node].ends = true;
  return node;
}

void PhraseMatcher::Index(Vocabulary* vocabulary, int bit) {
  if (bit >= Vocabulary::kBits) return;  // Not indexed: every look-up hashes.
  bit_ = uint64_t{1} << bit;
  auto entry = [&](const std::string& word) -> WordEntry& {
    return key_ == Key::kNorm ? vocabulary->Add(word) : vocabulary->AddFolded(word);
  };
  for (const auto& [word, node] : forward_[0].children.entries()) entry(word).starts |= bit_;
  for (const auto& [word, node] : backward_[0].children.entries()) entry(word).ends |= bit_;
  // Every word of every phrase gets an entry (one that says nothing when
  // the word is only inside phrases, see WordEntry::Marked), and the tries'
  // edges are keyed by those entries.
  auto index = [&](const std::string& word) {
    return key_ == Key::kNorm ? vocabulary->AddIndex(word) : vocabulary->AddFoldedIndex(word);
  };
  for (auto [trie, edges] : {std::pair{&forward_, &forward_edges_}, std::pair{&backward_, &backward_edges_}}) {
    for (size_t node = 0; node < trie->size(); ++node) {
      for (const auto& [word, child] : (*trie)[node].children.entries()) {
        edges->Add(static_cast<int>(node), index(word), child);
      }
    }
  }
  vocabulary_ = vocabulary;
}

int PhraseMatcher::Child(const std::vector<Node>& trie, const PhraseEdges& edges, int node,
                         const Token& t) const {
  if (vocabulary_ == nullptr) {
    const int* child = trie[node].children.Find(KeyOf(t));
    return child == nullptr ? -1 : *child;
  }
  const int entry = key_ == Key::kNorm ? vocabulary_->IndexOf(t.norm) : vocabulary_->FoldedIndexOf(t.norm);
  return entry < 0 ? -1 : edges.Find(node, entry);
}

namespace {

// FoldKey(norm), remembered per thread: the words that folding changes
// (accented ones) recur from article to article, and a phrase look-up
// folds each word it reads. The view stays valid until the next call;
// past kMaxRemembered words all are forgotten, so that memory stays
// bounded on any input.
std::string_view RememberedFoldKey(const std::string& norm) {
  constexpr size_t kMaxRemembered = 1 << 14;  // About 1 MB.
  thread_local std::unordered_map<std::string, std::string> key_of_norm;
  if (key_of_norm.size() >= kMaxRemembered) key_of_norm.clear();
  auto [it, inserted] = key_of_norm.try_emplace(norm);
  if (inserted) it->second = FoldKey(norm);
  return it->second;
}

}  // namespace

std::string_view PhraseMatcher::KeyOf(const Token& t) const {
  if (key_ == Key::kNorm || FoldKeyIsIdentity(t.norm)) return t.norm;
  return RememberedFoldKey(t.norm);
}

int PhraseMatcher::LongestFrom(const std::vector<Token>& tokens, int i,
                               std::vector<int>* payloads) const {
  const int n = static_cast<int>(tokens.size());
  int node = 0, best = 0, best_node = 0;
  for (int k = i; k < n; ++k) {
    const Token& t = tokens[k];
    if (k > i && (t.type == Token::kQuote || t.line_start)) break;
    const int next = Child(forward_, forward_edges_, node, t);
    if (next < 0) break;
    node = next;
    if (forward_[node].ends) {
      best = k + 1 - i;
      best_node = node;
    }
  }
  if (payloads != nullptr && best > 0) *payloads = forward_[best_node].payloads;
  return best;
}

int PhraseMatcher::LongestEndingFrom(const std::vector<Token>& tokens, int end) const {
  int node = 0, best = 0;
  for (int k = end - 1; k >= 0; --k) {
    const Token& t = tokens[k];
    // Only a phrase's first word may start a line.
    if (k < end - 1 && (t.type == Token::kQuote || tokens[k + 1].line_start)) break;
    const int next = Child(backward_, backward_edges_, node, t);
    if (next < 0) break;
    node = next;
    if (backward_[node].ends) best = end - k;
  }
  return best;
}

const std::vector<Lexicon::FormRef>* Lexicon::FormsOf(std::string_view norm) const {
  return forms_.Find(norm);
}

const AuxiliaryForm* Lexicon::AuxiliaryOf(std::string_view norm) const {
  const int* index = auxiliary_index_.Find(norm);
  return index == nullptr ? nullptr : &auxiliaries_[*index];
}

const char* WordClassName(WordClass word_class) {
  // The names read as a table.
  // clang-format off
  static const char* const kNames[] = {
      "title",      "particle",    "not_name",      "pronoun",  "demonstrative",
      "adverb",     "time",        "preposition",   "determiner", "modal",
      "naming",     "naming_after", "negation",     "source_noun", "document_noun",
      "relative",   "clause_boundary", "media",     "not_cue",     "predecessor",
      "successor",  "body_noun",   "back_reference", "work_noun", "management_noun",
      "org_anaphor", "home_country", "counterpart", "pseudonym", "place_noun", "byline_noun",
      "impersonal", "speech_noun", "speaker_link", "posted_body_noun", "origin_noun",
      "party_noun", "party_verb", "person_noun", "guest_noun", "kin_noun", "protagonist",
      "victory_verb", "winner_noun", "elected_noun", "elected_office", "plain_verb",
      "company_noun", "field_noun", "resumption", "position_noun",
      "met_participle", "source_anaphor", "charge_word", "any_body_office",
      "name_suffix", "office_verb"};
  // clang-format on
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(WordClass::kCount),
                "a name per word class");
  return kNames[static_cast<int>(word_class)];
}

const WordFeatures* Lexicon::FeaturesOf(WordClass word_class, std::string_view norm) const {
  return word_class_features_[static_cast<int>(word_class)].Find(norm);
}

char Lexicon::FirstNameGender(std::string_view folded) const {
  const char* gender = first_names_.Find(folded);
  if (gender != nullptr) return *gender;
  // "Claire-Marie", "Jean-Baptiste": a compound of first names has the
  // gender of its first part ("Marie-Claire" f, "Jean-Marie" m).
  const size_t dash = folded.find('-');
  if (dash == std::string_view::npos || dash == 0) return 0;
  const char* first = first_names_.Find(folded.substr(0, dash));
  if (first == nullptr) return 0;
  for (size_t from = dash + 1; from <= folded.size();) {
    const size_t end = std::min(folded.find('-', from), folded.size());
    if (end == from || first_names_.Find(folded.substr(from, end - from)) == nullptr) return 0;
    from = end + 1;
  }
  return *first;
}

char Lexicon::FirstNameGenderOfNorm(const std::string& norm) const {
  return FirstNameGender(FoldKeyIsIdentity(norm) ? std::string_view(norm) : RememberedFoldKey(norm));
}

bool Lexicon::OfficeOf(int nationality, const std::string& office) const {
  const std::string& country = nationalities_[nationality].country;
  return office.size() > country.size() && office[country.size()] == '-' &&
         office.compare(0, country.size(), country) == 0;
}

void Lexicon::IndexVocabulary() {
  // The vocabulary tells the words that start or end a matcher's phrases
  // only once its words are indexed, which takes a bit of its own.
  static_assert(kWordClasses + 6 <= Vocabulary::kBits, "a bit per phrase matcher");
  Vocabulary& v = *vocabulary_;
  int bit = 0;
  for (PhraseMatcher& matcher : word_class_matchers_) matcher.Index(&v, bit++);
  for (PhraseMatcher* m :
       {&cue_templates_, &kb_names_, &kb_epithets_, &role_phrases_, &seats_, &country_names_}) {
    m->Index(&v, bit++);
  }
  for (int c = 0; c < kWordClasses; ++c) {
    for (const auto& [word, features] : word_class_features_[c].entries()) {
      v.Add(word).classes |= uint64_t{1} << c;
    }
  }
  // Once every class bit is set: each word's features, class by class.
  for (int c = 0; c < kWordClasses; ++c) {
    for (const auto& [word, features] : word_class_features_[c].entries()) {
      WordEntry& e = v.Add(word);
      if (e.features < 0) {
        e.features = static_cast<int>(class_features_.size());
        class_features_.resize(e.FeaturesIndex(kWordClasses));
      }
      class_features_[e.FeaturesIndex(c)] = features;
    }
  }
  for (size_t f = 0; f < forms_.entries().size(); ++f) {
    v.Add(forms_.entries()[f].first).forms = static_cast<int>(f);
  }
  for (const auto& [word, auxiliary] : auxiliary_index_.entries()) v.Add(word).auxiliary = auxiliary;
  v.LinkFoldedEntries();
}

Status Lexicon::Load(const std::string& dir, Lexicon* out) {
  Lexicon& lex = *out;
  Status s = quotes::QuoteMarks::Load(dir + "/quote_marks.tsv", &lex.quote_marks_);
  if (!s.ok()) return s;

  s = LoadReportingVerbs(dir, &lex.verbs_, &lex.auxiliaries_);
  if (!s.ok()) return s;
  // Tokenised once here rather than each time a form of the verb is met.
  for (ReportingVerb& verb : lex.verbs_) verb.tail_words = normalize::TokenizePhrase(verb.tail);
  for (size_t v = 0; v < lex.verbs_.size(); ++v) {
    for (const VerbForm& f : lex.verbs_[v].forms) {
      lex.forms_[f.word].push_back({static_cast<int>(v), &f});
    }
  }
  for (size_t a = 0; a < lex.auxiliaries_.size(); ++a) {
    // The first auxiliary listed under a word wins, as emplace() did.
    if (!lex.auxiliary_index_.Contains(lex.auxiliaries_[a].word)) {
      lex.auxiliary_index_[lex.auxiliaries_[a].word] = static_cast<int>(a);
    }
  }

  std::vector<std::string> sides;
  std::vector<std::string> positions;
  // A word listed twice in one class is a slip: the line of its first listing, by class and word.
  std::map<std::pair<int, std::string>, int> line_of_word;
  const auto read_word = [&](int n, const std::vector<std::string_view>& f) -> std::string {
    if (f.size() < 2 || f.size() > 3) return "expected CLASS<TAB>WORD<TAB>[FEATURES]";
    int cls = 0;
    while (cls < kWordClasses && f[0] != WordClassName(static_cast<WordClass>(cls))) ++cls;
    if (cls == kWordClasses) return "unknown word class '" + std::string(f[0]) + "'";
    std::vector<std::string> words = normalize::TokenizePhrase(f[1]);
    if (words.empty()) return "empty word";
    WordFeatures features;
    if (f.size() == 3) {
      size_t start = 0;
      std::string_view list = f[2];
      while (start <= list.size()) {
        size_t space = list.find(' ', start);
        std::string_view feature = list.substr(start, space == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : space - start);
        if (feature == "m" || feature == "f") {
          features.gender = feature[0];
        } else if (feature == "pl") {
          features.plural = true;
        } else if (feature == "definite") {
          features.definite = true;
        } else if (feature == "possessive") {
          features.possessive = true;
        } else if (feature == "apposed") {
          features.apposed = true;
        } else if (feature.substr(0, 5) == "side=" && feature.size() > 5) {
          // Sides are told apart, never named: a bit per side name. "a|b":
          // either ("magistrat": the bench or the prosecution).
          std::string_view names = feature.substr(5);
          for (;;) {
            const size_t bar = names.find('|');
            const std::string_view name = names.substr(0, bar);
            if (name.empty()) return "empty side name";
            auto it = std::find(sides.begin(), sides.end(), name);
            if (it == sides.end()) it = sides.insert(sides.end(), std::string(name));
            if (sides.size() > 8) return "too many sides (8 at most)";
            features.side = static_cast<uint8_t>(features.side | (1u << (it - sides.begin())));
            if (bar == std::string_view::npos) break;
            names.remove_prefix(bar + 1);
          }
        } else if (feature.substr(0, 9) == "position=" && feature.size() > 9) {
          const std::string_view name = feature.substr(9);
          auto it = std::find(positions.begin(), positions.end(), name);
          if (it == positions.end()) it = positions.insert(positions.end(), std::string(name));
          if (positions.size() > 255) return "too many positions (255 at most)";
          features.position = static_cast<uint8_t>(it - positions.begin() + 1);
        } else if (!(feature == "sg" || feature == "indefinite" || feature.empty())) {
          return "unknown feature '" + std::string(feature) + "'";
        }
        if (space == std::string_view::npos) break;
        start = space + 1;
      }
    }
    std::string joined;
    for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
    const auto [first, inserted] = line_of_word.emplace(std::make_pair(cls, joined), n);
    if (!inserted) {
      return "'" + joined + "' is already a " + std::string(f[0]) + " (line " +
             std::to_string(first->second) + ")";
    }
    lex.word_class_matchers_[cls].Add(words, 0);
    lex.word_class_features_[cls][joined] = features;
    return "";
  };
  s = ReadTsv(dir + "/words.tsv", read_word);
  if (!s.ok()) return s;

  s = ReadTsv(dir + "/cue_templates.tsv",
              [&](int, const std::vector<std::string_view>& f) -> std::string {
                if (f.size() != 2) return "expected PHRASE<TAB>KIND";
                if (f[1] != "source" && f[1] != "source_of" && f[1] != "source_comma" &&
                    f[1] != "channel") {
                  return "kind must be source, source_of, source_comma or channel";
                }
                lex.cue_templates_.Add(normalize::TokenizePhrase(f[0]),
                                       static_cast<int>(lex.template_kinds_.size()));
                lex.template_kinds_.emplace_back(f[1]);
                return "";
              });
  if (!s.ok()) return s;

  s = ReadTsv(dir + "/first_names.tsv",
              [&](int, const std::vector<std::string_view>& f) -> std::string {
                if (f.size() != 2 || (f[1] != "m" && f[1] != "f" && f[1] != "x")) {
                  return "expected NAME<TAB>m|f|x";
                }
                lex.first_names_[FoldKey(f[0])] = f[1][0];
                return "";
              });
  if (!s.ok()) return s;

  s = ReadTsv(dir + "/nationalities.tsv",
              [&](int, const std::vector<std::string_view>& f) -> std::string {
                if (f.size() < 3 || f.size() > 5 || f[0].empty() || f[1].empty() || f[2].empty()) {
                  return "expected MASCULINE<TAB>FEMININE<TAB>COUNTRY<TAB>[SEATS]<TAB>[NAMES]";
                }
                const int index = static_cast<int>(lex.nationalities_.size());
                // SEATS and NAMES: comma-separated places.
                for (size_t column = 3; column < f.size(); ++column) {
                  PhraseMatcher& places = column == 3 ? lex.seats_ : lex.country_names_;
                  for (size_t start = 0; start < f[column].size();) {
                    size_t comma = f[column].find(',', start);
                    if (comma == std::string_view::npos) comma = f[column].size();
                    std::vector<std::string> words =
                        normalize::TokenizePhrase(f[column].substr(start, comma - start));
                    if (words.empty()) return column == 3 ? "empty seat" : "empty country name";
                    places.Add(WithoutArticle(Folded(words)), index);
                    start = comma + 1;
                  }
                }
                lex.nationalities_.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2])});
                lex.nationalities_of_country_[f[2]].push_back(index);
                for (char gender : {'m', 'f'}) {
                  std::string singular(gender == 'm' ? f[0] : f[1]);
                  if (FoldCase(singular) != singular) return "write the adjective in lowercase";
                  const char last = singular.back();
                  std::string plural = last == 's' || last == 'x' ? singular : singular + "s";
                  // "russe" is both genders: the form keeps no gender then.
                  const char g = f[0] == f[1] ? 0 : gender;
                  lex.nationality_forms_[singular] = {index, g, false};
                  lex.nationality_forms_[plural] = {index, g, true};
                }
                // "français": singular and plural alike.
                if (f[0].back() == 's') lex.nationality_forms_[std::string(f[0])].plural = false;
                return "";
              });
  if (!s.ok()) return s;

  s = SpeakerKb::Load(dir, &lex.kb_);
  if (!s.ok()) return s;
  const std::vector<Speaker>& speakers = lex.kb_.speakers();
  for (size_t i = 0; i < speakers.size(); ++i) {
    const Speaker& sp = speakers[i];
    lex.kb_names_.Add(WithoutArticle(Folded(normalize::TokenizePhrase(sp.name))),
                      static_cast<int>(i));
    for (const std::string& alias : sp.aliases) {
      lex.kb_names_.Add(WithoutArticle(Folded(normalize::TokenizePhrase(alias))),
                        static_cast<int>(i));
    }
    for (const std::string& epithet : sp.epithets) {
      lex.kb_epithets_.Add(WithoutArticle(Folded(normalize::TokenizePhrase(epithet))),
                           static_cast<int>(i));
    }
  }
  const std::vector<RolePhrase>& roles = lex.kb_.role_phrases();
  for (size_t i = 0; i < roles.size(); ++i) {
    lex.role_phrases_.Add(WithoutArticle(Folded(normalize::TokenizePhrase(roles[i].phrase))),
                          static_cast<int>(i));
  }
  lex.IndexVocabulary();
  return Status::OK();
}

}  // namespace guillemet::cues
