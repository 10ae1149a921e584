#include "attribute/sieves.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/unicode.h"
#include "cues/mention_finder.h"

namespace guillemet::attribute {
namespace {

bool IsDash(const Token& t) {
  return t.norm == "-" || t.norm == "\xE2\x80\x94" || t.norm == "\xE2\x80\x93";
}

// ASCII letters and digits, by byte: what IsLetter or IsDigit says of an
// ASCII character, read from a table.
constexpr std::array<bool, 128> kAsciiLetterOrDigit = [] {
  std::array<bool, 128> table{};
  for (int b = '0'; b <= '9'; ++b) table[b] = true;
  for (int b = 'a'; b <= 'z'; ++b) table[b] = table[b - 32] = true;
  return table;
}();

// The number of words of s, but no more than `at_most`: the rules only ask
// whether a quotation has a few words, and a quotation may be a paragraph,
// whose every character would otherwise be decoded.
int WordCount(std::string_view s, int at_most) {
  int words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    // An ASCII byte, most of a quotation, is classed by the table without
    // decoding it.
    const unsigned char b = static_cast<unsigned char>(s[i]);
    bool w;
    if (b < 0x80) {
      w = kAsciiLetterOrDigit[b];
      ++i;
    } else {
      const char32_t c = DecodeUtf8(s, &i);
      w = IsLetter(c) || IsDigit(c);
    }
    if (w && !in_word && ++words == at_most) return words;
    in_word = w;
  }
  return words;
}

bool StartsUpper(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = DecodeUtf8(s, &i);
    if (IsLetter(c)) return IsUpper(c);
    if (IsDigit(c)) return false;
  }
  return false;
}

class Sieves {
 public:
  // Every rule must cost O(1) amortised per quotation (or O(log cues)):
  // a sentence may hold thousands of quotations and cues on hostile input.
  // So what a rule asks of a sentence is computed once per sentence
  // (Facts), cues are searched by position (they are in order of
  // first_token, as the cue finder emits them), and chains of quotations
  // are skipped through a precomputed table.
  Sieves(const cues::Lexicon& lex, const Analysis& a, const Subjects& subjects)
      : lex_(lex), a_(a), tokens_(a.tokens), subjects_(subjects) {
    const int n = static_cast<int>(tokens_.size());
    const int cues = static_cast<int>(a_.cues.size());
    cue_at_.assign(n, -1);
    cue_starts_.resize(cues);
    for (int c = 0; c < cues; ++c) {
      cue_at_[a_.cues[c].first_token] = c;
      cue_starts_[c] = a_.cues[c].first_token;
    }
    // Cue indexes, for each cue, of the next (or previous) cue at or after
    // (before) it that a rule could use whatever the quotation.
    next_complement_.assign(cues + 1, cues);
    next_frame_.assign(cues + 1, cues);
    previous_colon_.assign(cues, -1);
    for (int c = cues - 1; c >= 0; --c) {
      const Cue& cue = a_.cues[c];
      next_complement_[c] = (cue.form != Cue::kSource && !IsRelay(c) && !cue.negated &&
                             subjects_.of_cue[c] >= 0)
                                ? c
                                : next_complement_[c + 1];
      const bool frame = IsIncise(c) && subjects_.of_cue[c] >= 0 && !IsRelay(c) &&
                         cue.first_token > 0 &&
                         (tokens_[cue.first_token - 1].norm == "," ||
                          tokens_[cue.first_token - 1].type == Token::kQuote);
      next_frame_[c] = frame ? c : next_frame_[c + 1];
    }
    for (int c = 0; c < cues; ++c) {
      const Cue& cue = a_.cues[c];
      const bool colon = cue.form != Cue::kSource && subjects_.of_cue[c] >= 0 && !cue.negated;
      previous_colon_[c] = colon ? c : (c > 0 ? previous_colon_[c - 1] : -1);
    }
    // Incise chains: from a token, the first token that is not a comma, a
    // conjunction or a quotation, or that leaves the sentence.
    chain_end_.assign(n, 0);
    for (int k = n - 1; k >= 0; --k) {
      const Token& tok = tokens_[k];
      const bool skippable = tok.type == Token::kQuote || tok.norm == "," || tok.norm == "car" ||
                             tok.norm == "et" || tok.norm == "mais" || tok.norm == "ou";
      if (!skippable) {
        chain_end_[k] = k;
      } else if (k + 1 < n && tokens_[k + 1].sentence == tok.sentence) {
        chain_end_[k] = chain_end_[k + 1];
      } else {
        chain_end_[k] = k + 1;
      }
    }
    facts_.resize(a_.sentences.size());
  }

  std::vector<Attribution> Run() {
    const size_t n = a_.quotes.size();
    out_.assign(n, Attribution());
    decided_.assign(n, false);
    previous_quote_.assign(n, -1);
    for (size_t q = 0, last = 0; q < n; ++q) {
      previous_quote_[q] = last == 0 ? -1 : static_cast<int>(last - 1);
      const Quote& quote = a_.quotes[q];
      if (quote.depth == 0 && !quote.tweet && quote.first_token >= 0) last = q + 1;
    }
    for (size_t q = 0; q < n; ++q) {
      const Quote& quote = a_.quotes[q];
      if (quote.depth > 0 || quote.first_token < 0) {
        out_[q].output = quote.depth == 0;
        decided_[q] = true;
        continue;
      }
      if (quote.tweet) {
        int author = a_.tweet_author_of_quote[q];
        if (author >= 0) Set(q, -1, -1, "tweet_author_line", 0.95, a_.tweet_authors[author]);
        out_[q].kind = QuoteKind::kTweet;
        decided_[q] = true;
      }
    }
    using Rule = bool (Sieves::*)(int);
    static const Rule kRules[] = {&Sieves::ResumedAfterItsClause,
                                  &Sieves::Chant,
                                  &Sieves::DashAuthor,
                                  &Sieves::PassiveAgent,
                                  &Sieves::AgentBeforeTheColon,
                                  &Sieves::WordsOfTheComplementBeforeTheColon,
                                  &Sieves::Incise,
                                  &Sieves::ColonAfterCue,
                                  &Sieves::QuotedVerbOfItsSubject,
                                  &Sieves::HeadlineColon,
                                  &Sieves::HeadlineParenthesis,
                                  &Sieves::PostposedFrame,
                                  &Sieves::SourcePreposition,
                                  &Sieves::Complement,
                                  &Sieves::Relay,
                                  &Sieves::SoleSpeakerOfSentence,
                                  &Sieves::ChezBeforeAColon,
                                  &Sieves::ColonAfterSubject,
                                  &Sieves::SpeechNounBeforeAColon,
                                  &Sieves::SpeechNounAfterTheColon,
                                  &Sieves::PossessiveSpeechNounBeforeAColon};
    for (Rule rule : kRules) {
      for (size_t q = 0; q < n; ++q) {
        if (!decided_[q]) (this->*rule)(static_cast<int>(q));
      }
    }
    for (size_t q = 0; q < n; ++q) {
      // A sentence pointing back at the quotation outranks the guess that
      // the previous speaker goes on.
      if (!decided_[q]) FollowingReport(static_cast<int>(q));
      if (!decided_[q]) NamedInTheNextSentence(static_cast<int>(q));
      if (!decided_[q]) ReportedInTheNextSentence(static_cast<int>(q));
      if (!decided_[q]) IntroducedInTheNextSentence(static_cast<int>(q));
      if (!decided_[q]) Continuation(static_cast<int>(q));
      if (!decided_[q]) PrecedingReport(static_cast<int>(q));
      if (!decided_[q]) BetweenItsSubjectAndAPronoun(static_cast<int>(q));
      if (!decided_[q]) AfterASentenceAboutItsSpeaker(static_cast<int>(q));
      if (!decided_[q]) WovenIntoASentenceAboutItsSpeaker(static_cast<int>(q));
    }
    for (size_t q = 0; q < n; ++q) ThroughTheVoiceOf(static_cast<int>(q));
    QuotedInALongerQuotation();
    ClassifyKinds();
    SameWords();
    return std::move(out_);
  }

 private:
  int TokenOf(int q) const { return a_.quotes[q].first_token; }
  const Sentence& SentenceOf(int q) const { return a_.sentences[tokens_[TokenOf(q)].sentence]; }
  bool Valid(int k) const { return k >= 0 && k < static_cast<int>(tokens_.size()); }

  void Set(int q, int mention, int cue, const char* method, double confidence, Span author = {}) {
    out_[q].mention = mention;
    out_[q].cue = cue;
    out_[q].method = method;
    out_[q].confidence = confidence;
    out_[q].author = author;
    decided_[q] = true;
  }

  // Quotation q has the speaker of quotation `from`, whoever that is.
  void SetSameSpeakerAs(int q, int from, const char* method, double confidence) {
    Set(q, -1, -1, method, confidence);
    out_[q].from_quote = from;
  }

  // « A, estime X, politologue, et B » split in two: B is X's too,
  // whatever reporting clause comes after it.
  bool ResumedAfterItsClause(int q) {
    if (!a_.quotes[q].resumed || q == 0 || a_.quotes[q - 1].depth != 0) return false;
    SetSameSpeakerAs(q, q - 1, "resumed_after_its_clause", 0.9);
    return true;
  }

  bool IsIncise(int c) const {
    const Cue& cue = a_.cues[c];
    return cue.form == Cue::kInverted || (cue.form == Cue::kFinite && subjects_.postposed[c]);
  }

  bool HasPreposedCueBefore(int q) {
    return FactsOf(q).first_preposed_cue_end <= TokenOf(q);
  }

  // « A », a-t-il dit — « A » car « B », a déclaré X — and the « C » that
  // follows the incise of a split quotation.
  static bool IsObjectPronoun(const Token& t) { return cues::IsObjectPronoun(t.norm.str()); }

  // "La présidente n'a pas caché son scepticisme : « A » « B », a-t-il
  // murmuré": a quotation a colon opens, with another right after it,
  // answers to the colon's subject when the reporting clause after them
  // names someone of the other gender, or when a reporting verb of a named
  // subject opens it; that clause is the second one's.
  bool OpenedByAColonBeforeAnother(int t, int c) const {
    if (!Valid(t - 1) || tokens_[t - 1].norm != ":" || !Valid(t + 1) || tokens_[t + 1].type != Token::kQuote) {
      return false;
    }
    const int colon_subject = subjects_.of_sentence[tokens_[t - 1].sentence];
    const int clause_subject = subjects_.of_cue[c];
    if (colon_subject < 0 || clause_subject < 0) return false;
    // "Poutine a glissé une plaisanterie : « A » « B », lui a répondu
    // l'Américain": a clause addressed to someone, or a verb of answer
    // ("a rétorqué l'avocate"), answers the first words.
    const int verb = a_.cues[c].first_token;
    if (colon_subject != clause_subject &&
        ((Valid(verb - 1) && IsObjectPronoun(tokens_[verb - 1])) ||
         a_.cues[c].category == "answer" ||
         (PlainlyTwoPeople(a_.mentions[colon_subject], a_.mentions[clause_subject]) &&
          !a_.cues[c].GoesOn()))) {
      return true;
    }
    // "Claire Morin a pris la parole : « A. » « B », a conclu l'édile":
    // words a named speaker's reporting verb and colon open stay hers; a
    // description in the clause may be someone else, and if it is she,
    // nothing changes. Another name is someone else.
    const Mention& colon_speaker = a_.mentions[colon_subject];
    const Mention& clause_speaker = a_.mentions[clause_subject];
    const int colon_cue = FirstCueFrom(t - 1) - 1;
    if (colon_speaker.kind == Mention::kName && !colon_speaker.is_org &&
        (clause_speaker.kind == Mention::kDescription ||
         (clause_speaker.kind == Mention::kName &&
          PlainlyTwoPeople(colon_speaker, clause_speaker))) &&
        colon_subject != clause_subject && colon_cue >= 0 &&
        a_.cues[colon_cue].first_token >= a_.sentences[tokens_[t - 1].sentence].first_token &&
        subjects_.of_cue[colon_cue] == colon_subject) {
      return true;
    }
    const char a = colon_speaker.gender, b = clause_speaker.gender;
    return a != 0 && b != 0 && a != b;
  }

  // "« Il est où, le café ? » « Au deuxième », a répondu la directrice":
  // a question, with the answer quoted after it before a verb of answer,
  // is someone else's.
  bool QuestionBeforeItsAnswer(int q, int t, int clause, int c) const {
    if (a_.cues[c].category != "answer") return false;
    const std::string& text = a_.quotes[q].text;
    if (text.empty() || text.back() != '?') return false;
    for (int k = t + 1; k < clause; ++k) {
      if (tokens_[k].type == Token::kQuote) return true;
    }
    return false;
  }

  // "La maire … : « A » « B », a souri la présidente": two descriptions
  // by different nouns, or two names with different last words. Not
  // proof alone: the press varies its descriptions of one person.
  // "un élu de la minorité", an indefinite description, brings in
  // someone new.
  bool PlainlyTwoPeople(const Mention& a, const Mention& b) const {
    if (a.kind == Mention::kPronoun || b.kind == Mention::kPronoun || a.is_org || b.is_org) return false;
    if (IsIndefiniteDescription(a) || IsIndefiniteDescription(b)) return true;
    if (a.kind == Mention::kName && b.kind == Mention::kName) {
      return tokens_[a.end_token - 1].norm != tokens_[b.end_token - 1].norm;
    }
    if (a.kind == Mention::kName || b.kind == Mention::kName) return false;
    return !a.head.empty() && !b.head.empty() && a.head != b.head;
  }

  bool IsIndefiniteDescription(const Mention& m) const {
    return m.kind == Mention::kDescription && !m.plural && IndefiniteAt(m.first_token);
  }

  bool Incise(int q) {
    int t = TokenOf(q);
    int k = t + 1;
    if (Valid(k) && tokens_[k].sentence == tokens_[t].sentence) k = chain_end_[k];
    // "« … », leur a-t-il dit": an object pronoun before the verb.
    if (Valid(k + 1) && cue_at_[k] < 0 && tokens_[k + 1].type == Token::kWord && IsObjectPronoun(tokens_[k]) &&
        tokens_[k + 1].sentence == tokens_[t].sentence) {
      ++k;
    }
    if (!Valid(k) || cue_at_[k] < 0) return false;
    int c = cue_at_[k];
    // "« Aucune piste n'est écartée », précise-t-on", "« … », indique la
    // police": someone's words, though no name or body the finders know
    // says whose.
    // After a quotation that opens its sentence, the cue right after it is
    // an incise even with no subject found.
    const bool opens_the_sentence = t == SentenceOf(q).first_token;
    if ((IsIncise(c) || (opens_the_sentence && a_.cues[c].form == Cue::kFinite)) &&
        subjects_.of_cue[c] < 0 && !OpenedByAColonBeforeAnother(t, c)) {
      Set(q, -1, c, kUnnamedSubjectsWords, 0.5);
      return true;
    }
    if (!IsIncise(c) || subjects_.of_cue[c] < 0 || OpenedByAColonBeforeAnother(t, c)) return false;
    if (IsRelay(c) && HasPreposedCueBefore(q)) return false;
    if (QuestionBeforeItsAnswer(q, t, k, c)) {
      // Whoever asked it is not written here: no later rule guesses.
      Set(q, -1, -1, "question_before_its_answer", 0.6);
      return true;
    }
    // "« … », rapporte Le Télégramme, citant un voisin": whom the medium quotes.
    if (IsRelay(c) && c + 1 < static_cast<int>(a_.cues.size())) {
      const Cue& citing = a_.cues[c + 1];
      if (citing.form == Cue::kParticiple && std::string_view(citing.category) == "relay" &&
          Valid(citing.end_token) && tokens_[citing.end_token].sentence == tokens_[t].sentence) {
        const int at = citing.end_token;
        const int m = a_.mention_at[at];
        const int object = m >= 0 ? ObjectEndingAt(at, a_.mentions[PreferName(m)].end_token) : -1;
        if (object >= 0) {
          Set(q, object, c + 1, "incise_relay_citing", 0.8);
          return true;
        }
      }
    }
    const Mention& subject = a_.mentions[subjects_.of_cue[c]];
    const char* method = subject.kind == Mention::kPronoun ? "incise_pronoun" : "incise";
    Set(q, subjects_.of_cue[c], c, method, 0.95);
    for (int member = t + 1; member < k; ++member) {
      const Token& tok = tokens_[member];
      if (tok.type == Token::kQuote && !decided_[tok.quote]) {
        Set(tok.quote, subjects_.of_cue[c], c, method, 0.95);
      }
    }
    // The quotation right after the incise continues it.
    int after = std::max(a_.cues[c].end_token, subject.end_token);
    if (subject.apposed > subjects_.of_cue[c]) {
      after = std::max(after, a_.mentions[subject.apposed].end_token);
    }
    while (Valid(after) && (tokens_[after].norm == "," || tokens_[after].norm == ":")) ++after;
    if (Valid(after) && tokens_[after].type == Token::kQuote &&
        tokens_[after].sentence == tokens_[t].sentence && !decided_[tokens_[after].quote]) {
      Set(tokens_[after].quote, subjects_.of_cue[c], c, "split_quote", 0.9);
    }
    return true;
  }

  // "Nom – « ... »" and the post quoting someone: « ... » – Name.
  bool DashAuthor(int q) {
    int t = TokenOf(q);
    if (!Valid(t + 2) || !IsDash(tokens_[t + 1]) || tokens_[t + 2].line_start) return false;
    int m = a_.mention_at[t + 2];
    if (m < 0 || a_.mentions[m].first_token != t + 2 || a_.mentions[m].kind != Mention::kName) {
      return false;
    }
    if (t != SentenceOf(q).first_token) return false;
    Set(q, m, -1, "dash_author", 0.85);
    return true;
  }

  bool IsParticiple(int k) const {
    if (!Valid(k)) return false;
    const auto* forms = lex_.FormsOf(tokens_[k].norm);
    if (forms == nullptr) return false;
    for (const auto& f : *forms) {
      if (f.form->kind == cues::FormKind::kPastParticiple) return true;
    }
    return false;
  }

