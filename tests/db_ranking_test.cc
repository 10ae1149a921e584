// Ranking of word searches: guillemet_bm25 (per row and streamed) gives
// exactly FTS5's bm25 scores, the rank blocks it reads stay exact through
// replacements, updates, long rows and the migration from version 2, and
// day numbers keep the order of dates.
#include <sqlite3.h>

#include <map>
#include <random>

#include "db/bm25.h"
#include "db/quote_db.h"
#include "db/rank_blocks.h"
#include "db/sqlite.h"
#include "db_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace guillemet::db {
namespace {

using ::testing::HasSubstr;

// Articles of words drawn from a small vocabulary, so that words repeat
// within rows, across rows, and in both columns (quote and context).
class RankingTest : public ::testing::Test {
 protected:
  void SetUp() override { path_ = dir_.File("q.db"); }

  void Ingest(int first, int count, const std::string& salt) {
    std::unique_ptr<Database> db = Open();
    std::unique_ptr<Writer> writer;
    ASSERT_TRUE(db->NewWriter({}, &writer).ok());
    for (int i = first; i < first + count; ++i)
      ASSERT_TRUE(writer->Add(Doc(i, salt), Quotes(i, salt)).ok());
    ASSERT_TRUE(writer->Commit().ok());
  }

  std::unique_ptr<Database> Open() {
    std::unique_ptr<Database> db;
    Status s = Database::Open(path_, {}, &db);
    EXPECT_TRUE(s.ok()) << s.message();
    return db;
  }

  // rowid -> score of bm25() and of guillemet_bm25 per row, and of the
  // streamed function, for `words` (an FTS5 expression).
  struct Scores {
    std::map<int64_t, double> fts5, per_row, streamed;
  };
  Scores Score(const std::string& words) {
    std::unique_ptr<Connection> db;
    EXPECT_TRUE(Connection::Open(path_, true, &db).ok());
    EXPECT_TRUE(RegisterBm25(db.get()).ok());
    Scores scores;
    Statement stmt;
    Status s = db->Prepare(
        "SELECT rowid, bm25(quotations_fts, 2.0, 1.0), guillemet_bm25(quotations_fts, 2.0, 1.0) "
        "FROM quotations_fts WHERE quotations_fts MATCH ?1",
        &stmt);
    EXPECT_TRUE(s.ok()) << s.message();
    stmt.Bind(1, words);
    for (bool row = true; s.ok();) {
      s = stmt.Step(&row);
      if (!row) break;
      scores.fts5[stmt.Int(0)] = stmt.Real(1);
      scores.per_row[stmt.Int(0)] = stmt.Real(2);
    }
    EXPECT_TRUE(s.ok()) << s.message();

    struct Collect : MatchSink {
      std::map<int64_t, double>* out;
      bool Add(int64_t rowid, double score) override {
        (*out)[rowid] = score;
        return true;
      }
    } sink;
    sink.out = &scores.streamed;
    Statement stream;
    s = db->Prepare(
        "SELECT guillemet_bm25_stream(quotations_fts, ?2, 2.0, 1.0) FROM quotations_fts "
        "WHERE quotations_fts MATCH ?1 LIMIT 1",
        &stream);
    EXPECT_TRUE(s.ok()) << s.message();
    stream.Bind(1, words);
    stream.BindPointer(2, &sink, kMatchSinkPointerType);
    bool row = false;
    s = stream.Step(&row);
    EXPECT_TRUE(s.ok()) << s.message();
    if (row && stream.Int(0) == 0) scores.streamed = scores.per_row;  // Several phrases.
    return scores;
  }

  // Expects both functions to give bm25's very doubles for every match.
  void ExpectSameScores(const std::string& words) {
    Scores scores = Score(words);
    EXPECT_FALSE(scores.fts5.empty()) << words;
    EXPECT_EQ(scores.per_row, scores.fts5) << words;
    EXPECT_EQ(scores.streamed, scores.fts5) << words;
  }

  std::string path_;

 private:
  static std::string Words(std::mt19937* rng, int count) {
    static const char* const kWords[] = {
        "les",         "dépenses", "publiques", "Otan",     "alliance", "défense",   "l'Europe",
        "aujourd'hui", "russie",   "paix",      "ministre", "premier",  "ministère", "guerre"};
    std::string text;
    for (int i = 0; i < count; ++i) {
      if (i > 0) text += ' ';
      text += kWords[(*rng)() % (sizeof(kWords) / sizeof(kWords[0]))];
    }
    return text;
  }
  Document Doc(int i, const std::string& salt) {
    std::mt19937 rng(i * 7919 + salt.size());
    Document doc;
    doc.id = "doc" + std::to_string(i);
    doc.date = "20" + std::to_string(10 + i % 15) + "-0" + std::to_string(1 + i % 9) + "-15";
    doc.text = Words(&rng, 5) + " : « " + Words(&rng, 3 + i % 20) + " », a dit " + salt + ". " +
               Words(&rng, 4) + ".";
    // Every tenth article quotes a speech too long for a one-byte length.
    if (i % 10 == 3) doc.text += " « " + Words(&rng, 300) + " »";
    return doc;
  }
  Extraction Quotes(int i, const std::string& salt) {
    Document doc = Doc(i, salt);
    Extraction extraction;
    size_t open = 0;
    while ((open = doc.text.find("« ", open)) != std::string::npos) {
      Quotation q;
      q.byte_start = open + 3;  // "«" is two bytes, then a space.
      q.byte_end = doc.text.find(" »", q.byte_start);
      q.quote = doc.text.substr(q.byte_start, q.byte_end - q.byte_start);
      q.start = q.byte_start;
      q.end = q.byte_end;
      q.speaker = "Anne Dupont";
      q.confidence = 0.5;
      extraction.quotations.push_back(q);
      open = q.byte_end;
    }
    return extraction;
  }

