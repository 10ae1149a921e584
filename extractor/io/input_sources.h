// Turns the paths of a command line into the ordered list of inputs to read:
// a folder becomes its *.txt files (recursively, sorted), a .jsonl/.ndjson
// file or "-" (stdin) is read as JSONL, any other file as one plain-text
// article. A path that cannot be listed becomes an input carrying its error,
// so that it is reported in order with the rest instead of stopping the run.
#ifndef GUILLEMET_IO_INPUT_SOURCES_H_
#define GUILLEMET_IO_INPUT_SOURCES_H_

#include <string>
#include <string_view>
#include <vector>

namespace guillemet {
namespace io {

struct InputSource {
  enum class Kind { kText, kJsonl };
  Kind kind = Kind::kText;
  std::string path;   // "-" for stdin.
  std::string error;  // Set when the path could not be listed; not read then.
};

// True for names ending in .jsonl or .ndjson (any case), and for "-".
bool IsJsonlPath(std::string_view path);

// Expands `paths` in the order given. Never fails: problems are carried by
// the returned sources' `error`, and a folder without any *.txt file is
// one such problem, so that every path yields at least one item.
std::vector<InputSource> ExpandInputs(const std::vector<std::string>& paths);

// The display name of stdin in messages and reports.
inline constexpr const char* kStdinName = "<stdin>";

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_INPUT_SOURCES_H_
