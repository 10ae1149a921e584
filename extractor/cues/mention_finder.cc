#include "cues/mention_finder.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "core/unicode.h"

namespace guillemet::cues {
namespace {

bool IsWord(const Token& t) { return t.type == Token::kWord; }

bool IsInitial(const std::vector<Token>& tokens, int i) {
  return i >= 0 && i + 1 < static_cast<int>(tokens.size()) && tokens[i].capitalized &&
         tokens[i].span.size() == 1 && tokens[i + 1].norm == ".";
}

// Whether `word` ends with one of `endings` after a stem of at least three
// bytes.
inline bool EndsWithOneOf(std::string_view word, std::initializer_list<std::string_view> endings) {
  for (std::string_view ending : endings) {
    if (word.size() > ending.size() + 2 &&
        word.compare(word.size() - ending.size(), ending.size(), ending) == 0) {
      return true;
    }
  }
  return false;
}

class Finder {
 public:
  Finder(const Lexicon& lex, Analysis* a) : lex_(lex), a_(*a), tokens_(a->tokens) {}

  void Run() {
    const int n = static_cast<int>(tokens_.size());
    int i = 0;
    while (i < n) {
      // Most words start no mention, and a look-up or two turns them away
      // before the steps of TryAt, each of which would fail.
      const int next = NamesNoOne(tokens_[i]) ? i : TryAt(i);
      i = next > i ? next : i + 1;
    }
    OfficesOfThePlaceOpeningTheirSentence();
    LinkAppositions();
    a_.mention_at.assign(tokens_.size(), -1);
    for (size_t m = 0; m < a_.mentions.size(); ++m) {
      for (int t = a_.mentions[m].first_token; t < a_.mentions[m].end_token; ++t) {
        a_.mention_at[t] = static_cast<int>(m);
      }
    }
  }

 private:
  bool SameLine(int from, int to) const {
    for (int k = from + 1; k < to; ++k) {
      if (tokens_[k].line_start) return false;
    }
    return true;
  }

  // "À la Maison Blanche, la porte-parole a assuré …", "Au Kremlin, le
  // porte-parole": an office right after the place that opens its
  // sentence is that place's, as "la porte-parole de la Maison Blanche"
  // would be, when roles.tsv spells the office so.
  void OfficesOfThePlaceOpeningTheirSentence() {
    constexpr int kMaxPlaceWords = 6;
    std::vector<int> payloads;
    for (Mention& m : a_.mentions) {
      if (m.kind != Mention::kRole || m.first_token < 3 || tokens_[m.first_token - 1].norm != ",") {
        continue;
      }
      const int comma = m.first_token - 1;
      const int first = a_.sentences[tokens_[m.first_token].sentence].first_token;
      const Norm& at = tokens_[first].norm;
      if ((at != "à" && at != "a" && at != "au" && at != "aux") || comma - first < 2 ||
          comma - first > kMaxPlaceWords) {
        continue;
      }
      int office = m.first_token;
      if (lex_.Is(WordClass::kDeterminer, tokens_[office])) ++office;
      std::vector<Token> phrase(tokens_.begin() + office, tokens_.begin() + m.end_token);
      Token de = tokens_[first];
      de.line_start = false;
      de.norm = at == "au" ? "du" : at == "aux" ? "des" : "de";
      phrase.push_back(de);
      for (int k = first + 1; k < comma; ++k) {
        if (tokens_[k].type != Token::kWord) break;
        phrase.push_back(tokens_[k]);
      }
      if (lex_.role_phrases().LongestAt(phrase, 0, &payloads) != static_cast<int>(phrase.size())) {
        continue;
      }
      m.roles.clear();
      AddRolesOfPhrases(payloads, &m.roles);
    }
  }

  // Whether a relative clause opens at token k ("que", "qu'") whose verb,
  // a few words on, gives a name: a naming word before quotation marks or
  // a capital ("que la presse surnomme « … »").
  bool NicknameClauseAt(int k) const {
    constexpr int kMaxWords = 8;
    const int n = static_cast<int>(tokens_.size());
    if (k >= n || (tokens_[k].norm != "que" && tokens_[k].norm != "qu'")) return false;
    for (int j = k + 1; j < n && j <= k + kMaxWords && tokens_[j].sentence == tokens_[k].sentence;
         ++j) {
      if (tokens_[j].type != Token::kWord) return false;
      const int len = lex_.words(WordClass::kNaming).LongestAt(tokens_, j, nullptr);
      if (len == 0) continue;
      // "que la presse surnommait parfois « … »": an adverb may come between.
      int named = j + len;
      named += lex_.AdverbOrTimeAt(tokens_, named);
      if (named < n && (tokens_[named].type == Token::kQuote || tokens_[named].capitalized)) {
        return true;
      }
    }
    return false;
  }

  // Adds to *roles, once each, the offices that the matched role phrases
  // (payloads of role_phrases()) name.
  void AddRolesOfPhrases(const std::vector<int>& phrases, std::vector<std::string>* roles) const {
    for (int p : phrases) {
      const std::string& role = lex_.kb().role_phrases()[p].role;
      if (std::find(roles->begin(), roles->end(), role) == roles->end()) roles->push_back(role);
    }
  }

  static bool IsDe(const Token& t) { return IsDeOrItsContraction(t.norm.str()); }

  // A lowercase adjective of the kinds that qualify institutions
  // (-el, -al, -aux, -éen, -ien, -ain, -if, -ive and their feminines), and
  // no verb the lexicon knows: "estime", "indique", "rappelle" stay out.
  bool InstitutionAdjective(int k) const {
    if (!LowercaseWordNoVerbSpells(k) || tokens_[k].norm.size() < 5) return false;
    return EndsWithOneOf(tokens_[k].norm, {"el", "elle", "elles", "al", "ale", "aux", "ales", "éen", "éenne",
                                           "ien", "ienne", "ain", "aine", "if", "ive", "els", "éens", "éennes",
                                           "aines", "ains"});
  }

  // A lowercase word on the line, which no verb form of the lexicon spells.
  // "du ministère des Transports et de la Mobilité durable (MTMD)": a
  // lowercase word right before a bracketed short name ends the name; a
  // verb is not followed by one.
  bool LowercaseWordBeforeAShortName(int t) const {
    return t + 3 < static_cast<int>(tokens_.size()) && tokens_[t].type == Token::kWord &&
           !tokens_[t].capitalized && BracketedAcronymAt(t + 1);
  }

  // Whether "(", an acronym and ")" stand from t: "(ARS)".
  bool BracketedAcronymAt(int t) const {
    return t + 2 < static_cast<int>(tokens_.size()) && tokens_[t].norm == "(" && AcronymAt(t + 1) &&
           tokens_[t + 2].norm == ")";
  }

  // A word in capitals within its line: a body's short name ("ARS", "CGT").
  bool AcronymAt(int t) const {
    return t < static_cast<int>(tokens_.size()) && tokens_[t].type == Token::kWord && tokens_[t].all_caps &&
           !tokens_[t].line_start;
  }

  bool LowercaseWordNoVerbSpells(int k) const {
    if (k >= static_cast<int>(tokens_.size())) return false;
    const Token& t = tokens_[k];
    return t.type == Token::kWord && !t.capitalized && !t.line_start && !t.elided &&
           lex_.FormsOf(t.norm) == nullptr && lex_.AuxiliaryOf(t.norm) == nullptr;
  }

  // Whether token k is a lowercase word that ends like an adjective of a
  // body's name ("travailliste", "constitutionnel", "suprême") and that
  // no verb spells.
  bool AdjectiveOfANameAt(int k) const {
    if (!LowercaseWordNoVerbSpells(k) || lex_.Is(WordClass::kDeterminer, tokens_[k]) ||
        lex_.Is(WordClass::kPronoun, tokens_[k]) || lex_.Is(WordClass::kPreposition, tokens_[k]) ||
        lex_.Is(WordClass::kAdverb, tokens_[k])) {
      return false;
    }
    return EndsWithOneOf(tokens_[k].norm.str(),
                         {"iste", "istes", "ien",   "ienne", "al",    "ale",   "aux", "ales",
                          "el",   "elle",  "aire",  "ique",  "ais",   "aise",  "ain", "aine",
                          "if",   "ive",   "crate", "ême",   "rieur", "rieure"});
  }

  // Whether token k may be a lowercase noun: a word no verb spells that is
  // neither a determiner nor a pronoun.
  bool LowercaseNounAt(int k) const {
    return LowercaseWordNoVerbSpells(k) && !lex_.Is(WordClass::kDeterminer, tokens_[k]) &&
           !lex_.Is(WordClass::kPronoun, tokens_[k]);
  }

  static bool StartsWithADigit(const Token& t) {
    return !t.norm.empty() && t.norm[0] >= '0' && t.norm[0] <= '9';
  }

  static bool PluralWord(const Token& t) {
    const Norm& w = t.norm;
    return t.type == Token::kWord && w.size() > 3 && (w.back() == 's' || w.back() == 'x');
  }

  // The first word of a sentence or a line: its capital says nothing.
  bool StartsSentence(int k) const {
    return k == 0 || tokens_[k].line_start || tokens_[k - 1].sentence != tokens_[k].sentence;
  }

  // "Quelques minutes plus tard, ...": a lone capitalised word opening a
  // sentence is a name only if the article also capitalises it elsewhere
  // ("Jean Dupont ... Dupont a ajouté"), it is a first name, or a verb
  // follows it ("Stoltemberg a estimé", a misspelt surname met only there),
  // or a relative clause on it ("Enedis, qui a mobilisé ..., prévient").
  bool LoneInitialCapital(int k, int end) const {
    if (end != k + 1 || !StartsSentence(k)) return false;
    if (end < static_cast<int>(tokens_.size())) {
      const Token& next = tokens_[end];
      if (next.type == Token::kClitic || lex_.AuxiliaryOf(next.norm) != nullptr ||
          lex_.FormsOf(next.norm) != nullptr) {
        return false;
      }
      if (next.norm == "," && end + 1 < static_cast<int>(tokens_.size()) &&
          tokens_[end + 1].norm == "qui" && tokens_[end + 1].sentence == next.sentence &&
          !lex_.Is(WordClass::kPronoun, tokens_[k])) {
        return false;
      }
      // "Mabrouka, 54 ans, ramasse des olives": an age in apposition.
      if (next.norm == "," && AgeAt(tokens_, end + 1)) return false;
    }
    return !CapitalisedInside(tokens_[k].norm) && lex_.FirstNameGenderOfNorm(tokens_[k].norm) == 0;
  }

  // Whether the article writes `norm` with a capital somewhere other than
  // a sentence's start. A scan for the first few questions, as most
  // articles ask no more; after them, the words so written are gathered in
  // one set: a scan per question made an article of thousands of "Quant à
  // X, …" quadratic.
  bool CapitalisedInside(const std::string& norm) const {
    constexpr int kScans = 8;
    const int n = static_cast<int>(tokens_.size());
    if (scans_of_capitals_ < kScans) {
      ++scans_of_capitals_;
      for (int k = 0; k < n; ++k) {
        const Token& t = tokens_[k];
        if (t.capitalized && IsWord(t) && t.norm == norm && !StartsSentence(k)) return true;
      }
      return false;
    }
    if (scans_of_capitals_ == kScans) {
      ++scans_of_capitals_;
      for (int k = 0; k < n; ++k) {
        const Token& t = tokens_[k];
        if (t.capitalized && IsWord(t) && !StartsSentence(k)) capitalised_inside_.insert(t.norm.str());
      }
    }
    return capitalised_inside_.count(norm) != 0;
  }

  // Callers move their mention in: a copy was a string and vectors each.
  int Add(Mention m) {
    a_.mentions.push_back(std::move(m));
    return a_.mentions.back().end_token;
  }

  // "A Bruxelles, ...": the press drops the accent of a capital À.
  bool IsCapitalA(int k) const {
    return k >= 0 && tokens_[k].norm == "a" && tokens_[k].capitalized &&
           (k == 0 || tokens_[k - 1].sentence != tokens_[k].sentence);
  }

  // Not "-aine", "-ande", "-and": they end countries and regions as often
  // ("l'Ukraine", "la Finlande", "le Groenland", "la Lorraine"), and the
  // nationalities of patterns/ spell the demonyms of every country.

  // Whether TryAt finds nothing at t without trying its steps: a
  // punctuation mark or a quotation; or a lowercase word (no name starts
  // lowercase) that none of its steps can start, and none of the words
  // TryAt compares with literals ("lui", "ancien"...). Most words of a
  // text: those no pattern has, by their norm or their FoldKey, and most
  // of those the patterns know ("que", "pour", "dans").
  // Inline, as the look-ups it makes: asked of every token, it saves the
  // call to TryAt for most.
  GUILLEMET_NORM_INLINE bool NamesNoOne(const Token& t) const {
    if (t.type == Token::kQuote || t.type == Token::kPunct) return true;
    if (t.type != Token::kWord || t.capitalized) return false;
    if (MayOpenAMention(t)) return false;
    const Norm& w = t.norm;
    return !(w == "lui" || w == "eux" || w == "elle" || w == "elles" || w == "ancien" ||
             w == "ancienne" || w == "ex" || w == "nouveau" || w == "nouvelle" || w == "actuel" ||
             w == "actuelle" || w == "futur" || w == "future");
  }

