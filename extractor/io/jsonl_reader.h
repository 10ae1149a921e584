// Reads a JSONL stream of articles line by line, one JSON object a line,
// parsing each with simdjson. A bad line becomes a failed Article carrying
// the line number and a short reason, and reading goes on with the next
// line, the way leveldb's log reader drops a corrupt record and goes on.
// Lines may end with LF, CRLF or a lone CR. A NUL byte in the first line
// rejects the whole input as binary; further down it only fails its line.
#ifndef GUILLEMET_IO_JSONL_READER_H_
#define GUILLEMET_IO_JSONL_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "io/article.h"
#include "io/byte_reader.h"

namespace guillemet {
namespace io {

class JsonlReader {
 public:
  // `name` is the file's name in messages ("<stdin>" for "-").
  JsonlReader(const ReadOptions& options, std::string name);
  ~JsonlReader();

  // Opens `path` ("-" for stdin). Never fails here: an unreadable file is
  // reported by the first Next() as a failed item.
  void Open(const std::string& path);
  // Reads from `data` instead (for tests).
  void OpenMemory(std::string_view data);

  // Fills *article with the next non-blank line's article, or with the
  // reason it failed. Returns false at the end of the input. A file that
  // yields no line at all (empty, or only blank lines) yields one failed
  // item saying so, so that nothing passes unnoticed.
  bool Next(Article* article);

  // Bytes of the input read up to the last line returned (for progress).
  uint64_t bytes_read() const { return reader_.bytes_read(); }

 private:
  void ParseLine(const std::string& line, Article* article);
  // Moves the next CR-separated part of line_, from cr_next_, to segment_.
  void NextCrSegment();

  const ReadOptions options_;
  std::string name_;
  ByteReader reader_;
  std::string open_error_;
  bool done_ = false;
  bool checked_start_ = false;
  size_t line_number_ = 0;
  size_t items_ = 0;
  std::string line_;  // Reused: its capacity grows to the longest line.
  // When line_ holds lines ended by lone CRs: where the next one starts in
  // line_ (npos otherwise), and the current one.
  size_t cr_next_ = std::string::npos;
  std::string segment_;
  struct Parser;      // Keeps simdjson out of this header.
  std::unique_ptr<Parser> parser_;
};

// Why `line` is not valid JSON, in a few words ("missing closing brace").
// `simdjson_reason` is used when no more precise reason is found.
std::string DescribeJsonError(std::string_view line, std::string_view simdjson_reason);

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_JSONL_READER_H_
