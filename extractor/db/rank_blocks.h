// Two per-quotation values that a word search needs for many matches,
// stored in blocks of consecutive rowids, 4000 bytes each so that a 4 KB
// page holds one, and one page read serves thousands of matches:
//  - fts_lengths: the row's length in tokens (quotation + context), one
//    byte each, which bm25 needs for every match. FTS5 keeps it in
//    quotations_fts_docsize, one B-tree row per quotation; reading it there
//    was most of the time of a word search in a fresh process.
//  - fts_days: the quotation's date as a day number, two bytes each, to
//    apply --since/--until to matches and to order equal scores by date
//    without reading each quotation's row.
//
// Both are caches that are never wrong: an entry is exact or "unknown", and
// readers then go to the source (%_docsize, quotations.date). The Writer
// records the rows it indexes; the schema's delete and update triggers mark
// the rows they touch unknown. Internal to guillemet_db.
#ifndef GUILLEMET_DB_RANK_BLOCKS_H_
#define GUILLEMET_DB_RANK_BLOCKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "db/sqlite.h"

struct sqlite3;
struct sqlite3_stmt;

namespace guillemet::db {

// The bytes of a block: the most a table row keeps in its page (4061 on 4 KB
// pages) rounded down. A block of entries `width` bytes wide holds
// kRankBlockBytes / width rows; the schema's triggers know these numbers.
constexpr int64_t kRankBlockBytes = 4000;
// A length entry that says "look in %_docsize": too long for a byte,
// deleted, changed or never recorded.
constexpr unsigned kUnknownLength = 0xFF;

// Day numbers: 0 for an undated quotation, 1 + days since 1900-01-01 for a
// "YYYY-MM-DD" date up to 2079, which keeps the order of the date strings;
// kUnknownDay for anything else (read quotations.date).
constexpr unsigned kUndatedDay = 0;
constexpr unsigned kUnknownDay = 0xFFFF;
unsigned DayNumber(std::string_view date);
// The date string of a day number other than kUnknownDay ("" for undated).
std::string DateOfDayNumber(unsigned day);
// The smallest day number >= every date string >= `bound`, and the largest
// <= every date string <= `bound` (bounds as the search plan has them).
unsigned FirstDayNumberFrom(std::string_view bound);
unsigned LastDayNumberUntil(std::string_view bound);

// Writes the entries of the indexed rows whose rowid is >= first_rowid (the
// Writer calls it right after indexing them; the migration with 0).
Status RecordRankBlocks(Connection* db, int64_t first_rowid);

// OK when every known entry of both tables holds its row's value and none is
// left for a row that is no longer indexed; else the first mismatch.
Status CheckRankBlocks(Connection* db);

// The sum of the column sizes in one %_docsize record (SQLite varints), as
// FTS5's xColumnSize(-1) returns it.
int64_t SumOfColumnSizes(const unsigned char* record, int bytes);

// Reads the entries of one table (1 or 2 bytes each) on a raw connection,
// for the duration of one read transaction. It keeps the last block read,
// in one buffer reused for the next: reading rowids in increasing order
// loads each block once, and a search touches no fresh memory per block
// (each fresh page of memory costs a fault, 10 to 25 us on the bench
// machine, more than reading the block again from SQLite's cache).
class RankBlockReader {
 public:
  RankBlockReader(sqlite3* db, const char* table, int width);
  ~RankBlockReader();
  RankBlockReader(const RankBlockReader&) = delete;
  RankBlockReader& operator=(const RankBlockReader&) = delete;

  // The entry of `rowid` into *value (the table's unknown value when it has
  // none); an SQLite error code otherwise.
  int Get(int64_t rowid, unsigned* value);

 private:
  int Load(int64_t block);

  sqlite3* const db_;
  const std::string sql_;
  const int width_;
  const unsigned unknown_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string last_;  // The bytes of last_block_; "" for an absent block.
  int64_t last_block_ = -1;
};

// Row lengths for bm25, falling back to %_docsize for unknown entries.
class RowLengthReader {
 public:
  explicit RowLengthReader(sqlite3* db) : db_(db), blocks_(db, "fts_lengths", 1) {}
  ~RowLengthReader();
  RowLengthReader(const RowLengthReader&) = delete;
  RowLengthReader& operator=(const RowLengthReader&) = delete;

  // SQLITE_CORRUPT_VTAB when the row has no %_docsize record either.
  int Get(int64_t rowid, int64_t* length);

 private:
  sqlite3* const db_;
  RankBlockReader blocks_;
  sqlite3_stmt* docsize_ = nullptr;
};

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_RANK_BLOCKS_H_
