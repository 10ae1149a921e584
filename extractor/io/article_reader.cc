#include "io/article_reader.h"

#include <filesystem>
#include <system_error>

#include "io/text_reader.h"

namespace guillemet {
namespace io {

ArticleReader::ArticleReader(std::vector<InputSource> sources, ReadOptions options)
    : sources_(std::move(sources)), options_(std::move(options)) {}

ArticleReader::~ArticleReader() = default;

bool ArticleReader::Next(Article* article) {
  for (;;) {
    if (jsonl_ != nullptr) {
      if (jsonl_->Next(article)) {
        article->index = next_index_++;
        return true;
      }
      finished_bytes_ += jsonl_->bytes_read();
      jsonl_.reset();
    }
    if (next_source_ == sources_.size()) return false;
    const InputSource& source = sources_[next_source_++];
    if (!source.error.empty()) {
      article->file = source.path;
      article->error = source.error;
    } else if (source.kind == InputSource::Kind::kText) {
      ReadTextArticle(source.path, options_, article);
      std::error_code ec;
      uintmax_t size = std::filesystem::file_size(source.path, ec);
      if (!ec) finished_bytes_ += size;
    } else {
      jsonl_ =
          std::make_unique<JsonlReader>(options_, source.path == "-" ? kStdinName : source.path);
      jsonl_->Open(source.path);
      continue;
    }
    article->index = next_index_++;
    return true;
  }
}

uint64_t ArticleReader::bytes_read() const {
  return finished_bytes_ + (jsonl_ != nullptr ? jsonl_->bytes_read() : 0);
}

}  // namespace io
}  // namespace guillemet
