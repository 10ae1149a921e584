// Plain types that the pipeline stages pass to one another. Every offset is a
// byte offset into the document text as given (never a copy of it), so that
// no stage needs a mapping back to the original.
#ifndef GUILLEMET_CORE_TYPES_H_
#define GUILLEMET_CORE_TYPES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/norm.h"
#include "guillemet/guillemet.h"

namespace guillemet {

struct Span {
  uint32_t begin = 0, end = 0;
  bool empty() const { return end <= begin; }
  uint32_t size() const { return end > begin ? end - begin : 0; }
  bool Contains(uint32_t pos) const { return pos >= begin && pos < end; }
  bool Contains(Span other) const { return other.begin >= begin && other.end <= end; }
};

// A word, a punctuation mark, or a whole quotation seen from outside.
struct Token {
  enum Type : uint8_t { kWord, kPunct, kQuote, kClitic };
  Span span;
  Type type = kWord;
  bool capitalized = false;  // First letter uppercase.
  bool all_caps = false;     // Two or more letters, all uppercase.
  bool elided = false;       // Ends with an apostrophe: l', d', qu'.
  bool line_start = false;   // First token of a line (a new paragraph).
  int quote = -1;            // For kQuote: index into Analysis::quotes.
  int sentence = -1;
  Norm norm;                 // Lowercase, apostrophes as ', NFC. Punct: the mark itself.
};

// A paragraph: a line of the text, or a document title.
struct Paragraph {
  Span span;
  bool is_title = false;
};

struct Quote {
  Span outer;               // Marks included.
  std::vector<Span> parts;  // The quoted words, one part per paragraph, marks and spaces trimmed.
  int paragraph = 0;        // Paragraph of the first part.
  int depth = 0;            // 0 for a top-level quotation.
  bool repaired = false;    // A mark was missing or misused and the span was inferred.
  bool tweet = false;       // An embedded post (no marks; span is the post text).
  bool resumed = false;     // The words after a reporting clause left inside the marks.
  std::string text;         // Parts joined with one space.
  int first_token = -1;     // The kQuote token standing for it, once tokenised.
  int sentence = -1;
};

struct Sentence {
  int first_token = 0, end_token = 0;  // [first, end) over Analysis::tokens.
  int paragraph = 0;
  bool is_title = false;
};

// A reporting expression: "a déclaré", "a-t-il observé", "selon", "estimant".
struct Cue {
  enum Form : uint8_t {
    kFinite,      // Subject before ("X a déclaré") or after ("a déclaré X").
    kInverted,    // With its own clitic subject: "a-t-il observé", "dit-elle".
    kParticiple,  // "ajoutant", "en précisant": subject of the main clause.
    kInfinitive,  // "a tenu à souligner": subject of the governing verb.
    kSource,      // "selon X", "d'après X", "pour X,".
    kRelay,       // A medium passing words on: "a rapporté la chaîne".
  };
  int first_token = 0, end_token = 0;
  Form form = kFinite;
  int verb = -1;             // Index of the reporting verb in the lexicon, or -1.
  std::string category;      // From verbs.tsv: "say", "judge", "relay", ...
  int clitic_token = -1;     // "-t-il" token of an inverted form.
  bool followed_by_que = false;
  bool negated = false;

  // "a ajouté", "a poursuivi": the same speaker going on, perhaps under
  // another description ("a ajouté le chef de l'État").
  bool GoesOn() const { return category == "add" || category == "continue"; }
};

// Words that may name a speaker.
struct Mention {
  enum Kind : uint8_t {
    kName,         // A capitalised name: "Jens Stoltenberg", "M. Tillerson", "Qatar".
    kRole,         // An office: "le secrétaire général de l'Otan".
    kEpithet,      // A description valid once the person is named: "le Norvégien".
    kDescription,  // An unnamed source: "un diplomate européen", "le communiqué".
    kPronoun,      // "il", "elle", "-t-il", "lui", "ce dernier".
  };
  int first_token = 0, end_token = 0;
  Kind kind = kName;
  std::vector<int> speakers;  // Knowledge-base candidates (indices), if the words are known.
  std::vector<std::string> roles;  // Office ids, for kRole.
  int apposed = -1;     // For a role or name: the mention in apposition to it.
  char gender = 0;      // 'm', 'f' or 0 when unknown.
  bool plural = false;
  bool former = false;  // "l'ancien secrétaire général": not the office holder of the day.
  bool outgoing = false;  // "le secrétaire général sortant": former, in office before the day.
  // "son prédécesseur" (-1), "son successeur" (+1): the holder of the same
  // office before or after the person of the story; 0 otherwise.
  int8_t succession = 0;
  bool is_org = false;
  // An organisation's own short name inside or right after its
  // description: "l'agence régionale de santé (ARS)", "l'union
  // départementale CGT" (a token index), or -1.
  int short_name_token = -1;
  // "l'Américain", "le Russe": a person named by nationality alone (an
  // index of nationalities.tsv, or -1 for a demonym the file lacks).
  bool demonym = false;
  int16_t nationality = -1;
  std::string head;     // Head noun of a role/description ("ministre"); pronoun word.
};

// Everything known about one document as the stages fill it in.
struct Analysis {
  std::string_view text;
  std::vector<Quote> quotes;
  std::vector<Span> tweet_authors;          // Author name of each embedded post.
  std::vector<int> tweet_author_of_quote;   // Per quote: index into tweet_authors or -1.
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Cue> cues;  // In order of first_token (the sieves search them by position).
  std::vector<Mention> mentions;
  std::vector<int> mention_at;  // Per token: the mention covering it, or -1.
  std::string date;             // YYYY-MM-DD or empty.
};

}  // namespace guillemet

#endif  // GUILLEMET_CORE_TYPES_H_
