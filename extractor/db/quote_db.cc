// Database: opening and configuring the connection, and the read side
// (speakers, stats, dump, and the entry points of search and export, which
// search.cc plans and runs). The write side is in writer.cc.
#include "db/quote_db.h"

#include <algorithm>
#include <ostream>

#include "db/bm25.h"
#include "db/export_format.h"
#include "db/rank_blocks.h"
#include "db/schema.h"
#include "db/search.h"
#include "db/search_keys.h"
#include "db/sqlite.h"

namespace guillemet::db {
namespace {

std::string EncodeAliases(const std::vector<std::string>& aliases) {
  std::string json = "[";
  for (size_t i = 0; i < aliases.size(); ++i) {
    if (i > 0) json += ",";
    AppendJsonString(aliases[i], &json);
  }
  return json + "]";
}

Status DecodeAliases(Connection* db, const std::string& json, std::vector<std::string>* out) {
  out->clear();
  ScopedStatement stmt;
  Status s = db->Cached("SELECT value FROM json_each(?1)", &stmt);
  if (!s.ok()) return s;
  stmt->Bind(1, json);
  for (;;) {
    bool row = false;
    s = stmt->Step(&row);
    if (!s.ok() || !row) return s;
    out->push_back(stmt->Text(0));
  }
}

// One row as a JSON array: unambiguous whatever the values hold.
void AppendRow(const Statement& stmt, std::string* line) {
  line->push_back('[');
  for (int i = 0; i < stmt.ColumnCount(); ++i) {
    if (i > 0) line->push_back(',');
    switch (stmt.ColumnType(i)) {
      case Statement::Type::kNull:
        *line += "null";
        break;
      case Statement::Type::kInteger:
        *line += std::to_string(stmt.Int(i));
        break;
      case Statement::Type::kReal:
        *line += FormatNumber(stmt.Real(i));
        break;
      default:
        AppendJsonString(stmt.Text(i), line);
    }
  }
  line->push_back(']');
}

}  // namespace

bool ReserveCacheMemoryForWriting(size_t bytes) { return ReservePageCacheMemory(bytes); }

Database::Database(std::unique_ptr<Connection> db, bool read_only, int version)
    : db_(std::move(db)), read_only_(read_only), schema_version_(version) {}

Database::~Database() = default;

Status Database::Open(const std::string& path, const OpenOptions& options,
                      std::unique_ptr<Database>* out) {
  out->reset();
  std::unique_ptr<Connection> db;
  Status s = Connection::Open(path, options.read_only, &db);
  if (!s.ok()) return s;
  auto fail = [&](const std::string& what, const Status& cause) {
    return Status::Error("database \"" + path + "\": " + what + cause.message());
  };
  s = db->Exec("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms));
  if (!s.ok()) return fail("", s);
  // Reading sqlite_master first surfaces "file is not a database" with a
  // clear cause before any pragma reports it obscurely.
  int64_t unused = 0;
  s = db->QueryInt("SELECT COUNT(*) FROM sqlite_master", &unused);
  if (!s.ok()) return fail("", s);
  if (!options.read_only) {
    Statement wal;
    s = db->Prepare("PRAGMA journal_mode = WAL", &wal);
    bool row = false;
    if (s.ok()) s = wal.Step(&row);
    if (!s.ok()) return fail("cannot switch to WAL mode: ", s);
    std::string mode = row ? wal.Text(0) : "";
    if (mode != "wal" && mode != "memory") {
      return Status::Error("database \"" + path + "\": cannot switch to WAL mode (still \"" + mode +
                           "\")");
    }
    // In WAL mode NORMAL loses no committed data when a process dies; only
    // a power cut can drop the last commits, and it never corrupts.
    s = db->Exec("PRAGMA synchronous = NORMAL");
    if (!s.ok()) return fail("", s);
    // Each document is written inside a savepoint, whose journal holds the
    // original of every page the document touches: in a temporary file, that
    // was ~90 pwrite calls per article, most of ingest's time.
    s = db->Exec("PRAGMA temp_store = MEMORY");
    if (s.ok() && !options.auto_checkpoint) s = db->Exec("PRAGMA wal_autocheckpoint = 0");
    if (!s.ok()) return fail("", s);
  }
  s = db->Exec("PRAGMA mmap_size = " + std::to_string(std::max<int64_t>(0, options.mmap_bytes)) +
               "; PRAGMA cache_size = -" +
               std::to_string(std::max<int64_t>(64, options.cache_kibibytes)));
  if (!s.ok()) return fail("", s);
  s = db->Exec("PRAGMA foreign_keys = ON");
  if (!s.ok()) return fail("", s);
  s = RegisterBm25(db.get());
  if (!s.ok()) return fail("", s);
  int version = 0;
  s = options.read_only ? CheckSchema(db.get(), &version) : Migrate(db.get(), &version);
  if (!s.ok()) return s;
  out->reset(new Database(std::move(db), options.read_only, version));
  return Status::OK();
}

Status Database::PutSpeaker(const SpeakerInfo& speaker) {
  if (read_only_) return Status::Error("database \"" + db_->path() + "\" is open read-only");
  if (writer_alive_) return Status::Error("PutSpeaker while a Writer is open on this Database");
  if (speaker.key.empty() || speaker.name.empty()) {
    return Status::Error("a speaker needs a key and a name (got key \"" + speaker.key +
                         "\", name \"" + speaker.name + "\")");
  }
  Status s = db_->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return Status::Error("cannot start a write transaction: " + s.message());
  auto run = [&]() -> Status {
    Statement upsert;
    Status s = db_->Prepare(
        "INSERT INTO speakers (key, name, kb_id, aliases) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (key) DO UPDATE SET name = excluded.name, kb_id = excluded.kb_id, "
        "aliases = excluded.aliases",
        &upsert);
    if (!s.ok()) return s;
    upsert.Bind(1, speaker.key);
    upsert.Bind(2, speaker.name);
    upsert.BindOptional(3, speaker.kb_id);
    upsert.Bind(4, EncodeAliases(speaker.aliases));
    s = upsert.Run();
    if (!s.ok()) return s;

    // Rebuilt from scratch so that a dropped alias stops matching; names
    // seen in quotations stay searchable.
    std::vector<std::string> keys = NameKeys(speaker.name);
    for (const std::string& alias : speaker.aliases) keys.push_back(SpeakerKey(alias));
    if (speaker.kb_id) keys.push_back(SpeakerKey(*speaker.kb_id));
    Statement seen;
    s = db_->Prepare("SELECT DISTINCT speaker FROM quotations WHERE speaker_key = ?1", &seen);
    if (!s.ok()) return s;
    seen.Bind(1, speaker.key);
    for (;;) {
      bool row = false;
      s = seen.Step(&row);
      if (!s.ok()) return s;
      if (!row) break;
      for (std::string& k : NameKeys(seen.Text(0))) keys.push_back(std::move(k));
    }
    Statement clear;
    s = db_->Prepare("DELETE FROM speaker_keys WHERE speaker = ?1", &clear);
    if (!s.ok()) return s;
    clear.Bind(1, speaker.key);
    s = clear.Run();
    if (!s.ok()) return s;
    Statement add;
    s = db_->Prepare("INSERT OR IGNORE INTO speaker_keys (key, speaker) VALUES (?1, ?2)", &add);
    if (!s.ok()) return s;
    for (const std::string& k : keys) {
      if (k.empty()) continue;
      add.Bind(1, k);
      add.Bind(2, speaker.key);
      s = add.Run();
      if (!s.ok()) return s;
    }
    return db_->Exec("COMMIT");
  };
  s = run();
  if (!s.ok()) {
    db_->Exec("ROLLBACK");
    return Status::Error("speaker \"" + speaker.key + "\" not stored: " + s.message());
  }
  return Status::OK();
}

Status Database::Read(const Query& query, bool cached,
                      const std::function<bool(const QuoteRecord&)>& row) {
  SearchPlan plan;
  Status s = PlanSearch(db_.get(), query, &plan);
  if (!s.ok()) return s;
  s = RunSearch(db_.get(), plan, cached, row);
  if (!s.ok()) return Status::Error("search failed: " + s.message());
  return Status::OK();
}

Status Database::Search(const Query& query, std::vector<QuoteRecord>* out) {
  out->clear();
  Status s = Read(query, true, [out](const QuoteRecord& r) {
    out->push_back(r);
    return true;
  });
  if (!s.ok()) out->clear();
  return s;
}

Status Database::Export(const Query& query, const std::function<bool(const QuoteRecord&)>& row) {
  return Read(query, false, row);
}

Status Database::Speakers(std::vector<SpeakerSummary>* out) {
  out->clear();
  // Grouping on quotations first walks the (speaker_key, date) index alone.
  Statement stmt;
  Status s = db_->Prepare(
      "SELECT s.key, s.name, s.kb_id, s.aliases, g.n, g.first, g.last FROM "
      "(SELECT speaker_key, COUNT(*) AS n, MIN(NULLIF(date, '')) AS first, MAX(date) AS last "
      " FROM quotations WHERE speaker_key IS NOT NULL GROUP BY speaker_key) g "
      "JOIN speakers s ON s.key = g.speaker_key ORDER BY g.n DESC, s.name, s.key",
      &stmt);
  for (bool row = true; s.ok();) {
    s = stmt.Step(&row);
    if (!s.ok() || !row) break;
    SpeakerSummary summary;
    summary.speaker.key = stmt.Text(0);
    summary.speaker.name = stmt.Text(1);
    summary.speaker.kb_id = stmt.OptionalText(2);
    s = DecodeAliases(db_.get(), stmt.Text(3), &summary.speaker.aliases);
    summary.quotations = stmt.Int(4);
    summary.first_date = stmt.Text(5);
    summary.last_date = stmt.Text(6);
    out->push_back(std::move(summary));
  }
  if (!s.ok()) {
    out->clear();
    return Status::Error("listing speakers failed: " + s.message());
  }
  return Status::OK();
}

Status Database::Checkpoint() {
  Status s = db_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
  if (!s.ok()) return Status::Error("checkpoint of \"" + db_->path() + "\" failed: " + s.message());
  return Status::OK();
}

Status Database::GetStats(Stats* out) {
  *out = Stats();
  Status s = db_->QueryInt("SELECT COUNT(*) FROM documents", &out->documents);
  if (s.ok()) {
    s = db_->QueryInt("SELECT COUNT(*) FROM documents WHERE status = 'failed'",
                      &out->failed_documents);
  }
  if (s.ok()) s = db_->QueryInt("SELECT COUNT(*) FROM quotations", &out->quotations);
  if (s.ok()) s = db_->QueryInt("SELECT COUNT(*) FROM speakers", &out->speakers);
  if (!s.ok()) return Status::Error("reading statistics failed: " + s.message());
  return Status::OK();
}

Status Database::DumpContent(std::ostream* out) {
  // Sorted by natural keys, never by rowid, so that two databases with the
  // same content but a different history print the same.
  static const char* const kTables[][2] = {
      {"documents",
       "SELECT id, url, title, date, content_hash, status, error FROM documents ORDER BY id"},
      {"quotations",
       "SELECT doc_id, ordinal, quote, char_start, char_end, byte_start, byte_end, kind, "
       "speaker, speaker_id, speaker_key, mention, mention_start, mention_end, cue, method, "
       "confidence, date, context FROM quotations ORDER BY doc_id, ordinal"},
      {"speakers", "SELECT key, name, kb_id, aliases FROM speakers ORDER BY key"},
      {"speaker_keys", "SELECT key, speaker FROM speaker_keys ORDER BY key, speaker"},
  };
  // One read transaction, so the four tables come from the same snapshot.
  const bool own_transaction = !db_->in_transaction();
  Status s = own_transaction ? db_->Exec("BEGIN") : Status::OK();
  std::string line;
  for (const auto& table : kTables) {
    if (!s.ok()) break;
    Statement stmt;
    s = db_->Prepare(table[1], &stmt);
    for (bool row = true; s.ok();) {
      s = stmt.Step(&row);
      if (!s.ok() || !row) break;
      line = table[0];
      line.push_back(' ');
      AppendRow(stmt, &line);
      line.push_back('\n');
      out->write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  }
  if (own_transaction) db_->Exec("COMMIT");
  if (!s.ok()) return Status::Error("dumping the database failed: " + s.message());
  if (!*out) return Status::Error("dumping the database failed: cannot write the output");
  return Status::OK();
}

Status Database::CheckIntegrity() {
  Statement stmt;
  Status s = db_->Prepare("PRAGMA integrity_check", &stmt);
  bool row = false;
  if (s.ok()) s = stmt.Step(&row);
  if (s.ok() && row && stmt.Text(0) != "ok") {
    s = Status::Error("integrity check: " + stmt.Text(0));
  }
  if (s.ok()) {
    Statement fk;
    s = db_->Prepare("PRAGMA foreign_key_check", &fk);
    if (s.ok()) s = fk.Step(&row);
    if (s.ok() && row) {
      s = Status::Error("foreign key check: a row of " + fk.Text(0) + " (rowid " +
                        std::to_string(fk.Int(1)) + ") points to a missing " + fk.Text(2));
    }
  }
  if (s.ok() && !read_only_) {
    s = db_->Exec("INSERT INTO quotations_fts (quotations_fts) VALUES ('integrity-check')");
    if (!s.ok()) s = Status::Error("full-text index check: " + s.message());
  }
  if (s.ok()) {
    s = CheckRankBlocks(db_.get());
    if (!s.ok()) s = Status::Error("rank blocks check: " + s.message());
  }
  if (!s.ok()) return Status::Error("database \"" + db_->path() + "\": " + s.message());
  return Status::OK();
}

}  // namespace guillemet::db
