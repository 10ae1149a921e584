// Wires the stages together, one document at a time:
//   normalise (date, UTF-8 check) -> find quotations -> tokenise and split
//   sentences -> find mentions and cues -> attribute -> resolve speakers ->
//   Quotation records with code-point and byte offsets.
// The Extractor holds only the immutable Lexicon, so Extract() is const and
// needs no lock.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <thread>

#include "attribute/sieves.h"
#include "attribute/subjects.h"
#include "core/unicode.h"
#include "cues/cue_finder.h"
#include "cues/lexicon.h"
#include "cues/mention_finder.h"
#include "guillemet/guillemet.h"
#include "normalize/article_date.h"
#include "normalize/tokenize.h"
#include "pipeline/trace.h"
#include "quotes/quote_finder.h"
#include "resolve/resolver.h"

namespace guillemet {

struct Extractor::Impl {
  cues::Lexicon lexicon;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Status Extractor::Open(const std::string& patterns_dir, std::unique_ptr<Extractor>* out) {
  out->reset();
  // The regular expressions of the date and post finders compile while the
  // lexicon loads, so that start-up pays for them once, not the first
  // article that needs them, and on another core when there is one. This
  // thread, once it has loaded the lexicon, compiles the date patterns
  // while the other compiles the rest.
  auto compile = [] {
    normalize::CompileArticleDatePatterns(normalize::DatePatterns::kPublicationLine);
    quotes::CompileQuotePatterns();
  };
  struct Joined {  // Joins even when the lexicon's loading throws.
    std::thread thread;
    ~Joined() {
      if (thread.joinable()) thread.join();
    }
  } compiler;
  try {
    compiler.thread = std::thread(compile);
  } catch (const std::system_error&) {
    compile();
  }
  auto impl = std::make_unique<Impl>();
  Status s = cues::Lexicon::Load(patterns_dir, &impl->lexicon);
  // Every pattern, whether or not the other thread could start.
  if (s.ok()) normalize::CompileArticleDatePatterns(normalize::DatePatterns::kDates);
  if (compiler.thread.joinable()) compiler.thread.join();
  if (!s.ok()) return s;
  out->reset(new Extractor(std::move(impl)));
  return Status::OK();
}

namespace {

size_t CountInvalidBytes(std::string_view text) {
  size_t invalid = 0;
  for (size_t i = NextInvalidByte(text, 0); i < text.size(); i = NextInvalidByte(text, i + 1)) ++invalid;
  return invalid;
}

// "2017-05-25T10:00:00Z" -> "2017-05-25"; anything else -> "".
std::string IsoDate(std::string_view date) {
  if (date.size() < 10) return "";
  for (int i = 0; i < 10; ++i) {
    bool digit = date[i] >= '0' && date[i] <= '9';
    if ((i == 4 || i == 7) ? date[i] != '-' : !digit) return "";
  }
  return std::string(date.substr(0, 10));
}

// The bytes of text[0, size) that do not continue a UTF-8 sequence (80..BF),
// eight at a time: in each byte, bit 7 set and bit 6 clear. The marks are
// added up by a multiplication (each byte 0 or 1, their sum lands in the
// top byte) rather than by __builtin_popcountll, which without -mpopcnt
// is a call into libgcc.
size_t CountNonContinuationBytes(const char* text, size_t size) {
  size_t count = size, i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, text + i, 8);
    const uint64_t continuations = (word & ~(word << 1) & 0x8080808080808080ULL) >> 7;
    count -= (continuations * 0x0101010101010101ULL) >> 56;
  }
  for (; i < size; ++i) count -= (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  return count;
}

// Code-point offsets for a set of byte offsets, in one pass over the text.
class CodePoints {
 public:
  // `valid_utf8`: the text holds no invalid sequence, so that its code
  // points are its bytes other than continuation bytes (80..BF), which are
  // counted without decoding.
  CodePoints(std::string_view text, std::vector<uint32_t> bytes, bool valid_utf8)
      : bytes_(std::move(bytes)) {
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    points_.resize(bytes_.size());
    size_t pos = 0, count = 0;
    if (valid_utf8) {
      // An offset inside a code point counts it, as decoding it whole would.
      for (size_t k = 0; k < bytes_.size(); ++k) {
        const size_t end = std::min<size_t>(bytes_[k], text.size());
        count += CountNonContinuationBytes(text.data() + pos, end > pos ? end - pos : 0);
        pos = std::max(pos, end);
        points_[k] = count;
      }
      return;
    }
    for (size_t k = 0; k < bytes_.size(); ++k) {
      while (pos < bytes_[k] && pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
          ++pos;
        } else {
          DecodeUtf8(text, &pos);
        }
        ++count;
      }
      points_[k] = count;
    }
  }
  size_t operator()(uint32_t byte) const {
    auto it = std::lower_bound(bytes_.begin(), bytes_.end(), byte);
    return points_[it - bytes_.begin()];
  }

