// Decides, for every quotation, which words name its speaker, by an ordered
// list of rules (sieves) from the most precise to the least: each rule only
// fills quotations left open by the ones before it and records its name.
// Also decides the kind of each quotation (direct, partial, tweet, mention).
#ifndef GUILLEMET_ATTRIBUTE_SIEVES_H_
#define GUILLEMET_ATTRIBUTE_SIEVES_H_

#include <string>
#include <vector>

#include "attribute/subjects.h"
#include "core/types.h"
#include "cues/lexicon.h"

namespace guillemet::attribute {

struct Attribution {
  int mention = -1;      // The words naming the speaker (Analysis::mentions).
  Span author;           // Or a name outside any mention (a post's author line).
  int cue = -1;          // The reporting expression used, if any.
  int from_quote = -1;   // Or: same speaker as this quotation.
  const char* method = "none";
  double confidence = 0;
  QuoteKind kind = QuoteKind::kDirect;
  bool output = true;    // False for nested quotations, reported inside their parent.
};

// One attribution per quotation of analysis.quotes.
std::vector<Attribution> Attribute(const cues::Lexicon& lexicon, const Analysis& analysis,
                                   const Subjects& subjects);

}  // namespace guillemet::attribute

#endif  // GUILLEMET_ATTRIBUTE_SIEVES_H_
