// Database: opening and configuring the connection, and the read side
// (search, export, speakers, stats, dump). The write side is in writer.cc.
#include "db/quote_db.h"

#include <algorithm>
#include <ostream>

#include "db/export_format.h"
#include "db/schema.h"
#include "db/search_keys.h"
#include "db/sqlite.h"

namespace guillemet::db {
namespace {

// Columns read into a QuoteRecord by ReadRecord(), in this order.
constexpr char kRecordColumns[] =
    "q.doc_id, q.ordinal, q.quote, q.char_start, q.char_end, q.byte_start, q.byte_end, "
    "q.kind, q.speaker, q.speaker_id, q.mention, q.mention_start, q.mention_end, q.cue, "
    "q.method, q.confidence, q.date, q.context, d.url, d.title";

// Ranks the quote itself above its context, which also holds the quote's
// words and so would otherwise count them twice as much.
constexpr char kScore[] = "bm25(quotations_fts, 2.0, 1.0)";

QuoteKind KindFromName(const std::string& name) {
  if (name == "partial") return QuoteKind::kPartial;
  if (name == "tweet") return QuoteKind::kTweet;
  if (name == "mention") return QuoteKind::kMention;
  return QuoteKind::kDirect;
}

std::optional<size_t> OptionalSize(const Statement& stmt, int column) {
  std::optional<int64_t> value = stmt.OptionalInt(column);
  if (!value) return std::nullopt;
  return static_cast<size_t>(*value);
}

void ReadRecord(const Statement& stmt, QuoteRecord* r) {
  Quotation& q = r->quotation;
  r->doc_id = stmt.Text(0);
  r->ordinal = static_cast<size_t>(stmt.Int(1));
  q.quote = stmt.Text(2);
  q.start = static_cast<size_t>(stmt.Int(3));
  q.end = static_cast<size_t>(stmt.Int(4));
  q.byte_start = static_cast<size_t>(stmt.Int(5));
  q.byte_end = static_cast<size_t>(stmt.Int(6));
  q.kind = KindFromName(stmt.Text(7));
  q.speaker = stmt.OptionalText(8);
  q.speaker_id = stmt.OptionalText(9);
  q.mention = stmt.Text(10);
  q.mention_start = OptionalSize(stmt, 11);
  q.mention_end = OptionalSize(stmt, 12);
  q.cue = stmt.Text(13);
  q.method = stmt.Text(14);
  q.confidence = stmt.Real(15);
  q.date = stmt.Text(16);
  r->context = stmt.Text(17);
  r->url = stmt.Text(18);
  r->title = stmt.Text(19);
  r->score = stmt.Real(20);
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// Accepts "YYYY", "YYYY-MM", "YYYY-MM-DD" and longer ISO forms, which are
// cut to their day: dates are stored as days.
Status ParseDateBound(const std::string& text, const char* name, std::string* out) {
  out->clear();
  if (text.empty()) return Status::OK();
  std::string_view day(text);
  if (day.size() > 10 && (day[10] == 'T' || day[10] == ' ')) day = day.substr(0, 10);
  bool ok = (day.size() == 4 || day.size() == 7 || day.size() == 10) && IsDigits(day.substr(0, 4));
  if (ok && day.size() >= 7) {
    int month = std::atoi(std::string(day.substr(5, 2)).c_str());
    ok = day[4] == '-' && IsDigits(day.substr(5, 2)) && month >= 1 && month <= 12;
  }
  if (ok && day.size() == 10) {
    int d = std::atoi(std::string(day.substr(8, 2)).c_str());
    ok = day[7] == '-' && IsDigits(day.substr(8, 2)) && d >= 1 && d <= 31;
  }
  if (!ok) {
    return Status::Error(std::string(name) + " \"" + text +
                         "\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  *out = std::string(day);
  return Status::OK();
}

// The SQL of one Search/Export, with its parameters in order.
struct Select {
  std::string sql;
  std::vector<std::string> params;
  bool matches_nothing = false;  // The speaker named is unknown.
  std::string fts;               // The MATCH expression, if any.
  bool words_only = false;       // Words are the only condition.
};

Status ResolveSpeaker(Connection* db, const std::string& speaker, std::vector<std::string>* keys) {
  keys->clear();
  std::string key = SpeakerKey(speaker);
  if (key.empty()) {
    return Status::Error("speaker \"" + speaker + "\" has no letter or digit to look for");
  }
  ScopedStatement stmt;
  Status s = db->Cached("SELECT speaker FROM speaker_keys WHERE key = ?1 ORDER BY speaker", &stmt);
  if (!s.ok()) return s;
  stmt->Bind(1, key);
  for (;;) {
    bool row = false;
    s = stmt->Step(&row);
    if (!s.ok() || !row) return s;
    keys->push_back(stmt->Text(0));
  }
}

Status BuildSelect(Connection* db, const Query& query, Select* out) {
  std::string fts, since, until;
  Status s = BuildFtsQuery(query.words, &fts);
  if (s.ok()) s = ParseDateBound(query.since, "since", &since);
  if (s.ok()) s = ParseDateBound(query.until, "until", &until);
  std::vector<std::string> speakers;
  if (s.ok() && !query.speaker.empty()) s = ResolveSpeaker(db, query.speaker, &speakers);
  if (!s.ok()) return s;
  if (!query.speaker.empty() && speakers.empty()) out->matches_nothing = true;

  std::vector<std::string>& params = out->params;
  auto param = [&](std::string value) {
    params.push_back(std::move(value));
    return "?" + std::to_string(params.size());
  };
  std::string where;
  if (!fts.empty()) where += " AND quotations_fts MATCH " + param(fts);
  if (speakers.size() == 1) {
    // A plain equality lets the planner walk (speaker_key, date) in order.
    where += " AND q.speaker_key = " + param(speakers[0]);
  } else if (speakers.size() > 1) {
    where += " AND q.speaker_key IN (";
    for (size_t i = 0; i < speakers.size(); ++i) {
      if (i > 0) where += ", ";
      where += param(speakers[i]);
    }
    where += ")";
  }
  // '~' sorts after every digit and '-': "2017-05~" ends all of May. A
  // lower bound of "0" keeps undated ('') quotations out of any range.
  if (!since.empty() || !until.empty()) {
    where += " AND q.date >= " + param(since.empty() ? "0" : since);
  }
  if (!until.empty()) where += " AND q.date <= " + param(until + "~");
  if (!query.kinds.empty()) {
    where += " AND q.kind IN (";
    for (size_t i = 0; i < query.kinds.size(); ++i) {
      if (i > 0) where += ", ";
      where += "'";
      where += QuoteKindName(query.kinds[i]);  // Fixed names: safe to inline.
      where += "'";
    }
    where += ")";
  }
  const std::string limit = query.limit > 0 ? " LIMIT " + std::to_string(query.limit) : "";

  out->fts = fts;
  out->words_only = !fts.empty() && speakers.empty() && since.empty() && until.empty() &&
                    query.kinds.empty();
  std::string& sql = out->sql;
  if (fts.empty()) {
    // Walks the date (or speaker, date) index newest first and stops at
    // the limit.
    sql = std::string("SELECT ") + kRecordColumns +
          ", 0.0 FROM quotations q JOIN documents d ON d.id = q.doc_id WHERE 1" + where +
          " ORDER BY q.date DESC, q.doc_id, q.ordinal" + limit;
    return Status::OK();
  }
  // bm25 must score every match before the first row can be returned, so
  // the ranking pass touches only the few columns it needs; the full rows
  // (quote, context, article) are read for the winners alone. CROSS JOIN
  // keeps the full-text index as the outer loop: driving from the speaker or
  // date index instead would run one full-text query per candidate row,
  // which is ~100 times slower for a prolific speaker.
  sql = std::string("SELECT ") + kRecordColumns +
        ", r.score FROM (SELECT q.id AS id, " + kScore +
        " AS score, q.date AS date, q.doc_id AS doc_id, q.ordinal AS ordinal"
        " FROM quotations_fts CROSS JOIN quotations q ON q.id = quotations_fts.rowid WHERE 1" +
        where + " ORDER BY score, q.date DESC, q.doc_id, q.ordinal" + limit +
        ") r CROSS JOIN quotations q ON q.id = r.id JOIN documents d ON d.id = q.doc_id"
        " ORDER BY r.score, r.date DESC, r.doc_id, r.ordinal";
  return Status::OK();
}

struct Match {
  int64_t id;
  double score;
};

// Reorders [begin, end) so that its first `keep` entries are the newest by
// (date desc, doc_id, ordinal), the order of the general query for ties.
Status KeepNewestTied(Connection* db, size_t keep, std::vector<Match>::iterator begin,
                      std::vector<Match>::iterator end) {
  struct Keyed {
    std::string date, doc_id;
    int64_t ordinal;
    Match match;
  };
  std::vector<Keyed> keyed;
  ScopedStatement stmt;
  Status s = db->Cached("SELECT date, doc_id, ordinal FROM quotations WHERE id = ?1", &stmt);
  if (!s.ok()) return s;
  for (auto m = begin; m != end; ++m) {
    stmt->Reset();
    stmt->Bind(1, m->id);
    bool row = false;
    s = stmt->Step(&row);
    if (!s.ok()) return s;
    if (row) keyed.push_back({stmt->Text(0), stmt->Text(1), stmt->Int(2), *m});
  }
  keep = std::min(keep, keyed.size());
  std::partial_sort(keyed.begin(), keyed.begin() + keep, keyed.end(),
                    [](const Keyed& a, const Keyed& b) {
                      if (a.date != b.date) return a.date > b.date;
                      if (a.doc_id != b.doc_id) return a.doc_id < b.doc_id;
                      return a.ordinal < b.ordinal;
                    });
  for (size_t i = 0; i < keep; ++i) begin[i] = keyed[i].match;
  return Status::OK();
}

// The common search, words and nothing else, ranked on the full-text index
// alone: one pass collects (rowid, bm25) for every match without reading any
// quotation row, and rows are read only for the `limit` winners and for the
// matches whose score ties with the last winner (ties are ordered by date,
// which the index does not hold). About 3 times faster than the general
// query for a frequent word, and exact.
Status RankOnIndexOnly(Connection* db, const std::string& fts, size_t limit,
                       std::vector<QuoteRecord>* top) {
  top->clear();
  std::vector<Match> matches;
  {
    ScopedStatement stmt;
    Status s = db->Cached(std::string("SELECT rowid, ") + kScore +
                              " FROM quotations_fts WHERE quotations_fts MATCH ?1",
                          &stmt);
    if (!s.ok()) return s;
    stmt->Bind(1, fts);
    for (;;) {
      bool row = false;
      s = stmt->Step(&row);
      if (!s.ok()) return s;
      if (!row) break;
      matches.push_back({stmt->Int(0), stmt->Real(1)});
    }
  }
  if (matches.size() > limit) {
    auto by_score = [](const Match& a, const Match& b) { return a.score < b.score; };
    std::nth_element(matches.begin(), matches.begin() + (limit - 1), matches.end(), by_score);
    const double cut = matches[limit - 1].score;
    auto tied = std::partition(matches.begin(), matches.end(),
                               [cut](const Match& m) { return m.score < cut; });
    auto end = std::partition(tied, matches.end(),
                              [cut](const Match& m) { return m.score == cut; });
    const size_t need = limit - static_cast<size_t>(tied - matches.begin());
    if (static_cast<size_t>(end - tied) > need) {
      // More matches tie at the cut than places are left: order the tied
      // ones by date, article and position, reading only those columns.
      Status s = KeepNewestTied(db, need, tied, end);
      if (!s.ok()) return s;
      end = tied + need;
    }
    matches.erase(end, matches.end());
  }
  ScopedStatement fetch;
  Status s = db->Cached(std::string("SELECT ") + kRecordColumns +
                            ", 0.0 FROM quotations q JOIN documents d ON d.id = q.doc_id"
                            " WHERE q.id = ?1",
                        &fetch);
  if (!s.ok()) return s;
  for (const Match& m : matches) {
    fetch->Reset();
    fetch->Bind(1, m.id);
    bool row = false;
    s = fetch->Step(&row);
    if (!s.ok()) return s;
    if (!row) {
      return Status::Error("full-text index entry " + std::to_string(m.id) +
                           " has no quotation; run CheckIntegrity");
    }
    top->emplace_back();
    ReadRecord(*fetch, &top->back());
    top->back().score = m.score;
  }
  std::sort(top->begin(), top->end(), [](const QuoteRecord& a, const QuoteRecord& b) {
    if (a.score != b.score) return a.score < b.score;
    if (a.quotation.date != b.quotation.date) return a.quotation.date > b.quotation.date;
    if (a.doc_id != b.doc_id) return a.doc_id < b.doc_id;
    return a.ordinal < b.ordinal;
  });
  if (top->size() > limit) top->resize(limit);
  return Status::OK();
}

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
  }
  s = db->Exec("PRAGMA mmap_size = " + std::to_string(std::max<int64_t>(0, options.mmap_bytes)) +
               "; PRAGMA cache_size = -" +
               std::to_string(1024 * static_cast<int64_t>(std::max(1, options.cache_mebibytes))));
  if (!s.ok()) return fail("", s);
  s = db->Exec("PRAGMA foreign_keys = ON");
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
  Select select;
  Status s = BuildSelect(db_.get(), query, &select);
  if (!s.ok() || select.matches_nothing) return s;
  if (select.words_only && query.limit > 0) {
    // All reads in one read transaction, so that a writer committing in
    // between cannot remove a winner before it is read.
    const bool own_transaction = !db_->in_transaction();
    if (own_transaction) s = db_->Exec("BEGIN");
    std::vector<QuoteRecord> top;
    if (s.ok()) s = RankOnIndexOnly(db_.get(), select.fts, query.limit, &top);
    if (own_transaction) db_->Exec("COMMIT");
    if (!s.ok()) return Status::Error("search failed: " + s.message());
    for (const QuoteRecord& record : top) {
      if (!row(record)) break;
    }
    return Status::OK();
  }
  Statement owned;
  ScopedStatement borrowed;
  Statement* stmt = nullptr;
  if (cached) {
    s = db_->Cached(select.sql, &borrowed);
    stmt = &*borrowed;
  } else {
    s = db_->Prepare(select.sql, &owned);
    stmt = &owned;
  }
  if (!s.ok()) return Status::Error("search failed: " + s.message());
  for (size_t i = 0; i < select.params.size(); ++i) {
    stmt->Bind(static_cast<int>(i + 1), select.params[i]);
  }
  QuoteRecord record;
  for (;;) {
    bool more = false;
    s = stmt->Step(&more);
    if (!s.ok()) return Status::Error("search failed: " + s.message());
    if (!more) return Status::OK();
    ReadRecord(*stmt, &record);
    if (!row(record)) return Status::OK();
  }
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
  if (!s.ok()) return Status::Error("database \"" + db_->path() + "\": " + s.message());
  return Status::OK();
}

}  // namespace guillemet::db
