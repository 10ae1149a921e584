// Schema migrations. Version 1 creates every table; later versions go at the
// end of kMigrations and are applied in order to older files on open.
#include "db/schema.h"

#include <string>

#include "db/rank_blocks.h"

namespace guillemet::db {
namespace {

struct Migration {
  int version;
  const char* description;
  const char* sql;
  // Run after `sql`, in the same transaction, for what SQL cannot compute.
  Status (*fill)(Connection* db) = nullptr;
};

Status RecordAllRankBlocks(Connection* db) { return RecordRankBlocks(db, 0); }

// Notes on version 1:
// - documents.content_hash is Hash64 of the text (content_hash.h) in 16 hex
//   digits; with url, title, date, status and error it decides whether a
//   re-ingested article is unchanged.
// - quotations keeps every Quotation field plus (doc_id, ordinal), its
//   position in the Extraction: the natural key that makes two databases
//   built from the same input comparable whatever rowids they got. `date` is
//   the quotation's date, or the document's day when that was empty.
// - quotations.speaker_key is speakers.key: the kb id when known, else the
//   canonical name. speaker_keys maps every folded name, alias, surname and
//   kb id to the speakers it may designate ("le pen" -> two speakers).
// - quotations_fts is an external-content FTS5 index kept in sync by
//   triggers, so that no code path can forget it; remove_diacritics 2 makes
//   "depenses" match "dépenses". (Version 2 drops the insert trigger.)
constexpr Migration kMigrations[] = {
    {1, "documents, quotations, speakers and the full-text index", R"sql(
CREATE TABLE documents (
  id TEXT PRIMARY KEY NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  error TEXT NOT NULL DEFAULT '',
  ingested_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE speakers (
  key TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  kb_id TEXT,
  aliases TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;

CREATE TABLE speaker_keys (
  key TEXT NOT NULL,
  speaker TEXT NOT NULL REFERENCES speakers(key) ON DELETE CASCADE,
  PRIMARY KEY (key, speaker)
) WITHOUT ROWID;
CREATE INDEX speaker_keys_speaker ON speaker_keys(speaker);

CREATE TABLE quotations (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  quote TEXT NOT NULL,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL,
  byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'tweet', 'mention')),
  speaker TEXT,
  speaker_id TEXT,
  speaker_key TEXT REFERENCES speakers(key),
  mention TEXT NOT NULL DEFAULT '',
  mention_start INTEGER,
  mention_end INTEGER,
  cue TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL DEFAULT '',
  confidence REAL NOT NULL,
  date TEXT NOT NULL DEFAULT '',
  context TEXT NOT NULL DEFAULT '',
  UNIQUE (doc_id, ordinal)
);
CREATE INDEX quotations_speaker_date ON quotations(speaker_key, date, kind);
CREATE INDEX quotations_date ON quotations(date, kind);

CREATE VIRTUAL TABLE quotations_fts USING fts5(
  quote, context,
  content = 'quotations', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotations_fts_insert AFTER INSERT ON quotations BEGIN
  INSERT INTO quotations_fts(rowid, quote, context) VALUES (new.id, new.quote, new.context);
END;
CREATE TRIGGER quotations_fts_delete AFTER DELETE ON quotations BEGIN
  INSERT INTO quotations_fts(quotations_fts, rowid, quote, context)
    VALUES ('delete', old.id, old.quote, old.context);
END;
CREATE TRIGGER quotations_fts_update AFTER UPDATE OF quote, context ON quotations BEGIN
  INSERT INTO quotations_fts(quotations_fts, rowid, quote, context)
    VALUES ('delete', old.id, old.quote, old.context);
  INSERT INTO quotations_fts(rowid, quote, context) VALUES (new.id, new.quote, new.context);
END;
)sql"},
    // The Writer fills the full-text index itself, once per batch, instead
    // of a trigger per quotation: SQLite 3.40's FTS5 writes its pending
    // entries to disk at every savepoint and statement transaction, so the
    // trigger made one tiny index segment per quotation and kept merging
    // them, most of ingest's time. Deletes and updates keep their triggers:
    // the Writer indexes its pending rows before it deletes any quotation.
    {2, "the full-text index filled by the writer per batch", R"sql(
DROP TRIGGER quotations_fts_insert;
)sql"},
    // Per-row values that ranking and date filters need for many matches,
    // in blocks of 4000 bytes, one to a page (rank_blocks.h): token counts, so that bm25
    // reads a few pages instead of a %_docsize row per match, and day
    // numbers. The Writer records the rows it indexes; the triggers mark a
    // deleted or changed row's entries unknown (all bits set), so that no
    // entry is ever stale. CAST turns back into bytes the concatenation,
    // which SQLite types as text.
    {3, "row lengths and days by blocks, for ranking", R"sql(
CREATE TABLE fts_lengths (block INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE fts_days (block INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
DROP TRIGGER quotations_fts_delete;
DROP TRIGGER quotations_fts_update;
CREATE TRIGGER quotations_fts_delete AFTER DELETE ON quotations BEGIN
  INSERT INTO quotations_fts(quotations_fts, rowid, quote, context)
    VALUES ('delete', old.id, old.quote, old.context);
  UPDATE fts_lengths SET bytes = CAST(substr(bytes, 1, old.id % 4000) || x'ff' ||
                                   substr(bytes, old.id % 4000 + 2) AS BLOB)
    WHERE block = old.id / 4000 AND length(bytes) > old.id % 4000;
  UPDATE fts_days SET bytes = CAST(substr(bytes, 1, old.id % 2000 * 2) || x'ffff' ||
                                substr(bytes, old.id % 2000 * 2 + 3) AS BLOB)
    WHERE block = old.id / 2000 AND length(bytes) > old.id % 2000 * 2;
END;
CREATE TRIGGER quotations_fts_update AFTER UPDATE OF id, quote, context, date ON quotations BEGIN
  INSERT INTO quotations_fts(quotations_fts, rowid, quote, context)
    VALUES ('delete', old.id, old.quote, old.context);
  INSERT INTO quotations_fts(rowid, quote, context) VALUES (new.id, new.quote, new.context);
  UPDATE fts_lengths SET bytes = CAST(substr(bytes, 1, old.id % 4000) || x'ff' ||
                                   substr(bytes, old.id % 4000 + 2) AS BLOB)
    WHERE block = old.id / 4000 AND length(bytes) > old.id % 4000;
  UPDATE fts_days SET bytes = CAST(substr(bytes, 1, old.id % 2000 * 2) || x'ffff' ||
                                substr(bytes, old.id % 2000 * 2 + 3) AS BLOB)
    WHERE block = old.id / 2000 AND length(bytes) > old.id % 2000 * 2;
  UPDATE fts_lengths SET bytes = CAST(substr(bytes, 1, new.id % 4000) || x'ff' ||
                                   substr(bytes, new.id % 4000 + 2) AS BLOB)
    WHERE block = new.id / 4000 AND length(bytes) > new.id % 4000;
  UPDATE fts_days SET bytes = CAST(substr(bytes, 1, new.id % 2000 * 2) || x'ffff' ||
                                substr(bytes, new.id % 2000 * 2 + 3) AS BLOB)
    WHERE block = new.id / 2000 AND length(bytes) > new.id % 2000 * 2;
END;
)sql",
     RecordAllRankBlocks},
};

constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);

Status ReadVersion(Connection* db, int64_t* version) {
  Status s = db->QueryInt("PRAGMA user_version", version);
  if (!s.ok()) return Status::Error("cannot read the schema version: " + s.message());
  return Status::OK();
}

Status TooNew(const Connection& db, int64_t version) {
  return Status::Error("database \"" + db.path() + "\" has schema version " +
                       std::to_string(version) + ", newer than this build supports (" +
                       std::to_string(LatestSchemaVersion()) + "); upgrade guillemet");
}

// Runs migration `m` unless another connection already has. The version is
// read again under the write lock: two processes opening a fresh file at
// once must not both create the tables.
Status ApplyOne(Connection* db, const Migration& m) {
  Status s = db->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return Status::Error("cannot lock the database to migrate it: " + s.message());
  int64_t version = 0;
  s = ReadVersion(db, &version);
  if (s.ok() && version == 0) {
    // A version-0 file that already holds tables was made by something else;
    // adding ours to it would mix two applications' data.
    int64_t objects = 0;
    s = db->QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", &objects);
    if (s.ok() && objects > 0) {
      s = Status::Error("\"" + db->path() +
                        "\" is an SQLite file with other tables, not a guillemet database");
    }
  }
  if (s.ok() && version < m.version) {
    s = db->Exec(m.sql);
    if (s.ok() && m.fill != nullptr) s = m.fill(db);
    if (s.ok()) s = db->Exec("PRAGMA user_version = " + std::to_string(m.version));
    if (!s.ok()) {
      s = Status::Error("migration to schema version " + std::to_string(m.version) + " (" +
                        m.description + ") failed: " + s.message());
    }
  }
  if (s.ok()) s = db->Exec("COMMIT");
  if (!s.ok()) db->Exec("ROLLBACK");
  return s;
}

}  // namespace

int LatestSchemaVersion() { return kMigrations[kMigrationCount - 1].version; }

Status Migrate(Connection* db, int* version) {
  int64_t current = 0;
  Status s = ReadVersion(db, &current);
  if (!s.ok()) return s;
  if (current > LatestSchemaVersion()) return TooNew(*db, current);
  for (const Migration& m : kMigrations) {
    if (m.version <= current) continue;
    s = ApplyOne(db, m);
    if (!s.ok()) return s;
  }
  s = ReadVersion(db, &current);
  if (!s.ok()) return s;
  if (current > LatestSchemaVersion()) return TooNew(*db, current);
  *version = static_cast<int>(current);
  return Status::OK();
}

Status CheckSchema(Connection* db, int* version) {
  int64_t current = 0;
  Status s = ReadVersion(db, &current);
  if (!s.ok()) return s;
  if (current > LatestSchemaVersion()) return TooNew(*db, current);
  if (current < LatestSchemaVersion()) {
    return Status::Error("database \"" + db->path() + "\" has schema version " +
                         std::to_string(current) + " and needs migrating to " +
                         std::to_string(LatestSchemaVersion()) + "; open it once for writing");
  }
  *version = static_cast<int>(current);
  return Status::OK();
}

}  // namespace guillemet::db
