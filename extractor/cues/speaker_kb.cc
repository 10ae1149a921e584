// Loads and checks speakers.jsonl and roles.tsv, expands {org:ID} in role
// phrases, and builds the FoldKey indexes behind SpeakerKb's look-ups. Every
// error names the file and line, because a bad pattern file is our own bug
// and must stop the extractor before it attributes anything.
#include "cues/speaker_kb.h"

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "core/unicode.h"

namespace guillemet::cues {

namespace {

Status LineError(const std::string& path, int line, const std::string& what) {
  return Status::Error(path + ":" + std::to_string(line) + ": " + what);
}

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string JoinPath(const std::string& dir, const char* file) {
  if (dir.empty()) return file;
  if (dir.back() == '/') return dir + file;
  return dir + "/" + file;
}

// Splits a file into lines (without "\n" or "\r"); the first UTF-8 BOM is
// dropped so that an editor's BOM does not make line 1 malformed.
Status ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open: " + std::strerror(errno));
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  lines->clear();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines->push_back(std::move(line));
    start = end + 1;
  }
  return Status::OK();
}

bool IsBlankOrComment(std::string_view line) {
  size_t i = line.find_first_not_of(" \t");
  return i == std::string_view::npos || line[0] == '#';
}

// Lowercase ASCII words joined by single hyphens: "jens-stoltenberg".
bool IsValidId(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && id[i + 1] == '-')) return false;
  }
  return true;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYY-MM-DD", or with allow_partial also "YYYY-MM" and "YYYY".
bool IsValidDate(std::string_view s, bool allow_partial) {
  if (s.size() != 10 && !(allow_partial && (s.size() == 4 || s.size() == 7))) return false;
  if (!IsDigits(s.substr(0, 4))) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !IsDigits(s.substr(5, 2))) return false;
  // Digits only (checked above): read without std::stoi's string and locale.
  const auto number = [s](size_t at, size_t size) {
    int n = 0;
    for (size_t i = at; i < at + size; ++i) n = n * 10 + (s[i] - '0');
    return n;
  };
  int year = number(0, 4);
  int month = number(5, 2);
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !IsDigits(s.substr(8, 2))) return false;
  int day = number(8, 2);
  return day >= 1 && day <= DaysInMonth(year, month);
}

// The date part of an ISO date or timestamp ("2017-05-25T10:00Z"), or ""
// when it does not start with a valid YYYY-MM-DD.
std::string_view DayOf(std::string_view iso) {
  if (iso.size() < 10) return {};
  std::string_view day = iso.substr(0, 10);
  if (!IsValidDate(day, false)) return {};
  if (iso.size() > 10 && iso[10] != 'T' && iso[10] != 't' && iso[10] != ' ') return {};
  return day;
}

// A partial date covers its whole month or year: comparing only as many
// characters as it has gives exactly that ("2012-05" <= "2012-05-10").
bool OnOrAfter(std::string_view day, std::string_view start) {
  return day.substr(0, start.size()) >= start;
}
bool OnOrBefore(std::string_view day, std::string_view end) {
  return end.empty() || day.substr(0, end.size()) <= end;
}

// The first and last day a possibly partial date may stand for, for
// comparing two spells ("12" and "31" are upper bounds, not real days).
std::string FirstDay(std::string_view date) {
  std::string d(date);
  if (d.size() == 4) d += "-01";
  if (d.size() == 7) d += "-01";
  return d;
}
std::string LastDay(std::string_view date) {
  if (date.empty()) return "9999-12-31";
  std::string d(date);
  if (d.size() == 4) d += "-12";
  if (d.size() == 7) d += "-31";
  return d;
}

// Removes a leading definite article from a FoldKey ("l'otan" -> "otan").
std::string_view StripArticleKey(std::string_view key) {
  for (std::string_view article : {"l'", "le ", "la ", "les "}) {
    if (key.substr(0, article.size()) == article) return key.substr(article.size());
  }
  return key;
}