  // "des manifestants scandaient « Fermez le ciel ! »": a crowd's words
  // are speech with no speaker (the "chant" verbs of verbs.tsv), whoever
  // the crowd is.
  bool Chant(int q) {
    const int t = TokenOf(q);
    const int cues = static_cast<int>(a_.cues.size());
    // A cue ending at the quotation starts a few words before it: looking
    // only there keeps a sentence of thousands of quotations linear.
    constexpr int kLongestCue = 12;
    const int from = std::max(SentenceOf(q).first_token, t - kLongestCue);
    for (int c = FirstCueFrom(from); c < cues && a_.cues[c].first_token <= t + 2; ++c) {
      const Cue& cue = a_.cues[c];
      // Right before the quotation, or right after it ("», scandait-on");
      // an adverb or two may come between ("scandaient encore « … »").
      const bool before = cue.end_token == t || (cue.end_token < t && t - cue.end_token <= 2 &&
                                                 AdverbsOnly(cue.end_token, t));
      const bool after = cue.first_token == t + 1 || (cue.first_token == t + 2 && tokens_[t + 1].norm == ",");
      if ((before || after) && std::string_view(cue.category) == "chant") {
        Set(q, -1, c, "chant", 0.8);
        return true;
      }
    }
    return false;
  }

  // Whether the tokens [from, to) are adverbs or time words only.
  bool AdverbsOnly(int from, int to) const {
    for (int k = from; k < to;) {
      const int len = lex_.AdverbOrTimeAt(tokens_, k);
      if (len == 0 || k + len > to) return false;
      k += len;
    }
    return true;
  }

  // "qualifiée d'« obsolète » par Donald Trump", "considérés par
  // Washington comme une menace « existentielle »".
  bool PassiveAgent(int q) {
    int t = TokenOf(q);
    int k = t - 1;
    int skipped = 0;
    while (Valid(k) && skipped < 2 &&
           (tokens_[k].norm == "de" || tokens_[k].norm == "d'" || tokens_[k].norm == "comme" ||
            lex_.Is(cues::WordClass::kDeterminer, tokens_[k]))) {
      --k;
      ++skipped;
    }
    if (IsParticiple(k) && Valid(t + 2) && tokens_[t + 1].norm == "par") {
      int m = a_.mention_at[t + 2];
      if (m >= 0 && a_.mentions[m].first_token == t + 2) {
        Set(q, PreferName(m), -1, "passive_agent", 0.85);
        return true;
      }
    }
    // participle, "par", mention, then up to four words and the quotation.
    for (int p = t - 1; p >= std::max(SentenceOf(q).first_token, t - 10); --p) {
      if (tokens_[p].norm != "par" || !IsParticiple(p - 1)) continue;
      // "a jugé la ligne proposée par Washington « inacceptable »": the
      // quotation is what the reporting verb before says of the thing.
      // "Elle a répondu par un communiqué : « … »": an active reporting
      // verb right before "par" says how, not by whom.
      if (FiniteCueIn(SentenceOf(q).first_token, p, /*with_subject=*/true)) return false;
      int m = a_.mention_at[p + 1];
      if (m < 0 || a_.mentions[m].first_token != p + 1) return false;
      if (t - a_.mentions[m].end_token > 5) return false;
      // "un projet monté par Washington, accusé de « ... »": after a comma
      // the words are said about the agent, not by it.
      for (int k = a_.mentions[m].end_token; k < t; ++k) {
        if (tokens_[k].norm == ",") return false;
      }
      Set(q, PreferName(m), -1, "passive_agent", 0.85);
      return true;
    }
    return false;
  }

  int PreferName(int m) const {
    const Mention& mention = a_.mentions[m];
    if (mention.kind != Mention::kName && mention.apposed >= 0 &&
        a_.mentions[mention.apposed].kind == Mention::kName) {
      return mention.apposed;
    }
    return m;
  }

  // "X a déclaré : « ... »", "précisant : « ... »", and the paragraph
  // that a colon ends and the quotation's paragraph follows: "X a défendu
  // ce calendrier devant la presse :" then « ... » on its own.
  bool ColonAfterCue(int q) {
    int t = TokenOf(q);
    if (!Valid(t - 1) || tokens_[t - 1].norm != ":") return false;
    const Sentence& s = a_.sentences[tokens_[t - 1].sentence];
    // The last usable cue ending before the colon: cues starting before it.
    int c = FirstCueFrom(t - 1) - 1;
    while (c >= 0 && (c = previous_colon_[c]) >= 0) {
      const Cue& cue = a_.cues[c];
      if (cue.first_token < s.first_token) return false;
      // "X a tenu à rassurer les Européens, qui redoutent une course aux
      // armements : « ... »": a relative clause with words of its own
      // before the colon describes its antecedent; the main clause speaks.
      if (cue.end_token + 3 < t - 1 && InRelativeClause(cue) && c > 0 &&
          previous_colon_[c - 1] >= 0 &&
          a_.cues[previous_colon_[c - 1]].first_token >= s.first_token) {
        --c;
        continue;
      }
      // "Le ministre a détaillé ce que Washington reproche à l'accord :
      // « ... »": a verb after "ce que" is what the verb before reports;
      // that verb's subject speaks.
      if (ObjectOfTheVerbBefore(c) && c > 0 && previous_colon_[c - 1] >= 0 &&
          a_.cues[previous_colon_[c - 1]].first_token >= s.first_token) {
        --c;
        continue;
      }
      if (cue.end_token <= t - 1) {
        // "Paul Roux a cité Victor Hugo :", "le quotidien cite un proche du
        // ministre :": a verb that passes words on, and its object right
        // before the colon, whose words they are.
        const int object =
            std::string_view(cue.category) == "relay" ? ObjectEndingAt(cue.end_token, t - 1) : -1;
        if (object >= 0) {
          Set(q, object, c, "colon_after_relay_object", 0.8);
          return true;
        }
        Set(q, subjects_.of_cue[c], c, "colon_after_cue", 0.9);
        return true;
      }
      --c;
    }
    return false;
  }

  // The mention from `from` to `end`, a person's or an organisation's
  // named or brought in by an indefinite article, or -1.
  int ObjectEndingAt(int from, int end) const {
    if (!Valid(end - 1) || end <= from) return -1;
    int m = a_.mention_at[end - 1];
    if (m < 0) return -1;
    if (a_.mentions[m].apposed >= 0 && a_.mentions[m].apposed < m) m = a_.mentions[m].apposed;
    const Mention& object = a_.mentions[m];
    if (object.first_token != from || object.kind == Mention::kPronoun || object.plural) return -1;
    return NamedOrUnnamedSource(m);
  }

  // Mention m as a speaker: its name (that of its apposition), or m itself
  // when an indefinite article brings in one unnamed person; else -1.
  int NamedOrUnnamedSource(int m) const {
    const int named = PreferName(m);
    if (a_.mentions[named].kind == Mention::kName) return named;
    const Mention& source = a_.mentions[m];
    return source.kind == Mention::kDescription && !source.is_org && !source.plural &&
                   IndefiniteAt(source.first_token)
               ? m
               : -1;
  }

  // "a martelé Sophie Leroy, rejointe par son collègue Marc Blanc : « … »":
  // a person brought in by "par" after the last reporting verb before the
  // colon may be who speaks next, or whoever asked; the quotation gets no
  // speaker rather than the verb's subject.
  bool AgentBeforeTheColon(int q) {
    const int t = TokenOf(q);
    if (!Valid(t - 1) || tokens_[t - 1].norm != ":") return false;
    // After the speaker the sentence names: "Interrogé par un journaliste,
    // le ministre a répondu :" keeps its speaker.
    const int sentence = tokens_[t - 1].sentence;
    int subject = subjects_.of_sentence[sentence];
    int from = -1;
    const int c = FirstCueFrom(t - 1) - 1;
    if (c >= 0 && a_.cues[c].first_token >= a_.sentences[sentence].first_token && subjects_.of_cue[c] >= 0) {
      subject = subjects_.of_cue[c];
      from = a_.cues[c].end_token;
    }
    if (subject < 0) return false;
    from = std::max(from, a_.mentions[subject].end_token);
    if (!AgentBetween(from, t - 1)) return false;
    Set(q, -1, -1, "agent_before_colon", 0.5);
    return true;
  }

  // "Paul Roux a cité la phrase de Victor Hugo : « … »", "a lu la lettre
  // d'une habitante : « … »": a noun of words or of a document and its
  // "de" complement right before the colon say whose words follow; not
  // those of the verb's subject, who only passes them on. A possessive
  // ("le message de sa fille") names someone the resolver may not find:
  // no speaker rather than the wrong one.
  bool WordsOfTheComplementBeforeTheColon(int q) {
    const int t = TokenOf(q);
    if (!Valid(t - 2) || tokens_[t - 1].norm != ":") return false;
    int m = a_.mention_at[t - 2];
    if (m < 0) return false;
    // "la formule du ministre, Paul Roux :": the office the name is apposed to.
    if (a_.mentions[m].apposed >= 0 && a_.mentions[m].apposed < m) m = a_.mentions[m].apposed;
    const Mention& whose = a_.mentions[m];
    // "a lu la lettre de l'association :": the document, which speaks for
    // whoever issued it.
    if (IsDocument(whose) && whose.first_token > SentenceOf(q).first_token &&
        whose.end_token - whose.first_token > 2 &&
        (tokens_[whose.first_token + 2].norm == "de" ||
         tokens_[whose.first_token + 2].norm == "d'" ||
         tokens_[whose.first_token + 2].norm == "du" ||
         tokens_[whose.first_token + 2].norm == "des")) {
      Set(q, m, -1, "words_of_the_complement_before_colon", 0.7);
      return true;
    }
    if (whose.kind == Mention::kPronoun || !Valid(whose.first_token - 2)) return false;
    const Norm& of = tokens_[whose.first_token].norm;
    int noun = whose.first_token - 1;  // "du ministre": the article opens the mention.
    if (of != "du" && of != "des") {
      if (tokens_[noun].norm != "de" && tokens_[noun].norm != "d'") return false;
      --noun;
    }
    if (!Valid(noun - 1) || tokens_[noun].sentence != tokens_[t - 1].sentence ||
        !lex_.Is(cues::WordClass::kDeterminer, tokens_[noun - 1]) ||
        (!lex_.Is(cues::WordClass::kSpeechNoun, tokens_[noun]) &&
         !lex_.Is(cues::WordClass::kDocumentNoun, tokens_[noun]))) {
      return false;
    }
    Set(q, NamedOrUnnamedSource(m), -1, "words_of_the_complement_before_colon", 0.7);
    return true;
  }

  bool AgentBetween(int from, int colon) const {
    constexpr int kReach = 3;  // "par son collègue Marc Blanc".
    // A clause before a colon is short: the bound keeps a sentence of
    // thousands of quotations linear.
    constexpr int kMaxClause = 40;
    for (int k = std::max(from, colon - kMaxClause); k + 1 < colon; ++k) {
      if (tokens_[k].norm != "par") continue;
      for (int j = k + 1; j < colon && j <= k + kReach; ++j) {
        const int m = a_.mention_at[j];
        if (m >= 0 && a_.mentions[m].first_token == j) {
          if (IsPersonMention(a_.mentions[m])) return true;
          break;
        }
      }
    }
    return false;
  }

  // "Marco Rubio n'a pas caché ses doutes : « ... »", "Un conseiller,
  // sous couvert d'anonymat, assume le ton : « ... »": French news puts a
  // quotation after a colon that ends a clause about its speaker, whatever
  // the verb. Only when the sentence's subject is a person, nobody else is
  // named between it and the colon, no cue of the sentence names someone
  // else, and the quotation ends the sentence.
  bool ColonAfterSubject(int q) {
    const int t = TokenOf(q);
    if (!Valid(t - 1) || tokens_[t - 1].norm != ":") return false;
    // "Loïc Tanguy … a découvert ses installations au petit matin :" and
    // the quotation as the next paragraph, nothing else in its sentence.
    const int sentence = tokens_[t - 1].sentence;
    const bool across = sentence != tokens_[t].sentence;
    if (across) {
      const Sentence& own = a_.sentences[tokens_[t].sentence];
      const bool alone = own.first_token == t &&
                         (t + 1 == own.end_token ||
                          (t + 2 == own.end_token && tokens_[t + 1].type == Token::kPunct));
      if (!alone) return false;
    }
    const Sentence& s = a_.sentences[sentence];
    if (s.is_title) return false;
    int subject = subjects_.of_sentence[sentence];
    if (subject < 0) return false;
    // A clause about its subject is short; the bounds keep each quotation
    // O(1) in a sentence of thousands of them.
    constexpr int kMaxClause = 40;
    if (t - a_.mentions[subject].end_token > kMaxClause) return false;
    // "Le rapport de l'inspection du travail est sans appel : « … »": a
    // document opening the sentence speaks for whoever issued it, when the
    // quotation ends the sentence and no reporting verb has another subject.
    if (DocumentQuotedAfterColon(q, subject, s)) {
      Set(q, subject, -1, "colon_after_document", 0.6);
      return true;
    }
    // "Vainqueur de l'étape, Maxime Kerleau ...": a capitalised first word
    // is no person; the person after the comma that follows is.
    if (!IsPersonMention(a_.mentions[subject])) {
      const int from = a_.mentions[subject].end_token;
      subject = -1;
      for (int k = from; k < t - 1; ++k) {
        const int other = a_.mention_at[k];
        if (other >= 0 && a_.mentions[other].first_token == k &&
            IsPersonMention(a_.mentions[other])) {
          if (tokens_[k - 1].norm == ",") subject = other;
          break;
        }
      }
      if (subject < 0) return false;
      if (a_.mentions[subject].kind != Mention::kName &&
          a_.mentions[subject].apposed > subject) {
        subject = a_.mentions[subject].apposed;
      }
    }
    const Mention& m = a_.mentions[subject];
    // "Quant à Marie, elle a pris ses précautions :": the pronoun repeats
    // the topic just set.
    // "Interrogé sur le calendrier, il s'en est tenu à une formule :": a
    // personal "il" or "elle" (an impersonal one is no mention) is the
    // subject too; the resolver says whom it stands for.
    if (m.kind == Mention::kPronoun) {
      const int topic = TopicBeforePronoun(a_, m.first_token);
      // Not "il m'a dit :" in someone's answer, which is another's words.
      const Norm& next = tokens_[m.end_token].norm;
      // "Ce dernier a tenté de calmer le jeu :" names as surely.
      const bool personal = (tokens_[m.first_token].norm == "il" || tokens_[m.first_token].norm == "elle" ||
                             (m.head == "dernier" && !m.plural)) &&
                            !(next == "me" || next == "m'" || next == "te" || next == "t'" || next == "nous" ||
                              next == "vous");
      if (!personal && (topic < 0 || !IsPersonMention(a_.mentions[topic]))) return false;
    }
    if (!IsPersonMention(m) || m.end_token >= t - 1) return false;
    if (t - m.end_token > kMaxClause || m.first_token - s.first_token > kMaxClause) return false;
    // "L'ancien patron d'ExxonMobil, qui avait reçu M. Rodríguez à
    // Washington, n'a pas varié :": whom a relative clause between commas
    // right after the subject names is no speaker.
    int relative_end = m.end_token;
    if (Valid(m.end_token + 1) && tokens_[m.end_token].norm == "," &&
        tokens_[m.end_token + 1].norm == "qui") {
      for (int k = m.end_token + 2; k < t - 1; ++k) {
        if (tokens_[k].norm == ",") {
          relative_end = k;
          break;
        }
      }
    }
    for (int k = relative_end; k < t - 1; ++k) {
      const int other = a_.mention_at[k];
      if (other < 0 || other == subject || other == m.apposed) continue;
      // "X a eu un mot pour les diplomates de carrière : « ... »": a group
      // described in the plural is who the words are for, not who says them.
      const Mention& between = a_.mentions[other];
      if (between.kind == Mention::kDescription && between.plural && !m.plural) continue;
      // "il a tenu un discours d'industriel :": a bare noun after "de"
      // says what kind, and names nobody.
      if (between.kind == Mention::kDescription && (tokens_[between.first_token].norm == "de" ||
                                                    tokens_[between.first_token].norm == "d'")) {
        continue;
      }
      // "Sandrine Weber, elle, a fini par trouver la parade :": a stressed
      // pronoun between commas repeats the subject.
      if (between.kind == Mention::kPronoun && between.first_token == m.end_token + 1 &&
          tokens_[m.end_token].norm == "," && Valid(between.end_token) && tokens_[between.end_token].norm == ",") {
        continue;
      }
      // "Bernard … scrute le paquet de café qu'il achète depuis vingt
      // ans :", "… a tiré la corde, comme il le faisait enfant :": a
      // pronoun of the subject's gender in a relative clause, or in one of
      // comparison or time, is the subject again.
      if (between.kind == Mention::kPronoun && !between.plural && between.gender != 0 &&
          between.gender == m.gender && Valid(between.first_token - 1)) {
        const Norm& before = tokens_[between.first_token - 1].norm;
        if (lex_.Is(cues::WordClass::kRelative, tokens_[between.first_token - 1]) ||
            before == "qu'" || before == "comme" || before == "quand" || before == "lorsque" ||
            before == "lorsqu'") {
          continue;
        }
      }
      // "Le président russe s'est tourné vers son invité :": someone
      // described by their tie to the subject is whom the subject
      // addresses, unless handed the floor ("a laissé la parole à son
      // adjoint :").
      if (OpensOnAPossessive(other) && !WordBetween(m.end_token, t - 1, "parole")) continue;
      if (IsPersonMention(between)) return false;
    }
    // "… son scepticisme : « A » « B », a-t-il murmuré": another quotation
    // right after it ends the clause too.
    const bool ends = across || t + 1 == s.end_token ||
                      (t + 2 == s.end_token && tokens_[t + 1].type == Token::kPunct) ||
                      tokens_[t + 1].type == Token::kQuote;
    if (!ends) return false;
    const int cues = static_cast<int>(a_.cues.size());
    for (int c = FirstCueFrom(s.first_token); c < cues && a_.cues[c].first_token < t; ++c) {
      const int other = subjects_.of_cue[c];
      if (other >= 0 && other != subject && other != m.apposed) return false;
    }
    Set(q, subject, -1, "colon_after_subject", 0.6);
    return true;
  }

