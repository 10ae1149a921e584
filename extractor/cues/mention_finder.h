// Finds the words that may name a speaker, outside quotations: person and
// organisation names (known to the knowledge base or not), offices ("le
// secrétaire général de l'Otan"), epithets ("le Norvégien"), descriptions of
// unnamed sources ("un diplomate européen", "le communiqué") and pronouns.
// Links a name and an office written in apposition ("le patron de l'Otan,
// Jens Stoltenberg").
#ifndef GUILLEMET_CUES_MENTION_FINDER_H_
#define GUILLEMET_CUES_MENTION_FINDER_H_

#include "core/types.h"
#include "cues/lexicon.h"

namespace guillemet::cues {

// Fills analysis->mentions (sorted, non-overlapping) and analysis->mention_at.
void FindMentions(const Lexicon& lexicon, Analysis* analysis);

// The words of a mention that name its speaker: a name without its title or
// article ("M. Tillerson" -> "Tillerson", "la Russie" -> "Russie").
Span NameSpan(const Lexicon& lexicon, const Analysis& analysis, const Mention& mention);

// Whether a lowercase word ends as most nationality adjectives do
// ("djiboutienne", "bangladais"), after a stem of at least three bytes.
bool EndsLikeADemonym(std::string_view word);

// The noun of an organisation (org_anaphor in words.tsv) that stands a few
// lowercase words before token k, where a name starts ("le groupe textile
// Vaudrecourt", "du fabricant d'articles de sport Salomon"), or -1.
int OrgNounBefore(const Lexicon& lexicon, const std::vector<Token>& tokens, int k);

// Whether a word is "de" or one of its forms ("d'", and "du", "des" where
// it has taken the article in): the preposition that opens a complement.
bool IsDeOrItsContraction(std::string_view norm);

// Whether a word is an object pronoun that stands before its verb ("lui",
// "leur", "nous", "vous", "me", "m'", "te", "t'").
bool IsObjectPronoun(std::string_view norm);

// Whether an age stands at token k ("54 ans"): a person's apposition.
bool AgeAt(const std::vector<Token>& tokens, int k);

// Whether a mention opens on a possessive determiner ("son porte-parole",
// "ses proches"): it names someone by their tie to another.
bool OpensOnAPossessive(const Lexicon& lexicon, const Analysis& analysis, const Mention& mention);

}  // namespace guillemet::cues

#endif  // GUILLEMET_CUES_MENTION_FINDER_H_
