// The unit that flows through a run: one article read from an input (or the
// reason it could not be read), where it came from, and what the extractor
// found in it. Readers fill it, the runner's workers extract, sinks write.
#ifndef GUILLEMET_IO_ARTICLE_H_
#define GUILLEMET_IO_ARTICLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "guillemet/guillemet.h"

namespace guillemet {
namespace io {

struct Article {
  uint64_t index = 0;                 // Position among all items read, from 0.
  std::string file;                   // The input's name as the user gave or we found it.
  size_t line = 0;                    // 1-based line of a JSONL input; 0 for a whole file.
  Document document;                  // id may be set even when error is (if it was known).
  std::string error;                  // Why this item could not be read; empty when ok.
  std::vector<std::string> warnings;  // From reading, e.g. "converted from UTF-16LE".
  Extraction extraction;              // Filled by the runner's process step.

  bool ok() const { return error.empty(); }
  // "file:line", or "file" for a whole-file item: the prefix of messages.
  std::string Location() const { return line == 0 ? file : file + ":" + std::to_string(line); }
  // Texts up to this size keep their buffer when the Article is reused.
  static constexpr size_t kKeptTextCapacity = 64 * 1024;

  // Empties every field but keeps the strings' capacity, so that a reused
  // Article costs no allocation for the next one of similar size.
  void Clear() {
    index = 0;
    file.clear();
    line = 0;
    document.id.clear();
    // A slot keeps its text buffer for the next article, unless an unusual
    // article made it large: memory then stays a few small buffers per slot
    // whatever the largest article was.
    if (document.text.capacity() > kKeptTextCapacity) {
      std::string().swap(document.text);
    } else {
      document.text.clear();
    }
    document.date.clear();
    document.url.clear();
    document.title.clear();
    error.clear();
    warnings.clear();
    extraction.quotations.clear();
    extraction.warnings.clear();
  }
};

// How inputs are read; the defaults are those of `guillemet extract`.
struct ReadOptions {
  // Names of the JSONL fields holding each part of a Document.
  std::string id_field = "id";
  std::string text_field = "text";
  std::string date_field = "date";
  std::string url_field = "url";
  std::string title_field = "title";
  // An article (a plain-text file or a JSONL line) longer than this is
  // reported and skipped: it bounds the memory one item can take.
  size_t max_article_bytes = size_t{32} << 20;
};

// Anything that yields articles one at a time, in input order.
class ArticleSource {
 public:
  virtual ~ArticleSource() = default;
  // Fills *article (already cleared by the caller) with the next item, good
  // or failed; returns false when there is none left.
  virtual bool Next(Article* article) = 0;
};

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_ARTICLE_H_
