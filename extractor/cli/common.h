// What the subcommands that read articles share: exit codes, the input
// options (paths, JSONL field names, size limit, threads), and finding and
// opening the patterns folder. `ingest` and `search` reuse these so that
// every command reads its inputs the same way.
#ifndef GUILLEMET_CLI_COMMON_H_
#define GUILLEMET_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "guillemet/guillemet.h"
#include "io/article.h"

namespace guillemet {
namespace cli {

// Exit statuses of every subcommand, as --help documents them.
enum ExitCode {
  kExitOk = 0,          // Every item was read and processed.
  kExitSomeFailed = 1,  // Some items failed (each named on stderr); the rest went through.
  kExitUsage = 2,       // Bad command line, or a patterns folder, output or report that
                        // cannot be used; nothing was processed.
};

// The footer of --help that explains the exit statuses.
extern const char* const kExitCodesHelp;

struct InputOptions {
  std::vector<std::string> inputs;
  io::ReadOptions read;
  int threads = 0;  // 0 = one per core.
};

// Adds INPUT... (required), --id-field, --text-field, --date-field,
// --url-field, --title-field, --max-article-bytes and -j/--threads.
void AddInputOptions(CLI::App* app, InputOptions* options);

// Adds --patterns DIR, which falls back on $GUILLEMET_PATTERNS.
void AddPatternsOption(CLI::App* app, std::string* dir);

// The patterns folder to use: `flag` when given, else the compiled-in
// default when it exists, else patterns/ beside the executable.
std::string ResolvePatternsDir(const std::string& flag);

// Opens the extractor on the resolved patterns folder. On failure logs why
// and returns false.
bool OpenExtractor(const std::string& patterns_flag, std::unique_ptr<Extractor>* out);

}  // namespace cli
}  // namespace guillemet

#endif  // GUILLEMET_CLI_COMMON_H_
