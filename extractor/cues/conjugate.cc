// Loads the reporting verbs of patterns/ and generates their forms. The
// French is all in the data files; the only spelling rules written here hold
// for every verb: participles agree by adding e and s, and an inverted
// pronoun needs -t- after a vowel or c.
#include "cues/conjugate.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "core/tsv.h"
#include "core/unicode.h"

namespace guillemet::cues {
namespace {

// The simple tenses, in the order of Conjugator::Class's arrays and of the
// generated forms. The names are those of the data files.
constexpr std::array<const char*, 5> kTenses = {"present", "imparfait", "passe_simple", "futur",
                                                "conditionnel"};

int TenseIndex(std::string_view name) {
  for (size_t i = 0; i < kTenses.size(); ++i) {
    if (name == kTenses[i]) return static_cast<int>(i);
  }
  return -1;
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// True if `text` is non-empty and made of lowercase letters and the ASCII
// characters of `extra`. Rejects capitals, digits, typographic apostrophes
// and decomposed accents (a combining mark is not a letter), so that every
// generated word compares byte for byte with FoldCase'd NFC text.
bool IsLowercaseWord(std::string_view text, std::string_view extra = "") {
  if (text.empty()) return false;
  for (size_t i = 0; i < text.size();) {
    char32_t c = DecodeUtf8(text, &i);
    if (c < 0x80 && extra.find(static_cast<char>(c)) != std::string_view::npos) continue;
    if (!IsLetter(c) || !IsLower(c)) return false;
  }
  return true;
}


// Byte length of the consonant group that ends `stem`: "v" of "lev", "tr" of
// "pénétr". The u of gu and qu counts as a consonant, because it only marks
// the g or q as hard ("allégu" of alléguer gives "gu").
size_t TrailingConsonants(std::string_view stem) {
  size_t end = stem.size();
  while (end > 0) {
    size_t start;
    char32_t c = DecodeUtf8Before(stem, end, &start);
    if (!IsLetter(c)) break;
    bool hard_u = c == U'u' && start > 0 && (stem[start - 1] == 'g' || stem[start - 1] == 'q');
    if (IsVowel(c) && !hard_u) break;
    end = start;
  }
  return stem.size() - end;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (true) {
    size_t at = text.find(separator);
    parts.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

// Inversion needs -t- unless the written verb already ends in a t or d
// sound: "déclare-t-il", "dira-t-il", "convainc-t-il", but "dit-il",
// "répond-il" and every plural ("disent-ils").
bool NeedsT(std::string_view word) {
  return !word.empty() && word.back() != 't' && word.back() != 'd';
}

}  // namespace

std::string Conjugator::AddRow(int line, const std::vector<std::string_view>& fields) {
  if (fields.size() < 3) {
    return "expected CLASS<TAB>KEY<TAB>VALUE..., got " + std::to_string(fields.size()) +
           " field(s)";
  }
  const std::string name(fields[0]);
  const std::string key(fields[1]);
  if (!IsLowercaseWord(name, ":.-_")) return "bad class name " + Quoted(name);
  Class& cls = classes_[name];
  if (std::find(cls.keys.begin(), cls.keys.end(), key) != cls.keys.end()) {
    return "class " + Quoted(name) + " already has a " + Quoted(key) + " line";
  }

  if (key == "ending") {
    if (fields.size() != 3) return "\"ending\" takes 1 value";
    std::string_view ending = fields[2];
    size_t star = ending.find('*');
    if (!IsLowercaseWord(ending, "*-") || ending.find('*', star + 1) != std::string_view::npos ||
        ending == "*") {
      return "bad ending " + Quoted(ending) +
             " (lowercase letters, with at most one * for a consonant group)";
    }
    cls.line = line;
    cls.ending = std::string(ending);
    cls.has_consonants = star != std::string_view::npos;
    cls.before = std::string(cls.has_consonants ? ending.substr(0, star) : "");
    cls.after = std::string(cls.has_consonants ? ending.substr(star + 1) : ending);
    cls.keys.push_back(key);
    return "";
  }
  // Values are checked against the ending, so it must come first.
  if (cls.keys.empty()) return "class " + Quoted(name) + " must start with its \"ending\" line";

  // Reads one value into *spellings, checking each spelling.
  auto read = [&](std::string_view value, Spellings* spellings) -> std::string {
    *spellings = Split(value, '|');
    for (const std::string& spelling : *spellings) {
      if (!IsLowercaseWord(spelling, "*-")) {
        return "bad form " + Quoted(value) + " (lowercase letters, * and | between spellings)";
      }
      if (spelling.find('*') != std::string::npos && !cls.has_consonants) {
        return "form " + Quoted(value) + " uses *, but the ending of class " + Quoted(name) +
               " has none";
      }
    }
    return "";
  };
  std::string error;
  int tense = TenseIndex(key);
  if (tense >= 0) {
    if (fields.size() != 4) return Quoted(key) + " takes 2 values (singular, plural)";
    error = read(fields[2], &cls.singular[tense]);
    if (error.empty()) error = read(fields[3], &cls.plural[tense]);
  } else if (key == "past_participle") {
    if (fields.size() > 4) return "\"past_participle\" takes 1 or 2 values (masculine, feminine)";
    error = read(fields[2], &cls.past_participle);
    if (error.empty() && fields.size() == 4) {
      error = read(fields[3], &cls.feminine_participle);
      if (error.empty() && cls.feminine_participle.size() != cls.past_participle.size()) {
        error = "the feminine participle must have as many spellings as the masculine";
      }
    }
  } else if (key == "present_participle") {
    if (fields.size() != 3) return "\"present_participle\" takes 1 value";
    error = read(fields[2], &cls.present_participle);
  } else {
    return "unknown key " + Quoted(key) +
           " (expected ending, present, imparfait, passe_simple, futur, conditionnel, "
           "past_participle or present_participle)";
  }
  if (error.empty()) cls.keys.push_back(key);
  return error;
}

Status Conjugator::Load(const std::string& conjugations_path, Conjugator* out) {
  Conjugator loaded;
  Status status =
      ReadTsv(conjugations_path, [&](int line, const std::vector<std::string_view>& fields) {
        return loaded.AddRow(line, fields);
      });
  if (!status.ok()) return status;

  // A class missing a line would silently lack forms: report it at its start.
  static constexpr std::array<const char*, 7> kRequired = {
      "present",      "imparfait",       "passe_simple",      "futur",
      "conditionnel", "past_participle", "present_participle"};
  for (const auto& [name, cls] : loaded.classes_) {
    for (const char* key : kRequired) {
      if (std::find(cls.keys.begin(), cls.keys.end(), key) == cls.keys.end()) {
        return Status::Error(conjugations_path + ":" + std::to_string(cls.line) + ": class " +
                             Quoted(name) + " has no " + Quoted(key) + " line");
      }
    }
  }
  if (loaded.classes_.empty()) {
    return Status::Error(conjugations_path + ": defines no conjugation class");
  }
  *out = std::move(loaded);
  return Status::OK();
}

Status Conjugator::Conjugate(const std::string& class_name, ReportingVerb* verb) const {
  auto found = classes_.find(class_name);
  if (found == classes_.end()) {
    return Status::Error("unknown conjugation class " + Quoted(class_name));
  }
  const Class& cls = found->second;
  const std::string& head = verb->head;

  // head = prefix + before + consonants + after.
  std::string prefix, consonants;
  bool matches = EndsWith(head, cls.after);
  if (matches) {
    std::string_view rest(head.data(), head.size() - cls.after.size());
    if (cls.has_consonants) {
      size_t n = TrailingConsonants(rest);
      consonants = std::string(rest.substr(rest.size() - n));
      rest.remove_suffix(n);
      matches = n > 0 && EndsWith(rest, cls.before);
      rest.remove_suffix(matches ? cls.before.size() : 0);
    }
    prefix = std::string(rest);
  }
  if (!matches) {
    return Status::Error(Quoted(head) + " does not end in " + Quoted(cls.ending) +
                         (cls.has_consonants ? " (* = consonants)" : "") + " as class " +
                         Quoted(class_name) + " requires");
  }

  auto spell = [&](const std::string& pattern) {
    std::string word = prefix;
    for (char c : pattern) {
      if (c == '*') {
        word += consonants;
      } else {
        word += c;
      }
    }
    return word;
  };
  std::vector<VerbForm> forms;
  auto add = [&](std::string word, FormKind kind, std::string tense, bool plural, bool feminine) {
    VerbForm form;
    form.needs_t = kind == FormKind::kFinite && NeedsT(word);
    form.word = std::move(word);
    form.kind = kind;
    form.tense = std::move(tense);
    form.plural = plural;
    form.feminine = feminine;
    forms.push_back(std::move(form));
  };
  for (size_t t = 0; t < kTenses.size(); ++t) {
    for (const std::string& s : cls.singular[t]) {
      add(spell(s), FormKind::kFinite, kTenses[t], false, false);
    }
    for (const std::string& s : cls.plural[t]) {
      add(spell(s), FormKind::kFinite, kTenses[t], true, false);
    }
  }
  for (size_t i = 0; i < cls.past_participle.size(); ++i) {
    std::string masculine = spell(cls.past_participle[i]);
    std::string feminine =
        cls.feminine_participle.empty() ? masculine + "e" : spell(cls.feminine_participle[i]);
    // "admis" and "dissous" take no plural s.
    bool s_or_x = EndsWith(masculine, "s") || EndsWith(masculine, "x");
    std::string masculine_plural = s_or_x ? masculine : masculine + "s";
    std::string feminine_plural = feminine + "s";
    add(std::move(masculine), FormKind::kPastParticiple, "", false, false);
    add(std::move(feminine), FormKind::kPastParticiple, "", false, true);
    add(std::move(masculine_plural), FormKind::kPastParticiple, "", true, false);
    add(std::move(feminine_plural), FormKind::kPastParticiple, "", true, true);
  }
  for (const std::string& s : cls.present_participle) {
    add(spell(s), FormKind::kPresentParticiple, "", false, false);
  }
  add(head, FormKind::kInfinitive, "", false, false);
  verb->forms = std::move(forms);
  return Status::OK();
}

namespace {

// Fills lemma, head, tail and pronominal from a verbs.tsv lemma: "parler",
// "s'inquiéter", "se dire", "mettre en garde", "s'inscrire en faux".
// Returns an error message, or "" on success.
std::string ParseLemma(std::string_view lemma, ReportingVerb* verb) {
  if (lemma.empty() || lemma.front() == ' ' || lemma.back() == ' ' ||
      lemma.find("  ") != std::string_view::npos) {
    return "lemma " + Quoted(lemma) + " has stray spaces";
  }
  verb->lemma = std::string(lemma);
  std::string_view rest = lemma;
  if (StartsWith(rest, "se ")) {
    rest.remove_prefix(3);
    if (StartsWithVowel(rest)) {
      return "write \"s'" + std::string(rest) + "\", not " + Quoted(lemma);
    }
    verb->pronominal = true;
  } else if (StartsWith(rest, "s'")) {
    rest.remove_prefix(2);
    if (!StartsWithVowel(rest) && !StartsWith(rest, "h")) {
      return "write \"se " + std::string(rest) + "\", not " + Quoted(lemma);
    }
    verb->pronominal = true;
  } else if (StartsWith(rest, "s\u2019")) {
    return "write the apostrophe of " + Quoted(lemma) + " as '";
  }
  size_t space = rest.find(' ');
  verb->head = std::string(rest.substr(0, space));
  verb->tail = space == std::string_view::npos ? "" : std::string(rest.substr(space + 1));
  if (!IsLowercaseWord(verb->head, "-")) {
    return "verb " + Quoted(verb->head) + " of " + Quoted(lemma) +
           " must be lowercase letters (NFC)";
  }
  if (!verb->tail.empty() && !IsLowercaseWord(verb->tail, "' -")) {
    return "words " + Quoted(verb->tail) + " of " + Quoted(lemma) +
           " must be lowercase letters (NFC), with ' for the apostrophe";
  }
  return "";
}

// Applies the optional FLAGS field of verbs.tsv: comma-separated, for now
// only aux=avoir or aux=être (intervenir, monter au créneau).
std::string ApplyFlags(std::string_view flags, ReportingVerb* verb) {
  for (const std::string& flag : Split(flags, ',')) {
    if (flag == "aux=avoir" || flag == "aux=être") {
      if (verb->pronominal && flag == "aux=avoir") {
        return "a pronominal verb takes être, not avoir";
      }
      verb->auxiliary = flag.substr(4);
    } else {
      return "unknown flag " + Quoted(flag) + " (expected aux=avoir or aux=être)";
    }
  }
  return "";
}

// Reads one line of verbs.tsv, conjugates it and appends it to *verbs.
// `first_line` maps each lemma seen so far to its line. Returns an error
// message without file position, or "" on success.
std::string AddVerb(int line, const std::vector<std::string_view>& fields,
                    const Conjugator& conjugator, std::map<std::string, int>* first_line,
                    std::vector<ReportingVerb>* verbs) {
  if (fields.size() != 3 && fields.size() != 4) {
    return "expected LEMMA<TAB>CLASS<TAB>CATEGORY[<TAB>FLAGS], got " +
           std::to_string(fields.size()) + " field(s)";
  }
  ReportingVerb verb;
  verb.line = line;
  std::string error = ParseLemma(fields[0], &verb);
  if (!error.empty()) return error;
  auto [previous, inserted] = first_line->emplace(verb.lemma, line);
  if (!inserted) {
    return "duplicate verb " + Quoted(verb.lemma) + " (first at line " +
           std::to_string(previous->second) + ")";
  }
  if (!IsLowercaseWord(fields[2], "_")) {
    return "category " + Quoted(fields[2]) + " must be a lowercase word";
  }
  verb.category = std::string(fields[2]);
  verb.auxiliary = verb.pronominal ? "être" : "avoir";
  if (fields.size() == 4) {
    error = ApplyFlags(fields[3], &verb);
    if (!error.empty()) return error;
  }
  Status conjugated = conjugator.Conjugate(std::string(fields[1]), &verb);
  if (!conjugated.ok()) return conjugated.message();
  verbs->push_back(std::move(verb));
  return "";
}

// Reads one line of auxiliaries.tsv into *auxiliaries, like AddVerb.
std::string AddAuxiliary(int line, const std::vector<std::string_view>& fields,
                         std::map<std::string, int>* first_line,
                         std::vector<AuxiliaryForm>* auxiliaries) {
  if (fields.size() != 5) {
    return "expected WORD<TAB>AUXILIARY<TAB>TENSE<TAB>NUMBER<TAB>INVERSION, got " +
           std::to_string(fields.size()) + " field(s)";
  }
  AuxiliaryForm form;
  form.word = std::string(fields[0]);
  if (!IsLowercaseWord(form.word)) return "word " + Quoted(form.word) + " must be lowercase";
  auto [previous, inserted] = first_line->emplace(form.word, line);
  if (!inserted) {
    return "duplicate word " + Quoted(form.word) + " (first at line " +
           std::to_string(previous->second) + ")";
  }
  if (fields[1] != "avoir" && fields[1] != "être") {
    return "auxiliary must be avoir or être, got " + Quoted(fields[1]);
  }
  form.auxiliary = std::string(fields[1]);
  if (TenseIndex(fields[2]) < 0) {
    return "unknown tense " + Quoted(fields[2]) +
           " (expected present, imparfait, passe_simple, futur or conditionnel)";
  }
  form.tense = std::string(fields[2]);
  if (fields[3] != "sg" && fields[3] != "pl") {
    return "number must be sg or pl, got " + Quoted(fields[3]);
  }
  form.plural = fields[3] == "pl";
  if (fields[4] != "t" && fields[4] != "no_t") {
    return "inversion must be t or no_t, got " + Quoted(fields[4]);
  }
  form.needs_t = fields[4] == "t";
  auxiliaries->push_back(std::move(form));
  return "";
}

}  // namespace

Status LoadReportingVerbs(const std::string& patterns_dir, std::vector<ReportingVerb>* verbs,
                          std::vector<AuxiliaryForm>* auxiliaries) {
  verbs->clear();
  auxiliaries->clear();
  const std::string conjugations_path = patterns_dir + "/conjugations.tsv";
  const std::string verbs_path = patterns_dir + "/verbs.tsv";
  const std::string auxiliaries_path = patterns_dir + "/auxiliaries.tsv";
  Conjugator conjugator;
  Status status = Conjugator::Load(conjugations_path, &conjugator);
  std::map<std::string, int> first_line;
  if (status.ok()) {
    status = ReadTsv(verbs_path, [&](int line, const std::vector<std::string_view>& fields) {
      return AddVerb(line, fields, conjugator, &first_line, verbs);
    });
  }
  // An empty file would leave the extractor without cues and no clue why.
  if (status.ok() && verbs->empty()) status = Status::Error(verbs_path + ": defines no verb");
  first_line.clear();
  if (status.ok()) {
    status = ReadTsv(auxiliaries_path, [&](int line, const std::vector<std::string_view>& fields) {
      return AddAuxiliary(line, fields, &first_line, auxiliaries);
    });
  }
  if (status.ok() && auxiliaries->empty()) {
    status = Status::Error(auxiliaries_path + ": defines no auxiliary");
  }
  if (!status.ok()) {
    verbs->clear();
    auxiliaries->clear();
  }
  return status;
}

}  // namespace guillemet::cues