  // Whether a lowercase word t of the patterns may start a mention in
  // TryAt: a pronoun, or a determiner before an office, an epithet, a body
  // or a description; or the first word of what TryAt reads at its own
  // position: a demonstrative ("ce dernier"), an office ("porte-parole du
  // gouvernement"), a title, or the noun of a description without an
  // article ("Laurent Desroches, chef de corps"). Without a determiner,
  // nothing else in TryAt reads t: the body and epithet steps need one, and
  // a name starts with a capital. The word's entries by norm and by
  // FoldKey (offices) are each fetched once for all the questions.
  GUILLEMET_NORM_INLINE bool MayOpenAMention(const Token& t) const {
    const WordEntry* e = lex_.EntryOf(t.norm);
    if (e != nullptr &&
        (Lexicon::Is(WordClass::kPronoun, *e) || Lexicon::Is(WordClass::kDeterminer, *e) ||
         lex_.words(WordClass::kDemonstrative).MayStartWith(e) || lex_.words(WordClass::kTitle).MayStartWith(e) ||
         lex_.words(WordClass::kSourceNoun).MayStartWith(e))) {
      return true;
    }
    if (t.norm == "celui" || t.norm == "celle") return true;
    return lex_.role_phrases().MayStartWith(lex_.FoldedEntryOf(t.norm));
  }

