#include "cues/cue_finder.h"

#include <algorithm>
#include <string_view>

#include "cues/mention_finder.h"
#include "normalize/tokenize.h"

namespace guillemet::cues {
namespace {

class Finder {
 public:
  Finder(const Lexicon& lex, Analysis* a) : lex_(lex), a_(*a), tokens_(a->tokens) {}

  void Run() {
    const int n = static_cast<int>(tokens_.size());
    int i = 0;
    while (i < n) {
      // Most words start no cue, and a look-up or two turns them away
      // before the dozen steps of TryAt, each of which would fail.
      const size_t found = a_.cues.size();
      int next = MayStartACue(i) ? TryAt(i) : i;
      if (i + 1 < n && tokens_[i + 1].type == Token::kClitic && a_.cues.size() == found) {
        next = std::max(next, InversionAfterAQuotation(i));
      }
      i = next > i ? next : i + 1;
    }
    for (Cue& c : a_.cues) c.followed_by_que = QueAfter(c.end_token);
  }

  // "« … », a-t-elle signé", "« … », zozote-t-il": right after a
  // quotation, a verb with an inverted subject pronoun is the incise that
  // reports it, whatever the verb; a verb the patterns know was found
  // before. Asked only where a clitic follows token i; returns the token
  // after the cue, or i.
  int InversionAfterAQuotation(int i) {
    if (!IsWordAt(i)) return i;
    const bool after_quote =
        (i >= 1 && tokens_[i - 1].type == Token::kQuote) ||
        (i >= 2 && tokens_[i - 1].norm == "," && tokens_[i - 2].type == Token::kQuote);
    if (!after_quote || tokens_[i].capitalized) return i;
    int end = i + 2;
    if (lex_.AuxiliaryOf(tokens_[i].norm) != nullptr) {
      if (!IsWordAt(end) || tokens_[end].capitalized) return i;
      ++end;
    }
    Cue c;
    c.first_token = i;
    c.end_token = end;
    c.form = Cue::kInverted;
    c.category = "say";
    c.clitic_token = i + 1;
    a_.cues.push_back(c);
    return end;
  }

  // Whether a step of TryAt can succeed at token i. Each needs a word
  // that opens a reflexive or negated verb or a narrative infinitive,
  // starts a cue template or a modal, or is a verb form or an auxiliary. A
  // word in no pattern is none of these, nor is a pattern word that is only
  // a determiner, a preposition or a pronoun ("le", "à", "il").
  // Inline, as the look-ups it makes: asked of every token, it saves the
  // call to TryAt for most.
  GUILLEMET_NORM_INLINE bool MayStartACue(int i) const {
    if (!IsWordAt(i)) return false;
    const Token& t = tokens_[i];
    if (OpensAVerbBefore(t)) return true;
    // "peut-on lire": any verb before the inverted "on" (see TryAt).
    if (i + 2 < static_cast<int>(tokens_.size()) && tokens_[i + 1].type == Token::kClitic &&
        tokens_[i + 1].norm == "on") {
      return true;
    }
    // The word's entry, fetched once for the four questions.
    const WordEntry* e = lex_.EntryOf(t.norm);
    if (e == nullptr) return false;  // Most words.
    return lex_.cue_templates().MayStartWith(e) || lex_.words(WordClass::kModal).MayStartWith(e) ||
           Lexicon::IsVerbForm(*e) || Lexicon::IsAuxiliary(*e);
  }

 private:
  bool IsWordAt(int i) const {
    return i >= 0 && i < static_cast<int>(tokens_.size()) && tokens_[i].type != Token::kQuote &&
           tokens_[i].type != Token::kPunct;
  }

