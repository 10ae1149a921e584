// Messages on stderr, the ripgrep way: "guillemet: file:line: what happened",
// one line each, through spdlog so that every command shares the levels of
// -v and -q. A progress line, shown only on a terminal, shares the same lock
// and is erased before each message so the two never interleave.
#ifndef GUILLEMET_IO_LOG_H_
#define GUILLEMET_IO_LOG_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace guillemet {
namespace io {

enum class Verbosity { kQuiet, kNormal, kVerbose };

// Makes the default spdlog logger write "guillemet: MESSAGE" to stderr at
// the level of `verbosity`: errors only, warnings and up, or debug and up.
void SetUpLogging(Verbosity verbosity);

// "N articles, R/s" on stderr, redrawn in place a few times a second. It
// appears only once a run has lasted a second, and never when stderr is not
// a terminal, so that logs and pipes stay clean.
class Progress {
 public:
  explicit Progress(bool enabled);
  ~Progress();  // Erases the line.
  void Update(uint64_t done);
  // Same, with ", " and what `detail` returns after the rate; `detail` is
  // called only when the line is redrawn.
  void Update(uint64_t done, const std::function<std::string()>& detail);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_, next_draw_;
};

// Whether stderr is a terminal.
bool StderrIsTerminal();

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_LOG_H_
