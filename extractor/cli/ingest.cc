// `guillemet ingest`: reads articles as `extract` does, extracts them on many
// threads, and stores them in a quote database (db/quote_db.h) in input
// order through the one Writer, used on the consuming thread.
//
// Re-ingesting is cheap: the reader thread looks every article up on a
// second connection, and an article stored unchanged is never extracted. The
// consumer confirms each skip on the writing connection, which also sees the
// open batch, so that an id repeated in the input with another text is
// still stored as an uninterrupted run would store it.
//
// Crash safety is the Writer's: batches of 10 000 articles or one second. The
// Writer only looks at its clock when an article arrives, so a timer thread
// commits a batch left open by a stalled input (a pipe, a slow disk); a
// killed run then loses at most about a second of work, which re-running
// the same command adds back.
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/seen_ids.h"
#include "cues/speaker_kb.h"
#include "db/quote_db.h"
#include "io/article_reader.h"
#include "io/input_sources.h"
#include "io/log.h"
#include "io/output_stream.h"
#include "io/report.h"
#include "io/runner.h"

namespace guillemet {
namespace cli {
namespace {

using Clock = std::chrono::steady_clock;

// Articles read ahead of the writer (see RunIngest).
constexpr size_t kInFlight = 1024;

struct IngestOptions {
  InputOptions input;
  std::string patterns;
  std::string db;
  std::string report;
  bool replace_unchanged = false;
  bool no_progress = false;
};

// Wraps the article reader on the reader thread: marks each article that
// the database already holds unchanged, so that workers skip its
// extraction, and publishes the bytes read for the progress line.
class UnchangedScreen : public io::ArticleSource {
 public:
  // `lookup` (may be null: no screening) must be a Writer of its own
  // Database, since it is used on the reader thread.
  UnchangedScreen(io::ArticleReader* reader, db::Writer* lookup)
      : reader_(reader), lookup_(lookup) {}

  bool Next(io::Article* article) override {
    if (!reader_->Next(article)) return false;
    bytes_read_.store(reader_->bytes_read(), std::memory_order_relaxed);
    if (lookup_ == nullptr || !article->ok() || article->document.id.empty()) return true;
    bool unchanged = false;
    // A failed look-up only costs an extraction: Add() looks again.
    if (lookup_->IsUnchanged(article->document, &unchanged).ok() && unchanged) {
      std::lock_guard<std::mutex> lock(mu_);
      marked_.insert(article->index);
    }
    return true;
  }

  // Whether the article was marked unchanged (workers).
  bool Marked(uint64_t index) const {
    std::lock_guard<std::mutex> lock(mu_);
    return marked_.count(index) > 0;
  }
  // Same, forgetting the mark (the consumer, once per article).
  bool TakeMark(uint64_t index) {
    std::lock_guard<std::mutex> lock(mu_);
    return marked_.erase(index) > 0;
  }
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  io::ArticleReader* const reader_;
  db::Writer* const lookup_;
  std::atomic<uint64_t> bytes_read_{0};
  mutable std::mutex mu_;
  std::unordered_set<uint64_t> marked_;  // Indices read but not yet consumed.
};

// Commits the Writer's open batch once it is `age` old, from its own thread,
// for when no article arrives to make the Writer do it. Every use of the
// Writer, here and by the caller, holds *mu.
class BatchTimer {
 public:
  BatchTimer(std::mutex* mu, db::Writer* writer, std::chrono::milliseconds age)
      : mu_(mu), writer_(writer), age_(age), thread_([this] { Loop(); }) {}
  ~BatchTimer() {
    {
      std::lock_guard<std::mutex> lock(*mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

  // Call with *mu held after each Add: starts the clock of a new batch.
  void Added(size_t pending_before) {
    if (pending_before == 0 && writer_->pending() > 0) began_ = Clock::now();
  }
  // Documents lost by failed timed commits.
  uint64_t lost() const { return lost_.load(); }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(*mu_);
    while (!stop_) {
      cv_.wait_for(lock, std::chrono::milliseconds(100));
      if (stop_ || writer_->pending() == 0 || Clock::now() - began_ < age_) continue;
      const size_t pending = writer_->pending();
      Status s = writer_->Commit();
      if (!s.ok()) {
        lost_ += pending;
        spdlog::error("{}", s.message());
      }
    }
  }

  std::mutex* const mu_;
  db::Writer* const writer_;
  const std::chrono::milliseconds age_;
  // State below is protected by *mu_.
  Clock::time_point began_;
  bool stop_ = false;
  std::atomic<uint64_t> lost_{0};
  std::condition_variable cv_;
  std::thread thread_;  // Last: started once the rest is built.
};

// Copies the WAL back into the database file from its own connection and
// thread, every `period`, so that the writer's commits never wait on the
// disk (the writer's own connection has automatic checkpoints off).
class Checkpointer {
 public:
  Checkpointer(std::unique_ptr<db::Database> database, std::chrono::milliseconds period)
      : database_(std::move(database)), period_(period), thread_([this] { Loop(); }) {}
  ~Checkpointer() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      cv_.wait_for(lock, period_);
      if (stop_) break;
      lock.unlock();
      Status s = database_->Checkpoint();
      if (!s.ok()) spdlog::debug("{}", s.message());
      lock.lock();
    }
  }

