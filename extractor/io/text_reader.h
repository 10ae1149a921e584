// Reads one plain-text file as one article: the id is the file name without
// its extension and the text is the file's bytes untouched, except that a
// UTF-16 file (known by its byte-order mark) is converted to UTF-8.
#ifndef GUILLEMET_IO_TEXT_READER_H_
#define GUILLEMET_IO_TEXT_READER_H_

#include <string>

#include "io/article.h"

namespace guillemet {
namespace io {

// Fills *article from the file at `path`. Never fails outright: an
// unreadable, empty, binary or too large file leaves the reason in
// article->error. The whole file is read with one read per block straight
// into article->document.text, whose capacity is reused from the last call.
void ReadTextArticle(const std::string& path, const ReadOptions& options, Article* article);

// The doc id of a text file: its name without folder and extension.
std::string TextFileId(const std::string& path);

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_TEXT_READER_H_
