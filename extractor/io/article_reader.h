// Reads the articles of a list of inputs one after the other, in order:
// each plain-text file is one article, each JSONL input yields one per line.
// This is the ArticleSource that `extract`, and later `ingest`, feed to the
// runner.
#ifndef GUILLEMET_IO_ARTICLE_READER_H_
#define GUILLEMET_IO_ARTICLE_READER_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "io/article.h"
#include "io/input_sources.h"
#include "io/jsonl_reader.h"

namespace guillemet {
namespace io {

class ArticleReader : public ArticleSource {
 public:
  ArticleReader(std::vector<InputSource> sources, ReadOptions options);
  ~ArticleReader() override;

  // Yields every article and every failed item (an input that could not be
  // listed or opened, a bad line...) in input order, numbering them from 0.
  // Only one thread may call it.
  bool Next(Article* article) override;

  // Bytes of the inputs read up to the last item returned. Compared with
  // the inputs' sizes, it gives a run's progress. Call it from the thread
  // that calls Next().
  uint64_t bytes_read() const;

 private:
  const std::vector<InputSource> sources_;
  const ReadOptions options_;
  size_t next_source_ = 0;
  uint64_t next_index_ = 0;
  uint64_t finished_bytes_ = 0;  // Of the inputs read to their end.
  std::unique_ptr<JsonlReader> jsonl_;  // The JSONL input being read, if any.
};

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_ARTICLE_READER_H_
