// Behaviour of the quote database on real SQLite files in a temporary
// folder: schema migration, idempotent ingest, replacement, search filters,
// export, speakers, a reader beside a writer, and a writer killed mid-way.
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "core/unicode.h"
#include "db/quote_db.h"
#include "db/schema.h"
#include "db_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace guillemet::db {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

struct Article {
  Document doc;
  Extraction extraction;
};

// Builds an article and its extraction together, so that every quotation's
// offsets point at its words in the text, as the extractor's would.
class ArticleBuilder {
 public:
  ArticleBuilder(std::string id, std::string date) {
    article_.doc.id = std::move(id);
    article_.doc.date = std::move(date);
    article_.doc.url = "https://example.fr/" + article_.doc.id;
    article_.doc.title = "Titre " + article_.doc.id;
  }
  ArticleBuilder& Text(const std::string& text) {
    article_.doc.text += text;
    return *this;
  }
  // Appends «quote»; `speaker` and `id` may be empty for unknown.
  ArticleBuilder& Quote(const std::string& quote, const std::string& speaker,
                        const std::string& id = "", QuoteKind kind = QuoteKind::kDirect) {
    std::string& text = article_.doc.text;
    text += "« ";
    Quotation q;
    q.quote = quote;
    q.byte_start = text.size();
    q.start = CountCodePoints(text);
    text += quote;
    q.byte_end = text.size();
    q.end = CountCodePoints(text);
    text += " »";
    q.kind = kind;
    if (!speaker.empty()) q.speaker = speaker;
    if (!id.empty()) q.speaker_id = id;
    q.mention = speaker;
    q.cue = "a déclaré";
    q.method = "test_rule";
    q.confidence = 0.75;
    q.date = article_.doc.date.substr(0, 10);
    article_.extraction.quotations.push_back(q);
    return *this;
  }
  Article Build() const { return article_; }

 private:
  Article article_;
};

std::unique_ptr<Database> OpenOrDie(const std::string& path, bool read_only = false) {
  std::unique_ptr<Database> db;
  OpenOptions options;
  options.read_only = read_only;
  Status s = Database::Open(path, options, &db);
  EXPECT_TRUE(s.ok()) << s.message();
  return db;
}

std::string Dump(Database* db) {
  std::ostringstream out;
  Status s = db->DumpContent(&out);
  EXPECT_TRUE(s.ok()) << s.message();
  return out.str();
}

std::vector<std::string> Quotes(Database* db, const Query& query) {
  std::vector<QuoteRecord> rows;
  Status s = db->Search(query, &rows);
  EXPECT_TRUE(s.ok()) << s.message();
  std::vector<std::string> quotes;
  for (const QuoteRecord& r : rows) quotes.push_back(r.quotation.quote);
  return quotes;
}

Query Words(const std::string& words) {
  Query q;
  q.words = words;
  return q;
}

Query BySpeaker(const std::string& speaker) {
  Query q;
  q.speaker = speaker;
  return q;
}

// Three articles with known speakers, for the search tests.
class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenOrDie(dir_.File("quotes.db"));
    SpeakerInfo macron{
        "Q3052772", "Emmanuel Macron", "Q3052772", {"le président de la République"}};
    ASSERT_TRUE(db_->PutSpeaker(macron).ok());
    Ingest(ArticleBuilder("a1", "2017-05-10")
               .Text("Le candidat a parlé longuement. Il a déclaré : ")
               .Quote("Les dépenses publiques doivent baisser", "Emmanuel Macron", "Q3052772")
               .Text(". Puis il est parti.\n")
               .Build());
    Ingest(ArticleBuilder("a2", "2017-05-25")
               .Text("M. Mélenchon a répondu : ")
               .Quote("Nous refusons l'austérité et ces dépenses inutiles", "Jean-Luc Mélenchon")
               .Text(", a-t-il lancé.\n")
               .Quote("Je serai candidate", "Marine Le Pen")
               .Text(", a dit la présidente du FN.\n")
               .Build());
    Ingest(ArticleBuilder("a3", "2017-06-02")
               .Quote("Le FN a toujours eu raison", "Jean-Marie Le Pen")
               .Text(", affirme le fondateur du parti. ")
               .Quote("La République en marche", "", "", QuoteKind::kMention)
               .Text(" est un mouvement.\n")
               .Build());
  }
  void Ingest(const Article& a) {
    IngestOutcome outcome;
    Status s = db_->Ingest(a.doc, a.extraction, &outcome);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST(Schema, MigratingAnEmptyFileSetsUserVersion) {
  TempDir dir;
  std::string path = dir.File("empty.db");
  std::ofstream(path).close();  // An existing, zero-byte file.
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->schema_version(), LatestSchemaVersion());
  EXPECT_EQ(LatestSchemaVersion(), 3);
  db.reset();

  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 3);
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
}

TEST(Schema, ReopeningKeepsDataAndVersion) {
  TempDir dir;
  std::string path = dir.File("q.db");
  Article a = ArticleBuilder("a", "2020-01-01").Quote("Bonjour", "Anne Dupont").Build();
  ASSERT_TRUE(OpenOrDie(path)->Ingest(a.doc, a.extraction).ok());
  auto db = OpenOrDie(path);
  EXPECT_EQ(db->schema_version(), 3);
  EXPECT_THAT(Quotes(db.get(), Query()), ElementsAre("Bonjour"));
}