  // Returns the token after the mention found at i, or i if none. Asked
  // only where NamesNoOne does not hold.
  int TryAt(int i) {
    const Token& t = tokens_[i];
    const int n = static_cast<int>(tokens_.size());
    // "d'ExxonMobil": the tokenizer cuts glued words at a capital, and the
    // second half of one capitalised word is not a name of its own (after
    // a lowercase half, "suivantPaul Casey", it is).
    if (i > 0 && t.capitalized && IsWord(tokens_[i - 1]) && tokens_[i - 1].capitalized &&
        tokens_[i - 1].span.end == t.span.begin) {
      return i;
    }
    if (t.type == Token::kClitic) {
      Mention m;
      m.first_token = i;
      m.end_token = i + 1;
      m.kind = Mention::kPronoun;
      m.head = t.norm;
      const WordFeatures* f = lex_.FeaturesOf(WordClass::kPronoun, t.norm);
      if (f != nullptr) {
        m.gender = f->gender;
        m.plural = f->plural;
      }
      return Add(std::move(m));
    }
    // "celui que la presse américaine a surnommé « T-Rex » a refusé": a
    // person the story knows by a nickname, subject of the verb after it.
    if ((t.norm == "celui" || t.norm == "celle") && NicknameClauseAt(i + 1)) {
      Mention m;
      m.first_token = i;
      m.end_token = i + 1;
      m.kind = Mention::kPronoun;
      m.head = "protagoniste";
      m.gender = t.norm == "celui" ? 'm' : 'f';
      return Add(std::move(m));
    }
    // "Quant à la principale intéressée, elle refuse …": the person the
    // story is about, as a nickname's "celui" is.
    if ((t.norm == "le" || t.norm == "la") && i + 1 < n) {
      const int len = lex_.words(WordClass::kProtagonist).LongestAt(tokens_, i + 1, nullptr);
      if (len > 0) {
        std::string words;
        for (int k = i + 1; k <= i + len; ++k) {
          words += (k > i + 1 ? " " : "") + std::string(tokens_[k].norm);
        }
        Mention m;
        m.first_token = i;
        m.end_token = i + 1 + len;
        m.kind = Mention::kPronoun;
        m.head = "protagoniste";
        if (const WordFeatures* f = lex_.FeaturesOf(WordClass::kProtagonist, words)) {
          m.gender = f->gender;
        }
        return Add(std::move(m));
      }
    }
    int len = lex_.words(WordClass::kDemonstrative).LongestAt(tokens_, i, nullptr);
    if (len > 0) {
      Mention m;
      m.first_token = i;
      m.end_token = i + len;
      m.kind = Mention::kPronoun;
      m.head = "dernier";
      std::string joined;
      for (int k = i; k < i + len; ++k) joined += (k > i ? " " : "") + tokens_[k].norm;
      if (const WordFeatures* f = lex_.FeaturesOf(WordClass::kDemonstrative, joined)) {
        m.gender = f->gender;
        m.plural = f->plural;
      }
      return Add(std::move(m));
    }
    // "selon lui", "d'après eux": a stressed pronoun after a source cue.
    // "Lui voit dans ce retour « … »": one that opens the sentence, before
    // its verb, is the subject.
    if ((t.norm == "lui" || t.norm == "eux" || t.norm == "elle" || t.norm == "elles") &&
        (lex_.cue_templates().LongestEndingAt(tokens_, i) > 0 ||
         ((t.norm == "lui" || t.norm == "eux") && StartsSentence(i) &&
          i + 1 < static_cast<int>(tokens_.size()) && tokens_[i + 1].type == Token::kWord))) {
      Mention m;
      m.first_token = i;
      m.end_token = i + 1;
      m.kind = Mention::kPronoun;
      m.head = t.norm == "lui" ? "il" : t.norm == "eux" ? "ils" : t.norm;
      m.gender = (t.norm == "elle" || t.norm == "elles") ? 'f' : 'm';
      m.plural = t.norm == "eux" || t.norm == "elles";
      return Add(std::move(m));
    }
    if (lex_.Is(WordClass::kPronoun, t)) {
      if (ImpersonalAfter(i)) return i + 1;
      Mention m;
      m.first_token = i;
      m.end_token = i + 1;
      m.kind = Mention::kPronoun;
      m.head = t.norm;
      const WordFeatures* f = lex_.FeaturesOf(WordClass::kPronoun, t.norm);
      if (f != nullptr) {
        m.gender = f->gender;
        m.plural = f->plural;
      }
      return Add(std::move(m));
    }

    // Determiner, then "ancien"/"nouveau", then an office, epithet or name.
    int j = i;
    const WordFeatures* det = nullptr;
    // "aux yeux de Rex Tillerson", "le discours d'Emmanuel Macron": before
    // a capitalised name, "de" is a preposition and the name starts after
    // it (unless the base knows the name with it: "de Gaulle"). Not before
    // an office ("au poste de Premier ministre"), which it leaves unsaid.
    if ((t.norm == "de" || t.norm == "d'") && i + 1 < n && tokens_[i + 1].capitalized &&
        lex_.kb_names().LongestAt(tokens_, i, nullptr) == 0 &&
        lex_.role_phrases().LongestAt(tokens_, i + 1, nullptr) == 0) {
      return i;
    }
    if (lex_.Is(WordClass::kDeterminer, t) && i + 1 < n && IsWord(tokens_[i + 1])) {
      det = lex_.FeaturesOf(WordClass::kDeterminer, t.norm);
      j = i + 1;
    }
    bool former = false, outgoing = false;
    while (j < n && IsWord(tokens_[j]) &&
           (tokens_[j].norm == "ancien" || tokens_[j].norm == "ancienne" ||
            tokens_[j].norm == "ex" || tokens_[j].norm == "nouveau" ||
            tokens_[j].norm == "nouvelle" || tokens_[j].norm == "actuel" ||
            tokens_[j].norm == "actuelle" || tokens_[j].norm == "futur" ||
            tokens_[j].norm == "future")) {
      former = former || tokens_[j].norm == "ancien" || tokens_[j].norm == "ancienne" ||
               tokens_[j].norm == "ex" || tokens_[j].norm == "futur" ||
               tokens_[j].norm == "future";
      ++j;
      if (j < n && tokens_[j].norm == "-") ++j;
    }
    // "la jeune Namuroise": an adjective of age before a demonym.
    if (det != nullptr && j + 1 < n &&
        (tokens_[j].norm == "jeune" || tokens_[j].norm == "vieux" ||
         tokens_[j].norm == "vieille") &&
        IsWord(tokens_[j + 1]) && tokens_[j + 1].capitalized &&
        lex_.FirstNameGenderOfNorm(tokens_[j + 1].norm) == 0 &&
        (lex_.NationalityOf(tokens_[j + 1].norm) != nullptr ||
         EndsLikeADemonym(tokens_[j + 1].norm))) {
      ++j;
    }
    if (j >= n) return i;
    // "ex-PDG" is one token: "ex-" marks a former office.
    std::vector<int> payloads;
    int role_len = lex_.role_phrases().LongestAt(tokens_, j, &payloads);
    // "la ministre démissionnaire de l'Éducation nationale", "le ministre
    // sortant de l'Intérieur": a caretaker's or outgoing holder's word
    // inside the office's phrase.
    if (j + 2 < n && IsCaretakerWord(tokens_[j + 1].norm)) {
      std::vector<int> inner;
      const int split = OfficeAroundAWordLength(j, &inner);
      if (split > role_len) {
        role_len = split;
        payloads = std::move(inner);
        if (IsOutgoingWord(tokens_[j + 1].norm)) former = outgoing = true;
      }
    }
    // "l'ancien Premier ministre travailliste": an epithet of the base that
    // spans the whole office names its person, as "le Norvégien" does.
    // Past holders of it are kept with the epithet: "l'ancien ministre des
    // Finances" of the base may be someone the story does not name.
    std::vector<int> former_office;
    if (role_len > 0 && det != nullptr && det->definite && EpithetSpansOffice(i, j + role_len)) {
      if (former) former_office = std::move(payloads);
      role_len = 0;
    }
    if (role_len > 0 && SameLine(j, j + role_len)) {
      int end = j + role_len;
      // "secrétaire général adjoint" is another office.
      if (end < n && (tokens_[end].norm == "adjoint" || tokens_[end].norm == "adjointe")) {
        return j + role_len;
      }
      // "un porte-parole du département d'État américain": the office's
      // own complements belong to it.
      std::vector<int> unused;
      const int phrase_end = end;
      end = ExtendModifiers(end, &unused);
      // "le président US": a nationality written as a short capitalised name.
      if (end < n && tokens_[end].all_caps && IsWord(tokens_[end]) && !tokens_[end].line_start &&
          lex_.NationalityOf(tokens_[end].norm) != nullptr) {
        ++end;
      }
      // "le secrétaire général sortant": the one who is leaving the office.
      for (int k = phrase_end; k < end; ++k) {
        if (IsOutgoingWord(tokens_[k].norm)) former = outgoing = true;
      }
      // "élu au poste de Premier ministre": the post, not a person.
      if (i > 0 && IsDe(tokens_[i]) && (tokens_[i - 1].norm == "poste" || tokens_[i - 1].norm == "postes" ||
                                        tokens_[i - 1].norm == "fonction" || tokens_[i - 1].norm == "fonctions" ||
                                        tokens_[i - 1].norm == "titre" || tokens_[i - 1].norm == "rang")) {
        return end;
      }
      Mention m;
      m.first_token = i;
      m.end_token = end;
      m.kind = Mention::kRole;
      m.former = former;
      m.outgoing = outgoing;
      m.head = tokens_[j].norm;
      AddRolesOfPhrases(payloads, &m.roles);
      if (det != nullptr) {
        m.gender = det->gender;
        m.plural = det->plural;
      }
      return Add(std::move(m));
    }
    // "l'union départementale CGT" is a body, not the epithet "l'Union"
    // (lowercase, since "la Commission européenne" is a name of the base).
    // Capitalised, any noun with a lowercase complement is one when its
    // short name follows in brackets: "l'Office français de la
    // biodiversité (OFB)", "le Centre national d'études spatiales (CNES)".
    if (det != nullptr && det->definite && !det->plural) {
      int body = lex_.words(WordClass::kBodyNoun).LongestAt(tokens_, j, nullptr);
      if (body == 0 && tokens_[j].capitalized && j + 1 < n && IsWord(tokens_[j + 1]) &&
          !tokens_[j + 1].capitalized && !tokens_[j + 1].line_start) {
        body = 1;
      }
      // A name the base knows stays that name, whatever short name follows.
      if (body > 0 && tokens_[j].capitalized && lex_.kb_names().LongestAt(tokens_, j, nullptr) > 0) {
        body = 0;
      }
      if (body > 0) {
        // "la Fondation du patrimoine": a body noun capitalised with a
        // lowercase "de" complement is a name without a short one.
        const bool named_by_complement = lex_.Is(WordClass::kBodyNoun, tokens_[j]) && j + 2 < n &&
                                         IsDe(tokens_[j + 1]) && IsWord(tokens_[j + 2]) &&
                                         !tokens_[j + 2].capitalized && !tokens_[j + 2].line_start;
        const int end = BodyAt(i, j, body,
                               /*bracketed_short_name_only=*/tokens_[j].capitalized && !named_by_complement);
        if (end > i) return end;
        // "la Confédération paysanne", "la Fédération nationale des
        // jardins": a capitalised body named by its adjectives.
        if (tokens_[j].capitalized && body == 1 &&
            (AdjectiveAt(j + 1) || (lex_.Is(WordClass::kBodyNoun, tokens_[j]) && PurposeAt(j + 1) > j + 1))) {
          return NamedBodyAt(i, j);
        }
      }
    }
    // Epithets name someone already met: "le Norvégien", not "un diplomate".
    // Some start with "ancien" themselves ("l'ancien patron d'ExxonMobil").
    int epithet_len = 0;
    if (det != nullptr && det->definite) {
      epithet_len = lex_.kb_epithets().LongestAt(tokens_, i + 1, &payloads);
      if (epithet_len > 0) {
        j = i + 1;
      } else {
        epithet_len = lex_.kb_epithets().LongestAt(tokens_, j, &payloads);
      }
    }
    // "le Quai d'Orsay": a longer name of the base than the epithet ("le
    // Quai") is that name.
    if (epithet_len > 0 && lex_.kb_names().LongestAt(tokens_, j, nullptr) > epithet_len) epithet_len = 0;
    // "le diplomate russe": a noun of the base's epithets with another
    // nationality than theirs is a description.
    if (epithet_len == 1 && j + 1 < n && !tokens_[j + 1].capitalized &&
        lex_.NationalityOf(tokens_[j + 1].norm) != nullptr) {
      epithet_len = 0;
    }
    // "le diplomate en chef": another noun than the epithet's, as in
    // ExtendModifiers.
    if (epithet_len > 0 && InChiefAt(j + epithet_len)) epithet_len = 0;
    if (epithet_len > 0 && SameLine(j, j + epithet_len)) {
      Mention m;
      m.first_token = i;
      m.end_token = j + epithet_len;
      m.kind = Mention::kEpithet;
      m.speakers = payloads;
      AddRolesOfPhrases(former_office, &m.roles);
      for (int q = j; q < j + epithet_len; ++q) m.head += (q > j ? " " : "") + tokens_[q].norm;
      if (det != nullptr) m.gender = det->gender;
      return Add(std::move(m));
    }

    int title_len = lex_.words(WordClass::kTitle).LongestAt(tokens_, j, nullptr);
    int k = j + title_len;
    if (k >= n) return i;
    char title_gender = 0;
    if (title_len > 0) {
      std::string joined;
      for (int q = j; q < k; ++q) joined += (q > j ? " " : "") + tokens_[q].norm;
      if (const WordFeatures* f = lex_.FeaturesOf(WordClass::kTitle, joined)) title_gender = f->gender;
    }
    // A known name.
    int name_len = tokens_[k].capitalized ? lex_.kb_names().LongestAt(tokens_, k, &payloads) : 0;
    // "l'Otan" matches both the name "OTAN" and the alias "l'Otan": one speaker.
    std::sort(payloads.begin(), payloads.end());
    payloads.erase(std::unique(payloads.begin(), payloads.end()), payloads.end());
    // "Mme Trump" is not Donald Trump: a title of the other gender than the
    // base's person makes the name an unknown one, someone of the story.
    if (name_len > 0 && title_gender != 0) {
      RemoveOfTheOtherGender(title_gender, &payloads);
      if (payloads.empty()) name_len = 0;
    }
    // "Donald Trump Jr.": the son, whom the base does not know; "la Trump
    // Tower": a longer name that starts with a person's, not a first name
    // or a name the base knows ("de l'Otan Jens Stoltenberg").
    if (name_len > 0 && k + name_len < n && SameLine(k, k + name_len + 1)) {
      const Token& next = tokens_[k + name_len];
      if (IsWord(next) && next.capitalized && !next.elided &&
          (lex_.Is(WordClass::kNameSuffix, next) ||
           (!lex_.kb().speakers()[payloads[0]].is_org &&
            lex_.FirstNameGenderOfNorm(next.norm) == 0 &&
            lex_.kb_names().LongestAt(tokens_, k + name_len, nullptr) == 0 &&
            !lex_.Is(WordClass::kNotName, next)))) {
        name_len = 0;
      }
    }
    if (name_len > 0 && SameLine(k, k + name_len)) {
      // A longer unknown name may start with a known one ("Trump Tower").
      int end = k + name_len;
      Mention m;
      m.first_token = i;
      m.end_token = end;
      m.kind = Mention::kName;
      m.speakers = payloads;
      const Speaker& sp = lex_.kb().speakers()[payloads[0]];
      m.is_org = sp.is_org;
      m.gender = sp.gender != 0 ? sp.gender : title_gender;
      return Add(std::move(m));
    }
    // An unknown capitalised name.
    if (!IsWord(tokens_[k]) || !tokens_[k].capitalized) {
      return DescriptionAt(i, j, det);
    }
    if (title_len == 0 && lex_.Is(WordClass::kNotName, tokens_[k])) return i;
    // "la PDG, Pascale Godard": an office spelt in capitals, not a name;
    // "la Première dame": nor one of several words capitalised as a title.
    if (title_len == 0 && det != nullptr &&
        lex_.words(WordClass::kSourceNoun).LongestAt(tokens_, k, nullptr) >
            (tokens_[k].all_caps ? 0 : 1)) {
      return DescriptionAt(i, j, det);
    }
    int end = k;
    bool ampersand = false;  // "Fournil & Co", "Procter & Gamble": a firm.
    while (end < n && (end == k || !tokens_[end].line_start)) {
      const Token& w = tokens_[end];
      if (IsInitial(tokens_, end)) {
        end += 2;
        continue;
      }
      if (end > k && w.norm == "&" && end + 1 < n && IsWord(tokens_[end + 1]) &&
          tokens_[end + 1].capitalized && !tokens_[end + 1].line_start) {
        ampersand = true;
        end += 2;
        continue;
      }
      // "Aya N'Guessan", "Moussa N'Diaye": a capital N or M elided onto
      // a capitalised word starts a surname.
      if (end > k && IsWord(w) && w.elided && (w.norm == "n'" || w.norm == "m'") && end + 1 < n &&
          IsWord(tokens_[end + 1]) && tokens_[end + 1].capitalized &&
          tokens_[end + 1].span.begin == w.span.end) {
        end += 2;
        continue;
      }
      // "Alexander De Croo", "Yannick Le Goff": a capitalised particle
      // inside a name, before another capitalised word; or right after a
      // title, whatever that word ("M. Le Maire").
      if ((end > k || title_len > 0) && IsWord(w) && w.capitalized && end + 1 < n &&
          IsWord(tokens_[end + 1]) && tokens_[end + 1].capitalized &&
          !tokens_[end + 1].line_start &&
          (w.norm == "de" || w.norm == "du" || w.norm == "des" || w.norm == "le" ||
           w.norm == "la" || lex_.Is(WordClass::kParticle, w))) {
        end += 2;
        continue;
      }
      // "Jérémie Côté", "Paul Mardi": after a first name alone, even a word
      // kept from starting names ("Côté finances, …") is a surname.
      if (IsWord(w) && w.capitalized &&
          (end == k || !lex_.Is(WordClass::kNotName, w) ||
           (end == k + 1 && !w.line_start && lex_.FirstNameGenderOfNorm(tokens_[k].norm) != 0))) {
        // "page Facebook Christian Dupont": a first name starts a new name.
        if (end > k && lex_.FirstNameGenderOfNorm(w.norm) != 0 &&
            lex_.FirstNameGenderOfNorm(tokens_[end - 1].norm) == 0 && title_len == 0 &&
            !IsInitial(tokens_, end - 2)) {
          break;
        }
        ++end;
        continue;
      }
      if (IsWord(w) && end + 1 < n && tokens_[end + 1].capitalized &&
          IsWord(tokens_[end + 1]) && lex_.Is(WordClass::kParticle, w)) {
        end += 2;
        continue;
      }
      // "la Banque de France", "la Fondation Reins d'Afrique": after an
      // article, an organisation's name runs over "de" and a capitalised
      // word that is no first name.
      // Not after an acronym: « la FDSEA du Finistère » is the FDSEA.
      // After "d'", a word the rules keep from names ("Or", the sentence's
      // conjunction) is the name's: "l'ONG Terres d'Or".
      if (det != nullptr && title_len == 0 && end > k && IsWord(w) && IsDe(w) && end + 1 < n &&
          !tokens_[end - 1].all_caps && IsWord(tokens_[end + 1]) && tokens_[end + 1].capitalized &&
          !tokens_[end + 1].line_start &&
          (w.norm == "d'" || !lex_.Is(WordClass::kNotName, tokens_[end + 1])) &&
          lex_.FirstNameGenderOfNorm(tokens_[end + 1].norm) == 0) {
        end += 2;
        continue;
      }
      // "Dominique de Villepin", "Charles de Courson": a first name, then
      // "de" and a capitalised surname, is one name.
      if (end > k && IsWord(w) && (w.norm == "de" || w.norm == "d'") && end + 1 < n &&
          lex_.FirstNameGenderOfNorm(tokens_[end - 1].norm) != 0 && IsWord(tokens_[end + 1]) &&
          tokens_[end + 1].capitalized && !tokens_[end + 1].line_start && !tokens_[end + 1].all_caps &&
          !lex_.Is(WordClass::kNotName, tokens_[end + 1]) &&
          lex_.FirstNameGenderOfNorm(tokens_[end + 1].norm) == 0) {
        end += 2;
        continue;
      }
      // "Joost van der Linde", "Ursula von der Leyen": two particles.
      if (end > k && IsWord(w) && end + 2 < n && lex_.Is(WordClass::kParticle, w) &&
          IsWord(tokens_[end + 1]) && lex_.Is(WordClass::kParticle, tokens_[end + 1]) &&
          IsWord(tokens_[end + 2]) && tokens_[end + 2].capitalized && !tokens_[end + 2].line_start) {
        end += 3;
        continue;
      }
      if (end > k && IsParticleJoinedToAName(w)) {
        ++end;
        continue;
      }
      break;
    }
    if (end == k) return i;
    if (title_len == 0 && det == nullptr && LoneInitialCapital(k, end)) return i;
    // "le Parti travailliste", "la Cour suprême", "le Conseil
    // constitutionnel": after an article, a capitalised body's noun takes
    // the adjectives of its name.
    if (det != nullptr && det->definite && title_len == 0 && end == k + 1 &&
        lex_.Is(WordClass::kBodyNoun, tokens_[k])) {
      for (int adjective = 0; adjective < 2 && AdjectiveOfANameAt(end); ++adjective) ++end;
    }
    // "l'Italien Brando Benifei": a demonym, then the name in apposition.
    if (det != nullptr && det->definite && title_len == 0 && end - k >= 2 &&
        (lex_.NationalityOf(tokens_[k].norm) != nullptr || EndsLikeADemonym(tokens_[k].norm))) {
      end = k + 1;
    }
    // Split at an inner first name (from the second token on).
    if (title_len == 0 && end - k >= 2 && lex_.FirstNameGenderOfNorm(tokens_[k].norm) == 0) {
      for (int q = k + 1; q < end; ++q) {
        if (lex_.FirstNameGenderOfNorm(tokens_[q].norm) != 0) {
          Mention first;
          first.first_token = det != nullptr ? i : k;
          first.end_token = q;
          first.kind = Mention::kName;
          first.is_org = det != nullptr;
          Add(std::move(first));
          return q;  // The person's name is found from q on.
        }
      }
    }
    // "la Valaisanne", "l'Américain": a demonym with its article stands for
    // a person already in the story, like a definite description.
    // "les Européens" is a people, kept as a plural description.
    const NationalityForm* nationality =
        det != nullptr && det->definite && title_len == 0 && end == k + 1
            ? lex_.NationalityOf(tokens_[k].norm)
            : nullptr;
    if (nationality != nullptr ||
        (det != nullptr && det->definite && !det->plural && title_len == 0 && end == k + 1 &&
         EndsLikeADemonym(tokens_[k].norm))) {
      Mention m;
      m.first_token = i;
      m.end_token = end;
      m.kind = Mention::kDescription;
      m.head = tokens_[k].norm;
      m.gender = det->gender;
      m.plural = det->plural;
      m.demonym = true;
      if (nationality != nullptr) {
        m.nationality = static_cast<int16_t>(nationality->nationality);
        if (nationality->gender != 0) m.gender = nationality->gender;
        m.plural = m.plural || nationality->plural;
      }
      return Add(std::move(m));
    }
    Mention m;
    // "des Affaires étrangères", "du Pentagone": the contracted preposition
    // is not part of the name, so that adjunct skipping sees it.
    bool preposition = det != nullptr && title_len == 0 && IsDe(tokens_[i]);
    m.first_token = preposition ? k : i;
    m.end_token = end;
    m.kind = Mention::kName;
    // People take no article in French: "la Russie", "le Qatar" are not
    // people; nor are names after "à" or "en": "à Ankara", "en Syrie".
    const Norm& article = tokens_[i].norm;
    bool has_article = det != nullptr && (article == "le" || article == "la" || article == "les" ||
                                          article == "l'" || article == "du" || article == "des" ||
                                          article == "au" || article == "aux");
    // "revient à Maxime Trémeur": a first name and a surname after "à" are
    // a person's.
    const bool first_name_and_surname = end - k >= 2 && lex_.FirstNameGenderOfNorm(tokens_[k].norm) != 0;
    // "Quant à Marie, elle …": the topic of the sentence, not a place.
    const bool topic = i > 1 && tokens_[i - 1].norm == "à" && tokens_[i - 2].norm == "quant";
    m.is_org = ampersand || (has_article && title_len == 0) ||
               (i > 0 && title_len == 0 && !first_name_and_surname && !topic &&
                (tokens_[i - 1].norm == "à" || tokens_[i - 1].norm == "en" ||
                 tokens_[i - 1].norm == "vers" || IsCapitalA(i - 1)));
    // "le groupe textile Vaudrecourt", "l'entreprise Delmont": the name
    // after a noun that introduces a company is the company's.
    if (!m.is_org && title_len == 0 && det == nullptr && AfterOrgIntroducer(k)) {
      m.is_org = true;
      // "l'association Racines du Levant", "l'ONG Médecins du Monde": the
      // name runs over a contracted article and a capitalised word.
      // "du Bassin de Thau": past one, "de" too, and the capitalised
      // words that follow.
      bool contracted = false;
      while (m.end_token + 1 < n && !tokens_[m.end_token + 1].line_start) {
        const int e = m.end_token;
        const Norm& w = tokens_[e].norm;
        const bool capital_after = IsWord(tokens_[e + 1]) && tokens_[e + 1].capitalized &&
                                   lex_.FirstNameGenderOfNorm(tokens_[e + 1].norm) == 0;
        if (contracted && IsWord(tokens_[e]) && tokens_[e].capitalized && !tokens_[e].line_start) {
          ++m.end_token;
        } else if (capital_after && !tokens_[e - 1].all_caps &&
                   (w == "du" || w == "des" || w == "d'" || (contracted && w == "de"))) {
          contracted = true;
          m.end_token += 2;
        } else {
          break;
        }
      }
      m.end_token = LowercaseTailBeforeComma(m.end_token);
      // "la fédération Radio Amateur du Québec (RAQI)": named by its short
      // name, as a body is.
      if (BracketedAcronymAt(m.end_token)) {
        m.short_name_token = m.end_token + 1;
        m.end_token += 3;
      }
      // "Pour l'association Rivière vivante,": the phrase starts at the
      // introducer's article, so that what comes before sees one mention
      // (the name itself still starts at its first capital).
      const int introducer = OrgIntroducerBefore(k);
      if (introducer >= 1 && m.first_token == k && lex_.Is(WordClass::kDeterminer, tokens_[introducer - 1]) &&
          (a_.mentions.empty() || a_.mentions.back().end_token <= introducer - 1)) {
        m.first_token = introducer - 1;
      }
    }
    // "Lycée Condorcet", "Stade Vélodrome": a place or an institution.
    if (title_len == 0 && lex_.Is(WordClass::kPlaceNoun, tokens_[k])) m.is_org = true;
    // "Conseil Otan-Russie", "Commission européenne" with no article (a
    // headline): a body's noun opening a name of several words.
    if (title_len == 0 && end - k >= 2 && lex_.Is(WordClass::kBodyNoun, tokens_[k])) {
      m.is_org = true;
    }
    // "ExxonMobil", "BlackRock": words glued by a capital (the tokenizer
    // splits them after four lowercase letters) make a brand, not a person.
    for (int j = k; j + 1 < end && !m.is_org; ++j) {
      if (tokens_[j].span.end == tokens_[j + 1].span.begin && IsWord(tokens_[j]) &&
          !tokens_[j].elided && IsWord(tokens_[j + 1])) {
        m.is_org = true;
      }
    }
    // "à l'arrêt Gare-Centre", "la rue Victor-Hugo": a name right after a
    // lowercase place noun is the place's.
    if (title_len == 0 && k > 0 && !tokens_[k - 1].capitalized && lex_.Is(WordClass::kPlaceNoun, tokens_[k - 1])) {
      m.is_org = true;
    }
    // "Concarneau, envoyé spécial": a dateline, whose place is no person.
    if (tokens_[i].line_start && BylineAfterComma(end)) m.is_org = true;
    m.gender = title_gender != 0 ? title_gender : lex_.FirstNameGenderOfNorm(tokens_[k].norm);
    if (m.gender == 'x') m.gender = 0;  // "Camille", "Dominique": the name does not say.
    if (m.is_org) m.gender = 0;
    // "le Conseil constitutionnel", "l'Assemblée nationale", "la Banque
    // mondiale": an institution capitalises only its first word.
    if (has_article && title_len == 0) {
      while (m.end_token < n && m.end_token < end + 2 && InstitutionAdjective(m.end_token)) {
        ++m.end_token;
      }
    }
    // A known surname after a title or a first name: "M. Tillerson",
    // "Rex W. Tillerson"; not after another first name: "Josiane Castex" is
    // not Jean Castex.
    if (lex_.kb_names().LongestAt(tokens_, end - 1, &payloads) == 1) {
      std::sort(payloads.begin(), payloads.end());
      payloads.erase(std::unique(payloads.begin(), payloads.end()), payloads.end());
      if (k < end - 1) {
        payloads.erase(std::remove_if(payloads.begin(), payloads.end(),
                                      [&](int p) { return !FirstNameFits(tokens_[k], p); }),
                       payloads.end());
      }
      RemoveOfTheOtherGender(title_gender, &payloads);
      m.speakers = payloads;
    }
    return Add(std::move(m));
  }