  // Whether a colon of the same sentence stands right before token t, with
  // at least one token before it.
  bool AfterAColonOfItsSentence(int t) const {
    return Valid(t - 2) && tokens_[t - 1].norm == ":" && tokens_[t - 1].sentence == tokens_[t].sentence;
  }

  // "Verdict du nouveau vainqueur : « … »", "Réaction de la ministre :
  // « … »": a sentence opening on a noun of speech and whose words they
  // are, right before the colon.
  bool SpeechNounBeforeAColon(int q) {
    const int t = TokenOf(q);
    if (AfterAColonOfItsSentence(t)) {
      const int m = SpeakerOfASpeechNoun(SentenceOf(q).first_token, t - 1);
      if (m < 0) return false;
      Set(q, m, -1, "speech_noun_before_colon", 0.7);
      return true;
    }
    // "Le témoignage de Marc Leroy, pêcheur à Étel, est sans appel. ¶
    // « On sortait à quatre heures … »": the sentence just before a
    // quotation that stands alone.
    const int sentence = tokens_[t].sentence;
    if (sentence == 0 || t != a_.sentences[sentence].first_token ||
        FactsOfSentence(sentence).has_cue) {
      return false;
    }
    const Sentence& before = a_.sentences[sentence - 1];
    if (before.is_title || a_.sentences[sentence].paragraph - before.paragraph > 1) return false;
    int end = before.end_token;
    if (end - 1 > before.first_token && tokens_[end - 1].norm == ".") --end;
    for (int k = before.first_token; k < end; ++k) {
      if (tokens_[k].type == Token::kQuote) return false;
    }
    const int m = SpeakerOfASpeechNoun(before.first_token, end);
    if (m < 0) return false;
    Set(q, m, -1, "speech_noun_before", 0.65);
    return true;
  }

  // "Anne Roy a écouté Paul Morin. Son verdict : « … »": a sentence of
  // "son" or "sa" and a noun of speech before the colon gives the words to
  // the person the sentence before was about, its subject.
  bool PossessiveSpeechNounBeforeAColon(int q) {
    const int t = TokenOf(q);
    const Sentence& s = SentenceOf(q);
    const int sentence = tokens_[t].sentence;
    if (!AfterAColonOfItsSentence(t) || sentence == 0) return false;
    const int first = s.first_token;
    if (tokens_[first].norm != "son" && tokens_[first].norm != "sa") return false;
    const int length =
        lex_.words(cues::WordClass::kSpeechNoun).LongestAt(tokens_, first + 1, nullptr);
    // "Sa réponse :", "Son verdict, cinglant :": the noun, then at most
    // an adjective set off or not by commas.
    if (length == 0 || first + 1 + length + 2 < t - 1) return false;
    for (int k = first + 1 + length; k < t - 1; ++k) {
      if (tokens_[k].type != Token::kWord && tokens_[k].norm != ",") return false;
      if (a_.mention_at[k] >= 0) return false;
    }
    const Sentence& before = a_.sentences[sentence - 1];
    if (before.is_title || s.paragraph != before.paragraph) return false;
    const int subject = subjects_.of_sentence[sentence - 1];
    if (subject < 0 || !IsPersonMention(a_.mentions[subject]) || a_.mentions[subject].plural) {
      return false;
    }
    Set(q, subject, -1, "possessive_speech_noun_before_colon", 0.6);
    return true;
  }

  // "« Nous sommes prêts » : le message de Jens Stoltenberg à Moscou": a
  // quotation opening its sentence, then after a colon a noun of speech
  // whose complement names the speaker; what may follow it says to whom or
  // about what, with no verb of speech.
  bool SpeechNounAfterTheColon(int q) {
    const int t = TokenOf(q);
    const Sentence& s = SentenceOf(q);
    if (t != s.first_token || t + 4 >= s.end_token || tokens_[t + 1].norm != ":") return false;
    int noun = t + 2;
    if (tokens_[noun].norm == "la" || tokens_[noun].norm == "le" || tokens_[noun].norm == "l'") {
      ++noun;
    }
    const int length = lex_.words(cues::WordClass::kSpeechNoun).LongestAt(tokens_, noun, nullptr);
    if (length == 0) return false;
    int at = noun + length;
    // "le cri d'alarme", "l'appel solennel du maire": one adjective.
    if (at + 1 < s.end_token && tokens_[at].type == Token::kWord && !tokens_[at].capitalized &&
        a_.mention_at[at] < 0 && !cues::IsDeOrItsContraction(tokens_[at].norm.str()) &&
        cues::IsDeOrItsContraction(tokens_[at + 1].norm.str())) {
      ++at;
    }
    if (at >= s.end_token) return false;
    const int m = MentionOfTheComplementAt(at);
    if (m < 0) return false;
    const Mention& speaker = a_.mentions[m];
    if (speaker.kind == Mention::kPronoun || speaker.plural ||
        !(IsPersonMention(speaker) || (speaker.is_org && speaker.kind == Mention::kName))) {
      return false;
    }
    const int end = speaker.end_token;
    if (end < s.end_token && tokens_[end].type == Token::kWord &&
        (!lex_.Is(cues::WordClass::kPreposition, tokens_[end]) || FiniteCueIn(end, s.end_token))) {
      return false;
    }
    Set(q, m, -1, "speech_noun_after_the_colon", 0.7);
    return true;
  }

  // The mention a complement opening at token `at` names: "du Kremlin"
  // (the contracted article is the mention's), "de Jens Stoltenberg"; or -1.
  int MentionOfTheComplementAt(int at) const {
    const Norm& of = tokens_[at].norm;
    int m = -1;
    if (of == "du" || of == "des") m = a_.mention_at[at];
    if (m < 0 && (of == "de" || of == "d'") && Valid(at + 1)) m = a_.mention_at[at + 1];
    return m;
  }

  // The speaker that a clause from `first` to `end` opening on a noun of
  // speech names ("La réponse de Matignon ne s'est pas fait attendre",
  // "Réplique immédiate de l'élue"), or -1.
  int SpeakerOfASpeechNoun(int first, int end) const {
    const int t = end + 1;  // Where the quotation would stand after a colon.
    // A definite article may open it, and a short predicate follow the
    // speaker.
    int noun = first;
    const bool article = noun + 1 < t && (tokens_[noun].norm == "la" || tokens_[noun].norm == "le" ||
                                          tokens_[noun].norm == "l'");
    if (article) ++noun;
    if (noun + 2 >= t || !lex_.Is(cues::WordClass::kSpeechNoun, tokens_[noun])) return -1;
    // "Réplique immédiate de l'élue :": one adjective may follow the noun.
    int at = noun + 1;
    if (at + 2 < t && tokens_[at].type == Token::kWord && !tokens_[at].capitalized &&
        a_.mention_at[at] < 0 && lex_.FormsOf(tokens_[at].norm) == nullptr &&
        (tokens_[at + 1].norm == "de" || tokens_[at + 1].norm == "d'" || tokens_[at + 1].norm == "du" ||
         tokens_[at + 1].norm == "des")) {
      ++at;
    }
    const int m = MentionOfTheComplementAt(at);
    if (m < 0 || a_.mentions[m].kind == Mention::kPronoun) return -1;
    if (!IsPersonMention(a_.mentions[m]) && !(article && a_.mentions[m].kind == Mention::kName)) {
      return -1;
    }
    // "Réaction de la maire, Anne Dupré :": the name in apposition may end it.
    const int apposed = a_.mentions[m].apposed;
    const int named_end = apposed > m
                              ? std::max(a_.mentions[m].end_token, a_.mentions[apposed].end_token)
                              : a_.mentions[m].end_token;
    bool ends = named_end == end;
    // "Réplique de Sergueï Lavrov, quelques heures plus tard :": a few
    // words after a comma that name nobody.
    constexpr int kMaxAdjunct = 6;
    if (!ends && !article && tokens_[named_end].norm == "," && end - named_end - 1 <= kMaxAdjunct &&
        end > named_end + 1) {
      ends = true;
      for (int k = named_end + 1; ends && k < end; ++k) {
        ends = tokens_[k].type == Token::kWord && a_.mention_at[k] < 0;
      }
    }
    if (!ends && article) {
      // A few words that name nobody: "ne s'est pas fait attendre", "a été
      // immédiate"; after a comma, a bare apposition ("pêcheur à Étel").
      constexpr int kMaxPredicate = 12;
      ends = end - named_end <= kMaxPredicate;
      for (int k = named_end; ends && k < end; ++k) {
        const int other = a_.mention_at[k];
        // A bare apposition ("pêcheur") and a place ("à Étel") name no one else.
        const bool apposition = other >= 0 && a_.mentions[other].kind == Mention::kDescription &&
                                a_.mentions[other].first_token == named_end + 1 &&
                                tokens_[named_end].norm == ",";
        const bool place = other >= 0 && a_.mentions[other].kind == Mention::kName &&
                           a_.mentions[other].is_org && k > 0 &&
                           (tokens_[k - 1].norm == "à" || tokens_[k - 1].norm == "en");
        if ((other >= 0 && !apposition && !place) ||
            (tokens_[k].type != Token::kWord && tokens_[k].norm != ",")) {
          ends = false;
        }
      }
    }
    return ends ? PreferName(m) : -1;
  }

  // "Même tonalité chez le Norvégien : « … »", "Autre son de cloche chez
  // la ministre : « … »", "Même constat pour X : « … »": a short sentence
  // with no reporting verb, whose last words before the colon are "chez"
  // (or "pour") and the one whose words follow.
  bool ChezBeforeAColon(int q) {
    const int t = TokenOf(q);
    if (!AfterAColonOfItsSentence(t)) return false;
    const Sentence& s = SentenceOf(q);
    constexpr int kMaxWordsBefore = 8;
    const int m = PersonAfterChez(s.first_token, t - 1);
    if (m < 0) return false;
    const int chez = a_.mentions[m].first_token - 1;  // PersonAfterChez found "chez" there.
    if (chez > s.first_token + kMaxWordsBefore) return false;
    for (int k = s.first_token; k < chez; ++k) {
      if (tokens_[k].type != Token::kWord || lex_.FormsOf(tokens_[k].norm) != nullptr) return false;
    }
    Set(q, PreferName(m), -1, "chez_before_colon", 0.7);
    return true;
  }

  // The person mention after "chez" or "pour" that ends right before the
  // colon at `colon`, or before a comma and an apposition with no verb
  // that runs to it ("chez Nadège Rouxel, déléguée CGT et sans lien avec
  // … :") or a relative clause on it; or -1.
  int PersonAfterChez(int first, int colon) const {
    constexpr int kMaxApposition = 24;
    for (int k = colon - 1; k > first && k >= colon - kMaxApposition; --k) {
      if (tokens_[k].type == Token::kQuote) return -1;
      if (tokens_[k].norm != "chez" && tokens_[k].norm != "pour") continue;
      const int m = a_.mention_at[k + 1];
      if (m < 0 || a_.mentions[m].first_token != k + 1 || !IsPersonMention(a_.mentions[m]) ||
          a_.mentions[m].kind == Mention::kPronoun) {
        return -1;
      }
      const int end = a_.mentions[m].end_token;
      if (end == colon) return m;
      if (tokens_[end].norm != ",") return -1;
      // "pour Claire Dumas, qui tient le bar-tabac depuis dix ans :": the
      // verbs of a relative clause on the person are theirs.
      if (end + 1 < colon && tokens_[end + 1].norm == "qui") return m;
      for (int w = end + 1; w < colon; ++w) {
        if (lex_.FormsOf(tokens_[w].norm) != nullptr || lex_.AuxiliaryOf(tokens_[w].norm) != nullptr) return -1;
      }
      return m;
    }
    return -1;
  }

  static bool IsPersonMention(const Mention& m) { return MayNameAPerson(m); }

  // Whether the cue's verb opens on "ce que" and its own subject
  // ("ce que Washington reproche").
  bool ObjectOfTheVerbBefore(int c) const {
    int k = a_.cues[c].first_token - 1;
    const int subject = subjects_.of_cue[c];
    if (subject >= 0 && a_.mentions[subject].end_token == k + 1) k = a_.mentions[subject].first_token - 1;
    return Valid(k - 1) && (tokens_[k].norm == "que" || tokens_[k].norm == "qu'") && tokens_[k - 1].norm == "ce";
  }

  // A relative pronoun right before the cue, or before one or two clitic
  // pronouns ("qui redoutent", "qui lui ont dit").
  bool InRelativeClause(const Cue& cue) const {
    for (int k = cue.first_token - 1; k >= 0 && k >= cue.first_token - 3; --k) {
      const Token& tok = tokens_[k];
      if (lex_.Is(cues::WordClass::kRelative, tok)) return true;
      const int m = a_.mention_at[k];
      if (tok.type != Token::kWord || (m >= 0 && a_.mentions[m].kind != Mention::kPronoun)) {
        return false;
      }
    }
    return false;
  }

  // "Paul Dupont : « ... »" in a headline or at the start of a paragraph.
  // "Ardèche : « … »": one capitalised word of no known gender, unknown
  // to the base and no organisation's, that no name of the body repeats,
  // is the rubric (a place, a topic), not whoever speaks.
  bool RubricWord(int m) const {
    const Mention& word = a_.mentions[m];
    if (word.kind != Mention::kName || word.end_token != word.first_token + 1 || word.gender != 0 ||
        word.is_org || !word.speakers.empty()) {
      return false;
    }
    const Norm& norm = tokens_[word.first_token].norm;
    constexpr size_t kLooked = 512;  // Bounded: a headline's name recurs early.
    for (size_t other = m + 1; other < a_.mentions.size() && other <= m + kLooked; ++other) {
      const Mention& later = a_.mentions[other];
      // Alone again, it may be a menu's or a dateline's; a speaker's name
      // comes back in full, or as the subject of a verb.
      if (later.kind != Mention::kName ||
          (later.end_token == later.first_token + 1 && !subjects_.of_some_cue[other])) {
        continue;
      }
      for (int k = later.first_token; k < later.end_token; ++k) {
        if (tokens_[k].norm == norm) return false;
      }
    }
    return true;
  }

  bool HeadlineColon(int q) {
    int t = TokenOf(q);
    if (!Valid(t - 2) || tokens_[t - 1].norm != ":") return false;
    int m = a_.mention_at[t - 2];
    if (m < 0 || a_.mentions[m].end_token != t - 1) return false;
    // The colon may end the paragraph before the quotation ("… le débat
    // est loin d'être tranché à Séoul :"): the facts are the colon's
    // sentence's.
    const int colon_sentence = tokens_[t - 1].sentence;
    Facts& facts = FactsOfSentence(colon_sentence);
    // "Blinken à Paris : « ... »": a place before the colon; the person
    // the headline starts with speaks.
    // An organisation that does not start the line is a place or an
    // object ("X arrache le nul à Castelviel : « ... »"): no speaker then.
    // So is a name after a preposition that nothing marks as a person's
    // ("Cyberattaque à l'hôpital de Montérac : « ... »"; not "le message
    // de Claire Martin : « ... »").
    const int before_name = a_.mentions[m].first_token - 1;
    const bool complement =
        Valid(before_name) && a_.mentions[m].kind == Mention::kName && a_.mentions[m].gender == 0 &&
        a_.mentions[m].speakers.empty() &&
        (lex_.Is(cues::WordClass::kPreposition, tokens_[before_name]) || tokens_[before_name].norm == "de" ||
         tokens_[before_name].norm == "d'");
    if ((a_.mentions[m].is_org && a_.mentions[m].kind == Mention::kName) || complement) {
      const int first = facts.first_person_name;
      // "Handball : X s'incline à Y : « ... »": a rubric is not a person;
      // a first name, a full name or a known speaker makes one.
      const bool person = first >= 0 && (a_.mentions[first].gender != 0 ||
                                         a_.mentions[first].end_token - a_.mentions[first].first_token >= 2 ||
                                         !a_.mentions[first].speakers.empty());
      if (person && a_.mentions[first].first_token < a_.mentions[m].first_token) {
        m = first;
      } else if (a_.mentions[m].first_token > a_.sentences[colon_sentence].first_token) {
        return false;
      }
    }
    const Mention& mention = a_.mentions[m];
    int named = PreferName(m);
    if (a_.mentions[named].kind != Mention::kName && mention.kind != Mention::kRole) return false;
    if (RubricWord(named)) return false;
    // Nothing but the name (and an apposition) before the colon... or page
    // furniture glued to it: no reporting verb in between.
    if (facts.first_cue_end <= t - 1) return false;
    Set(q, named, -1, "headline_colon", 0.85);
    return true;
  }

  // "« ... » (Stoltenberg)".
  bool HeadlineParenthesis(int q) {
    int t = TokenOf(q);
    if (!Valid(t + 3) || tokens_[t + 1].norm != "(") return false;
    int m = a_.mention_at[t + 2];
    if (m < 0 || a_.mentions[m].first_token != t + 2 || a_.mentions[m].kind != Mention::kName) {
      return false;
    }
    int end = a_.mentions[m].end_token;
    if (!Valid(end) || tokens_[end].norm != ")") return false;
    // Only as a headline's signature: nothing follows on the line.
    if (Valid(end + 1) && !tokens_[end + 1].line_start) return false;
    Set(q, m, -1, "headline_parenthesis", 0.8);
    return true;
  }

  // "Donald Trump avait été « direct » sur ce point, a déclaré X": a
  // reporting clause closing the sentence governs it, whoever its subject.
  bool PostposedFrame(int q) {
    int t = TokenOf(q);
    const Sentence& s = SentenceOf(q);
    const int cues = static_cast<int>(a_.cues.size());
    for (int c = next_frame_[FirstCueFrom(t + 1)]; c < cues; c = next_frame_[c + 1]) {
      const Cue& cue = a_.cues[c];
      if (cue.first_token >= s.end_token) return false;
      if (cue.end_token > s.end_token) continue;
      if (OpenedByAColonBeforeAnother(t, c)) return false;
      Set(q, subjects_.of_cue[c], c, "postposed_reporting_clause", 0.8);
      return true;
    }
    return false;
  }