// Version 1 indexed each quotation through a trigger; version 2 drops it
// and lets the Writer index per batch; version 3 adds the rank blocks. A
// version-1 file must come out with every quotation indexed once, old and
// new, and ranked as bm25 ranks them.
TEST(Schema, VersionOneFileIsMigratedAndStaysSearchable) {
  TempDir dir;
  std::string path = dir.File("v1.db");
  Article a = ArticleBuilder("a", "2020-01-01").Quote("Bonjour le monde", "Anne Dupont").Build();
  ASSERT_TRUE(OpenOrDie(path)->Ingest(a.doc, a.extraction).ok());
  DowngradeSchema(path, 1);

  auto db = OpenOrDie(path);
  EXPECT_EQ(db->schema_version(), 3);
  Article b = ArticleBuilder("b", "2021-01-01").Quote("Bonsoir le monde", "Anne Dupont").Build();
  ASSERT_TRUE(db->Ingest(b.doc, b.extraction).ok());
  Article a2 = ArticleBuilder("a", "2020-01-01").Quote("Bonjour la lune", "Anne Dupont").Build();
  ASSERT_TRUE(db->Ingest(a2.doc, a2.extraction).ok());  // Replaces a.
  Query q;
  q.words = "monde";
  EXPECT_THAT(Quotes(db.get(), q), ElementsAre("Bonsoir le monde"));
  q.words = "lune";
  EXPECT_THAT(Quotes(db.get(), q), ElementsAre("Bonjour la lune"));
  Status s = db->CheckIntegrity();
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST(Schema, RefusesFileFromNewerVersion) {
  TempDir dir;
  std::string path = dir.File("future.db");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  std::unique_ptr<Database> db;
  Status s = Database::Open(path, {}, &db);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("schema version 99, newer than this build supports (3)"));
  EXPECT_EQ(db, nullptr);
}

TEST(Schema, RefusesSqliteFileOfAnotherApplication) {
  TempDir dir;
  std::string path = dir.File("other.db");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE recipes (name TEXT)", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  std::unique_ptr<Database> db;
  Status s = Database::Open(path, {}, &db);
  EXPECT_THAT(s.message(), HasSubstr("not a guillemet database"));
}

TEST(Schema, RefusesFileThatIsNotSqlite) {
  TempDir dir;
  std::string path = dir.File("notes.txt");
  std::ofstream(path) << "ceci n'est pas une base de données, mais un texte assez long pour "
                         "occuper l'en-tête de cent octets qu'SQLite lit en premier.";
  std::unique_ptr<Database> db;
  Status s = Database::Open(path, {}, &db);
  EXPECT_THAT(s.message(), HasSubstr("notes.txt"));
  EXPECT_THAT(s.message(), HasSubstr("not a database"));
}

TEST(Schema, ReadOnlyOpenNeedsAnExistingFile) {
  TempDir dir;
  std::unique_ptr<Database> db;
  OpenOptions options;
  options.read_only = true;
  Status s = Database::Open(dir.File("missing.db"), options, &db);
  EXPECT_THAT(s.message(), HasSubstr("cannot open database"));
  EXPECT_THAT(s.message(), HasSubstr("missing.db"));
}

TEST(Ingest, SameArticleTwiceIsStoredOnce) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  Article a = ArticleBuilder("a", "2020-01-01")
                  .Quote("Première phrase", "Anne Dupont")
                  .Text(". ")
                  .Quote("Seconde phrase", "Anne Dupont")
                  .Build();
  IngestOutcome outcome;
  ASSERT_TRUE(db->Ingest(a.doc, a.extraction, &outcome).ok());
  EXPECT_EQ(outcome, IngestOutcome::kAdded);
  std::string first = Dump(db.get());
  ASSERT_TRUE(db->Ingest(a.doc, a.extraction, &outcome).ok());
  EXPECT_EQ(outcome, IngestOutcome::kUnchanged);
  EXPECT_EQ(Dump(db.get()), first);
  Stats stats;
  ASSERT_TRUE(db->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.quotations, 2);
  EXPECT_EQ(stats.speakers, 1);
  EXPECT_THAT(Quotes(db.get(), Words("phrase")), SizeIs(2));
}

TEST(Ingest, ChangedArticleReplacesItsQuotations) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  Article v1 = ArticleBuilder("a", "2020-01-01")
                   .Quote("Les impôts vont baisser", "Anne Dupont")
                   .Text(". ")
                   .Quote("Nous tiendrons parole", "Anne Dupont")
                   .Build();
  Article v2 = ArticleBuilder("a", "2020-01-01")
                   .Text("Correction : ")
                   .Quote("Les impôts vont augmenter", "Anne Dupont")
                   .Build();
  ASSERT_TRUE(db->Ingest(v1.doc, v1.extraction).ok());
  IngestOutcome outcome;
  ASSERT_TRUE(db->Ingest(v2.doc, v2.extraction, &outcome).ok());
  EXPECT_EQ(outcome, IngestOutcome::kReplaced);
  EXPECT_THAT(Quotes(db.get(), Query()), ElementsAre("Les impôts vont augmenter"));
  // The full-text index forgot the old version too.
  EXPECT_THAT(Quotes(db.get(), Words("baisser")), IsEmpty());
  EXPECT_THAT(Quotes(db.get(), Words("parole")), IsEmpty());
  EXPECT_TRUE(db->CheckIntegrity().ok());
}

