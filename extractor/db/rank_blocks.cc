// Recording and reading the blocks of row lengths and day numbers (see
// rank_blocks.h for why they are kept apart from the rows they describe).
#include "db/rank_blocks.h"

#include <sqlite3.h>

#include <cstdio>

namespace guillemet::db {
namespace {

constexpr int kFirstYear = 1900;
// Twelve months of 31 days: not a calendar, but an order-preserving number
// for every well-formed date string, which is all ranking needs.
constexpr unsigned kDaysPerYear = 12 * 31;
constexpr int kLastYear = kFirstYear + (kUnknownDay - 2) / kDaysPerYear - 1;  // 2075

// One SQLite varint at *pos: big-endian groups of 7 bits, the high bit
// saying another byte follows; a ninth byte gives all of its 8 bits.
uint64_t ReadVarint(const unsigned char* data, int size, int* pos) {
  uint64_t value = 0;
  for (int i = 0; i < 9 && *pos < size; ++i) {
    const unsigned char byte = data[(*pos)++];
    if (i == 8) return (value << 8) | byte;
    value = (value << 7) | (byte & 0x7F);
    if ((byte & 0x80) == 0) break;
  }
  return value;
}

// The number at text[pos, pos + digits) or -1 when not all digits.
int Digits(std::string_view text, size_t pos, size_t digits) {
  if (pos + digits > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

unsigned Code(int year, int month, int day) {
  return 1 + static_cast<unsigned>(year - kFirstYear) * kDaysPerYear +
         static_cast<unsigned>(month - 1) * 31 + static_cast<unsigned>(day - 1);
}

// Year, month and day of a bound "YYYY", "YYYY-MM" or "YYYY-MM-DD"; missing
// parts are left as given. False when malformed.
bool ParseBound(std::string_view bound, int* year, int* month, int* day) {
  *year = Digits(bound, 0, 4);
  if (*year < 0) return false;
  if (bound.size() >= 7) {
    if (bound[4] != '-' || (*month = Digits(bound, 5, 2)) < 1 || *month > 12) return false;
  }
  if (bound.size() >= 10) {
    if (bound[7] != '-' || (*day = Digits(bound, 8, 2)) < 1 || *day > 31) return false;
  }
  return bound.size() == 4 || bound.size() == 7 || bound.size() == 10;
}

// Accumulates the entries of consecutive rows of one block of one table,
// and writes them over the stored block, keeping the entries of the rows
// before and after the run.
class BlockRun {
 public:
  BlockRun(const char* table, int width, unsigned unknown)
      : read_sql_(std::string("SELECT bytes FROM ") + table + " WHERE block = ?1"),
        write_sql_(std::string("INSERT OR REPLACE INTO ") + table +
                   " (block, bytes) VALUES (?1, ?2)"),
        width_(width),
        unknown_(unknown) {}

  Status Add(Connection* db, int64_t rowid, unsigned value) {
    const int64_t rows_per_block = kRankBlockBytes / width_;
    const int64_t block = rowid / rows_per_block;
    const size_t slot = static_cast<size_t>(rowid % rows_per_block);
    if (block != block_) {
      Status s = Flush(db);
      if (!s.ok()) return s;
      block_ = block;
      first_ = slot;
    }
    while (first_ + entries_.size() / width_ < slot) Append(unknown_);  // A deleted row.
    Append(value);
    return Status::OK();
  }

  Status Flush(Connection* db) {
    if (entries_.empty()) return Status::OK();
    ScopedStatement read;
    Status s = db->Cached(read_sql_, &read);
    if (!s.ok()) return s;
    read->Bind(1, block_);
    bool row = false;
    s = read->Step(&row);
    if (!s.ok()) return s;
    std::string bytes = row ? read->Blob(0) : std::string();
    read->Reset();
    const size_t offset = first_ * width_;
    while (bytes.size() < offset + entries_.size()) {
      for (int i = 0; i < width_; ++i) bytes.push_back(static_cast<char>(unknown_ & 0xFF));
    }
    bytes.replace(offset, entries_.size(), entries_);
    entries_.clear();
    ScopedStatement write;
    s = db->Cached(write_sql_, &write);
    if (!s.ok()) return s;
    write->Bind(1, block_);
    write->BindBlob(2, bytes);
    return write->Run();
  }

 private:
  void Append(unsigned value) {  // Big-endian.
    for (int i = width_ - 1; i >= 0; --i) entries_.push_back(static_cast<char>(value >> (8 * i)));
  }

  const std::string read_sql_, write_sql_;
  const int width_;
  const unsigned unknown_;
  int64_t block_ = -1;
  size_t first_ = 0;
  std::string entries_;
};

}  // namespace

unsigned DayNumber(std::string_view date) {
  if (date.empty()) return kUndatedDay;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return kUnknownDay;
  const int year = Digits(date, 0, 4), month = Digits(date, 5, 2), day = Digits(date, 8, 2);
  if (year < kFirstYear || year > kLastYear || month < 1 || month > 12 || day < 1 || day > 31) {
    return kUnknownDay;
  }
  return Code(year, month, day);
}

std::string DateOfDayNumber(unsigned day) {
  if (day == kUndatedDay || day == kUnknownDay) return std::string();
  const unsigned n = day - 1;
  char text[16];
  std::snprintf(text, sizeof text, "%04u-%02u-%02u", kFirstYear + n / kDaysPerYear,
                n % kDaysPerYear / 31 + 1, n % 31 + 1);
  return text;
}

unsigned FirstDayNumberFrom(std::string_view bound) {
  int year = 0, month = 1, day = 1;
  // "0" (any date, but a date) and anything earlier than the numbers reach.
  if (!ParseBound(bound, &year, &month, &day) || year < kFirstYear) return 1;
  if (year > kLastYear) return kUnknownDay;
  return Code(year, month, day);
}

unsigned LastDayNumberUntil(std::string_view bound) {
  int year = 0, month = 12, day = 31;
  if (!ParseBound(bound, &year, &month, &day) || year > kLastYear) return kUnknownDay - 1;
  if (year < kFirstYear) return kUndatedDay;
  return Code(year, month, day);
}

int64_t SumOfColumnSizes(const unsigned char* record, int bytes) {
  int64_t total = 0;
  for (int pos = 0; pos < bytes;) total += static_cast<int64_t>(ReadVarint(record, bytes, &pos));
  return total;
}

Status RecordRankBlocks(Connection* db, int64_t first_rowid) {
  ScopedStatement rows;
  Status s = db->Cached(
      "SELECT d.id, d.sz, q.date FROM quotations_fts_docsize d "
      "LEFT JOIN quotations q ON q.id = d.id WHERE d.id >= ?1 ORDER BY d.id",
      &rows);
  if (!s.ok()) return s;
  rows->Bind(1, first_rowid);
  BlockRun lengths("fts_lengths", 1, kUnknownLength);
  BlockRun days("fts_days", 2, kUnknownDay);
  for (;;) {
    bool row = false;
    s = rows->Step(&row);
    if (!s.ok()) return s;
    if (!row) break;
    const int64_t rowid = rows->Int(0);
    if (rowid < 0) continue;  // Not the Writer's: readers go to the source.
    const std::string record = rows->Blob(1);
    const int64_t length = SumOfColumnSizes(reinterpret_cast<const unsigned char*>(record.data()),
                                            static_cast<int>(record.size()));
    s = lengths.Add(db, rowid,
                    length < kUnknownLength ? static_cast<unsigned>(length) : kUnknownLength);
    if (s.ok()) s = days.Add(db, rowid, rows->IsNull(2) ? kUnknownDay : DayNumber(rows->Text(2)));
    if (!s.ok()) return s;
  }
  rows->Reset();
  s = lengths.Flush(db);
  if (s.ok()) s = days.Flush(db);
  return s;
}

namespace {

// Every entry of one table, by rowid, with kUnknown* entries left out.
Status ReadKnownEntries(Connection* db, const char* table, int width, unsigned unknown,
                        std::unordered_map<int64_t, unsigned>* entries) {
  Statement stmt;
  Status s = db->Prepare(std::string("SELECT block, bytes FROM ") + table, &stmt);
  const int64_t rows_per_block = kRankBlockBytes / width;
  for (bool row = true; s.ok();) {
    s = stmt.Step(&row);
    if (!s.ok() || !row) break;
    const int64_t block = stmt.Int(0);
    const std::string bytes = stmt.Blob(1);
    for (size_t slot = 0; (slot + 1) * width <= bytes.size(); ++slot) {
      unsigned value = 0;
      for (int i = 0; i < width; ++i) {
        value = (value << 8) | static_cast<unsigned char>(bytes[slot * width + i]);
      }
      if (value != unknown) entries->emplace(block * rows_per_block + slot, value);
    }
  }
  return s;
}

}  // namespace

Status CheckRankBlocks(Connection* db) {
  std::unordered_map<int64_t, unsigned> lengths, days;
  Status s = ReadKnownEntries(db, "fts_lengths", 1, kUnknownLength, &lengths);
  if (s.ok()) s = ReadKnownEntries(db, "fts_days", 2, kUnknownDay, &days);
  if (!s.ok()) return s;
  Statement rows;
  s = db->Prepare(
      "SELECT d.id, d.sz, q.date FROM quotations_fts_docsize d "
      "LEFT JOIN quotations q ON q.id = d.id",
      &rows);
  auto mismatch = [](const char* table, int64_t rowid, unsigned stored, int64_t actual) {
    return Status::Error(std::string(table) + " holds " + std::to_string(stored) + " for row " +
                         std::to_string(rowid) + ", which has " + std::to_string(actual));
  };
  for (bool row = true; s.ok();) {
    s = rows.Step(&row);
    if (!s.ok() || !row) break;
    const int64_t rowid = rows.Int(0);
    const std::string record = rows.Blob(1);
    const int64_t length = SumOfColumnSizes(reinterpret_cast<const unsigned char*>(record.data()),
                                            static_cast<int>(record.size()));
    auto it = lengths.find(rowid);
    if (it != lengths.end()) {
      if (it->second != length) return mismatch("fts_lengths", rowid, it->second, length);
      lengths.erase(it);
    }
    const unsigned day = rows.IsNull(2) ? kUnknownDay : DayNumber(rows.Text(2));
    it = days.find(rowid);
    if (it != days.end()) {
      if (it->second != day) return mismatch("fts_days", rowid, it->second, day);
      days.erase(it);
    }
  }
  if (!s.ok()) return s;
  if (!lengths.empty() || !days.empty()) {
    const int64_t rowid = !lengths.empty() ? lengths.begin()->first : days.begin()->first;
    return Status::Error("the rank blocks hold an entry for row " + std::to_string(rowid) +
                         ", which is not indexed");
  }
  return Status::OK();
}

RankBlockReader::RankBlockReader(sqlite3* db, const char* table, int width)
    : db_(db),
      sql_(std::string("SELECT bytes FROM ") + table + " WHERE block = ?1"),
      width_(width),
      unknown_(width == 1 ? kUnknownLength : kUnknownDay) {}

RankBlockReader::~RankBlockReader() { sqlite3_finalize(stmt_); }

int RankBlockReader::Load(int64_t block) {
  if (stmt_ == nullptr) {
    int rc = sqlite3_prepare_v2(db_, sql_.c_str(), -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) return rc;
  }
  last_block_ = -1;
  last_.clear();
  sqlite3_bind_int64(stmt_, 1, block);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    last_.assign(static_cast<const char*>(sqlite3_column_blob(stmt_, 0)),
                 sqlite3_column_bytes(stmt_, 0));
    rc = SQLITE_OK;
  } else if (rc == SQLITE_DONE) {
    rc = SQLITE_OK;
  }
  sqlite3_reset(stmt_);
  if (rc != SQLITE_OK) return rc;
  last_block_ = block;
  return SQLITE_OK;
}

int RankBlockReader::Get(int64_t rowid, unsigned* value) {
  *value = unknown_;
  if (rowid < 0) return SQLITE_OK;
  const int64_t rows_per_block = kRankBlockBytes / width_;
  const int64_t block = rowid / rows_per_block;
  if (block != last_block_) {
    int rc = Load(block);
    if (rc != SQLITE_OK) return rc;
  }
  const size_t offset = static_cast<size_t>(rowid % rows_per_block) * width_;
  if (offset + width_ <= last_.size()) {
    unsigned v = 0;
    for (int i = 0; i < width_; ++i)
      v = (v << 8) | static_cast<unsigned char>(last_[offset + i]);
    *value = v;
  }
  return SQLITE_OK;
}

RowLengthReader::~RowLengthReader() { sqlite3_finalize(docsize_); }

int RowLengthReader::Get(int64_t rowid, int64_t* length) {
  unsigned entry = kUnknownLength;
  int rc = blocks_.Get(rowid, &entry);
  if (rc != SQLITE_OK) return rc;
  if (entry != kUnknownLength) {
    *length = entry;
    return SQLITE_OK;
  }
  if (docsize_ == nullptr) {
    rc = sqlite3_prepare_v2(db_, "SELECT sz FROM quotations_fts_docsize WHERE id = ?1", -1,
                            &docsize_, nullptr);
    if (rc != SQLITE_OK) return rc;
  }
  sqlite3_bind_int64(docsize_, 1, rowid);
  rc = sqlite3_step(docsize_);
  if (rc == SQLITE_ROW) {
    *length = SumOfColumnSizes(static_cast<const unsigned char*>(sqlite3_column_blob(docsize_, 0)),
                               sqlite3_column_bytes(docsize_, 0));
    rc = SQLITE_OK;
  } else if (rc == SQLITE_DONE) {
    rc = SQLITE_CORRUPT_VTAB;
  }
  sqlite3_reset(docsize_);
  return rc;
}

}  // namespace guillemet::db
