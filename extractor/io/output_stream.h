// Where output bytes go: a file, stdout, or a string in tests. Writers fill
// an in-memory buffer and hand it over in large blocks, so that a run makes
// few system calls whatever the number of quotations.
#ifndef GUILLEMET_IO_OUTPUT_STREAM_H_
#define GUILLEMET_IO_OUTPUT_STREAM_H_

#include <memory>
#include <string>
#include <string_view>

namespace guillemet {
namespace io {

class OutputStream {
 public:
  virtual ~OutputStream() = default;
  // Writes all of `data`. Returns false on failure; error() says why and
  // later writes are ignored.
  virtual bool Write(std::string_view data) = 0;
  virtual const std::string& error() const = 0;
  // Whether the stream is a terminal (table output adapts its width then).
  virtual bool IsTerminal() const { return false; }
};

// Opens `path` for writing (created or truncated), or stdout for "-".
// Returns nullptr and sets *error on failure.
std::unique_ptr<OutputStream> OpenOutput(const std::string& path, std::string* error);

// Collects everything written, for tests.
class StringOutput : public OutputStream {
 public:
  bool Write(std::string_view data) override {
    text_.append(data);
    return true;
  }
  const std::string& error() const override { return error_; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::string error_;
};

// A buffer in front of an OutputStream: append to buffer(), then call
// Commit() after each record, which writes the buffer out once it is large.
class BufferedOutput {
 public:
  explicit BufferedOutput(OutputStream* stream) : stream_(stream) { buffer_.reserve(kFlushAt * 2); }
  std::string* buffer() { return &buffer_; }
  // Returns false once a write has failed.
  bool Commit() { return buffer_.size() < kFlushAt || Flush(); }
  bool Flush() {
    bool ok = buffer_.empty() || stream_->Write(buffer_);
    buffer_.clear();
    return ok;
  }
  OutputStream* stream() const { return stream_; }

 private:
  static constexpr size_t kFlushAt = 256 * 1024;
  OutputStream* stream_;
  std::string buffer_;
};

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_OUTPUT_STREAM_H_