TEST(Ingest, NewTitleWithSameTextReplacesTheArticle) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  Article a = ArticleBuilder("a", "2020-01-01").Quote("Bonjour", "Anne Dupont").Build();
  ASSERT_TRUE(db->Ingest(a.doc, a.extraction).ok());
  a.doc.title = "Nouveau titre";
  IngestOutcome outcome;
  ASSERT_TRUE(db->Ingest(a.doc, a.extraction, &outcome).ok());
  EXPECT_EQ(outcome, IngestOutcome::kReplaced);
  std::vector<QuoteRecord> rows;
  ASSERT_TRUE(db->Search(Query(), &rows).ok());
  ASSERT_THAT(rows, SizeIs(1));
  EXPECT_EQ(rows[0].title, "Nouveau titre");
}

TEST(Ingest, FailedDocumentIsRecordedAndLaterReplaced) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  Article a = ArticleBuilder("a", "2020-01-01").Quote("Bonjour", "Anne Dupont").Build();
  std::unique_ptr<Writer> writer;
  ASSERT_TRUE(db->NewWriter({}, &writer).ok());
  IngestOutcome outcome;
  ASSERT_TRUE(writer->AddFailure(a.doc, "input.jsonl:3: text is not a string", &outcome).ok());
  EXPECT_EQ(outcome, IngestOutcome::kFailureRecorded);
  ASSERT_TRUE(writer->AddFailure(a.doc, "input.jsonl:3: text is not a string", &outcome).ok());
  EXPECT_EQ(outcome, IngestOutcome::kUnchanged);
  ASSERT_TRUE(writer->Commit().ok());
  EXPECT_THAT(Dump(db.get()), HasSubstr("\"failed\",\"input.jsonl:3: text is not a string\""));
  Stats stats;
  ASSERT_TRUE(db->GetStats(&stats).ok());
  EXPECT_EQ(stats.failed_documents, 1);

  bool unchanged = true;
  ASSERT_TRUE(writer->IsUnchanged(a.doc, &unchanged).ok());
  EXPECT_FALSE(unchanged);  // A failure is worth retrying.
  ASSERT_TRUE(writer->Add(a.doc, a.extraction, &outcome).ok());
  EXPECT_EQ(outcome, IngestOutcome::kReplaced);
  ASSERT_TRUE(writer->Commit().ok());
  ASSERT_TRUE(db->GetStats(&stats).ok());
  EXPECT_EQ(stats.failed_documents, 0);
  EXPECT_EQ(stats.quotations, 1);
}

TEST(Ingest, IsUnchangedLetsTheCallerSkipExtraction) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  Article a = ArticleBuilder("a", "2020-01-01").Quote("Bonjour", "Anne Dupont").Build();
  std::unique_ptr<Writer> writer;
  ASSERT_TRUE(db->NewWriter({}, &writer).ok());
  bool unchanged = true;
  ASSERT_TRUE(writer->IsUnchanged(a.doc, &unchanged).ok());
  EXPECT_FALSE(unchanged);
  ASSERT_TRUE(writer->Add(a.doc, a.extraction).ok());
  ASSERT_TRUE(writer->IsUnchanged(a.doc, &unchanged).ok());
  EXPECT_TRUE(unchanged);
  a.doc.text += " Fin.";
  ASSERT_TRUE(writer->IsUnchanged(a.doc, &unchanged).ok());
  EXPECT_FALSE(unchanged);
}

TEST(Ingest, ReplaceUnchangedRewritesAfterAnExtractorUpgrade) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  Article a = ArticleBuilder("a", "2020-01-01").Quote("Bonjour", "Anne Dupont").Build();
  ASSERT_TRUE(db->Ingest(a.doc, a.extraction).ok());
  a.extraction.quotations[0].method = "better_rule";
  WriterOptions options;
  options.replace_unchanged = true;
  std::unique_ptr<Writer> writer;
  ASSERT_TRUE(db->NewWriter(options, &writer).ok());
  IngestOutcome outcome;
  ASSERT_TRUE(writer->Add(a.doc, a.extraction, &outcome).ok());
  EXPECT_EQ(outcome, IngestOutcome::kReplaced);
  ASSERT_TRUE(writer->Commit().ok());
  std::vector<QuoteRecord> rows;
  ASSERT_TRUE(db->Search(Query(), &rows).ok());
  ASSERT_THAT(rows, SizeIs(1));
  EXPECT_EQ(rows[0].quotation.method, "better_rule");
}

TEST(Ingest, DocumentWithoutIdIsRefused) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  Document doc;
  doc.text = "Texte.";
  Status s = db->Ingest(doc, Extraction());
  EXPECT_EQ(s.message(), "a document without an id cannot be stored");
}