  // Drops the base's people of the other gender than a title's (0: none).
  void RemoveOfTheOtherGender(char gender, std::vector<int>* speakers) const {
    if (gender == 0) return;
    speakers->erase(std::remove_if(speakers->begin(), speakers->end(),
                                   [&](int p) {
                                     const char g = lex_.kb().speakers()[p].gender;
                                     return g != 0 && g != gender;
                                   }),
                    speakers->end());
  }

  // Whether the word before a known surname may be speaker p's first
  // name: any word that is not a known first name (an initial, a title the
  // lexicon lacks), else one of the words of p's name or aliases.
  bool FirstNameFits(const Token& word, int p) const {
    const std::string key = FoldKey(word.norm);
    if (lex_.FirstNameGender(key) == 0) return true;
    const Speaker& speaker = lex_.kb().speakers()[p];
    if (speaker.is_org) return false;
    auto names_it = [&key](const std::string& name) {
      const std::string folded = FoldKey(name);
      for (size_t at = folded.find(key); at != std::string::npos; at = folded.find(key, at + 1)) {
        const bool starts = at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '-';
        const size_t after = at + key.size();
        const bool ends = after == folded.size() || folded[after] == ' ' || folded[after] == '-';
        if (starts && ends) return true;
      }
      return false;
    };
    if (names_it(speaker.name)) return true;
    for (const std::string& alias : speaker.aliases) {
      if (names_it(alias)) return true;
    }
    return false;
  }

  // Whether a capitalised word follows `at` after at most two lowercase
  // words: "l'entreprise Delmont", "le groupe textile Vaudrecourt".
  bool IntroducesName(int at) const {
    const int n = static_cast<int>(tokens_.size());
    for (int t = at; t < n && t < at + 3 && !tokens_[t].line_start; ++t) {
      if (!IsWord(tokens_[t])) return false;
      if (tokens_[t].capitalized) return true;
    }
    return false;
  }

  // "Il faut dire que", "il n'y a pas": an "il" at k that names nobody.
  bool ImpersonalAfter(int k) const {
    if (tokens_[k].norm != "il") return false;
    int next = k + 1;
    if (next < static_cast<int>(tokens_.size()) && (tokens_[next].norm == "ne" || tokens_[next].norm == "n'")) {
      ++next;
    }
    const int len = lex_.words(WordClass::kImpersonal).LongestAt(tokens_, next, nullptr);
    if (len == 0) return false;
    // "Il y avait défendu une alliance": "y" is a place and "avait" the
    // auxiliary of his verb.
    const int after = next + len;
    return !(tokens_[next].norm == "y" && after < static_cast<int>(tokens_.size()) &&
             lex_.FormsOf(tokens_[after].norm) != nullptr);
  }

  // Whether a comma at k is followed by the writer's post ("envoyé
  // spécial", "de notre correspondante").
  bool BylineAfterComma(int k) const {
    return k >= 0 && k + 1 < static_cast<int>(tokens_.size()) && tokens_[k].norm == "," &&
           lex_.words(WordClass::kBylineNoun).LongestAt(tokens_, k + 1, nullptr) > 0;
  }

  // "le collectif Lorraine-Lux en train, qui", "l'association Sèvre
  // vivante, « … »": an organisation's name may go on with a few lowercase
  // words up to a comma that a relative clause or a quotation follows (a
  // verb the lexicon lacks would rather end the clause: "Vaudrecourt
  // fermera en mars,"); where it ends, from `end`.
  int LowercaseTailBeforeComma(int end) const {
    constexpr int kMaxWords = 3;
    const int n = static_cast<int>(tokens_.size());
    for (int t = end; t < n && t < end + kMaxWords + 1; ++t) {
      if (tokens_[t].norm == ",") {
        const bool clause_or_quote = t + 1 < n && (tokens_[t + 1].norm == "qui" || tokens_[t + 1].type == Token::kQuote);
        return t > end && clause_or_quote ? t : end;
      }
      const Token& w = tokens_[t];
      if (!IsWord(w) || w.capitalized || w.line_start || lex_.FormsOf(w.norm) != nullptr ||
          lex_.AuxiliaryOf(w.norm) != nullptr || lex_.Is(WordClass::kRelative, w) ||
          lex_.Is(WordClass::kPronoun, w)) {
        return end;
      }
    }
    return end;
  }

  // Whether an article and a noun that introduces a company (org_anaphor),
  // with at most two lowercase words after it, come right before token k.
  bool AfterOrgIntroducer(int k) const { return OrgIntroducerBefore(k) >= 0; }

  // Where the noun that introduces the company or body named at k stands
  // ("le groupe textile Vaudrecourt"), or -1.
  int OrgIntroducerBefore(int k) const {
    const int p = OrgNounBefore(lex_, tokens_, k);
    // Not inside another noun's complement ("la direction du groupe
    // allemand X"), where the subject finder reads X as the speaker.
    const bool introduces = p >= 1 && lex_.Is(WordClass::kDeterminer, tokens_[p - 1]) &&
                            !IsDe(tokens_[p - 1]) && (p < 2 || !IsDe(tokens_[p - 2]));
    return introduces ? p : -1;
  }

  // "un diplomate européen", "des responsables turcs", "le communiqué".
  // Inline up to the test that turns away most words (no determiner), so
  // that asking costs no call; the rest out of line.
  GUILLEMET_NORM_INLINE int DescriptionAt(int i, int j, const WordFeatures* det) {
    // "Laurent Desroches, chef de corps depuis 2021": after a person's name
    // and a comma, the noun of an apposition takes no article.
    const bool bare_apposition = det == nullptr && i == j && FollowsPersonAndComma(i) && !BylineAfterComma(i - 1);
    if (det == nullptr && !bare_apposition) return i;
    return DescriptionFrom(i, j, det, bare_apposition);
  }

  // "l'interprète Sophie Rochat … confiait l'interprète": a noun the
  // patterns do not know names a source once the story has put it, with
  // its article, before a person's first name and surname.
  bool StoryNounOfASource(int k) {
    const int n = static_cast<int>(tokens_.size());
    const Token& noun = tokens_[k];
    if (!IsWord(noun) || noun.capitalized || noun.elided || noun.norm.size() < 4) return false;
    // Asked of most nouns after a definite article: the cheap tests first.
    if (!nouns_put_before_names_.empty() && nouns_put_before_names_.count(noun.norm.str()) > 0) {
      return true;
    }
    if (k + 2 >= n || !IsWord(tokens_[k + 1]) || !tokens_[k + 1].capitalized ||
        tokens_[k + 1].line_start || !IsWord(tokens_[k + 2]) || !tokens_[k + 2].capitalized ||
        tokens_[k + 2].line_start || !EndsLikeAnAgentNoun(noun.norm.str()) ||
        lex_.FirstNameGenderOfNorm(tokens_[k + 1].norm) == 0 ||
        lex_.FirstNameGenderOfNorm(tokens_[k + 2].norm) != 0) {
      return false;
    }
    // Not a street, a prize, a film or a firm named after someone.
    if (!MayBeASourceNoun(noun)) return false;
    if (OrgNounBefore(lex_, tokens_, k + 1) >= 0) return false;
    nouns_put_before_names_.insert(noun.norm.str());
    return true;
  }

  // Whether a noun the patterns do not list as a source's may be one: no
  // place, body, document, work, firm, medium or speech noun.
  bool MayBeASourceNoun(const Token& noun) const {
    for (WordClass not_a_source :
         {WordClass::kNotName, WordClass::kPlaceNoun, WordClass::kBodyNoun,
          WordClass::kDocumentNoun, WordClass::kWorkNoun, WordClass::kOrgAnaphor,
          WordClass::kCompanyNoun, WordClass::kMedia, WordClass::kPartyNoun, WordClass::kSpeechNoun,
          WordClass::kPreposition, WordClass::kAdverb}) {
      if (lex_.Is(not_a_source, noun)) return false;
    }
    return true;
  }

  // "« … », a lâché le décathlonien.": after a quotation, its comma and
  // a verb, a definite article and a noun the patterns do not know but
  // which ends like one of a trade, closing the clause (an adjective may
  // follow, and an adjunct after a preposition), name the speaker the
  // story is about. With `complement_allowed` (after "un", "une", "des",
  // "plusieurs" …), a "de" complement may follow too: "un saunier de
  // Guérande", "des ostréiculteurs venus de Cancale".
  bool AgentNounClosingAnIncise(int det, int k, bool complement_allowed) const {
    const int n = static_cast<int>(tokens_.size());
    const Token& noun = tokens_[k];
    // "des ostréiculteurs": the plural of such a noun.
    std::string_view word = noun.norm.str();
    if (tokens_[det].norm != "un" && tokens_[det].norm != "une" && tokens_[det].norm != "le" &&
        tokens_[det].norm != "la" && tokens_[det].norm != "l'" && word.size() > 4 &&
        (word.back() == 's' || word.back() == 'x')) {
      word.remove_suffix(1);
    }
    if (!IsWord(noun) || noun.capitalized || noun.elided || noun.norm.size() < 4 ||
        !EndsLikeAnAgentNoun(word) || !MayBeASourceNoun(noun)) {
      return false;
    }
    int end = k + 1;
    if (end < n && IsWord(tokens_[end]) && !tokens_[end].capitalized && !tokens_[end].line_start &&
        !lex_.Is(WordClass::kPreposition, tokens_[end])) {
      ++end;
    }
    // "…, a confié la skippeuse en posant le pied sur le ponton.": an
    // adjunct may follow; not a complement of the noun ("le portier des
    // « Sangliers »"), which makes it someone else than the story's person.
    if (end < n && !tokens_[end].line_start && tokens_[end].norm != "." &&
        tokens_[end].norm != "," &&
        (!lex_.Is(WordClass::kPreposition, tokens_[end]) ||
         (IsDe(tokens_[end]) && !complement_allowed))) {
      return false;
    }
    constexpr int kMaxVerbWords = 3;  // "a", "ensuite", "lâché".
    // "…, explique, ému, le décathlonien": one word between commas.
    if (det >= 4 && tokens_[det - 1].norm == "," && IsWord(tokens_[det - 2]) &&
        !tokens_[det - 2].capitalized && tokens_[det - 3].norm == ",") {
      det -= 3;
    }
    if (det < 1 || !IsWord(tokens_[det - 1])) return false;
    for (int w = det - 1; w >= 1 && w >= det - kMaxVerbWords; --w) {
      if (!IsWord(tokens_[w - 1])) {
        return w >= 2 && tokens_[w - 1].norm == "," && tokens_[w - 2].type == Token::kQuote;
      }
    }
    return false;
  }