// Bytes taken by a leading article in raw text ("l'", "l’", "Le ", "les "),
// 0 if none. Only ASCII letters are involved, so bytes can be tested directly.
size_t LeadingArticleBytes(std::string_view text) {
  if (text.empty() || (text[0] | 0x20) != 'l') return 0;
  size_t pos = 1;
  if (pos < text.size() && IsApostrophe(DecodeUtf8(text, &pos))) return pos;
  if (text.size() < 3) return 0;
  const char second = text[1] | 0x20;
  if (second != 'e' && second != 'a') return 0;
  size_t i = 2;
  if (second == 'e' && (text[i] | 0x20) == 's') ++i;
  return i < text.size() && text[i] == ' ' ? i + 1 : 0;
}

// Whether French elides "de" before this word: "d'Anadolu".
bool ElidesDeBefore(std::string_view text) {
  if (text.empty()) return false;
  size_t pos = 0;
  std::string first;
  AppendUtf8(DecodeUtf8(text, &pos), &first);
  const std::string key = FoldKey(first);
  return !key.empty() && std::string_view("aeiouy").find(key[0]) != std::string_view::npos;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether `prefix` ends with the preposition `word` followed by one space,
// as a whole word ("chef de " ends with "de ", "chef de la " does not).
bool EndsWithWord(std::string_view prefix, std::string_view word) {
  std::string with_space = std::string(word) + " ";
  if (!EndsWith(prefix, with_space)) return false;
  return prefix.size() == with_space.size() || prefix[prefix.size() - with_space.size() - 1] == ' ';
}

// Puts an organisation's name after the text before {org:ID}, with the
// contractions French requires: "de" + "le Pentagone" -> "du Pentagone",
// "de" + "Anadolu" -> "d'Anadolu", "à" + "les ..." -> "aux ...".
std::string JoinOrg(std::string_view prefix, std::string_view form) {
  size_t article = LeadingArticleBytes(form);
  // FoldKey drops the trailing space: "le " -> "le".
  const std::string article_key = article ? FoldKey(form.substr(0, article)) : "";
  if (article_key == "le" || article_key == "les") {
    const bool plural = article_key == "les";
    if (EndsWithWord(prefix, "de")) {
      return std::string(prefix.substr(0, prefix.size() - 3)) + (plural ? "des " : "du ") +
             std::string(form.substr(article));
    }
    if (EndsWithWord(prefix, "à")) {
      return std::string(prefix.substr(0, prefix.size() - 3)) + (plural ? "aux " : "au ") +
             std::string(form.substr(article));
    }
  }
  if (prefix.empty()) return std::string(form.substr(article));
  if (article == 0 && EndsWithWord(prefix, "de") && ElidesDeBefore(form)) {
    return std::string(prefix.substr(0, prefix.size() - 3)) + "d'" + std::string(form);
  }
  return std::string(prefix) + std::string(form);
}

// Reads a JSON array of non-empty strings.
bool ReadStrings(simdjson::dom::element value, std::vector<std::string>* out) {
  simdjson::dom::array array;
  if (value.get_array().get(array)) return false;
  for (simdjson::dom::element item : array) {
    std::string_view s;
    if (item.get_string().get(s) || s.empty()) return false;
    out->emplace_back(s);
  }
  return true;
}

Status ParseRoles(simdjson::dom::element value, const std::string& path, int line,
                  std::vector<RoleSpell>* roles) {
  static const char kShape[] =
      "field \"roles\" must be an array of {\"role\", \"start\", \"end\"} objects of strings";
  simdjson::dom::array array;
  if (value.get_array().get(array)) return LineError(path, line, kShape);
  for (simdjson::dom::element item : array) {
    simdjson::dom::object object;
    if (item.get_object().get(object)) return LineError(path, line, kShape);
    RoleSpell spell;
    bool has_role = false, has_start = false;
    for (simdjson::dom::key_value_pair field : object) {
      std::string_view s;
      if (field.value.get_string().get(s)) return LineError(path, line, kShape);
      if (field.key == "role") {
        spell.role = std::string(s);
        has_role = true;
      } else if (field.key == "start") {
        spell.start = std::string(s);
        has_start = true;
      } else if (field.key == "end") {
        spell.end = std::string(s);
        if (spell.end.empty())
          return LineError(path, line, "empty \"end\": leave it out while in office");
      } else {
        return LineError(path, line, "unknown field " + Quoted(field.key) + " in a role");
      }
    }
    if (!has_role || !has_start) {
      return LineError(path, line, "a role needs \"role\" and \"start\"");
    }
    if (!IsValidId(spell.role)) {
      return LineError(
          path, line,
          "role id " + Quoted(spell.role) + " must be lowercase words joined by hyphens");
    }
    for (const std::string* date : {&spell.start, &spell.end}) {
      if (!date->empty() && !IsValidDate(*date, true)) {
        return LineError(path, line,
                         "bad date " + Quoted(*date) + " in role " + spell.role +
                             " (want YYYY-MM-DD, YYYY-MM or YYYY)");
      }
    }
    if (!spell.end.empty() && LastDay(spell.end) < FirstDay(spell.start)) {
      return LineError(
          path, line,
          "role " + spell.role + " ends on " + spell.end + ", before it starts on " + spell.start);
    }
    for (const RoleSpell& other : *roles) {
      if (other.role == spell.role && FirstDay(spell.start) <= LastDay(other.end) &&
          FirstDay(other.start) <= LastDay(spell.end)) {
        return LineError(path, line,
                         "role " + spell.role + " is held twice at once (spells from " +
                             other.start + " and " + spell.start + " overlap)");
      }
    }
    roles->push_back(std::move(spell));
  }
  return Status::OK();
}

Status ParseSpeaker(simdjson::dom::parser& parser, const std::string& text, const std::string& path,
                    int line, Speaker* speaker) {
  simdjson::dom::element document;
  if (auto error = parser.parse(text.data(), text.size()).get(document)) {
    return LineError(path, line, std::string("invalid JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (document.get_object().get(object)) {
    return LineError(path, line, "a line must be one JSON object");
  }
  speaker->line = line;
  std::set<std::string_view> seen;
  std::string type;
  for (simdjson::dom::key_value_pair field : object) {
    const std::string_view key = field.key;
    if (!seen.insert(key).second)
      return LineError(path, line, "field " + Quoted(key) + " appears twice");
    std::string_view s;
    if (key == "id" || key == "name" || key == "type" || key == "gender" || key == "wikidata") {
      if (field.value.get_string().get(s)) {
        return LineError(path, line, "field " + Quoted(key) + " must be a string");
      }
      if (key == "id") speaker->id = std::string(s);
      if (key == "name") speaker->name = std::string(s);
      if (key == "type") type = std::string(s);
      if (key == "wikidata") {
        if (s.size() < 2 || s[0] != 'Q' || !IsDigits(s.substr(1))) {
          return LineError(path, line, "wikidata " + Quoted(s) + " must look like Q42");
        }
        speaker->wikidata = std::string(s);
      }
      if (key == "gender") {
        if (s != "m" && s != "f") {
          return LineError(path, line, "gender must be \"m\" or \"f\", not " + Quoted(s));
        }
        speaker->gender = s[0];
      }
    } else if (key == "aliases" || key == "epithets") {
      auto* list = key == "aliases" ? &speaker->aliases : &speaker->epithets;
      if (!ReadStrings(field.value, list)) {
        return LineError(path, line,
                         "field " + Quoted(key) + " must be an array of non-empty strings");
      }
    } else if (key == "roles") {
      Status status = ParseRoles(field.value, path, line, &speaker->roles);
      if (!status.ok()) return status;
    } else {
      return LineError(path, line, "unknown field " + Quoted(key));
    }
  }
  for (const char* required : {"id", "name", "type"}) {
    if (!seen.count(required)) return LineError(path, line, "missing field " + Quoted(required));
  }
  if (!IsValidId(speaker->id)) {
    return LineError(path, line,
                     "id " + Quoted(speaker->id) + " must be lowercase words joined by hyphens");
  }
  if (speaker->name.empty() || speaker->name.front() == ' ' || speaker->name.back() == ' ') {
    return LineError(path, line,
                     "name " + Quoted(speaker->name) + " is empty or padded with spaces");
  }
  if (type != "person" && type != "org") {
    return LineError(path, line, "type must be \"person\" or \"org\", not " + Quoted(type));
  }
  speaker->is_org = type == "org";
  if (speaker->is_org && speaker->gender != 0) {
    return LineError(path, line, "an organisation has no gender");
  }
  if (speaker->is_org && !speaker->roles.empty()) {
    return LineError(path, line, "an organisation holds no role");
  }
  // Look-ups ignore case, so an alias differing only in case is dead weight;
  // one differing in accents is kept for matchers that compare accents.
  std::vector<std::string> written = {FoldCase(speaker->name)};
  for (const std::string& alias : speaker->aliases) {
    const std::string folded = FoldCase(alias);
    auto same = std::find(written.begin(), written.end(), folded);
    if (same == written.begin()) {
      return LineError(path, line, "alias " + Quoted(alias) + " repeats the name");
    }
    if (same != written.end()) {
      return LineError(path, line, "alias " + Quoted(alias) + " is listed twice");
    }
    written.push_back(folded);
  }
  return Status::OK();
}

// Words of a FoldKey, split on spaces.
std::vector<std::string_view> Words(std::string_view key) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start <= key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    if (end > start) words.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Surname keys of a person: see FindBySurname().
std::vector<std::string> SurnameKeys(const Speaker& speaker) {
  std::vector<std::string> keys;
  const std::string name_key = FoldKey(speaker.name);
  auto add = [&keys](std::string_view key) {
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.emplace_back(key);
    }
  };
  std::vector<std::string_view> name_words = Words(name_key);
  if (!name_words.empty()) add(name_words.back());
  for (const std::string& alias : speaker.aliases) {
    const std::string key = FoldKey(alias);
    std::vector<std::string_view> words = Words(key);
    if (words.empty()) continue;
    add(words.back());
    // A multi-word alias that ends the name is the surname itself: "Le Drian".
    if (words.size() > 1 && name_key.size() > key.size() && EndsWith(name_key, " " + key)) add(key);
  }
  return keys;
}

void AddTo(std::unordered_map<std::string, std::vector<size_t>>* index, std::string key,
           size_t speaker) {
  if (key.empty()) return;
  std::vector<size_t>& list = (*index)[std::move(key)];
  if (list.empty() || list.back() != speaker) list.push_back(speaker);
}

// The first byte of a key, which FindClosest's candidates share with the
// query (SameWordInitials); 0 for an empty key, whose only match is empty.
unsigned char Initial(std::string_view key) { return key.empty() ? 0 : static_cast<unsigned char>(key[0]); }

}  // namespace

LetterCounts::LetterCounts(std::string_view key) {
  for (size_t i = 0; i < key.size();) {
    uint8_t& n = bucket[DecodeUtf8(key, &i) & 31];
    if (n < 255) ++n;  // Saturating only ever lowers the bound.
  }
}

int LetterCounts::DistanceBound(const LetterCounts& other) const {
  int sum = 0;
#if defined(__SSE2__)
  for (int half = 0; half < 32; half += 16) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bucket + half));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(other.bucket + half));
    __m128i sad = _mm_sad_epu8(a, b);  // Two partial sums of |a - b|.
    sum += _mm_cvtsi128_si32(sad) + _mm_extract_epi16(sad, 4);
  }