TEST(Ingest, EveryQuotationFieldAndTheContextAreStored) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  Article a = ArticleBuilder("a", "2017-05-25T10:00Z")
                  .Text("Hors sujet. M. Macron a déclaré : ")
                  .Quote("Nous allons réformer", "Emmanuel Macron", "Q3052772")
                  .Text(", avant de partir. Autre chose.")
                  .Build();
  Quotation& q = a.extraction.quotations[0];
  q.mention = "M. Macron";
  q.mention_start = 12;
  q.mention_end = 21;
  q.date = "";  // Falls back to the article's day.
  ASSERT_TRUE(db->Ingest(a.doc, a.extraction).ok());
  std::vector<QuoteRecord> rows;
  ASSERT_TRUE(db->Search(Query(), &rows).ok());
  ASSERT_THAT(rows, SizeIs(1));
  const QuoteRecord& r = rows[0];
  EXPECT_EQ(r.doc_id, "a");
  EXPECT_EQ(r.ordinal, 0u);
  EXPECT_EQ(r.url, "https://example.fr/a");
  EXPECT_EQ(r.title, "Titre a");
  EXPECT_EQ(r.context, "M. Macron a déclaré : « Nous allons réformer », avant de partir.");
  EXPECT_EQ(r.quotation.quote, "Nous allons réformer");
  EXPECT_EQ(r.quotation.start, q.start);
  EXPECT_EQ(r.quotation.end, q.end);
  EXPECT_EQ(r.quotation.byte_start, q.byte_start);
  EXPECT_EQ(r.quotation.byte_end, q.byte_end);
  EXPECT_EQ(r.quotation.kind, QuoteKind::kDirect);
  EXPECT_EQ(r.quotation.speaker, "Emmanuel Macron");
  EXPECT_EQ(r.quotation.speaker_id, "Q3052772");
  EXPECT_EQ(r.quotation.mention, "M. Macron");
  EXPECT_EQ(r.quotation.mention_start, 12u);
  EXPECT_EQ(r.quotation.mention_end, 21u);
  EXPECT_EQ(r.quotation.cue, "a déclaré");
  EXPECT_EQ(r.quotation.method, "test_rule");
  EXPECT_DOUBLE_EQ(r.quotation.confidence, 0.75);
  EXPECT_EQ(r.quotation.date, "2017-05-25");
}

TEST(Writer, CommitsEveryNDocumentsAndOnCommit) {
  TempDir dir;
  std::string path = dir.File("q.db");
  auto db = OpenOrDie(path);
  auto reader = OpenOrDie(path);
  WriterOptions options;
  options.batch_documents = 3;
  options.batch_milliseconds = 60000;
  std::unique_ptr<Writer> writer;
  ASSERT_TRUE(db->NewWriter(options, &writer).ok());
  for (int i = 0; i < 5; ++i) {
    Article a = ArticleBuilder("d" + std::to_string(i), "2020-01-01").Quote("Mot", "Anne").Build();
    ASSERT_TRUE(writer->Add(a.doc, a.extraction).ok());
  }
  Stats stats;
  ASSERT_TRUE(reader->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 3);
  EXPECT_EQ(writer->pending(), 2u);
  ASSERT_TRUE(writer->Commit().ok());
  ASSERT_TRUE(reader->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 5);
}

TEST(Writer, OnlyOneWriterPerDatabase) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  std::unique_ptr<Writer> first, second;
  ASSERT_TRUE(db->NewWriter({}, &first).ok());
  EXPECT_EQ(db->NewWriter({}, &second).message(), "a Writer is already open on this Database");
  first.reset();
  EXPECT_TRUE(db->NewWriter({}, &second).ok());
}

TEST(Writer, DestructorCommitsTheLastBatch) {
  TempDir dir;
  std::string path = dir.File("q.db");
  {
    auto db = OpenOrDie(path);
    std::unique_ptr<Writer> writer;
    ASSERT_TRUE(db->NewWriter({}, &writer).ok());
    Article a = ArticleBuilder("a", "2020-01-01").Quote("Mot", "Anne").Build();
    ASSERT_TRUE(writer->Add(a.doc, a.extraction).ok());
  }
  Stats stats;
  ASSERT_TRUE(OpenOrDie(path)->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 1);
}

// The Writer turns off SQLite's foreign-key and CHECK enforcement on its
// connection (writer.cc): the rows it builds must meet them anyway, with
// every kind, a speaker known only by id, a failure and a replacement.
TEST(Writer, RowsMeetTheConstraintsItDoesNotHaveSQLiteCheck) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  {
    std::unique_ptr<Writer> writer;
    ASSERT_TRUE(db->NewWriter({}, &writer).ok());
    Article a = ArticleBuilder("a", "2020-01-01")
                    .Quote("Direct", "Anne Dupont")
                    .Quote("Partielle", "", "", QuoteKind::kPartial)
                    .Quote("Tweet", "", "Q42", QuoteKind::kTweet)
                    .Quote("Mention", "Paul Durand", "Q7", QuoteKind::kMention)
                    .Build();
    Article b = ArticleBuilder("b", "2020-01-02").Quote("Avant", "Anne Dupont").Build();
    ASSERT_TRUE(writer->Add(a.doc, a.extraction).ok());
    ASSERT_TRUE(writer->Add(b.doc, b.extraction).ok());
    ASSERT_TRUE(writer->AddFailure(b.doc, "unreadable").ok());
    ASSERT_TRUE(writer->Commit().ok());
    b.doc.text += " (corrigé)";
    ASSERT_TRUE(writer->Add(b.doc, b.extraction).ok());
  }
  Status s = db->CheckIntegrity();
  EXPECT_TRUE(s.ok()) << s.message();
  Stats stats;
  ASSERT_TRUE(db->GetStats(&stats).ok());
  EXPECT_EQ(stats.quotations, 5);
}