  // "vannier", "fauconnière", "interprète", "colombophile": the endings of
  // the nouns of people's trades, which a street, a prize, a ship or a
  // school named after someone lacks (« le lycée Jean Moulin »).
  static bool EndsLikeAnAgentNoun(std::string_view w) {
    return EndsWithOneOf(w, {"eur", "euse", "rice", "ier", "ière", "iste", "ien", "ienne", "logue",
                             "graphe", "phile", "ète", "aire", "ant", "ante", "aine", "ain"});
  }

  // DescriptionAt past that test.
  int DescriptionFrom(int i, int j, const WordFeatures* det, bool bare_apposition) {
    const int n = static_cast<int>(tokens_.size());
    int k = j;
    if (k < n && (tokens_[k].norm == "haut" || tokens_[k].norm == "hauts" ||
                  tokens_[k].norm == "ancien" || tokens_[k].norm == "proche")) {
      // Handled by the phrase itself when listed ("haut responsable").
    }
    int len = lex_.words(WordClass::kSourceNoun).LongestAt(tokens_, k, nullptr);
    // "un vieux chasseur", "une autre riveraine": an adjective before the
    // noun of an unnamed source. Not after a definite article: "la jeune
    // libraire" points back to someone, whom the adjective does not help
    // to find.
    if (len == 0 && k + 1 < n && det != nullptr && !det->definite && IsPrenominalAdjective(tokens_[k].norm)) {
      len = lex_.words(WordClass::kSourceNoun).LongestAt(tokens_, k + 1, nullptr);
      if (len > 0) ++k;
    }
    bool document = false;
    if (len == 0 && bare_apposition) return i;
    if (len == 0 && (tokens_[i].norm == "son" || tokens_[i].norm == "sa")) {
      const int succession = lex_.Is(WordClass::kPredecessor, tokens_[k])  ? -1
                             : lex_.Is(WordClass::kSuccessor, tokens_[k]) ? 1
                                                                          : 0;
      if (succession != 0) {
        Mention m;
        m.first_token = i;
        m.end_token = k + 1;
        m.kind = Mention::kDescription;
        m.head = tokens_[k].norm;
        m.succession = static_cast<int8_t>(succession);
        const WordClass cls = succession < 0 ? WordClass::kPredecessor : WordClass::kSuccessor;
        if (const WordFeatures* noun = lex_.FeaturesOf(cls, tokens_[k].norm)) m.gender = noun->gender;
        return Add(std::move(m));
      }
    }
    if (len == 0) {
      len = lex_.words(WordClass::kDocumentNoun).LongestAt(tokens_, k, nullptr);
      document = len > 0;
      // "note" and "texte" only as documents after a definite article.
      if (document && !det->definite && tokens_[k].norm != "communiqué" &&
          tokens_[k].norm != "déclaration") {
        return i;
      }
    }
    if (len == 0 && det != nullptr && det->definite && !det->plural) {
      const int body = lex_.words(WordClass::kBodyNoun).LongestAt(tokens_, k, nullptr);
      if (body > 0) {
        const int end = BodyAt(i, k, body);
        if (end > i) return end;
      }
      // "affirme l'entreprise", "précise l'avionneur": the company the
      // story is about; not "l'entreprise Vaudrecourt" or "le groupe de
      // travail", which say which one.
      const int anaphor = lex_.words(WordClass::kOrgAnaphor).LongestAt(tokens_, k, nullptr);
      const int after = k + anaphor;
      if (anaphor > 0 && SameLine(k, after) &&
          (after >= n || tokens_[after].line_start ||
           (!IntroducesName(after) && !IsDe(tokens_[after]) &&
            tokens_[after].type != Token::kQuote))) {
        return Add(OrganisationMention(i, after, k));
      }
    }
    if (len == 0 && det != nullptr && det->definite && !det->plural && !det->possessive &&
        (StoryNounOfASource(k) || AgentNounClosingAnIncise(i, k, /*complement_allowed=*/false))) {
      len = 1;
    }
    // "« … », s'inquiète un saunier de Guérande": an unnamed source, its
    // complement with it.
    if (len == 0 && det != nullptr && !det->definite &&
        AgentNounClosingAnIncise(i, k, /*complement_allowed=*/true)) {
      len = 1;
    }
    if (len == 0) return i;
    Mention m;
    m.first_token = i;
    m.kind = Mention::kDescription;
    m.head = tokens_[k].norm;
    // "la jeune femme": the noun after the adjective is the head.
    // "le vieil homme", "la vieille dame" too.
    if (len > 1 && (m.head == "jeune" || m.head == "jeunes" || m.head == "vieil" ||
                    m.head == "vieille" || m.head == "vieux")) {
      m.head = tokens_[k + 1].norm;
    }
    const WordFeatures* noun = lex_.FeaturesOf(WordClass::kSourceNoun, tokens_[k].norm);
    if (det != nullptr) {
      // "son homologue", "son amie": before a vowel or a mute h "son" is
      // feminine too.
      const Norm& noun_word = tokens_[k].norm;
      const bool euphonic_son = tokens_[i].norm == "son" &&
                                (StartsWithVowel(noun_word) || noun_word.front() == 'h');
      if (!euphonic_son) m.gender = det->gender;
      m.plural = det->plural;
    } else if (noun != nullptr) {
      m.gender = noun->gender;
    }
    // "l'élue", "l'adjointe": an elided article says no gender; the noun does.
    if (m.gender == 0 && noun != nullptr) m.gender = noun->gender;
    // A collective noun is many people whatever its article: "l'entourage".
    if (noun != nullptr && noun->plural) m.plural = true;
    m.end_token = WithoutADanglingParticiple(k + len, ExtendModifiers(k + len, &m.speakers));
    // "un participant à la battue", "un conseiller à la présidence", "un
    // tailleur sur cristal": an unnamed source keeps where it belongs.
    if (det != nullptr && !det->definite && !document) {
      m.end_token = PlaceOfAnUnnamedSource(m.end_token);
    }
    // "son homologue sud-coréenne", "l'émissaire américain": then the
    // adjective says it, when its two genders are spelt apart.
    if (m.gender == 0) {
      for (int q = k + len; q < m.end_token; ++q) {
        const NationalityForm* f = tokens_[q].capitalized ? nullptr : lex_.NationalityOf(tokens_[q].norm);
        if (f == nullptr || f->plural) continue;
        const Nationality& both = lex_.nationality(f->nationality);
        if (f->gender == 'f' || both.masculine != both.feminine) m.gender = f->gender;
      }
    }
    if (document) m.is_org = true;
    return Add(std::move(m));
  }

  // Where a description ends when its last modifier is a participle whose
  // complement the phrase left out: "un diplomate européen joint par
  // téléphone", "un responsable américain voyageant avec la délégation",
  // "un critique venu pour l'occasion", "une cliente rencontrée sur le
  // marché" describe "un diplomate européen" …; "venu de Lyon" keeps its
  // place (see ExtendModifiers).
  int WithoutADanglingParticiple(int first_modifier, int end) const {
    const int n = static_cast<int>(tokens_.size());
    const int last = end - 1;
    if (last < first_modifier || end >= n || tokens_[last].capitalized || tokens_[end].line_start) {
      return end;
    }
    const std::string& word = tokens_[last].norm.str();
    const Norm& next = tokens_[end].norm;
    const bool agent = next == "par";
    const bool gerund_complement =
        EndsWithOneOf(word, {"ant"}) && (next == "avec" || next == "pour" || next == "dans" ||
                                         next == "sur" || next == "en" || next == "auprès");
    const bool come_for =
        (word == "venu" || word == "venue" || word == "venus" || word == "venues") &&
        !IsDe(tokens_[end]);
    const bool met = lex_.Is(WordClass::kMetParticiple, tokens_[last]) && IsWord(tokens_[end]);
    return agent || gerund_complement || come_for || met ? last : end;
  }

  // Where an unnamed source's description ends once "à la", "à l'",
  // "au" or "sur" and a lowercase noun after `end` are taken, with their
  // own complements; `end` when none follows.
  int PlaceOfAnUnnamedSource(int end) {
    const int n = static_cast<int>(tokens_.size());
    if (end >= n || tokens_[end].line_start) return end;
    // "à la sortie de l'audience", "au passage du chancelier": when, not
    // where the source belongs.
    if (lex_.AdverbOrTimeAt(tokens_, end) > 0) return end;
    int noun = end + 1;
    const Norm& at = tokens_[end].norm;
    if (at == "à" && noun < n && (tokens_[noun].norm == "la" || tokens_[noun].norm == "l'")) {
      ++noun;
    } else if (at != "au" && at != "sur") {
      return end;
    }
    if (!LowercaseNounAt(noun) || lex_.Is(WordClass::kPreposition, tokens_[noun]) ||
        lex_.AdverbOrTimeAt(tokens_, noun) > 0) {
      return end;
    }
    std::vector<int> ignored;
    const int place_end = ExtendModifiers(noun + 1, &ignored);
    // A name in it is someone else's or a place's: "un diplomate à la
    // cour de Karl Heinemann" keeps to its noun.
    for (int k = noun; k < place_end; ++k) {
      if (tokens_[k].capitalized) return end;
    }
    return place_end;
  }

  // "al-Jubeir", "el-Sissi": a lowercase particle joined by a hyphen to
  // a capitalised word, inside a name ("Adel al-Jubeir").
  bool IsParticleJoinedToAName(const Token& w) const {
    if (!IsWord(w) || w.capitalized) return false;
    const size_t hyphen = w.norm.str().find('-');
    if (hyphen == std::string::npos || hyphen == 0) return false;
    const size_t after = w.span.begin + hyphen + 1;
    if (after >= w.span.end || a_.text[w.span.begin + hyphen] != '-') return false;
    const char c = a_.text[after];
    if (!(c >= 'A' && c <= 'Z')) return false;
    return lex_.FeaturesOf(WordClass::kParticle, std::string_view(w.norm).substr(0, hyphen)) != nullptr;
  }

  // "la préfecture de la Vienne", "l'agence régionale de santé (ARS)",
  // "l'union départementale CGT": an institution that speaks as a whole.
  // Only when a complement or its short name says which one: "la
  // direction" alone may be any of the story's bodies. Its short name (an
  // acronym right after it, bare or in brackets) is kept with it.
  int BodyAt(int i, int k, int len, bool bracketed_short_name_only = false) {
    const int n = static_cast<int>(tokens_.size());
    std::vector<int> inside;  // Organisations in the complement speak not.
    // "la présidence de 2024": a date says when, not which body.
    if (k + len + 1 < n && IsDe(tokens_[k + len]) && StartsWithADigit(tokens_[k + len + 1])) {
      return i;
    }
    int end = ExtendModifiers(k + len, &inside);
    // Which body: a "de" complement ("de la Vienne", "de santé"). Bare
    // adjectives may be a verb the lexicon lacks ("la direction invoque"),
    // so they count only before a short name ("l'union départementale CGT").
    bool complement = false;
    int last_capital = -1;
    for (int t = k + len; t < end; ++t) {
      // "la délégation nord-coréenne": a nationality says which one.
      if (IsDe(tokens_[t]) || (t == k + len && lex_.NationalityOf(tokens_[t].norm) != nullptr)) complement = true;
      if (tokens_[t].capitalized) last_capital = t;
    }
    // After a proper noun, a lowercase word is rather the verb: "la
    // préfecture de la Vienne invoque"; but an adjective that agrees with
    // a plural noun is the name's own ("des Affaires étrangères"), since no
    // verb of the third person ends in -s.
    if (last_capital >= 0) {
      const int next = last_capital + 1;
      // So is an adjective that no verb spells: "de l'Enseignement
      // supérieur", "de la Transition écologique".
      const bool agrees = next < end && ((PluralWord(tokens_[last_capital]) &&
                                          PluralWord(tokens_[next]) && !tokens_[next].capitalized &&
                                          lex_.AuxiliaryOf(tokens_[next].norm) == nullptr) ||
                                         AdjectiveAt(next) ||
                                         (LowercaseWordNoVerbSpells(next) &&
                                          EndsWithOneOf(tokens_[next].norm.str(), {"ieur", "ieure"})) ||
                                         LowercaseWordBeforeAShortName(next));
      end = agrees ? next + 1 : next;
    }
    // "le cabinet du Premier ministre jamaïcain": the office whose body it
    // is, nationality included.
    if (k + len + 1 < n && IsDe(tokens_[k + len])) {
      int office = k + len + 1;
      if (office < n && (tokens_[office].norm == "la" || tokens_[office].norm == "l'")) ++office;
      const int office_len = lex_.role_phrases().LongestAt(tokens_, office, nullptr);
      if (office_len > 0) {
        int office_end = office + office_len;
        if (office_end < n && lex_.NationalityOf(tokens_[office_end].norm) != nullptr) ++office_end;
        end = std::max(end, office_end);
      }
    }
    int short_name = -1;
    // "la Société française d'accompagnement et de soins palliatifs (Sfap)":
    // a long lowercase name, coordinations included, up to its short name.
    // "L'Association des médias écrits communautaires du Québec (AMECQ)":
    // a name longer than its modifiers reach, up to its short name.
    if (bracketed_short_name_only || (complement && !AcronymAt(end))) {
      end = LowercaseNameBeforeShortName(k + len, end);
    }
    if (AcronymAt(end) && !bracketed_short_name_only) {
      short_name = end++;
    } else if (end + 2 < n && tokens_[end].norm == "(" &&
               (AcronymAt(end + 1) || ShortNameOf(end + 1, k, end)) && tokens_[end + 2].norm == ")") {
      short_name = end + 1;
      end += 3;
      // "l'agence régionale de santé (ARS) Auvergne-Rhône-Alpes": the
      // region that follows the short name is part of the body's name.
      if (end < n && tokens_[end].type == Token::kWord && tokens_[end].capitalized &&
          !tokens_[end].line_start && tokens_[end - 1].span.end < tokens_[end].span.begin) {
        ++end;
      } else if (end + 1 < n && IsDe(tokens_[end]) && tokens_[end + 1].type == Token::kWord &&
                 tokens_[end + 1].capitalized && !tokens_[end + 1].line_start) {
        // "la direction régionale des affaires culturelles (Drac)
        // d'Occitanie": so is its place after "de".
        end += 2;
      }
    }
    if (bracketed_short_name_only && short_name < 0) return i;
    // "selon l'agence officielle Kuna": after a source preposition, the
    // capitalised name after a news agency's noun is its own; the agency
    // is the source.
    const bool agency_source = lex_.Is(WordClass::kMedia, tokens_[k]) && AfterSourcePreposition(i);
    if (agency_source && short_name < 0 && end < n && IsWord(tokens_[end]) &&
        tokens_[end].capitalized && !tokens_[end].line_start) {
      short_name = end++;
    }
    // "l'ambassade de Russie à Oslo": where a posted body sits is part of
    // its name.
    if (complement && last_capital >= 0 && end + 1 < n && tokens_[end].norm == "à" &&
        lex_.Is(WordClass::kPostedBodyNoun, tokens_[k]) && IsWord(tokens_[end + 1]) &&
        tokens_[end + 1].capitalized && !tokens_[end + 1].line_start) {
      end += 2;
    }
    // "indique la préfecture" after "la préfecture du Doubs": the bare noun
    // is that body again, when the article named one with it.
    if (!complement && short_name < 0) {
      if (!EarlierBodyWithHead(tokens_[k].norm)) return i;
      end = k + len;
    }
    // "l'agence AFP" is a news agency, which the media rules handle.
    if (!complement && lex_.Is(WordClass::kMedia, tokens_[k]) &&
        !(agency_source && short_name >= 0)) {
      return i;
    }
    Mention m = OrganisationMention(i, end, k);
    m.short_name_token = short_name;
    if (short_name >= 0) {
      std::vector<int> payloads;
      if (lex_.kb_names().LongestAt(tokens_, short_name, &payloads) == 1) {
        for (int p : payloads) {
          if (lex_.kb().speakers()[p].is_org) m.speakers.push_back(p);
        }
      }
    }
    return Add(std::move(m));
  }