  // "selon X", "d'après X", "Pour X, « ... »".
  // "Selon un diplomate, le secrétaire général a jugé « cynique » ...":
  // the source reports what the subject of a reporting verb after it said,
  // and the quotation is that verb's.
  // "Pour Han Ji-woo, chercheuse …, le débat est loin d'être tranché :"
  // ending a paragraph, and the quotation opening the next: the source is
  // the one cue of the colon's sentence.
  bool SourceBeforeAColonEndingTheParagraph(int q, int t) {
    if (!Valid(t - 1) || tokens_[t - 1].norm != ":" || tokens_[t - 1].sentence == tokens_[t].sentence) {
      return false;
    }
    const Facts& before = FactsOfSentence(tokens_[t - 1].sentence);
    const int c = before.source_cue;
    if (c < 0 || before.sole_cue != c || subjects_.of_cue[c] < 0) return false;
    Set(q, subjects_.of_cue[c], c, "source_preposition", 0.8);
    return true;
  }

  // Whether a mention describes a document ("le communiqué de …", "le
  // rapport"), which speaks for whoever issued it.
  bool IsDocument(const Mention& m) const {
    return m.kind == Mention::kDescription && m.is_org &&
           lex_.FeaturesOf(cues::WordClass::kDocumentNoun, m.head) != nullptr;
  }

  // Whether the subject of sentence `s`, before quotation q's colon, is a
  // document of a body ("le rapport de …", "le communiqué de …") that opens
  // the sentence, the quotation ending it with no cue of another subject.
  bool DocumentQuotedAfterColon(int q, int subject, const Sentence& s) {
    const Mention& m = a_.mentions[subject];
    if (!IsDocument(m) || m.first_token != s.first_token || m.end_token <= m.first_token + 2) {
      return false;
    }
    const int t = TokenOf(q);
    const bool ends = t + 1 == s.end_token || (t + 2 == s.end_token && tokens_[t + 1].type == Token::kPunct);
    if (!ends) return false;
    const int cues = static_cast<int>(a_.cues.size());
    for (int c = FirstCueFrom(s.first_token); c < cues && a_.cues[c].first_token < t; ++c) {
      if (subjects_.of_cue[c] >= 0 && subjects_.of_cue[c] != subject) return false;
    }
    return true;
  }

  // "son porte-parole", "ses proches": a description of someone by their
  // tie to another person.
  bool OpensOnAPossessive(int m) const { return m >= 0 && cues::OpensOnAPossessive(lex_, a_, a_.mentions[m]); }

  // Whether one of the next few quotations of the sentence starts at or
  // after token `from` ("X a dénoncé un projet « A » que d'autres appellent
  // « B », et où, selon elle, « C »"); bounded, so that a sentence of
  // thousands of quotations stays linear.
  bool QuotationAfterInSentence(int q, int from, int sentence_end) const {
    constexpr int kLookedAhead = 4;
    const int quotes = static_cast<int>(a_.quotes.size());
    for (int k = q + 1; k < quotes && k <= q + kLookedAhead; ++k) {
      const int token = TokenOf(k);
      if (token >= sentence_end) return false;
      if (token >= from) return true;
    }
    return false;
  }

  // Whether the word `norm` is among tokens [from, to).
  bool WordBetween(int from, int to, std::string_view norm) const {
    for (int k = from; k < to; ++k) {
      if (tokens_[k].norm == norm) return true;
    }
    return false;
  }

  // Whether tokens [from, to) are at most `max_words` words, with no
  // punctuation or quotation among them.
  bool WordsOnlyBetween(int from, int to, int max_words) const {
    if (to - from > max_words) return false;
    for (int k = from; k < to; ++k) {
      if (tokens_[k].type != Token::kWord) return false;
    }
    return true;
  }

  // Whether tokens [from, to) are a short object noun phrase, with maybe an
  // adjunct before it, that the quotation at `to` qualifies: words only,
  // a determiner among them, and no preposition or determiner right
  // before the quotation ("de façon « explicite »" is a manner).
  bool ObjectThenQuotation(int from, int to) const {
    constexpr int kMaxWords = 8;
    if (to <= from || !WordsOnlyBetween(from, to, kMaxWords)) return false;
    const Token& before = tokens_[to - 1];
    if (lex_.Is(cues::WordClass::kPreposition, before) ||
        lex_.Is(cues::WordClass::kDeterminer, before) || before.norm == "de" ||
        before.norm == "d'") {
      return false;
    }
    bool object = false;
    for (int k = from; k < to - 1; ++k) {
      // "a assuré à son visiteur que les soldats avaient agi « … »": the
      // words of another clause.
      if (tokens_[k].norm == "que" || tokens_[k].norm == "qu'") return false;
      if (tokens_[k].norm != "de" && tokens_[k].norm != "d'" &&
          lex_.Is(cues::WordClass::kDeterminer, tokens_[k])) {
        object = true;
      }
    }
    return object;
  }

  // Whether "que" opens a clause a few words after token `from` ("a assuré
  // devant les élus que"), before token `to`, with no comma or quotation
  // on the way.
  bool QueClauseOpensBetween(int from, int to) const {
    constexpr int kMaxWords = 6;
    for (int k = from; k < to && k <= from + kMaxWords; ++k) {
      const Token& token = tokens_[k];
      if (token.norm == "que" || token.norm == "qu'") return true;
      if (token.type != Token::kWord) return false;
    }
    return false;
  }

  // Whether a description is tied by a possessive to someone else ("son
  // porte-parole", "un responsable de sa délégation").
  bool OfTheSubjectsSide(const Mention& m) const {
    if (m.kind != Mention::kDescription && m.kind != Mention::kRole) return false;
    if (cues::OpensOnAPossessive(lex_, a_, m)) return true;
    const int k = m.end_token;
    if (!Valid(k + 2) || (tokens_[k].norm != "de" && tokens_[k].norm != "d'")) return false;
    const cues::WordFeatures* f =
        lex_.FeaturesOf(cues::WordClass::kDeterminer, tokens_[k + 1].norm);
    return f != nullptr && f->possessive;
  }

  bool SourcePreposition(int q) {
    const int c = FactsOf(q).source_cue;
    const int t = TokenOf(q);
    if (c < 0) return SourceBeforeAColonEndingTheParagraph(q, t);
    const int cues = static_cast<int>(a_.cues.size());
    // "X a déploré « A », qui seront selon elle « B »": a source after the
    // quotation and before another one does not take it from the reporting
    // verb before it ("« A », selon les mots de Y" does).
    const Sentence& s = SentenceOf(q);
    // "Le président a plaidé pour une présence « … », selon un communiqué
    // de la présidence": a document after the quotation only says where
    // the reporting verb's subject said it.
    const int source = subjects_.of_cue[c];
    // "… a approuvé une réforme « … », selon un responsable de sa
    // délégation": someone of the subject's own side only passes the words on.
    const bool document_after =
        a_.cues[c].first_token > t && source >= 0 &&
        (IsDocument(a_.mentions[source]) || OfTheSubjectsSide(a_.mentions[source]));
    if (a_.cues[c].first_token > t &&
        (document_after || QuotationAfterInSentence(q, a_.cues[c].end_token, s.end_token))) {
      for (int other = FirstCueFrom(s.first_token); other < c; ++other) {
        const Cue& cue = a_.cues[other];
        if (cue.end_token <= t && cue.form != Cue::kSource && !cue.negated &&
            subjects_.of_cue[other] >= 0 && !subjects_.postposed[other]) {
          return false;
        }
      }
    }
    for (int other = c + 1; other < cues; ++other) {
      const Cue& cue = a_.cues[other];
      if (cue.first_token >= t) break;
      if (cue.form == Cue::kSource || cue.negated || cue.first_token <= a_.cues[c].first_token) {
        continue;
      }
      // Only when the quotation is the verb's own complement, right after
      // it: in "Selon lui, X a exprimé de façon « explicite » ses attentes"
      // the manner is the source's word.
      const int subject = subjects_.of_cue[other];
      // "Selon son porte-parole, il a assuré que Séoul « prendra sa part »":
      // someone's own spokesman or entourage only passes their words on.
      // "Selon son porte-parole, X, le président a souligné que son pays
      // menait « … »": the clause after "que" is the verb's own too, when
      // no other verb of speech comes before the quotation.
      // Not for a bare description ("le chef de l'armée"), which may be
      // anyone the source speaks of.
      const bool in_its_que_clause = subject >= 0 &&
                                     a_.mentions[subject].kind != Mention::kDescription &&
                                     QueClauseOpensBetween(cue.end_token, t) &&
                                     (other + 1 >= cues || a_.cues[other + 1].first_token >= t);
      // "a qualifié de « … »", and "D'après Le Monde, le ministre aurait
      // qualifié la mesure de « bricolage »": "de" right after the verb or
      // after its object of a few words.
      const bool de_after_the_verb = cue.end_token <= t - 1 &&
                                     (tokens_[t - 1].norm == "de" || tokens_[t - 1].norm == "d'") &&
                                     WordsOnlyBetween(cue.end_token, t - 1, 5);
      // "Selon un diplomate, le secrétaire d'État a jugé en séance
      // l'engagement de certains membres « très en dessous … »": the words
      // that qualify the verb's object, a few words on, are the verb's.
      const bool qualifies_its_object = ObjectThenQuotation(cue.end_token, t);
      const bool right_after =
          cue.end_token == t || de_after_the_verb || qualifies_its_object ||
          (cue.end_token == t - 1 && lex_.Is(cues::WordClass::kDeterminer, tokens_[t - 1])) ||
          in_its_que_clause || OpensOnAPossessive(subjects_.of_cue[c]);
      if (subject >= 0 && subject != subjects_.of_cue[c] && !subjects_.postposed[other] &&
          right_after && !(a_.cues[c].first_token == s.first_token && IsGroup(a_.mentions[subject]))) {
        return false;
      }
    }
    // "Selon Anne Roy, qui cite Paul Morin, le projet est « mort »": whom
    // the source quotes.
    const int cited = CitedByTheSource(c, t);
    if (cited >= 0) {
      Set(q, cited, c, "source_citing", 0.8);
      return true;
    }
    Set(q, subjects_.of_cue[c], c, "source_preposition", 0.85);
    return true;
  }

  // The object of a verb that passes words on ("cite", "rapporte") in a
  // relative clause right after the source of cue c, ended by a comma
  // before the quotation at t; or -1.
  int CitedByTheSource(int c, int t) const {
    const int source = subjects_.of_cue[c];
    if (source < 0) return -1;
    const int end = a_.mentions[source].end_token;
    if (end + 3 >= t || tokens_[end].norm != "," || tokens_[end + 1].norm != "qui") return -1;
    const int d = FirstCueFrom(end + 2);
    if (d >= static_cast<int>(a_.cues.size()) || a_.cues[d].first_token != end + 2 ||
        std::string_view(a_.cues[d].category) != "relay") {
      return -1;
    }
    for (int k = a_.cues[d].end_token; k < t; ++k) {
      if (tokens_[k].norm == ",") return ObjectEndingAt(a_.cues[d].end_token, k);
    }
    return -1;
  }

  // "…, Stoltenberg « regrette » mais ne recule pas": the quoted words open
  // on a reporting verb whose subject stands right before the mark.
  bool QuotedVerbOfItsSubject(int q) {
    const int t = TokenOf(q);
    const Quote& quote = a_.quotes[q];
    constexpr int kMaxWords = 4;
    if (quote.depth > 0 || !Valid(t - 1) || WordCount(quote.text, kMaxWords + 1) > kMaxWords) return false;
    const int m = a_.mention_at[t - 1];
    if (m < 0 || a_.mentions[m].end_token != t || !IsPersonMention(a_.mentions[m]) ||
        a_.mentions[m].kind == Mention::kPronoun) {
      return false;
    }
    const int before = a_.mentions[m].first_token - 1;
    if (before >= SentenceOf(q).first_token && tokens_[before].norm != "," && tokens_[before].norm != ":") {
      return false;
    }
    const std::string_view text = quote.text;
    const std::string first_word = FoldCase(text.substr(0, std::min(text.find(' '), text.size())));
    if (!IsFiniteReportingForm(first_word)) return false;
    Set(q, PreferName(m), -1, "quoted_verb_of_its_subject", 0.75);
    return true;
  }

  // A plural description or an organisation: who acts, not who speaks,
  // under a source that opens the sentence.
  static bool IsGroup(const Mention& m) { return m.plural || m.is_org; }

  // Whether the sentence of quotation q opens on a source ("Selon lui,")
  // and every reporting verb with a subject between it and q has a group
  // for subject.
  bool SourceOpeningTheSentenceOverGroups(int q) {
    const int source = FactsOf(q).source_cue;
    const int t = TokenOf(q);
    const Sentence& s = SentenceOf(q);
    if (source < 0 || a_.cues[source].first_token != s.first_token || a_.cues[source].end_token > t ||
        subjects_.of_cue[source] < 0) {
      return false;
    }
    bool any = false;
    const int cues = static_cast<int>(a_.cues.size());
    for (int c = source + 1; c < cues && a_.cues[c].first_token < t; ++c) {
      const int subject = subjects_.of_cue[c];
      if (subject < 0 || a_.cues[c].form == Cue::kSource) continue;
      if (!IsGroup(a_.mentions[subject])) return false;
      any = true;
    }
    return any;
  }

  // "X a estimé « vraiment important » que...": the first reporting verb
  // before the quotation in its sentence, the outermost one, speaks.
  // "... alors que la Russie a salué un diagnostic « sincère »": the clause
  // of the quotation first, then its sentence.
  bool Complement(int q) {
    int t = TokenOf(q);
    const Sentence& s = SentenceOf(q);
    // "Selon lui, les Occidentaux refusent de « … »": a source that opens
    // the sentence reports what a group or an organisation does; "Selon un
    // diplomate, le secrétaire général a jugé « … »" relays a person's words.
    if (SourceOpeningTheSentenceOverGroups(q)) return false;
    const int cues = static_cast<int>(a_.cues.size());
    // "X a plaidé pour que l'Alliance traite la mer Noire comme « … »":
    // the verb of a clause of purpose says what X wants done, not who
    // speaks; the sentence's verb does.
    int clause = ClauseStart(q);
    if (OpensAClauseOfPurpose(clause)) clause = s.first_token;
    for (int from : {clause, s.first_token}) {
      for (int c = next_complement_[FirstCueFrom(from)]; c < cues; c = next_complement_[c + 1]) {
        const Cue& cue = a_.cues[c];
        if (cue.first_token >= t) break;  // Then it also ends after t.
        if (cue.end_token > t) continue;
        // "Il a rappelé que les vingt-neuf alliés avaient qualifié l'attaque
        // de « … »": the verb of the clause after "que" governs the words,
        // and its subject, which no rule named, says them.
        const int inner = ReportingVerbOfAClauseAfterQue(cue.end_token, t);
        if (inner >= 0 && !ReadoutOfAMeeting(c, inner)) {
          Set(q, -1, inner, kUnnamedSubjectsWords, 0.5);
          return true;
        }
        const int own = ClauseOfItsOwnAfter(c, t);
        if (own >= 0) c = own;
        if (RelativeWithAnObjectPronounBetween(a_.cues[c].end_token, t)) return false;
        Set(q, subjects_.of_cue[c], c, "reporting_verb_complement", 0.8);
        return true;
      }
      // "Au Kremlin, on évoquait un « … », tandis que plusieurs
      // commentateurs raillaient les « … »": the clause has a reporting
      // verb of its own, whose subject went unfound; not the one before.
      if (from == clause && clause > s.first_token && FiniteCueIn(clause, t)) return false;
    }
    return false;
  }

  // "X a répondu à Y, qui l'accusait de « … »": a relative clause whose
  // verb an object pronoun hides from the cue finder governs the words;
  // its antecedent, not the verb before, may have said them.
  bool RelativeWithAnObjectPronounBetween(int from, int t) const {
    for (int k = from + 1; k + 1 < t; ++k) {
      if (tokens_[k].norm != "qui" || tokens_[k - 1].norm != ",") continue;
      const Norm& next = tokens_[k + 1].norm;
      if (next == "l'" || next == "le" || next == "la" || next == "les" || next == "lui" ||
          next == "leur" || next == "nous" || next == "vous") {
        return true;
      }
    }
    return false;
  }

  // Verbs whose subject utters the words ("qualifier de", "dénoncer"),
  // not those that report a stance or a fact ("s'engager à", "signifier").
  static bool IsASpeechAct(const Cue& cue) {
    const std::string& k = cue.category;
    return k == "say" || k == "judge" || k == "criticize" || k == "accuse" || k == "praise" || k == "warn" ||
           k == "deny" || k == "argue" || k == "explain" || k == "emphasize";
  }

  // "Angela Merkel a répondu à Donald Trump, qui avait qualifié
  // l'Allemagne de « … »": cue d opens a relative clause on a person (or
  // a named organisation) named after cue c, who is its subject. A name
  // of no known gender may be an organisation's the rules did not see,
  // which a later pronoun would then take for the last speaker.
  bool RelativeOnItsSubject(int c, int d) const {
    const int subject = subjects_.of_cue[d];
    const int k = a_.cues[d].first_token;
    if (k < 2 || tokens_[k - 1].norm != "qui" || tokens_[k - 2].norm != ",") return false;
    const Mention& m = a_.mentions[subject];
    return m.end_token == k - 2 && m.first_token > a_.cues[c].end_token && !m.plural &&
           (m.is_org ? m.kind == Mention::kName : m.gender != 0 || !m.speakers.empty()) &&
           subject != subjects_.of_cue[c];
  }

