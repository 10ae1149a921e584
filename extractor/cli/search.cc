// `guillemet search`: the quotations of a quote database that match words, a
// speaker, dates and kinds, best first, as a table for a person or as JSONL.
// Also home to what `search` and `export` share (cli/query_options.h): the
// filter flags, turning them into a db::Query, and opening a database.
#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/query_options.h"
#include "core/unicode.h"
#include "db/export_format.h"
#include "db/quote_db.h"
#include "io/output_stream.h"
#include "io/text_escape.h"

namespace guillemet {
namespace cli {

void AddQueryOptions(CLI::App* app, QueryOptions* options) {
  app->add_option("--db", options->db, "The quote database (built by `guillemet ingest`)")
      ->required()
      ->type_name("FILE");
  app->add_option("WORDS", options->words,
                  "Words that must all occur in the quotation or its context sentence;\n"
                  "accents and case are ignored, and a trailing * makes a prefix (minist*)")
      ->type_name("");
  app->add_option("--speaker", options->speaker,
                  "Only quotations of this speaker: a full name, a surname, an alias or\n"
                  "a knowledge-base id (\"macron\", \"Le Pen\", \"otan\"); accents and case\n"
                  "are ignored")
      ->type_name("NAME|ID");
  app->add_option("--since", options->since,
                  "Only quotations dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->type_name("DATE");
  app->add_option("--until", options->until,
                  "Only quotations dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD;\n"
                  "2017-05 includes all of May)")
      ->type_name("DATE");
  app->add_option("--kind", options->kinds,
                  "Only these kinds, repeated or comma-separated: direct, partial,\n"
                  "tweet, mention, or all. Default: direct,partial,tweet (no mentions)")
      ->delimiter(',')
      ->allow_extra_args(false)  // WORDS after --kind K are not kinds.
      ->check(CLI::IsMember({"direct", "partial", "tweet", "mention", "all"}))
      ->type_name("K");
  app->add_option("--limit", options->limit, "At most N quotations; 0 for all")
      ->capture_default_str()
      ->type_name("N");
}

db::Query MakeQuery(const QueryOptions& options) {
  db::Query query;
  for (const std::string& word : options.words) {
    if (!query.words.empty()) query.words += ' ';
    query.words += word;
  }
  query.speaker = options.speaker;
  query.since = options.since;
  query.until = options.until;
  query.limit = options.limit;
  bool all = false;
  for (const std::string& kind : options.kinds) {
    if (kind == "all") all = true;
    if (kind == "direct") query.kinds.push_back(QuoteKind::kDirect);
    if (kind == "partial") query.kinds.push_back(QuoteKind::kPartial);
    if (kind == "tweet") query.kinds.push_back(QuoteKind::kTweet);
    if (kind == "mention") query.kinds.push_back(QuoteKind::kMention);
  }
  if (all) {
    query.kinds.clear();  // Every kind.
  } else if (query.kinds.empty()) {
    query.kinds = {QuoteKind::kDirect, QuoteKind::kPartial, QuoteKind::kTweet};
  }
  return query;
}

bool OpenForReading(const std::string& path, std::unique_ptr<db::Database>* out, bool few_rows) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    spdlog::error("{}: no such database (build one with `guillemet ingest --db {}`)", path, path);
    return false;
  }
  db::OpenOptions options;
  options.read_only = true;
  // A limited search reads each page about once: a cache of 64 pages
  // recycles its buffers instead of faulting in fresh memory for each page
  // (100 000 articles: `les` 49 -> 37 ms, `ukraine` 34 -> 25 ms). Exports
  // and full lists revisit table pages in date order and keep the default.
  if (few_rows) options.cache_kibibytes = 256;
  Status s = db::Database::Open(path, options, out);
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return false;
  }
  return true;
}

namespace {

struct SearchOptions {
  QueryOptions query;
  bool json = false;
};

int OutputWidth() {
  struct winsize size;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n > 0) return n;
  }
  return 100;
}

// `text` as valid UTF-8 on one line: control characters and runs of white
// space become one space.
std::string OneLine(std::string_view text) {
  std::string valid, out;
  io::AppendValidUtf8(text, &valid);
  bool space = false;
  for (size_t pos = 0; pos < valid.size();) {
    size_t start = pos;
    char32_t c = DecodeUtf8(valid, &pos);
    if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029 || IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.append(valid, start, pos - start);
  }
  return out;
}

// `text` (from OneLine) cut to `width` code points, the last one an
// ellipsis when cut, and padded to `width` when `pad`.
std::string Cell(std::string_view text, size_t width, bool pad) {
  size_t count = CountCodePoints(text);
  std::string out;
  if (count <= width) {
    out = std::string(text);
  } else {
    size_t pos = 0;
    for (size_t i = 0; i + 1 < width; ++i) DecodeUtf8(text, &pos);
    out = std::string(text.substr(0, pos)) + (width > 0 ? "\xE2\x80\xA6" : "");  // …
    count = width;
  }
  if (pad && count < width) out.append(width - count, ' ');
  return out;
}

