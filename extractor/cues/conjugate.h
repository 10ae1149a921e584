// Reporting verbs generated from data: patterns/verbs.tsv names each verb and
// its conjugation class, patterns/conjugations.tsv says how a class inflects,
// and this module expands every lemma into the 3rd-person forms that the cue
// finder matches ("déclare", "déclara", "déclaré", "déclarant", ...).
#ifndef GUILLEMET_CUES_CONJUGATE_H_
#define GUILLEMET_CUES_CONJUGATE_H_

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "guillemet/guillemet.h"

namespace guillemet::cues {

enum class FormKind { kFinite, kPastParticiple, kPresentParticiple, kInfinitive };

// One written form of a verb. The same word may appear in several VerbForms
// ("dit" is present, passé simple and past participle of dire).
struct VerbForm {
  std::string word;  // Lowercase, NFC: "déclare", "déclarées", "déclarant", "déclarer".
  FormKind kind;
  // Finite forms: "present", "imparfait", "passe_simple", "futur" or "conditionnel".
  // Empty for the other kinds.
  std::string tense;
  bool plural = false;    // 3rd person plural (finite) or plural participle.
  bool feminine = false;  // Past participles only.
  // Finite forms only: an inverted subject pronoun needs -t- ("déclare-t-il",
  // "dira-t-elle"), as after every form ending in a vowel or c; not after t
  // or d ("dit-il", "répond-elle", "disent-ils").
  bool needs_t = false;
};

struct ReportingVerb {
  std::string lemma;        // As written in verbs.tsv: "s'inquiéter", "mettre en garde".
  std::string head;         // The infinitive that is conjugated: "inquiéter", "mettre".
  std::string tail;         // Fixed words after the verb: "en garde", "savoir"; may be empty.
  std::vector<std::string> tail_words;  // The tail as tokens are normalised (Lexicon::Load).
  bool pronominal = false;  // "se"/"s'" before the verb; être in compound tenses.
  std::string auxiliary;  // "avoir" or "être" (pronominal: "être"; else "avoir" unless flagged).
  std::string category;   // Free label from verbs.tsv: "say", "judge", "warn", ...
  int line = 0;           // 1-based line in verbs.tsv.
  // Forms of `head` only (no pronoun, no tail), in this order: for each of
  // the 5 simple tenses its singular then plural 3rd person; the past
  // participle (m sg, f sg, m pl, f pl); the present participle; the
  // infinitive. A class that accepts two spellings ("paie"/"paye") yields
  // both, as two forms of the same slot.
  std::vector<VerbForm> forms;
};

// A form of avoir or être that builds compound tenses ("a déclaré", "s'est dit").
struct AuxiliaryForm {
  std::string word;       // "a", "ont", "avait", "est", "sont", ...
  std::string auxiliary;  // "avoir" or "être".
  std::string tense;      // "present", "imparfait", "passe_simple", "futur", "conditionnel".
  bool plural = false;
  bool needs_t = false;  // "a-t-il", but "est-il".
};

// The conjugation classes of conjugations.tsv. Immutable once loaded, so
// Conjugate() may be called from several threads at once.
class Conjugator {
 public:
  // Reads a conjugations.tsv (format documented at the top of that file)
  // into *out. On failure returns "path:line: message" and leaves *out as
  // it was.
  static Status Load(const std::string& conjugations_path, Conjugator* out);

  // Replaces verb->forms with the forms of verb->head in class `class_name`.
  // Fails, leaving verb->forms as it was, if the class is unknown or the
  // head does not end as the class requires ("finir" in class "er"). The
  // message has no file position; callers add theirs.
  Status Conjugate(const std::string& class_name, ReportingVerb* verb) const;

 private:
  // Spellings of one slot: usually one, "paie|paye" gives two. Each is the
  // text that replaces the class ending, '*' standing for the consonants
  // that the ending's '*' matched.
  using Spellings = std::vector<std::string>;

  struct Class {
    int line = 0;                 // Line of its "ending" row, for messages.
    std::string ending;           // As written: "er", "e*er", "prendre".
    std::string before, after;    // `ending` split at '*'; `after` is all of it without '*'.
    bool has_consonants = false;  // `ending` contains '*'.
    std::array<Spellings, 5> singular, plural;  // Indexed like the tenses.
    Spellings past_participle;                  // Masculine singular.
    Spellings feminine_participle;              // Feminine singular; empty: masculine + "e".
    Spellings present_participle;
    std::vector<std::string> keys;  // Keys read so far, to reject repeats and report gaps.
  };

  // Reads one line of conjugations.tsv into classes_. Returns an error
  // message without file position, or "" on success.
  std::string AddRow(int line, const std::vector<std::string_view>& fields);

  std::map<std::string, Class> classes_;
};

// Loads patterns_dir/conjugations.tsv, verbs.tsv and auxiliaries.tsv, in
// that order, and conjugates every verb. Both outputs must be non-null; they
// are replaced on success and left empty on failure, whose message reads
// "path:line: message".
Status LoadReportingVerbs(const std::string& patterns_dir, std::vector<ReportingVerb>* verbs,
                          std::vector<AuxiliaryForm>* auxiliaries);

}  // namespace guillemet::cues

#endif  // GUILLEMET_CUES_CONJUGATE_H_
