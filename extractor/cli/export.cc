// `guillemet export`: every quotation of a quote database that matches the
// filters of `search`, streamed in search order as JSONL or CSV (RFC 4180),
// with the columns of db/export_format.h.
#include <spdlog/spdlog.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/query_options.h"
#include "db/export_format.h"
#include "db/quote_db.h"
#include "io/output_stream.h"

namespace guillemet {
namespace cli {

namespace {

struct ExportOptions {
  QueryOptions query;
  std::string format = "jsonl";
  std::string output = "-";
};

int RunExport(const ExportOptions& options) {
  std::unique_ptr<db::Database> database;
  if (!OpenForReading(options.query.db, &database)) return kExitUsage;
  std::string error;
  std::unique_ptr<io::OutputStream> out = io::OpenOutput(options.output, &error);
  if (out == nullptr) {
    spdlog::error("{}: cannot write: {}", options.output, error);
    return kExitUsage;
  }
  const std::string name = options.output == "-" ? "<stdout>" : options.output;
  const bool csv = options.format == "csv";
  io::BufferedOutput buffer(out.get());
  if (csv) buffer.buffer()->append(db::CsvHeader());
  bool write_failed = false;
  uint64_t rows = 0;
  Status s = database->Export(MakeQuery(options.query), [&](const db::QuoteRecord& r) {
    if (csv) {
      db::AppendCsvRow(r, buffer.buffer());
    } else {
      db::AppendJsonLine(r, buffer.buffer());
    }
    ++rows;
    write_failed = !buffer.Commit();
    return !write_failed;
  });
  if (!write_failed) write_failed = !buffer.Flush();
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    // A malformed filter is found before any row; anything later is a
    // failure of the database while reading.
    return rows == 0 ? kExitUsage : kExitSomeFailed;
  }
  if (write_failed) {
    spdlog::error("{}: write error: {}", name, out->error());
    return kExitSomeFailed;
  }
  spdlog::debug("{} quotations exported", rows);
  return kExitOk;
}

}  // namespace

Command AddExportCommand(CLI::App* parent, const GlobalOptions* global) {
  auto options = std::make_shared<ExportOptions>();
  options->query.limit = 0;
  CLI::App* app = parent->add_subcommand(
      "export",
      "Write the quotations of a quote database that match the filters of `search`\n"
      "(every quotation but mentions by default) as JSONL or CSV, in search order.");
  app->footer(
      "Columns, in order: doc, ordinal, date, speaker, speaker_id, quote, kind,\n"
      "confidence, method, cue, mention, context, url, title, start, end,\n"
      "byte_start, byte_end, mention_start, mention_end. CSV follows RFC 4180\n"
      "(header row, CRLF, quoted fields); missing values are null in JSONL and\n"
      "empty in CSV.\n\n"
      "Exit status: 0 on success; 1 when writing or reading failed midway; 2 when\n"
      "the database or the output cannot be opened or a filter is malformed.");
  AddQueryOptions(app, &options->query);
  app->add_option("--format", options->format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str()
      ->type_name("FORMAT");
  app->add_option("-o,--output", options->output, "Write to FILE instead of stdout")
      ->type_name("FILE");
  return {app, [options] { return RunExport(*options); }};
}

}  // namespace cli
}  // namespace guillemet