  int SkipAdverbs(int k, int max_phrases) const {
    for (int p = 0; p < max_phrases; ++p) {
      // "a, lui, dénoncé": a stressed pronoun between commas.
      if (k + 2 < static_cast<int>(tokens_.size()) && tokens_[k].norm == "," &&
          tokens_[k + 2].norm == "," &&
          (tokens_[k + 1].norm == "lui" || tokens_[k + 1].norm == "elle" ||
           tokens_[k + 1].norm == "eux" || tokens_[k + 1].norm == "elles")) {
        k += 3;
        continue;
      }
      // "a, selon ses services, assuré": the source of the report between
      // commas, a few words long.
      if (const int after = SourceBetweenCommasAt(k); after > k) {
        k = after;
        continue;
      }
      int len = AdverbAt(k);
      // "a, de son côté, réclamé": an adverb between commas.
      if (len == 0 && k + 1 < static_cast<int>(tokens_.size()) && tokens_[k].norm == ",") {
        const int inner = AdverbAt(k + 1);
        if (inner > 0 && k + 1 + inner < static_cast<int>(tokens_.size()) &&
            tokens_[k + 1 + inner].norm == ",") {
          len = inner + 2;
        }
      }
      if (len == 0) break;
      k += len;
    }
    return k;
  }

  // The token after ", selon … ," (or ", d'après … ,") at k, the source
  // being at most a few words; k otherwise.
  int SourceBetweenCommasAt(int k) const {
    constexpr int kLongestSource = 6;
    const int n = static_cast<int>(tokens_.size());
    if (k + 3 >= n || tokens_[k].norm != ",") return k;
    // "selon", "d'après" (one token or two), "à en croire": a source
    // phrase of cue_templates.tsv.
    std::vector<int> payloads;
    const int len = lex_.cue_templates().LongestAt(tokens_, k + 1, &payloads);
    if (len == 0 || lex_.template_kind(payloads[0]) != "source") return k;
    for (int j = k + 2 + len; j < n && j <= k + 1 + len + kLongestSource; ++j) {
      if (tokens_[j].sentence != tokens_[k].sentence || tokens_[j].type == Token::kQuote) return k;
      if (tokens_[j].norm == ",") return j + 1;
    }
    return k;
  }

  int AdverbAt(int k) const { return lex_.AdverbOrTimeAt(tokens_, k); }

  bool QueAfter(int k) const {
    k = SkipAdverbs(k, 3);
    return k < static_cast<int>(tokens_.size()) &&
           (tokens_[k].norm == "que" || tokens_[k].norm == "qu'");
  }

  // "se contentant d'évoquer": a tail word ending a verb elides before a
  // vowel as French requires.
  static bool SameWordElided(const std::string& token, const std::string& word) {
    if (token == word) return true;
    return (word == "de" && token == "d'") || (word == "que" && token == "qu'");
  }

  // Number of tokens of the verb's fixed tail ("en garde") at k, or -1 if absent.
  int TailAt(const ReportingVerb& v, int k) const {
    const std::vector<std::string>& words = v.tail_words;
    for (size_t w = 0; w < words.size(); ++w) {
      int t = k + static_cast<int>(w);
      if (!IsWordAt(t) || !SameWordElided(tokens_[t].norm, words[w])) return -1;
    }
    return static_cast<int>(words.size());
  }

  // A form of a reporting verb at k whose tail words ("valoir" of "faire
  // valoir") start at tail_at, k + 1 when negative.
  // Inline up to the look-up, which fails for most words, so that asking
  // costs no call; the forms found are sorted out of line.
  GUILLEMET_NORM_INLINE const Lexicon::FormRef* FindForm(int k, FormKind kind, bool reflexive,
                                                         int tail_at = -1) const {
    if (!IsWordAt(k)) return nullptr;
    const std::vector<Lexicon::FormRef>* forms = lex_.FormsOf(tokens_[k].norm);
    if (forms == nullptr) return nullptr;
    return FindFormAmong(*forms, kind, reflexive, tail_at < 0 ? k + 1 : tail_at);
  }

  // FindForm among the forms spelt by the word.
  const Lexicon::FormRef* FindFormAmong(const std::vector<Lexicon::FormRef>& forms, FormKind kind,
                                        bool reflexive, int tail_at) const {
    const Lexicon::FormRef* fallback = nullptr;
    for (const Lexicon::FormRef& f : forms) {
      if (f.form->kind != kind) continue;
      const ReportingVerb& v = lex_.verb(f.verb);
      if (TailAt(v, tail_at) < 0) continue;
      if (v.pronominal == reflexive) return &f;
      if (!v.pronominal && fallback == nullptr) fallback = &f;
    }
    // "il s'est dit" may also be "dire" used reflexively; never the reverse.
    return reflexive ? nullptr : fallback;
  }

