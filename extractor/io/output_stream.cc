#include "io/output_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace guillemet {
namespace io {
namespace {

class FdOutput : public OutputStream {
 public:
  FdOutput(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdOutput() override {
    if (owned_) close(fd_);
  }
  bool Write(std::string_view data) override {
    if (!error_.empty()) return false;
    while (!data.empty()) {
      ssize_t n = write(fd_, data.data(), data.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = std::strerror(errno);
        return false;
      }
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }
  const std::string& error() const override { return error_; }
  bool IsTerminal() const override { return isatty(fd_) != 0; }

 private:
  int fd_;
  bool owned_;
  std::string error_;
};

}  // namespace

std::unique_ptr<OutputStream> OpenOutput(const std::string& path, std::string* error) {
  if (path == "-") return std::make_unique<FdOutput>(STDOUT_FILENO, false);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<FdOutput>(fd, true);
}

}  // namespace io
}  // namespace guillemet
