#include "io/log.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <mutex>

namespace guillemet {
namespace io {
namespace {

// Writes log lines to stderr, erasing the progress line first if one is
// shown, and draws the progress line under the same lock.
class StderrSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void ShowStatus(const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::fprintf(stderr, "\r\033[K%s", text.c_str());
    std::fflush(stderr);
    status_shown_ = !text.empty();
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    if (status_shown_) {
      std::fputs("\r\033[K", stderr);
      status_shown_ = false;
    }
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }

 private:
  bool status_shown_ = false;  // Protected by mutex_.
};

std::shared_ptr<StderrSink>& Sink() {
  static std::shared_ptr<StderrSink> sink;
  return sink;
}

}  // namespace

void SetUpLogging(Verbosity verbosity) {
  auto sink = std::make_shared<StderrSink>();
  sink->set_pattern("guillemet: %v");
  Sink() = sink;
  auto logger = std::make_shared<spdlog::logger>("guillemet", sink);
  spdlog::level::level_enum level = verbosity == Verbosity::kQuiet     ? spdlog::level::err
                                    : verbosity == Verbosity::kVerbose ? spdlog::level::debug
                                                                       : spdlog::level::info;
  logger->set_level(level);
  // stderr is unbuffered; flush each line so messages are never lost.
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) != 0; }

Progress::Progress(bool enabled)
    : enabled_(enabled && Sink() != nullptr),
      start_(std::chrono::steady_clock::now()),
      next_draw_(start_ + std::chrono::seconds(1)) {}

Progress::~Progress() {
  if (enabled_ && next_draw_ > start_ + std::chrono::seconds(1)) Sink()->ShowStatus("");
}

void Progress::Update(uint64_t done) { Update(done, nullptr); }

void Progress::Update(uint64_t done, const std::function<std::string()>& detail) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now < next_draw_) return;
  next_draw_ = now + std::chrono::milliseconds(250);
  double seconds = std::chrono::duration<double>(now - start_).count();
  char text[96];
  std::snprintf(text, sizeof text, "%llu articles, %.0f articles/s",
                static_cast<unsigned long long>(done), seconds > 0 ? done / seconds : 0.0);
  if (detail == nullptr) return Sink()->ShowStatus(text);
  Sink()->ShowStatus(std::string(text) + ", " + detail());
}

}  // namespace io
}  // namespace guillemet
