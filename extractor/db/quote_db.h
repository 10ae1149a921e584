// The quote database: one SQLite file holding the articles ingested, their
// quotations with a context sentence, the speakers, and a full-text index,
// with search, export and speaker listing on top. This header and
// db/export_format.h (JSONL and CSV rows) are the whole API of guillemet_db.
//
// How the command line is meant to use it (one Database object per thread):
//
//   guillemet ingest DB FILES...
//     std::unique_ptr<db::Database> database;
//     Status s = db::Database::Open(path, {}, &database);      // creates/migrates
//     for each knowledge-base entry: database->PutSpeaker({id, name, id, aliases});
//     std::unique_ptr<db::Writer> writer;
//     s = database->NewWriter({}, &writer);
//     for each Document doc of the input:
//       bool unchanged;  s = writer->IsUnchanged(doc, &unchanged);
//       if (unchanged) { ++skipped; continue; }                 // no extraction
//       db::IngestOutcome outcome;
//       s = writer->Add(doc, extractor->Extract(doc), &outcome); // or:
//       s = writer->AddFailure(doc, "input.jsonl:12: bad JSON", &outcome);
//       // !s.ok(): that document was not stored; report it and go on.
//     s = writer->Commit();   // the last batch; an error here loses the batch.
//
//   guillemet search DB WORDS... [--speaker S] [--since D] [--until D]
//                    [--kind K] [--limit N]
//     db::Query q;  q.words = "dépenses publiques";  q.speaker = "macron";
//     std::vector<db::QuoteRecord> rows;  s = database->Search(q, &rows);
//
//   guillemet export DB --format jsonl|csv [same filters]
//     q.limit = 0;   // everything
//     std::string buf = db::CsvHeader();
//     s = database->Export(q, [&](const db::QuoteRecord& r) {
//       buf.clear();  db::AppendCsvRow(r, &buf);  // or AppendJsonLine
//       fwrite(buf.data(), 1, buf.size(), stdout);
//       return true;                               // false stops early
//     });
//
//   guillemet speakers DB
//     std::vector<db::SpeakerSummary> speakers;  s = database->Speakers(&speakers);
//
// Design decisions:
// - An article is keyed by Document::id. Re-ingesting it is a no-op when its
//   text hash, url, title and date (and, for failures, the error) are those
//   stored; otherwise its row and all its quotations are replaced. The
//   extraction is assumed to be a function of the document: after an
//   extractor upgrade, set WriterOptions::replace_unchanged.
// - Crash safety: a Writer commits whole documents in batches, each document's
//   row and quotations in the same transaction (WAL, synchronous=NORMAL: a
//   killed process loses at most its open batch; a power cut may lose the last
//   few commits but never corrupts). Re-running the same input after a kill
//   re-adds what was lost and skips the rest, so the database ends identical to
//   an uninterrupted run. DumpContent() prints that content without
//   ingested_at and row ids, the only columns that depend on timing.
// - Speakers: quotations are keyed to speakers.key (kb id, else canonical
//   name). The first name seen for a key is kept (a resumed run sees the same
//   first), every name seen is searchable, and aliases come only from
//   PutSpeaker. A speaker filter matches folded names, word suffixes of names
//   (surnames: "le pen", "macron"), aliases and kb ids.
// - Search cost: bm25 scores every match of the words, a fraction of a
//   microsecond each (row lengths read by blocks, see rank_blocks.h), so a
//   word found in 6% of 500 000 quotations takes under 10 ms on a new
//   connection and a stop word in 70% about 50 ms; rows are read only for
//   the results; everything else is index-driven (see search.cc).
// - Readers never wait for the writer (WAL). Every connection has a busy
//   timeout, so two writers, or a writer and a checkpoint, queue instead of
//   failing at once.
// - Errors come back as Status; nothing throws through this API.
#ifndef GUILLEMET_DB_QUOTE_DB_H_
#define GUILLEMET_DB_QUOTE_DB_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guillemet/guillemet.h"