  const std::unique_ptr<db::Database> database_;
  const std::chrono::milliseconds period_;
  std::mutex mu_;
  bool stop_ = false;
  std::condition_variable cv_;
  std::thread thread_;  // Last: started once the rest is built.
};

// The size of all inputs, or nullopt when one of them is stdin.
std::optional<uint64_t> TotalBytes(const std::vector<io::InputSource>& sources) {
  uint64_t total = 0;
  for (const io::InputSource& source : sources) {
    if (source.path == "-") return std::nullopt;
    if (!source.error.empty()) continue;
    std::error_code ec;
    uintmax_t size = std::filesystem::file_size(source.path, ec);
    if (!ec) total += size;
  }
  return total;
}

// "3h05m", "4m10s", "12s".
std::string FormatDuration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s / 60 % 60);
  } else if (s >= 60) {
    std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%lds", s);
  }
  return text;
}

// Registers every speaker of the knowledge base, so that searches find them
// by alias and kb id even before they are quoted. The public Extractor does
// not expose its base, so it is loaded again from the same patterns folder.
// PutSpeaker reads every quotation of the speaker, over a second for the
// most quoted ones of 100 000 articles, so speakers already stored as the
// base has them are left alone: PutSpeaker would rewrite the same rows.
bool RegisterSpeakers(const std::string& patterns, db::Database* database) {
  cues::SpeakerKb kb;
  Status s = cues::SpeakerKb::Load(ResolvePatternsDir(patterns), &kb);
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return false;
  }
  std::vector<db::SpeakerSummary> stored;
  if (!database->Speakers(&stored).ok()) stored.clear();  // Then put them all.
  std::unordered_map<std::string, const db::SpeakerInfo*> by_key;
  for (const db::SpeakerSummary& summary : stored) by_key[summary.speaker.key] = &summary.speaker;
  size_t put = 0;
  for (const cues::Speaker& speaker : kb.speakers()) {
    if (speaker.id.empty()) continue;
    db::SpeakerInfo info{speaker.id, speaker.name, speaker.id, speaker.aliases};
    auto it = by_key.find(info.key);
    if (it != by_key.end() && it->second->name == info.name && it->second->kb_id == info.kb_id &&
        it->second->aliases == info.aliases) {
      continue;
    }
    s = database->PutSpeaker(info);
    if (!s.ok()) {
      spdlog::error("{}", s.message());
      return false;
    }
    ++put;
  }
  spdlog::debug("{} knowledge-base speakers, {} registered or updated", kb.speakers().size(), put);
  return true;
}

struct Counts {
  uint64_t done = 0, failed = 0, added = 0, replaced = 0, unchanged = 0, recorded = 0;
  uint64_t quotations = 0;  // Stored by this run.
};

