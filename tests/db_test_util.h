// Helpers shared by the database tests: turning a
// current database file back into one of an earlier schema version, as an
// older guillemet would have left it, to test the migrations.
#ifndef GUILLEMET_TESTS_DB_TEST_UTIL_H_
#define GUILLEMET_TESTS_DB_TEST_UTIL_H_

#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "support.h"

namespace guillemet::db {

// A fresh folder per test, removed with everything in it afterwards.
using test::TempDir;

// Undoes the migrations above `version` (1 or 2) on a closed file of the
// latest version, leaving its rows as they are.
inline void DowngradeSchema(const std::string& path, int version) {
  // Version 2's triggers, which version 3 replaced.
  std::string sql =
      "DROP TABLE fts_lengths; DROP TABLE fts_days;"
      "DROP TRIGGER quotations_fts_delete; DROP TRIGGER quotations_fts_update;"
      "CREATE TRIGGER quotations_fts_delete AFTER DELETE ON quotations BEGIN "
      "INSERT INTO quotations_fts(quotations_fts, rowid, quote, context) "
      "VALUES ('delete', old.id, old.quote, old.context); END;"
      "CREATE TRIGGER quotations_fts_update AFTER UPDATE OF quote, context ON quotations BEGIN "
      "INSERT INTO quotations_fts(quotations_fts, rowid, quote, context) "
      "VALUES ('delete', old.id, old.quote, old.context);"
      "INSERT INTO quotations_fts(rowid, quote, context) VALUES (new.id, new.quote, new.context);"
      "END;";
  if (version == 1) {
    sql +=
        "CREATE TRIGGER quotations_fts_insert AFTER INSERT ON quotations BEGIN "
        "INSERT INTO quotations_fts(rowid, quote, context) "
        "VALUES (new.id, new.quote, new.context); END;";
  }
  sql += "PRAGMA user_version = " + std::to_string(version);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(raw);
}

}  // namespace guillemet::db

#endif  // GUILLEMET_TESTS_DB_TEST_UTIL_H_