  // "ne rappelle que", "n'a dit que": "ne" with "que" and no other
  // negation word restricts what is said ("il ne dit que cela") or is
  // the expletive of "avant que la Maison Blanche ne rappelle que":
  // either way the words are said.
  bool ThatFollows(int k) const {
    return IsWordAt(k) && (tokens_[k].norm == "que" || tokens_[k].norm == "qu'");
  }

  // Whether a word that completes "ne" stands at k (past an inverted
  // subject): "n'ajoute pas", "ne dit rien", "n'ajoute-t-il jamais".
  bool NegationCompletedAt(int k) const {
    if (k < static_cast<int>(tokens_.size()) && tokens_[k].type == Token::kClitic) ++k;
    if (!IsWordAt(k)) return false;
    const Norm& w = tokens_[k].norm;
    return lex_.Is(WordClass::kNegation, tokens_[k]) || w == "rien" || w == "guère" ||
           w == "point" || w == "nullement" || w == "aucun" || w == "aucune" || w == "personne";
  }

  int Emit(int first, int end, Cue::Form form, const Lexicon::FormRef* f, int clitic,
           bool negated) {
    // "a tenu à", "veut": only with the reporting verb that follows, in
    // any tense and past adverbs ("a toutefois tenu à rassurer").
    // Categories as string_views: compared inline, not through
    // std::string::compare, once per cue.
    if (f != nullptr && std::string_view(lex_.verb(f->verb).category) == "modal") {
      const int k = SkipAdverbs(end, 2);
      const Lexicon::FormRef* g = FindForm(k, FormKind::kInfinitive, false);
      if (g == nullptr || std::string_view(lex_.verb(g->verb).category) == "modal") return first;
      return Emit(first, k + 1 + TailAt(lex_.verb(g->verb), k + 1), form, g, clitic, negated);
    }
    Cue c;
    c.first_token = first;
    c.end_token = end;
    c.form = form;
    if (f != nullptr) {
      c.verb = f->verb;
      c.category = lex_.verb(f->verb).category;
      if (std::string_view(c.category) == "relay" && form != Cue::kInverted) c.form = form;
    }
    c.clitic_token = clitic;
    c.negated = negated;
    a_.cues.push_back(c);
    return end;
  }

