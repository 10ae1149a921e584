#include "io/byte_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace guillemet {
namespace io {
namespace {

// Large blocks keep system calls rare; 1 MiB is past the point where bigger
// reads stop paying off on Linux page-cache reads.
constexpr size_t kBlock = 1 << 20;
// UTF-16 expands by at most 3/2 into UTF-8 (a BMP unit of 2 bytes becomes up
// to 3), so half a block of raw UTF-16 always fits one decoded block.
constexpr size_t kRawBlock = kBlock / 2;
// How much of the start of a file is searched for a NUL byte.
constexpr size_t kBinaryProbe = 64 * 1024;

size_t PutUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// Decodes in[0, size) into out (which must hold size * 3 / 2 + 4 bytes) and
// returns how many input bytes were used: an incomplete unit or surrogate
// pair at the end is left for the next call unless at_end.
size_t DecodeUtf16(const unsigned char* in, size_t size, bool le, bool at_end, char* out,
                   size_t* produced_out) {
  size_t produced = 0;
  size_t i = 0;
  auto unit = [&](size_t k) -> char32_t {
    return le ? (in[k] | (in[k + 1] << 8)) : ((in[k] << 8) | in[k + 1]);
  };
  while (i + 2 <= size) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > size) {
        if (!at_end) break;  // The low half comes with the next read.
        produced += PutUtf8(0xFFFD, out + produced);
        i += 2;
        continue;
      }
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        produced += PutUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out + produced);
        i += 4;
      } else {
        produced += PutUtf8(0xFFFD, out + produced);  // Unpaired high surrogate.
        i += 2;
      }
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      produced += PutUtf8(0xFFFD, out + produced);  // Unpaired low surrogate.
      i += 2;
    } else {
      produced += PutUtf8(u, out + produced);
      i += 2;
    }
  }
  if (at_end && i < size) {  // A lone trailing byte.
    produced += PutUtf8(0xFFFD, out + produced);
    i = size;
  }
  *produced_out = produced;
  return i;
}

}  // namespace

ByteReader::ByteReader() : buf_(new char[kBlock]) {}

ByteReader::~ByteReader() {
  if (owns_fd_) close(fd_);
}

bool ByteReader::Open(const std::string& path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
  } else {
    fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      error_ = std::strerror(errno);
      return false;
    }
    owns_fd_ = true;
    posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  DetectEncoding();
  return error_.empty();
}

void ByteReader::OpenMemory(std::string_view data) {
  memory_.assign(data.data(), data.size());
  from_memory_ = true;
  DetectEncoding();
}

long ByteReader::ReadRaw(char* data, size_t size) {
  if (from_memory_) {
    size_t n = std::min(size, memory_.size() - memory_pos_);
    std::memcpy(data, memory_.data() + memory_pos_, n);
    memory_pos_ += n;
    bytes_read_ += n;
    return static_cast<long>(n);
  }
  for (;;) {
    ssize_t n = read(fd_, data, size);
    if (n >= 0) {
      bytes_read_ += static_cast<uint64_t>(n);
      return static_cast<long>(n);
    }
    if (errno == EINTR) continue;
    error_ = std::strerror(errno);
    return -1;
  }
}

void ByteReader::DetectEncoding() {
  // Read at least a few bytes (a pipe may deliver them one at a time) so
  // that a byte-order mark is never missed.
  end_ = 0;
  while (end_ < 4) {
    long n = ReadRaw(buf_.get() + end_, kRawBlock - end_);
    if (n < 0) {
      eof_ = true;
      return;
    }
    if (n == 0) {
      eof_ = true;
      break;
    }
    end_ += static_cast<size_t>(n);
  }
  const unsigned char* b = reinterpret_cast<const unsigned char*>(buf_.get());
  if (end_ >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
    encoding_ = b[0] == 0xFF ? Encoding::kUtf16Le : Encoding::kUtf16Be;
    raw_.reset(new unsigned char[kRawBlock]);
    raw_size_ = end_ - 2;  // The mark itself is not content.
    std::memcpy(raw_.get(), b + 2, raw_size_);
    DecodeRaw(eof_);
    return;
  }
  looks_binary_ = std::memchr(buf_.get(), '\0', std::min(end_, kBinaryProbe)) != nullptr;
}

void ByteReader::DecodeRaw(bool at_end) {
  size_t consumed = DecodeUtf16(raw_.get(), raw_size_, encoding_ == Encoding::kUtf16Le, at_end,
                                buf_.get(), &end_);
  std::memmove(raw_.get(), raw_.get() + consumed, raw_size_ - consumed);
  raw_size_ -= consumed;
  pos_ = 0;
}

void Utf16ToUtf8(std::string_view in, bool little_endian, std::string* out) {
  out->resize(in.size() / 2 * 3 + 4);
  size_t produced = 0;
  DecodeUtf16(reinterpret_cast<const unsigned char*>(in.data()), in.size(), little_endian, true,
              out->data(), &produced);
  out->resize(produced);
}

bool ByteReader::Fill() {
  pos_ = end_ = 0;
  while (!eof_) {
    if (encoding_ == Encoding::kUtf8) {
      long n = ReadRaw(buf_.get(), kBlock);
      if (n <= 0) {
        eof_ = true;
        return false;
      }
      end_ = static_cast<size_t>(n);
      return true;
    }
    long n = ReadRaw(reinterpret_cast<char*>(raw_.get()) + raw_size_, kRawBlock - raw_size_);
    if (n < 0) {
      eof_ = true;
      return false;
    }
    if (n == 0) eof_ = true;
    raw_size_ += static_cast<size_t>(n);
    DecodeRaw(eof_);
    if (end_ > 0) return true;
  }
  return false;
}

ByteReader::Result ByteReader::ReadLine(size_t max_bytes, std::string* out, size_t* length) {
  out->clear();
  size_t len = 0;
  bool too_long = false;
  bool any = false;
  char last = 0;  // The line's last byte, kept or not, to drop a CR from len.
  for (;;) {
    if (pos_ == end_ && !Fill()) {
      if (!error_.empty()) return Result::kError;
      if (!any) return Result::kEnd;
      break;  // A last line without its newline.
    }
    any = true;
    const char* start = buf_.get() + pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    size_t n = nl != nullptr ? static_cast<size_t>(nl - start) : end_ - pos_;
    len += n;
    // One byte of slack for the "\r" of a CRLF line end, removed below.
    if (!too_long && len > max_bytes + 1) {
      too_long = true;
      out->clear();
      out->shrink_to_fit();  // Do not keep a huge buffer for a rejected line.
    }
    if (!too_long) out->append(start, n);
    if (n > 0) last = start[n - 1];
    pos_ += n;
    if (nl != nullptr) {
      ++pos_;
      break;
    }
  }
  if (last == '\r') {
    --len;
    if (!too_long) out->pop_back();
  }
  if (len > max_bytes) too_long = true;
  *length = len;
  if (too_long) {
    out->clear();
    return Result::kTooLong;
  }
  return Result::kOk;
}

ByteReader::Result ByteReader::ReadAll(size_t max_bytes, std::string* out, size_t* length) {
  out->clear();
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) {
      if (!error_.empty()) return Result::kError;
      break;
    }
    any = true;
    size_t n = end_ - pos_;
    if (out->size() + n > max_bytes) {
      *length = out->size() + n;
      out->clear();
      pos_ = end_;
      return Result::kTooLong;
    }
    out->append(buf_.get() + pos_, n);
    pos_ = end_;
  }
  *length = out->size();
  return any ? Result::kOk : Result::kEnd;
}

}  // namespace io
}  // namespace guillemet
