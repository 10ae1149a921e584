#include "io/text_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/byte_reader.h"

namespace guillemet {
namespace io {
namespace {

// Closes a file descriptor on every return path.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) close(fd);
  }
};

std::string TooLarge(size_t size, size_t limit) {
  return "file too large (" + std::to_string(size) + " bytes; --max-article-bytes is " +
         std::to_string(limit) + "), skipped";
}

}  // namespace

std::string TextFileId(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

void ReadTextArticle(const std::string& path, const ReadOptions& options, Article* article) {
  article->file = path;
  article->line = 0;
  article->document.id = TextFileId(path);
  std::string& text = article->document.text;
  text.clear();

  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    article->error = std::string("cannot read: ") + std::strerror(errno);
    return;
  }
  FdCloser closer{fd};
  struct stat st;
  if (fstat(fd, &st) != 0) {
    article->error = std::string("cannot read: ") + std::strerror(errno);
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    article->error = "cannot read: Is a directory";
    return;
  }
  const size_t limit = options.max_article_bytes;
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > limit) {
    article->error = TooLarge(st.st_size, limit);
    return;
  }
  // Read the size fstat gave in one go; keep reading after it in case the
  // file grew or is not a regular file (a named pipe), within the limit.
  size_t size = 0;
  size_t want = S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) + 1 : 64 * 1024;
  for (;;) {
    if (text.size() < size + want) text.resize(size + want);
    ssize_t n = read(fd, text.data() + size, text.size() - size);
    if (n < 0) {
      if (errno == EINTR) continue;
      text.clear();
      article->error = std::string("cannot read: ") + std::strerror(errno);
      return;
    }
    if (n == 0) break;
    size += static_cast<size_t>(n);
    if (size > limit) {
      text.clear();
      article->error = TooLarge(size, limit);
      return;
    }
    want = std::max<size_t>(size, 64 * 1024);
  }
  text.resize(size);

  if (size == 0) {
    article->error = "empty file";
    return;
  }
  const unsigned char* b = reinterpret_cast<const unsigned char*>(text.data());
  if (size >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
    bool le = b[0] == 0xFF;
    std::string utf8;
    Utf16ToUtf8(std::string_view(text).substr(2), le, &utf8);
    text.swap(utf8);
    article->warnings.push_back(le ? "converted from UTF-16LE to UTF-8"
                                   : "converted from UTF-16BE to UTF-8");
    return;
  }
  // Text never holds NUL; a file that does is an image, an archive or other
  // binary data that would only yield noise.
  const void* nul = std::memchr(text.data(), '\0', size);
  if (nul != nullptr) {
    size_t offset = static_cast<const char*>(nul) - text.data();
    text.clear();
    article->error = "binary file (NUL byte at offset " + std::to_string(offset) + "), skipped";
  }
}

}  // namespace io
}  // namespace guillemet