  // The cue that starts at i, if any, added to the analysis; returns the
  // token after it, or i if none. Asked only where MayStartACue(i).
  int TryAt(int i) {
    const Token& t = tokens_[i];
    const int n = static_cast<int>(tokens_.size());

    // Prepositional cues.
    std::vector<int> payloads;
    int len = lex_.cue_templates().LongestAt(tokens_, i, &payloads);
    if (len > 0) {
      const std::string_view kind = lex_.template_kind(payloads[0]);
      if (kind == "source") return Emit(i, i + len, Cue::kSource, nullptr, -1, false);
      // "aux yeux de X", "aux yeux du ministre": the noun names a source only
      // with its complement, which the article may have contracted.
      if (kind == "source_of" && i + len < n && IsDeOrItsContraction(tokens_[i + len].norm.str())) {
        return Emit(i, i + len, Cue::kSource, nullptr, -1, false);
      }
      if (kind == "source_comma" && SourceCommaAt(i, len)) {
        return Emit(i, i + len, Cue::kSource, nullptr, -1, false);
      }
    }

    // The narrative infinitive: "Et M. X d'ajouter : « ... »". Only after
    // a mention that "Et" opens at the start of a sentence, where "de" and
    // an infinitive cannot be a complement of the noun.
    if ((t.norm == "d'" || t.norm == "de") && NarrativeInfinitiveSubject(i)) {
      if (const Lexicon::FormRef* f = FindForm(i + 1, FormKind::kInfinitive, false)) {
        int tail = TailAt(lex_.verb(f->verb), i + 2);
        return Emit(i, i + 2 + tail, Cue::kFinite, f, -1, false);
      }
    }

    // A modal and an infinitive: "a tenu à souligner".
    len = lex_.words(WordClass::kModal).LongestAt(tokens_, i, nullptr);
    if (len > 0) {
      int k = SkipAdverbs(i + len, 2);
      if (const Lexicon::FormRef* f = FindForm(k, FormKind::kInfinitive, false)) {
        int tail = TailAt(lex_.verb(f->verb), k + 1);
        return Emit(i, k + 1 + tail, Cue::kFinite, f, -1, false);
      }
    }

    int j = i;
    bool reflexive = false;
    if ((t.norm == "se" || t.norm == "s'") && i + 1 < n) {
      reflexive = true;
      j = i + 1;
      // "Il s'en est expliqué", "elle s'y est engagée".
      if (j + 1 < n && (tokens_[j].norm == "en" || tokens_[j].norm == "y")) ++j;
    }
    bool negated = false;
    bool ne_alone = false;  // "ne" with no "pas" or "jamais" after the auxiliary.
    if (IsWordAt(j) && (tokens_[j].norm == "ne" || tokens_[j].norm == "n'")) {
      negated = true;
      ne_alone = true;
      ++j;
    }
    if (!IsWordAt(j)) return i;

    // Compound tenses: auxiliary [-t-il] [adverbs] participle.
    if (const AuxiliaryForm* aux = lex_.AuxiliaryOf(tokens_[j].norm)) {
      int k = j + 1;
      int clitic = -1;
      if (k < n && tokens_[k].type == Token::kClitic) clitic = k++;
      // A doubled auxiliary is a typo of the page ("a a jugé").
      if (IsWordAt(k) && lex_.AuxiliaryOf(tokens_[k].norm) == aux) ++k;
      if (IsWordAt(k) && (tokens_[k].norm == "pas" || tokens_[k].norm == "jamais")) {
        negated = true;
        ne_alone = false;
        ++k;
      }
      k = SkipAdverbs(k, 3);
      const Lexicon::FormRef* f = FindForm(k, FormKind::kPastParticiple, reflexive);
      if (f != nullptr) {
        const ReportingVerb& v = lex_.verb(f->verb);
        bool aux_ok = reflexive ? aux->auxiliary == "être" : aux->auxiliary == v.auxiliary;
        if (aux_ok) {
          int end = k + 1 + TailAt(v, k + 1);
          if (ne_alone && ThatFollows(end)) negated = false;
          return Emit(i, end, clitic >= 0 ? Cue::kInverted : Cue::kFinite, f, clitic, negated);
        }
      }
      return j + 1;
    }

    // Simple tenses.
    if (const Lexicon::FormRef* f = FindForm(j, FormKind::kFinite, reflexive)) {
      int tail = TailAt(lex_.verb(f->verb), j + 1);
      int k = j + 1 + tail;
      // "avant que X n'ajoute :": "ne" alone after the verb is the
      // expletive one; "ne … que" says only.
      if (ne_alone && (ThatFollows(k) || !NegationCompletedAt(k))) negated = false;
      if (k < n && tokens_[k].type == Token::kClitic) {
        return Emit(i, k + 1, Cue::kInverted, f, k, negated);
      }
      if (SimpleFormIsVerb(i)) return Emit(i, k, Cue::kFinite, f, -1, negated);
      // "Norges Bank « prend acte » de la décision et rappelle que …": a
      // verb after "et" that what it reports follows shares the subject of
      // the verb before, as a participle does.
      if (i == j && i > 0 && tokens_[i - 1].norm == "et" && k < n &&
          (tokens_[k].norm == "que" || tokens_[k].norm == "qu'" || tokens_[k].norm == ":")) {
        return Emit(i, k, Cue::kParticiple, f, -1, negated);
      }
    }
    // The inverted pronoun sits inside a verb of several words: "fait-on
    // valoir", "fait-il savoir".
    if (j + 1 < n && tokens_[j + 1].type == Token::kClitic) {
      if (const Lexicon::FormRef* f = FindForm(j, FormKind::kFinite, reflexive, j + 2)) {
        const int tail = TailAt(lex_.verb(f->verb), j + 2);
        if (tail > 0) return Emit(i, j + 2 + tail, Cue::kInverted, f, j + 1, negated);
      }
    }

    // "peut-on lire dans le communiqué", "pouvait-on entendre": whatever
    // verb carries the impersonal "on", the infinitive after it reports.
    if (j + 2 < n && tokens_[j + 1].type == Token::kClitic && tokens_[j + 1].norm == "on") {
      if (const Lexicon::FormRef* f = FindForm(j + 2, FormKind::kInfinitive, false)) {
        const int tail = TailAt(lex_.verb(f->verb), j + 3);
        return Emit(i, j + 3 + tail, Cue::kInverted, f, j + 1, negated);
      }
    }

    // Participles: ", ajoutant que", "en précisant :" — after a comma or
    // "en" only: "maintenant", "menaçant" are also adverbs and adjectives.
    // A participle reports when something follows it ("ajoutant que",
    // "précisant :"); "maintenant," and "Et maintenant" are adverbs.
    bool participle_context =
        i > 0 &&
        (tokens_[i - 1].norm == "," || tokens_[i - 1].norm == "en" ||
         tokens_[i - 1].norm == "et" || tokens_[i - 1].type == Token::kQuote) &&
        i + 1 < n && (tokens_[i + 1].type != Token::kPunct || tokens_[i + 1].norm == ":") &&
        !lex_.Is(WordClass::kNotCue, t);
    if (!reflexive && participle_context) {
      if (const Lexicon::FormRef* f = FindForm(i, FormKind::kPresentParticiple, false)) {
        int tail = TailAt(lex_.verb(f->verb), i + 1);
        int first = (i > 0 && tokens_[i - 1].norm == "en") ? i - 1 : i;
        return Emit(first, i + 1 + tail, Cue::kParticiple, f, -1, false);
      }
      // "L'Otan a attribué … et prévenu que « … »": a past participle that
      // shares the auxiliary of a verb before it, when what it reports
      // follows ("que", a colon); its subject is that verb's.
      const Norm& next = tokens_[i + 1].norm;
      if (tokens_[i - 1].norm == "et" && (next == "que" || next == "qu'" || next == ":")) {
        if (const Lexicon::FormRef* f = FindForm(i, FormKind::kPastParticiple, false)) {
          if (lex_.verb(f->verb).auxiliary == "avoir") return Emit(i, i + 1, Cue::kParticiple, f, -1, false);
        }
      }
    } else if (const Lexicon::FormRef* f = FindForm(j, FormKind::kPresentParticiple, true)) {
      int tail = TailAt(lex_.verb(f->verb), j + 1);
      return Emit(i, j + 1 + tail, Cue::kParticiple, f, -1, false);
    }
    return i;
  }

