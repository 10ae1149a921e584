// `guillemet speakers`: who is quoted in a quote database, most quoted
// first, with the number of quotations and the first and last dates.
#include <spdlog/spdlog.h>

#include <cstdio>
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

struct SpeakersOptions {
  std::string db;
  bool json = false;
};

void AppendJson(const db::SpeakerSummary& summary, std::string* out) {
  const db::SpeakerInfo& speaker = summary.speaker;
  out->append("{\"speaker\":");
  db::AppendJsonString(speaker.name, out);
  out->append(",\"speaker_id\":");
  if (speaker.kb_id) {
    db::AppendJsonString(*speaker.kb_id, out);
  } else {
    out->append("null");
  }
  out->append(",\"quotations\":" + std::to_string(summary.quotations));
  auto date = [out](const char* key, const std::string& value) {
    out->append(key);
    if (value.empty()) {
      out->append("null");
    } else {
      db::AppendJsonString(value, out);
    }
  };
  date(",\"first_date\":", summary.first_date);
  date(",\"last_date\":", summary.last_date);
  out->append(",\"aliases\":[");
  for (size_t i = 0; i < speaker.aliases.size(); ++i) {
    if (i > 0) out->push_back(',');
    db::AppendJsonString(speaker.aliases[i], out);
  }
  out->append("]}\n");
}

int RunSpeakers(const SpeakersOptions& options) {
  std::unique_ptr<db::Database> database;
  if (!OpenForReading(options.db, &database)) return kExitUsage;
  std::vector<db::SpeakerSummary> speakers;
  Status s = database->Speakers(&speakers);
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return kExitSomeFailed;
  }
  std::string error;
  std::unique_ptr<io::OutputStream> out = io::OpenOutput("-", &error);
  io::BufferedOutput buffer(out.get());
  std::string* text = buffer.buffer();
  if (!options.json && !speakers.empty()) {
    text->append("QUOTES  FIRST       LAST        SPEAKER\n");
  }
  for (const db::SpeakerSummary& summary : speakers) {
    if (options.json) {
      AppendJson(summary, text);
    } else {
      char head[64];
      std::snprintf(head, sizeof head, "%6lld  %-10s  %-10s  ",
                    static_cast<long long>(summary.quotations),
                    summary.first_date.empty() ? "-" : summary.first_date.c_str(),
                    summary.last_date.empty() ? "-" : summary.last_date.c_str());
      text->append(head);
      text->append(summary.speaker.name);
      if (summary.speaker.kb_id) text->append(" (" + *summary.speaker.kb_id + ")");
      text->push_back('\n');
    }
    buffer.Commit();
  }
  if (!buffer.Flush()) {
    spdlog::error("<stdout>: write error: {}", out->error());
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace

Command AddSpeakersCommand(CLI::App* parent, const GlobalOptions* global) {
  auto options = std::make_shared<SpeakersOptions>();
  CLI::App* app = parent->add_subcommand(
      "speakers",
      "List the speakers quoted in a quote database, most quoted first, with the\n"
      "number of quotations (mentions included) and the first and last dates.");
  app->footer(
      "With --json, one object a line: speaker, speaker_id (knowledge-base id or\n"
      "null), quotations, first_date, last_date (null when undated), aliases.\n\n"
      "Exit status: 0 on success; 1 when reading failed; 2 when the database\n"
      "cannot be opened.");
  app->add_option("--db", options->db, "The quote database (built by `guillemet ingest`)")
      ->required()
      ->type_name("FILE");
  app->add_flag("--json", options->json, "Write JSONL instead of a table");
  return {app, [options] { return RunSpeakers(*options); }};
}

}  // namespace cli
}  // namespace guillemet
