// Splits text into words and punctuation the way French press text needs:
// elisions apart ("l'" + "Otan"), inversion clitics apart ("a" + "-t-il"),
// words glued by scraping apart ("suivantPaul"), and every top-level
// quotation as one opaque token, so that later stages read the sentence
// around a quotation without its content.
#ifndef GUILLEMET_NORMALIZE_TOKENIZE_H_
#define GUILLEMET_NORMALIZE_TOKENIZE_H_

#include <string_view>
#include <vector>

#include "core/types.h"

namespace guillemet::normalize {

// Tokenises text[span]. Quotations of depth 0 (from `quotes`, sorted by
// position) become kQuote tokens; their inside is not tokenised.
std::vector<Token> Tokenize(std::string_view text, Span span, const std::vector<Quote>& quotes);

// Tokenises a short phrase of a pattern file the same way, for matching.
std::vector<std::string> TokenizePhrase(std::string_view phrase);

// Splits tokens into sentences (sets Token::sentence). A sentence never ends
// inside a quotation, after an abbreviation ("M.", "Mme", initials) or
// before a lowercase word; a new line always starts a new sentence.
std::vector<Sentence> SplitSentences(std::string_view text, std::vector<Token>* tokens);

// The normalise step of the pipeline, once the quotations are found:
// analysis->tokens and ->sentences of analysis->text (the quotations being
// analysis->quotes), and each quotation's first_token and sentence.
void TokenizeAnalysis(Analysis* analysis);

}  // namespace guillemet::normalize

#endif  // GUILLEMET_NORMALIZE_TOKENIZE_H_
