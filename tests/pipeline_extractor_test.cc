// Tests of the public API (guillemet.h) through Extractor::Open on the real
// patterns/: the promises of its comments. Open names the folder or the
// "path:line:" of what is wrong; Extract is const and thread-safe, never
// fails, and its offsets slice the quotation out of the text it was given.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "guillemet/guillemet.h"
#include "support.h"

namespace guillemet {
namespace {

namespace fs = std::filesystem;
using guillemet::test::ReadFile;
using guillemet::test::SplitLines;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

const fs::path kSource = GUILLEMET_SOURCE_DIR;
const fs::path kPatterns = kSource / "patterns";

// Every field of a quotation on one line, to compare runs and to show them.
std::string Describe(const Quotation& q) {
  std::ostringstream s;
  s << "[" << q.start << "," << q.end << ") bytes [" << q.byte_start << "," << q.byte_end << ") "
    << QuoteKindName(q.kind) << " speaker=" << q.speaker.value_or("-")
    << " id=" << q.speaker_id.value_or("-") << " mention=" << q.mention;
  if (q.mention_start) s << "@" << *q.mention_start << "-" << q.mention_end.value_or(0);
  s << " cue=" << q.cue << " method=" << q.method << " confidence=" << q.confidence
    << " date=" << q.date << " quote=«" << q.quote << "»";
  return s.str();
}

std::string Describe(const Extraction& e) {
  std::string out;
  for (const Quotation& q : e.quotations) out += Describe(q) + "\n";
  for (const std::string& w : e.warnings) out += "warning: " + w + "\n";
  return out;
}

// Where the code point after the one at byte i starts: a well-formed UTF-8
// sequence is one code point, and so is each byte that does not start one
// (the header's promise).
size_t NextCodePoint(const std::string& text, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = b(i);
  size_t n = 0;
  if (lead < 0x80) {
    n = 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
  }
  bool valid = n > 0 && i + n <= text.size();
  for (size_t k = 1; valid && k < n; ++k) valid = (b(i + k) & 0xC0) == 0x80;
  if (valid && n == 3) {  // No overlong form, no surrogate.
    valid = !(lead == 0xE0 && b(i + 1) < 0xA0) && !(lead == 0xED && b(i + 1) >= 0xA0);
  }
  if (valid && n == 4) {  // No overlong form, nothing above U+10FFFF.
    valid = !(lead == 0xF0 && b(i + 1) < 0x90) && !(lead == 0xF4 && b(i + 1) >= 0x90);
  }
  return i + (valid ? n : 1);
}

// Code points in text[0, byte).
size_t CodePointsBefore(const std::string& text, size_t byte) {
  size_t count = 0;
  for (size_t i = 0; i < byte && i < text.size(); i = NextCodePoint(text, i)) ++count;
  return count;
}

// The bytes of code points [start, end) of a text.
std::string CodePointSlice(const std::string& text, size_t start, size_t end) {
  size_t i = 0, cp = 0, byte_start = text.size();
  for (; i < text.size() && cp < end; i = NextCodePoint(text, i), ++cp) {
    if (cp == start) byte_start = i;
  }
  return byte_start <= i ? text.substr(byte_start, i - byte_start) : "";
}

Document Doc(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

// The fixture articles with their dates, as the evaluation reads them.
std::vector<Document> FixtureDocuments() {
  std::map<std::string, std::string> dates;
  simdjson::dom::parser parser;
  for (const std::string& line : SplitLines(ReadFile(kSource / "fixtures/meta.jsonl"))) {
    if (line.empty()) continue;
    simdjson::dom::element meta = parser.parse(line);
    std::string_view doc, date;
    if (meta["doc"].get(doc) == simdjson::SUCCESS && meta["date"].get(date) == simdjson::SUCCESS) {
      dates[std::string(doc)] = std::string(date);
    }
  }
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(kSource / "fixtures/docs")) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Document> documents;
  for (const fs::path& path : paths) {
    Document d;
    d.id = path.stem().string();
    d.text = ReadFile(path);
    d.date = dates[d.id];
    documents.push_back(std::move(d));
  }
  return documents;
}

// One extractor on the real patterns for the whole suite.
class RealPatterns : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::unique_ptr<Extractor> extractor;
    Status status = Extractor::Open(kPatterns.string(), &extractor);
    ASSERT_TRUE(status.ok()) << status.message();
    extractor_ = extractor.release();
    documents_ = new std::vector<Document>(FixtureDocuments());
  }
  static void TearDownTestSuite() {
    delete extractor_;
    delete documents_;
  }
  static const Extractor& extractor() { return *extractor_; }
  static const std::vector<Document>& documents() { return *documents_; }