  // "Mike Pence rassure les Alliés, Stoltenberg salue « … »": after the
  // outermost verb c, a comma opens a clause of its own, a named person
  // and a reporting verb that governs the words (or a relative clause on
  // a person, see RelativeOnItsSubject); that verb, or -1.
  int ClauseOfItsOwnAfter(int c, int t) const {
    int found = -1;
    const int cues = static_cast<int>(a_.cues.size());
    for (int d = next_complement_[c + 1]; d < cues && a_.cues[d].first_token < t;
         d = next_complement_[d + 1]) {
      const int subject = subjects_.of_cue[d];
      if (a_.cues[d].end_token > t || a_.cues[d].form != Cue::kFinite || subject < 0) continue;
      const Mention& m = a_.mentions[subject];
      if (RelativeOnItsSubject(c, d)) {
        found = d;
        continue;
      }
      if (m.kind != Mention::kName || IsGroup(m) || m.first_token <= a_.cues[c].end_token ||
          m.first_token >= a_.cues[d].first_token || tokens_[m.first_token - 1].norm != "," ||
          m.apposed >= 0 || WordBetween(m.end_token, a_.cues[d].first_token, ",")) {
        continue;
      }
      found = d;
    }
    return found;
  }

  // "X a répété que les alliés ne céderaient pas et a jugé … « … »": after
  // "et", an auxiliary whose number is not that of the clause's subject
  // (its determiner at `determiner`) goes with the verb before "que".
  bool CoordinatedWithTheMainVerb(int determiner, const Cue& cue) const {
    if (!Valid(cue.first_token - 1) || tokens_[cue.first_token - 1].norm != "et") return false;
    const cues::AuxiliaryForm* aux = lex_.AuxiliaryOf(tokens_[cue.first_token].norm);
    const cues::WordFeatures* f =
        lex_.FeaturesOf(cues::WordClass::kDeterminer, tokens_[determiner].norm);
    return aux != nullptr && f != nullptr && aux->plural != f->plural;
  }

  // A finite verb of speech with no subject found, in a clause that
  // "que" and a noun phrase open between `first` and the quotation at `t`;
  // or -1. Bounded, as a clause about its subject is short.
  int ReportingVerbOfAClauseAfterQue(int first, int t) const {
    constexpr int kMaxClause = 30;
    if (t - first > kMaxClause) return -1;
    for (int k = first; k + 1 < t; ++k) {
      if ((tokens_[k].norm != "que" && tokens_[k].norm != "qu'") ||
          !lex_.Is(cues::WordClass::kDeterminer, tokens_[k + 1])) {
        continue;
      }
      const int cues = static_cast<int>(a_.cues.size());
      for (int c = FirstCueFrom(k + 2); c < cues && a_.cues[c].first_token < t; ++c) {
        if (a_.cues[c].end_token <= t && a_.cues[c].form == Cue::kFinite && subjects_.of_cue[c] < 0 &&
            IsASpeechAct(a_.cues[c])) {
          if (CoordinatedWithTheMainVerb(k + 1, a_.cues[c])) return -1;
          return c;
        }
      }
      return -1;
    }
    return -1;
  }

  // "la présidence turque a indiqué que les deux hommes avaient évoqué
  // « … »": an organisation's account of what the two sides of a meeting
  // said; neither said those words alone, and the account is the
  // organisation's.
  bool ReadoutOfAMeeting(int outer, int inner) const {
    const int subject = subjects_.of_cue[outer];
    if (subject < 0 || !a_.mentions[subject].is_org) return false;
    const int k = a_.cues[inner].first_token;
    return k >= 3 && tokens_[k - 3].norm == "les" && tokens_[k - 2].norm == "deux" &&
           tokens_[k - 1].type == Token::kWord;
  }

  // Whether a finite or inverted reporting verb ends in [first, end), with
  // a subject found when `with_subject`.
  bool FiniteCueIn(int first, int end, bool with_subject = false) const {
    const int cues = static_cast<int>(a_.cues.size());
    for (int c = FirstCueFrom(first); c < cues && a_.cues[c].first_token < end; ++c) {
      const Cue& cue = a_.cues[c];
      if (cue.end_token <= end && (cue.form == Cue::kFinite || cue.form == Cue::kInverted) &&
          (!with_subject || subjects_.of_cue[c] >= 0)) {
        return true;
      }
    }
    return false;
  }

  // Where the clause holding quotation q starts: after the last "alors
  // que", "tandis que", "mais"... before it in its sentence. Computed for
  // every token of the sentence at once, the first time it is asked.
  int ClauseStart(int q) {
    const int t = TokenOf(q);
    const int sentence = tokens_[t].sentence;
    const Sentence& s = a_.sentences[sentence];
    Facts& facts = FactsOf(q);
    if (!facts.clauses_known) {
      facts.clauses_known = true;
      if (clause_start_.empty()) clause_start_.assign(tokens_.size(), 0);
      const cues::PhraseMatcher& boundaries = lex_.words(cues::WordClass::kClauseBoundary);
      int start = s.first_token;
      for (int k = s.first_token; k < s.end_token; ++k) {
        clause_start_[k] = start;  // From the boundaries ending before k.
        if (k > s.first_token && tokens_[k].type == Token::kWord) {
          const int len = boundaries.LongestEndingAt(tokens_, k + 1);
          if (len > 0) start = k + 1 - len;
        }
      }
    }
    return clause_start_[t];
  }

  // Whether "pour que" or "afin que" (or "qu'") stands at k.
  bool OpensAClauseOfPurpose(int k) const {
    return Valid(k + 1) && (tokens_[k].norm == "pour" || tokens_[k].norm == "afin") &&
           (tokens_[k + 1].norm == "que" || tokens_[k + 1].norm == "qu'");
  }

  bool Relay(int q) {
    const int c = FactsOf(q).relay_cue;
    if (c < 0) return false;
    Set(q, subjects_.of_cue[c], c, "relay", 0.6);
    return true;
  }

  // "Hostile à une réforme « précipitée », la sénatrice a réagi vivement":
  // every cue of the sentence has one speaker.
  bool SoleSpeakerOfSentence(int q) {
    const Facts& facts = FactsOf(q);
    if (facts.sole_cue < 0) return false;
    const int t = TokenOf(q);
    const Cue& cue = a_.cues[facts.sole_cue];
    if (cue.first_token > t && OpenedByAColonBeforeAnother(t, facts.sole_cue)) return false;
    // "le « plan d'action pour l'adhésion » que réclamait Washington": the
    // quotation is what the relative clause's verb asks for or speaks of,
    // not the words of its subject.
    if (cue.first_token == t + 2 && (tokens_[t + 1].norm == "que" || tokens_[t + 1].norm == "qu'")) return false;
    if (cue.end_token <= t && RelativeWithAnObjectPronounBetween(cue.end_token, t)) return false;
    // "un « coût indirect » affiché, et des estimations que l'État de New
    // York juge plus basses", "la « fatigue ukrainienne », dont on parlait
    // tant": a verb after the quotation, in a relative clause of its own
    // subject, speaks of something else.
    const int subject = subjects_.of_cue[facts.sole_cue];
    if (subject >= 0 && cue.first_token > t) {
      constexpr int kMaxSubjectWords = 3;  // "que la région Auvergne-Rhône-Alpes".
      const int first = a_.mentions[subject].first_token;
      for (int k = first - 1; k > t && k >= first - 1 - kMaxSubjectWords; --k) {
        if (tokens_[k].type != Token::kWord) break;
        const Norm& w = tokens_[k].norm;
        if (w == "que" || w == "qu'" || w == "dont") return false;
      }
    }
    Set(q, subjects_.of_cue[facts.sole_cue], facts.sole_cue, "sole_speaker_of_sentence", 0.6);
    return true;
  }

  // A medium passing words on ("a rapporté la chaîne NRK", "selon l'AFP")
  // yields to anyone else reported in the same sentence.
  bool IsRelay(int c) const {
    const Cue& cue = a_.cues[c];
    // A string_view, so that the comparisons are inline, not calls to
    // std::string::compare: asked of every cue several times.
    const std::string_view category = cue.category;
    if (category == "relay" || category == "report") return true;
    int m = subjects_.of_cue[c];
    if (m < 0) return false;
    const Mention& mention = a_.mentions[m];
    int from = std::max(a_.sentences[tokens_[mention.first_token].sentence].first_token,
                        mention.first_token - 3);
    // The mention itself and the words right before it, within its clause:
    // "la chaîne de télévision NBC", not "Interrogé par l'AFP, un responsable".
    for (int k = mention.end_token - 1; k >= from; --k) {
      if (k < mention.first_token && tokens_[k].type == Token::kPunct) break;
      if (lex_.Is(cues::WordClass::kMedia, tokens_[k])) return true;
    }
    return false;
  }

  // "Son invité s'en est tenu à une formule :", "Le ministre a eu ce mot :":
  // a noun phrase and a compound verb before the colon, a subject of its own
  // the rules could not name (not "Puis, quelques heures plus tard :").
  // "Le vieux docker ajoute :" too: a reporting verb's simple form right
  // before the colon, after a noun phrase the finders did not take for a
  // mention.
  bool OpensOnAClauseOfItsOwn(int first, int colon) const {
    if (first >= colon || !lex_.Is(cues::WordClass::kDeterminer, tokens_[first])) return false;
    for (int k = first + 1; k < colon; ++k) {
      if (tokens_[k].type != Token::kWord) continue;
      if (lex_.AuxiliaryOf(tokens_[k].norm) != nullptr) return true;
      // Not a noun spelt like one after its article: "devant la presse :".
      if (k + 1 == colon && !lex_.Is(cues::WordClass::kDeterminer, tokens_[k - 1]) &&
          IsFiniteReportingForm(tokens_[k].norm.str())) {
        return true;
      }
    }
    return false;
  }

  bool IsFiniteReportingForm(std::string_view word) const {
    const auto* forms = lex_.FormsOf(word);
    if (forms == nullptr) return false;
    for (const auto& form : *forms) {
      if (form.form->kind == cues::FormKind::kFinite) return true;
    }
    return false;
  }

  // Whether `sentence`, in `paragraph`, names nobody and holds a possessive
  // of the third person singular: narration about the one just heard.
  bool AboutTheSpeakerOnly(int sentence, int paragraph) {
    const Sentence& s = a_.sentences[sentence];
    if (s.paragraph != paragraph || FactsOfSentence(sentence).has_mention) return false;
    for (int k = s.first_token; k < s.end_token; ++k) {
      const Norm& w = tokens_[k].norm;
      if (w == "son" || w == "sa" || w == "ses") return true;
    }
    return false;
  }

  // A quotation standing alone, with no cue in its sentence, continues the
  // previous speaker when nothing was reported in between.
  void Continuation(int q) {
    int t = TokenOf(q);
    const Facts& facts = FactsOf(q);
    // "« C'est faux ! », a-t-on entendu": an incise of its own, even with
    // a verb the lexicon does not know.
    if (facts.has_cue || facts.has_clitic) return;
    const int prev = previous_quote_[q];
    if (prev < 0 || std::string_view(out_[prev].method) == "none") return;
    if (a_.quotes[q].paragraph - a_.quotes[prev].paragraph > 1) return;
    // Only quotations and punctuation before it in its sentence, or, in
    // the same paragraph, words naming nobody before a colon: "Puis,
    // quelques heures plus tard : « ... »".
    const bool colon_intro = Valid(t - 1) && tokens_[t - 1].norm == ":" && !facts.has_mention &&
                             a_.quotes[q].paragraph == a_.quotes[prev].paragraph &&
                             !OpensOnAClauseOfItsOwn(facts.first_word, t - 1);
    if (facts.first_word < t && !colon_intro) return;
    // No reporting verb between the two, outside the sentence of the first.
    const int prev_token = a_.quotes[prev].first_token;
    const int after_prev =
        std::max(prev_token + 1, a_.sentences[tokens_[prev_token].sentence].end_token);
    const int c = FirstCueFrom(after_prev);
    if (c < static_cast<int>(a_.cues.size()) && a_.cues[c].first_token < t) return;
    // Nor a sentence of narration: "La séance a été levée. « ... »".
    // Unless it is one sentence about the speaker, ending the speaker's
    // paragraph, that names nobody and says "son", "sa" or "ses": "…,
    // lance Josée Breton. Mardi matin, son évaporateur tournait depuis
    // l'aube. ¶ « … »".
    const int first_between = tokens_[prev_token].sentence + 1;
    for (int between = first_between; between < tokens_[t].sentence; ++between) {
      if (FactsOfSentence(between).first_word < a_.sentences[between].end_token &&
          !(between == first_between && between + 1 == tokens_[t].sentence &&
            AboutTheSpeakerOnly(between, a_.quotes[prev].paragraph))) {
        return;
      }
    }
    // "« Vingt ans, et tout tombe. » La phrase revenait dans les
    // délégations": a new paragraph whose next sentence talks about the
    // words as a phrase sets them apart from the speaker before.
    if (a_.quotes[q].paragraph != a_.quotes[prev].paragraph && NextSentenceOpensOnASpeechNoun(t)) return;
    // "« … », a lancé l'élu d'opposition. ¶ « … », a répliqué la maire. ¶
    // « Alors publiez les comptes rendus ! »": a paragraph of its own after
    // a reply takes the turn back to the one replied to.
    const int replied = RepliedTo(prev);
    if (replied >= 0 && a_.quotes[q].paragraph != a_.quotes[prev].paragraph &&
        OnlyQuotationOfItsParagraph(q)) {
      SetSameSpeakerAs(q, replied, "turn_back", 0.6);
      return;
    }
    SetSameSpeakerAs(q, prev, "continuation", 0.7);
  }

  // "Le Rassemblement national, par la voix de Jordan Bardella, a dénoncé
  // « … »", "Par la voix de son porte-parole, Dmitri Peskov, le Kremlin a
  // jugé …": the one whose voice it is speaks, when the reporting verb's
  // subject is an organisation.
  void ThroughTheVoiceOf(int q) {
    Attribution& at = out_[q];
    if (at.cue < 0 || at.mention < 0 || at.from_quote >= 0 || !a_.mentions[at.mention].is_org) {
      return;
    }
    const Sentence& s = SentenceOf(q);
    const int t = TokenOf(q);
    for (int k = s.first_token; k + 4 < t; ++k) {
      if (tokens_[k].norm != "par" || tokens_[k + 1].norm != "la" || tokens_[k + 2].norm != "voix") {
        continue;
      }
      const int m = MentionOfTheComplementAt(k + 3);
      if (m < 0 || a_.mentions[m].is_org || a_.mentions[m].kind == Mention::kPronoun ||
          !IsPersonMention(a_.mentions[m])) {
        return;
      }
      at.mention = PreferName(m);
      at.method = "through_the_voice_of";
      return;
    }
  }

  // The quotation that quotation `reply` answers: `reply` is given by an
  // incise whose verb answers ("a répliqué"), in the paragraph right after
  // that of the quotation before it, whose incise names someone else; or -1.
  int RepliedTo(int reply) const {
    const int before = previous_quote_[reply];
    if (before < 0 || a_.quotes[reply].paragraph - a_.quotes[before].paragraph != 1) return -1;
    const Attribution& at = out_[reply];
    // "¶ « Alors publiez ! » ¶ « Ils sont en ligne. »": the turns go on
    // alternating, a paragraph each.
    if (std::string_view(at.method) == "turn_back") return before;
    if (at.cue < 0 || at.mention < 0 || std::string_view(at.method) != "incise" ||
        a_.cues[at.cue].category != "answer") {
      return -1;
    }
    const Attribution& asked = out_[before];
    if (asked.mention < 0 || asked.mention == at.mention ||
        std::string_view(asked.method) != "incise") {
      return -1;
    }
    return before;
  }

  bool OnlyQuotationOfItsParagraph(int q) const {
    const int paragraph = a_.quotes[q].paragraph;
    const int prev = previous_quote_[q];
    const int next = q + 1 < static_cast<int>(a_.quotes.size()) ? q + 1 : -1;
    return (prev < 0 || a_.quotes[prev].paragraph != paragraph) &&
           (next < 0 || a_.quotes[next].paragraph != paragraph || a_.quotes[next].depth > 0);
  }

  // "X a contesté le chiffrage. « On nous parle de ... »": a quotation
  // that is a whole sentence, right after a sentence where one speaker
  // reports and nothing is quoted, gives that speaker's words. The
  // sentence may end the paragraph before when the quotation is all of
  // its own ("La préfète répond sans détour. ¶ « … »").
  void PrecedingReport(int q) {
    const Sentence* before = QuoteFreeSentenceBeforeALoneQuotation(q, true);
    if (before == nullptr) return;
    const int sentence = tokens_[TokenOf(q)].sentence;
    int c = FactsOfSentence(sentence - 1).sole_cue;
    if (c < 0) c = FirstCueOfOneSpeaker(*before);
    if (c < 0 || a_.cues[c].form == Cue::kSource) return;
    Set(q, subjects_.of_cue[c], c, "preceding_report", 0.6);
  }

  // "Sa fondatrice, Marie Roy, a porté le projet. « … » Elle a rappelé
  // que …": a quotation that is a whole sentence, between a sentence whose
  // subject is a named person, the only one of that gender there, and a
  // sentence that opens on a pronoun of that gender reporting speech.
  // Both sides point at the same person, though neither quotes.
  void BetweenItsSubjectAndAPronoun(int q) {
    const Sentence* after = NextSentenceAfterALoneQuotation(q);
    const int sentence = tokens_[TokenOf(q)].sentence;
    if (after == nullptr || sentence == 0) return;
    const Sentence& before = a_.sentences[sentence - 1];
    if (before.paragraph != a_.sentences[sentence].paragraph || before.is_title) return;
    const int named = subjects_.of_sentence[sentence - 1];
    if (named < 0 || a_.mentions[named].kind != Mention::kName ||
        !IsPersonMention(a_.mentions[named]) || a_.mentions[named].gender == 0) {
      return;
    }
    const char gender = a_.mentions[named].gender;
    for (int k = before.first_token; k < before.end_token; ++k) {
      if (tokens_[k].type == Token::kQuote) return;
      const int m = a_.mention_at[k];
      if (m < 0 || m == named || m == a_.mentions[named].apposed ||
          a_.mentions[m].first_token != k) {
        continue;
      }
      if (a_.mentions[m].gender == gender && IsPersonMention(a_.mentions[m])) return;
    }
    const int pronoun = subjects_.of_sentence[sentence + 1];
    if (pronoun < 0 || a_.mentions[pronoun].kind != Mention::kPronoun ||
        a_.mentions[pronoun].first_token != after->first_token ||
        a_.mentions[pronoun].gender != gender || a_.mentions[pronoun].plural) {
      return;
    }
    const int c = FirstCueFrom(after->first_token);
    if (c >= static_cast<int>(a_.cues.size()) || a_.cues[c].first_token >= after->end_token) return;
    const Cue& cue = a_.cues[c];
    const std::string& k = cue.category;
    if (subjects_.of_cue[c] != pronoun || cue.form != Cue::kFinite || cue.negated ||
        !(IsASpeechAct(cue) || k == "report" || k == "recall" || k == "add" || k == "observe" ||
          k == "answer" || k == "announce" || k == "reveal" || k == "promise" || k == "joke")) {
      return;
    }
    Set(q, named, -1, "between_its_subject_and_a_pronoun", 0.6);
  }