int RunIngest(const IngestOptions& options, const GlobalOptions& global) {
  const auto started = Clock::now();
  std::unique_ptr<Extractor> extractor;
  if (!OpenExtractor(options.patterns, &extractor)) return kExitUsage;

  std::string error;
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

  // The writer's 64 MiB page cache fills up on a large input; faulted in
  // 2 MiB at a time instead of 4 KiB, the writer thread spent 15% less CPU
  // on the bench corpus (24 000 page faults -> 7 000).
  db::ReserveCacheMemoryForWriting(size_t{72} << 20);
  std::unique_ptr<db::Database> database;
  db::OpenOptions open_options;
  open_options.auto_checkpoint = false;  // The Checkpointer's job.
  Status s = db::Database::Open(options.db, open_options, &database);
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  std::unique_ptr<db::Database> checkpoint_database;
  s = db::Database::Open(options.db, {}, &checkpoint_database);
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  Checkpointer checkpointer(std::move(checkpoint_database), std::chrono::milliseconds(250));
  if (!RegisterSpeakers(options.patterns, database.get())) return kExitUsage;
  db::WriterOptions writer_options;
  writer_options.replace_unchanged = options.replace_unchanged;
  std::unique_ptr<db::Writer> writer;
  s = database->NewWriter(writer_options, &writer);
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  // The reader thread's own connection, for the unchanged look-ups.
  std::unique_ptr<db::Database> lookup_database;
  std::unique_ptr<db::Writer> lookup;
  if (!options.replace_unchanged) {
    s = db::Database::Open(options.db, {}, &lookup_database);
    if (s.ok()) s = lookup_database->NewWriter({}, &lookup);
    if (!s.ok()) spdlog::debug("every article will be extracted: {}", s.message());
  }

  const std::vector<io::InputSource> sources = io::ExpandInputs(options.input.inputs);
  const std::optional<uint64_t> total_bytes = TotalBytes(sources);
  io::ArticleReader reader(sources, options.input.read);
  UnchangedScreen screen(&reader, lookup.get());
  io::Progress progress(!options.no_progress && !global.quiet && io::StderrIsTerminal());

  // Consumer state: touched only by the consuming (calling) thread.
  Counts counts;
  bool report_failed = false;
  SeenIds seen_ids;
  std::vector<std::string> extra_warnings;

  std::mutex writer_mu;  // Guards *writer, shared with the timer.
  BatchTimer timer(&writer_mu, writer.get(),
                   std::chrono::milliseconds(writer_options.batch_milliseconds));

  const Extractor& shared = *extractor;
  const auto run_started = Clock::now();
  io::ProcessFn process = [&shared, &screen](io::Article* article) {
    if (screen.Marked(article->index)) return;
    article->extraction = shared.Extract(article->document);
  };
  const std::function<std::string()> detail = [&] {
    std::string text = std::to_string(counts.quotations) + " quotations";
    if (counts.unchanged > 0) text += ", " + std::to_string(counts.unchanged) + " unchanged";
    if (total_bytes && *total_bytes > 0) {
      const double read = static_cast<double>(screen.bytes_read());
      const double share = std::min(1.0, read / static_cast<double>(*total_bytes));
      const double seconds = std::chrono::duration<double>(Clock::now() - run_started).count();
      char percent[16];
      std::snprintf(percent, sizeof percent, "%.0f%%", 100 * share);
      text += ", ";
      text += percent;
      if (share > 0.01 && share < 1) {
        text += ", ETA " + FormatDuration(seconds * (1 - share) / share);
      }
    }
    return text;
  };
  io::ConsumeFn consume = [&](io::Article& article) {
    extra_warnings.clear();
    const std::string location = article.Location();
    const std::string& id = article.document.id;
    size_t stored = 0;
    const char* outcome_name = "";
    std::lock_guard<std::mutex> lock(writer_mu);
    const size_t pending_before = writer->pending();
    db::IngestOutcome outcome = db::IngestOutcome::kAdded;
    Status result = Status::OK();
    if (!article.ok()) {
      ++counts.failed;
      spdlog::error("{}: {}", location, article.error);
      // Recorded when it has an id, so that the database tells which of
      // its articles could not be read; a line without one cannot be.
      if (!id.empty()) {
        result = writer->AddFailure(article.document, location + ": " + article.error, &outcome);
        if (result.ok()) {
          outcome_name = db::IngestOutcomeName(outcome);
          if (outcome == db::IngestOutcome::kFailureRecorded) ++counts.recorded;
        } else {
          spdlog::error("{}: {}", location, result.message());
        }
      }
    } else {
      for (const std::string& warning : article.warnings) {
        spdlog::warn("{}: {}", location, warning);
      }
      for (const std::string& warning : article.extraction.warnings) {
        spdlog::warn("{}: doc {}: {}", location, id, warning);
      }
      seen_ids.FlagDuplicate(article, &extra_warnings);
      bool unchanged = false;
      if (screen.TakeMark(article.index)) {
        // The reader's look-up cannot see the open batch: confirm here.
        if (!writer->IsUnchanged(article.document, &unchanged).ok()) unchanged = false;
        if (!unchanged) article.extraction = shared.Extract(article.document);
      }
      if (unchanged) {
        outcome = db::IngestOutcome::kUnchanged;
      } else {
        result = writer->Add(article.document, article.extraction, &outcome);
      }
      if (!result.ok()) {
        ++counts.failed;
        spdlog::error("{}: {}", location, result.message());
        article.error = result.message();
      } else {
        outcome_name = db::IngestOutcomeName(outcome);
        switch (outcome) {
          case db::IngestOutcome::kAdded:
            ++counts.added;
            break;
          case db::IngestOutcome::kReplaced:
            ++counts.replaced;
            break;
          case db::IngestOutcome::kUnchanged:
            ++counts.unchanged;
            break;
          case db::IngestOutcome::kFailureRecorded:
            ++counts.recorded;
            break;
        }
        if (outcome == db::IngestOutcome::kAdded || outcome == db::IngestOutcome::kReplaced) {
          stored = article.extraction.quotations.size();
        }
        counts.quotations += stored;
      }
    }
    timer.Added(pending_before);
    if (report && !report_failed &&
        !report->Add(article, stored, extra_warnings, outcome_name)) {
      report_failed = true;
    }
    progress.Update(++counts.done, detail);
    return true;
  };

  io::RunnerOptions runner;
  runner.threads = options.input.threads;
  // The writer stalls the consumer while it indexes and commits a batch
  // (tens of ms); a deep queue lets the workers go on extracting meanwhile
  // instead of idling after a few articles. Measured on 2 cores: 32 slots
  // left ingest 1.6x slower than 1024.
  runner.in_flight = kInFlight;
  io::RunOrdered(&screen, runner, process, consume);

  int status = counts.failed > 0 ? kExitSomeFailed : kExitOk;
  {
    std::lock_guard<std::mutex> lock(writer_mu);
    s = writer->Commit();
  }
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    status = kExitSomeFailed;
  }
  // The calling thread is the one SQLite writer: its CPU time bounds
  // ingest's throughput, so -v reports it.
  timespec writer_cpu{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &writer_cpu);
  spdlog::debug("writer thread CPU: {:.2f} s",
                static_cast<double>(writer_cpu.tv_sec) + writer_cpu.tv_nsec * 1e-9);
  if (timer.lost() > 0) status = kExitSomeFailed;
  if (report && (!report->Finish() || report_failed)) {
    spdlog::error("{}: write error: {}", options.report, report_stream->error());
    status = kExitSomeFailed;
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  spdlog::info(
      "{}: {} articles in {:.1f} s ({} added, {} replaced, {} unchanged, {} failed), "
      "{} quotations stored",
      options.db, counts.done, seconds, counts.added, counts.replaced, counts.unchanged,
      counts.failed, counts.quotations);
  return status;
}

}  // namespace

