// guillemet's command line: global flags, one subcommand per file (see
// commands.h), and the translation of parse errors into exit status 2.
#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "io/log.h"

#ifndef GUILLEMET_VERSION
#define GUILLEMET_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  using guillemet::cli::GlobalOptions;
  namespace cli = guillemet::cli;

  CLI::App app("guillemet: finds the quotations of French news articles and who said them.",
               "guillemet");
  app.footer(cli::kExitCodesHelp);
  app.set_version_flag("-V,--version", std::string("guillemet ") + GUILLEMET_VERSION);
  GlobalOptions global;
  app.add_flag("-v,--verbose", global.verbose, "Also print debug messages on stderr");
  app.add_flag("-q,--quiet", global.quiet, "Print only errors on stderr, and no progress");
  // Let `guillemet extract -v` work as well as `guillemet -v extract`.
  app.fallthrough();
  app.require_subcommand(1);
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return std::string("guillemet: ") + e.what() + "\nRun 'guillemet --help' for usage.\n";
  });

  std::vector<cli::Command> commands = {
      cli::AddExtractCommand(&app, &global),
      cli::AddIngestCommand(&app, &global),
      cli::AddSearchCommand(&app, &global),
      cli::AddExportCommand(&app, &global),
      cli::AddSpeakersCommand(&app, &global),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0; every real one is a
    // usage error.
    return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
  }
  guillemet::io::SetUpLogging(global.quiet     ? guillemet::io::Verbosity::kQuiet
                              : global.verbose ? guillemet::io::Verbosity::kVerbose
                                               : guillemet::io::Verbosity::kNormal);
  for (const cli::Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return cli::kExitUsage;  // Unreachable: a subcommand is required.
}