 private:
  std::vector<uint32_t> bytes_;
  std::vector<size_t> points_;
};

Span MentionSpan(const Analysis& a, int m) {
  const Mention& mention = a.mentions[m];
  int first = mention.first_token, end = mention.end_token;
  if (mention.apposed >= 0) {
    const Mention& other = a.mentions[mention.apposed];
    first = std::min(first, other.first_token);
    end = std::max(end, other.end_token);
  }
  return {a.tokens[first].span.begin, a.tokens[end - 1].span.end};
}

bool HasInvertedPronoun(std::string_view clause) {
  for (std::string_view pronoun : {"-il", "-elle", "-ils", "-elles", "-on"}) {
    // Followed by a space, or ending the clause ("dit-il" before its comma).
    for (size_t at = clause.find(pronoun); at != std::string_view::npos; at = clause.find(pronoun, at + 1)) {
      const size_t end = at + pronoun.size();
      if (end == clause.size() || clause[end] == ' ') return true;
    }
  }
  return false;
}

// "…, estime X, politologue, et l'Otan …": after the comma that closes the
// incise, a coordinating conjunction takes the quotation up again.
bool ConjunctionOpens(std::string_view text, size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  for (std::string_view word : {"et ", "mais ", "car ", "donc ", "puis "}) {
    if (text.substr(at, word.size()) == word) return true;
  }
  return false;
}

// The word of `text` from `at` (after spaces) up to a space, a comma, a
// full stop or an apostrophe (kept, typographic or not, as the lexicon
// spells it: "d'").
std::string WordFrom(std::string_view text, size_t at, size_t end) {
  while (at < end && text[at] == ' ') ++at;
  std::string word;
  while (at < end && text[at] != ' ' && text[at] != ',' && text[at] != '.') {
    if (text[at] == '\'') return word + "'";
    if (text.substr(at, 3) == "\u2019") return word + "'";
    word += text[at++];
  }
  return word;
}

// « A, a précisé Jens Stoltenberg, de déployer … »: a short reporting
// clause inside the marks ends at a comma after which a word of
// resumption (words.tsv) takes the quotation up again. An apposition of
// its subject may stand between (« , a précisé X, secrétaire général de
// l'Otan, de … »): after a comma where none follows, the clause may end at
// the next comma within a few words. `clause_begin` is where the clause
// starts, `comma` a comma in it; returns where the clause ends, or npos.
size_t EndOfAShortClause(const cues::Lexicon& lexicon, std::string_view text, size_t clause_begin,
                         size_t comma, size_t end) {
  constexpr int kMaxWords = 8;
  if (std::count(text.begin() + clause_begin, text.begin() + comma, ' ') > kMaxWords) {
    return std::string_view::npos;
  }
  auto resumes = [&](size_t after) {
    const std::string word = WordFrom(text, after, end);
    return !word.empty() && lexicon.FeaturesOf(cues::WordClass::kResumption, word) != nullptr;
  };
  if (resumes(comma + 1)) return comma;
  int words = 0;
  for (size_t at = comma + 1; at < end && text[at] != '.' && words <= kMaxWords; ++at) {
    if (text[at] == ' ') ++words;
    if (text[at] == ',') return resumes(at + 1) ? at : std::string_view::npos;
  }
  return std::string_view::npos;
}

// « C'est faux, a rétorqué l'élue. Nous avons ... »: the page (or French
// typography) left the writer's reporting clause inside the marks. Splits
// such a quotation into the words before the comma and those after the
// clause's full stop. Only a top-level quotation of one paragraph with no
// other quotation inside, and only when a reporting verb opens the clause
// right after the comma and a full stop ends it within a few words: an
// apposition may run to it (« , reconnaît la directrice, Sabrina Lemaire. »,
// « , a-t-il expliqué lors d'une conférence de presse à la veille … . »).
// A comma ends the clause only after an inverted pronoun (« A, dit-il, B »).
void SplitAtInnerReportingClause(const cues::Lexicon& lexicon, std::string_view text,
                                 quotes::QuoteFinderResult* found) {
  constexpr int kMaxClauseWords = 20;
  // The probe tokenises a window: a quotation of thousands of commas stays
  // linear with a budget of probes each.
  constexpr int kMaxProbes = 16;
  std::vector<Quote>& quotes = found->quotes;
  // The quotations once split, and their tweet authors: filled from the
  // first split on (the quotations before it copied then), so that an
  // article where none splits, most of them, copies none.
  std::vector<Quote> out;
  std::vector<int> authors;
  bool any_split = false;
  auto author_of = [&](size_t q) {
    return q < found->tweet_author_of_quote.size() ? found->tweet_author_of_quote[q] : -1;
  };
  // Where every quotation begins, sorted: another one inside a quotation
  // is found by one binary search, so that thousands of quotations in an
  // article stay linear.
  std::vector<uint32_t> begins;
  begins.reserve(quotes.size());
  for (const Quote& quote : quotes) begins.push_back(quote.outer.begin);
  std::sort(begins.begin(), begins.end());
  for (size_t q = 0; q < quotes.size(); ++q) {
    const Quote& quote = quotes[q];
    const int author = author_of(q);
    bool simple = quote.depth == 0 && !quote.tweet && !quote.repaired && quote.parts.size() == 1;
    if (simple) {
      auto inside = std::upper_bound(begins.begin(), begins.end(), quote.outer.begin);
      if (inside != begins.end() && *inside < quote.outer.end) simple = false;
    }
    bool split = false;
    if (simple) {
      const Span part = quote.parts.front();
      int probes = 0;
      // From comma to comma, each found by find() (memchr) rather than by
      // testing every byte of the quotation.
      const std::string_view up_to_end = text.substr(0, part.end);
      for (size_t at = up_to_end.find(',', part.begin + 1); at != std::string_view::npos && !split;
           at = up_to_end.find(',', at + 1)) {
        const uint32_t comma = static_cast<uint32_t>(at);
        if (text[comma - 1] == ' ') continue;
        // The clause: words up to a full stop, then the quotation goes on.
        // "…, a-t-il expliqué devant quelques journalistes, et il a jugé…":
        // an inverted subject pronoun marks the clause as an incise that a
        // comma may end too.
        uint32_t stop = comma + 1;
        int words = 0;
        while (stop < part.end && text[stop] != '.' && words <= kMaxClauseWords) {
          if (text[stop] == ',' && (HasInvertedPronoun(text.substr(comma, stop - comma)) ||
                                    ConjunctionOpens(text, stop + 1))) {
            break;
          }
          if (text[stop] == ',') {
            const size_t clause_end = EndOfAShortClause(lexicon, text, comma + 1, stop, part.end);
            if (clause_end != std::string_view::npos) {
              stop = static_cast<uint32_t>(clause_end);
              break;
            }
          }
          if (text[stop] == ' ') ++words;
          ++stop;
        }
        if (stop >= part.end || words > kMaxClauseWords) continue;
        uint32_t next = stop + 1;
        while (next < part.end && text[next] == ' ') ++next;
        if (next >= part.end || next == stop + 1) continue;
        if (probes++ >= kMaxProbes) break;
        if (!cues::ReportingClauseFollows(lexicon, text, comma)) continue;
        if (!any_split) {
          any_split = true;
          out.assign(quotes.begin(), quotes.begin() + q);
          for (size_t k = 0; k < q; ++k) authors.push_back(author_of(k));
        }
        Quote first = quote, second = quote;
        first.outer.end = comma;
        first.parts = {Span{part.begin, comma}};
        first.text = std::string(text.substr(part.begin, comma - part.begin));
        second.outer.begin = next;
        second.parts = {Span{next, part.end}};
        second.text = std::string(text.substr(next, part.end - next));
        second.resumed = true;
        out.push_back(std::move(first));
        authors.push_back(author);
        out.push_back(std::move(second));
        authors.push_back(author);
        split = true;
      }
    }
    if (!split && any_split) {
      out.push_back(quote);
      authors.push_back(author);
    }
  }
  if (!any_split) return;
  quotes = std::move(out);
  found->tweet_author_of_quote = std::move(authors);
}

}  // namespace