Command AddIngestCommand(CLI::App* parent, const GlobalOptions* global) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* app = parent->add_subcommand(
      "ingest",
      "Extract the quotations of articles and store them in a quote database\n"
      "(created if needed), for `search`, `export` and `speakers`.");
  app->footer(
      std::string(
          "An article is keyed by its id. One stored with the same text, url, title and\n"
          "date is skipped without extraction; one that changed has its quotations\n"
          "replaced; one that cannot be read is recorded as failed with its error.\n"
          "Articles are committed at least every second: after a crash or\n"
          "a kill, running the same command again completes the database, which then\n"
          "holds what an uninterrupted run would have stored.\n\n") +
      kExitCodesHelp);
  AddInputOptions(app, &options->input);
  AddPatternsOption(app, &options->patterns);
  app->add_option("--db", options->db, "The quote database to create or update")
      ->required()
      ->type_name("FILE");
  app->add_option("--report", options->report,
                  "Write one JSON line per input item to FILE: source, doc, status\n"
                  "(ok/failed), outcome (added/replaced/unchanged/failed), quotations\n"
                  "stored, error, warnings")
      ->type_name("FILE");
  app->add_flag("--replace-unchanged", options->replace_unchanged,
                "Extract and store every article again, even unchanged ones: after\n"
                "upgrading guillemet or editing the patterns");
  app->add_flag("--no-progress", options->no_progress,
                "Never show progress (shown on stderr only when it is a terminal)");
  return {app, [options, global] { return RunIngest(*options, *global); }};
}

}  // namespace cli
}  // namespace guillemet
