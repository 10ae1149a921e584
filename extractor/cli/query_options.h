// What `search` and `export` share, defined in search.cc: the filter flags,
// turning them into a db::Query, and opening a database for reading (which
// `speakers` uses too). Declared once here so that the three commands cannot
// drift apart.
#ifndef GUILLEMET_CLI_QUERY_OPTIONS_H_
#define GUILLEMET_CLI_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "db/quote_db.h"

namespace guillemet {
namespace cli {

// The filters of `search` and `export`, as given on the command line.
struct QueryOptions {
  std::string db;
  std::vector<std::string> words;
  std::string speaker, since, until;
  std::vector<std::string> kinds;
  size_t limit = 20;
};

// Adds --db (required), WORDS..., --speaker, --since, --until, --kind and
// --limit (default `options->limit`, 0 for all).
void AddQueryOptions(CLI::App* app, QueryOptions* options);

// The db::Query of the flags; --kind defaults to every kind but mentions.
db::Query MakeQuery(const QueryOptions& options);

// Opens an existing database read-only; logs why not and returns false.
// `few_rows`: the caller reads a limited list (a small page cache is then
// faster, see OpenOptions::cache_kibibytes).
bool OpenForReading(const std::string& path, std::unique_ptr<db::Database>* out,
                    bool few_rows = false);

}  // namespace cli
}  // namespace guillemet

#endif  // GUILLEMET_CLI_QUERY_OPTIONS_H_