// A new document is written without a savepoint and undone by hand when a
// write fails (writer.cc): the database ends as if it had never come, with
// the speakers and names it registered first gone too, and the batch goes
// on. The failure is injected by a trigger on the quotation "boom".
TEST(Writer, FailedNewDocumentLeavesNoTrace) {
  TempDir dir;
  Article a = ArticleBuilder("a", "2020-01-01").Quote("Premier", "Anne Dupont").Build();
  Article b = ArticleBuilder("b", "2020-01-02")
                  .Quote("Nouvelle venue", "Zoé Nouvelle")
                  .Quote("Autre nom", "Paul Neuf", "Q99")
                  .Quote("boom", "Anne Dupont")
                  .Build();
  Article c = ArticleBuilder("c", "2020-01-03").Quote("Troisième", "Anne Dupont").Build();
  auto injected = OpenOrDie(dir.File("injected.db"));
  auto exec_raw = [&](const char* sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(dir.File("injected.db").c_str(), &raw), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    sqlite3_close(raw);
  };
  exec_raw(
      "CREATE TRIGGER inject BEFORE INSERT ON quotations WHEN new.quote = 'boom' "
      "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  {
    std::unique_ptr<Writer> writer;
    ASSERT_TRUE(injected->NewWriter({}, &writer).ok());
    ASSERT_TRUE(writer->Add(a.doc, a.extraction).ok());
    Status s = writer->Add(b.doc, b.extraction);
    EXPECT_THAT(s.message(), HasSubstr("injected failure"));
    EXPECT_THAT(s.message(), Not(HasSubstr("rolled back")));
    ASSERT_TRUE(writer->Add(c.doc, c.extraction).ok());
    EXPECT_EQ(writer->pending(), 2u);
    ASSERT_TRUE(writer->Commit().ok());
  }
  exec_raw("DROP TRIGGER inject");

  auto clean = OpenOrDie(dir.File("clean.db"));
  {
    std::unique_ptr<Writer> writer;
    ASSERT_TRUE(clean->NewWriter({}, &writer).ok());
    ASSERT_TRUE(writer->Add(a.doc, a.extraction).ok());
    ASSERT_TRUE(writer->Add(c.doc, c.extraction).ok());
  }
  EXPECT_EQ(Dump(injected.get()), Dump(clean.get()));
  Status s = injected->CheckIntegrity();
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_THAT(Quotes(injected.get(), Words("nouvelle")), IsEmpty());
}

// SQLite takes its page-cache memory only before its first connection;
// a late reservation must say so and change nothing.
TEST(Writer, CacheMemoryReservedAfterAnOpenIsRefused) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  EXPECT_FALSE(ReserveCacheMemoryForWriting(size_t{4} << 20));
  Article a = ArticleBuilder("a", "2020-01-01").Quote("Mot", "Anne").Build();
  EXPECT_TRUE(db->Ingest(a.doc, a.extraction).ok());
}

TEST(Writer, ReadOnlyDatabaseRefusesWriter) {
  TempDir dir;
  std::string path = dir.File("q.db");
  OpenOrDie(path);
  auto db = OpenOrDie(path, /*read_only=*/true);
  std::unique_ptr<Writer> writer;
  EXPECT_THAT(db->NewWriter({}, &writer).message(), HasSubstr("is open read-only"));
}

TEST_F(SearchTest, WordsIgnoreAccentsAndCase) {
  EXPECT_THAT(Quotes(db_.get(), Words("depenses")),
              UnorderedElementsAre("Les dépenses publiques doivent baisser",
                                   "Nous refusons l'austérité et ces dépenses inutiles"));
  EXPECT_THAT(Quotes(db_.get(), Words("DÉPENSES")), SizeIs(2));
  EXPECT_THAT(Quotes(db_.get(), Words("austerite")), SizeIs(1));
}

TEST_F(SearchTest, EveryWordMustMatch) {
  EXPECT_THAT(Quotes(db_.get(), Words("dépenses publiques")),
              ElementsAre("Les dépenses publiques doivent baisser"));
  EXPECT_THAT(Quotes(db_.get(), Words("dépenses introuvable")), IsEmpty());
}

TEST_F(SearchTest, WordsAlsoMatchTheContextSentence) {
  // "fondateur" is only in the sentence around the quotation.
  EXPECT_THAT(Quotes(db_.get(), Words("fondateur")), ElementsAre("Le FN a toujours eu raison"));
}

TEST_F(SearchTest, TrailingStarMatchesPrefix) {
  EXPECT_THAT(Quotes(db_.get(), Words("depens*")), SizeIs(2));
}