 private:
  static const Extractor* extractor_;
  static const std::vector<Document>* documents_;
};
const Extractor* RealPatterns::extractor_ = nullptr;
const std::vector<Document>* RealPatterns::documents_ = nullptr;

TEST(ExtractorOpen, FailsOnAMissingFolderWithAMessageNamingIt) {
  const std::string missing = (fs::temp_directory_path() / "guillemet-no-such-patterns").string();
  std::unique_ptr<Extractor> extractor;
  Status status = Extractor::Open(missing, &extractor);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr(missing));
  EXPECT_EQ(extractor, nullptr);
}

TEST(ExtractorOpen, SucceedsOnTheRepositoryPatterns) {
  std::unique_ptr<Extractor> extractor;
  Status status = Extractor::Open(kPatterns.string(), &extractor);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_NE(extractor, nullptr);
}

// A copy of patterns/ in which one data line, in the middle of one file, is
// replaced by a malformed one.
class MalformedPatternLine : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "guillemet-patterns-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    fs::copy(kPatterns, dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Replaces the middle data line of `file` and returns its 1-based number.
  int BreakOneLine(const std::string& file, const std::string& replacement) {
    std::vector<std::string> lines = SplitLines(ReadFile(dir_ / file));
    std::vector<size_t> data;
    for (size_t i = 0; i < lines.size(); ++i) {
      size_t first = lines[i].find_first_not_of(" \t\r");
      if (first != std::string::npos && lines[i][first] != '#') data.push_back(i);
    }
    if (data.empty()) return 0;
    size_t broken = data[data.size() / 2];
    lines[broken] = replacement;
    std::ofstream out(dir_ / file, std::ios::binary | std::ios::trunc);
    for (const std::string& line : lines) out << line << "\n";
    return static_cast<int>(broken) + 1;
  }

  fs::path dir_;
};

TEST_P(MalformedPatternLine, FailsWithThePathAndLineOfTheBrokenLine) {
  const std::string file = GetParam();
  if (!fs::exists(kPatterns / file)) GTEST_SKIP() << "no patterns/" << file << " in this tree";
  const bool json = fs::path(file).extension() == ".jsonl";
  int line = BreakOneLine(file, json ? "{\"id\": \"broken" : "malformed line without a tab");
  ASSERT_GT(line, 0) << file << " has no data line";

  std::unique_ptr<Extractor> extractor;
  Status status = Extractor::Open(dir_.string(), &extractor);
  ASSERT_FALSE(status.ok()) << file << ":" << line << " was broken but Open succeeded";
  const std::string where = (dir_ / file).string() + ":" + std::to_string(line) + ":";
  EXPECT_THAT(status.message(), StartsWith(where));
  EXPECT_GT(status.message().size(), where.size() + 1) << "no reason after the position";
  EXPECT_EQ(extractor, nullptr);
}

INSTANTIATE_TEST_SUITE_P(EachPatternFile, MalformedPatternLine,
                         ::testing::Values("verbs.tsv", "words.tsv", "quote_marks.tsv", "roles.tsv",
                                           "speakers.jsonl"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '.', '_');
                           return name;
                         });