namespace guillemet::db {

class Connection;
class Writer;

struct OpenOptions {
  // Opens without write access; the file must exist with a current schema.
  bool read_only = false;
  // How long a statement waits for a lock held by another connection before
  // failing with "database is locked".
  int busy_timeout_ms = 10000;
  // Bytes of the file read through a memory map rather than read() calls.
  // Off by default: measured on 100 000 articles, a fresh connection (one
  // CLI command) searched 3 to 15 times slower with a map, as every page it
  // touches faults in. Long-lived processes may gain a little from it.
  int64_t mmap_bytes = 0;
  // Copy the WAL back into the file (and fsync it) on this connection's
  // commits, as SQLite does by default. A bulk writer turns it off and calls
  // Checkpoint() from another connection and thread, so that its commits
  // never wait on the disk.
  bool auto_checkpoint = true;
  // Page cache of this connection. A large ingest transaction spills pages
  // to the WAL early when the cache is small. A short-lived process that
  // reads each page about once, as one search does, is faster with a small
  // one: every page SQLite caches is a fresh buffer, and touching fresh
  // memory costs a page fault (10 to 25 us on the bench machine), while a
  // full cache recycles its buffers.
  int64_t cache_kibibytes = 64 * 1024;
};

// For a process that will write much (ingest): gives SQLite's page caches
// `bytes` of memory backed by huge pages where the kernel allows, which
// saves a page fault per cached page. Call before opening any Database;
// false when too late or refused (no harm done). Not for short reads: the
// memory is all touched at the first Open.
bool ReserveCacheMemoryForWriting(size_t bytes);

struct WriterOptions {
  // A batch is committed after this many documents... (each commit costs a
  // full-text segment and the WAL writes of every page the batch touched:
  // 10 000 halves the writes of batches of 1000)
  size_t batch_documents = 10000;
  // ...or when a document is added this long after the batch began,
  // whichever comes first. Bounds what a crash can lose on a slow input.
  int batch_milliseconds = 1000;
  // Replace stored articles even when unchanged (new extractor version).
  bool replace_unchanged = false;
};

enum class IngestOutcome {
  kAdded,            // A new article.
  kReplaced,         // A stored article whose content had changed.
  kUnchanged,        // Already stored as given; nothing was written.
  kFailureRecorded,  // Stored with status "failed" (AddFailure).
};
const char* IngestOutcomeName(IngestOutcome outcome);  // "added", "replaced", ...

// Filters shared by Search and Export. Every field is optional; an empty
// Query matches every quotation.
struct Query {
  // Words that must all occur in the quotation or its context sentence;
  // accents and case are ignored, a trailing '*' makes a word a prefix, and
  // FTS5 syntax is not interpreted. Empty: no text condition.
  std::string words;
  // A speaker's canonical name, any registered alias, a surname ("Le Pen",
  // "macron") or a kb id; accents, case and hyphens ignored. Empty: any
  // speaker, unattributed quotations included.
  std::string speaker;
  // Inclusive bounds on the quotation date: "YYYY", "YYYY-MM" or
  // "YYYY-MM-DD" ("--until 2017-05" includes all of May). Quotations without
  // a date match only when both are empty.
  std::string since, until;
  // Kinds to keep; empty keeps every kind, mentions included.
  std::vector<QuoteKind> kinds;
  // Maximum number of rows; 0 returns every match.
  size_t limit = 20;
};

// One stored quotation as Search and Export return it.
struct QuoteRecord {
  std::string doc_id;
  size_t ordinal = 0;      // Index in the Extraction's quotations.
  Quotation quotation;     // As ingested; date falls back to the article's day.
  std::string context;     // The sentence(s) around the quote (see context.h).
  std::string url, title;  // Of the article.
  double score = 0;        // bm25 when Query::words is set (lower is better), else 0.
};

// A speaker known to the database, from quotations or from PutSpeaker().
struct SpeakerInfo {
  std::string key;   // kb id when known, else the canonical name.
  std::string name;  // Canonical name.
  std::optional<std::string> kb_id;
  std::vector<std::string> aliases;
};

struct SpeakerSummary {
  SpeakerInfo speaker;
  int64_t quotations = 0;
  std::string first_date, last_date;  // "" when none of them is dated.
};

struct Stats {
  int64_t documents = 0;  // All rows, failed ones included.
  int64_t failed_documents = 0;
  int64_t quotations = 0;
  int64_t speakers = 0;
};

// An open database file. Not thread-safe: use one Database per thread (each
// is its own SQLite connection; they may share a file, across processes
// too). Must outlive the Writer it creates.
class Database {
 public:
  // Opens `path`, creating it unless options.read_only, and migrates its
  // schema to the latest version (read-only: fails unless already current).
  // On failure *out is empty and the message names the path and the cause
  // (unreadable file, not a guillemet database, schema too new, locked).
  static Status Open(const std::string& path, const OpenOptions& options,
                     std::unique_ptr<Database>* out);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // PRAGMA user_version of the open file.
  int schema_version() const { return schema_version_; }