  // The words of TryAt after which the verb it looks for comes: "se",
  // "ne", "de" of the narrative infinitive.
  static bool OpensAVerbBefore(const Token& t) {
    if (t.norm.size() != 2) return false;  // Each is two bytes: most words stop here.
    return t.norm == "se" || t.norm == "s'" || t.norm == "ne" || t.norm == "n'" ||
           t.norm == "de" || t.norm == "d'";
  }

  // A simple form is a verb, not a noun ("la note", "le juge"), when its
  // subject stands right before it, or when it opens a postposed clause.
  bool SimpleFormIsVerb(int i) const {
    if (i == 0) return false;
    const Token& prev = tokens_[i - 1];
    if (prev.type == Token::kQuote) return true;
    // "l'agence régionale de santé (ARS) assure": a mention may end on its
    // bracketed short name.
    // So may the short name alone be the mention: "L'Association des
    // médias écrits (AMECQ) estime".
    if (prev.norm == ")") {
      const int m = a_.mention_at[i - 1];
      if (m >= 0 && a_.mentions[m].end_token == i) return true;
      const int inner = i >= 3 ? a_.mention_at[i - 2] : -1;
      return inner >= 0 && a_.mentions[inner].end_token == i - 1 &&
             a_.mentions[inner].first_token == i - 2 && tokens_[i - 3].norm == "(";
    }
    if (prev.type == Token::kPunct) return prev.norm == "," || prev.norm == "-" || prev.norm == "(";
    if (lex_.Is(WordClass::kDeterminer, prev) || lex_.Is(WordClass::kPreposition, prev)) return false;
    if (lex_.Is(WordClass::kRelative, prev) || prev.norm == "ne" || prev.norm == "n'") return true;
    // An object pronoun comes only before a verb: "il me disait", "lui
    // répond l'organisatrice".
    if (prev.norm == "me" || prev.norm == "m'" || prev.norm == "te" || prev.norm == "t'" ||
        prev.norm == "lui" || prev.norm == "leur") {
      return true;
    }
    // "un diplomate en poste à Washington y voit …": "y" between a
    // mention and the word.
    if (prev.norm == "y" && i >= 2) {
      const int m = a_.mention_at[i - 2];
      return m >= 0 && a_.mentions[m].end_token == i - 1;
    }
    int m = a_.mention_at[i - 1];
    return m >= 0 && a_.mentions[m].end_token == i;
  }

