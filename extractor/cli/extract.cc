// `guillemet extract`: reads articles, extracts their quotations on many
// threads with one shared Extractor, and writes them in input order as JSONL,
// CSV or a table, with an optional per-article report. Every bad item costs
// one message on stderr and one "failed" line in the report, never the run.
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/seen_ids.h"
#include "io/article_reader.h"
#include "io/input_sources.h"
#include "io/log.h"
#include "io/output_stream.h"
#include "io/report.h"
#include "io/runner.h"
#include "io/writers.h"

namespace guillemet {
namespace cli {
namespace {

struct ExtractOptions {
  InputOptions input;
  std::string patterns;
  std::string output = "-";
  std::string format = "jsonl";
  std::string report;
  bool include_mentions = false;
  double min_confidence = 0;
  bool no_progress = false;
};

std::string OutputName(const std::string& path) { return path == "-" ? "<stdout>" : path; }

int RunExtract(const ExtractOptions& options, const GlobalOptions& global) {
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<Extractor> extractor;
  if (!OpenExtractor(options.patterns, &extractor)) return kExitUsage;

  // Open every output before reading anything, so that a typo in -o or
  // --report costs nothing.
  std::string error;
  std::unique_ptr<io::OutputStream> output = io::OpenOutput(options.output, &error);
  if (output == nullptr) {
    spdlog::error("{}: cannot write: {}", options.output, error);
    return kExitUsage;
  }
  std::unique_ptr<io::OutputStream> report_stream;
  std::unique_ptr<io::ReportWriter> report;
  if (!options.report.empty()) {
    report_stream = io::OpenOutput(options.report, &error);
    if (report_stream == nullptr) {
      spdlog::error("{}: cannot write: {}", options.report, error);
      return kExitUsage;
    }
    report = std::make_unique<io::ReportWriter>(report_stream.get());
  }
  io::Format format = io::Format::kJsonl;
  io::ParseFormat(options.format, &format);  // Already checked by the parser.
  std::unique_ptr<io::Sink> sink = io::MakeSink(format, output.get());

  io::ArticleReader reader(io::ExpandInputs(options.input.inputs), options.input.read);
  io::Progress progress(!options.no_progress && !global.quiet && io::StderrIsTerminal());

  // Consumer state: touched only by the consuming (calling) thread.
  uint64_t done = 0, failed = 0, quotations = 0;
  bool output_failed = false, report_failed = false;
  SeenIds seen_ids;
  std::vector<std::string> extra_warnings;

  const Extractor& shared = *extractor;
  io::ProcessFn process = [&shared](io::Article* article) {
    article->extraction = shared.Extract(article->document);
  };
  io::ConsumeFn consume = [&](io::Article& article) {
    extra_warnings.clear();
    size_t written = 0;
    const std::string location = article.Location();
    if (!article.ok()) {
      ++failed;
      spdlog::error("{}: {}", location, article.error);
    } else {
      for (const std::string& warning : article.warnings) {
        spdlog::warn("{}: {}", location, warning);
      }
      const std::string& id = article.document.id;
      for (const std::string& warning : article.extraction.warnings) {
        spdlog::warn("{}: doc {}: {}", location, id, warning);
      }
      seen_ids.FlagDuplicate(article, &extra_warnings);
      for (const Quotation& quotation : article.extraction.quotations) {
        if (quotation.kind == QuoteKind::kMention && !options.include_mentions) continue;
        if (quotation.confidence < options.min_confidence) continue;
        if (!sink->Write(id, quotation)) {
          output_failed = true;
          break;
        }
        ++written;
      }
      quotations += written;
    }
    if (report && !report_failed && !report->Add(article, written, extra_warnings)) {
      report_failed = true;
    }
    progress.Update(++done);
    return !output_failed;
  };

  io::RunnerOptions runner;
  runner.threads = options.input.threads;
  io::RunOrdered(&reader, runner, process, consume);

  int status = failed > 0 ? kExitSomeFailed : kExitOk;
  if (!sink->Finish() || output_failed) {
    spdlog::error("{}: write error: {}", OutputName(options.output), output->error());
    status = kExitSomeFailed;
  }
  if (report && (!report->Finish() || report_failed)) {
    spdlog::error("{}: write error: {}", options.report, report_stream->error());
    status = kExitSomeFailed;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (failed > 0) spdlog::warn("{} of {} items failed", failed, done);
  spdlog::debug("{} items ({} failed), {} quotations written in {:.2f} s", done, failed, quotations,
                seconds);
  return status;
}

}  // namespace

Command AddExtractCommand(CLI::App* parent, const GlobalOptions* global) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* app = parent->add_subcommand(
      "extract",
      "Find the quotations of articles and who said them; write one record a\n"
      "quotation, in input order.");
  app->footer(std::string("Output (JSONL) keys, in order: doc, quote, start, end, byte_start,\n"
                          "byte_end, kind, speaker, speaker_id, mention, mention_start,\n"
                          "mention_end, cue, method, confidence, date. Offsets count code\n"
                          "points (start, end) or bytes (byte_*) of the article's text.\n\n") +
              kExitCodesHelp);
  AddInputOptions(app, &options->input);
  AddPatternsOption(app, &options->patterns);
  app->add_option("-o,--output", options->output, "Write to FILE instead of stdout")
      ->type_name("FILE");
  app->add_option("--format", options->format,
                  "jsonl (one JSON object a line), csv (RFC 4180, with a header row)\n"
                  "or table (aligned columns for a terminal)")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}))
      ->capture_default_str()
      ->type_name("FORMAT");
  app->add_flag("--include-mentions", options->include_mentions,
                "Also write quotations of kind \"mention\" (names, titles, scare quotes)");
  app->add_option("--min-confidence", options->min_confidence,
                  "Leave out quotations whose confidence is below X")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str()
      ->type_name("X");
  app->add_option("--report", options->report,
                  "Write one JSON line per input item to FILE: source, doc, status\n"
                  "(ok/failed), quotations written, error, warnings")
      ->type_name("FILE");
  app->add_flag("--no-progress", options->no_progress,
                "Never show progress (shown on stderr only when it is a terminal)");
  return {app, [options, global] { return RunExtract(*options, *global); }};
}

}  // namespace cli
}  // namespace guillemet