TEST_F(SearchTest, FtsSyntaxInUserInputIsPlainText) {
  for (const char* words : {"\"", "dépenses OR raison", "NEAR(dépenses", "quote:dépenses", "(",
                            "-dépenses", "dépenses AND", "^", "l'austérité"}) {
    std::vector<QuoteRecord> rows;
    Status s = db_->Search(Words(words), &rows);
    EXPECT_TRUE(s.ok() || s.message().find("no letter or digit") != std::string::npos)
        << words << ": " << s.message();
  }
  EXPECT_THAT(Quotes(db_.get(), Words("dépenses OR raison")), IsEmpty());  // "or" is a word.
  EXPECT_THAT(Quotes(db_.get(), Words("l'austérité")), SizeIs(1));
  std::vector<QuoteRecord> rows;
  EXPECT_EQ(db_->Search(Words("« »"), &rows).message(),
            "search words \"« »\" contain no letter or digit to look for");
}

TEST_F(SearchTest, SpeakerMatchesNameSurnameIdAndAliasWithoutAccents) {
  const std::string kMacron = "Les dépenses publiques doivent baisser";
  for (const char* speaker :
       {"Emmanuel Macron", "emmanuel macron", "Macron", "MACRON", "Q3052772", "q3052772",
        "Le président de la République", "le president de la republique"}) {
    EXPECT_THAT(Quotes(db_.get(), BySpeaker(speaker)), ElementsAre(kMacron)) << speaker;
  }
  const std::string kMelenchon = "Nous refusons l'austérité et ces dépenses inutiles";
  for (const char* speaker :
       {"Jean-Luc Mélenchon", "jean luc melenchon", "Melenchon", "MÉLENCHON"}) {
    EXPECT_THAT(Quotes(db_.get(), BySpeaker(speaker)), ElementsAre(kMelenchon)) << speaker;
  }
  EXPECT_THAT(Quotes(db_.get(), BySpeaker("Emmanuel")), IsEmpty());  // A first name is not enough.
  EXPECT_THAT(Quotes(db_.get(), BySpeaker("Inconnu")), IsEmpty());
}

TEST_F(SearchTest, SurnameSharedByTwoSpeakersMatchesBoth) {
  EXPECT_THAT(Quotes(db_.get(), BySpeaker("le pen")),
              ElementsAre("Le FN a toujours eu raison", "Je serai candidate"));
  EXPECT_THAT(Quotes(db_.get(), BySpeaker("Marine Le Pen")), ElementsAre("Je serai candidate"));
}

TEST_F(SearchTest, SpeakerAndWordsCombine) {
  Query q = Words("depenses");
  q.speaker = "melenchon";
  EXPECT_THAT(Quotes(db_.get(), q),
              ElementsAre("Nous refusons l'austérité et ces dépenses inutiles"));
}

TEST_F(SearchTest, DateBoundsAreInclusiveAndAcceptMonthsAndYears) {
  Query q;
  q.since = "2017-05-25";
  q.until = "2017-05-25";
  EXPECT_THAT(Quotes(db_.get(), q),
              UnorderedElementsAre("Nous refusons l'austérité et ces dépenses inutiles",
                                   "Je serai candidate"));
  q = Query();
  q.until = "2017-05";  // All of May.
  EXPECT_THAT(Quotes(db_.get(), q), SizeIs(3));
  q = Query();
  q.since = "2017-06";
  EXPECT_THAT(Quotes(db_.get(), q), SizeIs(2));
  q.since = "2018";
  EXPECT_THAT(Quotes(db_.get(), q), IsEmpty());
  q = Words("depenses");
  q.since = "2017-05-11T00:00:00Z";
  EXPECT_THAT(Quotes(db_.get(), q), SizeIs(1));
}

