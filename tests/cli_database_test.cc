// Tests of the quote database commands as a user runs them: `guillemet
// ingest`, `search`, `export` and `speakers`, the real binary in temporary
// folders. They pin what the README promises: a search ignores accents and
// finds a speaker by surname, ingesting twice changes nothing, a changed
// article replaces its quotations, a run killed with SIGKILL and run again
// ends with the database of an uninterrupted run, a reader never waits for
// the writer, a stalled input is still committed, and exit statuses 0/1/2.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "db/quote_db.h"
#include "support.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using guillemet::test::JsonString;
using guillemet::test::ReadFile;
using guillemet::test::SplitLines;
using guillemet::db::Database;

using Result = guillemet::test::CommandResult;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

// The bundled example articles, in file name order.
std::vector<std::string> FixtureTexts() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(GUILLEMET_SOURCE_DIR "/fixtures/docs")) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const fs::path& p : paths) texts.push_back(ReadFile(p));
  return texts;
}

// `count` articles made of the fixture texts, each with its own id, date and
// url; the first lines of the texts vary so that no two are equal.
std::string GeneratedJsonl(int count) {
  const std::vector<std::string> texts = FixtureTexts();
  std::string jsonl;
  for (int i = 0; i < count; ++i) {
    const std::string& base = texts[i % texts.size()];
    std::string text = "Dépêche " + std::to_string(i) + ". " + base;
    char date[16];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 15 + i % 9, 1 + i % 12, 1 + i % 28);
    jsonl += "{\"id\":\"wire-" + std::to_string(i) + "\",\"date\":\"" + date +
             "\",\"url\":\"https://example.fr/" + std::to_string(i) + "\",\"text\":" +
             JsonString(text) + "}\n";
  }
  return jsonl;
}

// Row counts of a database, read as another process would (read-only);
// nullopt while it cannot be opened yet.
std::optional<guillemet::db::Stats> StatsOf(const std::string& path) {
  if (!fs::exists(path)) return std::nullopt;
  std::unique_ptr<Database> db;
  guillemet::db::OpenOptions options;
  options.read_only = true;
  if (!Database::Open(path, options, &db).ok()) return std::nullopt;
  guillemet::db::Stats stats;
  if (!db->GetStats(&stats).ok()) return std::nullopt;
  return stats;
}

std::string DumpOf(const std::string& path) {
  std::unique_ptr<Database> db;
  EXPECT_TRUE(Database::Open(path, {}, &db).ok());
  std::ostringstream out;
  EXPECT_TRUE(db->DumpContent(&out).ok());
  return out.str();
}

class DatabaseCommands : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) {
    return temp_.Write(name, content);
  }
  std::string Path(const std::string& name) const { return temp_.File(name); }

  // Runs `guillemet ARGS` in the temporary folder and waits for it.
  Result Run(const std::string& args, const std::string& env = "") {
    return guillemet::test::RunGuillemet(dir_, args, "/dev/null", env);
  }

  // Starts `guillemet ARGS` in the temporary folder without waiting;
  // stdout and stderr go to NAME.out and NAME.err.
  // `stdin_fd`, when not -1, is the child's stdin.
  pid_t Start(const std::vector<std::string>& args, const std::string& name, int stdin_fd = -1) {
    std::vector<std::string> argv = {GUILLEMET_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (std::string& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdin_fd >= 0) {
      posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    }
    const std::string out = Path(name + ".out"), err = Path(name + ".err");
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    // Relative paths in ARGS are relative to the temporary folder.
    const std::string cwd = fs::current_path().string();
    fs::current_path(dir_);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, cargv[0], &actions, nullptr, cargv.data(), environ);
    fs::current_path(cwd);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(rc, 0);
    return pid;
  }
  // The exit status of `pid`, or -1 if it is killed after two minutes.
  static int Wait(pid_t pid) {
    int raw = 0;
    for (int i = 0; i < 120 * 50; ++i) {
      pid_t done = waitpid(pid, &raw, WNOHANG);
      if (done == pid) return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
      if (done < 0) return -1;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &raw, 0);
    return -1;
  }

  static std::string Patterns() { return "--patterns '" GUILLEMET_SOURCE_DIR "/patterns' "; }
  static std::string Docs() { return "'" GUILLEMET_SOURCE_DIR "/fixtures/docs' "; }

  guillemet::test::TempDir temp_{"guillemet-db-cli"};
  const fs::path& dir_ = temp_.path();
};