#else
  for (int k = 0; k < 32; ++k) sum += std::abs(int{bucket[k]} - int{other.bucket[k]});
#endif
  return (sum + 1) / 2;
}

Status SpeakerKb::Load(const std::string& patterns_dir, SpeakerKb* out) {
  *out = SpeakerKb();
  SpeakerKb kb;
  const std::string speakers_path = JoinPath(patterns_dir, "speakers.jsonl");
  const std::string roles_path = JoinPath(patterns_dir, "roles.tsv");

  // speakers.jsonl first: roles.tsv refers to its organisations.
  std::vector<std::string> lines;
  Status status = ReadLines(speakers_path, &lines);
  if (!status.ok()) return status;
  simdjson::dom::parser parser;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    if (IsBlankOrComment(lines[i])) continue;
    Speaker speaker;
    status = ParseSpeaker(parser, lines[i], speakers_path, line, &speaker);
    if (!status.ok()) return status;
    auto [it, inserted] = kb.by_id_.emplace(speaker.id, kb.speakers_.size());
    if (!inserted) {
      return LineError(speakers_path, line,
                       "duplicate id " + Quoted(speaker.id) + " (first at line " +
                           std::to_string(kb.speakers_[it->second].line) + ")");
    }
    kb.speakers_.push_back(std::move(speaker));
  }

  status = ReadLines(roles_path, &lines);
  if (!status.ok()) return status;
  std::unordered_map<std::string, int> seen_lines;  // "role\tphrase" -> line
  std::set<std::pair<std::string, std::string>> seen_phrases;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    const std::string& text = lines[i];
    if (IsBlankOrComment(text)) continue;
    size_t tab = text.find('\t');
    if (tab == std::string::npos || text.find('\t', tab + 1) != std::string::npos) {
      return LineError(roles_path, line, "want ROLE_ID<TAB>PHRASE");
    }
    const std::string role = text.substr(0, tab);
    const std::string phrase = text.substr(tab + 1);
    if (!IsValidId(role)) {
      return LineError(roles_path, line,
                       "role id " + Quoted(role) + " must be lowercase words joined by hyphens");
    }
    if (phrase.empty() || phrase.front() == ' ' || phrase.back() == ' ') {
      return LineError(roles_path, line,
                       "phrase " + Quoted(phrase) + " is empty or padded with spaces");
    }
    if (LeadingArticleBytes(phrase) > 0) {
      return LineError(roles_path, line,
                       "phrase " + Quoted(phrase) + " must be written without its article");
    }
    auto [first, inserted] = seen_lines.emplace(text, line);
    if (!inserted) {
      return LineError(roles_path, line, "duplicate of line " + std::to_string(first->second));
    }
    // Expand each {org:ID} into every way the organisation is written.
    std::vector<std::string> expanded = {""};
    size_t pos = 0;
    while (pos < phrase.size()) {
      size_t open = phrase.find('{', pos);
      std::string literal =
          phrase.substr(pos, open == std::string::npos ? std::string::npos : open - pos);
      for (std::string& e : expanded) e += literal;
      if (open == std::string::npos) break;
      size_t close = phrase.find('}', open);
      if (close == std::string::npos) {
        return LineError(roles_path, line, "unclosed \"{\" in " + Quoted(phrase));
      }
      const std::string placeholder = phrase.substr(open, close + 1 - open);
      if (placeholder.compare(0, 5, "{org:") != 0) {
        return LineError(roles_path, line,
                         "unknown placeholder " + placeholder + " (only {org:ID} exists)");
      }
      const std::string org_id = placeholder.substr(5, placeholder.size() - 6);
      const std::string_view before = std::string_view(phrase).substr(0, open);
      if (EndsWithWord(before, "du") || EndsWithWord(before, "des") || EndsWithWord(before, "au") ||
          EndsWithWord(before, "aux") || EndsWith(before, "d'")) {
        return LineError(roles_path, line,
                         "write \"de " + placeholder + "\" or \"à " + placeholder +
                             "\": the article comes from the organisation's aliases");
      }
      auto org = kb.by_id_.find(org_id);
      if (org == kb.by_id_.end()) {
        return LineError(roles_path, line,
                         "unknown organisation " + Quoted(org_id) + " in " + placeholder);
      }
      const Speaker& speaker = kb.speakers_[org->second];
      if (!speaker.is_org) {
        return LineError(
            roles_path, line,
            Quoted(org_id) + " in " + placeholder + " is a person, not an organisation");
      }
      std::vector<std::string>& organisations = kb.organisations_of_role_[role];
      if (std::find(organisations.begin(), organisations.end(), org_id) == organisations.end()) {
        organisations.push_back(org_id);
      }
      // French puts an article before most organisation names ("de l'Otan",
      // never "de Otan"), so when any form has one, only those are used.
      std::vector<std::string_view> forms = {speaker.name};
      for (const std::string& alias : speaker.aliases) forms.push_back(alias);
      bool any_article = std::any_of(forms.begin(), forms.end(),
                                     [](std::string_view f) { return LeadingArticleBytes(f) > 0; });
      std::vector<std::string> next;
      for (const std::string& e : expanded) {
        for (std::string_view form : forms) {
          if (any_article && LeadingArticleBytes(form) == 0) continue;
          next.push_back(JoinOrg(e, form));
        }
      }
      expanded = std::move(next);
      pos = close + 1;
    }
    for (std::string& e : expanded) {
      if (!seen_phrases.emplace(role, e).second) continue;
      kb.role_phrases_.push_back(RolePhrase{std::move(e), role, line});
    }
  }

  // Roles named in speakers.jsonl must be known, else no phrase could ever
  // reach them: usually a typo in the id.
  std::set<std::string_view> known_roles;
  for (const RolePhrase& phrase : kb.role_phrases_) known_roles.insert(phrase.role);
  for (const Speaker& speaker : kb.speakers_) {
    for (const RoleSpell& spell : speaker.roles) {
      if (!known_roles.count(spell.role)) {
        return LineError(speakers_path, speaker.line,
                         "role " + Quoted(spell.role) + " is not in roles.tsv");
      }
    }
  }

  for (size_t i = 0; i < kb.speakers_.size(); ++i) {
    const Speaker& speaker = kb.speakers_[i];
    std::vector<std::string> names = {FoldKey(speaker.name)};
    for (const std::string& alias : speaker.aliases) names.push_back(FoldKey(alias));
    for (std::string& key : names) {
      if (speaker.is_org) key = std::string(StripArticleKey(key));
      AddTo(speaker.is_org ? &kb.by_org_name_ : &kb.by_name_, key, i);
      kb.closest_keys_.push_back(
          {key, static_cast<int>(CountCodePoints(key)), i, speaker.is_org, LetterCounts(key)});
    }
    if (!speaker.is_org) {
      for (std::string& key : SurnameKeys(speaker)) {
        AddTo(&kb.by_surname_, key, i);
        kb.closest_keys_.push_back(
            {key, static_cast<int>(CountCodePoints(key)), i, false, LetterCounts(key)});
      }
    }
    for (const std::string& epithet : speaker.epithets) {
      AddTo(&kb.by_epithet_, std::string(StripArticleKey(FoldKey(epithet))), i);
    }
    for (const RoleSpell& spell : speaker.roles) AddTo(&kb.by_role_, spell.role, i);
  }

  // A one-word alias resolves anywhere, so it must not be someone else's
  // surname too (README: "when the surname is unambiguous in the base").
  for (const Speaker& speaker : kb.speakers_) {
    if (speaker.is_org) continue;
    for (const std::string& alias : speaker.aliases) {
      const std::string key = FoldKey(alias);
      if (Words(key).size() != 1) continue;
      auto same = kb.by_surname_.find(key);
      if (same == kb.by_surname_.end()) continue;
      for (size_t other : same->second) {
        if (kb.speakers_[other].id == speaker.id) continue;
        return LineError(speakers_path, speaker.line,
                         "alias " + Quoted(alias) + " is also the surname of " +
                             kb.speakers_[other].id + " (line " +
                             std::to_string(kb.speakers_[other].line) + ")");
      }
    }
  }

  kb.IndexClosestKeys();

  for (const RolePhrase& phrase : kb.role_phrases_) {
    std::vector<std::string>& roles = kb.roles_by_phrase_[FoldKey(phrase.phrase)];
    if (std::find(roles.begin(), roles.end(), phrase.role) == roles.end()) {
      roles.push_back(phrase.role);
    }
  }

  *out = std::move(kb);
  return Status::OK();
}

