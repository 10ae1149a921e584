// Finds reporting expressions outside quotations: compound forms with any
// adverbs between auxiliary and participle ("a également déclaré",
// "a-t-il ainsi observé", "s'est dit"), simple forms with or without
// inversion ("estime le ministre", "dit-elle"), participles ("ajoutant",
// "en précisant"), infinitives after a modal ("a tenu à souligner"), and the
// prepositional cues of patterns/cue_templates.tsv ("selon", "pour X,").
#ifndef GUILLEMET_CUES_CUE_FINDER_H_
#define GUILLEMET_CUES_CUE_FINDER_H_

#include <string_view>

#include "core/types.h"
#include "cues/lexicon.h"

namespace guillemet::cues {

// Fills analysis->cues, in text order. Needs tokens, sentences and mentions.
void FindCues(const Lexicon& lexicon, Analysis* analysis);

// Whether the text right after a closing mark reads as a reporting clause
// (", a expliqué X", "a-t-il dit", ", selon X"): used to accept a quotation
// whose opening mark was lost. Looks at a few words only (12 words, at
// most 200 bytes).
bool ReportingClauseFollows(const Lexicon& lexicon, std::string_view text, uint32_t pos);

}  // namespace guillemet::cues

#endif  // GUILLEMET_CUES_CUE_FINDER_H_