TEST_F(DatabaseCommands, SearchFindsAFixtureQuoteByAWordWithoutItsAccentAndBySurname) {
  Result ingest = Run("ingest " + Patterns() + "--db quotes.db " + Docs());
  ASSERT_EQ(ingest.status, 0) << ingest.err;

  // "prévenus" typed without its accent.
  Result word = Run("search --db quotes.db --json prevenus");
  EXPECT_EQ(word.status, 0) << word.err;
  EXPECT_NE(word.out.find("\"quote\":\"Nous avons été prévenus suffisamment tôt"),
            std::string::npos)
      << word.out;
  EXPECT_NE(word.out.find("\"speaker\":\"Martine Leclercq\""), std::string::npos) << word.out;

  // A surname in lowercase: a speaker of the example and one of the base.
  Result surname = Run("search --db quotes.db --json --speaker leclercq");
  EXPECT_EQ(surname.status, 0) << surname.err;
  EXPECT_NE(surname.out.find("Nous avons été prévenus suffisamment tôt"), std::string::npos)
      << surname.out;
  Result kb = Run("search --db quotes.db --json --limit 0 --speaker stoltenberg");
  EXPECT_EQ(kb.status, 0) << kb.err;
  EXPECT_NE(kb.out.find("Nous ne cherchons pas la confrontation"), std::string::npos) << kb.out;
  for (const std::string& line : SplitLines(kb.out)) {
    EXPECT_NE(line.find("\"speaker\":\"Jens Stoltenberg\""), std::string::npos) << line;
  }
  // Accents in the filter are ignored too.
  Result accented = Run("search --db quotes.db --json --speaker LECLÉRCQ");
  EXPECT_EQ(accented.out, surname.out);
}

TEST_F(DatabaseCommands, SearchJsonHasTheDocumentedKeys) {
  ASSERT_EQ(Run("ingest " + Patterns() + "--db quotes.db " + Docs()).status, 0);
  Result r = Run("search --db quotes.db --json --limit 1 confrontation");
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(SplitLines(r.out).size(), 1u) << r.out;
  for (const char* key : {"\"quote\":", "\"speaker\":", "\"speaker_id\":", "\"date\":",
                          "\"url\":", "\"doc\":\"02_role_apposition\"", "\"context\":",
                          "\"confidence\":", "\"kind\":\"direct\"", "\"method\":"}) {
    EXPECT_NE(r.out.find(key), std::string::npos) << key << " in " << r.out;
  }
}

// search drops the kinds it does not want itself when it can (faster than
// the database's filter): the rows must be those export gives.
TEST_F(DatabaseCommands, SearchGivesTheRowsExportGivesForTheSameFilters) {
  ASSERT_EQ(Run("ingest " + Patterns() + "--db quotes.db " + Docs()).status, 0);
  for (const std::string filters :
       {"--limit 3 nous", "--limit 2 --kind mention la", "--limit 4 --kind direct --kind tweet les",
        "--limit 5 --kind partial,direct l*", "--limit 0 de", "--limit 7 --speaker otan"}) {
    Result search = Run("search --db quotes.db --json " + filters);
    Result exported = Run("export --db quotes.db " + filters);
    EXPECT_EQ(search.status, 0) << filters << ": " << search.err;
    EXPECT_FALSE(search.out.empty()) << filters;
    EXPECT_EQ(search.out, exported.out) << filters;
  }
  Result mentions = Run("search --db quotes.db --json --limit 0 --kind mention la");
  for (const std::string& line : SplitLines(mentions.out)) {
    EXPECT_NE(line.find("\"kind\":\"mention\""), std::string::npos) << line;
  }
  Result none = Run("search --db quotes.db --json --limit 0 la");
  EXPECT_EQ(none.out.find("\"kind\":\"mention\""), std::string::npos) << none.out;
}

