// For the tests of the cue stage: the real lexicon, loaded once per test
// binary, and a tiny text analysed by the stages before the cue finder,
// chained as pipeline/extractor.cc chains them.
#ifndef GUILLEMET_TESTS_CUES_SUPPORT_H_
#define GUILLEMET_TESTS_CUES_SUPPORT_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "cues/cue_finder.h"
#include "cues/lexicon.h"
#include "cues/mention_finder.h"
#include "normalize/tokenize.h"
#include "quotes/quote_finder.h"

namespace guillemet::test {

inline const cues::Lexicon& SharedLexicon() {
  static const cues::Lexicon* lexicon = [] {
    auto* loaded = new cues::Lexicon;
    Status s = cues::Lexicon::Load(GUILLEMET_SOURCE_DIR "/patterns", loaded);
    if (!s.ok()) {
      ADD_FAILURE() << s.message();
      std::abort();
    }
    return loaded;
  }();
  return *lexicon;
}

// A text and its analysis (which points into the text).
struct Analysed {
  std::string text;
  Analysis a;
};

// Quotations, tokens, sentences and mentions of `text`; the caller may go
// on with FindCues.
inline std::unique_ptr<Analysed> AnalyseThroughMentions(std::string text) {
  auto out = std::make_unique<Analysed>();
  out->text = std::move(text);
  Analysis& a = out->a;
  a.text = out->text;
  const std::string_view view = out->text;
  const cues::Lexicon& lex = SharedLexicon();
  quotes::QuoteFinderResult found = quotes::FindQuotes(
      view, lex.quote_marks(),
      [&lex, view](uint32_t pos) { return cues::ReportingClauseFollows(lex, view, pos); });
  a.quotes = std::move(found.quotes);
  a.tweet_authors = std::move(found.tweet_authors);
  a.tweet_author_of_quote = std::move(found.tweet_author_of_quote);
  normalize::TokenizeAnalysis(&a);
  cues::FindMentions(lex, &a);
  return out;
}

}  // namespace guillemet::test

#endif  // GUILLEMET_TESTS_CUES_SUPPORT_H_
