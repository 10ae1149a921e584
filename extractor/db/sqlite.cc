// SQLite wrappers: every failure becomes a Status carrying SQLite's message,
// so that callers can prefix their own context and never inspect codes.
#include "db/sqlite.h"

#include <sys/mman.h>

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <utility>

namespace guillemet::db {

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : stmt_(other.stmt_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    bind_error_ = other.bind_error_;
    other.stmt_ = nullptr;
  }
  return *this;
}

void Statement::Bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies, so callers may pass temporaries.
  int rc =
      sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::BindStatic(int index, std::string_view text) {
  int rc =
      sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::BindBlob(int index, std::string_view bytes) {
  int rc = sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::Bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::BindOptional(int index, const std::optional<std::string>& text) {
  if (text.has_value()) {
    Bind(index, std::string_view(*text));
  } else {
    BindNull(index);
  }
}

void Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::BindPointer(int index, void* pointer, const char* type) {
  int rc = sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

Status Statement::Error(const char* what) const {
  std::string message = what;
  message += ": ";
  message += sqlite3_errmsg(sqlite3_db_handle(stmt_));
  const char* sql = sqlite3_sql(stmt_);
  if (sql != nullptr) {
    std::string_view text(sql);
    message += " (in \"";
    message += text.substr(0, 80);
    if (text.size() > 80) message += "...";
    message += "\")";
  }
  return Status::Error(message);
}

Status Statement::Step(bool* row) {
  *row = false;
  if (bind_error_ != 0) {
    std::string message = "binding a parameter failed: ";
    message += sqlite3_errstr(bind_error_);
    return Status::Error(message);
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    *row = true;
    return Status::OK();
  }
  if (rc == SQLITE_DONE) return Status::OK();
  return Error("SQLite step failed");
}

Status Statement::Run() {
  bool row = true;
  Status s = Status::OK();
  while (row) {
    s = Step(&row);
    if (!s.ok()) break;
  }
  Reset();
  return s;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column));
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::string Statement::Blob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return std::string();
  return std::string(static_cast<const char*>(bytes), sqlite3_column_bytes(stmt_, column));
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<int64_t> Statement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

double Statement::Real(int column) const { return sqlite3_column_double(stmt_, column); }

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Statement::Type Statement::ColumnType(int column) const {
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_INTEGER:
      return Type::kInteger;
    case SQLITE_FLOAT:
      return Type::kReal;
    case SQLITE_TEXT:
      return Type::kText;
    case SQLITE_BLOB:
      return Type::kBlob;
    default:
      return Type::kNull;
  }
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

ScopedStatement& ScopedStatement::operator=(ScopedStatement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) stmt_->Reset();
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

namespace {

// Memory statistics make every SQLite allocation take a global mutex, and
// nothing here reads them. This only works before SQLite initializes; if
// something else used SQLite first, the call fails harmlessly.
std::once_flag configure_once;
std::atomic<bool> configured{false};

void ConfigureOnce() {
  std::call_once(configure_once, [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    configured = true;
  });
}

}  // namespace

bool ReservePageCacheMemory(size_t bytes) {
  if (configured) return false;
  int header = 0;
  if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return false;
  // One slot per page of the default size (the Writer's files use it);
  // larger pages would fall back to the heap.
  const size_t slot = (4096 + static_cast<size_t>(header) + 7) & ~size_t{7};
  const size_t slots = bytes / slot;
  const size_t huge = size_t{2} << 20;
  if (slots == 0) return false;
  // Never unmapped: SQLite may use it until the process ends.
  void* raw = mmap(nullptr, slots * slot + huge, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return false;
  // Huge pages only cover whole aligned 2 MiB ranges.
  char* buffer = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(raw) + huge - 1) & ~(huge - 1));
  madvise(buffer, slots * slot, MADV_HUGEPAGE);  // Advice: ignored where unsupported.
  if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, buffer, static_cast<int>(slot),
                     static_cast<int>(slots)) != SQLITE_OK) {
    munmap(raw, slots * slot + huge);
    return false;
  }
  ConfigureOnce();
  return true;
}

Status Connection::Open(const std::string& path, bool read_only, std::unique_ptr<Connection>* out) {
  out->reset();
  ConfigureOnce();
  sqlite3* db = nullptr;
  // NOMUTEX: one connection per thread is the documented contract, so
  // SQLite's per-connection mutex would only cost time.
  int flags = SQLITE_OPEN_NOMUTEX |
              (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open database \"" + path + "\": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::Error(message);
  }
  sqlite3_extended_result_codes(db, 1);
  out->reset(new Connection(db, path));
  return Status::OK();
}

Connection::~Connection() {
  cache_.clear();  // Statements must be finalized before the close.
  sqlite3_close(db_);
}

Status Connection::Exec(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::OK();
  std::string message = error != nullptr ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return Status::Error(message);
}

Status Connection::Prepare(std::string_view sql, Statement* out) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    std::string message = "SQLite prepare failed: ";
    message += sqlite3_errmsg(db_);
    return Status::Error(message);
  }
  *out = Statement(stmt);
  return Status::OK();
}

Status Connection::Cached(const std::string& sql, ScopedStatement* out) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto stmt = std::make_unique<Statement>();
    Status s = Prepare(sql, stmt.get());
    if (!s.ok()) return s;
    it = cache_.emplace(sql, std::move(stmt)).first;
  }
  it->second->Reset();
  *out = ScopedStatement(it->second.get());
  return Status::OK();
}

Status Connection::QueryInt(std::string_view sql, int64_t* value) {
  Statement stmt;
  Status s = Prepare(sql, &stmt);
  if (!s.ok()) return s;
  bool row = false;
  s = stmt.Step(&row);
  if (!s.ok()) return s;
  *value = row ? stmt.Int(0) : 0;
  return Status::OK();
}

std::string Connection::LastError() const { return sqlite3_errmsg(db_); }

bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

int64_t Connection::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

int Connection::Changes() const { return sqlite3_changes(db_); }

}  // namespace guillemet::db