  // Whether a mention ends right before i and "Et" opens the sentence
  // right before that mention.
  bool NarrativeInfinitiveSubject(int i) const {
    if (i < 2) return false;
    const int m = a_.mention_at[i - 1];
    if (m < 0 || a_.mentions[m].end_token != i) return false;
    // "Et la ministre Claire Aubry de conclure": the office before its name.
    int first = a_.mentions[m].first_token;
    const int apposed = a_.mentions[m].apposed;
    if (apposed >= 0 && apposed < m && a_.mentions[apposed].end_token == first) first = a_.mentions[apposed].first_token;
    const int et = first - 1;
    if (et < 0 || tokens_[et].norm != "et") return false;
    return et == a_.sentences[tokens_[et].sentence].first_token;
  }

  // "Pour X, ...": at the start of a clause, a mention, then a comma.
  bool SourceCommaAt(int i, int len) const {
    const Token& t = tokens_[i];
    const int first = a_.sentences[t.sentence].first_token;
    // "Mais pour le ministre turc, « … »": a conjunction opening the
    // sentence leaves the clause to start after it.
    const bool after_conjunction =
        i == first + 1 && (tokens_[first].norm == "mais" || tokens_[first].norm == "et" ||
                           tokens_[first].norm == "or");
    bool clause_start = i == first || after_conjunction ||
                        (i > 0 && (tokens_[i - 1].norm == "," || tokens_[i - 1].norm == ":"));
    if (!clause_start) return false;
    int k = i + len;
    if (k >= static_cast<int>(tokens_.size())) return false;
    if (tokens_[k].norm == "lui" || tokens_[k].norm == "elle" || tokens_[k].norm == "eux") {
      return k + 1 < static_cast<int>(tokens_.size()) && tokens_[k + 1].norm == ",";
    }
    int m = a_.mention_at[k];
    if (m < 0 || a_.mentions[m].first_token != k) return false;
    const Mention& mention = a_.mentions[m];
    int end = mention.end_token;
    const int n = static_cast<int>(tokens_.size());
    // "Pour Karine Duval, conseillère de la liste « … », la majorité …":
    // a comma right after the name, whatever the apposition after it.
    if (end < n && tokens_[end].norm == "," && mention.kind == Mention::kName) return true;
    if (mention.apposed > m) end = a_.mentions[mention.apposed].end_token;
    // "Pour une diplomate suisse présente à Skopje, …": where the source
    // is, a place's name after "à" or "en", before the comma.
    if (end + 1 < n && (tokens_[end].norm == "à" || tokens_[end].norm == "en") &&
        a_.mention_at[end + 1] >= 0) {
      const Mention& place = a_.mentions[a_.mention_at[end + 1]];
      if (place.first_token == end + 1 && place.kind == Mention::kName && place.gender == 0) {
        end = place.end_token;
      }
    }
    return end < n && tokens_[end].norm == ",";
  }