TEST_F(SearchTest, MalformedDateIsAnError) {
  Query q;
  q.since = "2017-13-01";
  std::vector<QuoteRecord> rows;
  EXPECT_EQ(db_->Search(q, &rows).message(),
            "since \"2017-13-01\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  q = Query();
  q.until = "hier";
  EXPECT_THAT(db_->Search(q, &rows).message(), HasSubstr("until \"hier\" is not a date"));
}

TEST_F(SearchTest, WithoutWordsNewestComesFirst) {
  std::vector<QuoteRecord> rows;
  ASSERT_TRUE(db_->Search(Query(), &rows).ok());
  std::vector<std::string> dates;
  for (const QuoteRecord& r : rows) dates.push_back(r.quotation.date);
  EXPECT_THAT(dates,
              ElementsAre("2017-06-02", "2017-06-02", "2017-05-25", "2017-05-25", "2017-05-10"));
  // Same day: article, then position in the article.
  EXPECT_EQ(rows[0].ordinal, 0u);
  EXPECT_EQ(rows[1].ordinal, 1u);
}

TEST_F(SearchTest, WordsRankByRelevance) {
  Ingest(ArticleBuilder("a4", "2016-01-01")
             .Quote("Réduire les dépenses, les dépenses, encore les dépenses", "Anne Dupont")
             .Build());
  std::vector<QuoteRecord> rows;
  ASSERT_TRUE(db_->Search(Words("dépenses"), &rows).ok());
  ASSERT_THAT(rows, SizeIs(3));
  // The oldest article ranks first: it says "dépenses" three times.
  EXPECT_EQ(rows[0].doc_id, "a4");
  EXPECT_LT(rows[0].score, rows[1].score);
  EXPECT_LE(rows[1].score, rows[2].score);
}

TEST_F(SearchTest, KindAndLimitFilter) {
  Query q;
  q.kinds = {QuoteKind::kMention};
  EXPECT_THAT(Quotes(db_.get(), q), ElementsAre("La République en marche"));
  q.kinds = {QuoteKind::kDirect, QuoteKind::kPartial};
  EXPECT_THAT(Quotes(db_.get(), q), SizeIs(4));
  q.limit = 2;
  EXPECT_THAT(Quotes(db_.get(), q), SizeIs(2));
}

TEST_F(SearchTest, ExportStreamsMatchesInSearchOrderAndCanStop) {
  Query q;
  q.limit = 0;
  std::vector<std::string> exported;
  ASSERT_TRUE(db_->Export(q,
                          [&](const QuoteRecord& r) {
                            exported.push_back(r.quotation.quote);
                            return true;
                          })
                  .ok());
  EXPECT_EQ(exported, Quotes(db_.get(), q));
  EXPECT_THAT(exported, SizeIs(5));
  int calls = 0;
  ASSERT_TRUE(db_->Export(q, [&](const QuoteRecord&) { return ++calls < 2; }).ok());
  EXPECT_EQ(calls, 2);
}

TEST_F(SearchTest, SpeakersListsCountsAndDateRange) {
  Ingest(ArticleBuilder("a5", "2017-07-14")
             .Quote("Encore moi", "Emmanuel Macron", "Q3052772")
             .Build());
  std::vector<SpeakerSummary> speakers;
  ASSERT_TRUE(db_->Speakers(&speakers).ok());
  ASSERT_THAT(speakers, SizeIs(4));
  EXPECT_EQ(speakers[0].speaker.key, "Q3052772");
  EXPECT_EQ(speakers[0].speaker.name, "Emmanuel Macron");
  EXPECT_EQ(speakers[0].speaker.kb_id, "Q3052772");
  EXPECT_THAT(speakers[0].speaker.aliases, ElementsAre("le président de la République"));
  EXPECT_EQ(speakers[0].quotations, 2);
  EXPECT_EQ(speakers[0].first_date, "2017-05-10");
  EXPECT_EQ(speakers[0].last_date, "2017-07-14");
  EXPECT_EQ(speakers[1].speaker.key, "Jean-Luc Mélenchon");
  EXPECT_EQ(speakers[1].speaker.kb_id, std::nullopt);
  EXPECT_EQ(speakers[1].quotations, 1);
}

TEST_F(SearchTest, ReadOnlyConnectionSearches) {
  auto reader = OpenOrDie(dir_.File("quotes.db"), /*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  EXPECT_THAT(Quotes(reader.get(), Words("depenses")), SizeIs(2));
  EXPECT_TRUE(reader->CheckIntegrity().ok());
}

// Search with a limit ranks on the full-text index alone and breaks score
// ties itself; Export without a limit runs one SQL statement. Both must give
// the same order, whatever the filters, including inside large groups of
// equal scores (the same quotation reprinted by many articles).
TEST(SearchOrder, RankedSearchAgreesWithTheFullOrdering) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("q.db"));
  std::unique_ptr<Writer> writer;
  ASSERT_TRUE(db->NewWriter({}, &writer).ok());
  for (int i = 0; i < 700; ++i) {
    // Few distinct texts and dates: many exact ties in score and in date.
    std::string quote = i % 3 == 0   ? "Les dépenses augmentent"
                        : i % 3 == 1 ? "Les dépenses augmentent encore et toujours"
                                     : "Les dépenses, les dépenses";
    if (i % 50 == 0) quote = "Rare : les dépenses de santé";
    Article a = ArticleBuilder("doc" + std::to_string(i % 10) + "-" + std::to_string(i),
                               "2020-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 7))
                    .Quote(quote, i % 4 == 0 ? "Anne Dupont" : "Paul Durand", "",
                           i % 5 == 0 ? QuoteKind::kPartial : QuoteKind::kDirect)
                    .Build();
    ASSERT_TRUE(writer->Add(a.doc, a.extraction).ok());
  }
  ASSERT_TRUE(writer->Commit().ok());

  auto key = [](const QuoteRecord& r) { return r.doc_id + "#" + std::to_string(r.ordinal); };
  std::vector<Query> queries;
  for (const char* words : {"dépenses", "santé", "augmentent"}) {
    Query q = Words(words);
    queries.push_back(q);
    q.speaker = "Dupont";  // Speaker filter: the id list through its index.
    queries.push_back(q);
    q.since = "2020-03";
    queries.push_back(q);
    q = Words(words);
    q.kinds = {QuoteKind::kPartial};  // No index: checked match by match.
    queries.push_back(q);
    q.until = "2020-04-12";
    queries.push_back(q);
  }
  for (Query q : queries) {
    q.limit = 0;
    std::vector<std::string> full;
    ASSERT_TRUE(db->Export(q, [&](const QuoteRecord& r) {
                    full.push_back(key(r));
                    return true;
                  }).ok());
    for (size_t limit : {1, 7, 20, 100, 5000}) {
      q.limit = limit;
      std::vector<QuoteRecord> rows;
      ASSERT_TRUE(db->Search(q, &rows).ok());
      std::vector<std::string> ranked;
      for (const QuoteRecord& r : rows) ranked.push_back(key(r));
      std::vector<std::string> expected(full.begin(), full.begin() + std::min(limit, full.size()));
      EXPECT_EQ(ranked, expected) << q.words << " speaker=" << q.speaker << " since=" << q.since
                                  << " limit=" << limit;
    }
  }
}

// Each article has exactly kQuotesPerDoc quotations, so a reader that ever
// sees another count per article has seen half a document.
TEST(Concurrency, ReaderQueriesWhileWriterIngests) {
  constexpr int kDocs = 3000;
  constexpr size_t kQuotesPerDoc = 3;
  TempDir dir;
  std::string path = dir.File("q.db");
  OpenOrDie(path);  // Create the schema before the threads race.
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::string writer_error, reader_error;

  std::thread writer_thread([&] {
    auto db = OpenOrDie(path);
    WriterOptions options;
    options.batch_documents = 50;
    std::unique_ptr<Writer> writer;
    Status s = db->NewWriter(options, &writer);
    for (int i = 0; i < kDocs && s.ok(); ++i) {
      ArticleBuilder b("doc" + std::to_string(i), "2020-01-01");
      for (size_t k = 0; k < kQuotesPerDoc; ++k) {
        b.Quote("Les dépenses numéro " + std::to_string(k), "Orateur " + std::to_string(i % 7));
        b.Text(". ");
      }
      Article a = b.Build();
      s = writer->Add(a.doc, a.extraction);
    }
    if (s.ok()) s = writer->Commit();
    if (!s.ok()) writer_error = s.message();
    done = true;
  });
  std::thread reader_thread([&] {
    auto db = OpenOrDie(path);
    Query q = Words("depenses");
    q.limit = 0;
    size_t last = 0;
    while (!done || reads == 0) {
      std::map<std::string, size_t> per_doc;
      Status s = db->Export(q, [&](const QuoteRecord& r) {
        ++per_doc[r.doc_id];
        return true;
      });
      if (!s.ok()) {
        reader_error = s.message();
        return;
      }
      for (const auto& [doc, n] : per_doc) {
        if (n != kQuotesPerDoc) reader_error = "half-written document " + doc;
      }
      if (per_doc.size() < last) reader_error = "documents disappeared";
      last = per_doc.size();
      ++reads;
    }
  });
  writer_thread.join();
  reader_thread.join();
  EXPECT_EQ(writer_error, "");
  EXPECT_EQ(reader_error, "");
  EXPECT_GT(reads.load(), 1);
  Stats stats;
  ASSERT_TRUE(OpenOrDie(path)->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, kDocs);
}

// The input of the crash test: a stream where one article appears again
// later, changed, as a news feed would re-send a corrected article.
std::vector<Article> CrashInput() {
  std::vector<Article> input;
  for (int i = 0; i < 400; ++i) {
    int id = i == 300 ? 5 : i;  // Article 5 comes back corrected.
    ArticleBuilder b("art" + std::to_string(id), "2021-03-" + std::to_string(10 + i % 19));
    b.Text("Version " + std::to_string(i) + ". ");
    b.Quote("Phrase " + std::to_string(i) + " sur les dépenses",
            "Orateur " + std::to_string(i % 13), i % 2 ? "Q" + std::to_string(i % 13) : "");
    b.Text(", a-t-il dit.");
    input.push_back(b.Build());
  }
  return input;
}

Status IngestAll(const std::string& path, const std::vector<Article>& input, int kill_after) {
  std::unique_ptr<Database> db;
  Status s = Database::Open(path, {}, &db);
  if (!s.ok()) return s;
  WriterOptions options;
  options.batch_documents = 16;
  std::unique_ptr<Writer> writer;
  s = db->NewWriter(options, &writer);
  for (size_t i = 0; i < input.size() && s.ok(); ++i) {
    if (static_cast<int>(i) == kill_after) raise(SIGKILL);
    bool unchanged = false;
    s = writer->IsUnchanged(input[i].doc, &unchanged);
    if (s.ok() && !unchanged) s = writer->Add(input[i].doc, input[i].extraction);
  }
  return s.ok() ? writer->Commit() : s;
}

TEST(Crash, WriterKilledMidwayThenRerunEndsLikeAnUninterruptedRun) {
  TempDir dir;
  std::vector<Article> input = CrashInput();
  ASSERT_TRUE(IngestAll(dir.File("clean.db"), input, -1).ok());

  std::string path = dir.File("killed.db");
  for (int kill_after : {77, 310}) {  // Mid-batch, and after the corrected article.
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      IngestAll(path, input, kill_after);
      _exit(0);  // Not reached: the child kills itself.
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  }
  {
    auto partial = OpenOrDie(path);
    Stats stats;
    ASSERT_TRUE(partial->GetStats(&stats).ok());
    EXPECT_GT(stats.documents, 0);
    EXPECT_LT(stats.documents, 399);
    EXPECT_EQ(stats.quotations, stats.documents);  // Never a document without its quotation.
  }
  ASSERT_TRUE(IngestAll(path, input, -1).ok());
  auto clean = OpenOrDie(dir.File("clean.db"));
  auto resumed = OpenOrDie(path);
  EXPECT_TRUE(resumed->CheckIntegrity().ok());
  std::string expected = Dump(clean.get());
  EXPECT_THAT(expected, HasSubstr("Phrase 300 sur les dépenses"));
  EXPECT_EQ(Dump(resumed.get()), expected);
}

}  // namespace
}  // namespace guillemet::db
