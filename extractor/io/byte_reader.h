// Reads a file, stdin or a string in large blocks and hands out either lines
// or the whole content. A UTF-16 input (recognised by its byte-order mark) is
// transcoded to UTF-8 on the fly, so the readers above it only see UTF-8.
// Nothing here allocates per line once the line buffer has grown.
#ifndef GUILLEMET_IO_BYTE_READER_H_
#define GUILLEMET_IO_BYTE_READER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace guillemet {
namespace io {

class ByteReader {
 public:
  enum class Encoding { kUtf8, kUtf16Le, kUtf16Be };
  enum class Result {
    kOk,       // *out holds a line or the content.
    kTooLong,  // Over the limit: skipped, *out is empty, *length says its size.
    kEnd,      // Nothing left.
    kError,    // A read failed; error() says why. The reader is at its end.
  };

  ByteReader();
  ~ByteReader();
  ByteReader(const ByteReader&) = delete;
  ByteReader& operator=(const ByteReader&) = delete;

  // Opens `path`, or stdin for "-". On failure returns false and error()
  // holds the system's reason ("No such file or directory").
  bool Open(const std::string& path);
  // Reads from a copy of `data` instead of a file (for tests and callers
  // that already hold the bytes).
  void OpenMemory(std::string_view data);

  // The encoding found at the start, and whether the first block held a NUL
  // byte (a sign of a binary file; never true for UTF-16).
  Encoding encoding() const { return encoding_; }
  bool LooksBinary() const { return looks_binary_; }

  // Reads up to the next "\n" and leaves it and a "\r" before it out. A line
  // over max_bytes is read through to its end but not kept, so that the
  // next call starts on the following line.
  Result ReadLine(size_t max_bytes, std::string* out, size_t* length);

  // Reads everything left; over max_bytes it stops and returns kTooLong
  // with *length the number of bytes seen so far (a lower bound).
  Result ReadAll(size_t max_bytes, std::string* out, size_t* length);

  const std::string& error() const { return error_; }

  // Bytes of the input handed out so far as lines or content, for progress
  // (for UTF-16, decoded bytes count instead of the raw ones still buffered).
  uint64_t bytes_read() const {
    return bytes_read_ - std::min<uint64_t>(bytes_read_, end_ - pos_);
  }

 private:
  // Refills buf_ with decoded bytes. Returns false at the end or on error.
  bool Fill();
  // Reads raw bytes from the file or the memory copy; -1 on error.
  long ReadRaw(char* data, size_t size);
  void DetectEncoding();
  // Decodes raw_ into buf_, keeping an incomplete unit or pair for later
  // unless at_end.
  void DecodeRaw(bool at_end);

  int fd_ = -1;
  bool owns_fd_ = false;
  std::string memory_;
  size_t memory_pos_ = 0;
  bool from_memory_ = false;

  Encoding encoding_ = Encoding::kUtf8;
  bool looks_binary_ = false;
  bool eof_ = false;
  std::string error_;
  uint64_t bytes_read_ = 0;  // Raw bytes read from the file.

  // Decoded bytes waiting to be handed out: buf_[pos_, end_).
  std::unique_ptr<char[]> buf_;
  size_t pos_ = 0, end_ = 0;
  // Raw UTF-16 bytes not yet decoded (an odd byte or half a surrogate pair).
  std::unique_ptr<unsigned char[]> raw_;
  size_t raw_size_ = 0;
};

// Decodes UTF-16 text (without its byte-order mark) into UTF-8; unpaired
// surrogates and a trailing odd byte become U+FFFD.
void Utf16ToUtf8(std::string_view in, bool little_endian, std::string* out);

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_BYTE_READER_H_
