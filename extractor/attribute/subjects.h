// Finds who performs each reporting expression: the subject written before
// the verb ("Le secrétaire d'État, qui ..., a estimé"), after it ("a déclaré
// jeudi à Istanbul le patron de l'Otan"), its inversion clitic ("a-t-il
// observé"), the complement of a preposition ("selon lui"), or for a
// participle the subject of its main clause.
#ifndef GUILLEMET_ATTRIBUTE_SUBJECTS_H_
#define GUILLEMET_ATTRIBUTE_SUBJECTS_H_

#include <vector>

#include "core/types.h"
#include "cues/lexicon.h"

namespace guillemet::attribute {

struct Subjects {
  std::vector<int> of_cue;            // Mention index per cue, or -1.
  std::vector<bool> postposed;        // Per cue: the subject follows the verb.
  std::vector<int> of_sentence;       // The sentence's main subject mention, or -1.
  std::vector<bool> of_some_cue;      // Per mention: the subject of at least one cue.
};

Subjects FindSubjects(const cues::Lexicon& lexicon, const Analysis& analysis);

// "Quant à Lucie, maraîchère depuis vingt ans, elle a changé": the topic
// mention that "quant à" (or "quant au") sets right before the pronoun at
// `pronoun_token` and its comma, an apposition allowed between; or -1.
int TopicBeforePronoun(const Analysis& analysis, int pronoun_token);

// Whether a mention may name a person: not an organisation, a document or
// a lone capitalised word nothing marks as a person's name ("Devant",
// "Moscou").
// Inline: the sieves ask it of nearly every mention they weigh.
inline bool MayNameAPerson(const Mention& mention) {
  if (mention.is_org) return false;
  if (mention.kind == Mention::kName) {
    return mention.gender != 0 || !mention.speakers.empty() || mention.end_token - mention.first_token >= 2;
  }
  return true;
}

}  // namespace guillemet::attribute

#endif  // GUILLEMET_ATTRIBUTE_SUBJECTS_H_
