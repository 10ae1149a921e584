// Thin RAII wrappers over the SQLite C API: a connection that caches its
// prepared statements, and statements whose errors come back as Status with
// SQLite's own message. Internal to guillemet_db; nothing here is thread-safe.
#ifndef GUILLEMET_DB_SQLITE_H_
#define GUILLEMET_DB_SQLITE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "guillemet/guillemet.h"

struct sqlite3;
struct sqlite3_stmt;

namespace guillemet::db {

// Gives SQLite's page caches, for the whole process, `bytes` of memory
// marked for transparent huge pages, used before any other. A long write
// (ingest) fills a cache of tens of MB: from the heap, that is a page fault
// per 4 KiB page (24 000 on the bench corpus, 10 to 25 us each on the bench
// machine), from here one per 2 MiB where the kernel grants huge pages.
// SQLite touches all of it when it starts, so a short read must not call
// this. Only effective before the process's first connection; false if it
// came too late or the memory could not be had (nothing changes then).
bool ReservePageCacheMemory(size_t bytes);

class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters count from 1, as in SQLite. A binding error is remembered
  // and returned by the next Step() or Run(), so call sites stay linear.
  void Bind(int index, std::string_view text);
  // Binds without a copy: `text` must stay alive and unchanged until the
  // statement is next reset (Run() resets it).
  void BindStatic(int index, std::string_view text);
  void BindBlob(int index, std::string_view bytes);  // Copied, as Bind.
  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void BindOptional(int index, const std::optional<std::string>& text);  // NULL when none.
  void BindNull(int index);
  // SQLite's pointer passing (sqlite3_bind_pointer): `pointer` reaches only
  // functions that ask for the same `type`, such as fts5(?) for its API.
  void BindPointer(int index, void* pointer, const char* type);

  // Advances to the next row: *row is true on a row, false when done.
  Status Step(bool* row);
  // Runs a statement that returns no rows to completion, then resets it.
  Status Run();
  // Ends any read in progress and clears the bindings. A statement left
  // stepped would pin a WAL snapshot and keep the file from checkpointing.
  void Reset();

  std::string Text(int column) const;  // Columns count from 0; NULL reads "".
  std::optional<std::string> OptionalText(int column) const;
  std::string Blob(int column) const;  // The bytes of a BLOB (or TEXT) column.
  int64_t Int(int column) const;
  std::optional<int64_t> OptionalInt(int column) const;
  double Real(int column) const;
  bool IsNull(int column) const;
  enum class Type { kNull, kInteger, kReal, kText, kBlob };
  Type ColumnType(int column) const;
  int ColumnCount() const;

 private:
  Status Error(const char* what) const;

  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = 0;  // First SQLite error code from a Bind*, or 0.
};

// A statement borrowed from a Connection's cache; reset when it goes out of
// scope so that no read transaction outlives its use.
class ScopedStatement {
 public:
  ScopedStatement() = default;
  explicit ScopedStatement(Statement* stmt) : stmt_(stmt) {}
  ~ScopedStatement() {
    if (stmt_ != nullptr) stmt_->Reset();
  }
  ScopedStatement(ScopedStatement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  ScopedStatement& operator=(ScopedStatement&& other) noexcept;
  ScopedStatement(const ScopedStatement&) = delete;
  ScopedStatement& operator=(const ScopedStatement&) = delete;

  Statement* operator->() const { return stmt_; }
  Statement& operator*() const { return *stmt_; }

 private:
  Statement* stmt_ = nullptr;
};

class Connection {
 public:
  // Opens (and, unless read_only, creates) the file at `path`. On failure
  // *out is left empty and the message names the path.
  static Status Open(const std::string& path, bool read_only, std::unique_ptr<Connection>* out);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  // Prepares a statement owned by the caller.
  Status Prepare(std::string_view sql, Statement* out);
  // Prepares `sql` once per connection and lends it out, reset, afterwards.
  Status Cached(const std::string& sql, ScopedStatement* out);
  // Runs a query that returns one integer (PRAGMA user_version, COUNT(*)).
  Status QueryInt(std::string_view sql, int64_t* value);

  std::string LastError() const;
  bool in_transaction() const;
  // Rowid of the last row this connection inserted (0 before any).
  int64_t LastInsertRowid() const;
  // Rows changed by the last INSERT, UPDATE or DELETE statement.
  int Changes() const;
  const std::string& path() const { return path_; }
  // The raw handle, for registering functions on this connection.
  sqlite3* handle() const { return db_; }

 private:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_SQLITE_H_
