// Finds the quotations of a text: pairs quotation marks of every style per
// paragraph, repairs the broken marks of real pages (a lost opening mark, «
// used to close, » used to open, “ used to close, ‘ inside a word), joins a
// quotation continued over paragraphs, and recognises embedded posts
// followed by an "— Name (@handle) date" line. One linear pass per paragraph;
// quotations nested more than 8 deep are dropped (with a warning), so that
// their texts take at most 8 times the text's size.
#ifndef GUILLEMET_QUOTES_QUOTE_FINDER_H_
#define GUILLEMET_QUOTES_QUOTE_FINDER_H_

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_set.h"
#include "core/types.h"

namespace guillemet::quotes {

// The quotation marks of patterns/quote_marks.tsv.
class QuoteMarks {
 public:
  enum Role { kOpen, kClose, kBoth };
  struct Mark {
    std::string glyph;
    Role role;
    int family;
  };
  static Status Load(const std::string& path, QuoteMarks* out);
  // The longest mark starting at text[pos], or nullptr. Inline: it is asked
  // at every character of every text. A glyph is a few bytes, compared one
  // by one here, where memcmp of a variable length was a call per mark.
  const Mark* MatchAt(std::string_view text, size_t pos) const {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    for (uint16_t k = first_[b]; k < end_[b]; ++k) {
      const Mark& m = marks_[k];
      const size_t size = m.glyph.size();
      if (text.size() - pos < size) continue;
      size_t same = 0;
      while (same < size && text[pos + same] == m.glyph[same]) ++same;
      if (same == size) return &m;
    }
    return nullptr;
  }

  // The first position in text[pos, end) whose byte may start a mark, or
  // `end`. Text between marks is skipped this way, a byte test each, instead
  // of being decoded a code point at a time.
  size_t NextCandidate(std::string_view text, size_t pos, size_t end) const {
    return first_bytes_.Find(text, pos, end);
  }
  // Whether every mark starts with a byte that begins a code point when
  // UTF-8 is decoded from any earlier code point boundary (ASCII or a
  // lead byte, never a continuation byte 80..BF), so that NextCandidate
  // lands only where decoding the text would: always, unless the pattern
  // file holds a mark that is not valid UTF-8.
  bool StartsOnCodePoints() const { return starts_on_code_points_; }

 private:
  // By first byte, then longest glyph first: the marks starting with byte b
  // are marks_[first_[b], end_[b]).
  std::vector<Mark> marks_;
  uint16_t first_[256] = {}, end_[256] = {};
  ByteSet first_bytes_;  // The bytes that start a mark.
  bool starts_on_code_points_ = true;
};

// Whether a reporting clause (", a expliqué X", "a-t-il dit") starts at a
// byte offset: lets the finder accept a quotation whose opening mark is lost.
using ReportingClauseProbe = std::function<bool(uint32_t pos)>;

struct QuoteFinderResult {
  std::vector<Quote> quotes;                 // By position; nested ones have depth > 0.
  std::vector<Span> tweet_authors;           // For each tweet quote, the author's name.
  std::vector<int> tweet_author_of_quote;    // Index into tweet_authors, or -1, per quote.
  std::vector<std::string> warnings;         // For Extraction::warnings.
};

QuoteFinderResult FindQuotes(std::string_view text, const QuoteMarks& marks,
                             const ReportingClauseProbe& reporting_clause_at);

// Compiles the regular expression of embedded posts, which FindQuotes would
// otherwise do on first use. Thread-safe.
void CompileQuotePatterns();

}  // namespace guillemet::quotes

#endif  // GUILLEMET_QUOTES_QUOTE_FINDER_H_