  // Whether token t is a lowercase word spelt like an adjective of a
  // body's name ("paysanne", "nationale", "française", "publique"), which
  // no verb form of the lexicon spells.
  bool AdjectiveAt(int t) const {
    if (InstitutionAdjective(t)) return true;
    return LowercaseWordNoVerbSpells(t) &&
           EndsWithOneOf(tokens_[t].norm.str(), {"aise", "aises", "anne", "ennes", "enne", "ique",
                                                 "iques", "aire", "aires", "oise", "oises"});
  }

  // Where a body's purpose ends when one starts at t: "contre" or
  // "pour", an article and a lowercase noun with its modifiers ("la
  // Ligue contre le cancer", "la Fondation pour la nature"); else t.
  int PurposeAt(int t) {
    const int n = static_cast<int>(tokens_.size());
    if (t + 2 >= n || (tokens_[t].norm != "contre" && tokens_[t].norm != "pour") ||
        !lex_.Is(WordClass::kDeterminer, tokens_[t + 1]) || !LowercaseWordNoVerbSpells(t + 2)) {
      return t;
    }
    std::vector<int> inside;
    return ExtendModifiers(t + 3, &inside);
  }

  // A capitalised body noun at k, its adjectives, then perhaps its "de"
  // complements: an organisation, named without its article.
  int NamedBodyAt(int i, int k) {
    int end = k + 1;
    while (end < k + 3 && AdjectiveAt(end)) ++end;
    if (lex_.Is(WordClass::kBodyNoun, tokens_[k])) end = PurposeAt(end);
    std::vector<int> inside;
    if (end < static_cast<int>(tokens_.size()) && IsDe(tokens_[end])) end = ExtendModifiers(end, &inside);
    return Add(OrganisationMention(i, end, k));
  }

  // An organisation described from token i to end, its head noun at k.
  Mention OrganisationMention(int i, int end, int k) const {
    Mention m;
    m.first_token = i;
    m.end_token = end;
    m.kind = Mention::kDescription;
    m.head = tokens_[k].norm;
    m.is_org = true;
    return m;
  }

  // Where a capitalised body's words end if they run, with "et" and
  // "de", into a short name in brackets that shortens them; else `end`.
  // They may hold proper nouns: "le Programme des Nations unies pour le
  // développement (PNUD)".
  int LowercaseNameBeforeShortName(int first, int end) const {
    // "la Direction générale de la concurrence, de la consommation et de la
    // répression des fraudes (DGCCRF)": commas of a coordination too.
    constexpr int kMaxWords = 16;
    const int n = static_cast<int>(tokens_.size());
    for (int t = first; t < n && t <= first + kMaxWords; ++t) {
      const Token& w = tokens_[t];
      if (w.norm == "(") {
        return t > end && t + 2 < n && tokens_[t + 2].norm == ")" && ShortNameOf(t + 1, first - 1, t) ? t : end;
      }
      if (w.norm == "," && t > first) continue;
      // A verb's form may be the name's adjective ("des médias écrits
      // communautaires (AMECQ)"): the short name, whose letters follow the
      // words', says so; an auxiliary never is.
      if (w.type != Token::kWord || w.line_start || lex_.AuxiliaryOf(w.norm) != nullptr) return end;
    }
    return end;
  }

  // Whether token t, capitalised but not all in capitals ("Sfap",
  // "Anses"), shortens the body's words from `first` to `end`: the same
  // first letter, and its letters in order among theirs.
  bool ShortNameOf(int t, int first, int end) const {
    const Token& word = tokens_[t];
    if (word.type != Token::kWord || !word.capitalized || word.line_start) return false;
    const std::string& short_name = word.norm.str();
    if (short_name.size() < 3 || short_name.size() > 8) return false;
    // Accents folded: the É of "Écrits" gives the E of "AMECQ".
    std::string letters;
    for (int k = first; k < end; ++k) letters += FoldKey(tokens_[k].norm.str());
    if (letters.empty() || letters[0] != short_name[0]) return false;
    size_t at = 0;
    for (char c : short_name) {
      at = letters.find(c, at);
      if (at == std::string::npos) return false;
      ++at;
    }
    return true;
  }

  // Whether a body with this head noun and a complement or a short name
  // was met before (among the last mentions: bounded work per token).
  bool EarlierBodyWithHead(const std::string& head) const {
    constexpr int kLooked = 64;
    const int count = static_cast<int>(a_.mentions.size());
    for (int p = count - 1; p >= 0 && p >= count - kLooked; --p) {
      const Mention& earlier = a_.mentions[p];
      if (earlier.is_org && earlier.kind == Mention::kDescription && earlier.head == head &&
          earlier.end_token - earlier.first_token > 2) {
        return true;
      }
    }
    return false;
  }

  // Whether token i comes right after "Name," (a person's name and a comma).
  bool FollowsPersonAndComma(int i) const {
    if (i < 2 || tokens_[i - 1].norm != "," || a_.mentions.empty()) return false;
    const Mention& last = a_.mentions.back();
    return last.end_token == i - 1 && last.kind == Mention::kName && !last.is_org;
  }

  // Whether a "de" complement opens at `k` on a capitalised noun ("de la
  // Santé", "des Solidarités", "du Développement").
  bool CapitalisedComplementAt(int k) const {
    const int n = static_cast<int>(tokens_.size());
    if (k >= n || !IsDe(tokens_[k])) return false;
    ++k;
    if (k < n && (tokens_[k].norm == "la" || tokens_[k].norm == "l'")) ++k;
    return k < n && IsWord(tokens_[k]) && tokens_[k].capitalized && !tokens_[k].line_start;
  }

  // Where the capitalised portfolio starts after "au", "aux", "à la" or
  // "à l'" at k; k if there is none.
  int PortfolioAfterAAt(int k) const {
    const int n = static_cast<int>(tokens_.size());
    int at = k;
    if (at < n && (tokens_[at].norm == "au" || tokens_[at].norm == "aux")) {
      ++at;
    } else if (at + 1 < n && tokens_[at].norm == "à" &&
               (tokens_[at + 1].norm == "la" || tokens_[at + 1].norm == "l'")) {
      at += 2;
    } else {
      return k;
    }
    return at < n && IsWord(tokens_[at]) && tokens_[at].capitalized && !tokens_[at].line_start ? at : k;
  }

  // Whether an epithet of the base, from the word after the determiner at
  // `det`, covers the office ending at `office_end` and its modifiers.
  bool EpithetSpansOffice(int det, int office_end) {
    const int epithet = lex_.kb_epithets().LongestAt(tokens_, det + 1, nullptr);
    if (epithet == 0) return false;
    std::vector<int> unused;
    return det + 1 + epithet >= ExtendModifiers(office_end, &unused);
  }

  // Extends a noun phrase over its adjectives and "de" complements, up to
  // a verb, a comma, or a name in apposition ("... du Pentagone Jeff
  // Davis" stops before Jeff). Organisations of the base met on the way go
  // to *organisations.
  int ExtendModifiers(int end, std::vector<int>* organisations) {
    const int n = static_cast<int>(tokens_.size());
    std::vector<int> payloads;
    int limit = std::min(n, end + 10);
    bool after_de = false;
    // Where the phrase ends if the complement just opened ("de", "d'un")
    // finds no noun: a phrase never ends on a bare preposition.
    int before_de = end;
    bool in_proper_noun = false;  // The last word taken is a capitalised one after "de".
    while (end < limit && !tokens_[end].line_start) {
      const Token& w = tokens_[end];
      if (w.type != Token::kWord) break;
      // "une lycéenne de 17 ans attend": an age ends the phrase; a verb the
      // lexicon lacks may follow.
      if (end >= 2 && tokens_[end - 1].norm == "ans" && StartsWithADigit(tokens_[end - 2])) break;
      // "la ministre du Travail et de la Santé": a second complement of the
      // same office, when it names a portfolio (capitalised) like the first.
      // "des Affaires étrangères et du Développement" too.
      if (w.norm == "et" && end > 1 && (tokens_[end - 1].capitalized || tokens_[end - 2].capitalized) &&
          CapitalisedComplementAt(end + 1)) {
        ++end;
        continue;
      }
      // "la chambre de métiers et de l'artisanat", "la chambre de commerce
      // et d'industrie": a second complement after a first, when a
      // lowercase noun follows its "de".
      if (w.norm == "et" && before_de < end && end + 2 < n && IsDe(tokens_[end + 1]) &&
          tokens_[end + 1].norm != "des" && tokens_[end + 1].norm != "du") {
        int noun = end + 2;
        if (tokens_[noun].norm == "la" || tokens_[noun].norm == "l'") ++noun;
        if (LowercaseNounAt(noun)) {
          limit = std::min(n, std::max(limit, noun + 6));
          ++end;
          continue;
        }
      }
      // "un ambassadeur auprès de l'UE", "un diplomate en poste à Paris":
      // where the person serves belongs to the description.
      if (w.norm == "auprès" && end + 1 < n && IsDe(tokens_[end + 1])) {
        // Room for the body it names, however long the words before.
        constexpr int kBody = 5;
        limit = std::max(limit, std::min(n, end + kBody));
        ++end;
        continue;
      }
      // "le commandant en chef", "le rédacteur en chef", "le capitaine en
      // second": one office.
      if (InChiefAt(end)) {
        end += 2;
        continue;
      }
      // "en poste au Caire", "en poste aux États-Unis" too.
      if (w.norm == "en" && end + 3 < n && tokens_[end + 1].norm == "poste" &&
          (tokens_[end + 2].norm == "à" || tokens_[end + 2].norm == "au" ||
           tokens_[end + 2].norm == "aux") &&
          tokens_[end + 3].capitalized && !tokens_[end + 3].line_start) {
        before_de = end;
        end += 3;
        after_de = true;
        continue;
      }
      // "un étudiant en droit de l'université Thammasat", "un chercheur en
      // génétique": "en" and a bare noun say the field; not a gerund ("en
      // expliquant") nor a verb.
      if (w.norm == "en" && end > 0 && lex_.Is(WordClass::kFieldNoun, tokens_[end - 1]) &&
          end + 1 < n && IsWord(tokens_[end + 1]) && !tokens_[end + 1].capitalized &&
          !tokens_[end + 1].elided && lex_.FormsOf(tokens_[end + 1].norm) == nullptr &&
          !EndsWithOneOf(tokens_[end + 1].norm.str(), {"ant"}) && SameLine(end, end + 1)) {
        end += 2;
        continue;
      }
      // "le commissaire au Marché intérieur", "la ministre déléguée aux
      // Sports": a portfolio after "au", "aux", "à la", like one after "de".
      if (const int to = PortfolioAfterAAt(end); to > end) {
        before_de = end;
        end = to;
        after_de = true;
        continue;
      }
      if (IsDe(w)) {
        if (end + 1 < n && IsWord(tokens_[end + 1]) && !tokens_[end + 1].line_start) {
          before_de = end;
          ++end;
          // "de la", "de l'", and the indefinite "d'un pays", "d'une ville".
          const Norm& next = tokens_[end].norm;
          if (next == "la" || next == "l'" || next == "un" || next == "une") ++end;
          after_de = true;
          continue;
        }
        break;
      }
      // A capitalised word after "de" is a proper noun even when it spells
      // a verb form: "d'un pays de l'Est".
      const bool proper_after_de = w.capitalized && after_de;
      // "un porte-parole des insurgés": after "des", a plural participle is
      // a noun ("des blessés", "des déplacés"), not the verb that follows.
      const bool noun_after_des =
          after_de && !w.capitalized && end > 0 && tokens_[end - 1].norm == "des" && PluralWord(w);
      if (!proper_after_de && (lex_.words(WordClass::kPreposition).LongestAt(tokens_, end, nullptr) > 0 ||
                               lex_.AdverbOrTimeAt(tokens_, end) > 0)) {
        break;
      }
      if (!proper_after_de &&
          (w.elided || lex_.Is(WordClass::kRelative, w) || lex_.Is(WordClass::kPreposition, w) ||
           lex_.Is(WordClass::kPronoun, w) || lex_.Is(WordClass::kNegation, w) ||
           lex_.Is(WordClass::kAdverb, w) || lex_.AuxiliaryOf(w.norm) != nullptr ||
           (lex_.FormsOf(w.norm) != nullptr && !noun_after_des) ||
           lex_.Is(WordClass::kDeterminer, w) || lex_.Is(WordClass::kPlainVerb, w) ||
           // "son conseil examinerait", "un éleveur restait": the
           // imperfect's and the conditional's endings are no adjective's
           // (but "satisfait", "distrait").
           (!w.capitalized && EndsWithOneOf(w.norm.str(), {"aient", "ait"}) &&
            !EndsWithOneOf(w.norm.str(), {"fait", "trait"})) ||
           w.norm == "et" || w.norm == "ou" ||
           // "le technicien se défend", "un caviste y voit une chance",
           // "le ministre lui a promis": a pronoun of the verb.
           w.norm == "se" || w.norm == "y" || IsObjectPronoun(w.norm.str()))) {
        break;
      }
      if (w.capitalized) {
        // "d'ExxonMobil", cut in two by the tokenizer: the second half is
        // glued to the first.
        if (!after_de && end > 0 && tokens_[end - 1].capitalized &&
            tokens_[end - 1].span.end == w.span.begin) {
          ++end;
          continue;
        }
        // "de SNCF Voyageurs", "du Crédit Agricole": a proper noun of
        // several capitalised words after "de"; not the name of a person
        // apposed to the office ("le patron du Pentagone Jeff Davis").
        if (!after_de && in_proper_noun && lex_.FirstNameGenderOfNorm(w.norm) == 0 &&
            !lex_.Is(WordClass::kNotName, w)) {
          ++end;
          continue;
        }
        if (!after_de) break;
        in_proper_noun = true;
        int known = lex_.kb_names().LongestAt(tokens_, end, &payloads);
        if (known > 0) {
          for (int p : payloads) {
            if (lex_.kb().speakers()[p].is_org) organisations->push_back(p);
          }
          end += known;
          after_de = false;
          continue;
        }
      }
      // "La nageuse de Chicoutimi devance …": after a place that a "de"
      // brought, a lowercase word that is neither an adjective nor a
      // nationality nor plural (no verb of the third person ends in -s),
      // with "de", "à" or an article after it, is a verb the lexicon lacks.
      if (!w.capitalized && in_proper_noun && end + 1 < n && !AdjectiveAt(end) && !PluralWord(w) &&
          lex_.NationalityOf(w.norm) == nullptr &&
          (IsDe(tokens_[end + 1]) || tokens_[end + 1].norm == "à" ||
           lex_.Is(WordClass::kDeterminer, tokens_[end + 1]))) {
        break;
      }
      if (!w.capitalized) in_proper_noun = false;
      after_de = false;
      ++end;
    }
    // "un ambassadeur … auprès" cut by the limit: nor on "auprès".
    if (end > 0 && tokens_[end - 1].norm == "auprès") --end;
    if (after_de && end > before_de && !tokens_[end - 1].capitalized) {
      // Only an article or a preposition was taken after the last "de".
      const Norm& last = tokens_[end - 1].norm;
      if (last == "de" || last == "d'" || last == "du" || last == "des" || last == "la" ||
          last == "l'" || last == "un" || last == "une") {
        end = before_de;
      }
    }
    return end;
  }