std::vector<const Speaker*> SpeakerKb::Resolve(const std::vector<size_t>* indices) const {
  std::vector<const Speaker*> result;
  if (indices == nullptr) return result;
  result.reserve(indices->size());
  for (size_t i : *indices) result.push_back(&speakers_[i]);
  return result;
}

const Speaker* SpeakerKb::FindById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &speakers_[it->second];
}

std::vector<const Speaker*> SpeakerKb::FindByName(std::string_view name) const {
  const std::string key = FoldKey(name);
  std::vector<size_t> found;
  if (auto it = by_name_.find(key); it != by_name_.end()) found = it->second;
  if (auto it = by_org_name_.find(std::string(StripArticleKey(key))); it != by_org_name_.end()) {
    found.insert(found.end(), it->second.begin(), it->second.end());
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return Resolve(&found);
}

std::vector<const Speaker*> SpeakerKb::FindBySurname(std::string_view surname) const {
  auto it = by_surname_.find(FoldKey(surname));
  return Resolve(it == by_surname_.end() ? nullptr : &it->second);
}

void SpeakerKb::IndexClosestKeys() {
  // Stable, so that keys of one length keep the order of the file (which
  // FindClosest's answer does not depend on anyway).
  auto group = [](const ClosestKey& key) { return std::pair(key.org, Initial(key.key)); };
  std::stable_sort(closest_keys_.begin(), closest_keys_.end(),
                   [&group](const ClosestKey& a, const ClosestKey& b) {
                     return group(a) != group(b) ? group(a) < group(b) : a.length < b.length;
                   });
  for (auto& by_initial : closest_by_length_) {
    for (std::vector<size_t>& starts : by_initial) starts.clear();
  }
  for (size_t begin = 0, end = 0; begin < closest_keys_.size(); begin = end) {
    const auto [org, initial] = group(closest_keys_[begin]);
    while (end < closest_keys_.size() && group(closest_keys_[end]) == std::pair(org, initial)) ++end;
    std::vector<size_t>& starts = closest_by_length_[org ? 1 : 0][initial];
    for (size_t k = begin; k < end; ++k) {
      while (starts.size() <= static_cast<size_t>(closest_keys_[k].length)) starts.push_back(k);
    }
    // One past the longest: where keys of any greater length would start.
    starts.push_back(end);
  }
}

std::pair<size_t, size_t> SpeakerKb::ClosestKeysOfLength(bool org, unsigned char initial, int min_length,
                                                         int max_length) const {
  const std::vector<size_t>& starts = closest_by_length_[org ? 1 : 0][initial];
  if (starts.empty() || max_length < 0) return {0, 0};
  auto at = [&starts](int length) {
    return starts[std::min<size_t>(static_cast<size_t>(std::max(length, 0)), starts.size() - 1)];
  };
  return {at(min_length), at(max_length + 1)};
}

uint64_t SpeakerKb::NewClosestCacheId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

const Speaker* SpeakerKb::FindClosest(std::string_view name, int max_distance) const {
  // Bounded: emptied when full, which costs a few recomputations at most.
  constexpr size_t kMaxCachedAnswers = 4096;
  constexpr size_t kNone = SIZE_MAX;
  struct Cache {
    uint64_t owner = 0;
    std::unordered_map<std::string, size_t> answers;  // Name and distance -> speaker.
  };
  thread_local Cache cache;
  if (cache.owner != closest_cache_id_ || cache.answers.size() >= kMaxCachedAnswers) {
    cache.owner = closest_cache_id_;
    cache.answers.clear();
  }
  std::string question(name);
  question.push_back('\0');
  question += std::to_string(max_distance);
  auto [it, inserted] = cache.answers.try_emplace(std::move(question), kNone);
  if (inserted) {
    const Speaker* found = FindClosestUncached(name, max_distance);
    if (found != nullptr) it->second = static_cast<size_t>(found - speakers_.data());
  }
  return it->second == kNone ? nullptr : &speakers_[it->second];
}

const Speaker* SpeakerKb::FindClosestUncached(std::string_view name, int max_distance) const {
  const std::string key = FoldKey(name);
  // Organisation keys were stored without their article.
  const std::string_view org_key = StripArticleKey(key);
  const int length = static_cast<int>(CountCodePoints(key));
  const int org_length = static_cast<int>(CountCodePoints(org_key));
  const LetterCounts counts(key), org_counts(org_key);
  int best = max_distance + 1;
  size_t best_speaker = 0;
  bool ambiguous = false;
  auto try_keys = [&](std::pair<size_t, size_t> range) {
    for (size_t k = range.first; k < range.second; ++k) {
      const ClosestKey& candidate = closest_keys_[k];
      // Edit distance is at least the difference in length.
      const int query_length = candidate.org ? org_length : length;
      if (std::abs(candidate.length - query_length) > std::min(best, max_distance)) continue;
      const LetterCounts& query_counts = candidate.org ? org_counts : counts;
      if (candidate.counts.DistanceBound(query_counts) > std::min(best, max_distance)) continue;
      if (!SameWordInitials(candidate.org ? org_key : key, candidate.key)) continue;
      int distance = EditDistance(candidate.org ? org_key : key, candidate.key);
      if (distance > best ||
          !EachWordWithinMisspellingAllowance(candidate.org ? org_key : key, candidate.key)) {
        continue;
      }
      if (distance < best) {
        best = distance;
        best_speaker = candidate.speaker;
        ambiguous = false;
      } else if (distance == best && candidate.speaker != best_speaker) {
        ambiguous = true;
      }
    }
  };
  // Only keys whose length is within max_distance of the query's can be
  // close enough, and the answer does not depend on the order keys are
  // tried in: it is the best distance, and whether two speakers share it.
  // Nor can keys of another initial.
  try_keys(ClosestKeysOfLength(false, Initial(key), length - max_distance, length + max_distance));
  try_keys(ClosestKeysOfLength(true, Initial(org_key), org_length - max_distance, org_length + max_distance));
  if (best > max_distance || ambiguous) return nullptr;
  return &speakers_[best_speaker];
}

std::vector<std::string> SpeakerKb::RolesOfPhrase(std::string_view phrase) const {
  const std::string key = FoldKey(phrase);
  auto it = roles_by_phrase_.find(std::string(StripArticleKey(key)));
  return it == roles_by_phrase_.end() ? std::vector<std::string>() : it->second;
}

bool SpeakerKb::RoleOfOrganisation(std::string_view role, std::string_view org_id) const {
  auto it = organisations_of_role_.find(std::string(role));
  return it != organisations_of_role_.end() &&
         std::find(it->second.begin(), it->second.end(), org_id) != it->second.end();
}

std::vector<const Speaker*> SpeakerKb::HoldersOn(std::string_view role,
                                                 std::string_view iso_date) const {
  std::vector<const Speaker*> result;
  std::string_view day = DayOf(iso_date);
  if (day.empty()) return result;
  auto it = by_role_.find(std::string(role));
  if (it == by_role_.end()) return result;
  for (size_t i : it->second) {
    if (Holds(speakers_[i], role, day)) result.push_back(&speakers_[i]);
  }
  return result;
}

bool SpeakerKb::Holds(const Speaker& speaker, std::string_view role, std::string_view iso_date) {
  // The date is read only once a spell of the role is found: the resolver
  // asks about every person of the article, and most never held the role.
  for (const RoleSpell& spell : speaker.roles) {
    if (spell.role != role) continue;
    if (iso_date.empty()) return true;
    const std::string_view day = DayOf(iso_date);
    if (day.empty()) return false;
    if (OnOrAfter(day, spell.start) && OnOrBefore(day, spell.end)) return true;
  }
  return false;
}

bool SpeakerKb::TookUpBefore(const Speaker& speaker, std::string_view role,
                             std::string_view iso_date) {
  const std::string_view day = DayOf(iso_date);
  if (day.empty()) return false;
  // After the day the spell started, at the start's own precision.
  for (const RoleSpell& spell : speaker.roles) {
    if (spell.role == role && !spell.start.empty() && !OnOrBefore(day, spell.start)) return true;
  }
  return false;
}

std::vector<const Speaker*> SpeakerKb::FindByEpithet(std::string_view phrase) const {
  const std::string key = FoldKey(phrase);
  auto it = by_epithet_.find(std::string(StripArticleKey(key)));
  return Resolve(it == by_epithet_.end() ? nullptr : &it->second);
}

}  // namespace guillemet::cues
