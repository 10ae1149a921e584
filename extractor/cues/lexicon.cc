#include "cues/lexicon.h"

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
  by_first_[words.front()].push_back({words, payload});
  by_last_[words.back()].push_back({words, payload});
}

std::string PhraseMatcher::KeyOf(const Token& t) const {
  return key_ == Key::kNorm ? t.norm : FoldKey(t.norm);
}

int PhraseMatcher::LongestAt(const std::vector<Token>& tokens, int i,
                             std::vector<int>* payloads) const {
  if (payloads != nullptr) payloads->clear();
  if (i < 0 || i >= static_cast<int>(tokens.size()) || tokens[i].type == Token::kQuote) return 0;
  auto it = by_first_.find(KeyOf(tokens[i]));
  if (it == by_first_.end()) return 0;
  int best = 0;
  for (const Entry& e : it->second) {
    int n = static_cast<int>(e.words.size());
    if (i + n > static_cast<int>(tokens.size()) || n < best) continue;
    bool ok = true;
    for (int k = 1; k < n && ok; ++k) {
      const Token& t = tokens[i + k];
      ok = t.type != Token::kQuote && !t.line_start && KeyOf(t) == e.words[k];
    }
    if (!ok) continue;
    if (n > best) {
      best = n;
      if (payloads != nullptr) payloads->clear();
    }
    if (payloads != nullptr) payloads->push_back(e.payload);
  }
  return best;
}

int PhraseMatcher::LongestEndingAt(const std::vector<Token>& tokens, int end) const {
  if (end <= 0 || end > static_cast<int>(tokens.size())) return 0;
  const Token& last = tokens[end - 1];
  if (last.type == Token::kQuote) return 0;
  auto it = by_last_.find(KeyOf(last));
  if (it == by_last_.end()) return 0;
  int best = 0;
  for (const Entry& e : it->second) {
    int n = static_cast<int>(e.words.size());
    if (n > end || n <= best) continue;
    bool ok = true;
    for (int k = 0; k < n - 1 && ok; ++k) {
      const Token& t = tokens[end - n + k];
      ok = t.type != Token::kQuote && (k == 0 || !t.line_start) && KeyOf(t) == e.words[k];
    }
    if (ok && !tokens[end - 1].line_start) best = n;
    if (ok && n == 1) best = std::max(best, 1);
  }
  return best;
}

const std::vector<Lexicon::FormRef>* Lexicon::FormsOf(const std::string& norm) const {
  auto it = forms_.find(norm);
  return it == forms_.end() ? nullptr : &it->second;
}

const AuxiliaryForm* Lexicon::AuxiliaryOf(const std::string& norm) const {
  auto it = auxiliary_index_.find(norm);
  return it == auxiliary_index_.end() ? nullptr : &auxiliaries_[it->second];
}

const PhraseMatcher& Lexicon::words(const std::string& word_class) const {
  static const PhraseMatcher kEmpty;
  auto it = word_classes_.find(word_class);
  return it == word_classes_.end() ? kEmpty : it->second;
}

bool Lexicon::Is(const std::string& word_class, const Token& t) const {
  if (t.type == Token::kQuote) return false;
  auto it = features_.find(word_class);
  return it != features_.end() && it->second.count(t.norm) > 0;
}

const WordFeatures* Lexicon::FeaturesOf(const std::string& word_class,
                                        const std::string& norm) const {
  auto it = features_.find(word_class);
  if (it == features_.end()) return nullptr;
  auto f = it->second.find(norm);
  return f == it->second.end() ? nullptr : &f->second;
}

char Lexicon::FirstNameGender(const std::string& folded) const {
  auto it = first_names_.find(folded);
  return it == first_names_.end() ? 0 : it->second;
}

Status Lexicon::Load(const std::string& dir, Lexicon* out) {
  Lexicon& lex = *out;
  Status s = quotes::QuoteMarks::Load(dir + "/quote_marks.tsv", &lex.quote_marks_);
  if (!s.ok()) return s;

  s = LoadReportingVerbs(dir, &lex.verbs_, &lex.auxiliaries_);
  if (!s.ok()) return s;
  for (size_t v = 0; v < lex.verbs_.size(); ++v) {
    for (const VerbForm& f : lex.verbs_[v].forms) {
      lex.forms_[f.word].push_back({static_cast<int>(v), &f});
    }
  }
  for (size_t a = 0; a < lex.auxiliaries_.size(); ++a) {
    lex.auxiliary_index_.emplace(lex.auxiliaries_[a].word, static_cast<int>(a));
  }

  static const char* const kClasses[] = {
      "title",    "particle", "not_name",     "pronoun",    "demonstrative", "adverb",
      "time",     "preposition", "determiner", "modal",     "naming",        "naming_after",
      "negation", "source_noun", "document_noun", "relative",    "clause_boundary", "media",  "not_cue"};
  s = ReadTsv(dir + "/words.tsv", [&](int, const std::vector<std::string_view>& f) -> std::string {
    if (f.size() < 2 || f.size() > 3) return "expected CLASS<TAB>WORD<TAB>[FEATURES]";
    std::string cls(f[0]);
    bool known = false;
    for (const char* c : kClasses) known = known || cls == c;
    if (!known) return "unknown word class '" + cls + "'";
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
        } else if (!(feature == "sg" || feature == "indefinite" || feature.empty())) {
          return "unknown feature '" + std::string(feature) + "'";
        }
        if (space == std::string_view::npos) break;
        start = space + 1;
      }
    }
    PhraseMatcher& m = lex.word_classes_[cls];
    m.Add(words, 0);
    std::string joined;
    for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
    lex.features_[cls][joined] = features;
    return "";
  });
  if (!s.ok()) return s;

  s = ReadTsv(dir + "/cue_templates.tsv",
              [&](int, const std::vector<std::string_view>& f) -> std::string {
                if (f.size() != 2) return "expected PHRASE<TAB>KIND";
                if (f[1] != "source" && f[1] != "source_comma" && f[1] != "channel") {
                  return "kind must be source, source_comma or channel";
                }
                lex.cue_templates_.Add(normalize::TokenizePhrase(f[0]),
                                       static_cast<int>(lex.template_kinds_.size()));
                lex.template_kinds_.emplace_back(f[1]);
                return "";
              });
  if (!s.ok()) return s;

  s = ReadTsv(dir + "/first_names.tsv",
              [&](int, const std::vector<std::string_view>& f) -> std::string {
                if (f.size() != 2 || (f[1] != "m" && f[1] != "f")) {
                  return "expected NAME<TAB>m|f";
                }
                lex.first_names_[FoldKey(f[0])] = f[1][0];
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
  return Status::OK();
}

}  // namespace guillemet::cues