// Wraps `text` (from OneLine) at spaces into lines of at most `width` code
// points; a longer word is cut. Beyond `max_lines` the last line ends with
// an ellipsis.
std::vector<std::string> Wrap(std::string_view text, size_t width, size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  size_t line_count = 0;  // Code points of `line`.
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    size_t count = CountCodePoints(word);
    if (line_count > 0 && line_count + 1 + count > width) {
      lines.push_back(line);
      line.clear();
      line_count = 0;
    }
    if (line_count > 0) {
      line.push_back(' ');
      ++line_count;
    }
    while (count > width) {  // A word longer than a line: cut it.
      size_t cut = 0;
      for (size_t i = 0; i < width - line_count; ++i) DecodeUtf8(word, &cut);
      lines.push_back(line + std::string(word.substr(0, cut)));
      line.clear();
      line_count = 0;
      word.remove_prefix(cut);
      count = CountCodePoints(word);
    }
    line.append(word);
    line_count += count;
    pos = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    std::string& last = lines.back();
    if (CountCodePoints(last) >= width) {  // Make room for the ellipsis.
      size_t cut = 0;
      for (size_t i = 0; i + 1 < width; ++i) DecodeUtf8(last, &cut);
      last.resize(cut);
    }
    last += "\xE2\x80\xA6";
  }
  return lines;
}

// One block per quotation: date, speaker and confidence beside the wrapped
// quote, then its context sentence and where it comes from.
class Table {
 public:
  explicit Table(int width) {
    text_width_ = width > kFixed + 20 ? static_cast<size_t>(width - kFixed) : 20;
  }
  void Header(std::string* out) const {
    out->append(Cell("DATE", kDate, true) + "  " + Cell("SPEAKER", kSpeaker, true) + "  " +
                Cell("CONF", kConf, true) + "  QUOTE\n");
  }
  void Row(const db::QuoteRecord& r, std::string* out) const {
    const Quotation& q = r.quotation;
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", q.confidence);
    std::string speaker = q.speaker ? OneLine(*q.speaker) : "-";
    std::vector<std::string> lines;
    for (std::string& line : Wrap("« " + OneLine(q.quote) + " »", text_width_, 6)) {
      lines.push_back(std::move(line));
    }
    if (!r.context.empty()) {
      for (std::string& line : Wrap("context: " + OneLine(r.context), text_width_, 3)) {
        lines.push_back(std::move(line));
      }
    }
    std::string where = OneLine(r.doc_id);
    if (!r.url.empty()) where += "  " + OneLine(r.url);
    if (q.kind != QuoteKind::kDirect) where += "  (" + std::string(QuoteKindName(q.kind)) + ")";
    lines.push_back(Cell(where, text_width_, false));
    const std::string blank(kFixed, ' ');
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i == 0) {
        out->append(Cell(q.date.empty() ? "-" : q.date, kDate, true) + "  " +
                    Cell(speaker, kSpeaker, true) + "  " + Cell(confidence, kConf, true) + "  ");
      } else {
        out->append(blank);
      }
      out->append(lines[i]);
      out->push_back('\n');
    }
  }

 private:
  static constexpr size_t kDate = 10, kSpeaker = 22, kConf = 4;
  static constexpr int kFixed = kDate + kSpeaker + kConf + 6;  // Two spaces between.
  size_t text_width_;
};

int RunSearch(const SearchOptions& options) {
  std::unique_ptr<db::Database> database;
  if (!OpenForReading(options.query.db, &database, options.query.limit > 0)) return kExitUsage;
  std::vector<db::QuoteRecord> rows;
  auto t0 = std::chrono::steady_clock::now();
  Status s = database->Search(MakeQuery(options.query), &rows);
  spdlog::debug(
      "search: {} rows in {:.1f} ms", rows.size(),
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  std::string error;
  std::unique_ptr<io::OutputStream> out = io::OpenOutput("-", &error);
  io::BufferedOutput buffer(out.get());
  std::string* text = buffer.buffer();
  if (options.json) {
    for (const db::QuoteRecord& r : rows) {
      db::AppendJsonLine(r, text);
      buffer.Commit();
    }
  } else if (!rows.empty()) {
    Table table(OutputWidth());
    table.Header(text);
    for (size_t i = 0; i < rows.size(); ++i) {
      if (i > 0) text->push_back('\n');
      table.Row(rows[i], text);
      buffer.Commit();
    }
  }
  if (!buffer.Flush()) {
    spdlog::error("<stdout>: write error: {}", out->error());
    return kExitSomeFailed;
  }
  if (rows.empty()) spdlog::info("no quotation matches");
  return kExitOk;
}

}  // namespace

Command AddSearchCommand(CLI::App* parent, const GlobalOptions* global) {
  auto options = std::make_shared<SearchOptions>();
  CLI::App* app = parent->add_subcommand(
      "search",
      "Find quotations in a quote database: best match first when WORDS are given,\n"
      "then newest first.");
  app->footer(
      "Prints a table (date, speaker, confidence, quote, context, doc and url)\n"
      "fitted to the terminal's width, or with --json one JSON object a line:\n"
      "doc, ordinal, date, speaker, speaker_id, quote, kind, confidence, method,\n"
      "cue, mention, context, url, title and the offsets.\n\n"
      "Exit status: 0 on success, even when nothing matches; 2 when the database\n"
      "cannot be read or a filter is malformed (a date such as 2017-13).");
  AddQueryOptions(app, &options->query);
  app->add_flag("--json", options->json, "Write JSONL instead of a table");
  return {app, [options] { return RunSearch(*options); }};
}

}  // namespace cli
}  // namespace guillemet