  // The end of a short group in brackets opening at `first` and closing
  // before `limit` (« (PS) », « (divers droite) »); `first` if there is none.
  int BracketedGroupEnd(int first, int limit) const {
    constexpr int kMaxInside = 4;
    if (first >= limit || tokens_[first].norm != "(") return first;
    for (int k = first + 1; k < limit && k <= first + kMaxInside + 1; ++k) {
      const Token& t = tokens_[k];
      if (t.norm == ")") return k > first + 1 ? k + 1 : first;
      if (t.type != Token::kWord || lex_.FormsOf(t.norm) != nullptr ||
          lex_.AuxiliaryOf(t.norm) != nullptr) {
        return first;
      }
    }
    return first;
  }

  static bool OpensAComplement(const Token& t) {
    return IsDe(t) || t.norm == "l'" || t.norm == "la" || t.norm == "le" || t.norm == "à" ||
           t.norm == "au" || t.norm == "aux" || t.norm == "en";
  }

  // "La conseillère déléguée à l'environnement, Sandrine Morvan": only a
  // short complement of lowercase words between an office and its name,
  // then perhaps a group in brackets.
  bool ComplementOnly(int first, int end) const {
    if (end - first > 6) return false;
    for (int k = first; k < end; ++k) {
      if (const int after = BracketedGroupEnd(k, end); after > k) return after == end;
      const Token& t = tokens_[k];
      // "l'ambassadeur de Russie auprès de l'Alliance, X": a proper noun
      // after a preposition or an article belongs to the complement.
      // "la présidente de l'association Iton vivante, X": so does the name
      // right after a body's noun.
      if (t.type != Token::kWord ||
          (t.capitalized && !(k > first && OpensAComplement(tokens_[k - 1])) &&
           !(k > 0 && !tokens_[k - 1].capitalized &&
             lex_.Is(WordClass::kBodyNoun, tokens_[k - 1])))) {
        return false;
      }
      if ((lex_.FormsOf(t.norm) != nullptr && !NounAfterAnArticle(first, k)) ||
          lex_.AuxiliaryOf(t.norm) != nullptr || lex_.Is(WordClass::kRelative, t) ||
          lex_.Is(WordClass::kPronoun, t)) {
        return false;
      }
    }
    return true;
  }

  // "le candidat au poste de …", "la déléguée à la poste": a word spelt
  // like a verb form is a noun after an article that no object pronoun
  // spells ("au", "du", "un"; "la", "l'", "les" after "à" or "de").
  bool NounAfterAnArticle(int first, int k) const {
    if (k <= first) return false;
    const Norm& before = tokens_[k - 1].norm;
    if (before == "au" || before == "aux" || before == "du" || before == "un" || before == "une") {
      return true;
    }
    return k - 1 > first && (before == "la" || before == "l'" || before == "les") &&
           (tokens_[k - 2].norm == "à" || tokens_[k - 2].norm == "de");
  }

  // Whether "selon" or "d'après" comes right before token k.
  bool AfterSourcePreposition(int k) const {
    if (k >= 1 && (tokens_[k - 1].norm == "selon" || tokens_[k - 1].norm == "d'après")) return true;
    return k >= 2 && tokens_[k - 1].norm == "après" && tokens_[k - 2].norm == "d'";
  }

  // Whether the words from `first` to `end` can finish a label's name: none
  // ("LFI"), or up to two lowercase adjectives ("Droite républicaine",
  // "Rassemblement national") that no verb form spells.
  bool LabelWordsOnly(int first, int end) const {
    if (end < first || end - first > 2) return false;
    for (int k = first; k < end; ++k) {
      const Token& t = tokens_[k];
      if (!LowercaseWordNoVerbSpells(k) || lex_.Is(WordClass::kPreposition, t) ||
          lex_.Is(WordClass::kDeterminer, t) || lex_.Is(WordClass::kPronoun, t) ||
          lex_.Is(WordClass::kRelative, t) || t.norm == "et" || t.norm == "ou") {
        return false;
      }
    }
    return true;
  }

  // "le secrétaire général de l'Otan, Jens Stoltenberg," and
  // "Jens Stoltenberg, secrétaire général de l'Otan": one person.
  void LinkAppositions() {
    std::vector<Mention>& ms = a_.mentions;
    for (size_t m = 0; m + 1 < ms.size(); ++m) {
      Mention& a = ms[m];
      // « le maire (PS), Jean Roux »: the party is a label in brackets
      // between the two.
      size_t next = m + 1;
      const int brackets_end = BracketedGroupEnd(a.end_token, static_cast<int>(tokens_.size()));
      if (ms[next].end_token <= brackets_end && next + 1 < ms.size()) ++next;
      // "l'ambassadeur de Russie auprès de l'Alliance, Oleg Tchernov": an
      // organisation in the office's complement, right before the comma.
      // "de l'association Iton vivante, Véronique Daguenet": its name may
      // end on an adjective or two.
      // So may the name of nobody's gender right after its body's noun.
      const bool names_the_body = ms[next].first_token == a.end_token && ms[next].gender == 0 &&
                                  a.end_token > 0 && !tokens_[a.end_token - 1].capitalized &&
                                  lex_.Is(WordClass::kBodyNoun, tokens_[a.end_token - 1]);
      if (a.kind != Mention::kName && !a.is_org && (ms[next].is_org || names_the_body) &&
          ms[next].kind == Mention::kName && next + 1 < ms.size()) {
        const int comma = ms[next + 1].first_token - 1;
        if (comma >= ms[next].end_token && tokens_[comma].norm == "," &&
            LabelWordsOnly(ms[next].end_token, comma)) {
          ms[next].is_org = true;
          ++next;
        }
      }
      Mention& b = ms[next];
      if (tokens_[a.first_token].sentence != tokens_[b.first_token].sentence) continue;
      if (!SameLine(a.end_token - 1, b.first_token + 1)) continue;
      int gap = b.first_token - a.end_token;
      // Words between the first mention and the comma complement an office
      // ("la conseillère déléguée à l'environnement, Sandrine Morvan"); after
      // a name they are rather the rest of a clause ("le festival Scènes
      // d'été fête ses vingt ans, la ministre ...").
      // A party or a note in brackets may sit between them, after a name as
      // after an office (« le maire (divers droite), Jean Roux »).
      const int before_comma = b.first_token - 1;
      bool comma = gap >= 1 && tokens_[before_comma].norm == "," &&
                   (brackets_end == before_comma ||
                    (a.kind != Mention::kName && ComplementOnly(a.end_token, before_comma)));
      if (gap != 0 && !comma) continue;
      // Without a comma only "office Name" reads as one person: in "à
      // Ankara le chef de la diplomatie" the name is a place.
      if (gap == 0 && a.kind == Mention::kName) continue;
      // "Interrogé sur le départ du ministre, Emmanuel Macron a répondu",
      // "… de son ministre, …": an office in a complement ("du", "des", or
      // after a preposition) is apposed to a name only when a comma closes
      // the name too; else the comma ended an adjunct, and the name is the
      // clause's subject.
      const bool in_a_complement = IsDe(tokens_[a.first_token]) ||
                                   ((a.kind == Mention::kRole || a.kind == Mention::kDescription) &&
                                    !a.is_org && b.kind == Mention::kName && a.first_token > 0 &&
                                    lex_.Is(WordClass::kPreposition, tokens_[a.first_token - 1]));
      if (comma && in_a_complement && b.end_token < static_cast<int>(tokens_.size()) &&
          tokens_[b.end_token].type == Token::kWord) {
        continue;
      }
      // A document ("un communiqué du Pentagone") is not in apposition to a person.
      bool a_office = (a.kind == Mention::kRole || a.kind == Mention::kDescription ||
                       a.kind == Mention::kEpithet) && !a.is_org;
      bool b_office = (b.kind == Mention::kRole || b.kind == Mention::kDescription ||
                       b.kind == Mention::kEpithet) && !b.is_org;
      bool a_person = a.kind == Mention::kName && !a.is_org;
      bool b_person = b.kind == Mention::kName && !b.is_org;
      // "La société organisatrice, Ponant Océan Événements,": a name in
      // apposition to an organisation is that organisation's.
      if (a.is_org && a.kind == Mention::kDescription && b.kind == Mention::kName && !b.is_org &&
          b.gender == 0 && gap >= 1 && tokens_[b.first_token - 1].norm == "," &&
          ComplementOnly(a.end_token, b.first_token - 1)) {
        b.is_org = true;
        a.apposed = static_cast<int>(next);
        b.apposed = static_cast<int>(m);
        continue;
      }
      // "Les organisateurs, l'association Monastir Échecs, se félicitent":
      // an organisation's name between commas after a plural description
      // of people is who they are.
      if (a.kind == Mention::kDescription && a.plural && !a.is_org && b.kind == Mention::kName &&
          b.is_org && gap == 1 && tokens_[b.first_token - 1].norm == "," &&
          b.end_token < static_cast<int>(tokens_.size()) && tokens_[b.end_token].norm == "," &&
          lex_.Is(WordClass::kDeterminer, tokens_[b.first_token])) {
        a.is_org = true;
        a.apposed = static_cast<int>(next);
        b.apposed = static_cast<int>(m);
        continue;
      }
      // "D'après un diplomate européen, Mark Rutte est …": an unnamed
      // source after "selon" or "d'après" is not the name after its comma,
      // which starts the clause the source reports.
      if (a_office && b_person && gap > 0 && AfterSourcePreposition(a.first_token) &&
          lex_.Is(WordClass::kDeterminer, tokens_[a.first_token]) &&
          !lex_.FeaturesOf(WordClass::kDeterminer, tokens_[a.first_token].norm)->definite) {
        continue;
      }
      // "Nadège Rouxel, déléguée CGT": the office has its person already;
      // the capitals after it name the union, not a second person.
      if (a_office && a.apposed >= 0 && a.apposed < static_cast<int>(m)) continue;
      // "avec Moscou, le responsable": a name after a preposition is its
      // object; so is "de M. Antonov" in "les propos de M. Antonov, le chef
      // de l'Alliance", where the mention keeps its "de".
      // But "est de Christian Perrotin, le président du syndicat mixte qui
      // gère …": an office that a relative clause or punctuation ends is
      // in apposition to the name all the same.
      // Nor can "est dressé par Thibault Lemercier, chercheur associé …"
      // be anything else: after the agent of a passive, an office without
      // an article starts no clause. Nor after the source that opens a
      // sentence ("Pour Hassan Oubella, ingénieur agronome, « … »").
      const bool bare_office =
          b_office && a.gender != 0 && a.first_token > 0 &&
          (tokens_[a.first_token - 1].norm == "par" ||
           (tokens_[a.first_token - 1].norm == "pour" &&
            a.first_token - 1 == a_.sentences[tokens_[a.first_token].sentence].first_token)) &&
          !lex_.Is(WordClass::kDeterminer, tokens_[b.first_token]);
      if (a_person && ((a.first_token > 0 && (lex_.Is(WordClass::kPreposition,
                                                       tokens_[a.first_token - 1]) ||
                                               IsCapitalA(a.first_token - 1))) ||
                       IsDe(tokens_[a.first_token])) &&
          !(b_office && a.gender != 0 && a.first_token > 0 && IsDe(tokens_[a.first_token - 1]) && OfficeClosed(b)) &&
          !bare_office) {
        continue;
      }
      // "Le président de la région Grand Est, Franck Leroy", "une
      // commerçante du quartier Saint-Michel": a name with no first name
      // right after the noun that closes an office's complement is that
      // noun's name, not the office holder's ("la conseillère d'opposition
      // Sandrine Baudet" is hers).
      // A bare "de" is no article: "son camarade de promotion Tyler
      // Whitfield" is the office holder's name.
      if (a_office && b.kind == Mention::kName && gap == 0 && b.gender == 0 &&
          b.first_token >= a.first_token + 3 && tokens_[b.first_token - 1].type == Token::kWord &&
          !tokens_[b.first_token - 1].capitalized &&
          lex_.Is(WordClass::kDeterminer, tokens_[b.first_token - 2]) &&
          tokens_[b.first_token - 2].norm != "de" && tokens_[b.first_token - 2].norm != "d'") {
        b.is_org = true;
        // "un diplomate d'un pays riverain de la mer Noire": an unnamed
        // source keeps the whole of its description.
        if (a.kind == Mention::kDescription) a.end_token = b.end_token;
        continue;
      }
      // "Sur sa page Facebook, le général assure": a name after a noun and
      // its determiner is that noun's complement, not a person.
      if (a_person && a.first_token >= 2 && tokens_[a.first_token - 1].type == Token::kWord &&
          !tokens_[a.first_token - 1].capitalized && lex_.Is(WordClass::kDeterminer, tokens_[a.first_token - 2]) &&
          !lex_.Is(WordClass::kTitle, tokens_[a.first_token - 1]) && a.apposed < 0) {
        continue;
      }
      // "la députée LFI Mathilde Panot": a label between the office and the
      // name it was split from; the office is the person's, the label
      // (a party, a group) speaks for nobody.
      if (a_office && b_person && gap == 0 && m + 2 < ms.size()) {
        Mention& c = ms[m + 2];
        if (c.kind == Mention::kName && !c.is_org && LabelWordsOnly(b.end_token, c.first_token) &&
            SameLine(b.end_token - 1, c.first_token + 1) && c.gender != 0) {
          b.is_org = true;
          a.apposed = static_cast<int>(m + 2);
          c.apposed = static_cast<int>(m);
          ++m;
          continue;
        }
      }
      // "avec le président de la Commission, Moussa Faki Mahamat, le chef
      // de la diplomatie américaine a invité": a name already given its
      // office, and an office that its verb follows with no comma, are the
      // end of a phrase and the subject of the clause.
      // Not when a complement follows the office: "Bernard Castaing
      // (divers droite), un notaire à la retraite" describes him twice, and
      // so does "le colonel Laurent Desroches, chef de corps depuis 2021".
      if (a_person && b_office && a.apposed >= 0 &&
          b.end_token < static_cast<int>(tokens_.size()) &&
          tokens_[b.end_token].sentence == tokens_[b.first_token].sentence &&
          tokens_[b.end_token].type == Token::kWord && !OpensAComplement(tokens_[b.end_token]) &&
          !lex_.Is(WordClass::kPreposition, tokens_[b.end_token])) {
        continue;
      }
      // "Interrogé sur les menaces qu'échangent Donald Trump et Kim
      // Jong-un, l'Américain a refusé …": inside the sentence, an office
      // that an auxiliary follows with no comma is the clause's subject;
      // an apposition would be closed by a comma.
      if (a_person && b_office && a.first_token > a_.sentences[tokens_[a.first_token].sentence].first_token &&
          VerbFollows(b.end_token)) {
        continue;
      }
      // "désigné secrétaire général, Ankara lève son veto": an office with
      // no article after a word is that word's attribute, not in
      // apposition; without one it starts the sentence or a clause
      // ("Secrétaire général depuis 2014, Jens Stoltenberg a …").
      if (a_office && b_person && a.first_token > 0 && IsWord(tokens_[a.first_token - 1]) &&
          !tokens_[a.first_token].line_start && !lex_.Is(WordClass::kDeterminer, tokens_[a.first_token])) {
        continue;
      }
      if ((a_office && b_person) || (a_person && b_office)) {
        a.apposed = static_cast<int>(next);
        b.apposed = static_cast<int>(m);
        Mention& office = a_office ? a : b;
        Mention& person = a_office ? b : a;
        if (person.gender == 0) person.gender = office.gender;
      }
    }
    LinkOfficesBeforeAnApposedOffice();
  }

