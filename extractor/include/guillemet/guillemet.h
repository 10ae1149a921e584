// guillemet: finds the quotations of French news articles and names who said
// each one. This is the only header callers need; everything else under
// extractor/ is internal and may change.
//
//   std::unique_ptr<guillemet::Extractor> extractor;
//   guillemet::Status s = guillemet::Extractor::Open("patterns", &extractor);
//   if (!s.ok()) { /* s.message() reads "patterns/verbs.tsv:12: ..." */ }
//   guillemet::Extraction result = extractor->Extract({"doc-1", text});
#ifndef GUILLEMET_GUILLEMET_H_
#define GUILLEMET_GUILLEMET_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace guillemet {

// Success, or an error with a message that names its cause.
class Status {
 public:
  static Status OK() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }
  bool ok() const { return message_.empty(); }
  const std::string& message() const { return message_; }

 private:
  Status() = default;
  explicit Status(std::string message) : message_(std::move(message)) {
    if (message_.empty()) message_ = "unknown error";
  }
  std::string message_;
};

// One article. `text` should be UTF-8; invalid bytes are tolerated.
struct Document {
  std::string id;
  std::string text;
  std::string date;   // ISO-8601 ("2017-05-25", "2017-05-25T10:00Z"), or empty.
  std::string url;    // Optional.
  std::string title;  // Optional; carried through, not analysed (offsets refer
                      // to `text` only: a headline to analyse belongs in it).
};

enum class QuoteKind {
  kDirect,   // A full quoted utterance.
  kPartial,  // A quoted fragment woven into the writer's sentence.
  kTweet,    // An embedded post followed by its "— Name (@handle) date" line.
  kMention,  // Marks that report nobody's words: a name, a title, a scare quote.
};
const char* QuoteKindName(QuoteKind kind);  // "direct", "partial", "tweet", "mention"

// One quotation. Offsets count code points (`start`, `end`) or bytes
// (`byte_start`, `byte_end`) of Document::text as given, so that
// text[start:end] is the quoted words. An invalid UTF-8 byte counts as one
// code point. A quotation continued over paragraphs spans them all, and
// `quote` then joins the paragraphs with one space, without the
// continuation marks.
struct Quotation {
  std::string quote;
  size_t start = 0, end = 0;
  size_t byte_start = 0, byte_end = 0;
  QuoteKind kind = QuoteKind::kDirect;
  std::optional<std::string> speaker;     // Canonical name; none when unknown.
  std::optional<std::string> speaker_id;  // Knowledge-base id, when known.
  std::string mention;                    // Words naming the speaker here.
  std::optional<size_t> mention_start, mention_end;  // Code points.
  std::string cue;                        // The reporting expression.
  std::string method;                     // Name of the rule that decided.
  double confidence = 0;                  // 0 to 1.
  std::string date;                       // Article date used (YYYY-MM-DD), or empty.
};

struct Extraction {
  std::vector<Quotation> quotations;  // In text order, mentions included.
  std::vector<std::string> warnings;  // E.g. "invalid UTF-8 repaired (3 bytes)".
};

// Built once from a patterns directory, then shared: Extract() is const and
// safe to call from many threads at once.
class Extractor {
 public:
  // Loads and compiles every pattern file of `patterns_dir`. On failure
  // returns an error "file:line: what is wrong" and leaves *out empty.
  static Status Open(const std::string& patterns_dir, std::unique_ptr<Extractor>* out);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Never throws on any input and never fails: unreadable text yields
  // warnings and fewer quotations, not an error.
  Extraction Extract(const Document& document) const;

  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace guillemet

#endif  // GUILLEMET_GUILLEMET_H_
