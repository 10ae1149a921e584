// The ingest path: Writer batches documents into transactions, and a failure
// undoes exactly the failed document while the batch goes on. A document row
// is never committed without its quotations.
//
// A document that replaces a stored one is written inside a savepoint. A new
// one is not: a savepoint copies every page the document first touches into
// its journal (10% of the writer's instructions on the bench corpus), and a
// new document is undone by deleting what it added: its row, its
// quotations, and the speaker rows and names it registered first.
#include <chrono>
#include <cmath>
#include <ctime>
#include <unordered_set>

#include "db/content_hash.h"
#include "db/context.h"
#include "db/export_format.h"
#include "db/quote_db.h"
#include "db/rank_blocks.h"
#include "db/search_keys.h"
#include "db/sqlite.h"

namespace guillemet::db {
namespace {

constexpr char kLookupDocument[] =
    "SELECT content_hash, status, error, url, title, date FROM documents WHERE id = ?1";

constexpr char kUpsertDocument[] =
    "INSERT INTO documents (id, url, title, date, content_hash, status, error, ingested_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, "
    "date = excluded.date, content_hash = excluded.content_hash, status = excluded.status, "
    "error = excluded.error, ingested_at = excluded.ingested_at";

constexpr char kDeleteQuotations[] = "DELETE FROM quotations WHERE doc_id = ?1";

constexpr char kInsertQuotation[] =
    "INSERT INTO quotations (doc_id, ordinal, quote, char_start, char_end, byte_start, "
    "byte_end, kind, speaker, speaker_id, speaker_key, mention, mention_start, mention_end, "
    "cue, method, confidence, date, context) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19)";

// First writer wins for name and kb id: the speaker row then depends only on
// the first document that named it, which a resumed run sees first too.
constexpr char kInsertSpeaker[] =
    "INSERT INTO speakers (key, name, kb_id) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO NOTHING";

// Indexes the quotations inserted since the last call (schema version 2 has
// no insert trigger): rowids only grow while nothing is deleted, and the
// Writer runs this before any delete, so they are exactly the ids >= ?1.
constexpr char kIndexPending[] =
    "INSERT INTO quotations_fts (rowid, quote, context) "
    "SELECT id, quote, context FROM quotations WHERE id >= ?1";

constexpr char kInsertSpeakerKey[] =
    "INSERT OR IGNORE INTO speaker_keys (key, speaker) VALUES (?1, ?2)";

// Undoing a new document (see the top of the file).
constexpr char kDeleteDocument[] = "DELETE FROM documents WHERE id = ?1";
constexpr char kDeleteSpeaker[] = "DELETE FROM speakers WHERE key = ?1";
constexpr char kDeleteSpeakerKey[] = "DELETE FROM speaker_keys WHERE key = ?1 AND speaker = ?2";

// What identifies a stored version of a document: if all of it matches,
// re-ingesting would write the same rows.
struct Fingerprint {
  std::string hash, status, error, url, title, date;
  bool operator==(const Fingerprint& o) const {
    return hash == o.hash && status == o.status && error == o.error && url == o.url &&
           title == o.title && date == o.date;
  }
};

Fingerprint FingerprintOf(const Document& doc, const std::string& hash, bool failed,
                          std::string_view error) {
  return {hash, failed ? "failed" : "ok", std::string(error), doc.url, doc.title, doc.date};
}

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// "2017-05-25T10:00Z" -> "2017-05-25"; anything not starting with a day -> "".
std::string DayOf(std::string_view date) {
  if (date.size() < 10) return "";
  for (size_t i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return "";
  }
  return std::string(date.substr(0, 10));
}

const std::optional<std::string> kNone;

}  // namespace

struct Writer::Impl {
  Connection* db = nullptr;
  bool* alive = nullptr;  // Database::writer_alive_, cleared on destruction.
  WriterOptions options;
  size_t pending = 0;
  std::chrono::steady_clock::time_point batch_start;
  // Speaker (key, name) pairs whose rows exist in the open transaction or
  // the file; saves two statements per quotation. Cleared on any rollback,
  // since the rows it vouches for may be gone.
  std::unordered_set<std::string> known_speakers;
  // First rowid of the quotations inserted in the open transaction and not
  // yet in the full-text index; 0 when there are none. Every commit indexes
  // them first, so a committed quotation is always searchable.
  int64_t unindexed_from = 0;
  // What the document being written added to speakers and speaker_keys,
  // for undoing it: speaker keys, and (key, speaker) pairs.
  std::vector<std::string> added_speakers;
  std::vector<std::pair<std::string, std::string>> added_speaker_keys;

