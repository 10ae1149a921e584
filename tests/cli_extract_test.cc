// Tests of `guillemet extract` as a user runs it: the real binary on
// temporary files, checking stdout, stderr, the --report file and the exit
// status. These pin the promises of --help: bad items cost one message each
// and never the run, exit statuses 0/1/2, and output in input order.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support.h"

namespace {

namespace fs = std::filesystem;
using guillemet::test::ReadFile;
using guillemet::test::SplitLines;

using Result = guillemet::test::CommandResult;

class ExtractCommand : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) {
    return temp_.Write(name, content);
  }
  std::string Path(const std::string& name) const { return temp_.File(name); }

  // Runs `guillemet ARGS` in the temporary folder, with the repository's
  // patterns unless ARGS name others.
  Result Run(const std::string& args, const std::string& stdin_file = "/dev/null") {
    return guillemet::test::RunGuillemet(dir_, args, stdin_file);
  }
  static std::string Patterns() { return "--patterns '" GUILLEMET_SOURCE_DIR "/patterns' "; }

  guillemet::test::TempDir temp_{"guillemet-cli"};
  const fs::path& dir_ = temp_.path();
};

TEST_F(ExtractCommand, ReportsEachBadItemAndProcessesAllTheOthers) {
  // Random bytes, with a NUL guaranteed so the file is recognisably binary.
  std::mt19937 rng(42);
  std::string junk(4096, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  junk[100] = '\0';
  Write("random.txt", junk);
  Write("empty.txt", "");
  Write("good.txt", "Le ministre a déclaré : « Nous ferons mieux. »\n");
  Write("data.jsonl",
        "{\"id\":\"j1\",\"text\":\"Il a dit « oui ».\"}\n"
        "{\"id\":\"j2\",\"text\":\"Elle a dit « non ».\"\n"
        "{\"id\":\"j3\",\"text\":\"« Peut-être », a-t-il ajouté.\"}\n");

  Result r = Run("extract " + Patterns() +
                 "--report report.jsonl random.txt empty.txt good.txt data.jsonl");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("guillemet: random.txt: binary file (NUL byte at offset"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("guillemet: empty.txt: empty file\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("guillemet: data.jsonl:2: malformed JSON (missing closing brace)\n"),
            std::string::npos)
      << r.err;

  std::vector<std::string> report = SplitLines(ReadFile(dir_ / "report.jsonl"));
  ASSERT_EQ(report.size(), 6u) << ReadFile(dir_ / "report.jsonl");
  const char* expected[] = {
      R"("source":"random.txt","file":"random.txt","line":null,"doc":"random","status":"failed")",
      R"("source":"empty.txt","file":"empty.txt","line":null,"doc":"empty","status":"failed")",
      R"("source":"good.txt","file":"good.txt","line":null,"doc":"good","status":"ok")",
      R"("source":"data.jsonl:1","file":"data.jsonl","line":1,"doc":"j1","status":"ok")",
      R"("source":"data.jsonl:2","file":"data.jsonl","line":2,"doc":null,"status":"failed")",
      R"("source":"data.jsonl:3","file":"data.jsonl","line":3,"doc":"j3","status":"ok")",
  };
  for (size_t i = 0; i < report.size(); ++i) {
    EXPECT_NE(report[i].find(expected[i]), std::string::npos) << report[i];
  }
}

TEST_F(ExtractCommand, ExitsWith0WhenEveryItemWentWell) {
  Write("a.txt", "Bonjour.");
  Write("b.jsonl", "{\"id\":\"b\",\"text\":\"Salut.\",\"date\":\"2017-05-25\"}\n");
  Result r = Run("extract " + Patterns() + "a.txt b.jsonl");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST_F(ExtractCommand, ExitsWith2OnAnUnknownFlag) {
  Write("a.txt", "Bonjour.");
  Result r = Run("extract " + Patterns() + "--no-such-flag a.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--no-such-flag"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(ExtractCommand, ExitsWith2WithoutInput) {
  Result r = Run("extract " + Patterns());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("INPUT is required"), std::string::npos) << r.err;
}

TEST_F(ExtractCommand, ExitsWith2WhenThePatternsFolderIsMissing) {
  Write("a.txt", "Bonjour.");
  Result r = Run("extract --patterns no/such/dir a.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("guillemet: no/such/dir: patterns folder not found"), std::string::npos)
      << r.err;
}

TEST_F(ExtractCommand, ExitsWith2WhenTheReportCannotBeWritten) {
  Write("a.txt", "Bonjour.");
  Result r = Run("extract " + Patterns() + "--report no/such/dir/report.jsonl a.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no/such/dir/report.jsonl: cannot write"), std::string::npos) << r.err;
}

TEST_F(ExtractCommand, WritesTheSameOutputInTheSameOrderWithOneOrFourThreads) {
  // Articles of very different sizes, so that with four threads later ones
  // finish before earlier ones.
  std::string jsonl;
  for (int i = 0; i < 400; ++i) {
    std::string text;
    for (int k = 0; k < (i % 13) * 40 + 1; ++k) {
      text += "« Nous ferons mieux », a déclaré le ministre " + std::to_string(k) + ". ";
    }
    jsonl += "{\"id\":\"n" + std::to_string(i) + "\",\"text\":\"" + text + "\"}\n";
    if (i % 50 == 0) jsonl += "{broken\n";
  }
  Write("many.jsonl", jsonl);
  for (int i = 0; i < 30; ++i) Write("folder/f" + std::to_string(i) + ".txt", "« Oui », dit-il.");

  Result one = Run("extract " + Patterns() + "-j1 --report r1.jsonl many.jsonl folder");
  Result four = Run("extract " + Patterns() + "-j4 --report r4.jsonl many.jsonl folder");
  EXPECT_EQ(one.status, 1);
  EXPECT_EQ(four.status, 1);
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.err, four.err);
  std::string r1 = ReadFile(dir_ / "r1.jsonl"), r4 = ReadFile(dir_ / "r4.jsonl");
  EXPECT_EQ(SplitLines(r1).size(), 400u + 8u + 30u);
  EXPECT_EQ(r1, r4);
}

TEST_F(ExtractCommand, ReadsJsonlFromStdin) {
  std::string input = Write("in.jsonl", "{\"id\":\"s1\",\"text\":\"Bonjour.\"}\n");
  Result r = Run("extract " + Patterns() + "--report report.jsonl -", input);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(ReadFile(dir_ / "report.jsonl").find(R"("source":"<stdin>:1")"), std::string::npos);
}

TEST_F(ExtractCommand, SkipsAnArticleOverTheSizeLimit) {
  Write("big.txt", std::string(5000, 'x'));
  Write("data.jsonl", "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'y') +
                          "\"}\n{\"id\":\"ok\",\"text\":\"court\"}\n");
  Result r = Run("extract " + Patterns() + "--max-article-bytes 1k big.txt data.jsonl");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("guillemet: big.txt: file too large (5000 bytes; --max-article-bytes is "
                       "1024), skipped"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("guillemet: data.jsonl:1: line too long"), std::string::npos) << r.err;
}

TEST_F(ExtractCommand, PassesInvalidUtf8TextThrough) {
  Write("latin1.txt",
        "Le pr\xE9sident a d\xE9"
        "clar\xE9 : \xAB Non. \xBB");
  Result r = Run("extract " + Patterns() + "latin1.txt");
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(ExtractCommand, WarnsOnceAboutADuplicatedId) {
  Write("a.jsonl",
        "{\"id\":\"x\",\"text\":\"1\"}\n{\"id\":\"x\",\"text\":\"2\"}\n{\"id\":\"x\",\"text\":"
        "\"3\"}\n");
  Result r = Run("extract " + Patterns() + "--report report.jsonl a.jsonl");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "guillemet: a.jsonl:2: doc x: duplicate id, first seen at a.jsonl:1\n");
  std::string report = ReadFile(dir_ / "report.jsonl");
  EXPECT_NE(report.find("duplicate id, first seen at a.jsonl:1\"]}\n{"), std::string::npos);
}

TEST_F(ExtractCommand, WritesACsvHeaderAndToAFileWithDashO) {
  Write("a.txt", "Bonjour.");
  Result r = Run("extract " + Patterns() + "--format csv -o quotes.csv a.txt");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ReadFile(dir_ / "quotes.csv").substr(0, 20), "doc,quote,start,end,");
}

TEST_F(ExtractCommand, HelpDocumentsDefaultsAndExitStatuses) {
  Result r = Run("extract --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Default: 32M"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Exit status: 0"), std::string::npos) << r.out;
  Result version = Run("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("guillemet ", 0), 0u) << version.out;
}

}  // namespace