TEST_F(DatabaseCommands, SearchTableFitsTheWidth) {
  ASSERT_EQ(Run("ingest " + Patterns() + "--db quotes.db " + Docs()).status, 0);
  Result r = Run("search --db quotes.db --limit 5 --speaker stoltenberg", "COLUMNS=70");
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<std::string> lines = SplitLines(r.out);
  ASSERT_GT(lines.size(), 5u) << r.out;
  EXPECT_EQ(lines[0].rfind("DATE", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("Jens Stoltenberg"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("context: "), std::string::npos) << r.out;
  for (const std::string& line : lines) {
    size_t code_points = 0;
    for (unsigned char c : line) code_points += (c & 0xC0) != 0x80;
    EXPECT_LE(code_points, 70u) << line;
  }
}

TEST_F(DatabaseCommands, IngestingTwiceGivesTheSameDatabase) {
  Result first = Run("ingest " + Patterns() + "--db quotes.db " + Docs());
  ASSERT_EQ(first.status, 0) << first.err;
  Result export1 = Run("export --db quotes.db --kind all");
  ASSERT_EQ(export1.status, 0) << export1.err;
  const std::string dump1 = DumpOf(Path("quotes.db"));

  // The fixtures grow: count them rather than name a number.
  size_t docs = 0;
  for (const auto& entry : fs::directory_iterator(GUILLEMET_SOURCE_DIR "/fixtures/docs")) {
    if (entry.path().extension() == ".txt") ++docs;
  }
  Result second = Run("ingest " + Patterns() + "--db quotes.db --report report.jsonl " + Docs());
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("(0 added, 0 replaced, " + std::to_string(docs) +
                            " unchanged, 0 failed)"),
            std::string::npos)
      << second.err;
  std::string report = ReadFile(dir_ / "report.jsonl");
  EXPECT_EQ(Count(report, "\"outcome\":\"unchanged\""), docs) << report;
  Result export2 = Run("export --db quotes.db --kind all");
  EXPECT_GT(SplitLines(export1.out).size(), docs);
  EXPECT_EQ(export1.out, export2.out);
  EXPECT_EQ(dump1, DumpOf(Path("quotes.db")));
}

TEST_F(DatabaseCommands, AChangedArticleReplacesItsQuotations) {
  Write("v1.jsonl",
        "{\"id\":\"x\",\"date\":\"2017-05-25\",\"text\":\"« Nous construirons le pont », a "
        "déclaré Paul Durand.\"}\n"
        "{\"id\":\"y\",\"text\":\"« Rien ne change ici », a affirmé Anne Roux.\"}\n");
  Write("v2.jsonl",
        "{\"id\":\"x\",\"date\":\"2017-05-26\",\"text\":\"« Le tunnel est abandonné », a "
        "déclaré Paul Durand.\"}\n"
        "{\"id\":\"y\",\"text\":\"« Rien ne change ici », a affirmé Anne Roux.\"}\n");
  ASSERT_EQ(Run("ingest " + Patterns() + "--db q.db v1.jsonl").status, 0);
  Result v2 = Run("ingest " + Patterns() + "--db q.db --report report.jsonl v2.jsonl");
  ASSERT_EQ(v2.status, 0) << v2.err;
  std::vector<std::string> report = SplitLines(ReadFile(dir_ / "report.jsonl"));
  ASSERT_EQ(report.size(), 2u);
  EXPECT_NE(report[0].find("\"outcome\":\"replaced\",\"quotations\":1"), std::string::npos)
      << report[0];
  EXPECT_NE(report[1].find("\"outcome\":\"unchanged\",\"quotations\":0"), std::string::npos)
      << report[1];

  Result all = Run("export --db q.db --kind all");
  EXPECT_EQ(all.out.find("pont"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("Le tunnel est abandonné"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("Rien ne change ici"), std::string::npos) << all.out;
  EXPECT_EQ(SplitLines(all.out).size(), 2u) << all.out;
  EXPECT_EQ(Run("search --db q.db --json pont").out, "");
}

TEST_F(DatabaseCommands, RecordsFailedArticlesWithTheirErrorAndExitsWith1) {
  Write("in/empty.txt", "");
  Write("in/good.txt", "« Nous ferons mieux », a déclaré Paul Durand.\n");
  Write("bad.jsonl", "{\"id\":\"j1\",\"text\":\"Bonjour.\"}\n{broken\n");
  Result r = Run("ingest " + Patterns() + "--db q.db --report report.jsonl in bad.jsonl");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("guillemet: in/empty.txt: empty file\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("guillemet: bad.jsonl:2: malformed JSON"), std::string::npos) << r.err;
  // The empty file has an id and is stored as failed with its error; the
  // broken line has none and is only reported.
  std::optional<guillemet::db::Stats> stats = StatsOf(Path("q.db"));
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->documents, 3);
  EXPECT_EQ(stats->failed_documents, 1);
  EXPECT_NE(DumpOf(Path("q.db")).find("\"failed\",\"in/empty.txt: empty file\"]"),
            std::string::npos);
  std::vector<std::string> report = SplitLines(ReadFile(dir_ / "report.jsonl"));
  ASSERT_EQ(report.size(), 4u);
  EXPECT_NE(report[0].find("\"status\":\"failed\",\"outcome\":\"failed\""), std::string::npos)
      << report[0];
  EXPECT_NE(report[3].find("\"doc\":null,\"status\":\"failed\",\"quotations\":0"),
            std::string::npos)
      << report[3];
}

TEST_F(DatabaseCommands, ExportWritesCsvPerRfc4180AndToAFile) {
  Write("a.jsonl",
        "{\"id\":\"a\",\"text\":\"« Oui, \\\"vraiment\\\", oui », a déclaré Paul Durand.\"}\n");
  ASSERT_EQ(Run("ingest " + Patterns() + "--db q.db a.jsonl").status, 0);
  Result r = Run("export --db q.db --format csv -o out.csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::string csv = ReadFile(dir_ / "out.csv");
  EXPECT_EQ(csv.rfind("doc,ordinal,date,speaker,speaker_id,quote,kind,", 0), 0u) << csv;
  EXPECT_NE(csv.find("\r\na,0,,Paul Durand,,\"Oui, \"\"vraiment\"\", oui\",direct,"),
            std::string::npos)
      << csv;
  EXPECT_EQ(Run("export --db q.db --format xml").status, 2);
}

TEST_F(DatabaseCommands, SpeakersListsCountsAndDates) {
  ASSERT_EQ(Run("ingest " + Patterns() + "--db quotes.db " + Docs()).status, 0);
  Result json = Run("speakers --db quotes.db --json");
  ASSERT_EQ(json.status, 0) << json.err;
  bool found = false;
  for (const std::string& line : SplitLines(json.out)) {
    if (line.find("\"speaker\":\"Jens Stoltenberg\"") == std::string::npos) continue;
    found = true;
    EXPECT_NE(line.find("\"speaker_id\":\""), std::string::npos) << line;
    EXPECT_NE(line.find("\"first_date\":\""), std::string::npos) << line;
    EXPECT_EQ(line.find("\"quotations\":0"), std::string::npos) << line;
  }
  EXPECT_TRUE(found) << json.out;
  Result table = Run("speakers --db quotes.db");
  EXPECT_EQ(table.out.rfind("QUOTES  FIRST       LAST        SPEAKER\n", 0), 0u) << table.out;
}

// The crash-safety promise, with a real process: SIGKILL an ingest after it
// has committed some articles, run it again, and the database must equal
// that of a run never interrupted.
TEST_F(DatabaseCommands, AKilledIngestRunAgainEndsLikeAnUninterruptedOne) {
  // Enough for the first commit, made after one second (batches of 10 000
  // are not filled), to come well before the end.
  constexpr int kArticles = 20000;
  Write("wire.jsonl", GeneratedJsonl(kArticles));
  const std::vector<std::string> args = {"ingest", "--patterns", GUILLEMET_SOURCE_DIR "/patterns",
                                         "-j2", "--db"};

  std::vector<std::string> killed_args = args;
  killed_args.insert(killed_args.end(), {"killed.db", "wire.jsonl"});
  pid_t pid = Start(killed_args, "killed");
  int64_t at_kill = 0;
  for (auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
       std::chrono::steady_clock::now() < deadline;) {
    std::optional<guillemet::db::Stats> stats = StatsOf(Path("killed.db"));
    if (stats && stats->documents > 0) {
      at_kill = stats->documents;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int raw = 0;
  ASSERT_EQ(waitpid(pid, &raw, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(raw)) << "the ingest ended before it was killed: "
                                << ReadFile(Path("killed.err"));
  ASSERT_GT(at_kill, 0);
  std::optional<guillemet::db::Stats> after_kill = StatsOf(Path("killed.db"));
  ASSERT_TRUE(after_kill.has_value());
  ASSERT_LT(after_kill->documents, kArticles) << "not killed half-way";

  std::vector<std::string> resumed_args = args;
  resumed_args.insert(resumed_args.end(),
                      {"killed.db", "--report", "resumed.jsonl", "wire.jsonl"});
  EXPECT_EQ(Wait(Start(resumed_args, "resumed")), 0) << ReadFile(Path("resumed.err"));
  const std::string report = ReadFile(Path("resumed.jsonl"));
  EXPECT_GE(Count(report, "\"outcome\":\"unchanged\""), static_cast<size_t>(after_kill->documents));

  std::vector<std::string> clean_args = args;
  clean_args.insert(clean_args.end(), {"clean.db", "wire.jsonl"});
  EXPECT_EQ(Wait(Start(clean_args, "clean")), 0) << ReadFile(Path("clean.err"));

  Result resumed = Run("export --db killed.db --kind all");
  Result clean = Run("export --db clean.db --kind all");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_GT(SplitLines(clean.out).size(), static_cast<size_t>(kArticles));
  EXPECT_TRUE(resumed.out == clean.out) << "export of the resumed database differs";
  EXPECT_TRUE(DumpOf(Path("killed.db")) == DumpOf(Path("clean.db")));
  std::unique_ptr<Database> db;
  ASSERT_TRUE(Database::Open(Path("killed.db"), {}, &db).ok());
  guillemet::Status integrity = db->CheckIntegrity();
  EXPECT_TRUE(integrity.ok()) << integrity.message();
}

TEST_F(DatabaseCommands, SearchSucceedsWhileIngestWrites) {
  constexpr int kArticles = 3000;
  Write("wire.jsonl", GeneratedJsonl(kArticles));
  ASSERT_EQ(Run("ingest " + Patterns() + "--db q.db " + Docs()).status, 0);
  pid_t pid = Start({"ingest", "--patterns", GUILLEMET_SOURCE_DIR "/patterns", "--db", "q.db",
                     "wire.jsonl"},
                    "writer");
  int searches = 0;
  for (int waited = 0; waited < 600 && searches < 200; ++waited) {
    std::optional<guillemet::db::Stats> stats = StatsOf(Path("q.db"));
    if (stats && stats->documents > 47 && stats->documents < 47 + kArticles) {
      Result r = Run("search --db q.db --json --speaker stoltenberg confrontation");
      EXPECT_EQ(r.status, 0) << r.err;
      EXPECT_NE(r.out.find("Nous ne cherchons pas la confrontation"), std::string::npos) << r.err;
      ++searches;
    } else if (stats && stats->documents == 47 + kArticles) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(Wait(pid), 0) << ReadFile(Path("writer.err"));
  EXPECT_GT(searches, 0) << "no search ran while the ingest was writing";
}

TEST_F(DatabaseCommands, CommitsOnTimeWhileTheInputStalls) {
  const std::string fifo = Path("input.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // Both ends are opened here, the reading one without blocking (nobody
  // writes yet), and the child gets the reading one as its stdin.
  int read_fd = open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  ASSERT_GE(read_fd, 0);
  int fd = open(fifo.c_str(), O_WRONLY | O_CLOEXEC);  // Not inherited: EOF on close.
  ASSERT_GE(fd, 0);
  fcntl(read_fd, F_SETFL, fcntl(read_fd, F_GETFL) & ~O_NONBLOCK);
  pid_t pid = Start({"ingest", "--patterns", GUILLEMET_SOURCE_DIR "/patterns", "--db", "q.db", "-"},
                    "stall", read_fd);
  close(read_fd);
  const std::string lines =
      "{\"id\":\"a\",\"text\":\"« Un », a déclaré Paul Durand.\"}\n"
      "{\"id\":\"b\",\"text\":\"« Deux », a déclaré Anne Roux.\"}\n";
  ASSERT_EQ(write(fd, lines.data(), lines.size()), static_cast<ssize_t>(lines.size()));
  // The input stays open and silent: the two articles must still reach the
  // file within about a second.
  int64_t documents = 0;
  for (int i = 0; i < 100 && documents < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::optional<guillemet::db::Stats> stats = StatsOf(Path("q.db"));
    if (stats) documents = stats->documents;
  }
  EXPECT_EQ(documents, 2);
  close(fd);
  EXPECT_EQ(Wait(pid), 0) << ReadFile(Path("stall.err"));
}

TEST_F(DatabaseCommands, ExitsWith2WithoutAUsableDatabase) {
  Result ingest = Run("ingest " + Patterns() + Docs());
  EXPECT_EQ(ingest.status, 2);
  EXPECT_NE(ingest.err.find("--db is required"), std::string::npos) << ingest.err;
  for (const char* command : {"search word", "export", "speakers"}) {
    Result r = Run(command);
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_NE(r.err.find("--db is required"), std::string::npos) << r.err;
  }
  Result missing = Run("search --db nowhere.db word");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("guillemet: nowhere.db: no such database"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(fs::exists(Path("nowhere.db")));
  Write("not.db", "this is not a database, only text that is long enough to be a header....");
  Result junk = Run("ingest " + Patterns() + "--db not.db " + Docs());
  EXPECT_EQ(junk.status, 2) << junk.err;
  Result cannot = Run("ingest " + Patterns() + "--db no/such/dir/q.db " + Docs());
  EXPECT_EQ(cannot.status, 2) << cannot.err;
}

TEST_F(DatabaseCommands, ExitsWith2OnAMalformedFilter) {
  ASSERT_EQ(Run("ingest " + Patterns() + "--db q.db " + Docs()).status, 0);
  Result r = Run("search --db q.db --since 2017-13 word");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("2017-13"), std::string::npos) << r.err;
  EXPECT_EQ(Run("search --db q.db --kind speech word").status, 2);
  EXPECT_EQ(Run("export --db q.db --until soon").status, 2);
}

}  // namespace