TEST_F(RealPatterns, ExtractGivesIdenticalResultsFromEightThreadsAtOnce) {
  std::vector<std::string> expected;
  for (const Document& d : documents()) expected.push_back(Describe(extractor().Extract(d)));

  constexpr int kThreads = 8;
  std::vector<std::vector<std::string>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const size_t n = documents().size();
      got[t].resize(n);
      // Each thread starts at a different article, so that all of them are
      // being extracted at the same time by different threads.
      for (size_t k = 0; k < 3 * n; ++k) {
        size_t i = (k + t * n / kThreads) % n;
        std::string description = Describe(extractor().Extract(documents()[i]));
        if (k < n || got[t][i] == description) {
          got[t][i] = description;
        } else {
          got[t][i] = "unstable across repeats:\n" + description;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    for (size_t i = 0; i < documents().size(); ++i) {
      EXPECT_EQ(got[t][i], expected[i]) << "thread " << t << ", doc " << documents()[i].id;
    }
  }
}

TEST_F(RealPatterns, ByteOffsetsSliceTheQuoteOutOfTheText) {
  int checked = 0;
  for (const Document& d : documents()) {
    for (const Quotation& q : extractor().Extract(d).quotations) {
      ASSERT_LE(q.byte_start, q.byte_end) << d.id << ": " << Describe(q);
      ASSERT_LE(q.byte_end, d.text.size()) << d.id << ": " << Describe(q);
      const std::string slice = d.text.substr(q.byte_start, q.byte_end - q.byte_start);
      if (slice.find('\n') != std::string::npos) continue;  // Joined paragraphs.
      EXPECT_EQ(slice, q.quote) << d.id << ": " << Describe(q);
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

TEST_F(RealPatterns, CodePointOffsetsCountTheCodePointsBeforeTheByteOffsets) {
  for (const Document& d : documents()) {
    for (const Quotation& q : extractor().Extract(d).quotations) {
      EXPECT_EQ(q.start, CodePointsBefore(d.text, q.byte_start)) << d.id << ": " << Describe(q);
      EXPECT_EQ(q.end, CodePointsBefore(d.text, q.byte_end)) << d.id << ": " << Describe(q);
    }
  }
}

TEST_F(RealPatterns, MentionOffsetsSliceTheMentionOutOfTheText) {
  int checked = 0;
  for (const Document& d : documents()) {
    for (const Quotation& q : extractor().Extract(d).quotations) {
      if (!q.mention_start) continue;
      ASSERT_TRUE(q.mention_end.has_value()) << d.id << ": " << Describe(q);
      EXPECT_EQ(CodePointSlice(d.text, *q.mention_start, *q.mention_end), q.mention)
          << d.id << ": " << Describe(q);
      ++checked;
    }
  }
  EXPECT_GT(checked, 30);
}

TEST_F(RealPatterns, QuotationsComeInTextOrder) {
  for (const Document& d : documents()) {
    const Extraction e = extractor().Extract(d);
    for (size_t i = 1; i < e.quotations.size(); ++i) {
      EXPECT_LE(e.quotations[i - 1].byte_start, e.quotations[i].byte_start) << d.id << ":\n"
                                                                            << Describe(e);
    }
  }
}

TEST_F(RealPatterns, InvalidUtf8GivesAWarningAndOffsetsStillCountEachBadByteOnce) {
  // Two stray bytes before the quotation, a truncated sequence inside it and
  // a lone continuation byte at the end.
  const Document d = Doc("bad-utf8",
                         "Bruxelles \xff\xfe (AFP) - Le maire, Jean Dupont, a d\xc3\xa9"
                         "clar\xc3\xa9 : \xc2\xab Nous ferons \xe2\x80 mieux. \xc2\xbb\n\x80");
  Extraction e;
  ASSERT_NO_THROW(e = extractor().Extract(d));
  EXPECT_THAT(e.warnings, Not(IsEmpty()));
  bool named = false;
  for (const std::string& w : e.warnings) named = named || w.find("UTF-8") != std::string::npos;
  EXPECT_TRUE(named) << Describe(e);
  ASSERT_FALSE(e.quotations.empty()) << "the quotation around the bad bytes was lost";
  for (const Quotation& q : e.quotations) {
    ASSERT_LE(q.byte_end, d.text.size()) << Describe(q);
    EXPECT_EQ(q.start, CodePointsBefore(d.text, q.byte_start)) << Describe(q);
    EXPECT_EQ(q.end, CodePointsBefore(d.text, q.byte_end)) << Describe(q);
  }
}

TEST_F(RealPatterns, JunkBytesNeverCrash) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919 + i / 3) % 256));
  // Many quotation marks, unbalanced, between the junk.
  for (int i = 0; i < 200; ++i) junk += i % 3 ? "\xc2\xab a" : "\xc2\xbb, a-t-il dit. \"";
  EXPECT_NO_THROW(extractor().Extract(Doc("junk", junk)));
  EXPECT_NO_THROW(extractor().Extract(Doc("nul", std::string(100, '\0'))));
}

TEST_F(RealPatterns, AnEmptyDocumentGivesNothing) {
  Extraction e = extractor().Extract(Doc("empty", ""));
  EXPECT_THAT(e.quotations, IsEmpty());
  EXPECT_THAT(e.warnings, IsEmpty());
}

}  // namespace
}  // namespace guillemet