  TempDir dir_;
};

TEST_F(RankingTest, GuillemetBm25GivesBm25sScores) {
  Ingest(0, 300, "x");
  for (const char* words : {"les", "\"otan\"", "defense", "\"aujourd'hui\"", "minist*", "les paix",
                            "premier ministre", "\"l'europe\" guerre russie"}) {
    ExpectSameScores(words);
  }
  Status s = Open()->CheckIntegrity();
  EXPECT_TRUE(s.ok()) << s.message();
}

// Replaced articles delete their quotations (the trigger marks their entries
// unknown) and new rows take other rowids; an UPDATE marks the row unknown.
TEST_F(RankingTest, EntriesStayExactThroughReplacementsAndUpdates) {
  Ingest(0, 300, "x");
  Ingest(100, 150, "salt changes every text");  // Replaces 100..249.
  Ingest(280, 40, "y");                         // Replaces 280..299, adds 300..319.
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "UPDATE quotations SET quote = 'paix paix paix' WHERE id % 7 = 0;"
                           "UPDATE quotations SET date = '1999-12-31' WHERE id % 5 = 0;"
                           "DELETE FROM quotations WHERE doc_id = 'doc17'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  for (const char* words : {"les", "paix", "alliance defense", "minist*"}) ExpectSameScores(words);
  Status s = Open()->CheckIntegrity();
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(RankingTest, IntegrityCheckFindsAWrongEntry) {
  Ingest(0, 20, "x");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "UPDATE fts_lengths SET bytes = CAST(substr(bytes, 1, 1) || x'00' || "
                         "substr(bytes, 3) AS BLOB)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  Status s = Open()->CheckIntegrity();
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("fts_lengths holds 0 for row 1, which has"));
}

TEST_F(RankingTest, VersionTwoFileGetsItsRankBlocks) {
  Ingest(0, 200, "x");
  DowngradeSchema(path_, 2);
  std::unique_ptr<Database> db = Open();
  EXPECT_EQ(db->schema_version(), 3);
  Status s = db->CheckIntegrity();
  EXPECT_TRUE(s.ok()) << s.message();
  db.reset();
  std::unique_ptr<Connection> raw;
  ASSERT_TRUE(Connection::Open(path_, true, &raw).ok());
  int64_t blocks = 0;
  ASSERT_TRUE(raw->QueryInt("SELECT COUNT(*) FROM fts_lengths", &blocks).ok());
  EXPECT_EQ(blocks, 1);  // 220 rows: one block, every entry recorded.
  ExpectSameScores("les");
  ExpectSameScores("premier ministre");
}

TEST(DayNumbers, KeepTheOrderOfDates) {
  const char* const dates[] = {"1900-01-01", "1999-12-31", "2017-05-09", "2017-05-10",
                               "2017-05-31", "2017-06-01", "2024-02-29", "2075-12-31"};
  unsigned previous = DayNumber("");
  EXPECT_EQ(previous, kUndatedDay);
  for (const char* date : dates) {
    const unsigned day = DayNumber(date);
    EXPECT_GT(day, previous) << date;
    EXPECT_LT(day, kUnknownDay) << date;
    EXPECT_EQ(DateOfDayNumber(day), date);
    previous = day;
  }
  for (const char* odd : {"1899-12-31", "2076-01-01", "2017-13-01", "2017-05", "17-05-09", "x"}) {
    EXPECT_EQ(DayNumber(odd), kUnknownDay) << odd;
  }
  EXPECT_EQ(FirstDayNumberFrom("2017"), DayNumber("2017-01-01"));
  EXPECT_EQ(FirstDayNumberFrom("2017-05"), DayNumber("2017-05-01"));
  EXPECT_EQ(FirstDayNumberFrom("0"), 1u);  // Any date, but dated.
  EXPECT_EQ(LastDayNumberUntil("2017"), DayNumber("2017-12-31"));
  EXPECT_EQ(LastDayNumberUntil("2017-02"), DayNumber("2017-02-31"));  // Not a day: a bound.
  EXPECT_EQ(LastDayNumberUntil("2017-05-09"), DayNumber("2017-05-09"));
}

}  // namespace
}  // namespace guillemet::db