  const Lexicon& lex_;
  Analysis& a_;
  const std::vector<Token>& tokens_;
};

// The token where ReportingClauseFollows wants a cue to start: the first,
// or the one after a leading comma.
int FirstWordAfterComma(const std::vector<Token>& tokens) {
  return !tokens.empty() && tokens[0].norm == "," ? 1 : 0;
}

// False when no cue can start where ReportingClauseFollows wants one,
// answered from the first few words of text[pos, end) instead of all of
// them: most probes end here (five in six on news text), before the
// window is tokenised in full, split into sentences and searched. The
// finder emits a cue only from TryAt(i), which it asks only where
// MayStartACue(i) holds, and the cue starts at i, or at i - 1 for "en"
// before a participle. MayStartACue(i) reads tokens i and i + 1 and
// whether token i + 2 exists, so the gate needs the tokens up to start + 3:
// those before the fifth space (", a déclaré le ministre"), which are
// those of the whole window, since no token spans a space.
bool CueMayStartAt(const Lexicon& lexicon, std::string_view text, uint32_t pos, uint32_t end) {
  uint32_t prefix_end = pos;
  for (int spaces = 0; prefix_end < end; ++prefix_end) {
    if (text[prefix_end] == ' ' && ++spaces == 5) break;
  }
  Analysis prefix;
  prefix.text = text;
  prefix.tokens = normalize::Tokenize(text, {pos, prefix_end}, {});
  const int start = FirstWordAfterComma(prefix.tokens);
  const int n = static_cast<int>(prefix.tokens.size());
  // Fewer tokens than the gate reads, and the window goes on: maybe.
  if (prefix_end < end && n < start + 4) return true;
  const Finder finder(lexicon, &prefix);
  return finder.MayStartACue(start) ||
         (start + 1 < n && prefix.tokens[start].norm == "en" && finder.MayStartACue(start + 1));
}

}  // namespace

void FindCues(const Lexicon& lexicon, Analysis* analysis) {
  analysis->cues.clear();
  Finder(lexicon, analysis).Run();
}

bool ReportingClauseFollows(const Lexicon& lexicon, std::string_view text, uint32_t pos) {
  // Tokenise a short window and look for a comma and a cue at its start:
  // twelve words, bounded in bytes too (twelve French words take about 80),
  // since the quotation finder asks at every orphan closing mark and a
  // paragraph may have thousands of them and no space.
  constexpr uint32_t kMaxWindowBytes = 200;
  uint32_t end = pos;
  int words = 0;
  while (end < text.size() && text[end] != '\n' && words < 12 && end - pos < kMaxWindowBytes) {
    if (text[end] == ' ') ++words;
    ++end;
  }
  if (end - pos == kMaxWindowBytes && end < text.size() && text[end] != '\n' && words < 12) {
    // Cut after the last space, else between two code points.
    uint32_t cut = end;
    while (cut > pos && text[cut - 1] != ' ') --cut;
    if (cut > pos) {
      end = cut;
    } else {
      while (end > pos && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    }
  }
  if (!CueMayStartAt(lexicon, text, pos, end)) return false;
  Analysis window;
  window.text = text;
  window.tokens = normalize::Tokenize(text, {pos, end}, {});
  if (window.tokens.empty()) return false;
  const int start = FirstWordAfterComma(window.tokens);
  window.sentences = normalize::SplitSentences(text, &window.tokens);
  window.mention_at.assign(window.tokens.size(), -1);
  Finder(lexicon, &window).Run();
  for (const Cue& c : window.cues) {
    if (c.first_token != start) continue;
    if (c.form == Cue::kInverted) return true;
    // "« Ils viennent, parlent, repartent. »": a finite verb in an incise has
    // its subject after it; one followed by a comma or a stop is the
    // quotation's own verb.
    // "« Nos satellites guident des navires, annoncent des tempêtes … »":
    // nor is one followed by a partitive or an indefinite plural, its
    // object rather than a speaker.
    if (c.form == Cue::kFinite) {
      if (c.end_token >= static_cast<int>(window.tokens.size())) return false;
      const Token& after = window.tokens[c.end_token];
      return after.type == Token::kWord && after.norm != "des" && after.norm != "du" &&
             after.norm != "de" && after.norm != "d'";
    }
  }
  return false;
}

}  // namespace guillemet::cues