Extraction Extractor::Extract(const Document& document) const {
  Extraction result;
  const cues::Lexicon& lexicon = impl_->lexicon;
  std::string_view text = document.text;
  // Offsets are 32-bit; a longer text is cut (the reader refuses such input
  // long before this).
  if (text.size() >= UINT32_MAX) {
    result.warnings.push_back("text longer than 4 GiB: only its beginning is analysed");
    text = text.substr(0, UINT32_MAX - 1);
  }
  const size_t invalid = CountInvalidBytes(text);
  if (invalid != 0) {
    result.warnings.push_back("invalid UTF-8 repaired for analysis (" + std::to_string(invalid) +
                              " byte" + (invalid > 1 ? "s" : "") + ")");
  }

  Analysis a;
  a.text = text;
  quotes::QuoteFinderResult found = quotes::FindQuotes(
      text, lexicon.quote_marks(),
      [&](uint32_t pos) { return cues::ReportingClauseFollows(lexicon, text, pos); });
  SplitAtInnerReportingClause(lexicon, text, &found);
  a.quotes = std::move(found.quotes);
  a.tweet_authors = std::move(found.tweet_authors);
  a.tweet_author_of_quote = std::move(found.tweet_author_of_quote);
  for (std::string& warning : found.warnings) result.warnings.push_back(std::move(warning));
  // Everything below serves the quotations: an article without any costs
  // only the scan for marks (the trace, when asked for, still shows it all).
  static const bool kTrace = std::getenv("GUILLEMET_TRACE") != nullptr;
  if (a.quotes.empty() && !kTrace) return result;
  a.date = IsoDate(document.date);
  if (a.date.empty()) a.date = normalize::FindArticleDate(text);

  normalize::TokenizeAnalysis(&a);
  cues::FindMentions(lexicon, &a);
  cues::FindCues(lexicon, &a);
  attribute::Subjects subjects = attribute::FindSubjects(lexicon, a);
  std::vector<attribute::Attribution> attributions = attribute::Attribute(lexicon, a, subjects);
  std::vector<resolve::Speaker> speakers =
      resolve::ResolveSpeakers(lexicon, a, subjects, attributions);
  if (kTrace) {
    std::string trace = pipeline::TraceAnalysis(a, subjects, attributions, speakers);
    std::fprintf(stderr, "=== %s\n%s", document.id.c_str(), trace.c_str());
  }

  std::vector<uint32_t> offsets;
  offsets.reserve(4 * a.quotes.size());  // At most four per quotation.
  for (size_t q = 0; q < a.quotes.size(); ++q) {
    const Quote& quote = a.quotes[q];
    if (!attributions[q].output) continue;
    offsets.push_back(quote.parts.front().begin);
    offsets.push_back(quote.parts.back().end);
    if (attributions[q].mention >= 0) {
      Span s = MentionSpan(a, attributions[q].mention);
      offsets.push_back(s.begin);
      offsets.push_back(s.end);
    }
  }
  CodePoints points(text, std::move(offsets), invalid == 0);

  // Room for every quotation at once: growing moved each one built so far.
  // The analysis ends here, so the texts of its quotations and speakers
  // move into the output rather than being copied.
  result.quotations.reserve(a.quotes.size());
  for (size_t q = 0; q < a.quotes.size(); ++q) {
    Quote& quote = a.quotes[q];
    const attribute::Attribution& at = attributions[q];
    if (!at.output) continue;
    Quotation out;
    out.quote = std::move(quote.text);
    out.byte_start = quote.parts.front().begin;
    out.byte_end = quote.parts.back().end;
    out.start = points(quote.parts.front().begin);
    out.end = points(quote.parts.back().end);
    out.kind = at.kind;
    out.method = at.method;
    out.date = a.date;
    resolve::Speaker& speaker = speakers[q];
    if (at.kind != QuoteKind::kMention && speaker.name.has_value()) {
      out.speaker = std::move(speaker.name);
      out.speaker_id = std::move(speaker.id);
      out.confidence = at.confidence * speaker.confidence;
      if (at.mention >= 0) {
        Span s = MentionSpan(a, at.mention);
        out.mention = std::string(text.substr(s.begin, s.size()));
        out.mention_start = points(s.begin);
        out.mention_end = points(s.end);
      } else if (!at.author.empty()) {
        out.mention = std::string(text.substr(at.author.begin, at.author.size()));
      }
    } else {
      out.confidence = at.kind == QuoteKind::kMention ? 0.6 : 0.5;
    }
    if (at.cue >= 0) {
      const Cue& cue = a.cues[at.cue];
      Span s{a.tokens[cue.first_token].span.begin, a.tokens[cue.end_token - 1].span.end};
      out.cue = std::string(text.substr(s.begin, s.size()));
    }
    result.quotations.push_back(std::move(out));
  }
  return result;
}

}  // namespace guillemet