  // Starts a Writer on this connection. Fails if one is still alive or the
  // database is read-only.
  Status NewWriter(const WriterOptions& options, std::unique_ptr<Writer>* out);

  // Ingests one document in its own transaction: a Writer with batches of
  // one. Prefer a Writer for more than a handful of documents.
  Status Ingest(const Document& document, const Extraction& extraction,
                IngestOutcome* outcome = nullptr);

  // Registers or updates a speaker from the knowledge base: its name, kb id
  // and aliases become search keys. Idempotent; replaces the previous
  // aliases. Fails on an empty key or name, or while a Writer is alive.
  Status PutSpeaker(const SpeakerInfo& speaker);

  // Quotations matching `query`: ranked by bm25 and then newest first when
  // words are given, newest first otherwise (undated last); ties broken by
  // article id and position. A speaker nobody matches gives no rows (OK).
  // Replaces *out. Fails, leaving *out empty, on
  // malformed dates ("since \"2017-13\" is not a date..."), on words without
  // any letter or digit, or on a database error.
  Status Search(const Query& query, std::vector<QuoteRecord>* out);

  // Calls `row` for each match of `query`, in Search order, without holding
  // them all in memory; `row` returns false to stop early (still OK) and may
  // call Search on this Database. The read sees one consistent snapshot even
  // while another connection commits.
  Status Export(const Query& query, const std::function<bool(const QuoteRecord&)>& row);

  // Every speaker with at least one quotation: count, first and last date.
  // Sorted by count, then name. Replaces *out.
  Status Speakers(std::vector<SpeakerSummary>* out);

  // Copies what it can of the WAL into the file without waiting for any
  // lock (a passive checkpoint). Safe while another connection writes.
  Status Checkpoint();

  // Row counts of the tables; fails only on a database error.
  Status GetStats(Stats* out);

  // Writes the content of every table as sorted text lines, leaving out
  // ingested_at and rowids: equal output means equal content. For tests
  // (kill-and-resume) and debugging; O(database size).
  Status DumpContent(std::ostream* out);

  // Checks the file (PRAGMA integrity_check), the foreign keys, the rank
  // blocks against %_docsize and the dates and, unless read-only, that the
  // full-text index matches the quotations. OK, or the first problem found.
  Status CheckIntegrity();

 private:
  Database(std::unique_ptr<Connection> db, bool read_only, int version);
  // Search and Export. `cached` reuses a prepared statement; Export does not,
  // so that its callback may call Search on this Database.
  Status Read(const Query& query, bool cached, const std::function<bool(const QuoteRecord&)>& row);

  std::unique_ptr<Connection> db_;
  bool read_only_;
  int schema_version_;
  bool writer_alive_ = false;
};

// Adds documents to a Database in batched transactions, reusing prepared
// statements. Created by Database::NewWriter; one at a time per Database,
// used from the Database's thread.
class Writer {
 public:
  // Commits the open batch; errors are lost, so call Commit() first to see
  // them.
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // *unchanged is true when Add() of this document would do nothing (same
  // text hash and metadata, status ok, and replace_unchanged unset): the
  // caller can then skip extraction. Reads only.
  Status IsUnchanged(const Document& document, bool* unchanged);

  // Stores the document and its quotations, replacing a changed earlier
  // version, and commits when the batch is full. On success *outcome (if
  // given) says what happened. On failure nothing of this document is stored
  // (earlier documents of the batch stay pending) and the message names it;
  // if SQLite rolled back the whole batch (I/O errors, disk full) or it could
  // not be undone, the message says so and how many documents were lost.
  Status Add(const Document& document, const Extraction& extraction,
             IngestOutcome* outcome = nullptr);

  // Records a document that could not be processed: status "failed" with
  // `error`, and no quotations (those of an earlier version are removed).
  Status AddFailure(const Document& document, std::string_view error,
                    IngestOutcome* outcome = nullptr);

  // Commits the open batch now (no-op when none). On failure the batch is
  // rolled back and the message says how many documents were lost.
  Status Commit();

  // Documents added to the open batch and not yet committed.
  size_t pending() const;

  struct Impl;

 private:
  friend class Database;
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_QUOTE_DB_H_
