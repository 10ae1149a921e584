// The subcommands of `guillemet`. Each lives in its own file and adds itself
// to the command line with one Add*Command function, which returns the
// parsed sub-app and the code to run once the command line has been parsed.
// To add one: write cli/NAME.cc with AddNameCommand, declare it here, and
// list it in main.cc.
#ifndef GUILLEMET_CLI_COMMANDS_H_
#define GUILLEMET_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace guillemet {
namespace cli {

// Options that every subcommand honours, parsed by main.
struct GlobalOptions {
  bool verbose = false;  // -v: debug messages.
  bool quiet = false;    // -q: errors only, no progress.
};

struct Command {
  CLI::App* app;             // Owned by the parent app.
  std::function<int()> run;  // Returns the process exit status.
};

// `guillemet extract`: quotations of articles to JSONL, CSV or a table.
Command AddExtractCommand(CLI::App* parent, const GlobalOptions* global);
// `guillemet ingest`: extract articles into a quote database.
Command AddIngestCommand(CLI::App* parent, const GlobalOptions* global);
// `guillemet search`: quotations of a quote database, best match first.
Command AddSearchCommand(CLI::App* parent, const GlobalOptions* global);
// `guillemet export`: a quote database's quotations as JSONL or CSV.
Command AddExportCommand(CLI::App* parent, const GlobalOptions* global);
// `guillemet speakers`: the speakers of a quote database with their counts.
Command AddSpeakersCommand(CLI::App* parent, const GlobalOptions* global);

}  // namespace cli
}  // namespace guillemet

#endif  // GUILLEMET_CLI_COMMANDS_H_