  Status Lookup(const std::string& id, std::optional<Fingerprint>* found);
  Status Begin();
  Status MaybeCommit();
  Status Commit();
  Status IndexPending();
  // Runs a statement without rows from the connection's prepared cache.
  Status RunCached(const char* sql);
  Status Store(const Document& doc, const Extraction* extraction, std::string_view error,
               IngestOutcome* outcome);
  Status WriteDocument(const Document& doc, const Extraction* extraction, const Fingerprint& fp,
                       bool existed);
  Status EnsureSpeaker(const std::string& key, const std::string& name,
                       const std::optional<std::string>& kb_id);
  Status UndoNewDocument(const std::string& id);
};

Status Writer::Impl::RunCached(const char* sql) {
  ScopedStatement stmt;
  Status s = db->Cached(sql, &stmt);
  if (s.ok()) s = stmt->Run();
  return s;
}

Status Writer::Impl::Lookup(const std::string& id, std::optional<Fingerprint>* found) {
  found->reset();
  ScopedStatement stmt;
  Status s = db->Cached(kLookupDocument, &stmt);
  if (!s.ok()) return s;
  stmt->Bind(1, id);
  bool row = false;
  s = stmt->Step(&row);
  if (!s.ok()) return s;
  if (row) {
    *found = Fingerprint{stmt->Text(0), stmt->Text(1), stmt->Text(2),
                         stmt->Text(3), stmt->Text(4), stmt->Text(5)};
  }
  return Status::OK();
}

Status Writer::Impl::Begin() {
  // IMMEDIATE takes the write lock now, so a concurrent writer waits here
  // (busy timeout) instead of failing later on a lock upgrade.
  Status s = db->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return Status::Error("cannot start a write transaction: " + s.message());
  batch_start = std::chrono::steady_clock::now();
  pending = 0;
  unindexed_from = 0;
  return Status::OK();
}

// One INSERT ... SELECT for the whole batch: FTS5 then writes one segment.
// The rows' lengths are recorded for ranking at the same time.
Status Writer::Impl::IndexPending() {
  if (unindexed_from == 0) return Status::OK();
  ScopedStatement stmt;
  Status s = db->Cached(kIndexPending, &stmt);
  if (!s.ok()) return s;
  stmt->Bind(1, unindexed_from);
  s = stmt->Run();
  if (s.ok()) s = RecordRankBlocks(db, unindexed_from);
  if (!s.ok()) return Status::Error("indexing the quotations failed: " + s.message());
  unindexed_from = 0;
  return Status::OK();
}

Status Writer::Impl::Commit() {
  if (!db->in_transaction()) return Status::OK();
  Status s = IndexPending();
  if (s.ok()) s = db->Exec("COMMIT");
  if (s.ok()) {
    pending = 0;
    return s;
  }
  size_t lost = pending;
  db->Exec("ROLLBACK");
  pending = 0;
  unindexed_from = 0;
  known_speakers.clear();
  return Status::Error("commit failed, the last " + std::to_string(lost) +
                       " documents were not stored: " + s.message());
}

Status Writer::Impl::MaybeCommit() {
  if (!db->in_transaction()) return Status::OK();
  auto elapsed = std::chrono::steady_clock::now() - batch_start;
  if (pending >= options.batch_documents ||
      elapsed >= std::chrono::milliseconds(options.batch_milliseconds)) {
    return Commit();
  }
  return Status::OK();
}

Status Writer::Impl::EnsureSpeaker(const std::string& key, const std::string& name,
                                   const std::optional<std::string>& kb_id) {
  std::string cache_key = key + '\x1f' + name;
  if (known_speakers.count(cache_key) > 0) return Status::OK();
  ScopedStatement insert;
  Status s = db->Cached(kInsertSpeaker, &insert);
  if (!s.ok()) return s;
  insert->Bind(1, key);
  insert->Bind(2, name);
  insert->BindOptional(3, kb_id);
  s = insert->Run();
  if (!s.ok()) return s;
  if (db->Changes() > 0) added_speakers.push_back(key);

  // Every name a speaker was given is searchable, not only the first.
  std::vector<std::string> keys = NameKeys(name);
  if (kb_id.has_value()) {
    std::string id_key = SpeakerKey(*kb_id);
    if (!id_key.empty()) keys.push_back(id_key);
  }
  ScopedStatement add_key;
  s = db->Cached(kInsertSpeakerKey, &add_key);
  if (!s.ok()) return s;
  for (const std::string& k : keys) {
    add_key->Bind(1, k);
    add_key->Bind(2, key);
    s = add_key->Run();
    if (!s.ok()) return s;
    if (db->Changes() > 0) added_speaker_keys.emplace_back(k, key);
  }
  known_speakers.insert(cache_key);
  return Status::OK();
}

// Deletes what a failed new document added. Its quotations are indexed
// first, since the delete trigger removes index entries and FTS5 must only
// be told to remove what it holds.
Status Writer::Impl::UndoNewDocument(const std::string& id) {
  known_speakers.clear();
  Status s = IndexPending();
  auto run = [this, &s](const char* sql, const std::string& a, const std::string* b) {
    if (!s.ok()) return;
    ScopedStatement stmt;
    s = db->Cached(sql, &stmt);
    if (!s.ok()) return;
    stmt->Bind(1, a);
    if (b != nullptr) stmt->Bind(2, *b);
    s = stmt->Run();
  };
  run(kDeleteQuotations, id, nullptr);
  run(kDeleteDocument, id, nullptr);
  for (const auto& [key, speaker] : added_speaker_keys) run(kDeleteSpeakerKey, key, &speaker);
  for (const std::string& key : added_speakers) run(kDeleteSpeaker, key, nullptr);
  return s;
}

Status Writer::Impl::WriteDocument(const Document& doc, const Extraction* extraction,
                                   const Fingerprint& fp, bool existed) {
  Status s = Status::OK();
  if (existed) {
    ScopedStatement del;
    s = db->Cached(kDeleteQuotations, &del);
    if (!s.ok()) return s;
    del->Bind(1, doc.id);
    s = del->Run();
    if (!s.ok()) return s;
  }
  {
    ScopedStatement upsert;
    s = db->Cached(kUpsertDocument, &upsert);
    if (!s.ok()) return s;
    upsert->Bind(1, doc.id);
    upsert->Bind(2, fp.url);
    upsert->Bind(3, fp.title);
    upsert->Bind(4, fp.date);
    upsert->Bind(5, fp.hash);
    upsert->Bind(6, fp.status);
    upsert->Bind(7, fp.error);
    upsert->Bind(8, UtcNow());
    s = upsert->Run();
    if (!s.ok()) return s;
  }
  if (extraction == nullptr) return Status::OK();

  const std::string doc_day = DayOf(doc.date);
  ScopedStatement insert;
  s = db->Cached(kInsertQuotation, &insert);
  if (!s.ok()) return s;
  // Every text is bound without a copy: each outlives the Run() below.
  auto bind_optional = [&insert](int index, const std::optional<std::string>& text) {
    if (text.has_value()) {
      insert->BindStatic(index, *text);
    } else {
      insert->BindNull(index);
    }
  };
  std::string context;
  for (size_t i = 0; i < extraction->quotations.size(); ++i) {
    const Quotation& q = extraction->quotations[i];
    const std::optional<std::string>& speaker =
        q.speaker.has_value() && !q.speaker->empty() ? q.speaker : kNone;
    const std::optional<std::string>& speaker_id =
        q.speaker_id.has_value() && !q.speaker_id->empty() ? q.speaker_id : kNone;
    const std::optional<std::string>& speaker_key = speaker_id ? speaker_id : speaker;
    if (speaker_key.has_value()) {
      s = EnsureSpeaker(*speaker_key, speaker ? *speaker : *speaker_id, speaker_id);
      if (!s.ok()) return s;
    }
    insert->BindStatic(1, doc.id);
    insert->Bind(2, static_cast<int64_t>(i));
    insert->BindStatic(3, q.quote);
    insert->Bind(4, static_cast<int64_t>(q.start));
    insert->Bind(5, static_cast<int64_t>(q.end));
    insert->Bind(6, static_cast<int64_t>(q.byte_start));
    insert->Bind(7, static_cast<int64_t>(q.byte_end));
    insert->BindStatic(8, QuoteKindName(q.kind));
    bind_optional(9, q.speaker);
    bind_optional(10, q.speaker_id);
    bind_optional(11, speaker_key);
    insert->BindStatic(12, q.mention);
    if (q.mention_start) insert->Bind(13, static_cast<int64_t>(*q.mention_start));
    if (q.mention_end) insert->Bind(14, static_cast<int64_t>(*q.mention_end));
    insert->BindStatic(15, q.cue);
    insert->BindStatic(16, q.method);
    // SQLite stores NaN as NULL, which the NOT NULL column would reject.
    insert->Bind(17, std::isfinite(q.confidence) ? q.confidence : 0.0);
    insert->BindStatic(18, q.date.empty() ? doc_day : q.date);
    context = ContextSentence(doc.text, q.byte_start, q.byte_end);
    insert->BindStatic(19, context);
    s = insert->Run();
    if (!s.ok()) return Status::Error("quotation " + std::to_string(i) + ": " + s.message());
    if (unindexed_from == 0) unindexed_from = db->LastInsertRowid();
  }
  return Status::OK();
}

Status Writer::Impl::Store(const Document& doc, const Extraction* extraction,
                           std::string_view error, IngestOutcome* outcome) {
  if (doc.id.empty()) return Status::Error("a document without an id cannot be stored");
  const bool failed = extraction == nullptr;
  const Fingerprint fp = FingerprintOf(doc, Hash64Hex(doc.text), failed, error);

  std::optional<Fingerprint> stored;
  Status s = Lookup(doc.id, &stored);
  if (s.ok() && !db->in_transaction() && !(stored && *stored == fp)) {
    s = Begin();
    // Another process may have written the document since the look-up.
    if (s.ok()) s = Lookup(doc.id, &stored);
  }
  if (!s.ok()) return Status::Error("document \"" + doc.id + "\": " + s.message());
  if (stored && *stored == fp && !options.replace_unchanged) {
    if (outcome != nullptr) *outcome = IngestOutcome::kUnchanged;
    return MaybeCommit();
  }
  if (!db->in_transaction()) {  // replace_unchanged with nothing open yet.
    s = Begin();
    if (!s.ok()) return Status::Error("document \"" + doc.id + "\": " + s.message());
  }

  // The delete trigger removes index entries, so the quotations not yet
  // indexed are indexed first, outside the savepoint that may be undone.
  const bool replacing = stored.has_value();
  if (replacing) s = IndexPending();
  if (s.ok() && replacing) s = RunCached("SAVEPOINT document");
  if (s.ok()) {
    added_speakers.clear();
    added_speaker_keys.clear();
    s = WriteDocument(doc, extraction, fp, replacing);
    if (s.ok()) {
      if (replacing) s = RunCached("RELEASE document");
    } else if (replacing) {
      db->Exec("ROLLBACK TO document; RELEASE document");
      known_speakers.clear();
    } else if (db->in_transaction()) {
      Status undone = UndoNewDocument(doc.id);
      if (!undone.ok()) {
        // Then the batch cannot be trusted: it all goes.
        db->Exec("ROLLBACK");
        s = Status::Error(s.message() + "; undoing it failed too (" + undone.message() + ")");
      }
    }
  }
  if (!s.ok()) {
    std::string message = "document \"" + doc.id + "\" not stored: " + s.message();
    if (!db->in_transaction()) {
      // Some errors (disk full, I/O) make SQLite roll back the whole
      // transaction, not just the savepoint; or undoing failed.
      known_speakers.clear();
      if (pending > 0) {
        message += "; the batch was rolled back, losing the " + std::to_string(pending) +
                   " documents before it";
      }
      pending = 0;
      unindexed_from = 0;
    }
    return Status::Error(message);
  }
  ++pending;
  if (outcome != nullptr) {
    *outcome = failed ? IngestOutcome::kFailureRecorded
                      : (stored ? IngestOutcome::kReplaced : IngestOutcome::kAdded);
  }
  return MaybeCommit();
}

const char* IngestOutcomeName(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::kAdded:
      return "added";
    case IngestOutcome::kReplaced:
      return "replaced";
    case IngestOutcome::kUnchanged:
      return "unchanged";
    case IngestOutcome::kFailureRecorded:
      return "failed";
  }
  return "added";
}

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Writer::~Writer() {
  impl_->Commit();
  impl_->db->Exec("PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF");
  *impl_->alive = false;
}