  // "Hervé Le Gall ne décolère pas. « On nous demande toujours plus. »":
  // a quotation that is a whole sentence, right after a sentence of the
  // same paragraph that reports nothing but is about one person, its
  // subject, gives that person's words. Another person named there (bar a
  // pronoun of the subject's gender: "X, elle, …") leaves it open.
  void AfterASentenceAboutItsSpeaker(int q) {
    const Sentence* before = QuoteFreeSentenceBeforeALoneQuotation(q);
    if (before == nullptr) return;
    const int sentence = tokens_[TokenOf(q)].sentence;
    if (FactsOfSentence(sentence - 1).has_cue) return;
    const int subject = subjects_.of_sentence[sentence - 1];
    if (subject < 0) return;
    const Mention& speaker = a_.mentions[subject];
    if (!IsPersonMention(speaker) || speaker.plural) return;
    // "Elle a dû fermer en janvier.": a personal pronoun only as the
    // sentence's first word, where it stands for the story's person; not
    // "ce dernier" or "le second", which may open a noun phrase about
    // something else ("Le second tour aura lieu dimanche.").
    if (speaker.kind == Mention::kPronoun &&
        (speaker.first_token != before->first_token || speaker.head == "dernier")) {
      return;
    }
    if (!NamesNoOtherPerson(*before, subject)) return;
    Set(q, subject, -1, "after_a_sentence_about_its_speaker", 0.5);
  }

  // "Plus prudente, la déléguée syndicale, X, veut d'abord « sauver le
  // plus d'emplois possible »": a quotation woven into a sentence that
  // reports nothing, whose subject is one person and names no other, gives
  // that person's words. Not a single word, a capitalised title, or words
  // right after an article ("la mise en œuvre du « plan … »"): a label or
  // a term more often, which the subject does not say.
  void WovenIntoASentenceAboutItsSpeaker(int q) {
    const int t = TokenOf(q);
    if (a_.quotes[q].depth != 0) return;
    const int sentence = tokens_[t].sentence;
    const Sentence& s = a_.sentences[sentence];
    if (s.is_title) return;
    const Facts& facts = FactsOfSentence(sentence);
    if (facts.has_cue || facts.first_non_mark >= t) return;
    const int subject = subjects_.of_sentence[sentence];
    if (subject < 0) return;
    const Mention& speaker = a_.mentions[subject];
    if (!IsPersonMention(speaker) || speaker.plural || speaker.end_token > t) return;
    // Not "ce dernier", which may open a noun phrase ("ce dernier rapport").
    if (speaker.kind == Mention::kPronoun && speaker.head == "dernier") return;
    const std::string& text = a_.quotes[q].text;
    // "il s'est contenté d'un « Je suis désolé »": a clause with its own
    // subject pronoun is somebody's utterance wherever it stands.
    if (!OpensOnASubjectPronoun(text) && LooksLikeALabel(text, t)) return;
    // Not "on" ("on surnomme l'animal « … »"), nor the speaker of an
    // interview's turn ("X : Ce n'est pas « … »"), who quotes a phrase.
    if (speaker.kind == Mention::kPronoun && tokens_[speaker.first_token].norm == "on") return;
    if (Valid(speaker.end_token) && tokens_[speaker.end_token].norm == ":") return;
    if (QuotesIn(s, t) || !NamesNoOtherPerson(s, subject)) return;
    Set(q, subject, -1, "woven_into_a_sentence_about_its_speaker", 0.45);
  }

  // "X a été condamné pour « harcèlement moral »", "visé par une plainte
  // pour « diffamation »": after "pour" or "de", words a charge word
  // (words.tsv charge_word) brings in a few words before are the charge, a
  // label; not "X, poursuivi pour fraude, parle de « cabale »".
  bool ChargeBefore(int first, int t) const {
    if (!Valid(t - 1)) return false;
    const Norm& before = tokens_[t - 1].norm;
    if (before != "pour" && before != "de" && before != "d'") return false;
    constexpr int kReach = 4;  // "une plainte contre X pour", "condamné à un an pour".
    for (int k = std::max(first, t - 1 - kReach); k < t - 1; ++k) {
      if (lex_.words(cues::WordClass::kChargeWord).LongestAt(tokens_, k, nullptr) > 0) return true;
    }
    return false;
  }

  // Whether quotation text at token t, woven into a sentence, is more
  // likely a label than somebody's words: a single word, a capitalised
  // title, or words right after an article. "parler d'« un malentendu »":
  // "de" before words that open on their own article is a preposition.
  bool LooksLikeALabel(const std::string& text, int t) const {
    if (WordCount(text, 7) <= 1 || StartsUpper(text)) return true;
    if (!lex_.Is(cues::WordClass::kDeterminer, tokens_[t - 1])) return false;
    const bool de = tokens_[t - 1].norm == "de" || tokens_[t - 1].norm == "d'";
    return !(de && lex_.FeaturesOf(cues::WordClass::kDeterminer, text.substr(0, text.find(' '))) !=
                       nullptr);
  }

  // "Il s'est adressé aux talibans, qu'il a invités à négocier.": the
  // sentence's first reporting verb, when every later one has for subject
  // a pronoun of its subject's gender that a relative clause opens (the
  // same person again); or -1.
  int FirstCueOfOneSpeaker(const Sentence& s) const {
    const int cues = static_cast<int>(a_.cues.size());
    const int first = FirstCueFrom(s.first_token);
    if (first >= cues || a_.cues[first].first_token >= s.end_token) return -1;
    const int subject = subjects_.of_cue[first];
    if (subject < 0) return -1;
    bool others = false;
    for (int c = first + 1; c < cues && a_.cues[c].first_token < s.end_token; ++c) {
      const int other = subjects_.of_cue[c];
      if (other < 0 || other == subject) return -1;
      const Mention& m = a_.mentions[other];
      if (m.kind != Mention::kPronoun || m.plural || m.gender == 0 ||
          m.gender != a_.mentions[subject].gender || !Valid(m.first_token - 1) ||
          !(lex_.Is(cues::WordClass::kRelative, tokens_[m.first_token - 1]) ||
            tokens_[m.first_token - 1].norm == "qu'")) {
        return -1;
      }
      others = true;
    }
    return others ? first : -1;
  }

  // "« ... » C'est en ces termes que le secrétaire général a résumé la
  // séance": a quotation that is a whole sentence, and the next sentence
  // of its paragraph opens by pointing back at it, with one speaker.
  void FollowingReport(int q) {
    const Sentence* after = NextSentenceAfterALoneQuotation(q);
    if (after == nullptr) return;
    const int opening =
        lex_.words(cues::WordClass::kBackReference).LongestAt(tokens_, after->first_token, nullptr);
    if (opening == 0) return;
    const Facts& facts = FactsOfSentence(tokens_[TokenOf(q)].sentence + 1);
    // "C'est par ces mots que X a ouvert sa conférence de presse": whatever
    // the verb, the subject right after the opening.
    if (!facts.has_cue) {
      const int at = after->first_token + opening;
      const int m = Valid(at) ? a_.mention_at[at] : -1;
      if (m < 0 || a_.mentions[m].first_token != at || !IsPersonMention(a_.mentions[m]) ||
          a_.mentions[m].kind == Mention::kPronoun) {
        return;
      }
      Set(q, m, -1, "following_report", 0.7);
      return;
    }
    const int c = facts.sole_cue;
    if (c < 0 || a_.cues[c].form == Cue::kSource || a_.cues[c].negated) return;
    Set(q, subjects_.of_cue[c], c, "following_report", 0.75);
  }

  // Whether sentence `s` names no person but `subject`: its apposition, a
  // singular pronoun of its gender ("X, elle, …") and an office between
  // commas ("X, 68 ans, présidente du comité, a …") are the subject again.
  bool NamesNoOtherPerson(const Sentence& s, int subject) const {
    const Mention& speaker = a_.mentions[subject];
    for (int k = s.first_token; k < s.end_token; ++k) {
      const int m = a_.mention_at[k];
      if (m < 0 || m == subject || m == speaker.apposed || a_.mentions[m].first_token != k) {
        continue;
      }
      const Mention& other = a_.mentions[m];
      if (other.kind == Mention::kPronoun && !other.plural && other.gender == speaker.gender) {
        continue;
      }
      const bool apposition = other.kind != Mention::kName && other.kind != Mention::kPronoun &&
                              Valid(other.end_token) && k > s.first_token &&
                              tokens_[k - 1].norm == "," && tokens_[other.end_token].norm == ",";
      if (IsPersonMention(other) && !apposition) return false;
    }
    return true;
  }

  // The sentence before quotation `q`, when `q` is all of its own sentence
  // and the one before, in the same paragraph and no title, quotes
  // nothing; else null. With `across_paragraphs`, the one before may end
  // the paragraph before when `q` is all of its own paragraph.
  const Sentence* QuoteFreeSentenceBeforeALoneQuotation(int q, bool across_paragraphs = false) {
    const int sentence = tokens_[TokenOf(q)].sentence;
    if (sentence == 0) return nullptr;
    const Sentence& s = a_.sentences[sentence];
    const Sentence& before = a_.sentences[sentence - 1];
    if (before.is_title) return nullptr;
    if (before.paragraph != s.paragraph) {
      if (!across_paragraphs || before.paragraph + 1 != s.paragraph) return nullptr;
      const size_t next = static_cast<size_t>(sentence) + 1;
      if (next < a_.sentences.size() && a_.sentences[next].paragraph == s.paragraph) return nullptr;
    }
    if (!AloneInItsSentence(q) || QuotesIn(before)) return nullptr;
    return &before;
  }

  // NextSentenceAfterALoneQuotation, when quotation q also opens its
  // paragraph; else null.
  const Sentence* NextSentenceAfterAQuotationOpeningItsParagraph(int q) {
    const int sentence = tokens_[TokenOf(q)].sentence;
    if (sentence > 0 && a_.sentences[sentence - 1].paragraph == a_.sentences[sentence].paragraph) {
      return nullptr;
    }
    return NextSentenceAfterALoneQuotation(q);
  }

  // The next sentence of the paragraph when quotation q is a whole
  // sentence of its own (no cue, no word, no other quotation), or null.
  const Sentence* NextSentenceAfterALoneQuotation(int q) {
    const int sentence = tokens_[TokenOf(q)].sentence;
    if (sentence + 1 >= static_cast<int>(a_.sentences.size())) return nullptr;
    const Sentence& s = a_.sentences[sentence];
    const Sentence& after = a_.sentences[sentence + 1];
    if (after.paragraph != s.paragraph || s.is_title) return nullptr;
    return AloneInItsSentence(q) ? &after : nullptr;
  }

  // Whether quotation q is all of its sentence: no cue, no word, no other
  // quotation.
  bool AloneInItsSentence(int q) {
    const int t = TokenOf(q);
    const Sentence& s = SentenceOf(q);
    const Facts& facts = FactsOfSentence(tokens_[t].sentence);
    return !facts.has_cue && facts.first_word >= s.end_token && !QuotesIn(s, t);
  }

  // Whether sentence s holds a quotation other than the one at token
  // `except`.
  bool QuotesIn(const Sentence& s, int except = -1) const {
    for (int k = s.first_token; k < s.end_token; ++k) {
      if (k != except && tokens_[k].type == Token::kQuote) return true;
    }
    return false;
  }

  // "C'est X, …, qui", "C'est X qui" or "C'est l'avis de X" from `first`:
  // X's named mention, a person's, or -1.
  int PersonOfACleftAt(int first, int end) const {
    if (first + 3 >= end || tokens_[first].norm != "c'" || tokens_[first + 1].norm != "est") return -1;
    // "C'est l'avis de Sophie Vanhaecke, chercheuse …": a noun of speech
    // and whose it is.
    int at = first + 2;
    if (at + 2 < end && lex_.Is(cues::WordClass::kDeterminer, tokens_[at]) &&
        lex_.Is(cues::WordClass::kSpeechNoun, tokens_[at + 1]) &&
        (tokens_[at + 2].norm == "de" || tokens_[at + 2].norm == "d'")) {
      const int named = at + 3 < end ? a_.mention_at[at + 3] : -1;
      return named >= 0 && a_.mentions[named].first_token == at + 3 &&
                     a_.mentions[named].kind == Mention::kName && IsPersonMention(a_.mentions[named])
                 ? named
                 : -1;
    }
    const int m = a_.mention_at[first + 2];
    if (m < 0 || a_.mentions[m].first_token != first + 2 || a_.mentions[m].kind != Mention::kName ||
        !IsPersonMention(a_.mentions[m])) {
      return -1;
    }
    const int after = a_.mentions[m].end_token;
    return after < end && (tokens_[after].norm == "," || tokens_[after].norm == "qui") ? m : -1;
  }

  // Whether the sentence after token t's, in its paragraph, opens on a
  // determiner and a noun of speech ("La phrase", "Ces mots").
  bool NextSentenceOpensOnASpeechNoun(int t) const {
    const int sentence = tokens_[t].sentence;
    if (sentence + 1 >= static_cast<int>(a_.sentences.size())) return false;
    const Sentence& after = a_.sentences[sentence + 1];
    return after.paragraph == a_.sentences[sentence].paragraph && OpensOnASpeechNoun(after);
  }

  bool OpensOnASpeechNoun(const Sentence& s) const {
    const int det = s.first_token;
    // "La mise en garde", "Le point de vue": a noun of several words too.
    return det + 1 < s.end_token && lex_.Is(cues::WordClass::kDeterminer, tokens_[det]) &&
           lex_.words(cues::WordClass::kSpeechNoun).LongestAt(tokens_, det + 1, nullptr) > 0;
  }

  // "« … » L'analyse est celle de Zhou Mingde, chercheur à …", "« … » La
  // phrase, prononcée mercredi, est de Christian Perrotin", "« … » Le
  // constat est signé Nathalie Brézet": a quotation
  // that is a whole sentence, and the next sentence of its paragraph says
  // whose words they were.
  void NamedInTheNextSentence(int q) {
    const Sentence* after = NextSentenceAfterALoneQuotation(q);
    if (after == nullptr) return;
    // "« … » C'est Jean-Claude Brisset, agriculteur à la retraite, qui a
    // fait la découverte": the person the cleft puts forward.
    const int cleft = PersonOfACleftAt(after->first_token, after->end_token);
    if (cleft >= 0) {
      Set(q, cleft, -1, "named_in_the_next_sentence", 0.7);
      return;
    }
    if (!OpensOnASpeechNoun(*after)) return;
    const int det = after->first_token;
    constexpr int kMaxReach = 24;
    const int end = std::min(after->end_token, det + kMaxReach);
    for (int k = det + 2; k + 1 < end; ++k) {
      if (tokens_[k].type == Token::kQuote) return;
      const int link = lex_.words(cues::WordClass::kSpeakerLink).LongestAt(tokens_, k, nullptr);
      if (link == 0) continue;
      const int last = k + link - 1;
      // "est venue du ministre hongrois …, Péter Szijjártó": the contracted
      // article opens the description, whose apposed name is the speaker.
      int m = a_.mention_at[last];
      if (m < 0 || a_.mentions[m].first_token != last) {
        m = last + 1 < end ? a_.mention_at[last + 1] : -1;
        if (m >= 0 && a_.mentions[m].first_token != last + 1) m = -1;
      }
      if (m < 0) return;
      m = PreferName(m);
      // "L'avertissement vient d'un haut fonctionnaire canadien": an
      // unnamed source that an indefinite article brings in, too.
      const Mention& speaker = a_.mentions[m];
      const bool unnamed_source = speaker.kind == Mention::kDescription && !speaker.is_org &&
                                  !speaker.plural && IndefiniteAt(speaker.first_token);
      if ((speaker.kind != Mention::kName && !unnamed_source) || speaker.is_org) return;
      Set(q, m, -1, "named_in_the_next_sentence", 0.7);
      return;
    }
  }

  // "« … » ¶ La voix se brise quand Sophie Rossier raconte la fin de son
  // chien": a quotation opening its paragraph, a whole sentence, and the
  // next sentence's one reporting verb has a named person for subject,
  // who quotes nothing there: that person's words, not the last speaker's.
  void ReportedInTheNextSentence(int q) {
    const Sentence* after = NextSentenceAfterAQuotationOpeningItsParagraph(q);
    if (after == nullptr) return;
    int found = -1;
    const int cues = static_cast<int>(a_.cues.size());
    for (int c = FirstCueFrom(after->first_token);
         c < cues && a_.cues[c].first_token < after->end_token; ++c) {
      if (found >= 0) return;
      found = c;
    }
    if (found < 0) return;
    const Cue& cue = a_.cues[found];
    if (cue.form != Cue::kFinite || cue.negated ||
        (!IsASpeechAct(cue) && cue.category != "report")) {
      return;
    }
    const int m = subjects_.of_cue[found];
    if (m < 0 || a_.mentions[m].kind != Mention::kName || !IsPersonMention(a_.mentions[m])) return;
    if (QuotesIn(*after)) return;
    Set(q, m, found, "reported_in_the_next_sentence", 0.6);
  }