  static bool IsPrenominalAdjective(const Norm& w) {
    return w == "jeune" || w == "jeunes" || w == "vieux" || w == "vieil" || w == "vieille" ||
           w == "vieilles" || w == "autre" || w == "autres" || w == "petit" || w == "petite" ||
           w == "petits" || w == "petites";
  }

  static bool IsCaretakerWord(const Norm& w) {
    return w == "démissionnaire" || w == "intérimaire" || IsOutgoingWord(w);
  }

  // "sortant": the holder who is leaving the office.
  static bool IsOutgoingWord(const Norm& w) { return w == "sortant" || w == "sortante"; }

  // "en chef", "en second" at token k: with the noun before, one office
  // ("le commandant en chef", "le diplomate en chef").
  bool InChiefAt(int k) const {
    return k + 1 < static_cast<int>(tokens_.size()) && tokens_[k].norm == "en" &&
           (tokens_[k + 1].norm == "chef" || tokens_[k + 1].norm == "second");
  }

  // The length of an office phrase of two words or more that starts at
  // token j once the word after j is left out, that word included; 0 if
  // none. Copies a few tokens: only asked after a caretaker's word.
  int OfficeAroundAWordLength(int j, std::vector<int>* payloads) const {
    constexpr int kMaxPhrase = 12;
    const int n = static_cast<int>(tokens_.size());
    std::vector<Token> without;
    without.push_back(tokens_[j]);
    for (int k = j + 2; k < n && k < j + 2 + kMaxPhrase; ++k) without.push_back(tokens_[k]);
    const int len = lex_.role_phrases().LongestAt(without, 0, payloads);
    return len >= 2 ? len + 1 : 0;
  }

  // Whether an auxiliary, perhaps after a negation or a reflexive
  // pronoun, starts at token k of the same sentence.
  bool VerbFollows(int k) const {
    const int n = static_cast<int>(tokens_.size());
    if (k >= n || tokens_[k].sentence != tokens_[k - 1].sentence) return false;
    if ((tokens_[k].norm == "n'" || tokens_[k].norm == "ne" || tokens_[k].norm == "s'" || tokens_[k].norm == "se") &&
        k + 1 < n) {
      ++k;
    }
    return lex_.AuxiliaryOf(tokens_[k].norm) != nullptr;
  }

  // Whether an office ends on a relative pronoun, punctuation or the end
  // of its sentence, rather than on a verb of its own.
  bool OfficeClosed(const Mention& office) const {
    const int end = office.end_token;
    if (end >= static_cast<int>(tokens_.size()) || tokens_[end].sentence != tokens_[office.first_token].sentence) {
      return true;
    }
    const Token& next = tokens_[end];
    return next.norm == "qui" || next.norm == "," || next.norm == "." || next.norm == "(" || next.norm == ")";
  }

  // "Le secrétaire général de l'organisation, le diplomate suisse Thomas
  // Greminger,": an office before the comma of another office that has
  // its name is that person's too.
  void LinkOfficesBeforeAnApposedOffice() {
    std::vector<Mention>& ms = a_.mentions;
    for (size_t m = 0; m + 2 < ms.size(); ++m) {
      Mention& a = ms[m];
      const Mention& b = ms[m + 1];
      const int c = b.apposed;
      if (a.apposed >= 0 || a.is_org || (a.kind != Mention::kRole && a.kind != Mention::kDescription) ||
          b.is_org || (b.kind != Mention::kRole && b.kind != Mention::kDescription) ||
          c != static_cast<int>(m) + 2 || b.first_token != a.end_token + 1 || tokens_[a.end_token].norm != "," ||
          !lex_.Is(WordClass::kDeterminer, tokens_[a.first_token]) ||
          !lex_.FeaturesOf(WordClass::kDeterminer, tokens_[a.first_token].norm)->definite) {
        continue;
      }
      a.apposed = c;
    }
  }

  const Lexicon& lex_;
  Analysis& a_;
  const std::vector<Token>& tokens_;
  std::unordered_set<std::string> nouns_put_before_names_;       // See StoryNounOfASource.
  mutable int scans_of_capitals_ = 0;                            // See CapitalisedInside.
  mutable std::unordered_set<std::string> capitalised_inside_;  // See CapitalisedInside.
};

}  // namespace

void FindMentions(const Lexicon& lexicon, Analysis* analysis) {
  analysis->mentions.clear();
  // About one mention every nine tokens in the press: room for one in
  // eight, so that the list seldom grows, moving every mention in it.
  analysis->mentions.reserve(analysis->tokens.size() / 8 + 8);
  Finder(lexicon, analysis).Run();
}

bool IsObjectPronoun(std::string_view norm) {
  return norm == "lui" || norm == "leur" || norm == "nous" || norm == "vous" || norm == "me" ||
         norm == "m'" || norm == "te" || norm == "t'";
}

bool IsDeOrItsContraction(std::string_view norm) {
  return norm == "de" || norm == "d'" || norm == "du" || norm == "des";
}

bool EndsLikeADemonym(std::string_view word) {
  return EndsWithOneOf(
      word, {"aise", "oise", "ienne", "éenne", "anne", "ais", "ois", "ien", "ain", "éen"});
}

int OrgNounBefore(const Lexicon& lexicon, const std::vector<Token>& tokens, int k) {
  // "le fabricant d'articles de sport Salomon": a complement of a few
  // words between; not a verb ("la société a embauché Martin").
  constexpr int kMaxBetween = 5;
  for (int p = k - 1; p >= 1 && p >= k - kMaxBetween; --p) {
    const Token& w = tokens[p];
    if (!IsWord(w) || w.capitalized || w.line_start || lexicon.AuxiliaryOf(w.norm) != nullptr) {
      return -1;
    }
    if (lexicon.Is(WordClass::kOrgAnaphor, w)) return p;
  }
  return -1;
}

bool AgeAt(const std::vector<Token>& tokens, int k) {
  const int n = static_cast<int>(tokens.size());
  if (k < 0 || k + 1 >= n || tokens[k + 1].norm != "ans" || tokens[k].norm.empty()) return false;
  for (char c : tokens[k].norm.str()) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool OpensOnAPossessive(const Lexicon& lexicon, const Analysis& analysis, const Mention& mention) {
  const WordFeatures* f =
      lexicon.FeaturesOf(WordClass::kDeterminer, analysis.tokens[mention.first_token].norm);
  return f != nullptr && f->possessive;
}

Span NameSpan(const Lexicon& lexicon, const Analysis& analysis, const Mention& mention) {
  const std::vector<Token>& tokens = analysis.tokens;
  // "la fédération Radio Amateur du Québec (RAQI)": its short name.
  if (mention.kind == Mention::kName && mention.short_name_token >= 0) {
    return tokens[mention.short_name_token].span;
  }
  int first = mention.first_token;
  const int end = mention.end_token;
  if (mention.kind == Mention::kName) {
    // The name starts at its first capitalised word that is neither an
    // article ("L'Otan") nor a title ("M.", "le président"); after a
    // title, a capitalised article is the surname's ("Mme Le Pen").
    bool after_title = false;
    while (first < end - 1) {
      const Token& t = tokens[first];
      // "selon Le Monde", "à La Haye": a capital the sentence does not
      // ask for makes the article the name's.
      const bool article_of_the_name =
          t.capitalized &&
          (after_title ||
           (!t.line_start && first > 0 && tokens[first - 1].sentence == t.sentence &&
            tokens[first - 1].type == Token::kWord && tokens[first - 1].span.end < t.span.begin));
      if ((lexicon.Is(WordClass::kDeterminer, t) && !article_of_the_name) || !t.capitalized ||
          t.type == Token::kPunct) {
        ++first;
        continue;
      }
      int title = lexicon.words(WordClass::kTitle).LongestAt(tokens, first, nullptr);
      if (title > 0 && first + title < end) {
        first += title;
        after_title = true;
        continue;
      }
      break;
    }
  }
  return {tokens[first].span.begin, tokens[end - 1].span.end};
}

}  // namespace guillemet::cues