Status Writer::IsUnchanged(const Document& document, bool* unchanged) {
  *unchanged = false;
  std::optional<Fingerprint> stored;
  Status s = impl_->Lookup(document.id, &stored);
  if (!s.ok()) return Status::Error("document \"" + document.id + "\": " + s.message());
  *unchanged = !impl_->options.replace_unchanged && stored &&
               *stored == FingerprintOf(document, Hash64Hex(document.text), false, "");
  return Status::OK();
}

Status Writer::Add(const Document& document, const Extraction& extraction, IngestOutcome* outcome) {
  return impl_->Store(document, &extraction, "", outcome);
}

Status Writer::AddFailure(const Document& document, std::string_view error,
                          IngestOutcome* outcome) {
  // An empty message would read as success in the documents table.
  return impl_->Store(document, nullptr, error.empty() ? "unknown error" : error, outcome);
}

Status Writer::Commit() { return impl_->Commit(); }

size_t Writer::pending() const { return impl_->pending; }

Status Database::NewWriter(const WriterOptions& options, std::unique_ptr<Writer>* out) {
  out->reset();
  if (read_only_) return Status::Error("database \"" + db_->path() + "\" is open read-only");
  if (writer_alive_) return Status::Error("a Writer is already open on this Database");
  auto impl = std::make_unique<Writer::Impl>();
  impl->db = db_.get();
  impl->alive = &writer_alive_;
  impl->options = options;
  if (impl->options.batch_documents == 0) impl->options.batch_documents = 1;
  // The Writer's rows meet the schema's constraints by construction: each
  // document is written before its quotations and each speaker before the
  // first quotation naming it, it deletes a document's quotations itself
  // (no cascade needed), and kinds and statuses come from fixed names.
  // Checked again, they cost most of a quotation insert: SQLite 3.40 codes
  // the CHECK on kind (IN a list of four) by building a temporary B-tree on
  // every execution, and the foreign keys add two look-ups and a statement
  // journal. CheckIntegrity still checks both, and the destructor turns the
  // checks back on for the connection's other users. (foreign_keys is a
  // no-op inside a transaction; none is open here.)
  Status s = db_->Exec("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON");
  if (!s.ok()) return s;
  writer_alive_ = true;
  out->reset(new Writer(std::move(impl)));
  return Status::OK();
}

Status Database::Ingest(const Document& document, const Extraction& extraction,
                        IngestOutcome* outcome) {
  std::unique_ptr<Writer> writer;
  WriterOptions options;
  options.batch_documents = 1;
  Status s = NewWriter(options, &writer);
  if (!s.ok()) return s;
  s = writer->Add(document, extraction, outcome);
  Status c = writer->Commit();
  return s.ok() ? c : s;
}

}  // namespace guillemet::db