  // "« Ça fait trente ans que j'attends ça ! » Marie-Claude Perrin, 72
  // ans, ne cache pas sa joie.": a quotation opening its paragraph, a
  // whole sentence, and the next sentence opens on a named person, its
  // subject, who reports nothing there and is the only person it names:
  // the story brings in the speaker right after the words. Not "X, lui,
  // …", which turns from the last speaker to another.
  void IntroducedInTheNextSentence(int q) {
    const Sentence* after = NextSentenceAfterAQuotationOpeningItsParagraph(q);
    if (after == nullptr) return;
    const int next = static_cast<int>(after - a_.sentences.data());
    if (FactsOfSentence(next).has_cue) return;
    const int subject = subjects_.of_sentence[next];
    if (subject < 0) return;
    const Mention& speaker = a_.mentions[subject];
    if (speaker.kind != Mention::kName || !IsPersonMention(speaker) || speaker.plural) return;
    // The subject, or the office it is apposed to, opens the sentence; a
    // short adjunct and its comma may come first ("D'emblée, le ministre
    // des Armées, X, a voulu donner le ton").
    int opens = speaker.first_token;
    if (speaker.apposed >= 0) opens = std::min(opens, a_.mentions[speaker.apposed].first_token);
    constexpr int kMaxAdjunct = 4;
    if (opens != after->first_token &&
        (opens - after->first_token > kMaxAdjunct || tokens_[opens - 1].norm != ",")) {
      return;
    }
    const int turn = speaker.end_token;
    if (turn + 2 < after->end_token && tokens_[turn].norm == "," && tokens_[turn + 2].norm == "," &&
        (tokens_[turn + 1].norm == "lui" || tokens_[turn + 1].norm == "elle")) {
      return;
    }
    if (QuotesIn(*after) || !NamesNoOtherPerson(*after, subject)) return;
    Set(q, subject, -1, "introduced_in_the_next_sentence", 0.5);
  }

  // Whether an indefinite article ("un", "une", "d'un") opens the words at k.
  bool IndefiniteAt(int k) const {
    if (Valid(k + 1) && (tokens_[k].norm == "d'" || tokens_[k].norm == "de")) ++k;
    if (!lex_.Is(cues::WordClass::kDeterminer, tokens_[k])) return false;
    const auto* det = lex_.FeaturesOf(cues::WordClass::kDeterminer, tokens_[k].norm);
    return det != nullptr && !det->definite && !det->possessive;
  }

  // "une opération « préparée d'avance »": after an indefinite article,
  // lowercase words qualify the naming noun rather than name it.
  bool QualifiesAnIndefiniteNoun(int t, std::string_view text) const {
    const int naming = lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, t);
    if (naming == 0 || !Valid(t - naming - 1) || text.empty()) return false;
    const Norm& det = tokens_[t - naming - 1].norm;
    if (det != "un" && det != "une" && det != "des") return false;
    size_t i = 0;
    return IsLower(DecodeUtf8(text, &i));
  }

  bool NamingBefore(int t) const {
    // A headline ending on "… son nouveau titre" names nothing in the
    // paragraph after it.
    if (tokens_[t].line_start) return false;
    const int naming = lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, t);
    if (naming > 0) return !ReflexivePredicate(t - naming) && !CallsOn(t - naming);
    // "ce que les diplomates appellent pudiquement « … »": an adverb between.
    if (Valid(t - 1) && lex_.Is(cues::WordClass::kAdverb, tokens_[t - 1])) {
      const int before_adverb = lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, t - 1);
      if (before_adverb > 0) {
        return !ReflexivePredicate(t - 1 - before_adverb) && !CallsOn(t - 1 - before_adverb);
      }
    }
    // "ce que l'Alliance appelle désormais la « guerre hybride »": an
    // adverb, then a determiner.
    if (Valid(t - 2) && lex_.Is(cues::WordClass::kDeterminer, tokens_[t - 1]) &&
        tokens_[t - 1].norm != "au" && tokens_[t - 1].norm != "aux" &&
        lex_.AdverbOrTimeAt(tokens_, t - 2) == 1) {
      const int before_adverb =
          lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, t - 2);
      if (before_adverb > 0 && !ReflexivePredicate(t - 2 - before_adverb) &&
          !CallsOn(t - 2 - before_adverb)) {
        return true;
      }
    }
    // "ce que Washington appelle depuis seize ans la « guerre contre le
    // terrorisme »": a duration, then a determiner.
    if (Valid(t - 1) && lex_.Is(cues::WordClass::kDeterminer, tokens_[t - 1]) &&
        tokens_[t - 1].norm != "au" && tokens_[t - 1].norm != "aux") {
      const int since = DurationEndingAt(t - 2);
      const int naming_before =
          since >= 0 ? lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, since) : 0;
      if (naming_before > 0 && !CallsOn(since - naming_before)) return true;
    }
    if (DitNamingAThing(t)) return true;
    // "sous le terme anglais de « redesign »", "le nom officiel de « … »":
    // a naming noun, a language or an "officiel", then "de".
    if (Valid(t - 3) && (tokens_[t - 1].norm == "de" || tokens_[t - 1].norm == "d'") &&
        tokens_[t - 2].type == Token::kWord && !tokens_[t - 2].capitalized &&
        (lex_.NationalityOf(tokens_[t - 2].norm) != nullptr || tokens_[t - 2].norm == "officiel" ||
         tokens_[t - 2].norm == "officielle") &&
        lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, t - 2) > 0) {
      return true;
    }
    // "le traité de l'Atlantique Nord, dit « traité de Washington »": a
    // "dit" after a comma with no subject before the quotation is "called".
    if (Valid(t - 2) && tokens_[t - 2].norm == "," &&
        (tokens_[t - 1].norm == "dit" || tokens_[t - 1].norm == "dite" ||
         tokens_[t - 1].norm == "dits" || tokens_[t - 1].norm == "dites")) {
      return true;
    }
    // "un livre, « Lumières du large », paru au printemps": a title in
    // apposition to the noun of a work, after its comma.
    if (Valid(t - 2) && tokens_[t - 1].norm == "," &&
        lex_.Is(cues::WordClass::kWorkNoun, tokens_[t - 2])) {
      return true;
    }
    // "surnommé le « ... »": one determiner between; not "appelle au
    // « sang-froid »", which calls for it.
    if (Valid(t - 1) && lex_.Is(cues::WordClass::kDeterminer, tokens_[t - 1]) &&
        tokens_[t - 1].norm != "au" && tokens_[t - 1].norm != "aux" &&
        lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, t - 1) > 0) {
      return true;
    }
    // "avaient surnommé le chemin « ... »": the thing named between, a
    // determiner and its noun.
    if (!Valid(t - 3) || tokens_[t - 1].type != Token::kWord || tokens_[t - 1].capitalized ||
        lex_.FormsOf(tokens_[t - 1].norm) != nullptr || !lex_.Is(cues::WordClass::kDeterminer, tokens_[t - 2])) {
      return false;
    }
    const int before_thing = lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, t - 2);
    return before_thing > 0 && !CallsOn(t - 2 - before_thing);
  }

  // Where "depuis seize ans", "depuis des années", "depuis 2014" (a
  // duration ending on token k) starts, or -1.
  int DurationEndingAt(int k) const {
    if (!Valid(k) || tokens_[k].type != Token::kWord) return -1;
    const Norm& w = tokens_[k].norm;
    const bool unit = w == "ans" || w == "années" || w == "mois" || w == "semaines" ||
                      w == "jours" || w == "décennies" || w == "siècles" || w == "longtemps";
    const bool year = w.size() == 4 && IsDigit(static_cast<unsigned char>(w.str()[0]));
    if (!unit && !year) return -1;
    for (int from = k - 1; from >= k - 2 && Valid(from); --from) {
      if (tokens_[from].norm == "depuis" || tokens_[from].norm == "pendant") return from;
    }
    return -1;
  }

  // "le cinéma dit « de terroir »": "dit" right after a thing (a lowercase
  // word that is no person, auxiliary, pronoun or conjunction) is
  // "called"; "le maire dit « non »", "il dit", "a dit", "et dit" report
  // words, and so may "X, maire de Brest, dit".
  bool DitNamingAThing(int t) const {
    if (!Valid(t - 2) || tokens_[t - 1].norm != "dit") return false;
    const Token& before = tokens_[t - 2];
    if (before.type != Token::kWord || before.capitalized || a_.mention_at[t - 2] >= 0) return false;
    const Norm& w = before.norm;
    if (lex_.AuxiliaryOf(w) != nullptr || lex_.Is(cues::WordClass::kPronoun, before) ||
        lex_.Is(cues::WordClass::kRelative, before) || IsObjectPronoun(before)) {
      return false;
    }
    return !(w == "on" || w == "ne" || w == "n'" || w == "se" || w == "s'" || w == "y" || w == "en" ||
             w == "que" || w == "qu'" || w == "qui" || w == "et" || w == "mais" || w == "ou" || w == "puis" ||
             lex_.Is(cues::WordClass::kAdverb, before));
  }

  // "elle a appelé « chacun à la raison »": appeler with avoir and the
  // quotation as its complement calls on someone; the thing "appelée
  // « … »" has no auxiliary.
  bool CallsOn(int first_naming_token) const {
    const int aux = first_naming_token - 1;
    if (!Valid(aux) || tokens_[first_naming_token].norm.str().rfind("appel", 0) != 0) return false;
    const cues::AuxiliaryForm* form = lex_.AuxiliaryOf(tokens_[aux].norm);
    return form != nullptr && form->auxiliary == "avoir";
  }

  // "elle s'est dite « sereine »": a reflexive verb says something of its
  // subject, who speaks; "la force dite « fer de lance »" names a thing.
  bool ReflexivePredicate(int first_naming_token) const {
    const int aux = first_naming_token - 1;
    if (!Valid(aux) || !Valid(aux - 1)) return false;
    const Norm& se = tokens_[aux - 1].norm;
    return lex_.AuxiliaryOf(tokens_[aux].norm) != nullptr && (se == "s'" || se == "se");
  }

  // "la politique de la « porte ouverte »", "le mécanisme de
  // « déconfliction »", "la perte du « califat »": a short lowercase term
  // completing a noun after "de" names a thing. Not after a verb that
  // governs the noun ("a qualifié l'accord de « pari dangereux »"), nor
  // words opening on a determiner, an auxiliary or what may be an
  // infinitive ("sa décision d'« ouvrir le débat »").
  bool TermAfterANounAndDe(int t, const std::string& text) const {
    if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
    int k = t - 1;
    if (!Valid(k)) return false;
    if (tokens_[k].norm == "la" || tokens_[k].norm == "l'") {
      if (!Valid(k - 1) || tokens_[k - 1].norm != "de") return false;
      --k;
    } else if (tokens_[k].norm != "de" && tokens_[k].norm != "d'" && tokens_[k].norm != "du") {
      return false;
    }
    const int noun = k - 1, determiner = k - 2;
    if (!Valid(determiner) || tokens_[noun].type != Token::kWord || tokens_[noun].capitalized ||
        lex_.FormsOf(tokens_[noun].norm) != nullptr || lex_.AuxiliaryOf(tokens_[noun].norm) != nullptr ||
        !lex_.Is(cues::WordClass::kDeterminer, tokens_[determiner]) ||
        tokens_[noun].sentence != tokens_[t].sentence) {
      return false;
    }
    // "un message de « fermeté »": a noun of speech reports words.
    if (lex_.Is(cues::WordClass::kSpeechNoun, tokens_[noun])) return false;
    // "a qualifié l'ouverture des pourparlers de « … »": a verb of
    // judgement a few words before governs the noun and its "de".
    constexpr int kGoverned = 8;
    const int before = FirstCueFrom(determiner) - 1;
    if (before >= 0 && a_.cues[before].end_token >= determiner - kGoverned &&
        (a_.cues[before].end_token == determiner || a_.cues[before].category == "judge" ||
         a_.cues[before].category == "accuse")) {
      return false;
    }
    if (OpensOnAVerb(text) || WordCount(text, 5) > 4) return false;
    const std::string_view first(text.data(), std::min(text.find(' '), text.size()));
    if (lex_.FeaturesOf(cues::WordClass::kDeterminer, first) != nullptr || text.rfind("l'", 0) == 0 ||
        text.rfind("l\u2019", 0) == 0 || text.rfind("d'", 0) == 0 || text.rfind("d\u2019", 0) == 0) {
      return false;
    }
    const bool may_be_infinitive =
        first.size() > 3 && (first.substr(first.size() - 2) == "er" || first.substr(first.size() - 2) == "ir" ||
                             first.substr(first.size() - 2) == "re");
    return !may_be_infinitive;
  }

  // "le film « n'aurait pas existé sans eux »": words that open on a
  // negation or an auxiliary say something of the thing, they do not name it.
  bool OpensOnAVerb(const std::string& text) const {
    if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
    if (text.rfind("n'", 0) == 0 || text.rfind("n\u2019", 0) == 0) return true;
    const std::string_view first(text.data(), std::min(text.find(' '), text.size()));
    return first == "ne" || lex_.AuxiliaryOf(first) != nullptr;
  }

  // "les pancartes proclament « … »", "un slogan désormais familier :
  // « … »": a naming word a few words before, in the sentence.
  bool NamingShortlyBefore(int t) const {
    constexpr int kReach = 6;
    const int first = a_.sentences[tokens_[t].sentence].first_token;
    for (int k = t; k > first && k > t - kReach; --k) {
      if (lex_.words(cues::WordClass::kNaming).LongestEndingAt(tokens_, k) > 0) return true;
    }
    return false;
  }

  static bool OpensOnASubjectPronoun(const std::string& text) {
    const size_t space = text.find(' ');
    if (space == std::string::npos || space + 1 >= text.size()) return false;
    const std::string_view first(text.data(), space);
    return first == "Je" || first == "Il" || first == "Elle" || first == "On" || first == "Nous" ||
           first == "Vous" || first == "Ils" || first == "Elles";
  }

  // "l'ancienne « place Verte »", "la « rue Neuve »": a place noun and
  // capitalised words are a place's name.
  bool NameOfAPlace(const std::string& text) const {
    const size_t space = text.find(' ');
    if (space == std::string::npos || space + 1 >= text.size() || WordCount(text, 5) > 4) return false;
    if (!lex_.FeaturesOf(cues::WordClass::kPlaceNoun, std::string_view(text).substr(0, space))) return false;
    for (size_t at = space; at != std::string::npos && at + 1 < text.size(); at = text.find(' ', at + 1)) {
      if (!StartsUpper(text.substr(at + 1))) return false;
    }
    return !StartsUpper(text);
  }

  bool NamingAfter(int t) const {
    int k = t + 1;
    if (Valid(k) && tokens_[k].line_start) return false;
    if (Valid(k) && tokens_[k].norm == ",") ++k;
    return Valid(k) && lex_.words(cues::WordClass::kNamingAfter).LongestAt(tokens_, k, nullptr) > 0;
  }

  // The method of a quotation governed by a verb of speech whose subject
  // no rule named.
  static constexpr const char* kUnnamedSubjectsWords = "complement_of_an_unnamed_subject";

  bool Attributed(int q) const {
    return out_[q].mention >= 0 || out_[q].from_quote >= 0 || !out_[q].author.empty();
  }

  // "« C'est un allié important. »": a full stop inside the marks closes
  // a sentence someone said; a label never has one. Not "U.S.A.".
  static bool EndsASentence(std::string_view text) {
    const size_t n = text.size();
    return n >= 3 && text[n - 1] == '.' && text[n - 2] >= 'a' && text[n - 2] <= 'z' &&
           text.find(' ') != std::string_view::npos;
  }

  // "le « redémarrage » entre Washington et Moscou", "le danger n'est pas
  // le « non »": one or two words that the masculine article makes a noun
  // are a term the writer names, not words woven from someone's speech
  // (which takes "un", "une", "des" or "la" as often as not).
  bool ShortTermAfterLe(int t, std::string_view text) const {
    if (!Valid(t - 1) || tokens_[t - 1].norm != "le" || text.empty()) return false;
    if (text.back() == '!' || text.back() == '?') return false;
    return WordCount(text, 3) <= 2;
  }

  void ClassifyKinds() {
    for (size_t q = 0; q < a_.quotes.size(); ++q) {
      const Quote& quote = a_.quotes[q];
      Attribution& at = out_[q];
      if (quote.tweet || quote.depth > 0 || quote.first_token < 0) continue;
      int t = quote.first_token;
      // "FO juge le mouvement « légitime »": lowercase words that qualify
      // the object right after a reporting verb are its subject's, though
      // the noun may name things elsewhere ("le mouvement « Nuit debout »").
      const bool qualifies_the_verbs_object = at.cue >= 0 && a_.cues[at.cue].end_token + 2 == t &&
                                              !StartsUpper(quote.text) &&
                                              lex_.Is(cues::WordClass::kDeterminer, tokens_[t - 2]);
      if (((NamingBefore(t) || NamingAfter(t)) && !OpensOnAVerb(quote.text) &&
           !QualifiesAnIndefiniteNoun(t, quote.text) && !qualifies_the_verbs_object) ||
          NameOfAPlace(quote.text) || TermAfterANounAndDe(t, quote.text) ||
          ShortTermAfterLe(t, quote.text) ||
          ChargeBefore(a_.sentences[tokens_[t].sentence].first_token, t)) {
        at = Attribution();
        at.kind = QuoteKind::kMention;
        at.method = "naming_context";
        continue;
      }
      const bool starts = FactsOfSentence(tokens_[t].sentence).first_non_mark >= t;
      bool after_colon = Valid(t - 1) && tokens_[t - 1].norm == ":";
      // A chant is a whole utterance wherever it stands.
      const bool chant = std::string_view(at.method) == "chant";
      at.kind = (starts || after_colon || chant) ? QuoteKind::kDirect : QuoteKind::kPartial;
      // WordCount(quote.text, 7) (asked up to "<= 6"), counted only when a
      // test gets that far: most quotations are settled before.
      int words = -1;
      auto word_count = [&] {
        if (words < 0) words = WordCount(quote.text, 7);
        return words;
      };
      // "les « 413 milliards » affichés": a quoted figure is a label.
      bool figure = !quote.text.empty() && IsDigit(static_cast<unsigned char>(quote.text[0])) &&
                    word_count() <= 3;
      // "« Démission ! » a-t-on entendu", "un « Encore ! » a fusé": an
      // exclamation is somebody's cry, even when nobody is named.
      // So is a question ("« Et après, ce sera qui ? » lance une
      // habitante"), and a clause with a subject pronoun ("« Ils ont tué
      // le club »"): nobody's label.
      const bool exclamation = !quote.text.empty() &&
                               (quote.text.back() == '!' || EndsASentence(quote.text) ||
                                ((quote.text.back() == '?' || OpensOnASubjectPronoun(quote.text)) &&
                                 !NamingShortlyBefore(t)));
      // Words a verb of speech governs are someone's, though unnamed; a
      // crowd's chant is speech too ("scandaient « Allez Sapiac »").
      const bool spoken = std::string_view(at.method) == kUnnamedSubjectsWords || chant;
      if ((!Attributed(static_cast<int>(q)) && !exclamation && !spoken && word_count() <= 5) || figure) {
        at.kind = QuoteKind::kMention;
        at.method = "unattributed_label";
        continue;
      }
      if (exclamation && !Attributed(static_cast<int>(q))) {
        at.kind = QuoteKind::kDirect;
        at.method = "exclamation";
        continue;
      }
      // French capitalises a quotation woven into a sentence only when it is
      // a name or a title: « Rapport annuel », le groupe « État islamique ».
      const std::string_view method = at.method;
      bool strong = method == "incise" || method == "colon_after_cue" || method == "headline_colon" || chant;
      if (!starts && !after_colon && !strong && StartsUpper(quote.text) && word_count() <= 6 &&
          Valid(t - 1) && tokens_[t - 1].type == Token::kWord && tokens_[t - 1].norm != "que" &&
          tokens_[t - 1].norm != "qu'") {
        at = Attribution();
        at.kind = QuoteKind::kMention;
        at.method = "capitalised_label";
      }
    }
  }

  // "L'ancien trésorier du club avait détourné 84 000 euros : « J'ai
  // honte »": a headline gives its quotation to a description of someone
  // the body names only later; a body quotation that holds the same words
  // tells who. Two words are enough there: a headline quotes the body.
  bool HeadlineByDescription(int q) const {
    const Quote& quote = a_.quotes[q];
    const Attribution& at = out_[q];
    if (quote.paragraph != HeadlineParagraph() || at.mention < 0 || at.from_quote >= 0) return false;
    const Mention& m = a_.mentions[at.mention];
    // "Moscou dénonce une « provocation »": one word is enough when a
    // capital or an organisation stands for whoever spoke.
    const bool stands_for_someone = StandsForSomeone(m);
    if (WordCount(quote.text, 2) < 2 && !stands_for_someone) return false;
    // "l'Ukraine sera invitée « … », Kiev fulmine": the one reporting verb
    // of a headline may well be someone reacting to the words; the body
    // says whose they are.
    if (std::string_view(at.method) == "sole_speaker_of_sentence") return true;
    // "Washington réclame des « gestes concrets »", "pour l'Otan, ce n'est
    // « plus une affaire intérieure »": a capital standing for its
    // government, an organisation; the body quotation says who spoke for
    // it (unless the body quotes the same words again on their own: see
    // QuotedInALongerQuotation).
    if (stands_for_someone) return true;
    return m.kind == Mention::kDescription && !m.is_org && !m.plural;
  }

  // The paragraph of the headline: the first with four words or more
  // among the first three, since a page may open on its furniture
  // ("International › Europe", "Le Devoir"); else the first.
  int HeadlineParagraph() const {
    if (headline_paragraph_ >= 0) return headline_paragraph_;
    constexpr int kWords = 4, kLooked = 3;
    headline_paragraph_ = 0;
    int paragraph = -1, words = 0;
    for (const Sentence& s : a_.sentences) {
      if (s.paragraph >= kLooked) break;
      if (s.paragraph != paragraph) {
        paragraph = s.paragraph;
        words = 0;
      }
      for (int k = s.first_token; k < s.end_token; ++k) {
        if (tokens_[k].type == Token::kWord) ++words;
        // "Otan : « La porte est franchie »": a headline's quotation
        // counts its own words.
        if (tokens_[k].type == Token::kQuote && tokens_[k].quote >= 0) {
          words += WordCount(a_.quotes[tokens_[k].quote].text, kWords);
        }
      }
      if (words >= kWords) {
        headline_paragraph_ = paragraph;
        break;
      }
    }
    return headline_paragraph_;
  }

  // A capital or an organisation named for whoever spoke for it.
  bool StandsForSomeone(const Mention& m) const {
    return m.kind == Mention::kName && (m.is_org || (m.speakers.empty() && !IsPersonMention(m)));
  }

  // A headline or a lead often repeats a few words of a quotation given in
  // full further on: an unattributed quotation of three words or more found
  // inside an attributed one is its speaker's. Bounded, so that an article
  // of thousands of quotations stays linear.
  void QuotedInALongerQuotation() {
    constexpr size_t kMaxLooked = 16, kMaxAttributed = 256;
    // Their texts folded only once an orphan asks: most articles have none.
    std::vector<int> attributed;
    std::vector<int> orphans;
    for (size_t q = 0; q < a_.quotes.size(); ++q) {
      const Quote& quote = a_.quotes[q];
      if (quote.depth > 0 || quote.tweet || quote.first_token < 0) continue;
      if (HeadlineByDescription(static_cast<int>(q))) {
        if (orphans.size() < kMaxLooked) orphans.push_back(static_cast<int>(q));
      } else if (Attributed(static_cast<int>(q))) {
        if (attributed.size() < kMaxAttributed) attributed.push_back(static_cast<int>(q));
      } else if (orphans.size() < kMaxLooked &&
                 (WordCount(quote.text, 3) >= 3 || quote.paragraph == HeadlineParagraph())) {
        // "Tillerson part avec un message de « fermeté »": a headline's
        // word or two from a body quotation, whole words.
        orphans.push_back(static_cast<int>(q));
      }
    }
    // "l'Otan exige la libération « sans délai »" with the lead's "l'Otan a
    // appelé à libérer « sans délai »": words the body quotes again on their
    // own, for nobody or for the same organisation, stay the organisation's,
    // whoever else used them. Words given to another person or body
    // ("Moscou dénonce une « provocation »", then the ministry's or the
    // ambassador's) are theirs. Looked for only when an organisation's
    // orphan asks, among at most kMaxLooked orphans: linear.
    auto quoted_again_on_their_own = [&](int q, const std::string& key) {
      const Mention& own = a_.mentions[out_[q].mention];
      for (size_t r = 0; r < a_.quotes.size(); ++r) {
        if (static_cast<int>(r) == q || a_.quotes[r].depth != 0 || a_.quotes[r].first_token < 0 ||
            FoldedText(static_cast<int>(r)) != key) {
          continue;
        }
        const int mention = out_[r].mention;
        if (mention < 0 || SameOrganisation(own, a_.mentions[mention])) return true;
      }
      return false;
    };
    for (int q : orphans) {
      const std::string& key = FoldedText(q);
      const Attribution& own = out_[q];
      if (own.mention >= 0 && a_.mentions[own.mention].is_org && quoted_again_on_their_own(q, key)) continue;
      // "Moscou dénonce une « provocation »" and the body's "a qualifié ces
      // déploiements de « provocation »": the same words, from someone.
      const bool for_a_body = own.mention >= 0 && StandsForSomeone(a_.mentions[own.mention]);
      const auto first_attributed = [&](auto&& holds) {
        for (int r : attributed) {
          if (holds(r, FoldedText(r))) return r;
        }
        return -1;
      };
      int from = first_attributed([&](int r, const std::string& text) {
        return (text.size() > key.size() || (for_a_body && r != q && text == key)) &&
               HoldsWholeWords(text, key);
      });
      // "l'Otan promet de ne pas « partir à l'aveugle »" over the body's
      // "Nous ne partirons pas à l'aveugle": a headline gives a body
      // quotation's words in another form of the verb.
      if (from < 0 && for_a_body && a_.quotes[q].paragraph == HeadlineParagraph()) {
        from = first_attributed([&](int r, const std::string& text) {
          return r != q && HoldsWordsByTheirStems(text, key);
        });
      }
      if (from < 0) continue;
      out_[q].from_quote = from;
      out_[q].mention = -1;
      out_[q].cue = -1;
      out_[q].method = "quoted_in_longer_quotation";
      out_[q].confidence = out_[from].confidence * 0.9;
      decided_[q] = true;
    }
  }

  // Whether every word of `key` stands in `text` in the same order, the
  // long ones ("partir", "quitte") perhaps in another form ("partirons",
  // "quittent"): the same start, all but the last two letters of the
  // shorter. Two long words at least, so that a lone word a body may use
  // for anything is not enough.
  static bool HoldsWordsByTheirStems(const std::string& text, const std::string& key) {
    constexpr size_t kLong = 4;
    const std::vector<std::string_view> words = WordsOf(text), wanted = WordsOf(key);
    size_t at = 0, long_ones = 0;
    for (std::string_view w : wanted) {
      const bool is_long = w.size() >= kLong;
      while (at < words.size() && !(words[at] == w || (is_long && SameStem(words[at], w)))) ++at;
      if (at == words.size()) return false;
      ++at;
      if (is_long) ++long_ones;
    }
    return long_ones >= 2;
  }

  static bool SameStem(std::string_view a, std::string_view b) {
    const size_t shorter = std::min(a.size(), b.size());
    const size_t stem = std::max<size_t>(4, shorter - 2);
    return shorter >= stem && a.substr(0, stem) == b.substr(0, stem);
  }

  // A byte of a word: a letter or a digit, any byte of a non-ASCII letter.
  static bool IsWordByte(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
  }

  static std::vector<std::string_view> WordsOf(std::string_view text) {
    std::vector<std::string_view> words;
    for (size_t i = 0; i < text.size();) {
      if (!IsWordByte(text[i])) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < text.size() && IsWordByte(text[end])) ++end;
      words.push_back(text.substr(i, end - i));
      i = end;
    }
    return words;
  }

  // "l'Otan" and "L'Otan", or two names of one organisation of the base.
  bool SameOrganisation(const Mention& a, const Mention& b) const {
    if (!b.is_org) return false;
    for (int kb : a.speakers) {
      if (std::find(b.speakers.begin(), b.speakers.end(), kb) != b.speakers.end()) return true;
    }
    if (a.end_token - a.first_token != b.end_token - b.first_token) return false;
    for (int k = 0; k < a.end_token - a.first_token; ++k) {
      if (tokens_[a.first_token + k].norm != tokens_[b.first_token + k].norm) return false;
    }
    return true;
  }

  // Whether `key` stands in `text` as whole words, not inside one.
  static bool HoldsWholeWords(const std::string& text, const std::string& key) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
      const size_t end = at + key.size();
      if ((at == 0 || !IsWordByte(text[at - 1])) && (end == text.size() || !IsWordByte(text[end]))) {
        return true;
      }
    }
    return false;
  }

  // The same words quoted twice in an article are the same person's, or
  // the same label: the majority decides; an unattributed copy takes the
  // speaker of an attributed one.
  //
  // The groups are runs of equal texts in a list of the quotations sorted
  // by folded text, then by position: the order a map of groups would give,
  // without a node, a copy of the text and a list per quotation.
  void SameWords() {
    std::vector<int> by_text;
    for (size_t q = 0; q < a_.quotes.size(); ++q) {
      if (a_.quotes[q].depth > 0 || !out_[q].output) continue;
      FoldedText(static_cast<int>(q));  // Folded once, before the sort compares them.
      by_text.push_back(static_cast<int>(q));
    }
    std::stable_sort(by_text.begin(), by_text.end(),
                     [this](int a, int b) { return *folded_text_[a] < *folded_text_[b]; });
    for (size_t first = 0, end = 0; first < by_text.size(); first = end) {
      end = first + 1;
      while (end < by_text.size() && *folded_text_[by_text[end]] == *folded_text_[by_text[first]]) ++end;
      if (end - first < 2) continue;
      const std::vector<int> members(by_text.begin() + first, by_text.begin() + end);
      int labels = 0, attributed = 0, best = -1;
      for (int q : members) {
        if (out_[q].kind == QuoteKind::kMention) ++labels;
        if (Attributed(q)) {
          ++attributed;
          if (best < 0 || out_[q].confidence > out_[best].confidence) best = q;
        }
      }
      for (int q : members) {
        if (labels > attributed) {
          out_[q] = Attribution();
          out_[q].kind = QuoteKind::kMention;
          out_[q].method = "label_elsewhere";
        } else if (best >= 0 && q != best &&
                   (!Attributed(q) || out_[q].confidence < out_[best].confidence)) {
          out_[q].from_quote = best;
          out_[q].method = "same_words";
          out_[q].confidence = out_[best].confidence * 0.9;
          if (out_[q].kind == QuoteKind::kMention) out_[q].kind = QuoteKind::kPartial;
        }
      }
    }
  }

  // What the rules ask of a sentence whatever the quotation, found in one
  // pass over its tokens and cues the first time a rule asks.
  struct Facts {
    bool known = false;
    int source_cue = -1;   // The first "selon X" with a subject.
    int relay_cue = -1;    // The first medium passing words on.
    int sole_cue = -1;     // The last cue when all of them share one speaker.
    bool has_cue = false;  // Any cue inside the sentence.
    bool has_clitic = false;  // An inverted subject ("-t-on"): someone speaks here.
    bool has_mention = false;  // Words naming someone or something.
    int first_cue_end = std::numeric_limits<int>::max();       // Of the cues starting in it.
    int first_preposed_cue_end = std::numeric_limits<int>::max();  // Of those with a subject before.
    int first_word = 0;        // First token of type kWord (end_token if none).
    int first_non_mark = 0;    // First token neither punctuation nor quotation.
    int first_person_name = -1;  // First mention naming a person, not an organisation.
    bool clauses_known = false;  // clause_start_ filled for its tokens.
  };

  Facts& FactsOf(int q) { return FactsOfSentence(tokens_[TokenOf(q)].sentence); }

  // A quotation's text with case and accents folded, built once: two sieves
  // compare quotations by it, and folding is most of their cost.
  const std::string& FoldedText(int q) {
    if (folded_text_.empty()) folded_text_.resize(a_.quotes.size());
    std::optional<std::string>& folded = folded_text_[q];
    if (!folded) folded = FoldKey(a_.quotes[q].text);
    return *folded;
  }

  Facts& FactsOfSentence(int sentence) {
    Facts& f = facts_[sentence];
    if (f.known) return f;
    f.known = true;
    const Sentence& s = a_.sentences[sentence];
    f.first_word = f.first_non_mark = s.end_token;
    for (int k = s.end_token - 1; k >= s.first_token; --k) {
      const Token& tok = tokens_[k];
      if (tok.type == Token::kWord) f.first_word = k;
      if (tok.type != Token::kPunct && tok.type != Token::kQuote) f.first_non_mark = k;
      if (tok.type == Token::kClitic) f.has_clitic = true;
      if (a_.mention_at[k] >= 0) f.has_mention = true;
    }
    for (int k = s.first_token; k < s.end_token && f.first_person_name < 0; ++k) {
      const int m = a_.mention_at[k];
      if (m >= 0 && a_.mentions[m].kind == Mention::kName && !a_.mentions[m].is_org &&
          a_.mentions[m].first_token == k) {
        f.first_person_name = m;
      }
    }
    int speaker = -1;
    bool sole = true;
    const int cues = static_cast<int>(a_.cues.size());
    for (int c = FirstCueFrom(s.first_token); c < cues && a_.cues[c].first_token < s.end_token;
         ++c) {
      const Cue& cue = a_.cues[c];
      const int subject = subjects_.of_cue[c];
      const bool relay = IsRelay(c);
      f.first_cue_end = std::min(f.first_cue_end, cue.end_token);
      if (!relay && cue.form != Cue::kSource && subject >= 0 && !subjects_.postposed[c]) {
        f.first_preposed_cue_end = std::min(f.first_preposed_cue_end, cue.end_token);
      }
      if (cue.end_token > s.end_token) continue;
      f.has_cue = true;
      if (f.source_cue < 0 && cue.form == Cue::kSource && subject >= 0) f.source_cue = c;
      if (f.relay_cue < 0 && relay && subject >= 0) f.relay_cue = c;
      if (cue.negated || relay || !sole) continue;
      if (subject < 0 || (speaker >= 0 && speaker != subject)) {
        sole = false;
        f.sole_cue = -1;
        continue;
      }
      speaker = subject;
      f.sole_cue = c;
    }
    return f;
  }

  // The first cue starting at or after token k (cues.size() if none).
  int FirstCueFrom(int k) const {
    return static_cast<int>(std::lower_bound(cue_starts_.begin(), cue_starts_.end(), k) -
                            cue_starts_.begin());
  }

  const cues::Lexicon& lex_;
  const Analysis& a_;
  const std::vector<Token>& tokens_;
  const Subjects& subjects_;
  std::vector<int> cue_at_;
  std::vector<int> cue_starts_;       // First token of each cue, in order.
  std::vector<int> next_complement_;  // See the constructor.
  std::vector<int> next_frame_;
  std::vector<int> previous_colon_;
  std::vector<int> chain_end_;
  std::vector<int> clause_start_;     // Per token, filled sentence by sentence.
  std::vector<Facts> facts_;          // Per sentence.
  std::vector<std::optional<std::string>> folded_text_;  // Per quotation, see FoldedText.
  std::vector<int> previous_quote_;   // The top-level quotation before each.
  std::vector<Attribution> out_;
  // One byte a quotation rather than a bit: each rule asks it of every
  // quotation, and a bit of std::vector<bool> is a shift and a mask away.
  std::vector<uint8_t> decided_;
  mutable int headline_paragraph_ = -1;  // See HeadlineParagraph: found once, when asked.
};

}  // namespace

std::vector<Attribution> Attribute(const cues::Lexicon& lexicon, const Analysis& analysis,
                                   const Subjects& subjects) {
  return Sieves(lexicon, analysis, subjects).Run();
}

}  // namespace guillemet::attribute
